namespace Sharpgrad.NN;

/// <summary>Maximum over windows of the last dim of [N, C, L] or [C, L] input. PyTorch: torch.nn.MaxPool1d.</summary>
public sealed class MaxPool1d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false) : Module
{
    /// <summary>Window length.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Step between windows (defaults to the kernel size).</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>Implicit -inf padding on each side.</summary>
    public int Padding { get; } = padding;

    /// <summary>Spacing between window elements.</summary>
    public int Dilation { get; } = dilation;

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; } = ceilMode;

    /// <summary>The pooled sequences (SqueezeBackward1 over MaxPool2DWithIndicesBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.MaxPool1d(input, KernelSize, Stride, Padding, Dilation, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"kernel_size={KernelSize}, stride={Stride}, padding={Padding}, dilation={Dilation}, ceil_mode={PyBool(CeilMode)}";
}

/// <summary>Average over windows of the last dim of [N, C, L] or [C, L] input. PyTorch: torch.nn.AvgPool1d.</summary>
public sealed class AvgPool1d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true) : Module
{
    /// <summary>Window length.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Step between windows (defaults to the kernel size).</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>Implicit zero padding on each side.</summary>
    public int Padding { get; } = padding;

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; } = ceilMode;

    /// <summary>Count padding in the divisor.</summary>
    public bool CountIncludePad { get; } = countIncludePad;

    /// <summary>The pooled sequences (SqueezeBackward1 over AvgPool2DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.AvgPool1d(input, KernelSize, Stride, Padding, CeilMode, CountIncludePad);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"kernel_size=({KernelSize},), stride=({Stride},), padding=({Padding},)";
}

/// <summary>Averages the last dim down to a fixed number of bins, whatever the input length. PyTorch: torch.nn.AdaptiveAvgPool1d.</summary>
public sealed class AdaptiveAvgPool1d(int outputSize) : Module
{
    /// <summary>Bins per sequence.</summary>
    public int OutputSize { get; } = outputSize;

    /// <summary>The pooled sequences (SqueezeBackward1 over AdaptiveAvgPool2DBackward0, or MeanBackward1 for one bin).</summary>
    public override Tensor Forward(Tensor input) => Functional.AdaptiveAvgPool1d(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"output_size={OutputSize}";
}

/// <summary>The maximum of each of a fixed number of bins of the last dim, whatever the input length. PyTorch: torch.nn.AdaptiveMaxPool1d.</summary>
public sealed class AdaptiveMaxPool1d(int outputSize) : Module
{
    /// <summary>Bins per sequence.</summary>
    public int OutputSize { get; } = outputSize;

    /// <summary>The pooled sequences (SqueezeBackward1 over AdaptiveMaxPool2DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.AdaptiveMaxPool1d(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"output_size={OutputSize}";
}
