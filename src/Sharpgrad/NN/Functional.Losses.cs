using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>Mean squared error (MseLossBackward0). PyTorch: F.mse_loss.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        LossOps.MseLoss(input, target, reduction);

    /// <summary>Mean absolute error, composed as PyTorch does (|input - target| then mean: MeanBackward0). PyTorch: F.l1_loss.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        var diff = (input - target).Abs();
        return reduction switch
        {
            Reduction.Mean => diff.Mean(),
            Reduction.Sum => diff.Sum(),
            _ => diff,
        };
    }

    /// <summary>
    /// Negative log-likelihood of Int64 class indices under log-probabilities [N, C, ...] (or [C] with a 0-dim
    /// target); targets equal to <paramref name="ignoreIndex"/> add nothing and are not counted by the mean
    /// (NllLossBackward0). PyTorch: F.nll_loss.
    /// </summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, long ignoreIndex = -100) =>
        LossOps.NllLoss(input, target, reduction, ignoreIndex);

    /// <summary>
    /// Cross entropy of logits [N, C, ...] (or [C]) against Int64 class indices, as a fused, numerically stable
    /// log_softmax + nll_loss (NllLossBackward0 → LogSoftmaxBackward0); with <paramref name="labelSmoothing"/> &gt; 0 the
    /// target mixes in the uniform distribution (AddBackward0). A floating target of the input's shape is a
    /// class-probability target. PyTorch: F.cross_entropy.
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), $"label_smoothing must be between 0.0 and 1.0. Got: {Module.PyFloat(labelSmoothing)}");
        int classDim = input.Dim == 1 ? 0 : 1;
        if (target.DType.IsFloatingPoint() && target.Shape.SequenceEqual(input.Shape))
            return ProbabilityCrossEntropy(input, target, reduction, labelSmoothing, classDim);
        if (input.Dim == 0) throw new ArgumentException("input tensor should be 1D or 2D");
        var logp = LogSoftmax(input, classDim);
        var nll = LossOps.NllLoss(logp, target, reduction, ignoreIndex);
        if (labelSmoothing == 0) return nll;

        // PyTorch's cross_entropy_loss_label_smoothing: mix the nll with the mean -log p over classes.
        int classes = input.Shape[classDim];
        var ignored = target.Eq(ignoreIndex);
        var smooth = (-logp.Sum(classDim)).MaskedFill(ignored, 0.0);
        var smoothLoss = reduction switch
        {
            Reduction.Mean => smooth.Sum() / ignored.LogicalNot().Sum(),
            Reduction.Sum => smooth.Sum(),
            _ => smooth,
        };
        return nll * (1 - labelSmoothing) + smoothLoss * (labelSmoothing / classes);
    }

    private static Tensor ProbabilityCrossEntropy(Tensor input, Tensor target, Reduction reduction, double labelSmoothing, int classDim)
    {
        int classes = input.Shape[classDim];
        var logp = LogSoftmax(input, classDim);
        if (labelSmoothing > 0) target = target * (1 - labelSmoothing) + labelSmoothing / classes;
        var loss = -(logp * target).Sum(classDim);
        return reduction switch
        {
            Reduction.Mean => loss.Sum() / ((double)input.NumElements / classes),
            Reduction.Sum => loss.Sum(),
            _ => loss,
        };
    }

    /// <summary>Binary cross entropy of probabilities in [0, 1], logs clamped at -100 (BinaryCrossEntropyBackward0). PyTorch: F.binary_cross_entropy.</summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        LossOps.BinaryCrossEntropy(input, target, reduction);

    /// <summary>
    /// Binary cross entropy of logits, computed stably as (1 - t)·x - log σ(x) (BinaryCrossEntropyWithLogitsBackward0).
    /// PyTorch: F.binary_cross_entropy_with_logits.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        LossOps.BinaryCrossEntropyWithLogits(input, target, reduction);
}
