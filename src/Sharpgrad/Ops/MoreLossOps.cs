using Sharpgrad.NN;

namespace Sharpgrad.Ops;

/// <summary>
/// The ops the margin and likelihood losses need a node of their own for: clamp_min (the last op of composite
/// losses), soft_margin_loss and multi_margin_loss (losses with their own nodes in derivatives.yaml).
/// </summary>
internal static class MoreLossOps
{
    /// <summary>clamp_min: max(x, min); ClampMinBackward0 passes the gradient where x &gt;= min.</summary>
    public static Tensor ClampMin(Tensor x, double min) => ClampOneSide(x, min, null, () => new ClampMinBackward0(min));

    /// <summary>clamp_max: min(x, max) (ClampMaxBackward0).</summary>
    public static Tensor ClampMax(Tensor x, double max) => ClampOneSide(x, null, max, () => new ClampMaxBackward0(max));

    private static Tensor ClampOneSide(Tensor x, double? min, double? max, Func<UnaryNode> makeNode)
    {
        Tensor y;
        using (Autograd.NoGrad()) y = x.Clamp(min, max);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(makeNode(), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>soft_margin_loss: log(1 + exp(-t·x)), reduced; the target is a constant. SoftMarginLossBackward0.</summary>
    public static Tensor SoftMarginLoss(Tensor input, Tensor target, Reduction reduction)
    {
        OpHelpers.CheckSameDevice(input, target);
        LossOps.CheckNotDifferentiable(target, "target", "soft_margin_loss");
        var shape = OpHelpers.BroadcastShape(input, target);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = LossOps.ReduceRaw((-input * target).Exp().Log1p(), reduction).MoveToOuterScope();
        if (Record.ShouldRecord(input))
        {
            var node = Record.Connect(new SoftMarginLossBackward0(reduction, Shapes.Layout.NumElementsUnchecked(shape)), input, target);
            node.Save(input, target);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// multi_margin_loss: per sample Σ_{j≠y} w[y]·max(0, margin - x[y] + x[j])^p / C over a [N, C] (or [C]) input and
    /// Int64 targets, reduced. MultiMarginLossBackward0.
    /// </summary>
    public static Tensor MultiMarginLoss(Tensor input, Tensor target, int p, double margin, Tensor? weight, Reduction reduction)
    {
        OpHelpers.CheckSameDevice(input, target);
        if (p != 1 && p != 2) throw new ArgumentException("only p == 1 and p == 2 supported");
        int dims = input.Dim;
        if (!(input.Numel > 0 && dims <= 2)) throw new ArgumentException($"Expected non-empty vector or matrix with optional 0-dim batch size, but got: {Errors.Shape(input.Sizes)}");
        int frames = dims <= 1 ? 1 : input.Sizes[0];
        int classes = dims == 0 ? 1 : input.Sizes[dims - 1];
        if (target.Dim > 1 || target.Numel != frames)
            throw new ArgumentException($"inconsistent target size, expected {frames} but got {Errors.Shape(target.Sizes)}");
        if (target.DType != DType.Int64) throw new ArgumentException($"expected scalar type Long but found {Errors.Pretty(target.DType)}");
        if (!input.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("multi_margin_loss_cpu_kernel", input.DType);
        if (weight is not null)
        {
            OpHelpers.CheckSameDevice(input, weight);
            if (weight.Dim > 1 || weight.Numel != classes)
                throw new ArgumentException($"inconsistent weight size, expected {classes} but got {Errors.Shape(weight.Sizes)}");
            LossOps.CheckNotDifferentiable(weight, "weight", "multi_margin_loss");
        }
        var t = target.Reshape([frames, 1]);
        using (Tensor.NewScope())
        using (Autograd.NoGrad())
            if (t.Lt(0.0).LogicalOr(t.Ge((double)classes)).Any().Item<bool>()) throw new ArgumentException("target out of range");
        var perSampleShape = reduction == Reduction.None && target.Dim > 0 ? new[] { frames } : [];
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var x = input.Reshape([frames, classes]);
            var (z, active) = MultiMarginTerms(x, t, margin);
            var h = Tensor.Where(active, p == 1 ? z : z * z, Tensor.ZerosLike(z));
            if (weight is not null) h = h * weight.Flatten().Gather(0, t.Flatten()).View([frames, 1]);
            var loss = h.Sum(1) / classes;
            y = LossOps.ReduceRaw(loss, reduction).Reshape(reduction == Reduction.None ? perSampleShape : []).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input))
        {
            var node = Record.Connect(new MultiMarginLossBackward0(p, margin, reduction, input.Sizes, perSampleShape), input);
            node.Self = SavedTensor.Input(input);
            node.Target = SavedTensor.Input(t);
            node.Weight = weight;
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>margin - x[y] + x[j] over [N, C], and where it counts (j ≠ y and the margin is violated).</summary>
    internal static (Tensor Z, Tensor Active) MultiMarginTerms(Tensor x, Tensor t, double margin)
    {
        var z = margin - x.Gather(1, t) + x;
        var notTarget = Tensor.Arange(x.Sizes[1]).View([1, x.Sizes[1]]).Ne(t);
        return (z, z.Gt(0.0).LogicalAnd(notTarget));
    }
}

/// <summary>clamp_max: self: where(self &lt;= max, grad, 0).</summary>
internal sealed class ClampMaxBackward0(double max) : UnaryNode
{
    public override string Name => nameof(ClampMaxBackward0);

    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Le(max).To(grad.DType)];
}

/// <summary>clamp_min: self: where(self &gt;= min, grad, 0).</summary>
internal sealed class ClampMinBackward0(double min) : UnaryNode
{
    public override string Name => nameof(ClampMinBackward0);

    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Ge(min).To(grad.DType)];
}

/// <summary>soft_margin_loss: self: -t·e^(-t·x) / (1 + e^(-t·x))·grad (/ numel for a mean); target: not differentiable.</summary>
internal sealed class SoftMarginLossBackward0(Reduction reduction, long numel) : LossNode(reduction, numel)
{
    public override string Name => nameof(SoftMarginLossBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        if (!NeedsInputGrad(0)) return [null, null];
        var t = B!.Unpack();
        var z = (-A!.Unpack() * t).Exp();
        return [GradA(Scale(-t * z / (1.0 + z) * grad)), null];
    }
}

/// <summary>
/// multi_margin_loss: self: for each violated j ≠ y, +c at j and -c at y, with c = w[y]·(1 or 2·z)/C·grad (/ N for a
/// mean).
/// </summary>
internal sealed class MultiMarginLossBackward0(int p, double margin, Reduction reduction, int[] inputSizes, int[] outputSizes) : UnaryNode
{
    /// <summary>The targets as [N, 1].</summary>
    internal SavedTensor? Target;

    /// <summary>The class weights, or null.</summary>
    internal Tensor? Weight;

    public override string Name => nameof(MultiMarginLossBackward0);

    internal override IEnumerable<SavedTensor> Saved => Target is null ? base.Saved : base.Saved.Append(Target);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var t = Target!.Unpack();
        int frames = t.Sizes[0];
        int classes = inputSizes.Length == 0 ? 1 : inputSizes[^1];
        var x = SelfValue.Reshape([frames, classes]);
        var (z, active) = MoreLossOps.MultiMarginTerms(x, t, margin);
        var coef = p == 1 ? Tensor.OnesLike(z) : z * 2.0;
        var c = Tensor.Where(active, coef, Tensor.ZerosLike(z)) / classes;
        if (Weight is not null) c = c * Weight.Flatten().Gather(0, t.Flatten()).View([frames, 1]);
        var g = outputSizes.Length == 0 ? grad.Reshape([1, 1]) : grad.Reshape([frames, 1]);
        if (reduction == Reduction.Mean) g = g / frames;
        c = c * g;
        var onTarget = Tensor.Arange(classes).View([1, classes]).Eq(t).To(c.DType);
        return [(c - onTarget * c.Sum(1, keepDim: true)).Reshape(inputSizes)];
    }
}
