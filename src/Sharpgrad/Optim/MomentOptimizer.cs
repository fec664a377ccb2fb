namespace Sharpgrad.Optim;

/// <summary>
/// Base of the optimizers written with tensor ops (Adamax, NAdam, RAdam, Adadelta): keeps a step count and named
/// state tensors per parameter, created lazily on the first step as PyTorch does, and saves/loads them.
/// </summary>
public abstract class MomentOptimizer : Optimizer
{
    private readonly string[] _stateNames;
    private readonly IReadOnlySet<string> _names;
    private readonly ParameterSlots<double> _steps;
    private readonly ParameterSlots<Tensor[]?> _state;

    private protected MomentOptimizer((string Name, double Value)[] options, IEnumerable<ParamGroup> paramGroups, params string[] stateNames)
        : base(options, paramGroups)
    {
        _stateNames = stateNames;
        _names = stateNames.Append("step").Concat(ExtraStateNames).ToHashSet();
        _steps = Slots<double>();
        _state = Slots<Tensor[]?>();
    }

    /// <summary>Names of scalar state entries beyond "step" and the tensors (NAdam's mu_product).</summary>
    private protected virtual IEnumerable<string> ExtraStateNames => [];

    /// <summary>Runs one update of parameter <paramref name="index"/> with its group's options, step count (already incremented) and state tensors.</summary>
    private protected abstract void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state);

    /// <summary>exp_avg.lerp_(grad, weight) with PyTorch's lerp formula.</summary>
    private protected static void Lerp_(Tensor avg, Tensor grad, double weight) => avg.Lerp_(grad, weight);

    /// <inheritdoc/>
    protected sealed override void Update(int index, Tensor parameter, Tensor grad)
    {
        using var scope = Tensor.NewScope();
        var state = _state[index] ??= _stateNames.Select(_ => Tensor.Zeros(parameter.Sizes, parameter.DType).MoveToOuterScope()).ToArray();
        Update(index, parameter, grad.To(parameter.DType), GroupOf(index), ++_steps[index], state);
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => _names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index) =>
        _state[index] is not { } s ? [] : _stateNames.Select((n, i) => (n, s[i].Clone())).Prepend(("step", Tensor.Scalar(_steps[index])));

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        if (_state[index] is { } old) foreach (var t in old) t.Dispose();
        bool has = _stateNames.All(state.ContainsKey);
        _state[index] = has ? _stateNames.Select(n => state[n]).ToArray() : null;
        _steps[index] = has && state.TryGetValue("step", out var s) ? s.Item<double>() : 0;
    }
}
