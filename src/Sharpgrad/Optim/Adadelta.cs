using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Adadelta: v = ρ·v + (1-ρ)·g², δ = √(a + eps) / √(v + eps) · g, a = ρ·a + (1-ρ)·δ², p -= lr·δ, with L2 weight
/// decay added to the gradient. PyTorch's operation order and defaults (lr 1.0). PyTorch: torch.optim.Adadelta.
/// </summary>
public sealed class Adadelta : MomentOptimizer
{
    /// <summary>An Adadelta optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Adadelta(IEnumerable<Tensor> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weightDecay = 0)
        : base(Options(lr, rho, eps, weightDecay), OneGroup(parameters), "square_avg", "acc_delta")
    {
    }

    /// <summary>An Adadelta optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public Adadelta(IEnumerable<ParamGroup> paramGroups, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weightDecay = 0)
        : base(Options(lr, rho, eps, weightDecay), paramGroups, "square_avg", "acc_delta")
    {
    }

    private static (string, double)[] Options(double lr, double rho, double eps, double weightDecay)
    {
        CheckLearningRate(lr);
        if (!(rho >= 0 && rho <= 1)) throw new ArgumentOutOfRangeException(nameof(rho), $"Invalid rho value: {Format(rho)}");
        CheckNonNegative(eps, "epsilon", nameof(eps));
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        return [("lr", lr), ("rho", rho), ("eps", eps), ("weight_decay", weightDecay)];
    }

    /// <summary>Decay of the running averages (the first group's).</summary>
    public double Rho => ParamGroups[0]["rho"];

    /// <summary>Added inside both square roots for numerical stability (the first group's).</summary>
    public double Eps => ParamGroups[0]["eps"];

    /// <summary>L2 penalty added to the gradient (the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var (v, a) = (state[0], state[1]);
        double rho = group["rho"], eps = group["eps"], weightDecay = group["weight_decay"];
        var g = weightDecay != 0 ? grad.Add(parameter, weightDecay) : grad;
        // PyTorch's op sequence, so each step rounds as it does
        v.Mul_(rho).Addcmul_(g, g, 1 - rho);
        var std = v.Add(eps).Sqrt_();
        var delta = a.Add(eps).Sqrt_().Div_(std).Mul_(g);
        a.Mul_(rho).Addcmul_(delta, delta, 1 - rho);
        parameter.Add_(delta, -group.LearningRate);
    }

}
