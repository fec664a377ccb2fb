using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>How <see cref="Functional.KLDiv(Tensor, Tensor, KLDivReduction, bool)"/> combines its values: <see cref="Reduction"/> plus 'batchmean'.</summary>
public enum KLDivReduction
{
    /// <summary>The average over all elements (PyTorch warns that this is not the KL divergence; use <see cref="BatchMean"/>).</summary>
    Mean,

    /// <summary>The sum over elements.</summary>
    Sum,

    /// <summary>One value per element, unreduced.</summary>
    None,

    /// <summary>The sum divided by the batch size (the first dimension): the KL divergence per sample.</summary>
    BatchMean,
}

public static partial class Functional
{
    /// <summary>Applies a loss reduction as a recorded op (MeanBackward0 / SumBackward0), as ATen's apply_loss_reduction does.</summary>
    private static Tensor ApplyLossReduction(Tensor loss, Reduction reduction) => reduction switch
    {
        Reduction.Mean => loss.Mean(),
        Reduction.Sum => loss.Sum(),
        _ => loss,
    };

    /// <summary>
    /// Kullback-Leibler divergence of <paramref name="target"/> from log-probabilities <paramref name="input"/>:
    /// t·(log t - x) (0 where t = 0), or e^t·(t - x) with <paramref name="logTarget"/>; composed as PyTorch does
    /// (SubBackward0 / MulBackward0, then MeanBackward0, SumBackward0, or DivBackward0 for batchmean). PyTorch: F.kl_div.
    /// </summary>
    public static Tensor KLDiv(Tensor input, Tensor target, KLDivReduction reduction = KLDivReduction.Mean, bool logTarget = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        Tensor loss;
        if (logTarget) loss = target.Exp() * (target - input);
        else
        {
            // xlogy(t, t): 0 where t == 0 (its gradient there is NaN, as PyTorch's)
            var tLogT = Tensor.Where(target.Eq(0.0), Tensor.ZerosLike(target), target * target.Log());
            loss = tLogT - target * input;
        }
        return reduction switch
        {
            KLDivReduction.BatchMean when input.Dim != 0 => loss.Sum() / input.Sizes[0],
            KLDivReduction.BatchMean => loss.Sum(),
            _ => ApplyLossReduction(loss, (Reduction)reduction),
        };
    }

    /// <summary>F.kl_div with a plain <see cref="Reduction"/> (mean, sum or none).</summary>
    public static Tensor KLDiv(Tensor input, Tensor target, Reduction reduction, bool logTarget = false) =>
        KLDiv(input, target, (KLDivReduction)reduction, logTarget);

    /// <summary>
    /// max(0, -y·(x1 - x2) + margin): ranks x1 above x2 where y = 1 and below where y = -1; all three of the same
    /// dimension (ClampMinBackward0). PyTorch: F.margin_ranking_loss.
    /// </summary>
    public static Tensor MarginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin = 0, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input1);
        ArgumentNullException.ThrowIfNull(input2);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Dim != input1.Dim || target.Dim != input2.Dim)
            throw new ArgumentException($"margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: {Errors.Size(input1.Sizes)}, input2: {Errors.Size(input2.Sizes)}, target: {Errors.Size(target.Sizes)} ");
        return ApplyLossReduction(MoreLossOps.ClampMin(-target * (input1 - input2) + margin, 0), reduction);
    }

    /// <summary>
    /// x where y = 1, max(0, margin - x) where y = -1 (y holding ±1): whether pairs at distance x are similar
    /// (AddBackward0). PyTorch: F.hinge_embedding_loss.
    /// </summary>
    public static Tensor HingeEmbeddingLoss(Tensor input, Tensor target, double margin = 1, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var zeros = Tensor.ZerosLike(input);
        var marginClamp = MoreLossOps.ClampMin(margin - input, 0);
        var outputMargin = Tensor.Where(target.Ne(1.0), marginClamp, zeros);
        var outputSelf = Tensor.Where(target.Ne(-1.0), input, zeros);
        return ApplyLossReduction(outputMargin + outputSelf, reduction);
    }

    /// <summary>log(1 + exp(-y·x)), a two-class logistic loss with y = ±1 (SoftMarginLossBackward0). PyTorch: F.soft_margin_loss.</summary>
    public static Tensor SoftMarginLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return MoreLossOps.SoftMarginLoss(input, target, reduction);
    }

    /// <summary>
    /// 1 - cos(x1, x2) where y = 1, max(0, cos(x1, x2) - margin) where y = -1, for [N, D] inputs with [N] targets (or
    /// [D] with a 0-dim target); the squared norms get 1e-12 added as in PyTorch (AddBackward0). PyTorch:
    /// F.cosine_embedding_loss.
    /// </summary>
    public static Tensor CosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin = 0, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input1);
        ArgumentNullException.ThrowIfNull(input2);
        ArgumentNullException.ThrowIfNull(target);
        int dim = target.Dim;
        if (dim > 1) throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
        if (input1.Dim != dim + 1 || input2.Dim != dim + 1)
            throw new ArgumentException($"{dim}D target tensor expects {dim + 1}D input tensors, but found inputs with sizes {Errors.Shape(input1.Sizes)} and {Errors.Shape(input2.Sizes)}.");
        const double epsilon = 1e-12;
        var prodSum = (input1 * input2).Sum(dim);
        var magSquare1 = (input1 * input1).Sum(dim) + epsilon;
        var magSquare2 = (input2 * input2).Sum(dim) + epsilon;
        var cos = prodSum / (magSquare1 * magSquare2).Sqrt();
        var zeros = Tensor.ZerosLike(cos);
        var outputPos = Tensor.Where(target.Eq(1.0), 1.0 - cos, zeros);
        var outputNeg = Tensor.Where(target.Eq(-1.0), MoreLossOps.ClampMin(cos - margin, 0), zeros);
        return ApplyLossReduction(outputPos + outputNeg, reduction);
    }

    /// <summary>
    /// Negative log-likelihood of a Poisson target: e^x - t·x with <paramref name="logInput"/>, else x - t·log(x + eps);
    /// <paramref name="full"/> adds Stirling's t·log t - t + ½·log(2πt) where t &gt; 1 (SubBackward0 / AddBackward0).
    /// PyTorch: F.poisson_nll_loss.
    /// </summary>
    public static Tensor PoissonNllLoss(Tensor input, Tensor target, bool logInput = true, bool full = false, double eps = 1e-8, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var loss = logInput ? input.Exp() - target * input : input - target * (input + eps).Log();
        if (full)
        {
            var stirling = target * target.Log() - target + 0.5 * (2 * Math.PI * target).Log();
            loss = loss + stirling.MaskedFill(target.Le(1.0), 0.0);
        }
        return ApplyLossReduction(loss, reduction);
    }

    /// <summary>
    /// Negative log-likelihood of a Gaussian with mean <paramref name="input"/> and variance <paramref name="var"/>:
    /// ½·(log v + (x - t)² / v) (+ ½·log 2π with <paramref name="full"/>), v clamped at <paramref name="eps"/> without
    /// blocking its gradient (MulBackward0 / AddBackward0). <paramref name="var"/> is of the input's shape, or one
    /// dimension short of it, or has a last dimension of 1 (one variance per sample). PyTorch: F.gaussian_nll_loss.
    /// </summary>
    public static Tensor GaussianNllLoss(Tensor input, Tensor target, Tensor var, bool full = false, double eps = 1e-6, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(var);
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            if (var.Lt(0.0).Any().Item<bool>()) throw new ArgumentException("var has negative entry/entries");
        if (!var.Sizes.AsSpan().SequenceEqual(input.Sizes))
        {
            var leading = input.Sizes.AsSpan(0, Math.Max(input.Dim - 1, 0));
            if (leading.SequenceEqual(var.Sizes)) var = var.Unsqueeze(-1);
            else if (!(var.Dim > 0 && leading.SequenceEqual(var.Sizes.AsSpan(0, var.Dim - 1)) && var.Sizes[^1] == 1))
                throw new ArgumentException("var is of incorrect size");
        }
        var = var.Clone();
        using (Autograd.NoGrad()) var.Clamp_(min: eps);
        var loss = 0.5 * (var.Log() + (input - target).Pow(2) / var);
        if (full) loss = loss + 0.5 * Math.Log(2 * Math.PI);
        return ApplyLossReduction(loss, reduction);
    }

    /// <summary>F.gaussian_nll_loss with one variance for every element.</summary>
    public static Tensor GaussianNllLoss(Tensor input, Tensor target, double var, bool full = false, double eps = 1e-6, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (var < 0) throw new ArgumentException("var has negative entry/entries");
        return GaussianNllLoss(input, target, var * Tensor.OnesLike(input), full, eps, reduction);
    }

    /// <summary>
    /// Multi-label one-versus-all logistic loss: -(t·log σ(x) + (1 - t)·log σ(-x)), optionally weighted per class,
    /// averaged over the last (class) dimension (DivBackward0, then MeanBackward0 / SumBackward0). PyTorch:
    /// F.multilabel_soft_margin_loss.
    /// </summary>
    public static Tensor MultilabelSoftMarginLoss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var loss = -(target * ActivationOps.LogSigmoid(input) + (1.0 - target) * ActivationOps.LogSigmoid(-input));
        if (weight is not null) loss = loss * weight;
        if (input.Dim == 0) throw new ArgumentOutOfRangeException(null, "Dimension specified as -1 but tensor has no dimensions");
        int classDim = input.Dim - 1;
        loss = loss.Sum(classDim) / input.Sizes[classDim];
        return ApplyLossReduction(loss, reduction);
    }

    /// <summary>
    /// The p-norm distance between every pair of rows i &lt; j of an [n, m] input, in row-major pair order
    /// (PdistBackward0). PyTorch: F.pdist.
    /// </summary>
    public static Tensor Pdist(Tensor input, double p = 2) => PdistOps.Pdist(input, p);

    /// <summary>
    /// ‖x1 - x2 + eps‖_p over the last dimension (LinalgVectorNormBackward0). PyTorch: F.pairwise_distance.
    /// </summary>
    public static Tensor PairwiseDistance(Tensor x1, Tensor x2, double p = 2, double eps = 1e-6, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        int innermost = Math.Max(x1.Dim, x2.Dim) - 1;
        return (x1 - x2 + eps).Norm(p, [innermost], keepDim);
    }

    /// <summary>
    /// max(0, margin + d(a, p) - d(a, n)) with d the p-norm pairwise distance; <paramref name="swap"/> uses
    /// min(d(a, n), d(p, n)) for the negative distance (ClampMinBackward0). PyTorch: F.triplet_margin_loss.
    /// </summary>
    public static Tensor TripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, double margin = 1, double p = 2, double eps = 1e-6, bool swap = false, Reduction reduction = Reduction.Mean) =>
        TripletMarginWithDistanceLoss(anchor, positive, negative, (x1, x2) => PairwiseDistance(x1, x2, p, eps), margin, swap, reduction);

    /// <summary>
    /// Multi-class hinge loss over [N, C] (or [C]) scores and Int64 targets: Σ_{j≠y} w[y]·max(0, margin - x[y] + x[j])^p / C
    /// with p 1 or 2 (MultiMarginLossBackward0). PyTorch: F.multi_margin_loss.
    /// </summary>
    public static Tensor MultiMarginLoss(Tensor input, Tensor target, int p = 1, double margin = 1, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return MoreLossOps.MultiMarginLoss(input, target, p, margin, weight, reduction);
    }
}
