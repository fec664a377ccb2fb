using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// 3-D convolution over [N, C, D, H, W] (or unbatched [C, D, H, W]) with weight [out, in / groups, kd, kh, kw] and
    /// the same stride, padding and dilation on every axis (ConvolutionBackward0). PyTorch: F.conv3d.
    /// </summary>
    public static Tensor Conv3d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1) =>
        Conv3d(x, weight, bias, Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), Pool3dRepr.Cube(dilation), groups);

    /// <summary>
    /// 3-D convolution with a (depth, height, width) stride, padding and dilation (default 1) and channel groups
    /// (ConvolutionBackward0). PyTorch: F.conv3d.
    /// </summary>
    public static Tensor Conv3d(Tensor x, Tensor weight, Tensor? bias, (int Depth, int Height, int Width) stride, (int Depth, int Height, int Width) padding,
        (int Depth, int Height, int Width)? dilation = null, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        return Conv3dOps.Conv3d(x, weight, bias, stride, padding, dilation ?? (1, 1, 1), groups);
    }

    /// <summary>
    /// 3-D convolution with padding "valid" (none) or "same" (output as large as the input; stride 1 only; an odd total
    /// padding puts the extra element at the end of its axis, padded explicitly as PyTorch does). PyTorch: F.conv3d(..., padding='same').
    /// </summary>
    public static Tensor Conv3d(Tensor x, Tensor weight, Tensor? bias, string padding, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? dilation = null, int groups = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        Conv3dOps.CheckRank(x, "conv3d");
        // Batched first, as PyTorch's batchify: the extra padding then sits between the unsqueeze and the conv.
        if (x.Dim == 4) return Conv3d(x.Unsqueeze(0), weight, bias, padding, stride, dilation, groups).Squeeze(0);
        var s = stride ?? (1, 1, 1);
        var d = dilation ?? (1, 1, 1);
        var kernel = weight.Dim == 5 ? (weight.Shape[2], weight.Shape[3], weight.Shape[4]) : (1, 1, 1);
        var (symmetric, extra) = Conv3dOps.PaddingFromString(padding, s, d, kernel, module: false);
        if (extra != (0, 0, 0)) x = Pad(x, [0, extra.W, 0, extra.H, 0, extra.D]);
        return Conv3d(x, weight, bias, s, symmetric, d, groups);
    }

    /// <summary>
    /// Transposed 3-D convolution (the gradient of conv3d with respect to its input) over [N, C_in, D, H, W] (or
    /// unbatched [C_in, D, H, W]) with weight [in, out / groups, kd, kh, kw] and the same stride, padding, output
    /// padding and dilation on every axis (ConvolutionBackward0). PyTorch: F.conv_transpose3d.
    /// </summary>
    public static Tensor ConvTranspose3d(Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int outputPadding = 0,
        int groups = 1, int dilation = 1) =>
        ConvTranspose3d(x, weight, bias, Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), Pool3dRepr.Cube(outputPadding), groups, Pool3dRepr.Cube(dilation));

    /// <summary>
    /// Transposed 3-D convolution with a (depth, height, width) stride, padding, output padding (extra elements at the
    /// end of each axis, picking among the sizes a strided conv maps to the same input) and dilation
    /// (ConvolutionBackward0). PyTorch: F.conv_transpose3d.
    /// </summary>
    public static Tensor ConvTranspose3d(Tensor x, Tensor weight, Tensor? bias, (int Depth, int Height, int Width) stride,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? outputPadding = null, int groups = 1,
        (int Depth, int Height, int Width)? dilation = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        return ConvTranspose3dOps.ConvTranspose3d(x, weight, bias, stride, padding ?? (0, 0, 0), outputPadding ?? (0, 0, 0), dilation ?? (1, 1, 1), groups);
    }
}
