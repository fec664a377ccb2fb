namespace Sharpgrad.Ops;

// Backward nodes of scatter, scatter_reduce, index_fill, index_copy and index_put (PyTorch's derivatives.yaml).

/// <summary>scatter(dim, index, src): self: grad.scatter(dim, index, 0); src: grad.gather(dim, index).</summary>
internal sealed class ScatterBackward0(int dim, int[] srcSizes) : IndexNode
{
    public override string Name => nameof(ScatterBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var index = Index!.Unpack();
        return [NeedsInputGrad(0) ? grad.Scatter(dim, index, 0.0) : null, NeedsInputGrad(1) ? SrcGrad(this, grad.Gather(dim, index), srcSizes) : null];
    }

    /// <summary>
    /// src's gradient has the index's shape: a src larger than index gets PyTorch's engine error (validate_outputs),
    /// not a gradient of the wrong shape.
    /// </summary>
    internal static Tensor SrcGrad(Node node, Tensor g, int[] srcSizes) =>
        g.Sizes.AsSpan().SequenceEqual(srcSizes) ? g
            : throw new InvalidOperationException($"Function {node.Name} returned an invalid gradient at index 1 - got {Errors.Shape(g.Sizes)} but expected shape compatible with {Errors.Shape(srcSizes)}");
}

/// <summary>scatter(dim, index, value): grad.scatter(dim, index, 0).</summary>
internal sealed class ScatterBackward1(int dim) : IndexNode
{
    public override string Name => nameof(ScatterBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Scatter(dim, Index!.Unpack(), 0.0)];
}

/// <summary>index_fill(dim, index, value): grad.index_fill(dim, index, 0).</summary>
internal sealed class IndexFillBackward0(int dim) : IndexNode
{
    public override string Name => nameof(IndexFillBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.IndexFill(dim, Index!.Unpack(), 0.0)];
}

/// <summary>index_fill(dim, index, value tensor): self: grad.index_fill(dim, index, 0); value: grad.index_select(dim, index).sum().</summary>
internal sealed class IndexFillBackward1(int dim, DType valueType) : IndexNode
{
    public override string Name => nameof(IndexFillBackward1);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var index = Index!.Unpack();
        return [NeedsInputGrad(0) ? grad.IndexFill(dim, index, 0.0) : null,
            NeedsInputGrad(1) ? OpHelpers.GradFor(grad.IndexSelect(dim, index).Sum(), [], valueType) : null];
    }
}

/// <summary>index_copy(dim, index, source): self: grad.index_fill(dim, index, 0); source: grad.index_select(dim, index).</summary>
internal sealed class IndexCopyBackward0(int dim) : IndexNode
{
    public override string Name => nameof(IndexCopyBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var index = Index!.Unpack();
        return [NeedsInputGrad(0) ? grad.IndexFill(dim, index, 0.0) : null, NeedsInputGrad(1) ? grad.IndexSelect(dim, index) : null];
    }
}

/// <summary>
/// index_put(indices, values, accumulate), with the indices saved as rows of self's leading layout (indexed dims first,
/// see <see cref="IndexGeometry"/>): self: grad (accumulate) or grad with the indexed slices zeroed; values: grad at the
/// indices, summed to values' shape.
/// </summary>
internal sealed class IndexPutBackward0(int[] selfSizes, IndexGeometry geometry, bool accumulate, int[] valueSizes, DType valueType) : IndexNode
{
    public override string Name => nameof(IndexPutBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var rows = Index!.Unpack();
        var flat = Rows(grad, selfSizes, geometry);
        Tensor? gSelf = null, gValues = null;
        if (NeedsInputGrad(0))
            gSelf = accumulate ? grad : FromRows(flat.IndexFill(0, rows, 0.0), selfSizes, geometry);
        if (NeedsInputGrad(1))
            gValues = OpHelpers.GradFor(geometry.FromLeading(flat.IndexSelect(0, rows).Reshape(geometry.LeadingResultShape(selfSizes))), valueSizes, valueType);
        return [gSelf, gValues];
    }

    /// <summary>t (shaped like self) as [rows, rest...] of the leading layout.</summary>
    internal static Tensor Rows(Tensor t, int[] selfSizes, IndexGeometry geometry)
    {
        var leading = geometry.Permutation is { } p ? t.Permute(p) : t;
        var sizes = geometry.LeadingSizes(selfSizes);
        return leading.Reshape([geometry.RowCount, .. sizes.Skip(geometry.Dims.Length)]);
    }

    /// <summary>The inverse of <see cref="Rows"/>.</summary>
    internal static Tensor FromRows(Tensor rows, int[] selfSizes, IndexGeometry geometry)
    {
        var leading = rows.Reshape(geometry.LeadingSizes(selfSizes));
        return geometry.Inverse is { } inverse ? leading.Permute(inverse) : leading;
    }
}

/// <summary>
/// Advanced indexing (t[idx], t[:, mask], ...): grad added into zeros at the indexed rows (index_put with accumulate),
/// so repeated positions sum.
/// </summary>
internal sealed class IndexBackward0(int[] selfSizes, DType selfType, IndexGeometry geometry) : IndexNode
{
    public override string Name => nameof(IndexBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var rows = Index!.Unpack();
        var leadingShape = geometry.LeadingSizes(selfSizes);
        var zeros = Tensor.Zeros([geometry.RowCount, .. leadingShape.Skip(geometry.Dims.Length)], grad.DType);
        var picked = geometry.ToLeading(grad).Reshape([rows.Numel, .. leadingShape.Skip(geometry.Dims.Length)]);
        return [OpHelpers.GradFor(IndexPutBackward0.FromRows(zeros.IndexAdd(0, rows, picked), selfSizes, geometry), selfSizes, selfType)];
    }
}

/// <summary>
/// scatter_reduce(dim, index, src, reduce, include_self): PyTorch's scatter_reduce_backward (exclusive products for
/// zeros, gradient shared evenly between tied extremes, divided by the counts for mean).
/// </summary>
internal sealed class ScatterReduceBackward0(int dim, string reduce, bool includeSelf, int[] srcSizes) : IndexNode
{
    internal SavedTensor? Self, Src, Result;

    /// <summary>The node's name: ScatterReduceBackward0, or IndexReduceBackward0 when index_reduce recorded it.</summary>
    public string NodeName { get; init; } = nameof(ScatterReduceBackward0);

    public override string Name => NodeName;
    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            if (Index is not null) yield return Index;
            if (Self is not null) yield return Self;
            if (Src is not null) yield return Src;
            if (Result is not null) yield return Result;
        }
    }

    internal override Tensor?[] Apply(Tensor grad)
    {
        var index = Index!.Unpack();
        Tensor gradSelf, gradSrc;
        switch (reduce)
        {
            case "sum":
                gradSelf = grad;
                gradSrc = grad.Gather(dim, index);
                break;
            case "prod":
            {
                var self = Self!.Unpack();
                var src = Src!.Unpack();
                var result = Result!.Unpack();
                var maskedSelf = self.MaskedFill(self.Eq(0.0), 1.0);
                gradSelf = grad * maskedSelf.ScatterReduce(dim, index, src, "prod", includeSelf) / maskedSelf;
                var srcZero = src.Eq(0.0);
                var srcNumZeros = Tensor.ZerosLike(self).ScatterAdd(dim, index, srcZero.To(self.DType)).Gather(dim, index);
                var singleZero = Tensor.Where(srcZero, srcNumZeros.Eq(1.0), srcZero);
                var maskedSrcResult = self.ScatterReduce(dim, index, src.MaskedFill(singleZero, 1.0), "prod", includeSelf);
                gradSrc = Tensor.Where(singleZero, (grad * maskedSrcResult).Gather(dim, index), (grad * result).Gather(dim, index) / src.MaskedFill(srcZero, 1.0));
                break;
            }
            case "mean":
            {
                var src = Src!.Unpack();
                var n = (includeSelf ? Tensor.OnesLike(grad) : Tensor.ZerosLike(grad)).ScatterAdd(dim, index, Tensor.OnesLike(src));
                n = n.MaskedFill(n.Eq(0.0), 1.0);
                gradSelf = grad / n;
                gradSrc = grad.Gather(dim, index) / n.Gather(dim, index);
                break;
            }
            default: // amax, amin
            {
                var self = Self!.Unpack();
                var src = Src!.Unpack();
                var result = Result!.Unpack();
                var selfIsResult = self.Eq(result).To(self.DType);
                var srcIsResult = src.Eq(result.Gather(dim, index)).To(self.DType);
                var distributed = grad / selfIsResult.ScatterAdd(dim, index, srcIsResult);
                gradSelf = selfIsResult * distributed;
                gradSrc = srcIsResult * distributed.Gather(dim, index);
                break;
            }
        }
        if (!includeSelf) gradSelf = gradSelf.Scatter(dim, index, 0.0);
        return [NeedsInputGrad(0) ? gradSelf : null, NeedsInputGrad(1) ? ScatterBackward0.SrcGrad(this, gradSrc, srcSizes) : null];
    }
}
