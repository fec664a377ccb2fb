namespace Sharpgrad.Optim;

/// <summary>
/// Runs schedulers one after another: scheduler i drives the rate from milestone i-1 on, restarting at its epoch 0
/// (from the base rate) when its milestone is reached. Creating it resets the rate to the optimizer's initial rate and
/// restarts the first scheduler. PyTorch: torch.optim.lr_scheduler.SequentialLR.
/// </summary>
public sealed class SequentialLR
{
    private readonly LRScheduler[] _schedulers;
    private long[] _milestones;

    /// <summary>Sequences <paramref name="schedulers"/> of <paramref name="optimizer"/>, switching at <paramref name="milestones"/>.</summary>
    public SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(milestones);
        _schedulers = schedulers.ToArray();
        _milestones = milestones.Select(m => (long)m).ToArray();
        if (_schedulers.Length == 0) throw new ArgumentException("SequentialLR expects at least one scheduler, but got no scheduler.");
        for (int i = 0; i < _schedulers.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(_schedulers[i], nameof(schedulers));
            if (!ReferenceEquals(_schedulers[i].Optimizer, optimizer))
                throw new ArgumentException($"SequentialLR expects all schedulers to belong to the same optimizer, but got scheduler {_schedulers[i].GetType().Name} at index {i} has {_schedulers[i].Optimizer.GetType().Name}, which is different from {optimizer.GetType().Name}.");
        }
        if (_milestones.Length != _schedulers.Length - 1)
            throw new ArgumentException($"Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers {_schedulers.Length} and the number of milestones to be equal to {_milestones.Length}");
        Optimizer = optimizer;
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = group.Options.GetValueOrDefault("initial_lr", group.LearningRate);
        _schedulers[0].Restart();
        LastLearningRates = _schedulers[0].LastLearningRates;
    }

    /// <summary>The optimizer all schedulers drive.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The schedulers, in order.</summary>
    public IReadOnlyList<LRScheduler> Schedulers => _schedulers;

    /// <summary>Epochs at which the next scheduler takes over.</summary>
    public IReadOnlyList<long> Milestones => _milestones;

    /// <summary>Number of <see cref="Step"/> calls so far. PyTorch: last_epoch.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The first group's rate set by the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate => LastLearningRates[0];

    /// <summary>Each parameter group's rate set by the last step. PyTorch: get_last_lr().</summary>
    public IReadOnlyList<double> LastLearningRates { get; private set; }

    /// <summary>Advances one epoch with the scheduler whose span it is in. PyTorch: scheduler.step().</summary>
    public void Step()
    {
        LastEpoch++;
        int idx = _milestones.Count(m => m <= LastEpoch); // bisect_right
        var s = _schedulers[idx];
        if (idx > 0 && _milestones[idx - 1] == LastEpoch) s.Restart();
        else s.Step();
        LastLearningRates = s.LastLearningRates;
    }

    /// <summary>"_last_lr", "last_epoch", "_milestones" and each scheduler's dict under "_schedulers.{i}.". PyTorch: state_dict.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() =>
        CompositeState.Save(_schedulers, LastLearningRates,
            [("last_epoch", () => Tensor.Scalar(LastEpoch, DType.Int64)), ("_milestones", () => Tensor.FromArray(_milestones.ToArray()))]);

    /// <summary>Restores a <see cref="StateDict"/>. PyTorch: load_state_dict.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        if (stateDict.TryGetValue("_milestones", out var ms) && (ms.DType != DType.Int64 || ms.Dim != 1 || ms.NumElements != _milestones.Length))
            throw new ArgumentException($"SequentialLR state_dict entry \"_milestones\" must be a 1-D Int64 tensor of {_milestones.Length} values", nameof(stateDict));
        LastLearningRates = CompositeState.Load(nameof(SequentialLR), _schedulers, stateDict, new Dictionary<string, Action<Tensor>>
        {
            ["last_epoch"] = t => LastEpoch = (int)t.To(DType.Int64).Item<long>(),
            ["_milestones"] = t => _milestones = t.ToArray<long>(),
        });
    }
}
