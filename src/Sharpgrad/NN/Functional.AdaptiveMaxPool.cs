using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Maximum of each of outputSize×outputSize adaptive bins of every plane (AdaptiveMaxPool2DBackward0).
    /// PyTorch: F.adaptive_max_pool2d.
    /// </summary>
    public static Tensor AdaptiveMaxPool2d(Tensor x, int outputSize) => AdaptiveMaxPool2d(x, (outputSize, outputSize));

    /// <summary>Adaptive max pooling to (height, width) bins; a null size keeps the input's. PyTorch: F.adaptive_max_pool2d.</summary>
    public static Tensor AdaptiveMaxPool2d(Tensor x, (int? Height, int? Width) outputSize)
    {
        var (values, indices) = AdaptiveMaxPool2dWithIndices(x, outputSize);
        indices.Dispose();
        return values;
    }

    /// <summary>
    /// Adaptive max pooling that also returns the Int64 flat in-plane positions of the maxima.
    /// PyTorch: F.adaptive_max_pool2d(..., return_indices=True).
    /// </summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool2dWithIndices(Tensor x, (int? Height, int? Width) outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        // PyTorch's _list_with_default: None takes the input's size (the last dims, as far as the input has them).
        int oh = outputSize.Height ?? (x.Dim >= 2 ? x.Shape[^2] : 0), ow = outputSize.Width ?? (x.Dim >= 1 ? x.Shape[^1] : 0);
        return AdaptiveMaxPoolOps.AdaptiveMaxPool2d(x, (oh, ow));
    }
}
