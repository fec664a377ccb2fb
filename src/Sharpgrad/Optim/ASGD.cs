using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// ASGD (averaged SGD): p *= 1 - λ·η, p -= η·g (g with L2 weight decay added), and the average ax follows p
/// (ax += μ·(p - ax), or ax = p while μ is 1); then η = lr / (1 + λ·lr·t)^α and μ = 1 / max(1, t - t0). η and μ are
/// float32 scalars as PyTorch keeps them, so trajectories match. PyTorch's single-tensor operation order.
/// PyTorch: torch.optim.ASGD.
/// </summary>
public sealed class ASGD : MomentOptimizer
{
    private readonly ParameterSlots<float> _eta;
    private readonly ParameterSlots<float> _mu;

    /// <summary>An ASGD optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public ASGD(IEnumerable<Tensor> parameters, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6,
        double weightDecay = 0, bool maximize = false)
        : this(Options(lr, lambd, alpha, t0, weightDecay, maximize), OneGroup(parameters))
    {
    }

    /// <summary>An ASGD optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public ASGD(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double lambd = 1e-4, double alpha = 0.75, double t0 = 1e6,
        double weightDecay = 0, bool maximize = false)
        : this(Options(lr, lambd, alpha, t0, weightDecay, maximize), paramGroups)
    {
    }

    private ASGD((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups, "ax")
    {
        _eta = Slots<float>();
        _mu = Slots<float>();
    }

    private static (string, double)[] Options(double lr, double lambd, double alpha, double t0, double weightDecay, bool maximize)
    {
        CheckLearningRate(lr);
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        return [("lr", lr), ("lambd", lambd), ("alpha", alpha), ("t0", t0), ("weight_decay", weightDecay), ("maximize", maximize ? 1 : 0)];
    }

    /// <summary>Decay term (the first group's).</summary>
    public double Lambd => ParamGroups[0]["lambd"];

    /// <summary>Power of the η schedule (the first group's).</summary>
    public double Alpha => ParamGroups[0]["alpha"];

    /// <summary>Step at which averaging starts (the first group's).</summary>
    public double T0 => ParamGroups[0]["t0"];

    /// <summary>L2 penalty added to the gradient (the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated; the first group's).</summary>
    public bool Maximize => ParamGroups[0]["maximize"] != 0;

    /// <inheritdoc/>
    private protected override IEnumerable<string> ExtraStateNames => ["eta", "mu"];

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var ax = state[0];
        double lr = group.LearningRate, lambd = group["lambd"], weightDecay = group["weight_decay"];
        if (step == 1) (_eta[index], _mu[index]) = ((float)lr, 1f); // PyTorch creates eta from lr, mu as 1
        var g = group["maximize"] != 0 ? grad.Neg() : grad;
        if (weightDecay != 0) g = g.Add(parameter, weightDecay);
        double eta = _eta[index];
        parameter.Mul_(1 - lambd * eta);
        parameter.Add_(g, -eta);
        if (_mu[index] != 1) ax.Add_((parameter - ax).Mul_(_mu[index]));
        else ax.Copy_(parameter);
        _eta[index] = (float)(lr / Math.Pow(1 + lambd * lr * step, group["alpha"]));
        _mu[index] = (float)(1 / Math.Max(1, step - group["t0"]));
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
        _eta[index] = state.TryGetValue("eta", out var e) ? (float)e.To(DType.Float64).Item<double>() : (float)GroupOf(index).LearningRate;
        _mu[index] = state.TryGetValue("mu", out var m) ? (float)m.To(DType.Float64).Item<double>() : 1f;
    }
}
