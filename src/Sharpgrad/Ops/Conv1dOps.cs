using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>conv1d: conv2d over a height of 1, recorded as one ConvolutionBackward0 over the 3-D input and weight, as PyTorch does.</summary>
internal static class Conv1dOps
{
    /// <summary>
    /// conv1d over [N, C, L] (or unbatched [C, L], then SqueezeBackward1 over the conv, as in PyTorch) with weight
    /// [out, in / groups, k]. The 2-D kernels run on views with a height of 1; the graph holds a single
    /// ConvolutionBackward0 whose edges are the 3-D tensors. PyTorch's 1-D messages are checked here first.
    /// </summary>
    public static Tensor Conv1d(Tensor x, Tensor w, Tensor? b, int stride, int padding, int dilation, int groups)
    {
        x.ThrowIfDisposed();
        w.ThrowIfDisposed();
        if (x.Dim is not (2 or 3))
            throw new ArgumentException($"Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: {Errors.Shape(x.Sizes)}");
        if (w.Dim < 3) throw new ArgumentException("weight should have at least three dimensions");
        if (x.Dim == 2) return Conv1d(x.Unsqueeze(0), w, b, stride, padding, dilation, groups).Squeeze(0);
        if (w.Dim != 3)
            throw new ArgumentException($"Expected {w.Dim}-dimensional input for {w.Dim}-dimensional weight {Errors.Shape(w.Sizes)}, but got 3-dimensional input of size {Errors.Shape(x.Sizes)} instead");
        if (w.DType != x.DType) throw new ArgumentException($"expected scalar type {Errors.Pretty(x.DType)} but found {Errors.Pretty(w.DType)}");
        if (stride < 1) throw new ArgumentException("non-positive stride is not supported");
        if (padding < 0) throw new ArgumentException("negative padding is not supported");
        if (dilation < 1) throw new ArgumentException("dilation should be greater than zero");
        if (groups < 1) throw new ArgumentException("non-positive groups is not supported");
        int n = x.Sizes[0], c = x.Sizes[1], len = x.Sizes[2], cout = w.Sizes[0], k = w.Sizes[2];
        if (cout % groups != 0)
            throw new ArgumentException($"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got weight of size [{Errors.Shape(w.Sizes)}] instead");
        if (w.Sizes[1] * groups != c)
            throw new ArgumentException($"Given groups={groups}, weight of size {Errors.Shape(w.Sizes)}, expected input{Errors.Shape(x.Sizes)} to have {w.Sizes[1] * groups} channels, but got {c} channels instead");
        if (b is not null && (b.Dim != 1 || b.Sizes[0] != cout))
            throw new ArgumentException($"Given weight of size {Errors.Shape(w.Sizes)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Errors.Shape(b.Sizes)} instead");
        int ek = dilation * (k - 1) + 1;
        if (len + 2 * padding < ek)
            throw new ArgumentException($"Calculated padded input size per channel: ({len + 2 * padding}). Kernel size: ({ek}). Kernel size can't be greater than actual input size");
        int outLen = (len + 2 * padding - ek) / stride + 1;

        Convolution1dBackward0? node = null;
        if (NormOps.ShouldRecord(x, w, b))
        {
            var g = new ConvGeometry(n, c / groups, 1, len, 1, k, 1, stride, 0, padding, 1, dilation, 1, outLen);
            node = new Convolution1dBackward0(new ConvolutionBackward0(g, [cout, c / groups, 1, k], groups)) { Edges = NormOps.Edges(x, w, b) };
            if (w.RequiresGradFast) node.A = SavedTensor.Input(x);
            if (x.RequiresGradFast) node.B = SavedTensor.Input(w);
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var y4 = ConvOps.Conv2d(x.Unsqueeze(2), w.Unsqueeze(2), b, (1, stride), (0, padding), (1, dilation), groups);
            y = NormOps.Shaped(y4, [n, cout, outLen]).MoveToOuterScope();
        }
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}

/// <summary>
/// convolution (1-D, plain or transposed): the 2-D node's backward (<paramref name="inner"/>) on height-1 views of the
/// saved input, weight and incoming gradient.
/// </summary>
internal sealed class Convolution1dBackward0(BinaryNode inner) : BinaryNode
{
    public override string Name => "ConvolutionBackward0";

    internal override Tensor?[] Apply(Tensor grad)
    {
        inner.Edges = Edges;
        inner.A = A is null ? null : SavedTensor.Input(A.Unpack().Unsqueeze(2));
        inner.B = B is null ? null : SavedTensor.Input(B.Unpack().Unsqueeze(2));
        var r = inner.Apply(grad.Unsqueeze(2));
        return [r[0]?.Squeeze(2), r[1]?.Squeeze(2), r[2]];
    }
}
