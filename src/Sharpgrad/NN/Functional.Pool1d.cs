using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// 1-D max pooling over the last dim of [N, C, L] or [C, L]; the stride defaults to the kernel size
    /// (SqueezeBackward1 over MaxPool2DWithIndicesBackward0, as PyTorch composes it). PyTorch: F.max_pool1d.
    /// </summary>
    public static Tensor MaxPool1d(Tensor x, int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false)
    {
        var (values, indices) = MaxPool1dWithIndices(x, kernelSize, stride, padding, dilation, ceilMode);
        indices.Dispose();
        return values;
    }

    /// <summary>1-D max pooling that also returns the Int64 positions of the maxima along the last dim. PyTorch: F.max_pool1d(..., return_indices=True).</summary>
    public static (Tensor Values, Tensor Indices) MaxPool1dWithIndices(Tensor x, int kernelSize, int? stride = null, int padding = 0, int dilation = 1,
        bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool1dOps.MaxPool1d(x, kernelSize, stride ?? kernelSize, padding, dilation, ceilMode);
    }

    /// <summary>
    /// 1-D average pooling over the last dim; the stride defaults to the kernel size (SqueezeBackward1 over
    /// AvgPool2DBackward0). PyTorch: F.avg_pool1d.
    /// </summary>
    public static Tensor AvgPool1d(Tensor x, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool1dOps.AvgPool1d(x, kernelSize, stride ?? kernelSize, padding, ceilMode, countIncludePad);
    }

    /// <summary>
    /// Averages the last dim down to <paramref name="outputSize"/> bins (SqueezeBackward1 over AdaptiveAvgPool2DBackward0,
    /// or over MeanBackward1 for one bin). PyTorch: F.adaptive_avg_pool1d.
    /// </summary>
    public static Tensor AdaptiveAvgPool1d(Tensor x, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool1dOps.AdaptiveAvgPool1d(x, outputSize);
    }

    /// <summary>
    /// Maximum of each of <paramref name="outputSize"/> adaptive bins of the last dim (SqueezeBackward1 over
    /// AdaptiveMaxPool2DBackward0). PyTorch: F.adaptive_max_pool1d.
    /// </summary>
    public static Tensor AdaptiveMaxPool1d(Tensor x, int outputSize)
    {
        var (values, indices) = AdaptiveMaxPool1dWithIndices(x, outputSize);
        indices.Dispose();
        return values;
    }

    /// <summary>Adaptive 1-D max pooling that also returns the Int64 positions of the maxima. PyTorch: F.adaptive_max_pool1d(..., return_indices=True).</summary>
    public static (Tensor Values, Tensor Indices) AdaptiveMaxPool1dWithIndices(Tensor x, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Pool1dOps.AdaptiveMaxPool1d(x, outputSize);
    }
}
