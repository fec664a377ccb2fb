using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>1-D convolution over [N, C, L] or unbatched [C, L] input (conv2d's kernels over a height of 1). PyTorch: torch.nn.Conv1d.</summary>
public class Conv1d : Module
{
    /// <summary>A convolution with integer padding; PyTorch's default init: uniform in ±1/√(inChannels/groups·k).</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1, int groups = 1,
        bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>A convolution with padding "same" (output as long as the input; stride 1 only) or "valid" (none).</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1,
        bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, 0, padding, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>The layer, with integer or string (<paramref name="paddingMode"/>) padding; a lazy one has placeholder parameters.</summary>
    private protected Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, string? paddingMode, int dilation, int groups,
        bool bias, DType dtype, bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilation);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        if (paddingMode is not null)
        {
            // Resolved once here: the symmetric part is the conv's padding, an odd remainder is padded explicitly.
            var (symmetric, extra) = ConvOps.PaddingFromString(paddingMode, (1, stride), (1, dilation), (1, kernelSize), module: true);
            Padding = symmetric.W;
            _extraPadding = extra.W;
            PaddingMode = paddingMode;
        }
        (Weight, Bias) = RegisterConvParameters([outChannels, inChannels / groups, kernelSize], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel length.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side (with a padding string, its symmetric part).</summary>
    public int Padding { get; }

    /// <summary>Spacing between kernel taps.</summary>
    public int Dilation { get; }

    /// <summary>Channel groups: each output channel sees InChannels / Groups input channels.</summary>
    public int Groups { get; }

    /// <summary>"same" or "valid" when built with a padding string, else null.</summary>
    public string? PaddingMode { get; }

    // "same" with an even effective kernel: the extra element padded at the end before the conv.
    private readonly int _extraPadding;

    /// <summary>The [out, in / groups, k] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input)
    {
        if (_extraPadding != 0) input = Functional.Pad(input, [0, _extraPadding]);
        return Functional.Conv1d(input, Weight, Bias, Stride, Padding, Dilation, Groups);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize},), stride=({Stride},)" +
        (PaddingMode is not null ? $", padding={PaddingMode}" : Padding != 0 ? $", padding=({Padding},)" : "") +
        (Dilation != 1 ? $", dilation=({Dilation},)" : "") + (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}
