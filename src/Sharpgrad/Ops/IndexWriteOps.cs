using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>index_fill, index_copy and index_put (advanced-index assignment), out of place and in place.</summary>
internal static class IndexWriteOps
{
    /// <summary>The [outer, size, inner] split of <paramref name="sizes"/> around <paramref name="dim"/>.</summary>
    private static (int Outer, int Size, int Inner) Split(int[] sizes, int dim)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= sizes[d];
        for (int d = dim + 1; d < sizes.Length; d++) inner *= sizes[d];
        return (outer, sizes.Length == 0 ? 1 : sizes[dim], inner);
    }

    /// <summary>index's entries as a fresh array, negatives wrapped when <paramref name="wrap"/>; out of range throws.</summary>
    internal static long[] Entries(Tensor index, int size, int dim, bool wrap, string prefix = "")
    {
        var idx = OpHelpers.ContiguousRaw(index);
        var data = idx.Elements<long>();
        var r = new long[idx.Numel];
        for (int i = 0; i < r.Length; i++)
        {
            long v = data[idx.Offset + i];
            if (v >= size || v < (wrap ? -size : 0))
                throw new ArgumentOutOfRangeException(nameof(index), $"{prefix}index {v} is out of bounds for dimension {dim} with size {size}");
            r[i] = v < 0 ? v + size : v;
        }
        return r;
    }

    /// <summary>index_fill(dim, index, value) with a 0-dim value tensor: IndexFillBackward1 (value gets the filled slices' gradient sum).</summary>
    public static Tensor IndexFill(Tensor self, int dim, Tensor index, Tensor value, bool inPlace)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.ThrowIfDisposed();
        if (value.Dim != 0) throw new ArgumentException($"index_fill_ only supports a 0-dimensional value tensor, but got tensor with {value.Dim} dimension(s).");
        double v;
        using (Autograd.NoGrad()) v = value.To(DType.Float64).Item<double>();
        return IndexFill(self, dim, index, v, value, inPlace);
    }

    /// <summary>index_fill(dim, index, value): IndexFillBackward0 (IndexFillBackward1 when the value is a tensor).</summary>
    public static Tensor IndexFill(Tensor self, int dim, Tensor index, double value, Tensor? valueTensor, bool inPlace)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, self.Dim);
        if (index.DType != DType.Int64) throw new ArgumentOutOfRangeException(nameof(index), "index_fill_(): Expected dtype int64 for index.");
        if (index.Dim > 1) throw new ArgumentException("Index has to be a vector/scalar");
        Errors.CheckScalarFits(self.DType, value);
        var (outer, size, inner) = Split(self.Sizes, dim);
        var entries = Entries(index, size, dim, wrap: true);
        return ScatterOps.Run(self, valueTensor, inPlace,
            _ => valueTensor is null
                ? Record.Connect(new IndexFillBackward0(dim) { Index = SavedTensor.Input(index) }, self)
                : Record.Connect(new IndexFillBackward1(dim, valueTensor.DType) { Index = SavedTensor.Input(index) }, self, valueTensor),
            () => ScatterOps.Write(self, null, (y, _) => Dispatch.IndexWrite(y, outer, size, inner, entries, null, value, false, "index_fill")));
    }

    /// <summary>index_copy(dim, index, source): IndexCopyBackward0.</summary>
    public static Tensor IndexCopy(Tensor self, int dim, Tensor index, Tensor source, bool inPlace)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        source.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, self.Dim);
        if (index.Dim > 1) throw new ArgumentOutOfRangeException(nameof(index), $"index_copy_(): Index should have dimension 1 or 0 (got {index.Dim})");
        if (index.DType != DType.Int64) throw new ArgumentException($"index_copy_(): Expected a long tensor for index, but got {Errors.Pretty(index.DType)}");
        if (self.DType != source.DType)
            throw new ArgumentException($"index_copy_(): self and source expected to have the same dtype, but got (self) {Errors.Pretty(self.DType)} and (source) {Errors.Pretty(source.DType)}");
        int sourceCount = source.Dim == 0 ? 1 : source.Sizes[Math.Min(dim, source.Dim - 1)];
        if (index.Numel != sourceCount)
            throw new ArgumentOutOfRangeException(nameof(index), $"index_copy_(): Number of indices ({index.Numel}) should be equal to source.size(dim) ({sourceCount})");
        if (source.Dim != self.Dim) throw new ArgumentException("index_copy_(): When source and destination are not scalars, their dimensionality must match.");
        for (int d = 0, slice = 0; d < self.Dim; d++)
        {
            if (d == dim) continue;
            if (self.Sizes[d] != source.Sizes[d])
                throw new ArgumentException($"index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: {self.Sizes[d]} at dimension {slice} and source slice shape: {source.Sizes[d]} at dimension {slice}.");
            slice++;
        }
        var (outer, size, inner) = Split(self.Sizes, dim);
        var entries = Entries(index, size, dim, wrap: false, "index_copy_(): ");
        return ScatterOps.Run(self, source, inPlace,
            _ => Record.Connect(new IndexCopyBackward0(dim) { Index = SavedTensor.Input(index) }, self, source),
            () => ScatterOps.Write(self, OpHelpers.ContiguousRaw(source), (y, s) => Dispatch.IndexWrite(y, outer, size, inner, entries, s, 0, false, "index_copy")));
    }

    /// <summary>
    /// index_put(indices, values, accumulate): Int64 index tensors (broadcast together) or Bool masks index the leading
    /// dims; values broadcast to the indexing result. IndexPutBackward0.
    /// </summary>
    public static Tensor IndexPut(Tensor self, Tensor[] indices, Tensor values, bool accumulate, bool inPlace)
    {
        ArgumentNullException.ThrowIfNull(indices);
        foreach (var index in indices) ArgumentNullException.ThrowIfNull(index);
        return IndexPutAt(self, indices, values, accumulate, inPlace);
    }

    /// <summary>
    /// index_put with ATen's optional entries: a null entry leaves its dim unindexed (as <c>t[:, idx] = v</c> does).
    /// The indexed dims are moved to the front of a permuted view, where the leading-dims kernel writes, and the node
    /// permutes the gradient the same way.
    /// </summary>
    internal static Tensor IndexPutAt(Tensor self, Tensor?[] indices, Tensor values, bool accumulate, bool inPlace)
    {
        self.ThrowIfDisposed();
        values.ThrowIfDisposed();
        var ai = AdvancedIndex.Resolve(self, indices);
        if (values.DType != self.DType)
            throw new InvalidOperationException($"Index put requires the source and destination dtypes match, got {Errors.Pretty(self.DType)} for the destination and {Errors.Pretty(values.DType)} for the source.");
        var resultShape = ai.ResultShape(self.Sizes);
        bool fits = values.Dim <= resultShape.Length;
        for (int d = 0; fits && d < values.Dim; d++)
        {
            int v = values.Sizes[values.Dim - 1 - d], r = resultShape[resultShape.Length - 1 - d];
            fits = v == r || v == 1;
        }
        if (!fits)
            throw new InvalidOperationException($"shape mismatch: value tensor of shape {Errors.Shape(values.Sizes)} cannot be broadcast to indexing result of shape {Errors.Shape(resultShape)}");
        var lin = Tensor.FromArray(ai.Rows);
        var valueSizes = values.Sizes;
        return ScatterOps.Run(self, values, inPlace,
            _ => Record.Connect(new IndexPutBackward0(self.Sizes, ai.Geometry, accumulate, valueSizes, values.DType) { Index = SavedTensor.Input(lin) }, self, values),
            () =>
            {
                using var scope = Tensor.NewScope();
                using var noGrad = Autograd.NoGrad();
                var v = ai.Geometry.ToLeading(values.Expand(resultShape)).Contiguous();
                var permuted = ai.Geometry.Permutation is { } perm ? self.Permute(perm) : self;
                var y = ScatterOps.Write(permuted, v, (t, src) => Dispatch.IndexWrite(t, 1, ai.Geometry.RowCount, ai.Geometry.Inner, ai.Rows, src, 0, accumulate, "index_put"));
                if (ai.Geometry.Inverse is { } inverse) y = y.Permute(inverse).Contiguous();
                return y.MoveToOuterScope();
            });
    }
}

/// <summary>
/// Where an advanced index reads or writes: the indexed dims of self (in order), the broadcast shape of their index
/// tensors, and the permutation that brings those dims to the front, where one Int64 row per index element addresses a
/// slice of the remaining dims.
/// </summary>
internal sealed class IndexGeometry
{
    public IndexGeometry(int[] selfSizes, int[] dims, int[] broadcast)
    {
        Dims = dims;
        Broadcast = broadcast;
        RowCount = dims.Aggregate(1, (acc, d) => acc * selfSizes[d]);
        var rest = Enumerable.Range(0, selfSizes.Length).Except(dims).ToArray();
        Inner = rest.Aggregate(1, (acc, d) => acc * selfSizes[d]);
        if (Leading(dims)) return;
        Permutation = [.. dims, .. rest];
        Inverse = Invert(Permutation);
    }

    /// <summary>The indexed dims of self, ascending.</summary>
    public int[] Dims { get; }

    /// <summary>The index tensors' broadcast shape.</summary>
    public int[] Broadcast { get; }

    /// <summary>Null when the indexed dims already lead; else the dims first, then the rest in order.</summary>
    public int[]? Permutation { get; }

    /// <summary>The inverse of <see cref="Permutation"/>.</summary>
    public int[]? Inverse { get; }

    /// <summary>The number of addressable rows (the product of the indexed dims' sizes).</summary>
    public int RowCount { get; }

    /// <summary>The elements per row (the product of the other dims' sizes).</summary>
    public int Inner { get; }

    /// <summary>Consecutive indexed dims keep the index's place in the result; otherwise it goes first (NumPy's rule).</summary>
    public bool Adjacent => Dims[^1] - Dims[0] + 1 == Dims.Length;

    /// <summary>self's sizes with the indexed dims first.</summary>
    public int[] LeadingSizes(int[] sizes) => Permutation is { } p ? [.. p.Select(d => sizes[d])] : sizes;

    /// <summary>The leading-layout result shape: the broadcast shape, then the dims not indexed.</summary>
    public int[] LeadingResultShape(int[] sizes) => [.. Broadcast, .. Enumerable.Range(0, sizes.Length).Except(Dims).Select(d => sizes[d])];

    /// <summary>
    /// A tensor in the result's layout moved to the leading one: when the index kept its place after some unindexed
    /// dims, its block of dims moves to the front (a view).
    /// </summary>
    public Tensor ToLeading(Tensor result) => BlockMove(result, toFront: true);

    /// <summary>The inverse of <see cref="ToLeading"/>.</summary>
    public Tensor FromLeading(Tensor leading) => BlockMove(leading, toFront: false);

    private Tensor BlockMove(Tensor t, bool toFront)
    {
        int before = Adjacent ? Dims[0] : 0, block = Broadcast.Length;
        if (before == 0 || block == 0) return t;
        int n = t.Dim;
        var perm = new int[n];
        int k = 0;
        if (toFront)
        {
            for (int i = 0; i < block; i++) perm[k++] = before + i;
            for (int i = 0; i < before; i++) perm[k++] = i;
        }
        else
        {
            for (int i = 0; i < before; i++) perm[k++] = block + i;
            for (int i = 0; i < block; i++) perm[k++] = i;
        }
        for (int i = before + block; i < n; i++) perm[k++] = i;
        return t.Permute(perm);
    }

    private static bool Leading(int[] dims)
    {
        for (int i = 0; i < dims.Length; i++)
            if (dims[i] != i) return false;
        return true;
    }

    private static int[] Invert(int[] p)
    {
        var inv = new int[p.Length];
        for (int i = 0; i < p.Length; i++) inv[p[i]] = i;
        return inv;
    }
}

/// <summary>An advanced index resolved against a tensor: masks expanded to positions, bounds checked, rows computed.</summary>
internal sealed class AdvancedIndex
{
    private AdvancedIndex(IndexGeometry geometry, long[] rows)
    {
        Geometry = geometry;
        Rows = rows;
    }

    public IndexGeometry Geometry { get; }

    /// <summary>For each element of the broadcast index, the row it addresses in self's leading layout.</summary>
    public long[] Rows { get; }

    /// <summary>The shape PyTorch's advanced indexing gives: see <see cref="IndexGeometry.Adjacent"/>.</summary>
    public int[] ResultShape(int[] sizes)
    {
        var leading = Geometry.LeadingResultShape(sizes);
        if (!Geometry.Adjacent || Geometry.Dims[0] == 0) return leading;
        int before = Geometry.Dims[0], block = Geometry.Broadcast.Length;
        var shape = new int[leading.Length];
        for (int i = 0; i < before; i++) shape[i] = leading[block + i];
        for (int i = 0; i < block; i++) shape[before + i] = leading[i];
        for (int i = before + block; i < shape.Length; i++) shape[i] = leading[i];
        return shape;
    }

    /// <summary>
    /// ATen's index checks, in its order and words: a null entry skips a dim, an Int64 tensor indexes one, a Bool mask
    /// as many as it has (its nonzero positions); anything else, too many dims, a mask of the wrong shape, index tensors
    /// that don't broadcast, or a position out of range throws ArgumentOutOfRangeException (IndexError).
    /// </summary>
    public static AdvancedIndex Resolve(Tensor self, Tensor?[] entries)
    {
        var dims = new List<int>();
        var tensors = new List<Tensor>();
        int at = 0;
        foreach (var entry in entries)
        {
            if (entry is null) { at++; continue; }
            entry.ThrowIfDisposed();
            if (entry.DType.IsIndex())
            {
                if (at >= self.Dim) throw TooMany(self.Dim, at + 1);
                dims.Add(at++);
                tensors.Add(OpHelpers.CastRaw(entry, DType.Int64));
                continue;
            }
            // a byte index is a mask, as in PyTorch's deprecated form
            var mask = entry.DType == DType.UInt8 ? OpHelpers.CastRaw(entry, DType.Bool) : entry;
            if (mask.DType != DType.Bool) throw new ArgumentOutOfRangeException(nameof(entries), "tensors used as indices must be long, int, byte or bool tensors");
            if (at + mask.Dim > self.Dim) throw TooMany(self.Dim, at + mask.Dim);
            for (int j = 0; j < mask.Dim; j++)
                if (mask.Sizes[j] != self.Sizes[at + j])
                    throw new ArgumentOutOfRangeException(nameof(entries), $"The shape of the mask {Errors.Shape(mask.Sizes)} at index {j} does not match the shape of the indexed tensor {Errors.Shape(self.Sizes)} at index {at + j}");
            using (Autograd.NoGrad())
            {
                var positions = mask.Nonzero();
                for (int j = 0; j < mask.Dim; j++)
                {
                    dims.Add(at + j);
                    tensors.Add(positions.Select(1, j).Contiguous());
                }
            }
            at += entry.Dim;
        }
        if (dims.Count == 0) throw new ArgumentException("at least one index tensor is required", nameof(entries));
        int[] shape = tensors[0].Sizes;
        for (int j = 1; j < tensors.Count; j++)
        {
            try { shape = Layout.Broadcast(shape, tensors[j].Sizes); }
            catch (ArgumentException)
            {
                throw new ArgumentOutOfRangeException(nameof(entries),
                    $"shape mismatch: indexing tensors could not be broadcast together with shapes {string.Join(", ", tensors.Select(t => Errors.Shape(t.Sizes)))}");
            }
        }
        var geometry = new IndexGeometry(self.Sizes, [.. dims], shape);
        int count = Layout.NumElements(shape);
        var rows = new long[count];
        long stride = geometry.RowCount;
        for (int j = 0; j < tensors.Count; j++)
        {
            int size = self.Sizes[dims[j]];
            stride /= size;
            var entriesJ = IndexWriteOps.Entries(tensors[j], size, dims[j], wrap: true);
            var where = Layout.ContiguousStrides(tensors[j].Sizes);
            // walk the broadcast shape, reading index j through its own (broadcast) strides
            var coord = new int[shape.Length];
            int lead = shape.Length - tensors[j].Dim;
            for (int p = 0; p < count; p++)
            {
                int pos = 0;
                for (int d = 0; d < tensors[j].Dim; d++) if (tensors[j].Sizes[d] != 1) pos += coord[lead + d] * where[d];
                rows[p] += entriesJ[pos] * stride;
                for (int d = shape.Length - 1; d >= 0 && ++coord[d] == shape[d]; d--) coord[d] = 0;
            }
        }
        return new AdvancedIndex(geometry, rows);
    }

    private static ArgumentOutOfRangeException TooMany(int ndim, int got) =>
        new("indices", $"too many indices for tensor of dimension {ndim} (got {got})");
}
