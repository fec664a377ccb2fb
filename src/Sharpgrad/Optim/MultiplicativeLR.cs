namespace Sharpgrad.Optim;

/// <summary>
/// Multiplies the rate by <c>lambda(epoch)</c> at every epoch after the first (epoch 0 keeps the base rate). The
/// function is not part of the state dict (PyTorch saves None for a plain function).
/// PyTorch: torch.optim.lr_scheduler.MultiplicativeLR.
/// </summary>
public sealed class MultiplicativeLR : LRScheduler
{
    private readonly Func<int, double> _lambda;

    /// <summary>A schedule given by a multiplicative factor applied at each epoch.</summary>
    public MultiplicativeLR(Optimizer optimizer, Func<int, double> lrLambda) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(lrLambda);
        _lambda = lrLambda;
    }

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr) => LastEpoch > 0 ? current * _lambda(LastEpoch) : current;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() => [];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value) { }
}
