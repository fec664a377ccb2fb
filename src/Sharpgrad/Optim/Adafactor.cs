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
    private readonly double[] _steps;
    private readonly Tensor?[] _rowVar;
    private readonly Tensor?[] _colVar;
    private readonly Tensor?[] _variance;

    /// <summary>
    /// An Adafactor optimizer with PyTorch's defaults; a null <paramref name="eps1"/> is the parameter dtype's machine epsilon.
    /// </summary>
    public Adafactor(IEnumerable<Tensor> parameters, double lr = 1e-2, double beta2Decay = -0.8, double? eps1 = null, double eps2 = 1e-3,
        double d = 1.0, double weightDecay = 0.0, bool maximize = false)
        : base(parameters, lr)
    {
        if (!(beta2Decay <= 0)) throw new ArgumentOutOfRangeException(nameof(beta2Decay), $"beta2_decay should be <= 0 but is: {NN.Module.PyFloat(beta2Decay)}");
        if (eps1 is { } e1 && !(e1 >= 0)) throw new ArgumentOutOfRangeException(nameof(eps1), $"epsilon1 should be >= 0 but is: {NN.Module.PyFloat(e1)}");
        if (!(eps2 >= 0)) throw new ArgumentOutOfRangeException(nameof(eps2), $"epsilon2 should be >= 0 but is: {NN.Module.PyFloat(eps2)}");
        if (!(d >= 1)) throw new ArgumentOutOfRangeException(nameof(d), $"Clipping threshold d should be >= 1 but is: {NN.Module.PyFloat(d)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"weight_decay should be >= 0 but is: {NN.Module.PyFloat(weightDecay)}");
        Beta2Decay = beta2Decay;
        Eps1 = eps1;
        Eps2 = eps2;
        D = d;
        WeightDecay = weightDecay;
        Maximize = maximize;
        _steps = new double[Parameters.Count];
        _rowVar = new Tensor?[Parameters.Count];
        _colVar = new Tensor?[Parameters.Count];
        _variance = new Tensor?[Parameters.Count];
    }

    /// <summary>τ: β̂₂ at step t is 1 − t^τ.</summary>
    public double Beta2Decay { get; private set; }

    /// <summary>Floor of the variance estimate (squared) and of the row factors' mean; null for the dtype's epsilon.</summary>
    public double? Eps1 { get; private set; }

    /// <summary>Floor of a parameter's RMS in the step size.</summary>
    public double Eps2 { get; private set; }

    /// <summary>Clipping threshold of the update's RMS.</summary>
    public double D { get; private set; }

    /// <summary>Decoupled weight decay coefficient (times the learning rate).</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Maximize the objective instead of minimizing it (the gradient is negated).</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var g = grad.To(parameter.DType);
        if (Maximize) g = -g;
        // torch.finfo(dtype).eps: the gap above 1.0
        double eps1 = Eps1 ?? (parameter.DType == DType.Float32 ? MathF.BitIncrement(1f) - 1f : Math.BitIncrement(1.0) - 1.0);
        double step = ++_steps[index];
        double oneMinusBeta2 = Math.Pow(step, Beta2Decay);
        double lr = LearningRate;
        double rho = Math.Min(lr, 1 / Math.Pow(step, 0.5));
        double alpha = Math.Max(Eps2, parameter.Norm().Item<double>() / Math.Pow(parameter.NumElements, 0.5)) * rho;
        if (WeightDecay != 0) parameter.Mul_(1 - lr * WeightDecay);
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
        double denom = Math.Max(1.0, update.Norm().Item<double>() / (Math.Pow(update.NumElements, 0.5) * D));
        parameter.Add_(update, -alpha / denom);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("beta2_decay", Beta2Decay), ("eps1", Eps1 ?? double.NaN), ("eps2", Eps2), ("d", D), ("weight_decay", WeightDecay)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "beta2_decay": Beta2Decay = value; break;
            case "eps1": Eps1 = double.IsNaN(value) ? null : value; break;
            case "eps2": Eps2 = value; break;
            case "d": D = value; break;
            case "weight_decay": WeightDecay = value; break;
        }
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
