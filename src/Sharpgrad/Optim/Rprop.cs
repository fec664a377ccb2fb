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
    public Rprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double etaMinus = 0.5, double etaPlus = 1.2, double stepSizeMin = 1e-6,
        double stepSizeMax = 50, bool maximize = false)
        : base(parameters, lr, "prev", "step_size")
    {
        if (!(0.0 < etaMinus && etaMinus < 1.0 && 1.0 < etaPlus))
            throw new ArgumentOutOfRangeException(nameof(etaMinus), $"Invalid eta values: {NN.Module.PyFloat(etaMinus)}, {NN.Module.PyFloat(etaPlus)}");
        EtaMinus = etaMinus;
        EtaPlus = etaPlus;
        StepSizeMin = stepSizeMin;
        StepSizeMax = stepSizeMax;
        Maximize = maximize;
    }

    /// <summary>Multiplicative decrease of the step size on a sign flip (PyTorch: etas[0]).</summary>
    public double EtaMinus { get; private set; }

    /// <summary>Multiplicative increase of the step size while the sign holds (PyTorch: etas[1]).</summary>
    public double EtaPlus { get; private set; }

    /// <summary>Smallest step size (PyTorch: step_sizes[0]).</summary>
    public double StepSizeMin { get; private set; }

    /// <summary>Largest step size (PyTorch: step_sizes[1]).</summary>
    public double StepSizeMax { get; private set; }

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated).</summary>
    public bool Maximize { get; private set; }

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var (prev, stepSize) = (state[0], state[1]);
        if (step == 1) stepSize.Fill_(LearningRate); // PyTorch: full_like(grad, lr) when the state is created
        var g = Maximize ? grad.Neg() : grad.Clone();
        var factor = (g * prev).Sign();
        var flipped = factor.Lt(0.0);
        var (grew, held) = (factor.Gt(0.0), factor.Eq(0.0));
        factor.MaskedFill_(grew, EtaPlus).MaskedFill_(flipped, EtaMinus).MaskedFill_(held, 1.0);
        stepSize.Mul_(factor).Clamp_(StepSizeMin, StepSizeMax);
        g.MaskedFill_(flipped, 0.0);
        parameter.Add_(g.Sign() * stepSize, -1.0); // addcmul_(grad.sign(), step_size, value=-1)
        prev.Copy_(g);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("etaminus", EtaMinus), ("etaplus", EtaPlus), ("step_size_min", StepSizeMin), ("step_size_max", StepSizeMax), ("maximize", Maximize ? 1 : 0)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "etaminus": EtaMinus = value; break;
            case "etaplus": EtaPlus = value; break;
            case "step_size_min": StepSizeMin = value; break;
            case "step_size_max": StepSizeMax = value; break;
            case "maximize": Maximize = value != 0; break;
        }
    }
}
