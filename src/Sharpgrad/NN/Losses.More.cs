namespace Sharpgrad.NN;

/// <summary>
/// A loss of three tensors (two inputs and a target, an input, target and variance, or a triplet):
/// <see cref="Forward(Tensor, Tensor, Tensor)"/>.
/// </summary>
public abstract class TripleLoss(Reduction reduction) : Loss(reduction)
{
    /// <summary>The loss of the three tensors, in PyTorch's argument order.</summary>
    public abstract Tensor Forward(Tensor first, Tensor second, Tensor third);

    /// <summary>This loss takes three tensors: use <see cref="Forward(Tensor, Tensor, Tensor)"/>.</summary>
    public sealed override Tensor Forward(Tensor input, Tensor target) =>
        throw new NotSupportedException($"{GetType().Name} takes three tensors; call Forward with all three.");
}

/// <summary>A loss with optional per-class weights, kept as the buffer "weight". PyTorch: torch.nn.modules.loss._WeightedLoss.</summary>
public abstract class WeightedLoss : Loss
{
    /// <summary>A loss rescaling each class by <paramref name="weight"/> (one value per class), or not at all when it is null.</summary>
    protected WeightedLoss(Tensor? weight, Reduction reduction) : base(reduction)
    {
        if (weight is not null) Weight = RegisterBuffer("weight", weight);
    }

    /// <summary>Per-class rescaling weights, or null.</summary>
    public Tensor? Weight { get; }
}

/// <summary>Kullback-Leibler divergence of a target from log-probabilities. PyTorch: torch.nn.KLDivLoss.</summary>
public sealed class KLDivLoss : Loss
{
    /// <summary>A KL-divergence loss; <see cref="KLDivReduction.BatchMean"/> divides the sum by the batch size.</summary>
    public KLDivLoss(KLDivReduction reduction = KLDivReduction.Mean, bool logTarget = false)
        : base(reduction == KLDivReduction.BatchMean ? Reduction.Sum : (Reduction)reduction)
    {
        BatchMean = reduction == KLDivReduction.BatchMean;
        LogTarget = logTarget;
    }

    /// <summary>Whether the summed loss is divided by the batch size ('batchmean'); <see cref="Loss.Reduction"/> is then Sum.</summary>
    public bool BatchMean { get; }

    /// <summary>Whether the target holds log-probabilities.</summary>
    public bool LogTarget { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        Functional.KLDiv(input, target, BatchMean ? KLDivReduction.BatchMean : (KLDivReduction)Reduction, LogTarget);
}

/// <summary>Ranks input1 above or below input2 as the ±1 target says. PyTorch: torch.nn.MarginRankingLoss.</summary>
public sealed class MarginRankingLoss(double margin = 0, Reduction reduction = Reduction.Mean) : TripleLoss(reduction)
{
    /// <summary>The margin the ranking must hold by.</summary>
    public double Margin { get; } = margin;

    /// <summary>The loss of <paramref name="input1"/> ranked against <paramref name="input2"/> by <paramref name="target"/>.</summary>
    public override Tensor Forward(Tensor input1, Tensor input2, Tensor target) =>
        Functional.MarginRankingLoss(input1, input2, target, Margin, Reduction);
}

/// <summary>Hinge loss of distances against ±1 similarity labels. PyTorch: torch.nn.HingeEmbeddingLoss.</summary>
public sealed class HingeEmbeddingLoss(double margin = 1, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>The distance dissimilar pairs are pushed beyond.</summary>
    public double Margin { get; } = margin;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.HingeEmbeddingLoss(input, target, Margin, Reduction);
}

/// <summary>Two-class logistic loss against ±1 targets. PyTorch: torch.nn.SoftMarginLoss.</summary>
public sealed class SoftMarginLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.SoftMarginLoss(input, target, Reduction);
}

/// <summary>Cosine similarity loss of pairs against ±1 labels. PyTorch: torch.nn.CosineEmbeddingLoss.</summary>
public sealed class CosineEmbeddingLoss(double margin = 0, Reduction reduction = Reduction.Mean) : TripleLoss(reduction)
{
    /// <summary>The cosine dissimilar pairs are pushed below.</summary>
    public double Margin { get; } = margin;

    /// <summary>The loss of the pairs (<paramref name="input1"/>, <paramref name="input2"/>) labelled by <paramref name="target"/>.</summary>
    public override Tensor Forward(Tensor input1, Tensor input2, Tensor target) =>
        Functional.CosineEmbeddingLoss(input1, input2, target, Margin, Reduction);
}

/// <summary>Negative log-likelihood of a Poisson target. PyTorch: torch.nn.PoissonNLLLoss.</summary>
public sealed class PoissonNLLLoss(bool logInput = true, bool full = false, double eps = 1e-8, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <summary>Whether the input is the log of the rate.</summary>
    public bool LogInput { get; } = logInput;

    /// <summary>Whether Stirling's approximation term is added.</summary>
    public bool Full { get; } = full;

    /// <summary>Added to the rate before its log when the input is not a log.</summary>
    public double Eps { get; } = eps;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.PoissonNllLoss(input, target, LogInput, Full, Eps, Reduction);
}

/// <summary>Negative log-likelihood of a Gaussian target. PyTorch: torch.nn.GaussianNLLLoss.</summary>
public sealed class GaussianNLLLoss(bool full = false, double eps = 1e-6, Reduction reduction = Reduction.Mean) : TripleLoss(reduction)
{
    /// <summary>Whether the constant ½·log 2π is added.</summary>
    public bool Full { get; } = full;

    /// <summary>The variance's lower clamp.</summary>
    public double Eps { get; } = eps;

    /// <summary>The loss of <paramref name="target"/> under means <paramref name="input"/> and variances <paramref name="var"/>.</summary>
    public override Tensor Forward(Tensor input, Tensor target, Tensor var) =>
        Functional.GaussianNllLoss(input, target, var, Full, Eps, Reduction);
}

/// <summary>Multi-label one-versus-all logistic loss. PyTorch: torch.nn.MultiLabelSoftMarginLoss.</summary>
/// <remarks><c>weight</c> (one value per class) is kept as the buffer "weight".</remarks>
public sealed class MultiLabelSoftMarginLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : WeightedLoss(weight, reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.MultilabelSoftMarginLoss(input, target, Weight, Reduction);
}

/// <summary>Triplet loss: an anchor nearer its positive than its negative by a margin. PyTorch: torch.nn.TripletMarginLoss.</summary>
public sealed class TripletMarginLoss(double margin = 1, double p = 2, double eps = 1e-6, bool swap = false, Reduction reduction = Reduction.Mean) : TripleLoss(reduction)
{
    /// <summary>How much nearer the positive must be.</summary>
    public double Margin { get; } = margin;

    /// <summary>The norm degree of the pairwise distance.</summary>
    public double P { get; } = p;

    /// <summary>Added to the differences before the norm.</summary>
    public double Eps { get; } = eps;

    /// <summary>Whether the positive-negative distance may stand in for the anchor-negative one (distance swap).</summary>
    public bool Swap { get; } = swap;

    /// <summary>The loss of the triplets (<paramref name="anchor"/>, <paramref name="positive"/>, <paramref name="negative"/>).</summary>
    public override Tensor Forward(Tensor anchor, Tensor positive, Tensor negative) =>
        Functional.TripletMarginLoss(anchor, positive, negative, Margin, P, Eps, Swap, Reduction);
}

/// <summary>Multi-class hinge loss against class indices. PyTorch: torch.nn.MultiMarginLoss.</summary>
/// <remarks><c>weight</c> (one value per class) is kept as the buffer "weight".</remarks>
public sealed class MultiMarginLoss(int p = 1, double margin = 1, Tensor? weight = null, Reduction reduction = Reduction.Mean) : WeightedLoss(weight, reduction)
{
    /// <summary>The exponent of the hinge, 1 or 2.</summary>
    public int P { get; } = p is 1 or 2 ? p : throw new ArgumentException("only p == 1 and p == 2 supported");

    /// <summary>The margin the target score must beat the others by.</summary>
    public double Margin { get; } = margin;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.MultiMarginLoss(input, target, P, Margin, Weight, Reduction);
}
