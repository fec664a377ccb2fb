namespace Sharpgrad.NN;

/// <summary>Transposed 1-D convolution (a learned upsampling) over [N, C, L] or unbatched [C, L] input. PyTorch: torch.nn.ConvTranspose1d.</summary>
public class ConvTranspose1d : Module
{
    /// <summary>A transposed convolution; PyTorch's default init: uniform in ±1/√((outChannels/groups)·k).</summary>
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1,
        bool bias = true, int dilation = 1, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: false)
    {
    }

    /// <summary>The layer; a lazy one has placeholder parameters.</summary>
    private protected ConvTranspose1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding, int groups,
        bool bias, int dilation, DType dtype, bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        OutputPadding = outputPadding;
        Dilation = dilation;
        Groups = groups;
        (Weight, Bias) = RegisterConvParameters([inChannels, outChannels / groups, kernelSize], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel length.</summary>
    public int KernelSize { get; }

    /// <summary>Upsampling step.</summary>
    public int Stride { get; }

    /// <summary>Elements removed from each end of the full output.</summary>
    public int Padding { get; }

    /// <summary>Extra elements added at the end of the output.</summary>
    public int OutputPadding { get; }

    /// <summary>Spacing between kernel taps.</summary>
    public int Dilation { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The [in, out / groups, k] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The transposed convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.ConvTranspose1d(input, Weight, Bias, Stride, Padding, OutputPadding, Groups, Dilation);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize},), stride=({Stride},)" + (Padding != 0 ? $", padding=({Padding},)" : "") +
        (Dilation != 1 ? $", dilation=({Dilation},)" : "") + (OutputPadding != 0 ? $", output_padding=({OutputPadding},)" : "") +
        (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}
