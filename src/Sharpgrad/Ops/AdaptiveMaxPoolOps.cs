using Sharpgrad.Kernels;

namespace Sharpgrad.Ops;

/// <summary>adaptive_max_pool2d/3d: the maximum of each adaptive bin over the last two or three dims.</summary>
internal static class AdaptiveMaxPoolOps
{
    /// <summary>
    /// adaptive_max_pool2d of a 3-D or 4-D input to (outH, outW) bins (bin i spans floor(i·H/n) to ceil((i+1)·H/n)),
    /// with the flat in-plane Int64 index of each maximum; even a 1×1 output stays this op. AdaptiveMaxPool2DBackward0.
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool2d(Tensor x, (int H, int W) output) =>
        Pool(x, [output.H, output.W], "adaptive_max_pool2d", "adaptive_max_pool2d", "AdaptiveMaxPool2D");

    /// <summary>
    /// adaptive_max_pool3d of a 4-D or 5-D input to (outD, outH, outW) bins, with the flat in-volume Int64 index of each
    /// maximum. AdaptiveMaxPool3DBackward0.
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool3d(Tensor x, (int D, int H, int W) output) =>
        Pool(x, [output.D, output.H, output.W], "adaptive_max_pool3d", "adaptive_max_pool3d_cpu", "AdaptiveMaxPool3D");

    /// <summary>The pool over the last output.Length dims, with PyTorch's checks in PyTorch's order.</summary>
    private static (Tensor Values, Tensor Indices) Pool(Tensor x, int[] output, string name, string kernelName, string op)
    {
        x.ThrowIfDisposed();
        int k = output.Length;
        if (x.Dim != k + 1 && x.Dim != k + 2) throw new ArgumentException($"{name}(): Expected {k + 1}D or {k + 2}D tensor, but got: {Errors.Shape(x.Sizes)}");
        for (int d = 1; d < x.Dim; d++)
            if (x.Sizes[d] == 0)
                throw new ArgumentException($"{name}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Errors.Shape(x.Sizes)} with dimension {d} being empty");
        var shape = (int[])x.Sizes.Clone();
        output.CopyTo(shape, x.Dim - k);
        foreach (int s in output)
            if (s < 0) throw Errors.NegativeDimension(shape);
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(kernelName, x.DType);
        int d0 = k == 3 ? x.Sizes[^3] : 1, h = x.Sizes[^2], w = x.Sizes[^1], od = k == 3 ? output[0] : 1;
        int inVolume = d0 * h * w, planes = x.Numel / inVolume;
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, shape);
        var indices = Tensor.Empty(DType.Int64, shape);
        Dispatch.AdaptiveMaxPool(src.Strided, planes, d0, h, w, od, output[^2], output[^1], y.Strided, indices.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        MaxPoolAdjointOps.RecordForward(x, y, indices, new(op, planes, inVolume, od * output[^2] * output[^1], (int[])x.Sizes.Clone(), shape));
        return (y, indices);
    }
}
