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
    /// <remarks>With <paramref name="weight"/> (one value per class) each target's loss is scaled by its class weight and a
    /// mean divides by the summed weights of the non-ignored targets.</remarks>
    public static Tensor NllLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, Tensor? weight = null) =>
        LossOps.NllLoss(input, target, reduction, ignoreIndex, weight);

    /// <summary>
    /// Cross entropy of logits [N, C, ...] (or [C]) against Int64 class indices, as a fused, numerically stable
    /// log_softmax + nll_loss (NllLossBackward0 → LogSoftmaxBackward0); with <paramref name="labelSmoothing"/> &gt; 0 the
    /// target mixes in the uniform distribution (AddBackward0). A floating target of the input's shape is a
    /// class-probability target. PyTorch: F.cross_entropy.
    /// </summary>
    /// <remarks><paramref name="weight"/> rescales each class as in <see cref="NllLoss"/>.</remarks>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0, Tensor? weight = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), $"label_smoothing must be between 0.0 and 1.0. Got: {Module.PyFloat(labelSmoothing)}");
        int classDim = input.Dim == 1 ? 0 : 1;
        if (target.DType.IsFloatingPoint() && target.Shape.SequenceEqual(input.Shape))
            return ProbabilityCrossEntropy(input, target, reduction, labelSmoothing, classDim, weight);
        if (input.Dim == 0) throw new ArgumentException("input tensor should be 1D or 2D");
        var logp = LogSoftmax(input, classDim);
        var nll = LossOps.NllLoss(logp, target, reduction, ignoreIndex, weight);
        if (labelSmoothing == 0) return nll;

        // PyTorch's cross_entropy_loss_label_smoothing: mix the nll with the (weighted) mean -log p over classes.
        int classes = input.Shape[classDim];
        var ignored = target.Eq(ignoreIndex);
        var perClass = weight is null ? logp : logp * ClassWeightView(weight, input.Dim, classDim);
        var smooth = (-perClass.Sum(classDim)).MaskedFill(ignored, 0.0);
        var smoothLoss = reduction switch
        {
            Reduction.Mean when weight is not null => smooth.Sum() / TargetWeightSum(weight, target, ignored),
            Reduction.Mean => smooth.Sum() / ignored.LogicalNot().Sum(),
            Reduction.Sum => smooth.Sum(),
            _ => smooth,
        };
        return nll * (1 - labelSmoothing) + smoothLoss * (labelSmoothing / classes);
    }

    /// <summary>The class weights shaped to broadcast along the class dimension.</summary>
    private static Tensor ClassWeightView(Tensor weight, int dims, int classDim)
    {
        var shape = Enumerable.Repeat(1, dims).ToArray();
        shape[classDim] = weight.Shape[0];
        return weight.View(shape);
    }

    /// <summary>Sum of the class weights of the non-ignored targets: the mean's denominator, as nll_loss computes it.</summary>
    private static Tensor TargetWeightSum(Tensor weight, Tensor target, Tensor ignored)
    {
        var safe = target.MaskedFill(ignored, 0);
        return weight.IndexSelect(0, safe.Flatten()).MaskedFill(ignored.Flatten(), 0.0).Sum();
    }

    private static Tensor ProbabilityCrossEntropy(Tensor input, Tensor target, Reduction reduction, double labelSmoothing, int classDim, Tensor? weight)
    {
        int classes = input.Shape[classDim];
        var logp = LogSoftmax(input, classDim);
        if (labelSmoothing > 0) target = target * (1 - labelSmoothing) + labelSmoothing / classes;
        if (weight is not null)
        {
            LossOps.CheckNotDifferentiable(weight, "weight", "cross_entropy");
            target = target * ClassWeightView(weight, input.Dim, classDim);
        }
        var loss = -(logp * target).Sum(classDim);
        return reduction switch
        {
            Reduction.Mean => loss.Sum() / ((double)input.NumElements / classes),
            Reduction.Sum => loss.Sum(),
            _ => loss,
        };
    }

    /// <summary>Binary cross entropy of probabilities in [0, 1], logs clamped at -100 (BinaryCrossEntropyBackward0). PyTorch: F.binary_cross_entropy.</summary>
    /// <remarks><paramref name="weight"/> (broadcastable to the input) rescales each element's loss.</remarks>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, Tensor? weight = null) =>
        LossOps.BinaryCrossEntropy(input, target, reduction, weight);

    /// <summary>
    /// Binary cross entropy of logits, computed stably as (1 - t)·x - log σ(x) (BinaryCrossEntropyWithLogitsBackward0).
    /// PyTorch: F.binary_cross_entropy_with_logits.
    /// </summary>
    /// <remarks>
    /// <paramref name="weight"/> (broadcastable to the input) rescales each element's loss; <paramref name="posWeight"/>
    /// (broadcastable along the last dimension, one per class) weighs the positive term, trading recall for precision.
    /// </remarks>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, Tensor? weight = null, Tensor? posWeight = null) =>
        LossOps.BinaryCrossEntropyWithLogits(input, target, reduction, weight, posWeight);

    /// <summary>0.5·d²/β where |d| &lt; β, else |d| - 0.5·β (β = 0: L1) (SmoothL1LossBackward0). PyTorch: F.smooth_l1_loss.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1) =>
        LossOps.SmoothL1(input, target, reduction, beta, huber: false);

    /// <summary>0.5·d² where |d| &lt;= δ, else δ·(|d| - 0.5·δ) (HuberLossBackward0). PyTorch: F.huber_loss.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double delta = 1) =>
        LossOps.SmoothL1(input, target, reduction, delta, huber: true);

    /// <summary>Int64 class indices to one-hot Int64 vectors along a new last dim (numClasses -1: max + 1). PyTorch: F.one_hot.</summary>
    public static Tensor OneHot(Tensor tensor, int numClasses = -1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DType != DType.Int64) throw new InvalidOperationException("one_hot is only applicable to index tensor of type LongTensor.");
        using var scope = Tensor.NewScope();
        if (tensor.NumElements > 0 && tensor.Min().Item<long>() < 0) throw new InvalidOperationException("Class values must be non-negative.");
        long max = tensor.NumElements > 0 ? tensor.Max().Item<long>() : -1;
        if (numClasses == -1) numClasses = (int)max + 1;
        else if (max >= numClasses) throw new InvalidOperationException("Class values must be smaller than num_classes.");
        var classes = Tensor.Arange(numClasses);
        return tensor.Unsqueeze(-1).Eq(classes).To(DType.Int64).MoveToOuterScope();
    }

    /// <summary>x / max(‖x‖_p, eps) along <paramref name="dim"/> (DivBackward0). PyTorch: F.normalize.</summary>
    public static Tensor Normalize(Tensor x, double p = 2, int dim = 1, double eps = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x / x.Norm(p, [dim], keepDim: true).Clamp(min: eps).ExpandAs(x);
    }

    /// <summary>
    /// Σ (x1/max(‖x1‖, eps))·(x2/max(‖x2‖, eps)) along <paramref name="dim"/> (SumBackward1); as in PyTorch the eps clamp
    /// does not enter the gradient. PyTorch: F.cosine_similarity.
    /// </summary>
    public static Tensor CosineSimilarity(Tensor x1, Tensor x2, int dim = 1, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        Tensor Clamped(Tensor n) => n + (n.Clamp(min: eps) - n).Detach();
        var n1 = Clamped(x1.Norm(2, [dim], keepDim: true));
        var n2 = Clamped(x2.Norm(2, [dim], keepDim: true));
        return (x1 / n1 * (x2 / n2)).Sum([dim]);
    }
}
