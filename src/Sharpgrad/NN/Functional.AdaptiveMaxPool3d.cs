using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Maximum of each of outputSize³ adaptive bins of every volume of a [N, C, D, H, W] or [C, D, H, W] input
    /// (AdaptiveMaxPool3DBackward0). PyTorch: F.adaptive_max_pool3d.
    /// </summary>
    public static Tensor AdaptiveMaxPool3d(Tensor x, int outputSize) => DropIndices(AdaptiveMaxPool3dWithIndices(x, outputSize));

    /// <summary>Adaptive max pooling to (depth, height, width) bins; a null size keeps the input's. PyTorch: F.adaptive_max_pool3d.</summary>
    public static Tensor AdaptiveMaxPool3d(Tensor x, (int? Depth, int? Height, int? Width) outputSize) => DropIndices(AdaptiveMaxPool3dWithIndices(x, outputSize));

    /// <summary>
    /// Adaptive max pooling to outputSize³ bins that also returns the Int64 flat in-volume positions of the maxima.
    /// PyTorch: F.adaptive_max_pool3d(..., return_indices=True).
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool3dWithIndices(Tensor x, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        return AdaptiveMaxPoolOps.AdaptiveMaxPool3d(x, (outputSize, outputSize, outputSize));
    }

    /// <summary>
    /// Adaptive max pooling to (depth, height, width) bins that also returns the Int64 flat in-volume positions of the
    /// maxima; a null size keeps the input's. PyTorch: F.adaptive_max_pool3d(..., return_indices=True).
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool3dWithIndices(Tensor x, (int? Depth, int? Height, int? Width) outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        // PyTorch's _list_with_default: a size tuple needs an input of at least 4 dims; None takes the input's size.
        if (x.Dim <= 3) throw new ArgumentException("Input dimension should be at least 4");
        return AdaptiveMaxPoolOps.AdaptiveMaxPool3d(x, (outputSize.Depth ?? x.Shape[^3], outputSize.Height ?? x.Shape[^2], outputSize.Width ?? x.Shape[^1]));
    }

    /// <summary>The pooled values, the indices disposed.</summary>
    private static Tensor DropIndices((Tensor Values, Tensor Indices) pooled)
    {
        pooled.Indices.Dispose();
        return pooled.Values;
    }
}
