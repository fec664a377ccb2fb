namespace Sharpgrad.Ops;

/// <summary>combinations, composed as ATen composes it: meshgrid of r copies, a mask of increasing index tuples, masked_select, stack.</summary>
internal static class CombinationsOps
{
    /// <summary>The r-length combinations of a 1-D tensor's elements, in lexicographic order of positions (StackBackward0).</summary>
    public static Tensor Combinations(Tensor self, int r, bool withReplacement)
    {
        self.ThrowIfDisposed();
        if (self.Dim != 1) throw new ArgumentException($"Expect a 1D vector, but got shape {Errors.Shape(self.Sizes)}");
        if (r < 0) throw new ArgumentException($"Expect a non-negative number, but got {r}");
        if (r == 0) return Tensor.Empty([0], self.DType);
        Tensor mask;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var range = Tensor.Arange(self.Sizes[0], DType.Int64);
            var index = Tensor.Meshgrid([.. Enumerable.Repeat(range, r)]);
            mask = Tensor.Full(index[0].Sizes, 1, DType.Bool);
            for (int i = 0; i < r - 1; i++)
                mask = mask.LogicalAnd(withReplacement ? index[i].Le(index[i + 1]) : index[i].Lt(index[i + 1]));
            mask = mask.Contiguous().MoveToOuterScope();
        }
        var grids = Tensor.Meshgrid([.. Enumerable.Repeat(self, r)]);
        return Tensor.Stack([.. grids.Select(g => g.MaskedSelect(mask))], 1);
    }
}
