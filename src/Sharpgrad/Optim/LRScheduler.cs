using System.Globalization;

namespace Sharpgrad.Optim;

/// <summary>
/// Changes an optimizer's learning rate once per <see cref="Step"/> (call it after <c>optimizer.Step()</c>),
/// in PyTorch's chainable (recursive) form. PyTorch: torch.optim.lr_scheduler.LRScheduler.
/// </summary>
public abstract class LRScheduler
{
    private double[] _baseLrs;
    private double[] _lastLrs;

    /// <summary>Remembers each group's rate as its base rate (kept in the group as "initial_lr" for later schedulers).</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        // PyTorch's group.setdefault("initial_lr", group["lr"]) per group
        _baseLrs = optimizer.ParamGroups.Select(g => g.SetDefault("initial_lr", g.LearningRate)).ToArray();
        _lastLrs = optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
    }

    /// <summary>A group's rate at epoch 0 from its current and base rates (PyTorch's closed form at epoch 0); SequentialLR restarts with it.</summary>
    private protected virtual double EpochZeroRate(double current, double baseLr) => baseLr;

    /// <summary>Goes back to epoch 0 and sets its rates. PyTorch: scheduler.step(0) (and _initial_step).</summary>
    internal void Restart()
    {
        LastEpoch = 0;
        SetRates(EpochZeroRate);
    }

    /// <summary>The optimizer whose rates are scheduled.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The first group's base rate (its rate when the first scheduler was created). PyTorch: base_lrs[0].</summary>
    public double BaseLearningRate => _baseLrs[0];

    /// <summary>Each parameter group's base rate. PyTorch: base_lrs.</summary>
    public IReadOnlyList<double> BaseLearningRates => Array.AsReadOnly(_baseLrs);

    /// <summary>Number of <see cref="Step"/> calls so far. PyTorch: last_epoch.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The first group's rate set by the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate => _lastLrs[0];

    /// <summary>Each parameter group's rate set by the last step. PyTorch: get_last_lr().</summary>
    public IReadOnlyList<double> LastLearningRates => Array.AsReadOnly(_lastLrs);

    /// <summary>Advances one epoch and sets every group's rate. PyTorch: scheduler.step().</summary>
    public void Step()
    {
        LastEpoch++;
        Advance();
        SetRates(NextLearningRate);
    }

    /// <summary>Updates the schedule's own progress once per <see cref="Step"/>, before the groups' rates are computed.</summary>
    private protected virtual void Advance() { }

    /// <summary>A group's rate for epoch <see cref="LastEpoch"/> given its current rate and its base rate.</summary>
    protected abstract double NextLearningRate(double current, double baseLr);

    /// <summary>
    /// Sets each group's rate to <paramref name="rate"/>(current, base) and records them as the last rates; schedules that
    /// start below the base rate call it from their constructor (PyTorch's initial step). Groups added to the optimizer
    /// after the scheduler was created are left alone, as in PyTorch.
    /// </summary>
    protected void SetRates(Func<double, double, double> rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var groups = Optimizer.ParamGroups;
        var last = new double[Math.Min(groups.Count, _baseLrs.Length)];
        for (int g = 0; g < last.Length; g++) groups[g].LearningRate = last[g] = rate(groups[g].LearningRate, _baseLrs[g]);
        _lastLrs = last;
    }

    /// <summary>List-valued settings (e.g. milestones), saved as Int64 tensors; none by default.</summary>
    protected virtual IEnumerable<(string Name, long[] Values)> ListSettings() => [];

    /// <summary>Sets one of <see cref="ListSettings"/> from a loaded state dict.</summary>
    protected virtual void SetListSetting(string name, long[] values) { }

    /// <summary>The schedule's own settings, by PyTorch's attribute names (integral ones as Int64).</summary>
    protected abstract IEnumerable<(string Name, double Value, bool Integral)> Settings();

    /// <summary>Sets one of <see cref="Settings"/> from a loaded state dict (already validated).</summary>
    protected abstract void SetSetting(string name, double value);

    /// <summary>
    /// The scheduler's progress and settings as tensors ("last_epoch", "_step_count", "base_lrs", "_last_lr" and
    /// the schedule's own, e.g. "step_size" and "gamma"), so a checkpoint resumes the schedule exactly. PyTorch: state_dict.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        using (Autograd.NoGrad())
        {
            var dict = new Dictionary<string, Tensor>
            {
                ["last_epoch"] = Tensor.Scalar(LastEpoch, DType.Int64),
                ["_step_count"] = Tensor.Scalar(LastEpoch + 1, DType.Int64),
                ["base_lrs"] = Tensor.FromArray(_baseLrs.ToArray()),
                ["_last_lr"] = Tensor.FromArray(_lastLrs.ToArray()),
            };
            foreach (var (name, value, integral) in Settings())
                dict[name] = integral ? Tensor.Scalar((long)value, DType.Int64) : Tensor.Scalar(value, DType.Float64);
            foreach (var (name, values) in ListSettings())
                dict[name] = Tensor.FromArray(values);
            return dict;
        }
    }

    /// <summary>
    /// Restores a <see cref="StateDict"/>: every key must be present and known, and everything is checked before
    /// anything changes. The optimizer's own rate comes from its state dict. PyTorch: load_state_dict.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var settings = Settings().ToDictionary(s => s.Name, s => s.Integral);
        var lists = ListSettings().Select(l => l.Name).ToHashSet();
        string[] progress = ["last_epoch", "_step_count"], rates = ["base_lrs", "_last_lr"];
        foreach (var key in stateDict.Keys)
            if (!settings.ContainsKey(key) && !lists.Contains(key) && Array.IndexOf(progress, key) < 0 && Array.IndexOf(rates, key) < 0)
                throw new ArgumentException($"unexpected key in {GetType().Name} state_dict: \"{key}\"", nameof(stateDict));
        var rateValues = new Dictionary<string, double[]>();
        foreach (var key in rates)
        {
            if (!stateDict.TryGetValue(key, out var t))
                throw new ArgumentException($"missing key in {GetType().Name} state_dict: \"{key}\"", nameof(stateDict));
            t.ThrowIfDisposed();
            if (t.NumElements != _baseLrs.Length)
                throw new ArgumentException($"{GetType().Name} state_dict entry \"{key}\" must hold one value per parameter group ({_baseLrs.Length}), got shape {Errors.Shape(t.Sizes)}", nameof(stateDict));
            rateValues[key] = t.To(DType.Float64).Flatten().ToArray<double>();
        }
        var values = new Dictionary<string, double>();
        foreach (var key in progress.Concat(settings.Keys))
        {
            if (!stateDict.TryGetValue(key, out var t))
                throw new ArgumentException($"missing key in {GetType().Name} state_dict: \"{key}\"", nameof(stateDict));
            t.ThrowIfDisposed();
            if (t.NumElements != 1)
                throw new ArgumentException($"{GetType().Name} state_dict entry \"{key}\" must hold one value, got shape {Errors.Shape(t.Sizes)}", nameof(stateDict));
            double v = t.To(DType.Float64).Flatten().Item<double>();
            bool integral = key is "last_epoch" or "_step_count" || (settings.TryGetValue(key, out bool i) && i);
            if (integral && (v != Math.Floor(v) || v < 0 || v > int.MaxValue))
                throw new ArgumentException($"{GetType().Name} state_dict entry \"{key}\" must be a non-negative integer, got {v.ToString(CultureInfo.InvariantCulture)}", nameof(stateDict));
            if (key is "step_size" or "T_max" && v < 1)
                throw new ArgumentException($"{GetType().Name} state_dict entry \"{key}\" must be positive, got {v.ToString(CultureInfo.InvariantCulture)}", nameof(stateDict));
            values[key] = v;
        }
        var listValues = new Dictionary<string, long[]>();
        foreach (var key in lists)
        {
            if (!stateDict.TryGetValue(key, out var t))
                throw new ArgumentException($"missing key in {GetType().Name} state_dict: \"{key}\"", nameof(stateDict));
            t.ThrowIfDisposed();
            if (t.DType != DType.Int64 || t.Dim != 1)
                throw new ArgumentException($"{GetType().Name} state_dict entry \"{key}\" must be a 1-D Int64 tensor, got {Errors.Pretty(t.DType)} of shape {Errors.Shape(t.Sizes)}", nameof(stateDict));
            listValues[key] = t.ToArray<long>();
        }
        LastEpoch = (int)values["last_epoch"];
        _baseLrs = rateValues["base_lrs"];
        _lastLrs = rateValues["_last_lr"];
        foreach (var name in settings.Keys) SetSetting(name, values[name]);
        foreach (var (name, list) in listValues) SetListSetting(name, list);
    }
}

/// <summary>Multiplies the rate by gamma every stepSize epochs. PyTorch: torch.optim.lr_scheduler.StepLR.</summary>
public sealed class StepLR : LRScheduler
{
    /// <summary>A step schedule.</summary>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; private set; }

    /// <summary>Decay factor.</summary>
    public double Gamma { get; private set; }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) =>
        LastEpoch == 0 || LastEpoch % StepSize != 0 ? current : current * Gamma;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("step_size", StepSize, true), ("gamma", Gamma, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        if (name == "step_size") StepSize = (int)value;
        else Gamma = value;
    }
}

/// <summary>
/// Cosine annealing from the base rate to etaMin over tMax epochs (and back up, periodically), using PyTorch's
/// recursive update so the values match it digit for digit. PyTorch: torch.optim.lr_scheduler.CosineAnnealingLR.
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    /// <summary>A cosine schedule.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tMax);
        TMax = tMax;
        EtaMin = etaMin;
    }

    /// <summary>Half-period in epochs.</summary>
    public int TMax { get; private set; }

    /// <summary>Minimum rate.</summary>
    public double EtaMin { get; private set; }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("T_max", TMax, true), ("eta_min", EtaMin, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        if (name == "T_max") TMax = (int)value;
        else EtaMin = value;
    }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int e = LastEpoch;
        if (e == 0) return current;
        int m = 2 * TMax, r = ((e - 1 - TMax) % m + m) % m; // Python's modulo
        if (r == 0) return current + (baseLr - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2;
        return (1 + Math.Cos(Math.PI * e / TMax)) / (1 + Math.Cos(Math.PI * (e - 1) / TMax)) * (current - EtaMin) + EtaMin;
    }
}

/// <summary>Multiplies the rate by gamma every epoch. PyTorch: torch.optim.lr_scheduler.ExponentialLR.</summary>
public sealed class ExponentialLR : LRScheduler
{
    /// <summary>An exponential decay.</summary>
    public ExponentialLR(Optimizer optimizer, double gamma) : base(optimizer) => Gamma = gamma;

    /// <summary>Decay factor per epoch.</summary>
    public double Gamma { get; private set; }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) => LastEpoch == 0 ? current : current * Gamma;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() => [("gamma", Gamma, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value) => Gamma = value;
}

/// <summary>
/// Multiplies the rate by gamma at each milestone epoch (by gamma^k for a milestone listed k times).
/// PyTorch: torch.optim.lr_scheduler.MultiStepLR.
/// </summary>
public sealed class MultiStepLR : LRScheduler
{
    private long[] _milestones;

    /// <summary>A schedule that decays at the given epochs.</summary>
    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        _milestones = milestones.Select(m => (long)m).Order().ToArray();
        Gamma = gamma;
    }

    /// <summary>The decay epochs, sorted (repeats kept).</summary>
    public IReadOnlyList<long> Milestones => _milestones;

    /// <summary>Decay factor per milestone.</summary>
    public double Gamma { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => baseLr * Math.Pow(Gamma, _milestones.Count(m => m <= 0));

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int hits = _milestones.Count(m => m == LastEpoch);
        return hits == 0 ? current : current * Math.Pow(Gamma, hits);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() => [("gamma", Gamma, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value) => Gamma = value;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, long[] Values)> ListSettings() => [("milestones", _milestones.ToArray())];

    /// <inheritdoc/>
    protected override void SetListSetting(string name, long[] values) => _milestones = values.Order().ToArray();
}

/// <summary>
/// Scales the rate linearly from startFactor to endFactor of the base rate over totalIters epochs, then holds it
/// (a warm-up). The start factor applies at once. PyTorch: torch.optim.lr_scheduler.LinearLR.
/// </summary>
public sealed class LinearLR : LRScheduler
{
    /// <summary>A linear ramp; PyTorch's defaults (1/3 to 1 over 5 epochs).</summary>
    public LinearLR(Optimizer optimizer, double startFactor = 1.0 / 3, double endFactor = 1.0, int totalIters = 5) : base(optimizer)
    {
        if (!(startFactor > 0 && startFactor <= 1))
            throw new ArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        if (!(endFactor >= 0 && endFactor <= 1))
            throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(totalIters);
        StartFactor = startFactor;
        EndFactor = endFactor;
        TotalIters = totalIters;
        SetRates((current, _) => current * startFactor);
    }

    /// <summary>Fraction of the base rate at epoch 0.</summary>
    public double StartFactor { get; private set; }

    /// <summary>Fraction of the base rate from epoch totalIters on.</summary>
    public double EndFactor { get; private set; }

    /// <summary>Epochs of the ramp.</summary>
    public int TotalIters { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => baseLr * StartFactor;

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int e = LastEpoch;
        if (e == 0) return current;
        if (e > TotalIters) return current;
        return current * (1.0 + (EndFactor - StartFactor) / (TotalIters * StartFactor + (e - 1) * (EndFactor - StartFactor)));
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("start_factor", StartFactor, false), ("end_factor", EndFactor, false), ("total_iters", TotalIters, true)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        switch (name)
        {
            case "start_factor": StartFactor = value; break;
            case "end_factor": EndFactor = value; break;
            default: TotalIters = (int)value; break;
        }
    }
}

/// <summary>
/// The one-cycle policy: the rate rises from maxLr/divFactor to maxLr over pctStart of totalSteps, then anneals to
/// initial/finalDivFactor (three phases: back to the initial rate first); the momentum (SGD's, or Adam's beta1) cycles
/// the other way. Closed form per step, as PyTorch computes it. PyTorch: torch.optim.lr_scheduler.OneCycleLR.
/// </summary>
public sealed class OneCycleLR : LRScheduler
{
    private readonly string? _momentumName;

    /// <summary>A one-cycle schedule over <paramref name="totalSteps"/> steps; annealStrategy "cos" or "linear".</summary>
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, double pctStart = 0.3, string annealStrategy = "cos",
        bool cycleMomentum = true, double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25, double finalDivFactor = 1e4,
        bool threePhase = false) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(annealStrategy);
        if (totalSteps <= 0) throw new ArgumentException($"Expected positive integer total_steps, but got {totalSteps}");
        if (!(pctStart >= 0 && pctStart <= 1)) throw new ArgumentException($"Expected float between 0 and 1 pct_start, but got {NN.Module.PyFloat(pctStart)}");
        if (annealStrategy is not ("cos" or "linear"))
            throw new ArgumentException($"anneal_strategy must be one of 'cos' or 'linear', instead got {annealStrategy}");
        _momentumName = optimizer.MomentumName;
        if (cycleMomentum && _momentumName is null)
            throw new ArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
        TotalSteps = totalSteps;
        MaxLr = maxLr;
        InitialLr = maxLr / divFactor;
        MinLr = InitialLr / finalDivFactor;
        PctStart = pctStart;
        Cosine = annealStrategy == "cos";
        CycleMomentum = cycleMomentum;
        BaseMomentum = baseMomentum;
        MaxMomentum = maxMomentum;
        ThreePhase = threePhase;
        SetRates(NextLearningRate); // step 0 of the formula, as PyTorch's initial step
    }

    /// <summary>Steps in the cycle.</summary>
    public int TotalSteps { get; private set; }

    /// <summary>Peak rate.</summary>
    public double MaxLr { get; private set; }

    /// <summary>Starting rate (maxLr / divFactor).</summary>
    public double InitialLr { get; private set; }

    /// <summary>Final rate (initial / finalDivFactor).</summary>
    public double MinLr { get; private set; }

    /// <summary>Fraction of the cycle spent rising.</summary>
    public double PctStart { get; private set; }

    /// <summary>Cosine (true) or linear annealing.</summary>
    public bool Cosine { get; private set; }

    /// <summary>Whether the momentum cycles inversely to the rate.</summary>
    public bool CycleMomentum { get; private set; }

    /// <summary>Momentum at the peak rate.</summary>
    public double BaseMomentum { get; private set; }

    /// <summary>Momentum at the lowest rates.</summary>
    public double MaxMomentum { get; private set; }

    /// <summary>Rise, fall back to the initial rate, then anneal to the minimum.</summary>
    public bool ThreePhase { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => NextLearningRate(current, baseLr);

    private double Anneal(double start, double end, double pct) =>
        Cosine ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int step = LastEpoch;
        if (step > TotalSteps)
            throw new ArgumentException($"Tried to step {step} times. The specified number of total steps is {TotalSteps}");
        (double End, double Lr0, double Lr1, double M0, double M1)[] phases = ThreePhase
            ?
            [
                (PctStart * TotalSteps - 1, InitialLr, MaxLr, MaxMomentum, BaseMomentum),
                (2 * PctStart * TotalSteps - 2, MaxLr, InitialLr, BaseMomentum, MaxMomentum),
                (TotalSteps - 1, InitialLr, MinLr, MaxMomentum, MaxMomentum),
            ]
            :
            [
                (PctStart * TotalSteps - 1, InitialLr, MaxLr, MaxMomentum, BaseMomentum),
                (TotalSteps - 1, MaxLr, MinLr, BaseMomentum, MaxMomentum),
            ];
        double startStep = 0;
        for (int i = 0; i < phases.Length; i++)
        {
            var p = phases[i];
            if (step <= p.End || i == phases.Length - 1)
            {
                double pct = (step - startStep) / (p.End - startStep);
                if (CycleMomentum) Optimizer.ChangeHyperparameter(_momentumName!, Anneal(p.M0, p.M1, pct));
                return Anneal(p.Lr0, p.Lr1, pct);
            }
            startStep = p.End;
        }
        return current;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
    [
        ("total_steps", TotalSteps, true), ("max_lr", MaxLr, false), ("initial_lr", InitialLr, false), ("min_lr", MinLr, false),
        ("pct_start", PctStart, false), ("anneal_cos", Cosine ? 1 : 0, false), ("cycle_momentum", CycleMomentum ? 1 : 0, false),
        ("base_momentum", BaseMomentum, false), ("max_momentum", MaxMomentum, false), ("three_phase", ThreePhase ? 1 : 0, false),
    ];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        switch (name)
        {
            case "total_steps": TotalSteps = (int)value; break;
            case "max_lr": MaxLr = value; break;
            case "initial_lr": InitialLr = value; break;
            case "min_lr": MinLr = value; break;
            case "pct_start": PctStart = value; break;
            case "anneal_cos": Cosine = value != 0; break;
            case "cycle_momentum": CycleMomentum = value != 0; break;
            case "base_momentum": BaseMomentum = value; break;
            case "max_momentum": MaxMomentum = value; break;
            default: ThreePhase = value != 0; break;
        }
    }
}
