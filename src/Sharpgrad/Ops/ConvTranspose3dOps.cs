using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>conv_transpose3d: the adjoint of conv3d's vol2col per channel group, with PyTorch's argument checks in PyTorch's order.</summary>
internal static class ConvTranspose3dOps
{
    /// <summary>
    /// conv_transpose3d over [N, C_in, D, H, W] (or unbatched [C_in, D, H, W], then SqueezeBackward1 over the conv, as in
    /// PyTorch) with weight [in, out / groups, kd, kh, kw]: each input voxel scatters a weighted kernel into the output
    /// (col2vol of Wᵀ @ x). ConvolutionBackward0.
    /// </summary>
    public static Tensor ConvTranspose3d(Tensor x, Tensor w, Tensor? b, (int D, int H, int W) stride, (int D, int H, int W) padding,
        (int D, int H, int W) outputPadding, (int D, int H, int W) dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        Conv3dOps.CheckRank(x, "conv_transpose3d");
        Conv3dOps.CheckCommon(w, stride, padding, groups);
        if (outputPadding.D < 0 || outputPadding.H < 0 || outputPadding.W < 0) throw new ArgumentException("negative output_padding is not supported");
        Conv3dOps.CheckStrideDilation(stride, dilation);
        if (x.Dim == 4) return ConvTranspose3d(x.Unsqueeze(0), w, b, stride, padding, outputPadding, dilation, groups).Squeeze(0);
        Conv3dOps.CheckGroups(w, groups);
        int n = x.Sizes[0], cin = x.Sizes[1], coutG = w.Sizes[1], cout = coutG * groups;
        if (w.Sizes[0] != cin)
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[0]} channels, but got {cin} channels instead");
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != cout))
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        if (dilation.D < 1 || dilation.H < 1 || dilation.W < 1)
            throw new ArgumentException($"dilation should be greater than zero, but got dilation_depth: {dilation.D}, dilation_height: {dilation.H}, dilation_width: {dilation.W}");
        if (!Fits(outputPadding.D, stride.D, dilation.D) || !Fits(outputPadding.H, stride.H, dilation.H) || !Fits(outputPadding.W, stride.W, dilation.W))
            throw new ArgumentException("output padding must be smaller than either stride or dilation, but got " +
                $"output_padding_depth: {outputPadding.D} output_padding_height: {outputPadding.H} output_padding_width: {outputPadding.W} " +
                $"stride_depth: {stride.D} stride_height: {stride.H} stride_width: {stride.W} " +
                $"dilation_depth: {dilation.D} dilation_height: {dilation.H} dilation_width: {dilation.W}");
        int d = x.Sizes[2], h = x.Sizes[3], wd = x.Sizes[4], kd = w.Sizes[2], kh = w.Sizes[3], kw = w.Sizes[4];
        int od = (d - 1) * stride.D - 2 * padding.D + dilation.D * (kd - 1) + outputPadding.D + 1;
        int oh = (h - 1) * stride.H - 2 * padding.H + dilation.H * (kh - 1) + outputPadding.H + 1;
        int ow = (wd - 1) * stride.W - 2 * padding.W + dilation.W * (kw - 1) + outputPadding.W + 1;
        if (od < 1 || oh < 1 || ow < 1)
            throw new ArgumentException($"Given input size per channel: ({d} x {h} x {wd}). Calculated output size per channel: ({od} x {oh} x {ow}). Output size is too small");
        Conv3dOps.CheckDTypes(x, w, b, "slow_conv_transpose3d_out_cpu", integers: x.DType == DType.Int64); // int64 alone of the integers
        // The conv that maps the output back onto the input: its "input" is our output, its output our input grid.
        var geo = new Conv3dGeometry(n, coutG, new Pool3dGeometry(od, oh, ow, kd, kh, kw, stride.D, stride.H, stride.W,
            padding.D, padding.H, padding.W, dilation.D, dilation.H, dilation.W, d, h, wd));

        return ConvGemm.Recorded(x, w, b, () => new ConvTranspose3dBackward(geo, w.Sizes, groups),
            () => ConvGemm.Transposed(x, w, b, groups, cols => Conv3dOps.Col2Vol(cols, geo)));
    }

    // PyTorch's slow_conv_transpose3d_shape_check: output padding below the stride or the dilation on each axis.
    private static bool Fits(int outputPadding, int stride, int dilation) => outputPadding < stride || outputPadding < dilation;
}

/// <summary>conv_transpose3d: <see cref="ConvTransposeGemmBackward"/> over vol2col of the gradient.</summary>
internal sealed class ConvTranspose3dBackward(Conv3dGeometry g, int[] weightSizes, int groups)
    : ConvTransposeGemmBackward(weightSizes, groups, [g.N, g.Window.OutD, g.Window.OutH, g.Window.OutW])
{
    protected override Tensor Unfold(Tensor grad) => Conv3dOps.Vol2Col(grad, g);
}
