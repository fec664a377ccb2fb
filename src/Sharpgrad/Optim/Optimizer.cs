using System.Globalization;

namespace Sharpgrad.Optim;

/// <summary>
/// Updates parameters from their gradients. <see cref="Step"/> runs under no-grad and writes in place, so
/// parameters stay leaves; a parameter whose <c>Grad</c> is null is skipped. PyTorch: torch.optim.Optimizer.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;

    /// <summary>Checks the arguments as PyTorch does and takes a snapshot of the parameter list.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), $"Invalid learning rate: {Format(learningRate)}");
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        foreach (var p in _parameters)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (!p.IsLeaf) throw new ArgumentException("can't optimize a non-leaf Tensor", nameof(parameters));
        }
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The step size; schedulers change it between steps. PyTorch: param_groups[0]['lr'].</summary>
    public double LearningRate { get; set; }

    /// <summary>The rate when the first scheduler was attached; later schedulers take it as their base. PyTorch: initial_lr.</summary>
    internal double? InitialLearningRate { get; set; }

    private Action<Optimizer>[] _stepPreHooks = [];
    private Action<Optimizer>[] _stepPostHooks = [];

    /// <summary>Applies one update to every parameter that has a gradient. PyTorch: optimizer.step().</summary>
    public virtual void Step()
    {
        RunStepPreHooks();
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < _parameters.Length; i++)
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

    /// <summary>Hyper-parameters by PyTorch's param_groups names (lr, momentum, betas as beta1/beta2, ...).</summary>
    protected abstract IEnumerable<(string Name, double Value)> Hyperparameters();

    /// <summary>Restores one hyper-parameter named as in <see cref="Hyperparameters"/>.</summary>
    protected abstract void SetHyperparameter(string name, double value);

    /// <summary>The momentum a scheduler may cycle: SGD's momentum or Adam's beta1 (null when there is none).</summary>
    internal string? MomentumName => Hyperparameters().Select(h => h.Name).FirstOrDefault(n => n is "momentum" or "beta1");

    /// <summary>Reads a hyper-parameter by its state-dict name.</summary>
    internal double GetHyperparameter(string name) => Hyperparameters().First(h => h.Name == name).Value;

    /// <summary>Lets a scheduler change a hyper-parameter (OneCycleLR cycles the momentum).</summary>
    internal void ChangeHyperparameter(string name, double value) => SetHyperparameter(name, value);

    /// <summary>Copies of parameter <paramref name="index"/>'s state tensors (empty when it has none yet).</summary>
    protected abstract IEnumerable<(string Name, Tensor Value)> SaveState(int index);

    /// <summary>Replaces parameter <paramref name="index"/>'s state (an empty map clears it); the tensors are already copies.</summary>
    protected abstract void LoadState(int index, IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Names of the per-parameter state tensors, to reject unknown keys.</summary>
    protected abstract IReadOnlySet<string> StateNames { get; }

    /// <summary>
    /// A snapshot of the optimizer: "state.{i}.{name}" per parameter and "param_groups.0.{name}" hyper-parameters,
    /// all tensors, so it can be saved with safetensors and loaded to resume training exactly. PyTorch: state_dict.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>();
        using (Autograd.NoGrad())
        {
            for (int i = 0; i < _parameters.Length; i++)
                foreach (var (name, value) in SaveState(i))
                    dict[$"state.{i}.{name}"] = value;
            dict["param_groups.0.lr"] = Tensor.Scalar(LearningRate, DType.Float64);
            foreach (var (name, value) in Hyperparameters())
                dict[$"param_groups.0.{name}"] = Tensor.Scalar(value, DType.Float64);
            dict["param_groups.0.params"] = Tensor.Arange(_parameters.Length);
        }
        return dict;
    }

    /// <summary>Restores a <see cref="StateDict"/>; everything is checked before anything changes. PyTorch: load_state_dict.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        if (!stateDict.TryGetValue("param_groups.0.params", out var ids) || ids.NumElements != _parameters.Length)
            throw new ArgumentException("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
        var perParam = new Dictionary<string, Tensor>[_parameters.Length];
        var hyper = new List<(string, double)>();
        var known = Hyperparameters().Select(h => h.Name).Append("lr").Append("params").ToHashSet();
        foreach (var (key, value) in stateDict)
        {
            value.ThrowIfDisposed();
            var parts = key.Split('.');
            if (parts.Length == 3 && parts[0] == "param_groups" && parts[1] == "0" && known.Contains(parts[2]))
            {
                if (parts[2] != "params") hyper.Add((parts[2], value.To(DType.Float64).Item<double>()));
                continue;
            }
            if (parts.Length == 3 && parts[0] == "state" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                && i < _parameters.Length && StateNames.Contains(parts[2]))
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
            foreach (var (name, value) in hyper)
                if (name == "lr") LearningRate = value;
                else SetHyperparameter(name, value);
            for (int i = 0; i < _parameters.Length; i++)
            {
                var copies = new Dictionary<string, Tensor>();
                foreach (var (name, t) in perParam[i] ?? [])
                    copies[name] = t.Dim == 0 ? t.To(DType.Float64).Clone() : t.To(_parameters[i].DType).Contiguous().Clone();
                LoadState(i, copies);
            }
        }
    }

    /// <summary>Rejects a loaded state tensor of the wrong shape (default: a non-scalar must have the parameter's shape).</summary>
    private protected virtual void CheckStateShape(int index, string name, Tensor value)
    {
        if (value.Dim > 0 && !value.Shape.SequenceEqual(_parameters[index].Shape))
            throw new ArgumentException($"state {name} of parameter {index} has shape {Errors.Shape(value.Sizes)} but the parameter has shape {Errors.Shape(_parameters[index].Sizes)}", "stateDict");
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
