using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>2-D convolution as im2col + one GEMM, and 2-D max pooling.</summary>
internal static class ConvOps
{
    /// <summary>The stride, padding, dilation and groups checks shared by conv2d and conv_transpose2d.</summary>
    private static void CheckWindow((int H, int W) stride, (int H, int W) padding, (int H, int W) dilation, int groups)
    {
        if (stride.H < 1 || stride.W < 1) throw new ArgumentException("non-positive stride is not supported");
        if (padding.H < 0 || padding.W < 0) throw new ArgumentException("negative padding is not supported");
        if (dilation.H < 1 || dilation.W < 1) throw new ArgumentException("dilation should be greater than zero");
        if (groups < 1) throw new ArgumentException("non-positive groups is not supported");
    }

    /// <summary>
    /// conv2d with per-axis stride, padding and dilation and channel groups, as im2col + one GEMM per group (integer
    /// dtypes too, wrapping, as PyTorch's slow path computes them). ConvolutionBackward0.
    /// </summary>
    public static Tensor Conv2d(Tensor x, Tensor w, Tensor? b, (int H, int W) stride, (int H, int W) padding, (int H, int W) dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (x.Dim != 4) throw new ArgumentException($"Expected 4D (batched) input to conv2d, but got input of size: {Errors.Shape(x.Sizes)}");
        if (w.Dim != 4) throw new ArgumentException($"weight should have at least three dimensions, got weight of size {Errors.Shape(w.Sizes)}");
        CheckWindow(stride, padding, dilation, groups);
        // integer inputs take PyTorch's slow (non-MKLDNN) path, with its own dtype message; bool is refused
        if (!x.DType.IsFloatingPoint() && !x.DType.IsIntegral()) throw Errors.UnsupportedDType("slow_conv2d_cpu", x.DType);
        if (x.DType.IsIntegral() && (w.DType != x.DType || (b is not null && b.DType != x.DType)))
            throw new ArgumentException($"expected scalar type {Errors.Pretty(x.DType)} but found {Errors.Pretty(w.DType != x.DType ? w.DType : b!.DType)}");
        if (w.DType != x.DType || (b is not null && b.DType != x.DType))
            throw new ArgumentException($"Input type ({x.DType.LegacyTensorTypeName()}) and weight type ({w.DType.LegacyTensorTypeName()}) should be the same");
        int n = x.Sizes[0], c = x.Sizes[1], h = x.Sizes[2], wd = x.Sizes[3];
        int cout = w.Sizes[0], kh = w.Sizes[2], kw = w.Sizes[3];
        if (cout % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Errors.Shape(w.Sizes)}] instead");
        if (w.Sizes[1] * groups != c)
            throw new ArgumentException($"Given groups={groups}, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[1] * groups} channels, but got {c} channels instead");
        int ekh = dilation.H * (kh - 1) + 1, ekw = dilation.W * (kw - 1) + 1;
        if (h + 2 * padding.H < ekh || wd + 2 * padding.W < ekw)
            throw new ArgumentException($"Calculated padded input size per channel: ({h + 2 * padding.H} x {wd + 2 * padding.W}). Kernel size: ({ekh} x {ekw}). Kernel size can't be greater than actual input size");
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != cout))
            throw new ArgumentException($"Given weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        // One group's geometry: its C is the group's input channels.
        var g = new ConvGeometry(n, c / groups, h, wd, kh, kw, stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W,
            (h + 2 * padding.H - ekh) / stride.H + 1, (wd + 2 * padding.W - ekw) / stride.W + 1);

        return ConvGemm.Recorded(x, w, b, () => new ConvolutionBackward0(g, w.Sizes, groups),
            () => ConvGemm.Convolution(x, w, b, groups, g.C, xg => Im2Col(xg, g), [n, cout, g.OutH, g.OutW]));
    }

    /// <summary>
    /// conv_transpose2d: the adjoint of conv2d's im2col (each input pixel scatters a weighted kernel into the output),
    /// per group; weight is [in, out / groups, kh, kw]. ConvolutionBackward0.
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor x, Tensor w, Tensor? b, (int H, int W) stride, (int H, int W) padding, (int H, int W) outputPadding,
        (int H, int W) dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (x.Dim != 4) throw new ArgumentException($"Expected 4D (batched) input to conv_transpose2d, but got input of size: {Errors.Shape(x.Sizes)}");
        if (w.Dim != 4) throw new ArgumentException($"weight should have at least three dimensions, got weight of size {Errors.Shape(w.Sizes)}");
        CheckWindow(stride, padding, dilation, groups);
        if (outputPadding.H < 0 || outputPadding.W < 0 || outputPadding.H >= Math.Max(stride.H, dilation.H) || outputPadding.W >= Math.Max(stride.W, dilation.W))
            throw new ArgumentException($"output padding must be smaller than either stride or dilation, but got output_padding_height: {outputPadding.H} output_padding_width: {outputPadding.W} stride_height: {stride.H} stride_width: {stride.W} dilation_height: {dilation.H} dilation_width: {dilation.W}");
        // of the integer dtypes, PyTorch's transposed kernel takes int64 alone
        if (!x.DType.IsFloatingPoint() && x.DType != DType.Int64) throw Errors.UnsupportedDType("slow_conv_transpose2d_out_cpu", x.DType);
        if (x.DType == DType.Int64 && (w.DType != x.DType || (b is not null && b.DType != x.DType)))
            throw new ArgumentException($"expected scalar type Long but found {Errors.Pretty(w.DType != x.DType ? w.DType : b!.DType)}");
        if (w.DType != x.DType || (b is not null && b.DType != x.DType))
            throw new ArgumentException($"Input type ({x.DType.LegacyTensorTypeName()}) and weight type ({w.DType.LegacyTensorTypeName()}) should be the same");
        int n = x.Sizes[0], cin = x.Sizes[1], h = x.Sizes[2], wd = x.Sizes[3];
        if (w.Sizes[0] != cin)
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[0]} channels, but got {cin} channels instead");
        if (cin % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Errors.Shape(w.Sizes)}] instead");
        int coutG = w.Sizes[1], cout = coutG * groups, kh = w.Sizes[2], kw = w.Sizes[3];
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != cout))
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        int oh = (h - 1) * stride.H - 2 * padding.H + dilation.H * (kh - 1) + outputPadding.H + 1;
        int ow = (wd - 1) * stride.W - 2 * padding.W + dilation.W * (kw - 1) + outputPadding.W + 1;
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"Given input size per channel: ({h} x {wd}). Calculated output size per channel: ({oh} x {ow}). Output size is too small");
        // The conv that maps the output back onto the input: its "input" is our output, its output our input grid.
        var g = new ConvGeometry(n, coutG, oh, ow, kh, kw, stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, h, wd);

        return ConvGemm.Recorded(x, w, b, () => new ConvTransposeBackward(g, w.Sizes, groups),
            () => ConvGemm.Transposed(x, w, b, groups, cols => Col2Im(cols, g)));
    }

    /// <summary>
    /// PyTorch's padding strings: "valid" is none; "same" pads dilation·(k-1) per axis, half on each side and the odd
    /// one at the end (returned as the extra amount to pad explicitly). Only stride 1 supports "same".
    /// </summary>
    internal static ((int H, int W) Symmetric, (int H, int W) Extra) PaddingFromString(string padding, (int H, int W) stride,
        (int H, int W) dilation, (int H, int W) kernel, bool module)
    {
        ArgumentNullException.ThrowIfNull(padding);
        if (padding == "valid") return ((0, 0), (0, 0));
        if (padding != "same")
        {
            string message = module
                ? $"Invalid padding string '{padding}', should be one of {{'valid', 'same'}}"
                : $"Invalid padding string: '{padding}'";
            throw module ? new ArgumentException(message) : new InvalidOperationException(message);
        }
        if (stride != (1, 1))
        {
            const string message = "padding='same' is not supported for strided convolutions";
            throw module ? new ArgumentException(message) : new InvalidOperationException(message);
        }
        int th = dilation.H * (kernel.H - 1), tw = dilation.W * (kernel.W - 1);
        return ((th / 2, tw / 2), (th - th / 2 - th / 2, tw - tw / 2 - tw / 2));
    }

    /// <summary>Unfolds [n, c, h, w] into [c·kh·kw, n·oh·ow] columns. Im2ColBackward0 (its adjoint is col2im).</summary>
    public static Tensor Im2Col(Tensor x, ConvGeometry g)
    {
        var src = OpHelpers.ContiguousRaw(x);
        var cols = Tensor.Empty(x.DType, [g.C * g.KH * g.KW, g.N * g.OutH * g.OutW]);
        Dispatch.Im2Col(src.Strided, g, cols.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(cols, Record.Connect(new Im2ColBackward0(g), x));
        return cols;
    }

    /// <summary>Adds [c·kh·kw, n·oh·ow] columns back into [n, c, h, w]. Col2ImBackward0 (its adjoint is im2col).</summary>
    public static Tensor Col2Im(Tensor cols, ConvGeometry g)
    {
        var src = OpHelpers.ContiguousRaw(cols);
        var x = Tensor.Empty(cols.DType, [g.N, g.C, g.H, g.W], clear: true);
        Dispatch.Col2Im(src.Strided, g, x.Strided);
        if (!ReferenceEquals(src, cols)) src.Dispose();
        if (Record.ShouldRecord(cols)) Record.SetHistory(x, Record.Connect(new Col2ImBackward0(g), cols));
        return x;
    }

    /// <summary>
    /// max_pool2d over the last two dims of a 3-D or 4-D input, with per-axis kernel, stride, padding and dilation and
    /// ceil_mode; also returns the flat in-plane indices of the maxima. MaxPool2DWithIndicesBackward0.
    /// </summary>
    public static (Tensor Values, Tensor Indices) MaxPool2d(Tensor x, (int H, int W) kernel, (int H, int W) stride, (int H, int W) padding,
        (int H, int W) dilation, bool ceilMode)
    {
        PoolOps.CheckInput(x, "max_pool2d", integers: true);
        if (kernel.H < 1 || kernel.W < 1) throw new ArgumentException("max_pool2d: kernel_size must be greater than zero");
        if (stride.H < 1 || stride.W < 1) throw new ArgumentException("max_pool2d: stride must be greater than zero");
        int h = x.Sizes[^2], w = x.Sizes[^1], c = x.Sizes[^3];
        int oh = PoolOutput(h, kernel.H, padding.H, stride.H, dilation.H, ceilMode);
        int ow = PoolOutput(w, kernel.W, padding.W, stride.W, dilation.W, ceilMode);
        if (dilation.H < 1 || dilation.W < 1)
            throw new ArgumentException($"dilation should be greater than zero, but got dilationH: {dilation.H} dilationW: {dilation.W}");
        if (kernel.W / 2 < padding.W || kernel.H / 2 < padding.H)
            throw new ArgumentException($"pad should be smaller than or equal to half of kernel size, but got padW = {padding.W}, padH = {padding.H}, kW = {kernel.W}, kH = {kernel.H}");
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"Given input size: ({c}x{h}x{w}). Calculated output size: ({c}x{Math.Max(oh, 0)}x{Math.Max(ow, 0)}). Output size is too small");
        int planes = h * w == 0 ? 0 : x.Numel / (h * w);
        var g = new ConvGeometry(1, 1, h, w, kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, oh, ow);
        var shape = (int[])x.Sizes.Clone();
        shape[^2] = oh;
        shape[^1] = ow;
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, shape);
        var indices = Tensor.Empty(DType.Int64, shape);
        Dispatch.MaxPool2d(src.Strided, planes, g, y.Strided, indices.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
        MaxPoolAdjointOps.RecordForward(x, y, indices, new("MaxPool2DWithIndices", planes, h * w, oh * ow, (int[])x.Sizes.Clone(), shape));
        return (y, indices);
    }

    /// <summary>PyTorch's pooling_output_shape: floor (or ceil, keeping the last window inside input + padding), with its pad check.</summary>
    internal static int PoolOutput(int input, int k, int pad, int stride, int dilation, bool ceil)
    {
        int effective = (k - 1) * dilation + 1;
        if (pad > effective / 2)
            throw new ArgumentException($"pad should be at most half of effective kernel size, but got pad={pad}, kernel_size={k} and dilation={dilation}");
        int o = FloorDiv(input + 2 * pad - effective + (ceil ? stride - 1 : 0), stride) + 1;
        if (ceil && (o - 1) * stride >= input + pad) o--;
        return o;
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);
}

/// <summary>conv2d: <see cref="ConvolutionGemmBackward"/> over im2col.</summary>
internal sealed class ConvolutionBackward0(ConvGeometry g, int[] weightSizes, int groups) : ConvolutionGemmBackward(weightSizes, groups, g.C)
{
    protected override Tensor Unfold(Tensor x) => ConvOps.Im2Col(x, g);
    protected override Tensor Fold(Tensor cols) => ConvOps.Col2Im(cols, g);
}

/// <summary>im2col: col2im(grad).</summary>
internal sealed class Im2ColBackward0(ConvGeometry g) : Node
{
    public override string Name => nameof(Im2ColBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ConvOps.Col2Im(grad, g)];
}

/// <summary>col2im: im2col(grad).</summary>
internal sealed class Col2ImBackward0(ConvGeometry g) : Node
{
    public override string Name => nameof(Col2ImBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ConvOps.Im2Col(grad, g)];
}

/// <summary>conv_transpose2d: <see cref="ConvTransposeGemmBackward"/> over im2col of the gradient.</summary>
internal sealed class ConvTransposeBackward(ConvGeometry g, int[] weightSizes, int groups) : ConvTransposeGemmBackward(weightSizes, groups, [g.N, g.OutH, g.OutW])
{
    protected override Tensor Unfold(Tensor grad) => ConvOps.Im2Col(grad, g);
}
