using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Rprop (resilient backpropagation): each element keeps its own step size, multiplied by etaPlus while the gradient
/// keeps its sign and by etaMinus when it flips (then clamped to [stepSizeMin, stepSizeMax]); the parameter moves by
/// the step size against the gradient's sign, and not at all on a flip, where the remembered gradient is zeroed.
/// Step sizes start at lr. PyTorch's single-tensor operation order. PyTorch: torch.optim.Rprop.
/// </summary>
public sealed class Rprop : MomentOptimizer
{
    /// <summary>An Rprop optimizer over <paramref name="parameters"/> with PyTorch's defaults (etas (0.5, 1.2), step sizes (1e-6, 50)).</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Rprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double etaMinus = 0.5, double etaPlus = 1.2, double stepSizeMin = 1e-6,
        double stepSizeMax = 50, bool maximize = false)
        : base(Options(lr, etaMinus, etaPlus, stepSizeMin, stepSizeMax, maximize), OneGroup(parameters), "prev", "step_size")
    {
    }

    /// <summary>An Rprop optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public Rprop(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double etaMinus = 0.5, double etaPlus = 1.2, double stepSizeMin = 1e-6,
        double stepSizeMax = 50, bool maximize = false)
        : base(Options(lr, etaMinus, etaPlus, stepSizeMin, stepSizeMax, maximize), paramGroups, "prev", "step_size")
    {
    }

    private static (string, double)[] Options(double lr, double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax, bool maximize)
    {
        CheckLearningRate(lr);
        if (!(0.0 < etaMinus && etaMinus < 1.0 && 1.0 < etaPlus))
            throw new ArgumentOutOfRangeException(nameof(etaMinus), $"Invalid eta values: {NN.Module.PyFloat(etaMinus)}, {NN.Module.PyFloat(etaPlus)}");
        return [("lr", lr), ("etaminus", etaMinus), ("etaplus", etaPlus), ("step_size_min", stepSizeMin), ("step_size_max", stepSizeMax), ("maximize", maximize ? 1 : 0)];
    }

    /// <summary>Multiplicative decrease of the step size on a sign flip (PyTorch: etas[0]; the first group's).</summary>
    public double EtaMinus => ParamGroups[0]["etaminus"];

    /// <summary>Multiplicative increase of the step size while the sign holds (PyTorch: etas[1]; the first group's).</summary>
    public double EtaPlus => ParamGroups[0]["etaplus"];

    /// <summary>Smallest step size (PyTorch: step_sizes[0]; the first group's).</summary>
    public double StepSizeMin => ParamGroups[0]["step_size_min"];

    /// <summary>Largest step size (PyTorch: step_sizes[1]; the first group's).</summary>
    public double StepSizeMax => ParamGroups[0]["step_size_max"];

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated; the first group's).</summary>
    public bool Maximize => ParamGroups[0]["maximize"] != 0;

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var (prev, stepSize) = (state[0], state[1]);
        if (step == 1) stepSize.Fill_(group.LearningRate); // PyTorch: full_like(grad, lr) when the state is created
        var g = group["maximize"] != 0 ? grad.Neg() : grad.Clone();
        var factor = (g * prev).Sign();
        var flipped = factor.Lt(0.0);
        var (grew, held) = (factor.Gt(0.0), factor.Eq(0.0));
        factor.MaskedFill_(grew, group["etaplus"]).MaskedFill_(flipped, group["etaminus"]).MaskedFill_(held, 1.0);
        stepSize.Mul_(factor).Clamp_(group["step_size_min"], group["step_size_max"]);
        g.MaskedFill_(flipped, 0.0);
        parameter.Add_(g.Sign() * stepSize, -1.0); // addcmul_(grad.sign(), step_size, value=-1)
        prev.Copy_(g);
    }

}
