using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Adafactor: the second moment of a matrix's gradient kept as a row factor and a column factor (means of g² along the last
/// two dims, so memory grows with rows + columns), vectors keep a full running mean; β̂₂ = 1 − t^τ, a relative step
/// ρ = min(lr, 1/√t) scaled by max(ε₂, RMS(p)), update clipping at RMS d, and decoupled weight decay lr·λ. PyTorch's
/// single-tensor operation order. PyTorch: torch.optim.Adafactor.
/// </summary>
public sealed class Adafactor : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "row_var", "col_var", "variance" };
    private readonly ParameterSlots<double> _steps;
    private readonly ParameterSlots<Tensor?> _rowVar;
    private readonly ParameterSlots<Tensor?> _colVar;
    private readonly ParameterSlots<Tensor?> _variance;

    /// <summary>
    /// An Adafactor optimizer with PyTorch's defaults; a null <paramref name="eps1"/> is the parameter dtype's machine epsilon.
    /// </summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Adafactor(IEnumerable<Tensor> parameters, double lr = 1e-2, double beta2Decay = -0.8, double? eps1 = null, double eps2 = 1e-3,
        double d = 1.0, double weightDecay = 0.0, bool maximize = false)
        : this(Options(lr, beta2Decay, eps1, eps2, d, weightDecay, maximize), OneGroup(parameters))
    {
    }

    /// <summary>
    /// An Adafactor optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set (a group's
    /// "eps1" NaN stands for null).
    /// </summary>
    public Adafactor(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double beta2Decay = -0.8, double? eps1 = null, double eps2 = 1e-3,
        double d = 1.0, double weightDecay = 0.0, bool maximize = false)
        : this(Options(lr, beta2Decay, eps1, eps2, d, weightDecay, maximize), paramGroups)
    {
    }

    private Adafactor((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups)
    {
        _steps = Slots<double>();
        _rowVar = Slots<Tensor?>();
        _colVar = Slots<Tensor?>();
        _variance = Slots<Tensor?>();
    }

    private static (string, double)[] Options(double lr, double beta2Decay, double? eps1, double eps2, double d, double weightDecay, bool maximize)
    {
        CheckLearningRate(lr);
        if (!(beta2Decay <= 0)) throw new ArgumentOutOfRangeException(nameof(beta2Decay), $"beta2_decay should be <= 0 but is: {NN.Module.PyFloat(beta2Decay)}");
        if (eps1 is { } e1 && !(e1 >= 0)) throw new ArgumentOutOfRangeException(nameof(eps1), $"epsilon1 should be >= 0 but is: {NN.Module.PyFloat(e1)}");
        if (!(eps2 >= 0)) throw new ArgumentOutOfRangeException(nameof(eps2), $"epsilon2 should be >= 0 but is: {NN.Module.PyFloat(eps2)}");
        if (!(d >= 1)) throw new ArgumentOutOfRangeException(nameof(d), $"Clipping threshold d should be >= 1 but is: {NN.Module.PyFloat(d)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"weight_decay should be >= 0 but is: {NN.Module.PyFloat(weightDecay)}");
        return [("lr", lr), ("beta2_decay", beta2Decay), ("eps1", eps1 ?? double.NaN), ("eps2", eps2), ("d", d), ("weight_decay", weightDecay),
            ("maximize", maximize ? 1 : 0)];
    }

    /// <summary>τ: β̂₂ at step t is 1 − t^τ (the first group's).</summary>
    public double Beta2Decay => ParamGroups[0]["beta2_decay"];

    /// <summary>Floor of the variance estimate (squared) and of the row factors' mean; null for the dtype's epsilon (the first group's).</summary>
    public double? Eps1 => double.IsNaN(ParamGroups[0]["eps1"]) ? null : ParamGroups[0]["eps1"];

    /// <summary>Floor of a parameter's RMS in the step size (the first group's).</summary>
    public double Eps2 => ParamGroups[0]["eps2"];

    /// <summary>Clipping threshold of the update's RMS (the first group's).</summary>
    public double D => ParamGroups[0]["d"];

    /// <summary>Decoupled weight decay coefficient (times the learning rate; the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated; the first group's).</summary>
    public bool Maximize => ParamGroups[0]["maximize"] != 0;

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var group = GroupOf(index);
        double lr = group.LearningRate, weightDecay = group["weight_decay"], eps1 = group["eps1"];
        var g = grad.To(parameter.DType);
        if (group["maximize"] != 0) g = -g;
        // torch.finfo(dtype).eps: the gap above 1.0
        if (double.IsNaN(eps1)) eps1 = parameter.DType == DType.Float32 ? MathF.BitIncrement(1f) - 1f : Math.BitIncrement(1.0) - 1.0;
        double step = ++_steps[index];
        double oneMinusBeta2 = Math.Pow(step, group["beta2_decay"]);
        double rho = Math.Min(lr, 1 / Math.Pow(step, 0.5));
        double alpha = Math.Max(group["eps2"], parameter.Norm().Item<double>() / Math.Pow(parameter.NumElements, 0.5)) * rho;
        if (weightDecay != 0) parameter.Mul_(1 - lr * weightDecay);
        Tensor estimate;
        if (g.Dim > 1)
        {
            if (_rowVar[index] is null)
            {
                var rowShape = g.Shape.ToArray();
                rowShape[^1] = 1;
                var colShape = g.Shape.ToArray();
                colShape[^2] = 1;
                _rowVar[index] = Tensor.Zeros(rowShape, g.DType).MoveToOuterScope();
                _colVar[index] = Tensor.Zeros(colShape, g.DType).MoveToOuterScope();
            }
            var rowVar = _rowVar[index]!;
            var colVar = _colVar[index]!;
            rowVar.Lerp_(Linalg.VectorNorm(g, 2, [-1], keepDim: true).Square_().Div_(g.Shape[^1]), oneMinusBeta2);
            colVar.Lerp_(Linalg.VectorNorm(g, 2, [-2], keepDim: true).Square_().Div_(g.Shape[^2]), oneMinusBeta2);
            estimate = rowVar.MatMul(colVar);
            estimate.Div_(rowVar.Mean([-2], keepDim: true).Clamp_(min: eps1));
        }
        else
        {
            _variance[index] ??= Tensor.Zeros(g.Shape.ToArray(), g.DType).MoveToOuterScope();
            _variance[index]!.Lerp_(g * g, oneMinusBeta2);
            estimate = _variance[index]!.Clone();
        }
        // eps1 squared before the square root keeps its magnitude
        var update = estimate.Clamp_(min: eps1 * eps1).Rsqrt_();
        update.Mul_(g);
        double denom = Math.Max(1.0, update.Norm().Item<double>() / (Math.Pow(update.NumElements, 0.5) * group["d"]));
        parameter.Add_(update, -alpha / denom);
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index)
    {
        if (_steps[index] == 0) return [];
        var state = new List<(string, Tensor)> { ("step", Tensor.Scalar(_steps[index])) };
        if (_rowVar[index] is { } r) state.Add(("row_var", r.Clone()));
        if (_colVar[index] is { } c) state.Add(("col_var", c.Clone()));
        if (_variance[index] is { } v) state.Add(("variance", v.Clone()));
        return state;
    }

    /// <inheritdoc/>
    private protected override void CheckStateShape(int index, string name, Tensor value)
    {
        if (name is not ("row_var" or "col_var")) base.CheckStateShape(index, name, value);
        else
        {
            // the factors keep the parameter's shape with the last (row_var) or second-to-last (col_var) dim reduced to 1
            var expected = Parameters[index].Shape.ToArray();
            if (expected.Length > 1) expected[name == "row_var" ? ^1 : ^2] = 1;
            if (!value.Shape.SequenceEqual(expected))
                throw new ArgumentException($"state {name} of parameter {index} has shape {Errors.Shape(value.Sizes)} but Adafactor expects {Errors.Shape(expected)}", "stateDict");
        }
    }

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        _rowVar[index]?.Dispose();
        _colVar[index]?.Dispose();
        _variance[index]?.Dispose();
        _rowVar[index] = state.TryGetValue("row_var", out var r) ? r : null;
        _colVar[index] = state.TryGetValue("col_var", out var c) ? c : null;
        _variance[index] = state.TryGetValue("variance", out var v) ? v : null;
        _steps[index] = state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}
