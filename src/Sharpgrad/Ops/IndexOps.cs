using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Integer indexing: index_select, gather, scatter_add, index_add, masked_fill, embedding.</summary>
internal static class IndexOps
{
    private static Tensor CheckIndex(Tensor index, string op)
    {
        index.ThrowIfDisposed();
        if (index.DType != DType.Int64) throw new ArgumentException($"{op}(): Expected dtype int64 for index");
        return OpHelpers.ContiguousRaw(index);
    }

    /// <summary>An index of the ops that take int32 as well as int64 (index_select, index_add): as a contiguous Int64 tensor.</summary>
    internal static Tensor CheckIndexInt32Or64(Tensor index, string message)
    {
        index.ThrowIfDisposed();
        if (!index.DType.IsIndex()) throw new ArgumentException(message);
        return OpHelpers.ContiguousRaw(OpHelpers.CastRaw(index, DType.Int64));
    }

    private static void CheckRange(Tensor index, int size, int dim, Func<long, int, int, Exception>? error = null)
    {
        var data = index.Elements<long>();
        int n = index.Numel;
        for (int i = 0; i < n; i++)
        {
            long v = data[index.Offset + i];
            if (v < 0 || v >= size) throw (error ?? ((val, d, s) => Errors.IndexOutOfBounds(val, d, s)))(v, dim, size);
        }
    }

    public static Tensor IndexSelect(Tensor x, int dim, Tensor index)
    {
        x.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, x.Dim);
        if (index.Dim > 1) throw new ArgumentException("index_select(): Index is supposed to be a vector");
        var idx = CheckIndexInt32Or64(index, "index_select(): Expected dtype int32 or int64 for index");
        int size = x.Dim == 0 ? 1 : x.Sizes[dim];
        CheckRange(idx, size, dim, (v, d, s) => new ArgumentOutOfRangeException(nameof(index), $"index out of range in self"));
        IndexSelectBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new IndexSelectBackward0(x.Sizes, dim), x);
            node.Index = SavedTensor.Input(idx);
        }
        var src = OpHelpers.ContiguousRaw(x);
        int outer = 1, inner = 1, count = idx.Numel;
        for (int d = 0; d < dim; d++) outer *= x.Sizes[d];
        for (int d = dim + 1; d < x.Dim; d++) inner *= x.Sizes[d];
        var shape = x.Dim == 0 ? [] : (int[])x.Sizes.Clone();
        if (x.Dim > 0) shape[dim] = count;
        var y = Tensor.Empty(x.DType, shape);
        Kernels.Dispatch.IndexSelect(src.Strided, outer, size, inner, idx.Elements<long>(), idx.Offset, count, y.Strided);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    public static Tensor Gather(Tensor x, int dim, Tensor index)
    {
        x.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, x.Dim);
        var idx = CheckIndex(index, "gather");
        if (idx.Dim != x.Dim) throw new ArgumentException("Index tensor must have the same number of dimensions as input tensor");
        for (int d = 0; d < x.Dim; d++)
            if (d != dim && idx.Sizes[d] > x.Sizes[d])
                throw new ArgumentException($"Size does not match at dimension {d} expected index {Errors.Shape(idx.Sizes)} to be smaller than self {Errors.Shape(x.Sizes)} apart from dimension {dim}");
        CheckRange(idx, x.Sizes[dim], dim);
        GatherBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new GatherBackward0(x.Sizes, dim), x);
            node.Index = SavedTensor.Input(idx);
        }
        var y = Tensor.Empty(x.DType, idx.Sizes);
        Kernels.Dispatch.Gather(x.Strided, idx.Elements<long>(), idx.Offset, idx.Sizes, dim, y.Strided);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>self with src added at index along dim (out of place). ScatterAddBackward0.</summary>
    public static Tensor ScatterAdd(Tensor self, int dim, Tensor index, Tensor src)
    {
        OpHelpers.CheckSameDevice(self, src);
        dim = Layout.WrapDim(dim, self.Dim);
        var idx = CheckIndex(index, "scatter_add");
        CheckRange(idx, self.Sizes[dim], dim);
        ScatterAddBackward0? node = null;
        if (Record.ShouldRecord(self, src))
        {
            node = Record.Connect(new ScatterAddBackward0(dim), self, src);
            node.Index = SavedTensor.Input(idx);
        }
        var y = Tensor.Empty(self.DType, self.Sizes);
        Kernels.Dispatch.Copy(self.Strided, y.Strided);
        // src is read through its strides at the index's coordinates (it may be larger than index)
        var s = OpHelpers.CastRaw(src, self.DType);
        Kernels.Dispatch.Scatter(y.Strided, idx.Elements<long>(), idx.Offset, idx.Sizes, dim, s.Strided, 0, ScatterMode.Add, true, "scatter_add");
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>self with src's slices added at index along dim (out of place). IndexAddBackward0.</summary>
    public static Tensor IndexAdd(Tensor self, int dim, Tensor index, Tensor src)
    {
        OpHelpers.CheckSameDevice(self, src);
        dim = Layout.WrapDim(dim, self.Dim);
        var idx = CheckIndexInt32Or64(index, $"index_add_(): Expected dtype int32/int64 for index but got: {Errors.Pretty(index.DType)}");
        CheckRange(idx, self.Sizes[dim], dim);
        IndexAddBackward0? node = null;
        if (Record.ShouldRecord(self, src))
        {
            node = Record.Connect(new IndexAddBackward0(dim), self, src);
            node.Index = SavedTensor.Input(idx);
        }
        var y = Tensor.Empty(self.DType, self.Sizes);
        Kernels.Dispatch.Copy(self.Strided, y.Strided);
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= self.Sizes[d];
        for (int d = dim + 1; d < self.Dim; d++) inner *= self.Sizes[d];
        var s = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(src, self.DType));
        Kernels.Dispatch.IndexAdd(s.Strided, outer, idx.Numel, inner, idx.Elements<long>(), idx.Offset, y.Strided, self.Sizes[dim]);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>self with value where mask is true. MaskedFillBackward0.</summary>
    public static Tensor MaskedFill(Tensor self, Tensor mask, double value)
    {
        self.ThrowIfDisposed();
        if (mask.DType != DType.Bool) throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {Errors.TypeMetaName(mask.DType)}");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = CopyOps.Where(mask, Tensor.Full([], value, self.DType), self).MoveToOuterScope();
        if (Record.ShouldRecord(self))
        {
            var node = Record.Connect(new MaskedFillBackward0(), self);
            node.Mask = SavedTensor.Input(mask);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>Rows of weight picked by integer indices of any shape. EmbeddingBackward0.</summary>
    public static Tensor Embedding(Tensor weight, Tensor indices, long? paddingIdx = null)
    {
        weight.ThrowIfDisposed();
        var idx = CheckIndexInt32Or64(indices, $"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {indices.DType.LegacyTensorTypeName()} instead (while checking arguments for embedding)");
        CheckRange(idx, weight.Sizes[0], 0, (v, d, s) => new ArgumentOutOfRangeException(nameof(indices), "index out of range in self"));
        Tensor flat;
        using (Autograd.NoGrad()) flat = IndexSelect(weight, 0, idx.Reshape(-1));
        var shape = idx.Sizes.Concat(new[] { weight.Sizes[1] }).ToArray();
        var y = flat.AliasWith(shape, Layout.ContiguousStrides(shape), 0);
        flat.Dispose();
        if (Record.ShouldRecord(weight))
        {
            var node = Record.Connect(new EmbeddingBackward0(weight.Sizes, paddingIdx), weight);
            node.Index = SavedTensor.Input(idx);
            Record.SetHistory(y, node);
        }
        return y;
    }
}
