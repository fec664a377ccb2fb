using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// 3-D max pooling over the last three dims of [N, C, D, H, W] or unbatched [C, D, H, W] with a k×k×k window; the
    /// stride defaults to the kernel size (MaxPool3DWithIndicesBackward0). PyTorch: F.max_pool3d.
    /// </summary>
    public static Tensor MaxPool3d(Tensor x, int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false) =>
        MaxPool3d(x, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, (padding, padding, padding), (dilation, dilation, dilation), ceilMode);

    /// <summary>3-D max pooling with a (depth, height, width) kernel, stride (default: the kernel), padding and dilation. PyTorch: F.max_pool3d.</summary>
    public static Tensor MaxPool3d(Tensor x, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? dilation = null, bool ceilMode = false)
    {
        var (values, indices) = MaxPool3dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode);
        indices.Dispose();
        return values;
    }

    /// <summary>3-D max pooling with a k×k×k window that also returns the Int64 flat in-volume positions of the maxima. PyTorch: F.max_pool3d(..., return_indices=True).</summary>
    public static (Tensor Values, Tensor Indices) MaxPool3dWithIndices(Tensor x, int kernelSize, int? stride = null, int padding = 0, int dilation = 1,
        bool ceilMode = false) =>
        MaxPool3dWithIndices(x, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, (padding, padding, padding), (dilation, dilation, dilation), ceilMode);

    /// <summary>
    /// 3-D max pooling that also returns where each maximum came from (Int64 flat positions within its [D, H, W]
    /// volume). PyTorch: F.max_pool3d(..., return_indices=True).
    /// </summary>
    public static (Tensor Values, Tensor Indices) MaxPool3dWithIndices(Tensor x, (int Depth, int Height, int Width) kernelSize,
        (int Depth, int Height, int Width)? stride = null, (int Depth, int Height, int Width)? padding = null,
        (int Depth, int Height, int Width)? dilation = null, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool3dOps.MaxPool3d(x, kernelSize, stride ?? kernelSize, padding ?? (0, 0, 0), dilation ?? (1, 1, 1), ceilMode);
    }

    /// <summary>
    /// Average over k×k×k windows of [N, C, D, H, W] or [C, D, H, W] (AvgPool3DBackward0); the stride defaults to the
    /// kernel size. With <paramref name="ceilMode"/> a last partial window is kept; <paramref name="countIncludePad"/>
    /// counts padding in the divisor; a nonzero <paramref name="divisorOverride"/> replaces it. PyTorch: F.avg_pool3d.
    /// </summary>
    public static Tensor AvgPool3d(Tensor x, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false,
        bool countIncludePad = true, int? divisorOverride = null) =>
        AvgPool3d(x, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, (padding, padding, padding), ceilMode, countIncludePad, divisorOverride);

    /// <summary>Average pooling with a (depth, height, width) kernel, stride (default: the kernel) and padding. PyTorch: F.avg_pool3d.</summary>
    public static Tensor AvgPool3d(Tensor x, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool3dOps.AvgPool3d(x, kernelSize, stride ?? kernelSize, padding ?? (0, 0, 0), ceilMode, countIncludePad, divisorOverride);
    }
}
