using Sharpgrad.Kernels;

namespace Sharpgrad.Ops;

/// <summary>adaptive_max_pool2d: the maximum of each adaptive bin over the last two dims of a 3-D or 4-D input.</summary>
internal static class AdaptiveMaxPoolOps
{
    /// <summary>
    /// adaptive_max_pool2d to (outH, outW) bins (bin i spans floor(i·H/n) to ceil((i+1)·H/n)), with the flat in-plane
    /// Int64 index of each maximum; even a 1×1 output stays this op. AdaptiveMaxPool2DBackward0.
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool2d(Tensor x, (int H, int W) output)
    {
        x.ThrowIfDisposed();
        if (x.Dim is not (3 or 4)) throw new ArgumentException($"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {Errors.Shape(x.Sizes)}");
        for (int d = 1; d < x.Dim; d++)
            if (x.Sizes[d] == 0)
                throw new ArgumentException($"adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Errors.Shape(x.Sizes)} with dimension {d} being empty");
        if (output.H < 0 || output.W < 0)
            throw new ArgumentOutOfRangeException(nameof(output), output, "adaptive_max_pool2d: output sizes must be non-negative");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("adaptive_max_pool2d", x.DType);
        int h = x.Sizes[^2], w = x.Sizes[^1], planes = x.Numel / (h * w);
        var shape = (int[])x.Sizes.Clone();
        shape[^2] = output.H;
        shape[^1] = output.W;
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, shape);
        var indices = Tensor.Empty(DType.Int64, shape);
        Dispatch.AdaptiveMaxPool2d(src.Strided, planes, h, w, output.H, output.W, y.Strided, indices.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        MaxPoolAdjointOps.RecordForward(x, y, indices, new("AdaptiveMaxPool2D", planes, h * w, output.H * output.W, (int[])x.Sizes.Clone(), shape));
        return (y, indices);
    }
}
