using System.Globalization;

namespace Sharpgrad.Optim;

/// <summary>
/// Updates parameters from their gradients. <see cref="Step"/> runs under no-grad and writes in place, so
/// parameters stay leaves; a parameter whose <c>Grad</c> is null is skipped. The parameters are split into
/// <see cref="ParamGroups"/>, each with its own options (the learning rate, momentum, ...); an option a group does not
/// set takes the constructor's value. PyTorch: torch.optim.Optimizer.
/// </summary>
public abstract class Optimizer
{
    private readonly List<Tensor> _parameters = [];
    private readonly List<int> _groupOf = [];
    private readonly List<ParamGroup> _groups = [];
    private readonly List<IParameterSlots> _slots = [];
    private readonly (string Name, double Value)[] _defaults;

    /// <summary>Checks the arguments as PyTorch does and takes a snapshot of the parameter list (one group; its only option is lr).</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
        : this([("lr", CheckLearningRate(learningRate))], OneGroup(parameters))
    {
    }

    /// <summary>
    /// Adds <paramref name="paramGroups"/>, filling each group's missing options from <paramref name="defaults"/> (already
    /// validated, "lr" first). PyTorch: Optimizer.__init__(params, defaults).
    /// </summary>
    private protected Optimizer((string Name, double Value)[] defaults, IEnumerable<ParamGroup> paramGroups)
    {
        ArgumentNullException.ThrowIfNull(paramGroups);
        _defaults = defaults;
        var groups = paramGroups.ToArray();
        if (groups.Length == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(paramGroups));
        foreach (var group in groups) AddParamGroup(group, nameof(paramGroups));
        Parameters = _parameters.AsReadOnly();
        ParamGroups = _groups.AsReadOnly();
    }

    /// <summary>The one group of an optimizer built from a plain parameter list (rejected when empty, as PyTorch does).</summary>
    private protected static ParamGroup[] OneGroup(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var group = new ParamGroup(parameters);
        if (group.Parameters.Count == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        return [group];
    }

    /// <summary>The parameters this optimizer updates, group after group, in order; state dicts number them this way.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The parameter groups, with their options; change an option between steps to use it from the next one. PyTorch: param_groups.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups { get; }

    /// <summary>
    /// The step size: get reads the first group's rate, set gives every group that rate. Schedulers change each
    /// group's own rate between steps. PyTorch: param_groups[0]['lr'] (set: every group's 'lr').
    /// </summary>
    public double LearningRate
    {
        get => _groups[0].LearningRate;
        set
        {
            foreach (var group in _groups) group.LearningRate = value;
        }
    }

    /// <summary>
    /// Adds a group of parameters, its missing options taken from the constructor's values; its parameters join
    /// <see cref="Parameters"/> after the others. Throws <see cref="ArgumentException"/> for a non-leaf parameter or one
    /// already optimized ("some parameters appear in more than one parameter group"). PyTorch: add_param_group.
    /// </summary>
    public void AddParamGroup(ParamGroup paramGroup) => AddParamGroup(paramGroup, nameof(paramGroup));

    private void AddParamGroup(ParamGroup paramGroup, string paramName)
    {
        ArgumentNullException.ThrowIfNull(paramGroup, paramName);
        if (_groups.Count > 0 && !SupportsParamGroups)
            throw new ArgumentException($"{GetType().Name} doesn't support per-parameter options (parameter groups)");
        var present = new HashSet<Tensor>(_parameters, ReferenceEqualityComparer.Instance);
        foreach (var p in paramGroup.Parameters)
        {
            if (!p.IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor", paramName);
            if (present.Contains(p)) throw new ArgumentException("some parameters appear in more than one parameter group");
        }
        foreach (var (name, value) in _defaults) paramGroup.SetDefault(name, value);
        _groups.Add(paramGroup);
        foreach (var p in paramGroup.Parameters)
        {
            _parameters.Add(p);
            _groupOf.Add(_groups.Count - 1);
        }
        foreach (var slots in _slots) slots.Grow(_parameters.Count);
    }

    /// <summary>Whether groups beyond the first are allowed (LBFGS: no).</summary>
    private protected virtual bool SupportsParamGroups => true;

    /// <summary>The group of parameter <paramref name="index"/> (an index into <see cref="Parameters"/>), whose options its update uses.</summary>
    protected ParamGroup GroupOf(int index) => _groups[_groupOf[index]];

    /// <summary>Per-parameter state storage that grows with <see cref="AddParamGroup(ParamGroup)"/>.</summary>
    private protected ParameterSlots<T> Slots<T>()
    {
        var slots = new ParameterSlots<T>(_parameters.Count);
        _slots.Add(slots);
        return slots;
    }

    private Action<Optimizer>[] _stepPreHooks = [];
    private Action<Optimizer>[] _stepPostHooks = [];

    /// <summary>Applies one update to every parameter that has a gradient. PyTorch: optimizer.step().</summary>
    public virtual void Step()
    {
        RunStepPreHooks();
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < _parameters.Count; i++)
            {
                var p = _parameters[i];
                if (p.GradValue is { } g) Update(i, p, g);
            }
        }
        RunStepPostHooks();
    }

    /// <summary>Registers hook(optimizer), run before each step; dispose the handle to remove it. PyTorch: register_step_pre_hook.</summary>
    public IDisposable RegisterStepPreHook(Action<Optimizer> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _stepPreHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _stepPreHooks, hook));
    }

    /// <summary>Registers hook(optimizer), run after each step; dispose the handle to remove it. PyTorch: register_step_post_hook.</summary>
    public IDisposable RegisterStepPostHook(Action<Optimizer> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref _stepPostHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref _stepPostHooks, hook));
    }

    /// <summary>Runs the step pre-hooks; a subclass with a step of its own calls it first.</summary>
    protected void RunStepPreHooks()
    {
        foreach (var hook in Volatile.Read(ref _stepPreHooks)) hook(this);
    }

    /// <summary>Runs the step post-hooks; a subclass with a step of its own calls it last.</summary>
    protected void RunStepPostHooks()
    {
        foreach (var hook in Volatile.Read(ref _stepPostHooks)) hook(this);
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from <paramref name="grad"/> (runs under no-grad).</summary>
    protected abstract void Update(int index, Tensor parameter, Tensor grad);

    /// <summary>
    /// Sets every parameter's <c>Grad</c> to null, or with <paramref name="setToNone"/> false fills it with zeros in place.
    /// PyTorch: optimizer.zero_grad(set_to_none).
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in _parameters) p.ZeroGrad(setToNone);
    }

    /// <summary>The momentum a scheduler may cycle: SGD's momentum or Adam's beta1 (null when there is none).</summary>
    internal string? MomentumName => Array.Find(_defaults, d => d.Name is "momentum" or "beta1").Name;

    /// <summary>Reads an option of the first group by its state-dict name.</summary>
    internal double GetHyperparameter(string name) => _groups[0][name];

    /// <summary>Lets a scheduler change an option in every group (OneCycleLR cycles the momentum).</summary>
    internal void ChangeHyperparameter(string name, double value)
    {
        foreach (var group in _groups) group[name] = value;
    }

    /// <summary>Copies of parameter <paramref name="index"/>'s state tensors (empty when it has none yet).</summary>
    protected abstract IEnumerable<(string Name, Tensor Value)> SaveState(int index);

    /// <summary>Replaces parameter <paramref name="index"/>'s state (an empty map clears it); the tensors are already copies.</summary>
    protected abstract void LoadState(int index, IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Names of the per-parameter state tensors, to reject unknown keys.</summary>
    protected abstract IReadOnlySet<string> StateNames { get; }

    /// <summary>
    /// A snapshot of the optimizer: "state.{i}.{name}" per parameter (i its index in <see cref="Parameters"/>) and
    /// "param_groups.{g}.{name}" per group, its options and "params" (the indices of its parameters), all tensors, so
    /// it can be saved with safetensors and loaded to resume training exactly. PyTorch: state_dict.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>();
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < _parameters.Count; i++)
                foreach (var (name, value) in SaveState(i))
                    dict[$"state.{i}.{name}"] = value;
            long start = 0;
            for (int g = 0; g < _groups.Count; g++)
            {
                foreach (var (name, value) in _groups[g].Options)
                    dict[$"param_groups.{g}.{name}"] = Tensor.Scalar(value, DType.Float64);
                long end = start + _groups[g].Parameters.Count;
                dict[$"param_groups.{g}.params"] = Tensor.Arange(start, end);
                start = end;
            }
        }
        return dict;
    }

    /// <summary>
    /// Restores a <see cref="StateDict"/>: the groups' options, and each parameter's state, matched by the order of the
    /// groups' "params"; the group count and sizes must match. Everything is checked before anything changes.
    /// PyTorch: load_state_dict.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        int savedGroups = 0;
        while (stateDict.ContainsKey($"param_groups.{savedGroups}.params")) savedGroups++;
        if (savedGroups != _groups.Count) throw new ArgumentException("loaded state dict has a different number of parameter groups");
        var position = new Dictionary<long, int>();
        for (int g = 0; g < savedGroups; g++)
        {
            var ids = stateDict[$"param_groups.{g}.params"];
            ids.ThrowIfDisposed();
            if (ids.NumElements != _groups[g].Parameters.Count)
                throw new ArgumentException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
            foreach (long id in ids.To(DType.Int64).Flatten().ToArray<long>()) position.TryAdd(id, position.Count);
        }
        var perParam = new Dictionary<string, Tensor>[_parameters.Count];
        var options = new List<(int Group, string Name, double Value)>();
        foreach (var (key, value) in stateDict)
        {
            value.ThrowIfDisposed();
            var parts = key.Split('.');
            if (parts.Length == 3 && parts[0] == "param_groups" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int g)
                && g < savedGroups && IsOption(g, parts[2]))
            {
                if (parts[2] != "params") options.Add((g, parts[2], value.To(DType.Float64).Item<double>()));
                continue;
            }
            if (parts.Length == 3 && parts[0] == "state" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long id)
                && position.TryGetValue(id, out int i) && StateNames.Contains(parts[2]))
            {
                (perParam[i] ??= [])[parts[2]] = value;
                continue;
            }
            throw new ArgumentException($"unexpected key in optimizer state_dict: \"{key}\"", nameof(stateDict));
        }
        for (int i = 0; i < perParam.Length; i++)
            foreach (var (name, t) in perParam[i] ?? [])
                CheckStateShape(i, name, t);

        using (Autograd.NoGrad())
        {
            foreach (var (g, name, value) in options) _groups[g][name] = value;
            for (int i = 0; i < _parameters.Count; i++)
            {
                var copies = new Dictionary<string, Tensor>();
                foreach (var (name, t) in perParam[i] ?? [])
                    copies[name] = t.Dim == 0 ? t.To(DType.Float64).Clone() : t.To(_parameters[i].DType).Contiguous().Clone();
                LoadState(i, copies);
            }
        }
    }

    /// <summary>Whether a saved "param_groups.{g}.{name}" entry is one group <paramref name="g"/> may take: a known option, "initial_lr" or "params".</summary>
    private bool IsOption(int g, string name) =>
        name is "params" or "initial_lr" || _groups[g].Options.ContainsKey(name) || Array.Exists(_defaults, d => d.Name == name);

    /// <summary>Rejects a loaded state tensor of the wrong shape (default: a non-scalar must have the parameter's shape).</summary>
    private protected virtual void CheckStateShape(int index, string name, Tensor value)
    {
        if (value.Dim > 0 && !value.Shape.SequenceEqual(_parameters[index].Shape))
            throw new ArgumentException($"state {name} of parameter {index} has shape {Errors.Shape(value.Sizes)} but the parameter has shape {Errors.Shape(_parameters[index].Sizes)}", "stateDict");
    }

    /// <summary>Validates the learning rate with PyTorch's message ("Invalid learning rate: {lr}") and returns it.</summary>
    private protected static double CheckLearningRate(double lr) =>
        lr >= 0 ? lr : throw new ArgumentOutOfRangeException(nameof(lr), $"Invalid learning rate: {Format(lr)}");

    /// <summary>
    /// The options of Adam and its relatives (lr, beta1, beta2, eps, weight_decay, then <paramref name="more"/>), validated
    /// in PyTorch's order (lr, eps, betas, weight decay).
    /// </summary>
    private protected static (string Name, double Value)[] AdamOptions(double lr, double beta1, double beta2, double eps, double weightDecay,
        params (string Name, double Value)[] more)
    {
        CheckLearningRate(lr);
        CheckNonNegative(eps, "epsilon", nameof(eps));
        CheckBetas(beta1, beta2);
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        return [("lr", lr), ("beta1", beta1), ("beta2", beta2), ("eps", eps), ("weight_decay", weightDecay), .. more];
    }

    /// <summary>Validates a non-negative hyper-parameter with PyTorch's message ("Invalid {what} value: {v}").</summary>
    private protected static void CheckNonNegative(double value, string what, string paramName)
    {
        if (!(value >= 0)) throw new ArgumentOutOfRangeException(paramName, $"Invalid {what} value: {Format(value)}");
    }

    /// <summary>Validates Adam-style betas (each in [0, 1)) with PyTorch's message.</summary>
    private protected static void CheckBetas(double beta1, double beta2)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), $"Invalid beta parameter at index 0: {NN.Module.PyFloat(beta1)}");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), $"Invalid beta parameter at index 1: {NN.Module.PyFloat(beta2)}");
    }

    /// <summary>A number as Python prints it in these messages (<c>-1</c>, <c>0.5</c>).</summary>
    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
}
