namespace Sharpgrad.Optim;

/// <summary>
/// Anneals the rate from its current value to swaLr over annealEpochs epochs ("cos" or "linear"), then holds it, in
/// PyTorch's recursive form so the values match digit for digit. PyTorch: torch.optim.swa_utils.SWALR.
/// </summary>
public sealed class SWALR : LRScheduler
{
    /// <summary>An annealing schedule to the SWA rate; annealStrategy "cos" or "linear".</summary>
    public SWALR(Optimizer optimizer, double swaLr, int annealEpochs = 10, string annealStrategy = "cos") : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(annealStrategy);
        if (annealStrategy is not ("cos" or "linear"))
            throw new ArgumentException($"anneal_strategy must by one of 'cos' or 'linear', instead got {annealStrategy}");
        if (annealEpochs < 0) throw new ArgumentException($"anneal_epochs must be equal or greater than 0, got {annealEpochs}");
        SwaLr = swaLr;
        AnnealEpochs = annealEpochs;
        Cosine = annealStrategy == "cos";
        SetRates(NextLearningRate);
    }

    /// <summary>The rate reached after annealing. PyTorch: param_group["swa_lr"].</summary>
    public double SwaLr { get; private set; }

    /// <summary>Epochs of the annealing.</summary>
    public int AnnealEpochs { get; private set; }

    /// <summary>Cosine (true) or linear annealing.</summary>
    public bool Cosine { get; private set; }

    private protected override double EpochZeroRate(double current, double baseLr) => NextLearningRate(current, baseLr);

    private double Anneal(double t) => Cosine ? (1 - Math.Cos(Math.PI * t)) / 2 : t;

    /// <inheritdoc/>
    protected override double NextLearningRate(double current, double baseLr)
    {
        int step = AnnealEpochs == 0 ? Math.Max(1, LastEpoch) : LastEpoch;
        double prevAlpha = Anneal(Math.Max(0, Math.Min(1, (double)(step - 1) / Math.Max(1, AnnealEpochs))));
        double prevLr = prevAlpha == 1 ? SwaLr : (current - prevAlpha * SwaLr) / (1 - prevAlpha);
        double alpha = Anneal(Math.Max(0, Math.Min(1, (double)step / Math.Max(1, AnnealEpochs))));
        return SwaLr * alpha + prevLr * (1 - alpha);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value, bool Integral)> Settings() =>
        [("swa_lr", SwaLr, false), ("anneal_epochs", AnnealEpochs, true), ("anneal_cos", Cosine ? 1 : 0, false)];

    /// <inheritdoc/>
    protected override void SetSetting(string name, double value)
    {
        switch (name)
        {
            case "swa_lr": SwaLr = value; break;
            case "anneal_epochs": AnnealEpochs = (int)value; break;
            default: Cosine = value != 0; break;
        }
    }
}
