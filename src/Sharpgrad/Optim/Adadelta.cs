namespace Sharpgrad.Optim;

/// <summary>
/// Adadelta: v = ρ·v + (1-ρ)·g², δ = √(a + eps) / √(v + eps) · g, a = ρ·a + (1-ρ)·δ², p -= lr·δ, with L2 weight
/// decay added to the gradient. PyTorch's operation order and defaults (lr 1.0). PyTorch: torch.optim.Adadelta.
/// </summary>
public sealed class Adadelta : MomentOptimizer
{
    /// <summary>An Adadelta optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public Adadelta(IEnumerable<Tensor> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weightDecay = 0)
        : base(parameters, lr, "square_avg", "acc_delta")
    {
        if (!(rho >= 0 && rho <= 1)) throw new ArgumentOutOfRangeException(nameof(rho), $"Invalid rho value: {Format(rho)}");
        CheckNonNegative(eps, "epsilon", nameof(eps));
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        Rho = rho;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    /// <summary>Decay of the running averages.</summary>
    public double Rho { get; private set; }

    /// <summary>Added inside both square roots for numerical stability.</summary>
    public double Eps { get; private set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; private set; }

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var (v, a) = (state[0], state[1]);
        var g = WeightDecay != 0 ? grad.Add(parameter, WeightDecay) : grad;
        // PyTorch's op sequence, so each step rounds as it does
        v.Mul_(Rho).Addcmul_(g, g, 1 - Rho);
        var std = v.Add(Eps).Sqrt_();
        var delta = a.Add(Eps).Sqrt_().Div_(std).Mul_(g);
        a.Mul_(Rho).Addcmul_(delta, delta, 1 - Rho);
        parameter.Add_(delta, -LearningRate);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("rho", Rho), ("eps", Eps), ("weight_decay", WeightDecay)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "rho": Rho = value; break;
            case "eps": Eps = value; break;
            case "weight_decay": WeightDecay = value; break;
        }
    }
}
