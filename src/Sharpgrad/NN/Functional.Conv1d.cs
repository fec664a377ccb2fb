using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// 1-D convolution over [N, C, L] (or unbatched [C, L]) with weight [out, in / groups, k] (ConvolutionBackward0).
    /// PyTorch: F.conv1d.
    /// </summary>
    public static Tensor Conv1d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        return Conv1dOps.Conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    /// <summary>
    /// 1-D convolution with padding "valid" (none) or "same" (output as long as the input; stride 1 only; an odd total
    /// padding puts the extra element at the end, padded explicitly as PyTorch does). PyTorch: F.conv1d(..., padding='same').
    /// </summary>
    public static Tensor Conv1d(Tensor x, Tensor weight, Tensor? bias, string padding, int stride = 1, int dilation = 1, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var (symmetric, extra) = ConvOps.PaddingFromString(padding, (1, stride), (1, dilation), (1, weight.Dim >= 3 ? weight.Shape[2] : 1), module: false);
        if (extra.W != 0) x = Pad(x, [0, extra.W]);
        return Conv1d(x, weight, bias, stride, symmetric.W, dilation, groups);
    }
}
