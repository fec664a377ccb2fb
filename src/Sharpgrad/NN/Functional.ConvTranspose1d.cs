using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Transposed 1-D convolution (the gradient of conv1d with respect to its input) over [N, C_in, L] (or unbatched
    /// [C_in, L]) with weight [in, out / groups, k]; outputPadding adds elements at the end to pick among the lengths a
    /// strided conv maps to the same input (ConvolutionBackward0). PyTorch: F.conv_transpose1d.
    /// </summary>
    public static Tensor ConvTranspose1d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0,
        int groups = 1, int dilation = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        return ConvTranspose1dOps.ConvTranspose1d(x, weight, bias, stride, padding, outputPadding, dilation, groups);
    }
}
