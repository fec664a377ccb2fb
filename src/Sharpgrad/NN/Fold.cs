using System.Globalization;

namespace Sharpgrad.NN;

/// <summary>A window argument as PyTorch prints it: an int as given, a pair as "(h, w)".</summary>
internal readonly record struct WindowArg((int Height, int Width) Pair, bool IsInt)
{
    public static WindowArg Of(int v) => new((v, v), true);

    public static WindowArg Of((int Height, int Width)? pair, int fallback) => pair is { } p ? new(p, false) : Of(fallback);

    public override string ToString() =>
        IsInt ? Pair.Height.ToString(CultureInfo.InvariantCulture) : $"({Pair.Height}, {Pair.Width})";
}

/// <summary>Extracts sliding blocks of [N, C, H, W] or [C, H, W] input as columns. PyTorch: torch.nn.Unfold.</summary>
public sealed class Unfold : Module
{
    private readonly WindowArg _kernel, _dilation, _padding, _stride;

    /// <summary>Square k×k blocks.</summary>
    public Unfold(int kernelSize, int dilation = 1, int padding = 0, int stride = 1)
    {
        (_kernel, _dilation, _padding, _stride) = (WindowArg.Of(kernelSize), WindowArg.Of(dilation), WindowArg.Of(padding), WindowArg.Of(stride));
    }

    /// <summary>(height, width) blocks; an omitted dilation, padding or stride is PyTorch's int default.</summary>
    public Unfold((int Height, int Width) kernelSize, (int Height, int Width)? dilation = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? stride = null)
    {
        (_kernel, _dilation, _padding, _stride) = (WindowArg.Of(kernelSize, 0), WindowArg.Of(dilation, 1), WindowArg.Of(padding, 0), WindowArg.Of(stride, 1));
    }

    /// <summary>Block (height, width).</summary>
    public (int Height, int Width) KernelSize => _kernel.Pair;

    /// <summary>Spacing between block elements.</summary>
    public (int Height, int Width) Dilation => _dilation.Pair;

    /// <summary>Implicit zero padding on each side.</summary>
    public (int Height, int Width) Padding => _padding.Pair;

    /// <summary>Step between blocks.</summary>
    public (int Height, int Width) Stride => _stride.Pair;

    /// <summary>The columns (Im2ColBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.Unfold(input, KernelSize, Dilation, Padding, Stride);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"kernel_size={_kernel}, dilation={_dilation}, padding={_padding}, stride={_stride}";
}

/// <summary>Sums columns of sliding blocks back into [N, C, H, W] or [C, H, W] (the adjoint of Unfold). PyTorch: torch.nn.Fold.</summary>
public sealed class Fold : Module
{
    private readonly WindowArg _outputSize, _kernel, _dilation, _padding, _stride;

    /// <summary>A square output of k×k blocks.</summary>
    public Fold(int outputSize, int kernelSize, int dilation = 1, int padding = 0, int stride = 1)
    {
        (_outputSize, _kernel) = (WindowArg.Of(outputSize), WindowArg.Of(kernelSize));
        (_dilation, _padding, _stride) = (WindowArg.Of(dilation), WindowArg.Of(padding), WindowArg.Of(stride));
    }

    /// <summary>A (height, width) output of (height, width) blocks; an omitted dilation, padding or stride is PyTorch's int default.</summary>
    public Fold((int Height, int Width) outputSize, (int Height, int Width) kernelSize, (int Height, int Width)? dilation = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? stride = null)
    {
        (_outputSize, _kernel) = (WindowArg.Of(outputSize, 0), WindowArg.Of(kernelSize, 0));
        (_dilation, _padding, _stride) = (WindowArg.Of(dilation, 1), WindowArg.Of(padding, 0), WindowArg.Of(stride, 1));
    }

    /// <summary>Output (height, width).</summary>
    public (int Height, int Width) OutputSize => _outputSize.Pair;

    /// <summary>Block (height, width).</summary>
    public (int Height, int Width) KernelSize => _kernel.Pair;

    /// <summary>Spacing between block elements.</summary>
    public (int Height, int Width) Dilation => _dilation.Pair;

    /// <summary>Implicit zero padding on each side (cropped from the sum).</summary>
    public (int Height, int Width) Padding => _padding.Pair;

    /// <summary>Step between blocks.</summary>
    public (int Height, int Width) Stride => _stride.Pair;

    /// <summary>The summed image (Col2ImBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.Fold(input, OutputSize, KernelSize, Dilation, Padding, Stride);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"output_size={_outputSize}, kernel_size={_kernel}, dilation={_dilation}, padding={_padding}, stride={_stride}";
}
