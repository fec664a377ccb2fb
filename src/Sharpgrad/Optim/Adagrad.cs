using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Adagrad: s += g² (g with L2 weight decay added), p -= lr_t · g / (√s + eps) with lr_t = lr / (1 + (t-1)·lr_decay);
/// the accumulator starts at initialAccumulatorValue. PyTorch's operation order. PyTorch: torch.optim.Adagrad.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "step", "sum" };
    private readonly ParameterSlots<double> _steps;
    private readonly ParameterSlots<Tensor?> _sums;
    private readonly double _initialAccumulatorValue;

    /// <summary>An Adagrad optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10)
        : this(Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps), OneGroup(parameters), initialAccumulatorValue)
    {
    }

    /// <summary>An Adagrad optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public Adagrad(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10)
        : this(Options(lr, lrDecay, weightDecay, initialAccumulatorValue, eps), paramGroups, initialAccumulatorValue)
    {
    }

    private Adagrad((string, double)[] options, IEnumerable<ParamGroup> paramGroups, double initialAccumulatorValue) : base(options, paramGroups)
    {
        _initialAccumulatorValue = initialAccumulatorValue;
        _steps = Slots<double>();
        _sums = Slots<Tensor?>();
    }

    private static (string, double)[] Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
    {
        CheckLearningRate(lr);
        if (!(lrDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(lrDecay), $"Invalid lr_decay value: {NN.Module.PyFloat(lrDecay)}");
        if (!(weightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(weightDecay), $"Invalid weight_decay value: {NN.Module.PyFloat(weightDecay)}");
        if (!(initialAccumulatorValue >= 0))
            throw new ArgumentOutOfRangeException(nameof(initialAccumulatorValue), $"Invalid initial_accumulator_value value: {NN.Module.PyFloat(initialAccumulatorValue)}");
        if (!(eps >= 0)) throw new ArgumentOutOfRangeException(nameof(eps), $"Invalid epsilon value: {NN.Module.PyFloat(eps)}");
        return [("lr", lr), ("lr_decay", lrDecay), ("weight_decay", weightDecay), ("initial_accumulator_value", initialAccumulatorValue), ("eps", eps)];
    }

    /// <summary>Decay of the learning rate per step (the first group's).</summary>
    public double LrDecay => ParamGroups[0]["lr_decay"];

    /// <summary>L2 penalty added to the gradient (the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];

    /// <summary>Starting value of the squared-gradient sum (the first group's).</summary>
    public double InitialAccumulatorValue => ParamGroups[0]["initial_accumulator_value"];

    /// <summary>Added to the denominator for numerical stability (the first group's).</summary>
    public double Eps => ParamGroups[0]["eps"];

    /// <summary>
    /// Parameter <paramref name="index"/>'s squared-gradient sum, made on first use (PyTorch creates it with the optimizer;
    /// no step or state dict can tell the difference) from the constructor's initialAccumulatorValue: as in PyTorch, a
    /// group's own "initial_accumulator_value" is not used.
    /// </summary>
    private Tensor Sum(int index)
    {
        var p = Parameters[index];
        return _sums[index] ??= Tensor.Full(p.Sizes, _initialAccumulatorValue, p.DType.IsFloatingPoint() ? p.DType : DType.Float32).DetachFromScopes();
    }

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad)
    {
        var sum = Sum(index);
        using var scope = Tensor.NewScope();
        var group = GroupOf(index);
        double weightDecay = group["weight_decay"];
        var g = grad.To(parameter.DType);
        double step = ++_steps[index];
        if (weightDecay != 0) g = g.Add(parameter, weightDecay);
        double clr = group.LearningRate / (1 + (step - 1) * group["lr_decay"]);
        // PyTorch's op sequence, so each step rounds as it does
        sum.Addcmul_(g, g);
        var std = sum.Sqrt().Add_(group["eps"]);
        parameter.Addcdiv_(g, std, -clr);
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index) =>
        [("step", Tensor.Scalar(_steps[index])), ("sum", Sum(index).Clone())];

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        if (state.TryGetValue("sum", out var sum))
        {
            _sums[index]?.Dispose();
            _sums[index] = sum;
        }
        _steps[index] = state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}
