using Sharpgrad.Kernels;
using Sharpgrad.NN;

namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the losses with their own nodes.

/// <summary>A loss node over (input, target) that keeps both.</summary>
internal abstract class LossNode(Reduction reduction, long numel) : BinaryNode
{
    protected readonly Reduction Reduction = reduction;
    protected readonly long Numel = numel;

    /// <summary>Per-element weights (broadcast to the input), or null.</summary>
    internal Tensor? Weight;

    /// <summary>Multiplies by the weights when there are any.</summary>
    protected Tensor Weighted(Tensor g) => Weight is null ? g : g * Weight;

    public void Save(Tensor input, Tensor target)
    {
        A = SavedTensor.Input(input);
        B = SavedTensor.Input(target);
        ASizes = input.Sizes;
        BSizes = target.Sizes;
        ADType = input.DType;
        BDType = target.DType;
    }

    /// <summary>Divides by the element count for a mean reduction.</summary>
    protected Tensor Scale(Tensor g) => Reduction == Reduction.Mean ? g / Numel : g;
}

/// <summary>nll_loss: grad_input[n, target[n]] = -grad (/ count of non-ignored targets for a mean), zero elsewhere.</summary>
internal sealed class NllLossBackward0(Reduction reduction, long ignoreIndex, int[] inputSizes) : IndexNode
{
    /// <summary>Sum of the weights of the non-ignored targets (their count without class weights).</summary>
    internal double TotalWeight;

    /// <summary>Contiguous class weights, or null.</summary>
    internal Tensor? Weight;

    public override string Name => nameof(NllLossBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var t = Index!.Unpack();
        int classDim = inputSizes.Length == 1 ? 0 : 1;
        double scale = reduction != Reduction.Mean ? 1 : TotalWeight == 0 ? 0 : 1.0 / TotalWeight;
        if (!GradMode.Current.Records)
        {
            var (outer, c, inner) = SoftmaxOps.Split(inputSizes, classDim);
            if (inputSizes.Length == 1) (outer, c, inner) = (1, inputSizes[0], 1);
            var gi = Tensor.Zeros(inputSizes, grad.DType);
            var g = OpHelpers.ContiguousRaw(grad);
            Dispatch.NllBackward(g.Strided, reduction == Reduction.None, t.Strided, outer, c, inner, ignoreIndex, scale, gi.Strided, Weight?.Strided);
            if (!ReferenceEquals(g, grad)) g.Dispose(); // also keeps g's buffer out of the pool until the kernel is done
            return [gi];
        }
        // The same gradient from differentiable ops, so that a graph of the backward can be built.
        var valid = t.Ne(ignoreIndex);
        var safe = Tensor.Where(valid, t, Tensor.ZerosLike(t));
        var g2 = reduction == Reduction.None ? grad : grad.Expand(t.Sizes.ToArray()) * scale;
        var contribution = -(g2 * valid.To(grad.DType));
        if (Weight is not null) contribution = contribution * Weight.IndexSelect(0, safe.Flatten()).View(t.Sizes.ToArray());
        return [Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(classDim, safe.Unsqueeze(classDim), contribution.Unsqueeze(classDim))];
    }
}

/// <summary>mse_loss: self: norm·(self - target)·grad with norm = 2 (/ numel for a mean); target: the negation.</summary>
internal sealed class MseLossBackward0(Reduction reduction, long numel) : LossNode(reduction, numel)
{
    public override string Name => nameof(MseLossBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        double norm = Reduction == Reduction.Mean ? 2.0 / Numel : 2.0;
        var gi = (A!.Unpack() - B!.Unpack()) * norm * grad;
        return [NeedsInputGrad(0) ? GradA(gi) : null, NeedsInputGrad(1) ? GradB(-gi) : null];
    }
}

/// <summary>binary_cross_entropy: self: grad·(x - t) / max(x(1 - x), 1e-12); target: grad·(log(1 - x) - log x), logs clamped at -100.</summary>
internal sealed class BinaryCrossEntropyBackward0(Reduction reduction, long numel) : LossNode(reduction, numel)
{
    public override string Name => nameof(BinaryCrossEntropyBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = A!.Unpack();
        var t = B!.Unpack();
        Tensor? gi = null, gt = null;
        if (NeedsInputGrad(0)) gi = Scale(Weighted(grad * (x - t) / ((1.0 - x) * x).Clamp(min: 1e-12)));
        if (NeedsInputGrad(1)) gt = Scale(Weighted(grad * ((-x).Log1p().Clamp(min: -100) - x.Log().Clamp(min: -100))));
        return [gi, gt];
    }
}

/// <summary>
/// binary_cross_entropy_with_logits: self: ((p·t + 1 - t)·σ(x) - p·t)·grad; target: ((1 - p)·log σ(x) - x)·grad, with
/// p = pos_weight (1 without it), each times the weight and / numel for a mean.
/// </summary>
internal sealed class BinaryCrossEntropyWithLogitsBackward0(Reduction reduction, long numel) : LossNode(reduction, numel)
{
    /// <summary>Weight of the positive term per class, or null.</summary>
    internal Tensor? PosWeight;

    public override string Name => nameof(BinaryCrossEntropyWithLogitsBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = A!.Unpack();
        var t = B!.Unpack();
        Tensor? gi = null, gt = null;
        if (PosWeight is null)
        {
            if (NeedsInputGrad(0)) gi = Scale(Weighted((x.Sigmoid() - t) * grad));
            if (NeedsInputGrad(1)) gt = Scale(Weighted(-x * grad));
        }
        else
        {
            var pt = PosWeight * t;
            if (NeedsInputGrad(0)) gi = Scale(Weighted(((pt + 1.0 - t) * x.Sigmoid() - pt) * grad));
            if (NeedsInputGrad(1))
            {
                var logSigmoid = x.Clamp(max: 0) - (-x.Abs()).Exp().Log1p();
                gt = Scale(Weighted(((1.0 - PosWeight) * logSigmoid - x) * grad));
            }
        }
        return [gi, gt];
    }
}

/// <summary>
/// smooth_l1_loss / huber_loss: self: grad·(d/β below β, else sign(d)) for smooth L1, grad·(d up to δ, else δ·sign(d)) for
/// Huber (/ numel for a mean); target: the negation.
/// </summary>
internal sealed class SmoothL1LossBackward0(Reduction reduction, long numel, double threshold, bool huber) : LossNode(reduction, numel)
{
    public override string Name => huber ? "HuberLossBackward0" : nameof(SmoothL1LossBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var d = A!.Unpack() - B!.Unpack();
        var a = d.Abs();
        Tensor slope;
        if (huber) slope = Tensor.Where(a.Le(threshold), d, d.Sign() * threshold);
        else if (threshold == 0) slope = d.Sign();
        else slope = Tensor.Where(a.Lt(threshold), d / threshold, d.Sign());
        var gi = Scale(slope * grad);
        return [NeedsInputGrad(0) ? GradA(gi) : null, NeedsInputGrad(1) ? GradB(-gi) : null];
    }
}
