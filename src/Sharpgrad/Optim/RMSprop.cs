using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// RMSprop: v = α·v + (1-α)·g² (g with L2 weight decay added); with centering, ḡ = α·ḡ + (1-α)·g and the
/// denominator is √(v - ḡ²) + eps, else √v + eps; with momentum, b = μ·b + g/denominator and p -= lr·b,
/// else p -= lr·g/denominator. PyTorch's operation order. PyTorch: torch.optim.RMSprop.
/// </summary>
public sealed class RMSprop : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "square_avg", "momentum_buffer", "grad_avg" };
    private readonly ParameterSlots<double> _steps;
    private readonly ParameterSlots<Tensor?> _squareAvg;
    private readonly ParameterSlots<Tensor?> _momentum;
    private readonly ParameterSlots<Tensor?> _gradAvg;

    /// <summary>An RMSprop optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false)
        : this(Options(lr, alpha, eps, weightDecay, momentum, centered), OneGroup(parameters))
    {
    }

    /// <summary>An RMSprop optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public RMSprop(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false)
        : this(Options(lr, alpha, eps, weightDecay, momentum, centered), paramGroups)
    {
    }

    private RMSprop((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups)
    {
        _steps = Slots<double>();
        _squareAvg = Slots<Tensor?>();
        _momentum = Slots<Tensor?>();
        _gradAvg = Slots<Tensor?>();
    }

    private static (string, double)[] Options(double lr, double alpha, double eps, double weightDecay, double momentum, bool centered)
    {
        CheckLearningRate(lr);
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Invalid epsilon value: {NN.Module.PyFloat(eps)}");
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"Invalid momentum value: {NN.Module.PyFloat(momentum)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {NN.Module.PyFloat(weightDecay)}");
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), $"Invalid alpha value: {NN.Module.PyFloat(alpha)}");
        return [("lr", lr), ("alpha", alpha), ("eps", eps), ("weight_decay", weightDecay), ("momentum", momentum), ("centered", centered ? 1 : 0)];
    }

    /// <summary>Smoothing constant of the squared-gradient average (the first group's).</summary>
    public double Alpha => ParamGroups[0]["alpha"];

    /// <summary>Added to the denominator for numerical stability (the first group's).</summary>
    public double Eps => ParamGroups[0]["eps"];

    /// <summary>L2 penalty added to the gradient (the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <summary>Momentum factor (0: none; the first group's).</summary>
    public double Momentum => ParamGroups[0]["momentum"];

    /// <summary>Normalize by the estimated variance of the gradient instead of its second moment (the first group's).</summary>
    public bool Centered => ParamGroups[0]["centered"] != 0;

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var group = GroupOf(index);
        double alpha = group["alpha"], weightDecay = group["weight_decay"], momentum = group["momentum"];
        var g = grad.To(parameter.DType);
        if (weightDecay != 0) g = g.Add(parameter, weightDecay);
        var v = _squareAvg[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
        _steps[index]++;
        // PyTorch's op sequence, so each step rounds as it does
        v.Mul_(alpha).Addcmul_(g, g, 1 - alpha);
        Tensor avg;
        if (group["centered"] != 0)
        {
            var gAvg = _gradAvg[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
            gAvg.Lerp_(g, 1 - alpha);
            avg = v.Addcmul(gAvg, gAvg, -1).Sqrt_();
        }
        else avg = v.Sqrt();
        avg.Add_(group["eps"]);
        if (momentum > 0)
        {
            var b = _momentum[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
            b.Mul_(momentum).Addcdiv_(g, avg);
            parameter.Add_(b, -group.LearningRate);
        }
        else parameter.Addcdiv_(g, avg, -group.LearningRate);
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index)
    {
        if (_squareAvg[index] is not { } v) yield break;
        yield return ("step", Tensor.Scalar(_steps[index]));
        yield return ("square_avg", v.Clone());
        if (_momentum[index] is { } b) yield return ("momentum_buffer", b.Clone());
        if (_gradAvg[index] is { } ga) yield return ("grad_avg", ga.Clone());
    }

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        _squareAvg[index]?.Dispose();
        _momentum[index]?.Dispose();
        _gradAvg[index]?.Dispose();
        _squareAvg[index] = state.GetValueOrDefault("square_avg");
        _momentum[index] = state.GetValueOrDefault("momentum_buffer");
        _gradAvg[index] = state.GetValueOrDefault("grad_avg");
        _steps[index] = state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}
