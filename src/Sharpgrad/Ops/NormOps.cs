using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>layer_norm and batch_norm: normalize with the statistics of a group of elements, then scale and shift.</summary>
internal static class NormOps
{
    /// <summary>A fresh (unrecorded) result given <paramref name="shape"/>; takes over <paramref name="t"/>.</summary>
    public static Tensor Shaped(Tensor t, int[] shape)
    {
        var c = OpHelpers.ContiguousRaw(t);
        var y = c.AliasWith(shape, Layout.ContiguousStrides(shape), c.Offset);
        if (!ReferenceEquals(c, t)) c.Dispose();
        t.Dispose();
        return y;
    }

    public static Edge[] Edges(Tensor x, Tensor? w, Tensor? b) =>
        [x.GradientEdge(), w?.GradientEdge() ?? default, b?.GradientEdge() ?? default];

    /// <summary>A per-channel operand as a contiguous tensor of <paramref name="dtype"/> (itself when it already is one).</summary>
    public static Tensor? Operand(Tensor? t, DType dtype) => t is null ? null : OpHelpers.ContiguousRaw(OpHelpers.CastRaw(t, dtype));

    /// <summary>Disposes a copy <see cref="Operand"/> (or ContiguousRaw) made; the caller's own tensor is left alone.</summary>
    public static void Release(Tensor? copy, Tensor? original)
    {
        if (copy is not null && !ReferenceEquals(copy, original)) copy.Dispose();
    }

    /// <summary>Running statistics updated in a copy go back to the buffer; one updated in place gets its version bumped.</summary>
    private static void WriteBack(Tensor? updated, Tensor? buffer)
    {
        if (updated is null || buffer is null) return;
        if (ReferenceEquals(updated, buffer))
        {
            if (!buffer.IsInference) buffer.Storage.BumpVersion();
            return;
        }
        using (Autograd.NoGrad()) buffer.Copy_(updated);
    }

    public static bool ShouldRecord(Tensor x, Tensor? w, Tensor? b) =>
        (x.RequiresGradFast || (w?.RequiresGradFast ?? false) || (b?.RequiresGradFast ?? false)) && GradMode.Current.Records;

    /// <summary>layer_norm over the trailing <paramref name="normalizedShape"/> dims. NativeLayerNormBackward0.</summary>
    public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias, double eps)
    {
        x.ThrowIfDisposed();
        int k = normalizedShape.Length;
        bool fits = k > 0 && x.Dim >= k && x.Sizes.AsSpan(x.Dim - k).SequenceEqual(normalizedShape);
        if (!fits)
            throw new ArgumentException($"Given normalized_shape={Errors.Shape(normalizedShape)}, expected input with shape [*, {string.Join(", ", normalizedShape)}], but got input of size{Errors.Shape(x.Sizes)}");
        foreach (var (t, name) in new[] { (weight, "weight"), (bias, "bias") })
            if (t is not null && !t.Sizes.AsSpan().SequenceEqual(normalizedShape))
                throw new ArgumentException($"Expected {name} to be of same shape as normalized_shape, but got {name} of shape {Errors.Shape(t.Sizes)} and normalized_shape = {Errors.Shape(normalizedShape)}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("LayerNormKernelImpl", x.DType);
        int n = Layout.NumElementsUnchecked(normalizedShape);
        int m = Layout.NumElementsUnchecked(x.Sizes.AsSpan(0, x.Dim - k).ToArray());
        NativeLayerNormBackward0? node = null;
        if (ShouldRecord(x, weight, bias))
        {
            node = new NativeLayerNormBackward0(normalizedShape, eps, m, n, x.Sizes) { Edges = Edges(x, weight, bias) };
            node.X = SavedTensor.Input(x);
            if (weight is not null) node.W = SavedTensor.Input(weight);
        }
        var src = OpHelpers.ContiguousRaw(x);
        var w = Operand(weight, x.DType);
        var b = Operand(bias, x.DType);
        var y = Tensor.Empty(x.DType, x.Sizes);
        var mean = node is null ? null : Tensor.Empty(x.DType, [m]);
        var rstd = node is null ? null : Tensor.Empty(x.DType, [m]);
        Dispatch.LayerNorm(src.Strided, m, n, w?.Strided, b?.Strided, eps, y.Strided, mean?.Strided, rstd?.Strided);
        if (node is not null)
        {
            node.Mean = SavedTensor.Input(mean!);
            node.InvStd = SavedTensor.Input(rstd!);
        }
        Release(src, x);
        Release(w, weight);
        Release(b, bias);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>
    /// batch_norm over [N, C, *] per channel: batch statistics in training (updating the running buffers with
    /// the unbiased variance), running statistics otherwise. NativeBatchNormBackward0.
    /// </summary>
    public static Tensor BatchNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training, double momentum, double eps)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 2) throw Errors.DimOutOfRange(1, x.Dim);
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("batch_norm", x.DType);
        int nb = x.Sizes[0], c = x.Sizes[1], l = 1;
        for (int d = 2; d < x.Dim; d++) l *= x.Sizes[d];
        long count = (long)nb * l;
        if (training && count <= 1)
            throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {Errors.Size(x.Sizes)}");
        if (!training && (runningMean is null || runningVar is null))
            throw new ArgumentException("running_mean and running_var must be defined in evaluation mode");
        foreach (var t in new[] { runningMean, runningVar, weight, bias })
            if (t is not null && (t.Dim != 1 || t.Sizes[0] != c))
                throw new ArgumentException($"running_mean should contain {c} elements not {t.NumElements}");
        NativeBatchNormBackward0? node = null;
        if (ShouldRecord(x, weight, bias))
        {
            node = new NativeBatchNormBackward0(training, eps, [nb, c, l], x.Sizes) { Edges = Edges(x, weight, bias) };
            node.X = SavedTensor.Input(x);
            if (weight is not null) node.W = SavedTensor.Input(weight);
        }
        var dtype = x.DType;
        var src = OpHelpers.ContiguousRaw(x);
        var w = Operand(weight, dtype);
        var b = Operand(bias, dtype);
        var rm = Operand(runningMean, dtype);
        var rv = Operand(runningVar, dtype);
        var y = Tensor.Empty(dtype, x.Sizes);
        if (training)
        {
            var mean = Tensor.Empty(dtype, [c]);
            var invStd = Tensor.Empty(dtype, [c]);
            Dispatch.BatchNormStatistics(src.Strided, nb, c, l, eps, momentum, mean.Strided, invStd.Strided, rm?.Strided, rv?.Strided);
            WriteBack(rm, runningMean);
            WriteBack(rv, runningVar);
            Dispatch.BatchNormForward(src.Strided, nb, c, l, w?.Strided, b?.Strided, mean.Strided, invStd.Strided, null, eps, y.Strided);
            if (node is not null) (node.Mean, node.InvStd) = (SavedTensor.Input(mean), SavedTensor.Input(invStd));
            else
            {
                mean.Dispose();
                invStd.Dispose();
            }
        }
        else
        {
            Dispatch.BatchNormForward(src.Strided, nb, c, l, w?.Strided, b?.Strided, rm!.Strided, null, rv!.Strided, eps, y.Strided);
            if (node is not null)
            {
                // the backward's statistics: the running mean as it is now, invstd as ATen's backward computes it
                var invStd = Tensor.Empty(dtype, [c]);
                Dispatch.BatchNormBackwardInvstd(rv.Strided, c, eps, invStd.Strided);
                using (Autograd.NoGrad()) node.Mean = SavedTensor.Input(rm.Clone());
                node.InvStd = SavedTensor.Input(invStd);
            }
        }
        Release(src, x);
        Release(w, weight);
        Release(b, bias);
        Release(rm, runningMean);
        Release(rv, runningVar);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}

/// <summary>A normalization node over (input, weight, bias) that keeps the input and weight.</summary>
internal abstract class NormNode : Node
{
    internal SavedTensor? X;
    internal SavedTensor? W;
    internal SavedTensor? Mean;
    internal SavedTensor? InvStd;

    internal override IEnumerable<SavedTensor> Saved => new[] { X, W, Mean, InvStd }.OfType<SavedTensor>();

    /// <summary>Whether ATen's fused kernel takes the backward: not while it is recorded (create_graph differentiates the composite), and a weight in x's dtype.</summary>
    protected static bool CanFuse(Tensor x, Tensor? w) => !GradMode.Current.Records && (w is null || w.DType == x.DType);

    /// <summary>
    /// The input, weight and bias gradients from a fused kernel (dy, x, w, dx, dw, db; contiguous, the outputs fresh and
    /// null where not wanted); the weight and bias gradients have <paramref name="parameterShape"/>.
    /// </summary>
    protected Tensor?[] FusedBackward(Tensor grad, Tensor x, Tensor? w, int[] parameterShape,
        Action<StridedArray, StridedArray, StridedArray?, StridedArray?, StridedArray?, StridedArray?> kernel)
    {
        var dy = NormOps.Operand(grad, x.DType)!;
        var xc = OpHelpers.ContiguousRaw(x);
        var wc = w is null ? null : OpHelpers.ContiguousRaw(w);
        var dx = NeedsInputGrad(0) ? Tensor.Empty(x.DType, x.Sizes) : null;
        var dw = NeedsInputGrad(1) && w is not null ? Tensor.Empty(x.DType, parameterShape) : null;
        var db = NeedsInputGrad(2) ? Tensor.Empty(x.DType, parameterShape) : null;
        kernel(dy.Strided, xc.Strided, wc?.Strided, dx?.Strided, dw?.Strided, db?.Strided);
        NormOps.Release(dy, grad);
        NormOps.Release(xc, x);
        NormOps.Release(wc, w);
        return [dx, dw, db];
    }

    /// <summary>d/dx of (x - μ)·invstd·w with μ, invstd the statistics over <paramref name="dims"/>: invstd·(gw - mean(gw) - x̂·mean(gw·x̂)).</summary>
    protected static Tensor NormalizedGrad(Tensor gw, Tensor xhat, Tensor invStd, int[] dims) =>
        invStd * (gw - gw.Mean(dims, keepDim: true) - xhat * (gw * xhat).Mean(dims, keepDim: true));

    /// <summary>(x̂, invstd) recomputed from x with differentiable ops, so a graph of the backward stays exact.</summary>
    protected static (Tensor XHat, Tensor InvStd) Normalize(Tensor x, int[] dims, double eps)
    {
        var xc = x - x.Mean(dims, keepDim: true);
        var invStd = ((xc * xc).Mean(dims, keepDim: true) + eps).Rsqrt();
        return (xc * invStd, invStd);
    }
}

/// <summary>native_layer_norm: input, weight and bias gradients of y = x̂·w + b over each row of the normalized dims.</summary>
internal sealed class NativeLayerNormBackward0(int[] normalizedShape, double eps, int m, int n, int[] inputSizes) : NormNode
{
    public override string Name => nameof(NativeLayerNormBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = X!.Unpack();
        var w = W?.Unpack();
        if (CanFuse(x, w))
            return FusedBackward(grad, x, w, normalizedShape, (dy, xc, wc, dx, dw, db) =>
                Dispatch.LayerNormBackward(dy, xc, Mean!.Unpack().Strided, InvStd!.Unpack().Strided, wc, m, n, dx, dw, db));
        var (xhat, invStd) = Normalize(x.Reshape(m, n), [1], eps);
        var g = grad.Reshape(m, n);
        Tensor? dx = null, dw = null, db = null;
        if (NeedsInputGrad(0))
        {
            var gw = w is null ? g : g * w.Reshape(n);
            dx = NormalizedGrad(gw, xhat, invStd, [1]).Reshape(inputSizes);
        }
        if (NeedsInputGrad(1)) dw = (g * xhat).Sum(0).Reshape(normalizedShape);
        if (NeedsInputGrad(2)) db = g.Sum(0).Reshape(normalizedShape);
        return [dx, dw, db];
    }
}

/// <summary>native_batch_norm: gradients per channel; with running statistics (eval) the input gradient is grad·w·invstd.</summary>
internal sealed class NativeBatchNormBackward0(bool training, double eps, int[] ncl, int[] inputSizes) : NormNode
{
    public override string Name => nameof(NativeBatchNormBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        int[] dims = [0, 2];
        var x = X!.Unpack();
        var weight = W?.Unpack();
        if (CanFuse(x, weight))
            return FusedBackward(grad, x, weight, [ncl[1]], (dy, xc, wc, dx, dw, db) =>
                Dispatch.BatchNormBackward(dy, xc, ncl[0], ncl[1], ncl[2], Mean!.Unpack().Strided, InvStd!.Unpack().Strided, wc, training, dx, dw, db));
        var x3 = x.Reshape(ncl);
        var g = grad.Reshape(ncl);
        var (xhat, invStd) = training ? Normalize(x3, dims, eps) : ((x3 - Mean!.Unpack().Reshape(1, ncl[1], 1)) * InvStd!.Unpack().Reshape(1, ncl[1], 1), InvStd!.Unpack().Reshape(1, ncl[1], 1));
        var w = weight?.Reshape(1, ncl[1], 1);
        Tensor? dx = null, dw = null, db = null;
        if (NeedsInputGrad(0))
        {
            var gw = w is null ? g : g * w;
            dx = (training ? NormalizedGrad(gw, xhat, invStd, dims) : gw * invStd).Reshape(inputSizes);
        }
        if (NeedsInputGrad(1)) dw = (g * xhat).Sum(dims);
        if (NeedsInputGrad(2)) db = g.Sum(dims);
        return [dx, dw, db];
    }
}
