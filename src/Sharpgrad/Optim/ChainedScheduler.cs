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
        LastLearningRate = optimizer.LearningRate;
    }

    /// <summary>The optimizer all chained schedulers drive.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The chained schedulers, in stepping order.</summary>
    public IReadOnlyList<LRScheduler> Schedulers => _schedulers;

    /// <summary>The optimizer's rate after the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate { get; private set; }

    /// <summary>Steps every scheduler once, in order. PyTorch: scheduler.step().</summary>
    public void Step()
    {
        foreach (var s in _schedulers) s.Step();
        LastLearningRate = Optimizer.LearningRate;
    }

    /// <summary>"_last_lr" and each scheduler's state dict under "_schedulers.{i}.". PyTorch: state_dict.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>();
        using (Autograd.NoGrad())
        {
            dict["_last_lr"] = Tensor.FromArray([LastLearningRate]);
            for (int i = 0; i < _schedulers.Length; i++)
                foreach (var (key, value) in _schedulers[i].StateDict())
                    dict[$"_schedulers.{i}.{key}"] = value;
        }
        return dict;
    }

    /// <summary>Restores a <see cref="StateDict"/>, passing each scheduler its part. PyTorch: load_state_dict.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var parts = _schedulers.Select(_ => new Dictionary<string, Tensor>()).ToArray();
        double? last = null;
        foreach (var (key, value) in stateDict)
        {
            if (key == "_last_lr")
            {
                value.ThrowIfDisposed();
                last = value.To(DType.Float64).Flatten()[0].Item<double>();
                continue;
            }
            var bits = key.Split('.', 3);
            if (bits.Length == 3 && bits[0] == "_schedulers" && int.TryParse(bits[1], out int i) && i >= 0 && i < parts.Length && bits[1] == i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                parts[i][bits[2]] = value;
                continue;
            }
            throw new ArgumentException($"unexpected key in ChainedScheduler state_dict: \"{key}\"", nameof(stateDict));
        }
        if (last is null) throw new ArgumentException("missing key in ChainedScheduler state_dict: \"_last_lr\"", nameof(stateDict));
        for (int i = 0; i < _schedulers.Length; i++) _schedulers[i].LoadStateDict(parts[i]);
        LastLearningRate = last.Value;
    }
}
