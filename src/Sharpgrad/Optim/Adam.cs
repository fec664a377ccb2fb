using System.Runtime.CompilerServices;
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
    private readonly ParameterSlots<double> _steps;
    private readonly ParameterSlots<Tensor?> _expAvg;
    private readonly ParameterSlots<Tensor?> _expAvgSq;
    private readonly bool _decoupled;

    /// <summary>An Adam optimizer over <paramref name="parameters"/>.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(AdamOptions(lr, beta1, beta2, eps, weightDecay), OneGroup(parameters), decoupled: false)
    {
    }

    /// <summary>An Adam optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public Adam(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(AdamOptions(lr, beta1, beta2, eps, weightDecay), paramGroups, decoupled: false)
    {
    }

    private protected Adam((string, double)[] options, IEnumerable<ParamGroup> paramGroups, bool decoupled) : base(options, paramGroups)
    {
        _decoupled = decoupled;
        _steps = Slots<double>();
        _expAvg = Slots<Tensor?>();
        _expAvgSq = Slots<Tensor?>();
    }

    /// <summary>Decay of the first-moment average (the first group's).</summary>
    public double Beta1 => ParamGroups[0]["beta1"];

    /// <summary>Decay of the second-moment average (the first group's).</summary>
    public double Beta2 => ParamGroups[0]["beta2"];

    /// <summary>Added to the denominator for numerical stability (the first group's).</summary>
    public double Eps => ParamGroups[0]["eps"];

    /// <summary>Weight decay (L2 on the gradient for Adam, decoupled for AdamW; the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        if (_expAvg[index] is null)
        {
            _expAvg[index] = Tensor.Zeros(parameter.Sizes, parameter.DType);
            _expAvgSq[index] = Tensor.Zeros(parameter.Sizes, parameter.DType);
        }
        double step = ++_steps[index];
        var group = GroupOf(index);
        double lr = group.LearningRate, beta1 = group["beta1"], beta2 = group["beta2"], weightDecay = group["weight_decay"];
        var k = new AdamCoefficients(
            OneMinusBeta1: 1 - beta1, Beta2: beta2, OneMinusBeta2: 1 - beta2,
            WeightDecay: _decoupled ? 0 : weightDecay, Decay: _decoupled ? 1 - lr * weightDecay : 1,
            StepSize: lr / (1 - Math.Pow(beta1, step)), BiasCorrection2Sqrt: Math.Pow(1 - Math.Pow(beta2, step), 0.5), Eps: group["eps"]);
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
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        : base(AdamOptions(lr, beta1, beta2, eps, weightDecay), OneGroup(parameters), decoupled: true)
    {
    }

    /// <summary>An AdamW optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public AdamW(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        : base(AdamOptions(lr, beta1, beta2, eps, weightDecay), paramGroups, decoupled: true)
    {
    }
}
