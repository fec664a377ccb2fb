namespace Sharpgrad.Optim;

/// <summary>
/// Steps several schedulers of one optimizer together, each in turn on the rate the previous one left (their
/// factors multiply). The schedulers have already applied their initial rates when they were created.
/// PyTorch: torch.optim.lr_scheduler.ChainedScheduler.
/// </summary>
public sealed class ChainedScheduler
{
    private readonly LRScheduler[] _schedulers;

    /// <summary>Chains <paramref name="schedulers"/>; all must drive the same optimizer (and <paramref name="optimizer"/> if given).</summary>
    public ChainedScheduler(IEnumerable<LRScheduler> schedulers, Optimizer? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        _schedulers = schedulers.ToArray();
        if (_schedulers.Length == 0) throw new ArgumentException($"{nameof(ChainedScheduler)} expects at least one scheduler to be chained, but got no scheduler.");
        foreach (var s in _schedulers) ArgumentNullException.ThrowIfNull(s, nameof(schedulers));
        optimizer ??= _schedulers[0].Optimizer;
        for (int i = 0; i < _schedulers.Length; i++)
            if (!ReferenceEquals(_schedulers[i].Optimizer, optimizer))
                throw new ArgumentException($"ChainedScheduler expects all schedulers to belong to the same optimizer, but got scheduler {_schedulers[i].GetType().Name} at index {i} has {_schedulers[i].Optimizer.GetType().Name}, which is different from {optimizer.GetType().Name}.");
        Optimizer = optimizer;
        LastLearningRates = Rates(optimizer);
    }

    /// <summary>The optimizer all chained schedulers drive.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The chained schedulers, in stepping order.</summary>
    public IReadOnlyList<LRScheduler> Schedulers => _schedulers;

    /// <summary>The optimizer's first group's rate after the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate => LastLearningRates[0];

    /// <summary>Each parameter group's rate after the last step. PyTorch: get_last_lr().</summary>
    public IReadOnlyList<double> LastLearningRates { get; private set; }

    private static double[] Rates(Optimizer optimizer) => optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>Steps every scheduler once, in order. PyTorch: scheduler.step().</summary>
    public void Step()
    {
        foreach (var s in _schedulers) s.Step();
        LastLearningRates = Rates(Optimizer);
    }

    /// <summary>"_last_lr" and each scheduler's state dict under "_schedulers.{i}.". PyTorch: state_dict.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() => CompositeState.Save(_schedulers, LastLearningRates, []);

    /// <summary>Restores a <see cref="StateDict"/>, passing each scheduler its part. PyTorch: load_state_dict.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict) =>
        LastLearningRates = CompositeState.Load(nameof(ChainedScheduler), _schedulers, stateDict, new Dictionary<string, Action<Tensor>>());
}

/// <summary>State dicts of schedulers made of schedulers: "_last_lr", own entries, and "_schedulers.{i}.{key}".</summary>
internal static class CompositeState
{
    /// <summary>Builds the dict; <paramref name="own"/> adds the composite's own entries.</summary>
    internal static Dictionary<string, Tensor> Save(LRScheduler[] schedulers, IReadOnlyList<double> lastLrs, IEnumerable<(string Name, Func<Tensor> Make)> own)
    {
        var dict = new Dictionary<string, Tensor>();
        using (Autograd.NoGrad())
        {
            dict["_last_lr"] = Tensor.FromArray(lastLrs.ToArray());
            foreach (var (name, make) in own) dict[name] = make();
            for (int i = 0; i < schedulers.Length; i++)
                foreach (var (key, value) in schedulers[i].StateDict())
                    dict[$"_schedulers.{i}.{key}"] = value;
        }
        return dict;
    }

    /// <summary>Checks the keys, hands each scheduler its part and returns "_last_lr"; <paramref name="own"/> receives the composite's entries.</summary>
    internal static IReadOnlyList<double> Load(string owner, LRScheduler[] schedulers, IReadOnlyDictionary<string, Tensor> stateDict, IReadOnlyDictionary<string, Action<Tensor>> own)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var parts = schedulers.Select(_ => new Dictionary<string, Tensor>()).ToArray();
        double[]? last = null;
        var seen = new HashSet<string>();
        foreach (var (key, value) in stateDict)
        {
            value.ThrowIfDisposed();
            if (key == "_last_lr")
            {
                last = value.To(DType.Float64).Flatten().ToArray<double>();
                continue;
            }
            if (own.ContainsKey(key))
            {
                seen.Add(key);
                continue;
            }
            var bits = key.Split('.', 3);
            if (bits.Length == 3 && bits[0] == "_schedulers" && int.TryParse(bits[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i)
                && i < parts.Length)
            {
                parts[i][bits[2]] = value;
                continue;
            }
            throw new ArgumentException($"unexpected key in {owner} state_dict: \"{key}\"", nameof(stateDict));
        }
        foreach (var key in own.Keys.Where(k => !seen.Contains(k)).Prepend(last is null ? "_last_lr" : null).OfType<string>())
            throw new ArgumentException($"missing key in {owner} state_dict: \"{key}\"", nameof(stateDict));
        for (int i = 0; i < schedulers.Length; i++) schedulers[i].LoadStateDict(parts[i]);
        foreach (var (key, set) in own) set(stateDict[key]);
        return Array.AsReadOnly(last!);
    }
}
