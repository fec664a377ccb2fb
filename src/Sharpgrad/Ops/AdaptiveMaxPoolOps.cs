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
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new AdaptiveMaxPool2DBackward0(x.Sizes, planes, h * w, output.H * output.W), x);
            node.Index = SavedTensor.Input(indices);
            Record.SetHistory(y, node);
        }
        return (y, indices);
    }
}

/// <summary>adaptive_max_pool2d: each bin's gradient added at its maximum (scatter_add over each plane).</summary>
internal sealed class AdaptiveMaxPool2DBackward0(int[] inputSizes, int planes, int plane, int outPlane) : IndexNode
{
    public override string Name => nameof(AdaptiveMaxPool2DBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var flatGrad = grad.Reshape(planes, outPlane);
        var gi = Tensor.Zeros([planes, plane], grad.DType).ScatterAdd(1, Index!.Unpack().Reshape(planes, outPlane), flatGrad);
        return [gi.Reshape(inputSizes)];
    }
}
