using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Extracts the k×k sliding blocks of [N, C, H, W] (or unbatched [C, H, W]) as columns [N, C·k·k, L] (or
    /// [C·k·k, L]) (Im2ColBackward0). PyTorch: F.unfold.
    /// </summary>
    public static Tensor Unfold(Tensor x, int kernelSize, int dilation = 1, int padding = 0, int stride = 1) =>
        Unfold(x, (kernelSize, kernelSize), (dilation, dilation), (padding, padding), (stride, stride));

    /// <summary>unfold with (height, width) kernel, dilation, padding and stride (Im2ColBackward0). PyTorch: F.unfold.</summary>
    public static Tensor Unfold(Tensor x, (int Height, int Width) kernelSize, (int Height, int Width)? dilation = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? stride = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return FoldOps.Unfold(x, kernelSize, dilation ?? (1, 1), padding ?? (0, 0), stride ?? (1, 1));
    }

    /// <summary>
    /// The adjoint of <see cref="Unfold(Tensor, int, int, int, int)"/>: sums columns [N, C·k·k, L] (or [C·k·k, L]) back
    /// into [N, C, outputSize, outputSize] (or [C, ...]), overlapping blocks added (Col2ImBackward0). PyTorch: F.fold.
    /// </summary>
    public static Tensor Fold(Tensor x, int outputSize, int kernelSize, int dilation = 1, int padding = 0, int stride = 1) =>
        Fold(x, (outputSize, outputSize), (kernelSize, kernelSize), (dilation, dilation), (padding, padding), (stride, stride));

    /// <summary>fold with (height, width) output size, kernel, dilation, padding and stride (Col2ImBackward0). PyTorch: F.fold.</summary>
    public static Tensor Fold(Tensor x, (int Height, int Width) outputSize, (int Height, int Width) kernelSize, (int Height, int Width)? dilation = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? stride = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return FoldOps.Fold(x, outputSize, kernelSize, dilation ?? (1, 1), padding ?? (0, 0), stride ?? (1, 1));
    }
}
