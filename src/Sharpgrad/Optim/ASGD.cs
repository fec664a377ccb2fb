namespace Sharpgrad.Optim;

/// <summary>
/// ASGD (averaged SGD): p *= 1 - λ·η, p -= η·g (g with L2 weight decay added), and the average ax follows p
/// (ax += μ·(p - ax), or ax = p while μ is 1); then η = lr / (1 + λ·lr·t)^α and μ = 1 / max(1, t - t0). η and μ are
/// float32 scalars as PyTorch keeps them, so trajectories match. PyTorch's single-tensor operation order.
/// PyTorch: torch.optim.ASGD.
/// </summary>
public sealed class ASGD : MomentOptimizer
{
    private readonly float[] _eta;
    private readonly float[] _mu;

    /// <summary>An ASGD optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public ASGD(IEnumerable<Tensor> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6,
        double weightDecay = 0, bool maximize = false)
        : base(parameters, lr, "ax")
    {
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        Lambd = lambd;
        Alpha = alpha;
        T0 = t0;
        WeightDecay = weightDecay;
        Maximize = maximize;
        _eta = new float[Parameters.Count];
        _mu = new float[Parameters.Count];
    }

    /// <summary>Decay term.</summary>
    public double Lambd { get; private set; }

    /// <summary>Power of the η schedule.</summary>
    public double Alpha { get; private set; }

    /// <summary>Step at which averaging starts.</summary>
    public double T0 { get; private set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated).</summary>
    public bool Maximize { get; private set; }

    /// <inheritdoc/>
    private protected override IEnumerable<string> ExtraStateNames => ["eta", "mu"];

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var ax = state[0];
        if (step == 1) (_eta[index], _mu[index]) = ((float)LearningRate, 1f); // PyTorch creates eta from lr, mu as 1
        var g = Maximize ? grad.Neg() : grad;
        if (WeightDecay != 0) g = g.Add(parameter, WeightDecay);
        double eta = _eta[index];
        parameter.Mul_(1 - Lambd * eta);
        parameter.Add_(g, -eta);
        if (_mu[index] != 1) ax.Add_((parameter - ax).Mul_(_mu[index]));
        else ax.Copy_(parameter);
        _eta[index] = (float)(LearningRate / Math.Pow(1 + Lambd * LearningRate * step, Alpha));
        _mu[index] = (float)(1 / Math.Max(1, step - T0));
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("lambd", Lambd), ("alpha", Alpha), ("t0", T0), ("weight_decay", WeightDecay), ("maximize", Maximize ? 1 : 0)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "lambd": Lambd = value; break;
            case "alpha": Alpha = value; break;
            case "t0": T0 = value; break;
            case "weight_decay": WeightDecay = value; break;
            case "maximize": Maximize = value != 0; break;
        }
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index)
    {
        var saved = base.SaveState(index).ToList();
        return saved.Count == 0 ? saved : saved.Append(("eta", Tensor.Scalar(_eta[index]))).Append(("mu", Tensor.Scalar(_mu[index])));
    }

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        base.LoadState(index, state);
        _eta[index] = state.TryGetValue("eta", out var e) ? (float)e.To(DType.Float64).Item<double>() : (float)LearningRate;
        _mu[index] = state.TryGetValue("mu", out var m) ? (float)m.To(DType.Float64).Item<double>() : 1f;
    }
}
