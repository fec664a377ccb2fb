namespace Sharpgrad.Optim;

/// <summary>
/// RMSprop: v = α·v + (1-α)·g² (g with L2 weight decay added); with centering, ḡ = α·ḡ + (1-α)·g and the
/// denominator is √(v - ḡ²) + eps, else √v + eps; with momentum, b = μ·b + g/denominator and p -= lr·b,
/// else p -= lr·g/denominator. PyTorch's operation order. PyTorch: torch.optim.RMSprop.
/// </summary>
public sealed class RMSprop : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "square_avg", "momentum_buffer", "grad_avg" };
    private readonly double[] _steps;
    private readonly Tensor?[] _squareAvg;
    private readonly Tensor?[] _momentum;
    private readonly Tensor?[] _gradAvg;

    /// <summary>An RMSprop optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false)
        : base(parameters, lr)
    {
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Invalid epsilon value: {NN.Module.PyFloat(eps)}");
        if (!(momentum >= 0)) throw new ArgumentOutOfRangeException(nameof(momentum), $"Invalid momentum value: {NN.Module.PyFloat(momentum)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {NN.Module.PyFloat(weightDecay)}");
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), $"Invalid alpha value: {NN.Module.PyFloat(alpha)}");
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
        _steps = new double[Parameters.Count];
        _squareAvg = new Tensor?[Parameters.Count];
        _momentum = new Tensor?[Parameters.Count];
        _gradAvg = new Tensor?[Parameters.Count];
    }

    /// <summary>Smoothing constant of the squared-gradient average.</summary>
    public double Alpha { get; private set; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Eps { get; private set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Momentum factor (0: none).</summary>
    public double Momentum { get; private set; }

    /// <summary>Normalize by the estimated variance of the gradient instead of its second moment.</summary>
    public bool Centered { get; private set; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var g = grad.To(parameter.DType);
        if (WeightDecay != 0) g = g.Add(parameter, WeightDecay);
        var v = _squareAvg[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
        _steps[index]++;
        // PyTorch's op sequence, so each step rounds as it does
        v.Mul_(Alpha).Addcmul_(g, g, 1 - Alpha);
        Tensor avg;
        if (Centered)
        {
            var gAvg = _gradAvg[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
            gAvg.Lerp_(g, 1 - Alpha);
            avg = v.Addcmul(gAvg, gAvg, -1).Sqrt_();
        }
        else avg = v.Sqrt();
        avg.Add_(Eps);
        if (Momentum > 0)
        {
            var b = _momentum[index] ??= Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope();
            b.Mul_(Momentum).Addcdiv_(g, avg);
            parameter.Add_(b, -LearningRate);
        }
        else parameter.Addcdiv_(g, avg, -LearningRate);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("alpha", Alpha), ("eps", Eps), ("weight_decay", WeightDecay), ("momentum", Momentum), ("centered", Centered ? 1 : 0)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "alpha": Alpha = value; break;
            case "eps": Eps = value; break;
            case "weight_decay": WeightDecay = value; break;
            case "momentum": Momentum = value; break;
            case "centered": Centered = value != 0; break;
        }
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
