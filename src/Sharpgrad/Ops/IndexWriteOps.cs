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
    private static long[] Entries(Tensor index, int size, int dim, bool wrap, string prefix = "")
    {
        var idx = OpHelpers.ContiguousRaw(index);
        var data = idx.Data<long>();
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
        if (index.DType != DType.Int64) throw new ArgumentException($"index_copy_(): Expected a long tensor for index, but got {ScatterOps.TypeName(index.DType)}");
        if (self.DType != source.DType)
            throw new ArgumentException($"index_copy_(): self and source expected to have the same dtype, but got (self) {ScatterOps.TypeName(self.DType)} and (source) {ScatterOps.TypeName(source.DType)}");
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
        self.ThrowIfDisposed();
        values.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(indices);
        var ints = ExpandMasks(self, indices);
        int k = ints.Count;
        if (k > self.Dim) throw new ArgumentOutOfRangeException(nameof(indices), $"too many indices for tensor of dimension {self.Dim} (got {k})");
        int[] shape = k == 0 ? [] : ints[0].Sizes;
        for (int j = 1; j < k; j++)
        {
            try { shape = Layout.Broadcast(shape, ints[j].Sizes); }
            catch (ArgumentException)
            {
                var shapes = new string[k];
                for (int i = 0; i < k; i++) shapes[i] = Errors.Shape(ints[i].Sizes);
                throw new ArgumentOutOfRangeException(nameof(indices), $"shape mismatch: indexing tensors could not be broadcast together with shapes {string.Join(", ", shapes)}");
            }
        }
        // the linear position of each indexed slice in self's first k dims
        int count = Layout.NumElements(shape), rows = 1, inner = 1;
        for (int d = 0; d < k; d++) rows *= self.Sizes[d];
        for (int d = k; d < self.Dim; d++) inner *= self.Sizes[d];
        var linear = new long[count];
        for (int j = 0, stride = rows; j < k; j++)
        {
            stride /= self.Sizes[j];
            var entries = Entries(ints[j], self.Sizes[j], j, wrap: true);
            var where = Layout.ContiguousStrides(ints[j].Sizes);
            // walk the broadcast shape, reading index j through its own (broadcast) strides
            var coord = new int[shape.Length];
            for (int p = 0; p < count; p++)
            {
                int at = 0, lead = shape.Length - ints[j].Dim;
                for (int d = 0; d < ints[j].Dim; d++) if (ints[j].Sizes[d] != 1) at += coord[lead + d] * where[d];
                linear[p] += entries[at] * stride;
                for (int d = shape.Length - 1; d >= 0 && ++coord[d] == shape[d]; d--) coord[d] = 0;
            }
        }
        if (values.DType != self.DType)
            throw new InvalidOperationException($"Index put requires the source and destination dtypes match, got {ScatterOps.TypeName(self.DType)} for the destination and {ScatterOps.TypeName(values.DType)} for the source.");
        var resultShape = new int[shape.Length + self.Dim - k];
        shape.CopyTo(resultShape, 0);
        for (int d = k; d < self.Dim; d++) resultShape[shape.Length + d - k] = self.Sizes[d];
        bool fits = values.Dim <= resultShape.Length;
        for (int d = 0; fits && d < values.Dim; d++)
        {
            int v = values.Sizes[values.Dim - 1 - d], r = resultShape[resultShape.Length - 1 - d];
            fits = v == r || v == 1;
        }
        if (!fits)
            throw new InvalidOperationException($"shape mismatch: value tensor of shape {Errors.Shape(values.Sizes)} cannot be broadcast to indexing result of shape {Errors.Shape(resultShape)}");
        var lin = Tensor.FromArray(linear);
        var valueSizes = values.Sizes;
        return ScatterOps.Run(self, values, inPlace,
            _ => Record.Connect(new IndexPutBackward0(self.Sizes, k, rows, shape, accumulate, valueSizes, values.DType) { Index = SavedTensor.Input(lin) }, self, values),
            () =>
            {
                Tensor v;
                using (Autograd.NoGrad()) v = values.Expand(resultShape).Contiguous();
                return ScatterOps.Write(self, v, (y, s) => Dispatch.IndexWrite(y, 1, rows, inner, linear, s, 0, accumulate, "index_put"));
            });
    }

    /// <summary>Bool masks become their nonzero positions, one Int64 index per mask dim; other dtypes are refused.</summary>
    private static List<Tensor> ExpandMasks(Tensor self, Tensor[] indices)
    {
        var result = new List<Tensor>(indices.Length);
        foreach (var index in indices)
        {
            ArgumentNullException.ThrowIfNull(index);
            index.ThrowIfDisposed();
            if (index.DType == DType.Int64) { result.Add(index); continue; }
            if (index.DType != DType.Bool) throw new ArgumentOutOfRangeException(nameof(indices), "tensors used as indices must be long, int, byte or bool tensors");
            int at = result.Count;
            if (at + index.Dim > self.Dim) throw new ArgumentOutOfRangeException(nameof(indices), $"too many indices for tensor of dimension {self.Dim} (got {at + index.Dim})");
            for (int j = 0; j < index.Dim; j++)
                if (index.Sizes[j] != self.Sizes[at + j])
                    throw new ArgumentOutOfRangeException(nameof(indices), $"The shape of the mask {Errors.Shape(index.Sizes)} at index {j} does not match the shape of the indexed tensor {Errors.Shape(self.Sizes)} at index {at + j}");
            var positions = index.Nonzero();
            for (int j = 0; j < index.Dim; j++) result.Add(positions.Select(1, j).Contiguous());
        }
        return result;
    }
}
