namespace Sharpgrad.Ops;

/// <summary>
/// select_scatter, slice_scatter and diagonal_scatter: out-of-place copies of self with src written into one view of it
/// (the functional forms of writing through select, slice or diagonal).
/// </summary>
internal static class ViewScatterOps
{
    /// <summary>A copy of self with src at the view <paramref name="view"/> picks; src must have the view's exact shape.</summary>
    public static Tensor Scatter(Tensor self, Tensor src, Func<Tensor, Tensor> view, string node)
    {
        self.ThrowIfDisposed();
        src.ThrowIfDisposed();
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var slot = view(self);
            if (!slot.Sizes.AsSpan().SequenceEqual(src.Sizes))
                throw new ArgumentException($"expected src to have a size equal to the slice of self. src size = {Errors.Shape(src.Sizes)}, slice size = {Errors.Shape(slot.Sizes)}");
            var copy = self.Clone();
            view(copy).Copy_(src);
            y = copy.MoveToOuterScope();
        }
        if (Record.ShouldRecord(self, src))
            Record.SetHistory(y, Record.Connect(new ViewScatterBackward(node, view, src.Sizes, src.DType), self, src));
        return y;
    }
}

/// <summary>
/// SelectScatterBackward0 / SliceScatterBackward0 / DiagonalScatterBackward0: self gets grad with the view zeroed; src
/// gets the view of grad.
/// </summary>
internal sealed class ViewScatterBackward(string name, Func<Tensor, Tensor> view, int[] srcSizes, DType srcType) : Node
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? ViewScatterOps.Scatter(grad, Tensor.Zeros(srcSizes, grad.DType), view, name) : null,
        NeedsInputGrad(1) ? OpHelpers.GradFor(view(grad), srcSizes, srcType) : null,
    ];
}
