using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>
/// One channel group of a 3-D convolution: <see cref="N"/> samples of <see cref="C"/> channels unfolded by
/// <see cref="Window"/> (its input volume, kernel, stride, padding, dilation and output volume).
/// </summary>
internal readonly record struct Conv3dGeometry(int N, int C, Pool3dGeometry Window)
{
    /// <summary>Rows of the unfolded columns: C·KD·KH·KW.</summary>
    public int Rows => C * Window.KD * Window.KH * Window.KW;
}

/// <summary>conv3d as vol2col + one GEMM per channel group (<see cref="ConvGemm"/>), with PyTorch's argument checks in PyTorch's order.</summary>
internal static class Conv3dOps
{
    /// <summary>
    /// conv3d over [N, C, D, H, W] (or unbatched [C, D, H, W], then SqueezeBackward1 over the conv, as in PyTorch) with
    /// weight [out, in / groups, kd, kh, kw] and per-axis stride, padding and dilation. ConvolutionBackward0.
    /// </summary>
    public static Tensor Conv3d(Tensor x, Tensor w, Tensor? b, (int D, int H, int W) stride, (int D, int H, int W) padding,
        (int D, int H, int W) dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (b is not null && b.DType != x.DType)
            throw new ArgumentException($"Input type ({Errors.PrettyLower(x.DType)}) and bias type ({Errors.PrettyLower(b.DType)}) should be the same");
        CheckRank(x, "conv3d");
        CheckCommon(w, stride, padding, groups);
        CheckStrideDilation(stride, dilation);
        if (x.Dim == 4) return Conv3d(x.Unsqueeze(0), w, b, stride, padding, dilation, groups).Squeeze(0);
        int n = x.Sizes[0], c = x.Sizes[1], cout = w.Sizes[0];
        CheckGroups(w, groups);
        if (w.Sizes[1] * groups != c)
            throw new ArgumentException($"Given groups={groups}, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[1] * groups} channels, but got {c} channels instead");
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != cout))
            throw new ArgumentException($"Given weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        int d = x.Sizes[2], h = x.Sizes[3], wd = x.Sizes[4], kd = w.Sizes[2], kh = w.Sizes[3], kw = w.Sizes[4];
        int ekd = dilation.D * (kd - 1) + 1, ekh = dilation.H * (kh - 1) + 1, ekw = dilation.W * (kw - 1) + 1;
        if (d + 2 * padding.D < ekd || h + 2 * padding.H < ekh || wd + 2 * padding.W < ekw)
            throw new ArgumentException($"Calculated padded input size per channel: ({d + 2 * padding.D} x {h + 2 * padding.H} x {wd + 2 * padding.W}). Kernel size: ({ekd} x {ekh} x {ekw}). Kernel size can't be greater than actual input size");
        // A Float32 input meets a Float64 weight in PyTorch's mkldnn check; the slow kernel checks dilation, then dtypes.
        if (x.DType == DType.Float32 && w.DType != x.DType)
            throw new ArgumentException($"Input type ({x.DType.LegacyTensorTypeName()}) and weight type ({w.DType.LegacyTensorTypeName()}) should be the same or input should be a MKLDNN tensor and weight is a dense tensor");
        if (dilation.D < 1 || dilation.H < 1 || dilation.W < 1)
            throw new ArgumentException($"dilation should be greater than zero, but got [{dilation.D}, {dilation.H}, {dilation.W}]");
        CheckDTypes(x, w, null, "compute_columns3d", integers: true); // conv3d takes integers (PyTorch's slow path), wrapping
        var geo = new Conv3dGeometry(n, c / groups, new Pool3dGeometry(d, h, wd, kd, kh, kw, stride.D, stride.H, stride.W,
            padding.D, padding.H, padding.W, dilation.D, dilation.H, dilation.W,
            (d + 2 * padding.D - ekd) / stride.D + 1, (h + 2 * padding.H - ekh) / stride.H + 1, (wd + 2 * padding.W - ekw) / stride.W + 1));

        return ConvGemm.Recorded(x, w, b, () => new Convolution3dBackward(geo, w.Sizes, groups),
            () => ConvGemm.Convolution(x, w, b, groups, geo.C, xg => Vol2Col(xg, geo), [n, cout, geo.Window.OutD, geo.Window.OutH, geo.Window.OutW]));
    }

    /// <summary>
    /// PyTorch's padding strings per axis (see <see cref="ConvOps.PaddingFromString"/>, applied to depth and height,
    /// then to width): the symmetric padding and the extra amount padded at the end.
    /// </summary>
    internal static ((int D, int H, int W) Symmetric, (int D, int H, int W) Extra) PaddingFromString(string padding, (int D, int H, int W) stride,
        (int D, int H, int W) dilation, (int D, int H, int W) kernel, bool module)
    {
        var (dh, dhExtra) = ConvOps.PaddingFromString(padding, (stride.D, stride.H), (dilation.D, dilation.H), (kernel.D, kernel.H), module);
        var (w, wExtra) = ConvOps.PaddingFromString(padding, (1, stride.W), (1, dilation.W), (1, kernel.W), module);
        return ((dh.H, dh.W, w.W), (dhExtra.H, dhExtra.W, wExtra.W));
    }

    /// <summary>PyTorch's batchify check: a 4-D (unbatched) or 5-D (batched) input.</summary>
    internal static void CheckRank(Tensor x, string op)
    {
        if (x.Dim is not (4 or 5))
            throw new ArgumentException($"Expected 4D (unbatched) or 5D (batched) input to {op}, but got input of size: {Errors.Shape(x.Sizes)}");
    }

    /// <summary>_convolution's checks before the shapes, plain and transposed alike, in PyTorch's order (no output_padding here).</summary>
    internal static void CheckCommon(Tensor w, (int D, int H, int W) stride, (int D, int H, int W) padding, int groups)
    {
        if (w.Dim < 3) throw new ArgumentException("weight should have at least three dimensions");
        if (groups < 1) throw new ArgumentException("non-positive groups is not supported");
        if (w.Dim != 5)
            throw new ArgumentException($"expected stride to be a single integer value or a list of {w.Dim - 2} values to match the convolution dimensions, but got stride=[{stride.D}, {stride.H}, {stride.W}]");
        if (padding.D < 0 || padding.H < 0 || padding.W < 0) throw new ArgumentException("negative padding is not supported");
    }

    /// <summary>check_shape_forward's stride and dilation signs (a zero dilation passes here; the kernels reject it).</summary>
    internal static void CheckStrideDilation((int D, int H, int W) stride, (int D, int H, int W) dilation)
    {
        if (stride.D < 1 || stride.H < 1 || stride.W < 1) throw new ArgumentException("non-positive stride is not supported");
        if (dilation.D < 0 || dilation.H < 0 || dilation.W < 0) throw new ArgumentException("dilation should be greater than zero");
    }

    /// <summary>Weight dim 0 against <paramref name="groups"/>: at least, then divisible.</summary>
    internal static void CheckGroups(Tensor w, int groups)
    {
        if (w.Sizes[0] < groups)
            throw new ArgumentException($"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got weight of size {Errors.Shape(w.Sizes)} instead");
        if (w.Sizes[0] % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Errors.Shape(w.Sizes)}] instead");
    }

    /// <summary>The slow kernels' dtype checks: weight and bias as the input's, floating only (<paramref name="op"/> names the kernel).</summary>
    internal static void CheckDTypes(Tensor x, Tensor w, Tensor? b, string op, bool integers = false)
    {
        if (w.DType != x.DType) throw new ArgumentException($"expected scalar type {Errors.Pretty(x.DType)} but found {Errors.Pretty(w.DType)}");
        if (b is not null && b.DType != x.DType) throw new ArgumentException($"expected scalar type {Errors.Pretty(x.DType)} but found {Errors.Pretty(b.DType)}");
        if (!x.DType.IsFloatingPoint() && !(integers && x.DType.IsIntegral())) throw Errors.UnsupportedDType(op, x.DType);
    }

    /// <summary>Unfolds one group's [n, c, D, H, W] into [c·kd·kh·kw, n·od·oh·ow] columns. Recorded as Vol2ColBackward (its adjoint is col2vol).</summary>
    public static Tensor Vol2Col(Tensor x, Conv3dGeometry g)
    {
        var src = OpHelpers.ContiguousRaw(x);
        var cols = Tensor.Empty(x.DType, [g.Rows, g.N * g.Window.OutVolume]);
        Dispatch.Vol2Col(src.Strided, g.N, g.C, g.Window, cols.Strided, adjoint: false);
        if (!ReferenceEquals(src, x)) src.Dispose();
        if (Record.ShouldRecord(x)) Record.SetHistory(cols, Record.Connect(new Vol2ColBackward(g, fromColumns: false), x));
        return cols;
    }

    /// <summary>Adds [c·kd·kh·kw, n·od·oh·ow] columns back into [n, c, D, H, W]. Recorded as Col2VolBackward (its adjoint is vol2col).</summary>
    public static Tensor Col2Vol(Tensor cols, Conv3dGeometry g)
    {
        var src = OpHelpers.ContiguousRaw(cols);
        var o = g.Window;
        var x = Tensor.Empty(cols.DType, [g.N, g.C, o.D, o.H, o.W], clear: true);
        Dispatch.Vol2Col(x.Strided, g.N, g.C, o, src.Strided, adjoint: true);
        if (!ReferenceEquals(src, cols)) src.Dispose();
        if (Record.ShouldRecord(cols)) Record.SetHistory(x, Record.Connect(new Vol2ColBackward(g, fromColumns: true), cols));
        return x;
    }
}

/// <summary>conv3d: <see cref="ConvolutionGemmBackward"/> over vol2col.</summary>
internal sealed class Convolution3dBackward(Conv3dGeometry g, int[] weightSizes, int groups) : ConvolutionGemmBackward(weightSizes, groups, g.C)
{
    protected override Tensor Unfold(Tensor x) => Conv3dOps.Vol2Col(x, g);
    protected override Tensor Fold(Tensor cols) => Conv3dOps.Col2Vol(cols, g);
}

/// <summary>vol2col (Vol2ColBackward: col2vol(grad)) or, <paramref name="fromColumns"/>, col2vol (Col2VolBackward: vol2col(grad)).</summary>
internal sealed class Vol2ColBackward(Conv3dGeometry g, bool fromColumns) : Node
{
    public override string Name => fromColumns ? "Col2VolBackward" : nameof(Vol2ColBackward);
    internal override Tensor?[] Apply(Tensor grad) => [fromColumns ? Conv3dOps.Vol2Col(grad, g) : Conv3dOps.Col2Vol(grad, g)];
}
