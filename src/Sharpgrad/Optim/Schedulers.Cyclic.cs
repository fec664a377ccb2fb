namespace Sharpgrad.Optim;

/// <summary>
/// Cosine annealing with warm restarts (SGDR): within a period of T_i epochs the rate follows
/// etaMin + (base - etaMin)·(1 + cos(π·T_cur/T_i))/2, and each restart multiplies the period by tMult.
/// PyTorch: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.
/// </summary>
public sealed class CosineAnnealingWarmRestarts : LRScheduler
{
    /// <summary>A restarting cosine schedule with first period <paramref name="t0"/>.</summary>
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult = 1, double etaMin = 0) : base(optimizer)
    {
        if (t0 <= 0) throw new ArgumentException($"Expected positive integer T_0, but got {t0}");
        if (tMult < 1) throw new ArgumentException($"Expected integer T_mult >= 1, but got {tMult}");
        T0 = t0;
        TI = t0;
        TMult = tMult;
        EtaMin = etaMin;
    }

    /// <summary>Length of the first period.</summary>
    public int T0 { get; private set; }

    /// <summary>Length of the current period. PyTorch: T_i.</summary>
    public int TI { get; private set; }

    /// <summary>Factor by which each period is longer than the previous.</summary>
    public int TMult { get; private set; }

    /// <summary>Minimum rate.</summary>
    public double EtaMin { get; private set; }

    /// <summary>Epochs since the last restart. PyTorch: T_cur.</summary>
    public int TCur { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr)
    {
        TCur = 0;
        TI = T0;
        return baseLr;
    }

    private protected override void Advance()
    {
        if (++TCur >= TI)
        {
            TCur -= TI;
            TI *= TMult;
        }
    }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) =>
        EtaMin + (baseLr - EtaMin) * (1 + Math.Cos(Math.PI * TCur / TI)) / 2;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("T_0", T0, true), ("T_i", TI, true), ("T_mult", TMult, true), ("eta_min", EtaMin, false), ("T_cur", TCur, true)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        switch (name)
        {
            case "T_0": T0 = (int)value; break;
            case "T_i": TI = Math.Max(1, (int)value); break;
            case "T_mult": TMult = Math.Max(1, (int)value); break;
            case "eta_min": EtaMin = value; break;
            default: TCur = (int)value; break;
        }
    }
}

/// <summary>
/// Cyclical learning rate: the rate moves linearly between baseLr and maxLr (up over stepSizeUp epochs, down over
/// stepSizeDown), the amplitude scaled per mode — "triangular" (constant), "triangular2" (halved each cycle) or
/// "exp_range" (gamma^epoch); with cycleMomentum the momentum (SGD's, or Adam's beta1) cycles inversely between
/// maxMomentum and baseMomentum. Sets the optimizer's rate to baseLr at once. In the state dict the mode is saved as
/// "mode" 0/1/2 (a number, since entries are tensors). PyTorch: torch.optim.lr_scheduler.CyclicLR.
/// </summary>
public sealed class CyclicLR : LRScheduler
{
    private static readonly string[] Modes = ["triangular", "triangular2", "exp_range"];
    private readonly string? _momentumName;

    /// <summary>A cyclical schedule; PyTorch's defaults.</summary>
    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr, int stepSizeUp = 2000, int? stepSizeDown = null, string mode = "triangular",
        double gamma = 1.0, bool cycleMomentum = true, double baseMomentum = 0.8, double maxMomentum = 0.9)
        : base(WithRate(optimizer, baseLr))
    {
        ArgumentNullException.ThrowIfNull(mode);
        int modeIndex = Array.IndexOf(Modes, mode);
        if (modeIndex < 0) throw new ArgumentException("mode is invalid and scale_fn is None");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSizeUp);
        int down = stepSizeDown ?? stepSizeUp;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(down, nameof(stepSizeDown));
        _momentumName = optimizer.MomentumName;
        if (cycleMomentum && _momentumName is null)
            throw new ArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
        MaxLr = maxLr;
        TotalSize = stepSizeUp + down;
        StepRatio = stepSizeUp / TotalSize;
        Mode = modeIndex;
        Gamma = gamma;
        CycleMomentum = cycleMomentum;
        BaseMomentum = baseMomentum;
        MaxMomentum = maxMomentum;
        if (cycleMomentum) optimizer.ChangeHyperparameter(_momentumName!, maxMomentum);
    }

    private static Optimizer WithRate(Optimizer optimizer, double lr)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = lr;
        return optimizer;
    }

    /// <summary>Upper rate of the cycle (before scaling).</summary>
    public double MaxLr { get; private set; }

    /// <summary>Epochs per cycle (up plus down).</summary>
    public double TotalSize { get; private set; }

    /// <summary>Fraction of the cycle spent rising.</summary>
    public double StepRatio { get; private set; }

    /// <summary>0 triangular, 1 triangular2, 2 exp_range.</summary>
    public int Mode { get; private set; }

    /// <summary>Base of exp_range's per-epoch amplitude scaling.</summary>
    public double Gamma { get; private set; }

    /// <summary>Whether the momentum cycles inversely to the rate.</summary>
    public bool CycleMomentum { get; private set; }

    /// <summary>Momentum at the peak rate.</summary>
    public double BaseMomentum { get; private set; }

    /// <summary>Momentum at the base rate.</summary>
    public double MaxMomentum { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => NextLearningRate(current, baseLr);

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int e = LastEpoch;
        double cycle = Math.Floor(1 + e / TotalSize);
        double x = 1.0 + e / TotalSize - cycle;
        double scaleFactor = x <= StepRatio ? x / StepRatio : (x - 1) / (StepRatio - 1);
        double scale = Mode switch
        {
            0 => 1.0,
            1 => 1 / Math.Pow(2.0, cycle - 1),
            _ => Math.Pow(Gamma, e),
        };
        if (CycleMomentum && _momentumName is not null)
            Optimizer.ChangeHyperparameter(_momentumName, MaxMomentum - (MaxMomentum - BaseMomentum) * scaleFactor * scale);
        return baseLr + (MaxLr - baseLr) * scaleFactor * scale;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
    [
        ("max_lrs", MaxLr, false), ("total_size", TotalSize, false), ("step_ratio", StepRatio, false), ("mode", Mode, true),
        ("gamma", Gamma, false), ("cycle_momentum", CycleMomentum ? 1 : 0, false), ("base_momentums", BaseMomentum, false),
        ("max_momentums", MaxMomentum, false),
    ];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        switch (name)
        {
            case "max_lrs": MaxLr = value; break;
            case "total_size": TotalSize = value; break;
            case "step_ratio": StepRatio = value; break;
            case "mode": Mode = Math.Clamp((int)value, 0, 2); break;
            case "gamma": Gamma = value; break;
            case "cycle_momentum": CycleMomentum = value != 0; break;
            case "base_momentums": BaseMomentum = value; break;
            default: MaxMomentum = value; break;
        }
    }
}
