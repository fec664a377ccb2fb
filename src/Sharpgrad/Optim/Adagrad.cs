namespace Sharpgrad.Optim;

/// <summary>
/// Adagrad: s += g² (g with L2 weight decay added), p -= lr_t · g / (√s + eps) with lr_t = lr / (1 + (t-1)·lr_decay);
/// the accumulator starts at initialAccumulatorValue. PyTorch's operation order. PyTorch: torch.optim.Adagrad.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "sum" };
    private readonly double[] _steps;
    private readonly Tensor[] _sums;

    /// <summary>An Adagrad optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10)
        : base(parameters, lr)
    {
        if (!(lrDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(lrDecay), $"Invalid lr_decay value: {NN.Module.PyFloat(lrDecay)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {NN.Module.PyFloat(weightDecay)}");
        if (!(initialAccumulatorValue >= 0))
            throw new ArgumentOutOfRangeException(nameof(initialAccumulatorValue), $"Invalid initial_accumulator_value value: {NN.Module.PyFloat(initialAccumulatorValue)}");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Invalid epsilon value: {NN.Module.PyFloat(eps)}");
        LrDecay = lrDecay;
        WeightDecay = weightDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Eps = eps;
        _steps = new double[Parameters.Count];
        // PyTorch creates the state eagerly: every parameter has a step and an accumulator from the start.
        _sums = Parameters.Select(p => Tensor.Full(p.Sizes, initialAccumulatorValue, p.DType.IsFloatingPoint() ? p.DType : DType.Float32)).ToArray();
    }

    /// <summary>Decay of the learning rate per step.</summary>
    public double LrDecay { get; private set; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; private set; }

    /// <summary>Starting value of the squared-gradient sum.</summary>
    public double InitialAccumulatorValue { get; private set; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Eps { get; private set; }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var g = grad.To(parameter.DType);
        double step = ++_steps[index];
        if (WeightDecay != 0) g = g.Add(parameter, WeightDecay);
        double clr = LearningRate / (1 + (step - 1) * LrDecay);
        var sum = _sums[index];
        // PyTorch's op sequence, so each step rounds as it does
        sum.Addcmul_(g, g);
        var std = sum.Sqrt().Add_(Eps);
        parameter.Addcdiv_(g, std, -clr);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("lr_decay", LrDecay), ("weight_decay", WeightDecay), ("initial_accumulator_value", InitialAccumulatorValue), ("eps", Eps)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "lr_decay": LrDecay = value; break;
            case "weight_decay": WeightDecay = value; break;
            case "initial_accumulator_value": InitialAccumulatorValue = value; break;
            case "eps": Eps = value; break;
        }
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index) =>
        [("step", Tensor.Scalar(_steps[index])), ("sum", _sums[index].Clone())];

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        if (state.TryGetValue("sum", out var sum))
        {
            _sums[index].Dispose();
            _sums[index] = sum;
        }
        _steps[index] = state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}
