namespace Sharpgrad.Optim;

/// <summary>
/// Sets the rate to the base rate times <c>lambda(epoch)</c>, from epoch 0 on. The function is not part of the state
/// dict (PyTorch saves None for a plain function). PyTorch: torch.optim.lr_scheduler.LambdaLR.
/// </summary>
public sealed class LambdaLR : LRScheduler
{
    private readonly Func<int, double> _lambda;

    /// <summary>A schedule given by a multiplicative factor per epoch.</summary>
    public LambdaLR(Optimizer optimizer, Func<int, double> lrLambda) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(lrLambda);
        _lambda = lrLambda;
        SetRates((_, baseLr) => baseLr * lrLambda(0));
    }

    private protected override double EpochZeroRate(double current, double baseLr) => baseLr * _lambda(0);

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) => baseLr * _lambda(LastEpoch);

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() => [];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value) { }
}

/// <summary>
/// Scales the rate by a constant factor for the first totalIters epochs, then restores the base rate.
/// PyTorch: torch.optim.lr_scheduler.ConstantLR.
/// </summary>
public sealed class ConstantLR : LRScheduler
{
    /// <summary>A constant warm-up; PyTorch's defaults (1/3 for 5 epochs).</summary>
    public ConstantLR(Optimizer optimizer, double factor = 1.0 / 3, int totalIters = 5) : base(optimizer)
    {
        if (!(factor >= 0 && factor <= 1)) throw new ArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(totalIters);
        Factor = factor;
        TotalIters = totalIters;
        SetRates((current, _) => current * factor);
    }

    /// <summary>Fraction of the base rate during the first epochs.</summary>
    public double Factor { get; private set; }

    /// <summary>Epoch at which the base rate is restored.</summary>
    public int TotalIters { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => TotalIters > 0 ? baseLr * Factor : baseLr;

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) =>
        LastEpoch == 0 ? current * Factor : LastEpoch != TotalIters ? current : current * (1.0 / Factor);

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("factor", Factor, false), ("total_iters", TotalIters, true)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        if (name == "factor") Factor = value;
        else TotalIters = (int)value;
    }
}

/// <summary>
/// Decays the rate polynomially to zero over totalIters epochs: lr = base·(1 - t/T)^power, in PyTorch's recursive
/// form so the values match digit for digit. PyTorch: torch.optim.lr_scheduler.PolynomialLR.
/// </summary>
public sealed class PolynomialLR : LRScheduler
{
    /// <summary>A polynomial decay; PyTorch's defaults (linear over 5 epochs).</summary>
    public PolynomialLR(Optimizer optimizer, int totalIters = 5, double power = 1.0) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalIters);
        TotalIters = totalIters;
        Power = power;
    }

    /// <summary>Epochs until the rate reaches zero.</summary>
    public int TotalIters { get; private set; }

    /// <summary>Exponent of the decay.</summary>
    public double Power { get; private set; }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int e = LastEpoch;
        if (e == 0 || e > TotalIters) return current;
        double factor = Math.Pow((1.0 - (double)e / TotalIters) / (1.0 - (double)(e - 1) / TotalIters), Power);
        return current * factor;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("total_iters", TotalIters, true), ("power", Power, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        if (name == "total_iters") TotalIters = (int)value;
        else Power = value;
    }
}
