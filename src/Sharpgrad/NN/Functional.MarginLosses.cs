using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Multi-class multi-label hinge loss over [N, C] (or [C]) scores: per sample
    /// Σ_{j target} Σ_{i not target} max(0, 1 - x[j] + x[i]) / C, the Int64 target (of the input's shape) listing class
    /// indices up to its first -1 (MultilabelMarginLossBackward0). PyTorch: F.multilabel_margin_loss.
    /// </summary>
    public static Tensor MultilabelMarginLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return MultilabelMarginLossOps.MultilabelMarginLoss(input, target, reduction);
    }

    /// <summary>
    /// max(0, margin + d(a, p) - d(a, n)) with d <paramref name="distanceFunction"/> (default
    /// <see cref="PairwiseDistance(Tensor, Tensor, double, double, bool)"/>); <paramref name="swap"/> uses
    /// min(d(a, n), d(p, n)) for the negative distance; composed as PyTorch composes it (MinimumBackward0,
    /// ClampMinBackward0, then MeanBackward0 / SumBackward0). PyTorch: F.triplet_margin_with_distance_loss.
    /// </summary>
    public static Tensor TripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative, Func<Tensor, Tensor, Tensor>? distanceFunction = null,
        double margin = 1, bool swap = false, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(negative);
        if (margin <= 0) throw new ArgumentException($"margin must be greater than 0, got {Module.PyFloat(margin)}");
        if (anchor.Dim != positive.Dim || positive.Dim != negative.Dim)
            throw new ArgumentException($"The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor {anchor.Dim}D, positive {positive.Dim}D, and negative {negative.Dim}D inputs");
        distanceFunction ??= (x1, x2) => PairwiseDistance(x1, x2);
        var distPos = distanceFunction(anchor, positive);
        var distNeg = distanceFunction(anchor, negative);
        if (swap) distNeg = distNeg.Minimum(distanceFunction(positive, negative));
        return ApplyLossReduction(MoreLossOps.ClampMin(margin + distPos - distNeg, 0), reduction);
    }
}
