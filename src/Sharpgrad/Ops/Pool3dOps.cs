using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>max_pool3d_with_indices and avg_pool3d over the last three dims of a 4-D (unbatched) or 5-D input.</summary>
internal static class Pool3dOps
{
    /// <summary>One pooling call: its geometry, the number of volumes, and the input and output sizes.</summary>
    internal readonly record struct Pool3dSpec(Pool3dGeometry G, int Planes, int[] InputSizes, int[] OutputSizes);

    /// <summary>max_pool3d_with_indices with PyTorch's checks and messages. MaxPool3DWithIndicesBackward0.</summary>
    public static (Tensor Values, Tensor Indices) MaxPool3d(Tensor x, (int D, int H, int W) kernel, (int D, int H, int W) stride,
        (int D, int H, int W) padding, (int D, int H, int W) dilation, bool ceilMode)
    {
        var s = Plan(x, kernel, stride, padding, dilation, ceilMode, "max_pool3d_with_indices_out_cpu_template()", checkInputSize: false);
        if (!x.DType.IsFloatingPoint() && !x.DType.IsIntegral()) throw Errors.UnsupportedDType("max_pool3d", x.DType);
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, s.OutputSizes);
        var indices = Tensor.Empty(DType.Int64, s.OutputSizes);
        Dispatch.MaxPool3d(src.Strided, s.Planes, s.G, y.Strided, indices.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        MaxPoolAdjointOps.RecordForward(x, y, indices, new("MaxPool3DWithIndices", s.Planes, s.G.InVolume, s.G.OutVolume, s.InputSizes, s.OutputSizes));
        return (y, indices);
    }

    /// <summary>avg_pool3d with PyTorch's checks and messages; a divisor override may be any nonzero value. AvgPool3DBackward0.</summary>
    public static Tensor AvgPool3d(Tensor x, (int D, int H, int W) kernel, (int D, int H, int W) stride, (int D, int H, int W) padding,
        bool ceilMode, bool countIncludePad, int? divisorOverride)
    {
        x.ThrowIfDisposed();
        CheckDim(x);
        if (divisorOverride == 0) throw new ArgumentException("divisor must be not zero");
        var s = Plan(x, kernel, stride, padding, (1, 1, 1), ceilMode, "avg_pool3d()", checkInputSize: true);
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("avg_pool3d", x.DType);
        return AvgApply(x, s, countIncludePad, divisorOverride ?? 0, adjoint: false, self: default);
    }

    /// <summary>
    /// avg_pool3d (adjoint false) or avg_pool3d_backward (adjoint true, which like PyTorch's also takes the pooled
    /// input: <paramref name="self"/>, its gradient edge); each is recorded with the other as its gradient.
    /// </summary>
    internal static Tensor AvgApply(Tensor a, Pool3dSpec s, bool countIncludePad, int divisorOverride, bool adjoint, Edge self)
    {
        var src = OpHelpers.ContiguousRaw(a);
        var b = Tensor.Empty(a.DType, adjoint ? s.InputSizes : s.OutputSizes, clear: adjoint);
        Dispatch.AvgPool3d(src.Strided, s.Planes, s.G, countIncludePad, divisorOverride, b.Strided, adjoint);
        if (!ReferenceEquals(src, a)) src.Dispose();
        if (Record.ShouldRecordBackward(a, self))
            Record.SetHistory(b, new AvgPool3DNode(s, countIncludePad, divisorOverride, !adjoint) { Edges = adjoint ? [a.GradientEdge(), self] : [a.GradientEdge()] });
        return b;
    }

    private static void CheckDim(Tensor x)
    {
        if (x.Dim is not (4 or 5)) throw new ArgumentException("non-empty 4D or 5D (batch mode) tensor expected for input");
    }

    /// <summary>The output sizes and geometry, checked in ATen's order: pooling_output_shape per axis, then pool3d_shape_check.</summary>
    private static Pool3dSpec Plan(Tensor x, (int D, int H, int W) k, (int D, int H, int W) s, (int D, int H, int W) p,
        (int D, int H, int W) dil, bool ceilMode, string fn, bool checkInputSize)
    {
        x.ThrowIfDisposed();
        CheckDim(x);
        int c = x.Sizes[^4], d = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        int od = OutputSize(d, k.D, p.D, s.D, dil.D, ceilMode);
        int oh = OutputSize(h, k.H, p.H, s.H, dil.H, ceilMode);
        int ow = OutputSize(w, k.W, p.W, s.W, dil.W, ceilMode);
        if (k.D <= 0 || k.H <= 0 || k.W <= 0)
            throw new ArgumentException($"kernel size should be greater than zero, but got kT: {k.D} kH: {k.H} kW: {k.W}");
        if (s.D <= 0 || s.H <= 0 || s.W <= 0)
            throw new ArgumentException($"stride should be greater than zero, but got dT: {s.D} dH: {s.H} dW: {s.W}");
        if (dil.D <= 0 || dil.H <= 0 || dil.W <= 0)
            throw new ArgumentException($"dilation should be greater than zero, but got dilationT: {dil.D} dilationH: {dil.H} dilationW: {dil.W}");
        for (int i = x.Dim == 5 ? 1 : 0; i < x.Dim; i++)
            if (x.Sizes[i] == 0)
                throw new ArgumentException($"{fn}: Expected input's non-batch dimensions to have positive length, but input has a shape of {Errors.Shape(x.Sizes)} and non-batch dimension 0 has length zero!");
        if (checkInputSize && (d < k.D || h < k.H || w < k.W))
            throw new ArgumentException($"input image (T: {d} H: {h} W: {w}) smaller than kernel size (kT: {k.D} kH: {k.H} kW: {k.W})");
        if (k.D / 2 < p.D || k.W / 2 < p.W || k.H / 2 < p.H)
            throw new ArgumentException($"pad should be smaller than or equal to half of kernel size, but got kT: {k.D} kW: {k.W} kH: {k.H} padT: {p.D} padW: {p.W} padH: {p.H}");
        if (od < 1 || oh < 1 || ow < 1)
            throw new ArgumentException($"Given input size: ({c}x{d}x{h}x{w}). Calculated output size: ({c}x{od}x{oh}x{ow}). Output size is too small");
        var shape = (int[])x.Sizes.Clone();
        (shape[^3], shape[^2], shape[^1]) = (od, oh, ow);
        var g = new Pool3dGeometry(d, h, w, k.D, k.H, k.W, s.D, s.H, s.W, p.D, p.H, p.W, dil.D, dil.H, dil.W, od, oh, ow);
        return new Pool3dSpec(g, x.Numel / g.InVolume, (int[])x.Sizes.Clone(), shape);
    }

    /// <summary>PyTorch's pooling_output_shape with its stride and padding checks.</summary>
    private static int OutputSize(int input, int k, int pad, int stride, int dilation, bool ceilMode)
    {
        if (stride == 0) throw new ArgumentException("stride should not be zero");
        if (pad < 0) throw new ArgumentException($"pad must be non-negative, but got pad: {pad}");
        return ConvOps.PoolOutput(input, k, pad, stride, dilation, ceilMode);
    }
}

/// <summary>
/// avg_pool3d: avg_pool3d_backward(grad) (AvgPool3DBackward0); avg_pool3d_backward: grad_output: avg_pool3d(grad), self:
/// zeros, as in PyTorch (AvgPool3DBackwardBackward0).
/// </summary>
internal sealed class AvgPool3DNode(Pool3dOps.Pool3dSpec s, bool countIncludePad, int divisorOverride, bool forward) : Node
{
    public override string Name => forward ? "AvgPool3DBackward0" : "AvgPool3DBackwardBackward0";

    internal override Tensor?[] Apply(Tensor grad)
    {
        if (forward) return [Pool3dOps.AvgApply(grad, s, countIncludePad, divisorOverride, adjoint: true, self: Edges[0])];
        return
        [
            NeedsInputGrad(0) ? Pool3dOps.AvgApply(grad, s, countIncludePad, divisorOverride, adjoint: false, self: default) : null,
            NeedsInputGrad(1) ? Tensor.Zeros(s.InputSizes, grad.DType) : null,
        ];
    }
}
