namespace Sharpgrad.Ops;

/// <summary>
/// 1-D pooling composed as ATen composes it: the 2-D op over unsqueeze(-2), then squeeze(-2), so the graph is
/// SqueezeBackward1 over the 2-D node over UnsqueezeBackward0, as in PyTorch.
/// </summary>
internal static class Pool1dOps
{
    /// <summary>max_pool1d with max_pool1d_impl's checks and messages, values and indices from max_pool2d_with_indices.</summary>
    public static (Tensor Values, Tensor Indices) MaxPool1d(Tensor x, int kernel, int stride, int padding, int dilation, bool ceilMode)
    {
        x.ThrowIfDisposed();
        bool empty = x.Dim is (2 or 3) && (x.Sizes[^1] == 0 || (x.Dim == 3 && x.Sizes[1] == 0));
        if (x.Dim is not (2 or 3) || empty)
            throw new ArgumentException($"max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:{Errors.Shape(x.Sizes)}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("max_pool1d_impl", x.DType);
        if (kernel <= 0) throw new ArgumentException($"max_pool1d() kernel_size must be greater than zero, but got {kernel}");
        if (stride <= 0) throw new ArgumentException($"max_pool1d() stride must be greater than zero, but got {stride}");
        if (padding < 0) throw new ArgumentException($"max_pool1d() padding must be non-negative, but got {padding}");
        if (padding > kernel / 2)
            throw new ArgumentException($"max_pool1d() padding should be at most half of kernel size, but got padding={padding} and kernel_size={kernel}");
        if (dilation <= 0) throw new ArgumentException($"max_pool1d() dilation must be greater than zero, but got {dilation}");
        int outLen = ConvOps.PoolOutput(x.Sizes[^1], kernel, padding, stride, dilation, ceilMode);
        if (outLen <= 0) throw new ArgumentException($"max_pool1d() Invalid computed output size: {outLen}");
        var (values, indices) = ConvOps.MaxPool2d(x.Unsqueeze(-2), (1, kernel), (1, stride), (0, padding), (1, dilation), ceilMode);
        return (values.Squeeze(-2), indices.Squeeze(-2));
    }

    /// <summary>avg_pool1d: avg_pool2d's checks and messages beyond the dim check.</summary>
    public static Tensor AvgPool1d(Tensor x, int kernel, int stride, int padding, bool ceilMode, bool countIncludePad)
    {
        CheckDimRange(x, "avg_pool1d");
        return PoolOps.AvgPool2d(x.Unsqueeze(-2), (1, kernel), (1, stride), (0, padding), ceilMode, countIncludePad, null).Squeeze(-2);
    }

    /// <summary>adaptive_avg_pool1d: a single bin is the mean (MeanBackward1 under the squeeze), as in PyTorch.</summary>
    public static Tensor AdaptiveAvgPool1d(Tensor x, int output)
    {
        CheckDimRange(x, "adaptive_avg_pool1d");
        return PoolOps.AdaptiveAvgPool2d(x.Unsqueeze(-2), (1, output)).Squeeze(-2);
    }

    /// <summary>adaptive_max_pool1d: adaptive_max_pool2d over a height of 1 (AdaptiveMaxPool2DBackward0 under the squeeze).</summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool1d(Tensor x, int output)
    {
        CheckDimRange(x, "adaptive_max_pool1d");
        for (int d = 1; d < x.Dim; d++)
            if (x.Sizes[d] == 0)
                throw new ArgumentException($"adaptive_max_pool1d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes {Errors.Shape(x.Sizes)} with dimension {d} being empty");
        var (values, indices) = AdaptiveMaxPoolOps.AdaptiveMaxPool2d(x.Unsqueeze(-2), (1, output));
        return (values.Squeeze(-2), indices.Squeeze(-2));
    }

    /// <summary>ATen's checkDimRange(2, 4): a 2-D or 3-D input.</summary>
    private static void CheckDimRange(Tensor x, string op)
    {
        x.ThrowIfDisposed();
        if (x.Dim is not (2 or 3))
            throw new ArgumentException($"Expected 2 to 3 dimensions, but got {x.Dim}-dimensional tensor for argument #1 'self' (while checking arguments for {op})");
    }
}
