using Sharpgrad.NN;

namespace Sharpgrad.Ops;

/// <summary>multilabel_margin_loss: a hinge between every target class and every non-target class (MultilabelMarginLossBackward0).</summary>
internal static class MultilabelMarginLossOps
{
    /// <summary>
    /// Per sample Σ_{j target} Σ_{i not target} max(0, 1 - x[j] + x[i]) / C over a [N, C] (or [C], or 0-dim) input; the
    /// Int64 target lists class indices up to its first -1, reduced.
    /// </summary>
    public static Tensor MultilabelMarginLoss(Tensor input, Tensor target, Reduction reduction)
    {
        OpHelpers.CheckSameDevice(input, target);
        int dims = input.Dim;
        if (!((dims <= 2 && input.Numel > 0) || (dims == 2 && input.Sizes[0] == 0 && input.Sizes[1] > 0)))
            throw new ArgumentException($"Expected non-empty vector or matrix with optional 0-dim batch size, but got: {Errors.Shape(input.Sizes)}");
        int frames = dims <= 1 ? 1 : input.Sizes[0];
        int classes = dims == 0 ? 1 : input.Sizes[dims - 1];
        bool consistent = dims <= 1
            ? target.Dim <= 1 && target.Numel == classes
            : target.Dim == 2 && target.Sizes[0] == frames && target.Sizes[1] == classes;
        if (!consistent) throw new ArgumentException($"inconsistent target size: {Errors.Shape(target.Sizes)} for input of size: {Errors.Shape(input.Sizes)}");
        if (!input.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("multilabel_margin_loss_forward_out_frame", input.DType);
        if (target.DType != DType.Int64) throw new ArgumentException($"expected scalar type Long but found {Errors.Pretty(target.DType)}");
        var pairs = PairWeights(target, frames, classes, input.DType);
        var perSampleShape = reduction == Reduction.None && dims == 2 ? new[] { frames } : [];
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var z = Margins(input.Reshape([frames, classes]));
            var loss = (z.Relu() * pairs).Sum([1, 2]) / classes;
            y = LossOps.ReduceRaw(loss, reduction).Reshape(reduction == Reduction.None ? perSampleShape : []).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input))
        {
            var node = Record.Connect(new MultilabelMarginLossBackward0(reduction, input.Sizes, frames, classes), input);
            node.Self = SavedTensor.Input(input);
            node.Pairs = pairs;
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>1 - x[n, j] + x[n, i] as [N, C (j), C (i)].</summary>
    internal static Tensor Margins(Tensor x)
    {
        int n = x.Sizes[0], c = x.Sizes[1];
        return 1.0 - x.View([n, c, 1]) + x.View([n, 1, c]);
    }

    /// <summary>
    /// [N, C (j), C (i)]: how often j is listed as a target (before the first -1) where i is not a target, else 0; every
    /// entry must lie in [-1, C).
    /// </summary>
    private static Tensor PairWeights(Tensor target, int frames, int classes, DType dtype)
    {
        var t = OpHelpers.ContiguousRaw(target);
        var data = t.Elements<long>();
        var w = new double[frames * classes * classes];
        var count = new int[classes];
        var isTarget = new bool[classes];
        for (int n = 0; n < frames; n++)
        {
            Array.Clear(count);
            Array.Clear(isTarget);
            bool ended = false;
            for (int k = 0; k < classes; k++)
            {
                long v = data[t.Offset + n * classes + k];
                if (v < -1 || v >= classes) throw new ArgumentException("argument #2 'target' is out of range");
                if (v == -1) ended = true;
                if (ended) continue;
                count[v]++;
                isTarget[v] = true;
            }
            for (int j = 0; j < classes; j++)
                for (int i = 0; i < classes && count[j] > 0; i++)
                    if (!isTarget[i]) w[(n * classes + j) * classes + i] = count[j];
        }
        return Tensor.FromArray(w, [frames, classes, classes]).To(dtype);
    }
}

/// <summary>
/// multilabel_margin_loss: self: for each active pair (target j, non-target i) with 1 - x[j] + x[i] &gt; 0, +grad/C at i
/// and -grad/C at j (/ N for a mean).
/// </summary>
internal sealed class MultilabelMarginLossBackward0(Reduction reduction, int[] inputSizes, int frames, int classes) : UnaryNode
{
    /// <summary>The pair multiplicities [N, C, C] (a constant of the target).</summary>
    internal Tensor? Pairs;

    public override string Name => nameof(MultilabelMarginLossBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var z = MultilabelMarginLossOps.Margins(SelfValue.Reshape([frames, classes]));
        var active = Pairs! * z.Gt(0.0).To(z.DType);
        var g = inputSizes.Length == 2 && grad.Dim == 1 ? grad.Reshape([frames, 1]) : grad.Reshape([1, 1]);
        if (reduction == Reduction.Mean) g = g / frames;
        var perInput = (active.Sum(1) - active.Sum(2)) / classes;
        return [(perInput * g).Reshape(inputSizes)];
    }
}
