using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// 2-D convolution over [N, C, H, W], computed as im2col + GEMM per channel group. PyTorch: torch.nn.Conv2d.
/// </summary>
public class Conv2d : Module
{
    /// <summary>A convolution with a square kernel; PyTorch's default init: uniform in ±1/√(inChannels/groups·k²).</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, DType dtype = DType.Float32,
        int dilation = 1, int groups = 1)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation), groups, bias, dtype)
    {
    }

    /// <summary>
    /// A convolution with padding "same" (output as large as the input; stride 1 only) or "valid" (none).
    /// </summary>
    public Conv2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, string padding, (int Height, int Width)? stride = null,
        (int Height, int Width)? dilation = null, int groups = 1, bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, (0, 0), padding, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>A square-kernel convolution with padding "same" or "valid".</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, string padding, int stride = 1, int dilation = 1, int groups = 1,
        bool bias = true, DType dtype = DType.Float32)
        : this(inChannels, outChannels, (kernelSize, kernelSize), padding, (stride, stride), (dilation, dilation), groups, bias, dtype)
    {
    }

    /// <summary>A convolution with (height, width) kernel, stride, padding and dilation, and channel groups.</summary>
    public Conv2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? dilation = null, int groups = 1, bool bias = true,
        DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, dtype, lazy: false)
    {
    }

    /// <summary>The layer, with tuple or string (<paramref name="paddingMode"/>) padding; a lazy one has placeholder parameters.</summary>
    private protected Conv2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride,
        (int Height, int Width)? padding, string? paddingMode, (int Height, int Width)? dilation, int groups, bool bias, DType dtype, bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        var s = stride ?? (1, 1);
        var p = padding ?? (0, 0);
        var d = dilation ?? (1, 1);
        if (kernelSize.Height <= 0 || kernelSize.Width <= 0) throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "kernel size must be positive");
        if (s.Height <= 0 || s.Width <= 0) throw new ArgumentOutOfRangeException(nameof(stride), s, "stride must be positive");
        if (p.Height < 0 || p.Width < 0) throw new ArgumentOutOfRangeException(nameof(padding), p, "padding must be non-negative");
        if (d.Height <= 0 || d.Width <= 0) throw new ArgumentOutOfRangeException(nameof(dilation), d, "dilation must be positive");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelShape = kernelSize;
        StrideShape = s;
        PaddingShape = p;
        Dilation = d;
        Groups = groups;
        if (paddingMode is not null)
        {
            // Resolved once here: the symmetric part is the conv's padding, an odd remainder is padded explicitly.
            (PaddingShape, _extraPadding) = ConvOps.PaddingFromString(paddingMode, StrideShape, Dilation, kernelSize, module: true);
            PaddingMode = paddingMode;
        }
        (Weight, Bias) = RegisterConvParameters([outChannels, inChannels / groups, kernelSize.Height, kernelSize.Width], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height (the kernel is square unless built with a (height, width) size; see <see cref="KernelShape"/>).</summary>
    public int KernelSize => KernelShape.Height;

    /// <summary>Vertical step between windows (see <see cref="StrideShape"/>).</summary>
    public int Stride => StrideShape.Height;

    /// <summary>Zero padding above and below (see <see cref="PaddingShape"/>).</summary>
    public int Padding => PaddingShape.Height;

    /// <summary>Kernel (height, width).</summary>
    public (int Height, int Width) KernelShape { get; }

    /// <summary>Step between windows, (vertical, horizontal).</summary>
    public (int Height, int Width) StrideShape { get; }

    /// <summary>Zero padding on each side, (vertical, horizontal).</summary>
    public (int Height, int Width) PaddingShape { get; }

    /// <summary>Spacing between kernel taps, (vertical, horizontal).</summary>
    public (int Height, int Width) Dilation { get; }

    /// <summary>Channel groups: each output channel sees InChannels / Groups input channels.</summary>
    public int Groups { get; }

    /// <summary>"same" or "valid" when built with a padding string (then <see cref="PaddingShape"/> is its symmetric part), else null.</summary>
    public string? PaddingMode { get; }

    // "same" with an even effective kernel: the extra row/column padded at the end before the conv.
    private readonly (int H, int W) _extraPadding;

    /// <summary>The [out, in / groups, kh, kw] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input)
    {
        if (_extraPadding != (0, 0)) input = Functional.Pad(input, [0, _extraPadding.W, 0, _extraPadding.H]);
        return ConvOps.Conv2d(input, Weight, Bias, StrideShape, PaddingShape, Dilation, Groups);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelShape.Height}, {KernelShape.Width}), stride=({StrideShape.Height}, {StrideShape.Width})" +
        (PaddingMode is not null ? $", padding={PaddingMode}" : PaddingShape != (0, 0) ? $", padding=({PaddingShape.Height}, {PaddingShape.Width})" : "") +
        (Dilation != (1, 1) ? $", dilation=({Dilation.Height}, {Dilation.Width})" : "") +
        (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}

/// <summary>Transposed 2-D convolution (a learned upsampling). PyTorch: torch.nn.ConvTranspose2d.</summary>
public class ConvTranspose2d : Module
{
    /// <summary>A transposed convolution with a square kernel.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int outputPadding = 0, int groups = 1,
        bool bias = true, int dilation = 1, DType dtype = DType.Float32)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (outputPadding, outputPadding), groups, bias,
            (dilation, dilation), dtype)
    {
    }

    /// <summary>A transposed convolution with (height, width) sizes; PyTorch's init: uniform in ±1/√((out/groups)·kh·kw).</summary>
    public ConvTranspose2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width)? padding = null, (int Height, int Width)? outputPadding = null, int groups = 1, bool bias = true,
        (int Height, int Width)? dilation = null, DType dtype = DType.Float32)
        : this(inChannels, outChannels, kernelSize, stride, padding, outputPadding, groups, bias, dilation, dtype, lazy: false)
    {
    }

    /// <summary>The layer; a lazy one has placeholder parameters.</summary>
    private protected ConvTranspose2d(int inChannels, int outChannels, (int Height, int Width) kernelSize, (int Height, int Width)? stride,
        (int Height, int Width)? padding, (int Height, int Width)? outputPadding, int groups, bool bias, (int Height, int Width)? dilation, DType dtype,
        bool lazy)
    {
        ConvParameters.CheckChannels(inChannels, outChannels, groups, lazy);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelShape = kernelSize;
        StrideShape = stride ?? (1, 1);
        PaddingShape = padding ?? (0, 0);
        OutputPadding = outputPadding ?? (0, 0);
        Dilation = dilation ?? (1, 1);
        Groups = groups;
        (Weight, Bias) = RegisterConvParameters([inChannels, outChannels / groups, kernelSize.Height, kernelSize.Width], outChannels, bias, dtype, lazy);
    }

    /// <summary>Input channels (a lazy convolution's are 0 until its first input).</summary>
    public int InChannels { get; internal set; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel (height, width).</summary>
    public (int Height, int Width) KernelShape { get; }

    /// <summary>Upsampling step, (vertical, horizontal).</summary>
    public (int Height, int Width) StrideShape { get; }

    /// <summary>Rows/columns removed from each side of the full output.</summary>
    public (int Height, int Width) PaddingShape { get; }

    /// <summary>Extra rows/columns added at the end of the output.</summary>
    public (int Height, int Width) OutputPadding { get; }

    /// <summary>Spacing between kernel taps.</summary>
    public (int Height, int Width) Dilation { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The [in, out / groups, kh, kw] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The transposed convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input) =>
        ConvOps.ConvTranspose2d(input, Weight, Bias, StrideShape, PaddingShape, OutputPadding, Dilation, Groups);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelShape.Height}, {KernelShape.Width}), stride=({StrideShape.Height}, {StrideShape.Width})" +
        (PaddingShape != (0, 0) ? $", padding=({PaddingShape.Height}, {PaddingShape.Width})" : "") +
        (Dilation != (1, 1) ? $", dilation=({Dilation.Height}, {Dilation.Width})" : "") +
        (OutputPadding != (0, 0) ? $", output_padding=({OutputPadding.Height}, {OutputPadding.Width})" : "") +
        (Groups != 1 ? $", groups={Groups}" : "") + (Bias is null ? ", bias=False" : "");
}

/// <summary>Max over windows of each plane. PyTorch: torch.nn.MaxPool2d.</summary>
public sealed class MaxPool2d : Module
{
    private readonly bool _square;

    /// <summary>A k×k max pool; the stride defaults to the kernel size.</summary>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false)
        : this((kernelSize, kernelSize), stride is { } s ? (s, s) : null, (padding, padding), (dilation, dilation), ceilMode) => _square = true;

    /// <summary>A max pool with a (height, width) kernel, stride (default: the kernel), padding and dilation.</summary>
    public MaxPool2d((int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        (int Height, int Width)? dilation = null, bool ceilMode = false)
    {
        KernelShape = kernelSize;
        StrideShape = stride ?? kernelSize;
        PaddingShape = padding ?? (0, 0);
        Dilation = dilation ?? (1, 1);
        CeilMode = ceilMode;
    }

    /// <summary>Window height (see <see cref="KernelShape"/>).</summary>
    public int KernelSize => KernelShape.Height;

    /// <summary>Vertical step between windows (see <see cref="StrideShape"/>).</summary>
    public int Stride => StrideShape.Height;

    /// <summary>Implicit -inf padding above and below (see <see cref="PaddingShape"/>).</summary>
    public int Padding => PaddingShape.Height;

    /// <summary>Window (height, width).</summary>
    public (int Height, int Width) KernelShape { get; }

    /// <summary>Step between windows.</summary>
    public (int Height, int Width) StrideShape { get; }

    /// <summary>Implicit -inf padding on each side.</summary>
    public (int Height, int Width) PaddingShape { get; }

    /// <summary>Spacing between window taps.</summary>
    public (int Height, int Width) Dilation { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>The pooled planes (MaxPool2DWithIndicesBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.MaxPool2d(input, KernelShape, StrideShape, PaddingShape, Dilation, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr
    {
        get
        {
            static string Pair((int H, int W) p, bool square) => square ? p.H.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({p.H}, {p.W})";
            static string One((int H, int W) p) => p.H == p.W ? p.H.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({p.H}, {p.W})";
            return $"kernel_size={Pair(KernelShape, _square)}, stride={Pair(StrideShape, _square)}, padding={One(PaddingShape)}, dilation={One(Dilation)}, ceil_mode={PyBool(CeilMode)}";
        }
    }
}
