using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// 3-D convolution over [N, C, D, H, W] or unbatched [C, D, H, W], computed as vol2col + GEMM per channel group.
/// PyTorch: torch.nn.Conv3d.
/// </summary>
public class Conv3d : Module
{
    /// <summary>A convolution with a cubic kernel; PyTorch's default init: uniform in ±1/√(inChannels/groups·k³).</summary>
    public Conv3d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1, int groups = 1,
        bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, Pool3dRepr.Cube(kernelSize), Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), Pool3dRepr.Cube(dilation),
            groups, bias, dtype)
    {
    }

    /// <summary>A convolution with (depth, height, width) kernel, stride, padding and dilation, and channel groups.</summary>
    public Conv3d(int inChannels, int outChannels, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>A cubic-kernel convolution with padding "same" (output as large as the input; stride 1 only) or "valid" (none).</summary>
    public Conv3d(int inChannels, int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1,
        bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, Pool3dRepr.Cube(kernelSize), padding, Pool3dRepr.Cube(stride), Pool3dRepr.Cube(dilation), groups, bias, dtype)
    {
    }

    /// <summary>A convolution with padding "same" or "valid" and (depth, height, width) kernel, stride and dilation.</summary>
    public Conv3d(int inChannels, int outChannels, (int Depth, int Height, int Width) kernelSize, string padding,
        (int Depth, int Height, int Width)? stride = null, (int Depth, int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, (0, 0, 0), padding, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>The layer, with tuple or string (<paramref name="paddingMode"/>) padding; a lazy one has placeholder parameters.</summary>
    private protected Conv3d(int inChannels, int outChannels, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride,
        (int Depth, int Height, int Width)? padding, string? paddingMode, (int Depth, int Height, int Width)? dilation, int groups, bool bias,
        DType dtype, bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride ?? (1, 1, 1);
        Padding = padding ?? (0, 0, 0);
        Dilation = dilation ?? (1, 1, 1);
        ConvParameters.CheckWindow(kernelSize, Stride, Padding, Dilation);
        Groups = groups;
        if (paddingMode is not null)
        {
            // Checked here with the module's messages; the forward passes the string on, as PyTorch does.
            Padding = Conv3dOps.PaddingFromString(paddingMode, Stride, Dilation, kernelSize, module: true).Symmetric;
            PaddingMode = paddingMode;
        }
        (Weight, Bias) = RegisterConvParameters([outChannels, inChannels / groups, kernelSize.Depth, kernelSize.Height, kernelSize.Width], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>Step between windows per axis.</summary>
    public (int Depth, int Height, int Width) Stride { get; }

    /// <summary>Zero padding on each side per axis (with a padding string, its symmetric part).</summary>
    public (int Depth, int Height, int Width) Padding { get; }

    /// <summary>Spacing between kernel taps per axis.</summary>
    public (int Depth, int Height, int Width) Dilation { get; }

    /// <summary>Channel groups: each output channel sees InChannels / Groups input channels.</summary>
    public int Groups { get; }

    /// <summary>"same" or "valid" when built with a padding string (then <see cref="Padding"/> is its symmetric part), else null.</summary>
    public string? PaddingMode { get; }

    /// <summary>The [out, in / groups, kd, kh, kw] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input) =>
        PaddingMode is not null
            ? Functional.Conv3d(input, Weight, Bias, PaddingMode, Stride, Dilation, Groups)
            : Functional.Conv3d(input, Weight, Bias, Stride, Padding, Dilation, Groups);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size={Pool3dRepr.Of(KernelSize)}, stride={Pool3dRepr.Of(Stride)}" +
        (PaddingMode is not null ? $", padding={PaddingMode}" : Padding != (0, 0, 0) ? $", padding={Pool3dRepr.Of(Padding)}" : "") +
        (Dilation != (1, 1, 1) ? $", dilation={Pool3dRepr.Of(Dilation)}" : "") +
        (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}

/// <summary>Transposed 3-D convolution (a learned upsampling) over [N, C, D, H, W] or unbatched [C, D, H, W]. PyTorch: torch.nn.ConvTranspose3d.</summary>
public class ConvTranspose3d : Module
{
    /// <summary>A transposed convolution with a cubic kernel; PyTorch's default init: uniform in ±1/√((outChannels/groups)·k³).</summary>
    public ConvTranspose3d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1,
        bool bias = true, int dilation = 1, DType dtype = DType.Float32)
        : this(inChannels, outChannels, Pool3dRepr.Cube(kernelSize), Pool3dRepr.Cube(stride), Pool3dRepr.Cube(padding), Pool3dRepr.Cube(outputPadding),
            groups, bias, Pool3dRepr.Cube(dilation), dtype)
    {
    }

    /// <summary>A transposed convolution with (depth, height, width) kernel, stride, padding, output padding and dilation.</summary>
    public ConvTranspose3d(int inChannels, int outChannels, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? outputPadding = null, int groups = 1, bool bias = true,
        (int Depth, int Height, int Width)? dilation = null, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: false)
    {
    }

    /// <summary>The layer; a lazy one has placeholder parameters.</summary>
    private protected ConvTranspose3d(int inChannels, int outChannels, (int Depth, int Height, int Width) kernelSize,
        (int Depth, int Height, int Width)? stride, (int Depth, int Height, int Width)? padding, (int Depth, int Height, int Width)? outputPadding,
        int groups, bool bias, (int Depth, int Height, int Width)? dilation, DType dtype, bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride ?? (1, 1, 1);
        Padding = padding ?? (0, 0, 0);
        OutputPadding = outputPadding ?? (0, 0, 0);
        Dilation = dilation ?? (1, 1, 1);
        ConvParameters.CheckWindow(kernelSize, Stride, Padding, Dilation);
        if (OutputPadding.Depth < 0 || OutputPadding.Height < 0 || OutputPadding.Width < 0)
            throw new ArgumentOutOfRangeException(nameof(outputPadding), OutputPadding, "output padding must be non-negative");
        Groups = groups;
        (Weight, Bias) = RegisterConvParameters([inChannels, outChannels / groups, kernelSize.Depth, kernelSize.Height, kernelSize.Width], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>Upsampling step per axis.</summary>
    public (int Depth, int Height, int Width) Stride { get; }

    /// <summary>Elements removed from each end of the full output per axis.</summary>
    public (int Depth, int Height, int Width) Padding { get; }

    /// <summary>Extra elements added at the end of the output per axis.</summary>
    public (int Depth, int Height, int Width) OutputPadding { get; }

    /// <summary>Spacing between kernel taps per axis.</summary>
    public (int Depth, int Height, int Width) Dilation { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The [in, out / groups, kd, kh, kw] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The transposed convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input) =>
        Functional.ConvTranspose3d(input, Weight, Bias, Stride, Padding, OutputPadding, Groups, Dilation);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size={Pool3dRepr.Of(KernelSize)}, stride={Pool3dRepr.Of(Stride)}" +
        (Padding != (0, 0, 0) ? $", padding={Pool3dRepr.Of(Padding)}" : "") +
        (Dilation != (1, 1, 1) ? $", dilation={Pool3dRepr.Of(Dilation)}" : "") +
        (OutputPadding != (0, 0, 0) ? $", output_padding={Pool3dRepr.Of(OutputPadding)}" : "") +
        (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}
