namespace Sharpgrad.Optim;

/// <summary>
/// Changes an optimizer's learning rate once per <see cref="Step"/> (call it after <c>optimizer.Step()</c>),
/// in PyTorch's chainable (recursive) form. PyTorch: torch.optim.lr_scheduler.LRScheduler.
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Remembers the optimizer's current rate as the base rate.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
        LastLearningRate = optimizer.LearningRate;
    }

    /// <summary>The optimizer whose rate is scheduled.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The rate when the scheduler was created. PyTorch: base_lrs[0].</summary>
    public double BaseLearningRate { get; }

    /// <summary>Number of <see cref="Step"/> calls so far. PyTorch: last_epoch.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The rate set by the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate { get; private set; }

    /// <summary>Advances one epoch and sets the optimizer's rate. PyTorch: scheduler.step().</summary>
    public void Step()
    {
        LastEpoch++;
        double lr = NextLearningRate(Optimizer.LearningRate);
        Optimizer.LearningRate = lr;
        LastLearningRate = lr;
    }

    /// <summary>The rate for epoch <see cref="LastEpoch"/> given the current one.</summary>
    protected abstract double NextLearningRate(double current);
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
    public int StepSize { get; }

    /// <summary>Decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current) =>
        LastEpoch == 0 || LastEpoch % StepSize != 0 ? current : current * Gamma;
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
    public int TMax { get; }

    /// <summary>Minimum rate.</summary>
    public double EtaMin { get; }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current)
    {
        int e = LastEpoch;
        if (e == 0) return current;
        int m = 2 * TMax, r = ((e - 1 - TMax) % m + m) % m; // Python's modulo
        if (r == 0) return current + (BaseLearningRate - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2;
        return (1 + Math.Cos(Math.PI * e / TMax)) / (1 + Math.Cos(Math.PI * (e - 1) / TMax)) * (current - EtaMin) + EtaMin;
    }
}
