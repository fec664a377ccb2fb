using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Ops;

namespace Sharpgrad.Optim;

/// <summary>
/// Adam: m = β1·m + (1-β1)·g, v = β2·v + (1-β2)·g², p -= lr/(1-β1ᵗ) · m / (√v/√(1-β2ᵗ) + eps), with weight decay
/// added to the gradient (L2). One fused pass per parameter, in PyTorch's operation order. PyTorch: torch.optim.Adam.
/// </summary>
public class Adam : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "exp_avg", "exp_avg_sq" };
    private readonly double[] _steps;
    private readonly Tensor?[] _expAvg;
    private readonly Tensor?[] _expAvgSq;
    private readonly bool _decoupled;

    /// <summary>An Adam optimizer over <paramref name="parameters"/>.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(parameters, lr, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weightDecay, bool decoupled)
        : base(parameters, lr)
    {
        CheckNonNegative(eps, "epsilon", nameof(eps));
        CheckBetas(beta1, beta2);
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        _decoupled = decoupled;
        _steps = new double[Parameters.Count];
        _expAvg = new Tensor?[Parameters.Count];
        _expAvgSq = new Tensor?[Parameters.Count];
    }

    /// <summary>Decay of the first-moment average.</summary>
    public double Beta1 { get; private set; }

    /// <summary>Decay of the second-moment average.</summary>
    public double Beta2 { get; private set; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Eps { get; private set; }

    /// <summary>Weight decay (L2 on the gradient for Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; private set; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        if (_expAvg[index] is null)
        {
            _expAvg[index] = Tensor.Zeros(parameter.Sizes, parameter.DType);
            _expAvgSq[index] = Tensor.Zeros(parameter.Sizes, parameter.DType);
        }
        double step = ++_steps[index];
        double lr = LearningRate;
        var k = new AdamCoefficients(
            OneMinusBeta1: 1 - Beta1, Beta2: Beta2, OneMinusBeta2: 1 - Beta2,
            WeightDecay: _decoupled ? 0 : WeightDecay, Decay: _decoupled ? 1 - lr * WeightDecay : 1,
            StepSize: lr / (1 - Math.Pow(Beta1, step)), BiasCorrection2Sqrt: Math.Pow(1 - Math.Pow(Beta2, step), 0.5), Eps: Eps);
        var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, parameter.DType));
        var p = OpHelpers.ContiguousRaw(parameter);
        Dispatch.Adam(p.Strided, g.Strided, _expAvg[index]!.Strided, _expAvgSq[index]!.Strided, k);
        if (!ReferenceEquals(p, parameter))
        {
            parameter.Copy_(p);
            p.Dispose();
        }
        else if (!parameter.IsInference) parameter.Storage.BumpVersion();
        if (!ReferenceEquals(g, grad)) g.Dispose();
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "beta1": Beta1 = value; break;
            case "beta2": Beta2 = value; break;
            case "eps": Eps = value; break;
            case "weight_decay": WeightDecay = value; break;
        }
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index) =>
        _expAvg[index] is null ? [] :
        [
            ("step", Tensor.Scalar(_steps[index])),
            ("exp_avg", _expAvg[index]!.Clone()),
            ("exp_avg_sq", _expAvgSq[index]!.Clone()),
        ];

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        _expAvg[index]?.Dispose();
        _expAvgSq[index]?.Dispose();
        bool has = state.TryGetValue("exp_avg", out var m) & state.TryGetValue("exp_avg_sq", out var v);
        _expAvg[index] = has ? m : null;
        _expAvgSq[index] = has ? v : null;
        _steps[index] = has && state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}

/// <summary>
/// Adam with decoupled weight decay: p *= 1 - lr·wd before the Adam update (default wd 0.01).
/// PyTorch: torch.optim.AdamW.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>An AdamW optimizer over <paramref name="parameters"/>.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, decoupled: true)
    {
    }
}
