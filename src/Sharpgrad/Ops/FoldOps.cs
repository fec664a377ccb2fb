using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>
/// unfold (im2col) and fold (col2im) over [N, C, H, W] / [N, C·kh·kw, L] (or their unbatched forms), on conv2d's
/// im2col / col2im kernels; each is the other's adjoint. Im2ColBackward0 and Col2ImBackward0.
/// </summary>
internal static class FoldOps
{
    /// <summary>PyTorch's im2col / col2im window checks (kernel, dilation, padding, stride; fold checks stride before dilation).</summary>
    private static void CheckWindow((int H, int W) kernel, (int H, int W) dilation, (int H, int W) padding, (int H, int W) stride, bool fold)
    {
        if (kernel.H < 1 || kernel.W < 1)
            throw new ArgumentException($"kernel size should be greater than zero, but got kernel_height: {kernel.H} kernel_width: {kernel.W}");
        string strideMessage = $"stride should be greater than zero, but got stride_height: {stride.H} stride_width: {stride.W}";
        if (fold && (stride.H < 1 || stride.W < 1)) throw new ArgumentException(strideMessage);
        if (dilation.H < 1 || dilation.W < 1)
            throw new ArgumentException($"dilation should be greater than zero, but got dilation_height: {dilation.H} dilation_width: {dilation.W}");
        if (padding.H < 0 || padding.W < 0)
            throw new ArgumentException($"padding should be non-negative, but got pad_height: {padding.H} pad_width: {padding.W}");
        if (stride.H < 1 || stride.W < 1) throw new ArgumentException(strideMessage);
    }

    /// <summary>Sliding blocks along one axis (PyTorch's div_rtn: rounded towards -inf).</summary>
    private static int Blocks(int size, int k, int dilation, int padding, int stride) =>
        (int)Math.Floor((double)(size + 2 * padding - (dilation * (k - 1) + 1)) / stride) + 1;

    private static void CheckFloat(Tensor t, string op)
    {
        if (!t.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(op, t.DType);
    }

    /// <summary>
    /// Extracts the sliding blocks of [N, C, H, W] (or [C, H, W]) as [N, C·kh·kw, L] (or [C·kh·kw, L]).
    /// Im2ColBackward0.
    /// </summary>
    public static Tensor Unfold(Tensor x, (int H, int W) kernel, (int H, int W) dilation, (int H, int W) padding, (int H, int W) stride)
    {
        x.ThrowIfDisposed();
        CheckWindow(kernel, dilation, padding, stride, fold: false);
        if (x.Dim < 3) throw Errors.DimOutOfRange(x.Dim < 2 ? 1 : 2, x.Dim);
        bool batched = x.Dim == 4;
        if ((x.Dim != 3 && x.Dim != 4) || x.Sizes[1] == 0 || x.Sizes[2] == 0 || (batched ? x.Sizes[3] == 0 : x.Sizes[0] == 0))
            throw new ArgumentException($"Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: {Errors.Shape(x.Sizes)}");
        int n = batched ? x.Sizes[0] : 1, c = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        int oh = Blocks(h, kernel.H, dilation.H, padding.H, stride.H), ow = Blocks(w, kernel.W, dilation.W, padding.W, stride.W);
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"Given input with spatial size ({h}, {h}), kernel_size=({kernel.H}, {kernel.W}), dilation=({dilation.H}, {dilation.W}), padding=({padding.H}, {padding.W}), calculated shape of the array of sliding blocks as ({oh}, {ow}), but its components must be at least one.");
        CheckFloat(x, "im2col_out_cpu");
        var g = new ConvGeometry(n, c, h, w, kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, oh, ow);
        int rows = c * kernel.H * kernel.W, l = oh * ow;
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var cols = ConvOps.Im2Col(batched ? x : x.Unsqueeze(0), g); // [C·kh·kw, N·L]
            y = (batched ? NormOps.Shaped(cols.View(rows, n, l).Permute(1, 0, 2), [n, rows, l]) : cols).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new UnfoldBackward(g), x));
        return y;
    }

    /// <summary>
    /// Sums the sliding blocks [N, C·kh·kw, L] (or [C·kh·kw, L]) back into [N, C, H, W] (or [C, H, W]), overlaps
    /// added. Col2ImBackward0.
    /// </summary>
    public static Tensor Fold(Tensor x, (int H, int W) outputSize, (int H, int W) kernel, (int H, int W) dilation, (int H, int W) padding,
        (int H, int W) stride)
    {
        x.ThrowIfDisposed();
        CheckWindow(kernel, dilation, padding, stride, fold: true);
        bool batched = x.Dim == 3;
        if ((x.Dim != 2 && x.Dim != 3) || x.Sizes[^2] == 0 || x.Sizes[^1] == 0)
            throw new ArgumentException($"Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: {Errors.Shape(x.Sizes)}");
        int rows = x.Sizes[^2], l = x.Sizes[^1], n = batched ? x.Sizes[0] : 1;
        if (rows % (kernel.H * kernel.W) != 0)
            throw new ArgumentException($"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)={rows} and kernel_size=({kernel.H}, {kernel.W}).");
        int oh = Blocks(outputSize.H, kernel.H, dilation.H, padding.H, stride.H), ow = Blocks(outputSize.W, kernel.W, dilation.W, padding.W, stride.W);
        string given = $"Given output_size=({outputSize.H}, {outputSize.W}), kernel_size=({kernel.H}, {kernel.W}), dilation=({dilation.H}, {dilation.W}), padding=({padding.H}, {padding.W}), stride=({stride.H}, {stride.W}), ";
        if (l != (long)oh * ow)
            throw new ArgumentException($"{given}expected size of input's dimension 2 to match the calculated number of sliding blocks {oh} * {ow} = {(long)oh * ow}, but got input.size(2)={l}.");
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"{given}calculated shape of the array of sliding blocks as ({oh}, {ow}), which is too small (non-positive)");
        if (outputSize.H < 1 || outputSize.W < 1)
            throw new ArgumentException($"Expected output spatial size to be positive, but got: output_size=({outputSize.H}, {outputSize.W}).");
        CheckFloat(x, "col2im_out_cpu");
        int c = rows / (kernel.H * kernel.W);
        var g = new ConvGeometry(n, c, outputSize.H, outputSize.W, kernel.H, kernel.W, stride.H, stride.W, padding.H, padding.W, dilation.H, dilation.W, oh, ow);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var cols = batched ? x.Permute(1, 0, 2).Reshape(rows, n * l) : x;
            var image = ConvOps.Col2Im(cols, g); // [N, C, H, W]
            y = (batched ? image : NormOps.Shaped(image, [c, outputSize.H, outputSize.W])).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new FoldBackward(g), x));
        return y;
    }

    /// <summary>Unfold with a recorded geometry (the backward of fold).</summary>
    internal static Tensor Unfold(Tensor x, in ConvGeometry g) =>
        Unfold(x, (g.KH, g.KW), (g.DH, g.DW), (g.PH, g.PW), (g.SH, g.SW));

    /// <summary>Fold with a recorded geometry onto its [H, W] (the backward of unfold).</summary>
    internal static Tensor Fold(Tensor x, in ConvGeometry g) =>
        Fold(x, (g.H, g.W), (g.KH, g.KW), (g.DH, g.DW), (g.PH, g.PW), (g.SH, g.SW));
}

/// <summary>unfold (im2col): fold(grad) over the input's size.</summary>
internal sealed class UnfoldBackward(ConvGeometry g) : Node
{
    public override string Name => "Im2ColBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [FoldOps.Fold(grad, g)];
}

/// <summary>fold (col2im): unfold(grad).</summary>
internal sealed class FoldBackward(ConvGeometry g) : Node
{
    public override string Name => "Col2ImBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [FoldOps.Unfold(grad, g)];
}
