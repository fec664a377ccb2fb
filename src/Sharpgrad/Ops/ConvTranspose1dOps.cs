using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>
/// conv_transpose1d: conv_transpose2d over a height of 1, recorded as one ConvolutionBackward0 over the 3-D input and
/// weight, as PyTorch does.
/// </summary>
internal static class ConvTranspose1dOps
{
    /// <summary>
    /// conv_transpose1d over [N, C_in, L] (or unbatched [C_in, L], then SqueezeBackward1 over the conv, as in PyTorch)
    /// with weight [in, out / groups, k]. The 2-D kernels run on views with a height of 1 (whose messages, checked
    /// there, read as PyTorch's 1-D ones); the 1-D messages PyTorch words differently are checked here first.
    /// </summary>
    public static Tensor ConvTranspose1d(Tensor x, Tensor w, Tensor? b, int stride, int padding, int outputPadding, int dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (x.Dim is not (2 or 3))
            throw new ArgumentException($"Expected 2D (unbatched) or 3D (batched) input to conv_transpose1d, but got input of size: {Errors.Shape(x.Sizes)}");
        if (w.Dim < 3) throw new ArgumentException("weight should have at least three dimensions");
        if (x.Dim == 2) return ConvTranspose1d(x.Unsqueeze(0), w, b, stride, padding, outputPadding, dilation, groups).Squeeze(0);
        if (groups < 1) throw new ArgumentException("non-positive groups is not supported");
        if (w.DType != x.DType) throw new ArgumentException($"expected scalar type {Errors.Pretty(x.DType)} but found {Errors.Pretty(w.DType)}");
        if (padding < 0) throw new ArgumentException("negative padding is not supported");
        if (outputPadding < 0) throw new ArgumentException("negative output_padding is not supported");
        if (stride < 1) throw new ArgumentException("non-positive stride is not supported");
        if (w.Dim != 3)
            throw new ArgumentException($"Expected {w.Dim}-dimensional input for {w.Dim}-dimensional weight {Errors.Shape(w.Sizes)}, but got 3-dimensional input of size {Errors.Shape(x.Sizes)} instead");
        int n = x.Sizes[0], cin = x.Sizes[1], len = x.Sizes[2], coutG = w.Sizes[1], k = w.Sizes[2];
        if (w.Sizes[0] < groups)
            throw new ArgumentException($"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got weight of size {Errors.Shape(w.Sizes)} instead");
        if (w.Sizes[0] % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Errors.Shape(w.Sizes)}] instead");
        if (w.Sizes[0] != cin)
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[0]} channels, but got {cin} channels instead");
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != coutG * groups))
            throw new ArgumentException($"Given transposed=1, weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {coutG * groups} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        if (dilation < 1) throw new ArgumentException($"dilation should be greater than zero, but got dilation_height: 1, dilation_width: {dilation}");

        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var y4 = ConvOps.ConvTranspose2d(x.Unsqueeze(2), w.Unsqueeze(2), b, (1, stride), (0, padding), (0, outputPadding), (1, dilation), groups);
            y = NormOps.Shaped(y4, [n, coutG * groups, y4.Sizes[3]]).MoveToOuterScope();
        }
        if (NormOps.ShouldRecord(x, w, b))
        {
            var g = new ConvGeometry(n, coutG, 1, y.Sizes[2], 1, k, 1, stride, 0, padding, 1, dilation, 1, len);
            var node = new Convolution1dBackward0(new ConvTransposeBackward(g, [cin, coutG, 1, k], groups)) { Edges = NormOps.Edges(x, w, b) };
            if (w.RequiresGradFast) node.A = SavedTensor.Input(x);
            if (x.RequiresGradFast) node.B = SavedTensor.Input(w);
            Record.SetHistory(y, node);
        }
        return y;
    }
}
