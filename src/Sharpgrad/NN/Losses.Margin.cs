namespace Sharpgrad.NN;

/// <summary>Multi-class multi-label hinge loss against -1-terminated class-index targets. PyTorch: torch.nn.MultiLabelMarginLoss.</summary>
public sealed class MultiLabelMarginLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => Functional.MultilabelMarginLoss(input, target, Reduction);
}

/// <summary>
/// Triplet loss under any distance: an anchor nearer its positive than its negative by a margin. PyTorch:
/// torch.nn.TripletMarginWithDistanceLoss.
/// </summary>
public sealed class TripletMarginWithDistanceLoss : TripleLoss
{
    private readonly Func<Tensor, Tensor, Tensor> _distance;

    /// <summary>
    /// A triplet loss under <paramref name="distanceFunction"/>; without one it is a <see cref="NN.PairwiseDistance"/>
    /// registered as the submodule "distance_function", as in PyTorch.
    /// </summary>
    public TripletMarginWithDistanceLoss(Func<Tensor, Tensor, Tensor>? distanceFunction = null, double margin = 1, bool swap = false, Reduction reduction = Reduction.Mean)
        : base(reduction)
    {
        if (margin <= 0) throw new ArgumentException($"TripletMarginWithDistanceLoss: expected margin to be greater than 0, got {PyFloat(margin)} instead");
        Margin = margin;
        Swap = swap;
        if (distanceFunction is null)
        {
            var pairwise = RegisterModule("distance_function", new PairwiseDistance());
            distanceFunction = pairwise.Forward;
        }
        _distance = distanceFunction;
    }

    /// <summary>How much nearer the positive must be.</summary>
    public double Margin { get; }

    /// <summary>Whether the positive-negative distance may stand in for the anchor-negative one (distance swap).</summary>
    public bool Swap { get; }

    /// <summary>The loss of the triplets (<paramref name="anchor"/>, <paramref name="positive"/>, <paramref name="negative"/>).</summary>
    public override Tensor Forward(Tensor anchor, Tensor positive, Tensor negative) =>
        Functional.TripletMarginWithDistanceLoss(anchor, positive, negative, _distance, Margin, Swap, Reduction);
}
