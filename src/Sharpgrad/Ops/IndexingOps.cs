using Sharpgrad.Kernels;

namespace Sharpgrad.Ops;

/// <summary>
/// Python's <c>tensor[...]</c> and <c>tensor[...] = value</c>, as torch/csrc/autograd/python_variable_indexing.cpp
/// applies them: integers, slices, None, bools and Ellipsis become views (select, slice, unsqueeze) left to right; tensor
/// entries are collected and applied last as one advanced index (a copy, IndexBackward0), or written with index_put_.
/// </summary>
internal static class IndexingOps
{
    /// <summary>tensor[indices].</summary>
    public static Tensor Get(Tensor self, TensorIndex[] indices)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length == 1 && indices[0].Kind == TensorIndex.IndexKind.Single) return ViewOps.Index(self, indices[0].Value);
        using var scope = Tensor.NewScope();
        var (sliced, advanced) = ApplySlicing(self, indices);
        Tensor result;
        if (advanced is not null) result = Index(sliced, advanced);
        else if (ReferenceEquals(sliced, self)) result = ShapeExtraOps.Alias(self);
        else result = sliced;
        return result.MoveToOuterScope();
    }

    /// <summary>tensor[indices] = value: copy_ into the view the basic entries select, or index_put_ with the tensor ones.</summary>
    public static void Set(Tensor self, TensorIndex[] indices, Tensor value)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(value);
        value.ThrowIfDisposed();
        using var scope = Tensor.NewScope();
        var (sliced, advanced) = ApplySlicing(self, indices);
        if (advanced is not null) IndexWriteOps.IndexPutAt(sliced, advanced, value, accumulate: false, inPlace: true);
        else sliced.Copy_(Broadcastable(value, sliced));
    }

    /// <summary>tensor[indices] = scalar: fill_ the selected view, or index_put_ a 0-dim tensor of the tensor's dtype.</summary>
    public static void Set(Tensor self, TensorIndex[] indices, double value)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(indices);
        using var scope = Tensor.NewScope();
        var (sliced, advanced) = ApplySlicing(self, indices);
        if (advanced is not null) IndexWriteOps.IndexPutAt(sliced, advanced, Tensor.Scalar(value, self.DType), accumulate: false, inPlace: true);
        else sliced.Fill_(value);
    }

    /// <summary>
    /// Advanced indexing (aten::index): one Int64 tensor or Bool mask per entry, null for a dim left whole. The result is a
    /// new tensor shaped as NumPy's rule says (see <see cref="IndexGeometry.Adjacent"/>). IndexBackward0.
    /// </summary>
    public static Tensor Index(Tensor self, Tensor?[] entries)
    {
        var ai = AdvancedIndex.Resolve(self, entries);
        var geometry = ai.Geometry;
        var rows = Tensor.FromArray(ai.Rows);
        Tensor result;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var flat = IndexPutBackward0.Rows(self, self.Sizes, geometry);
            var picked = flat.IndexSelect(0, rows).Reshape(geometry.LeadingResultShape(self.Sizes));
            result = geometry.FromLeading(picked).Contiguous().MoveToOuterScope();
        }
        if (Record.ShouldRecord(self))
        {
            var node = new IndexBackward0(self.Sizes, self.DType, geometry) { Index = SavedTensor.Input(rows) };
            Record.Connect(node, self);
            Record.SetHistory(result, node);
        }
        return result;
    }

    /// <summary>
    /// The basic entries applied as views, left to right, and the tensor entries recorded at the dim they index in the
    /// result (null when there are none).
    /// </summary>
    private static (Tensor Sliced, Tensor?[]? Advanced) ApplySlicing(Tensor self, TensorIndex[] indices)
    {
        int specified = 0;
        foreach (var index in indices)
        {
            specified += index.Kind switch
            {
                TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice => 1,
                TensorIndex.IndexKind.Tensor => TensorDims(index.TensorValue!),
                _ => 0,
            };
        }
        if (specified > self.Dim) throw new ArgumentOutOfRangeException(nameof(indices), $"too many indices for tensor of dimension {self.Dim}");

        var result = self;
        var advanced = new List<Tensor?>();
        int dim = 0;
        void Record(Tensor t, int at, int span)
        {
            while (advanced.Count < at) advanced.Add(null);
            advanced.Add(t);
            dim = at + span;
        }
        for (int position = 0; position < indices.Length; position++)
        {
            var index = indices[position];
            switch (index.Kind)
            {
                case TensorIndex.IndexKind.Single:
                    result = SelectAt(result, dim, index.Value, position);
                    break;
                case TensorIndex.IndexKind.Slice:
                    long step = index.Step ?? 1;
                    if (step == 0) throw new ArgumentException("slice step cannot be zero");
                    if (step < 0) throw new ArgumentException("step must be greater than zero");
                    result = result.Slice(dim, index.Start ?? 0, index.Stop ?? long.MaxValue, step);
                    dim++;
                    break;
                case TensorIndex.IndexKind.Ellipsis:
                    dim += self.Dim - specified;
                    break;
                case TensorIndex.IndexKind.None:
                    result = result.Unsqueeze(dim);
                    dim++;
                    break;
                case TensorIndex.IndexKind.Bool:
                    result = result.Unsqueeze(dim);
                    Record(BoolPositions(index.Value != 0), dim, 1);
                    break;
                default:
                    var t = index.TensorValue!;
                    t.ThrowIfDisposed();
                    if (t.DType == DType.UInt8) t = OpHelpers.CastRaw(t, DType.Bool); // a byte index is a mask, as PyTorch's deprecated form
                    if (t.Dim == 0 && t.DType.IsIntegral())
                    {
                        // A 0-dim integer tensor (of any integer dtype) indexes as its integer does.
                        long at;
                        using (Autograd.NoGrad()) at = t.Item<long>();
                        result = SelectAt(result, dim, at, position);
                    }
                    else if (t.Dim == 0 && t.DType == DType.Bool)
                    {
                        result = result.Unsqueeze(dim);
                        bool flag;
                        using (Autograd.NoGrad()) flag = t.Item<bool>();
                        Record(BoolPositions(flag), dim, 1);
                    }
                    else if (t.DType is DType.Int64 or DType.Bool) Record(t, dim, t.DType == DType.Bool ? t.Dim : 1);
                    else if (t.DType == DType.Int32) Record(OpHelpers.CastRaw(t, DType.Int64), dim, 1);
                    else throw new ArgumentOutOfRangeException(nameof(indices), "tensors used as indices must be long, int, byte or bool tensors");
                    break;
            }
        }
        return (result, advanced.Count == 0 ? null : [.. advanced]);
    }

    /// <summary>Dims a tensor entry indexes: a 0-dim integer one is an integer; a mask covers its dims.</summary>
    private static int TensorDims(Tensor t) => t.DType is DType.Bool or DType.UInt8 ? t.Dim : t.Dim == 0 && !t.DType.IsIntegral() ? 0 : 1;

    /// <summary>select, whose range error names the entry's position in the index (PyTorch's real_dim).</summary>
    private static Tensor SelectAt(Tensor t, int dim, long index, int position)
    {
        if (dim >= t.Dim) throw new ArgumentOutOfRangeException(nameof(index), $"too many indices for tensor of dimension {t.Dim}");
        int size = t.Sizes[dim];
        if (index < -size || index >= size) throw Errors.IndexOutOfBounds(index, position, size);
        return t.Select(dim, index);
    }

    /// <summary>A bool entry's index into its new size-1 dim: [0] for True, empty for False.</summary>
    private static Tensor BoolPositions(bool value) => value ? Tensor.Zeros([1], DType.Int64) : Tensor.Zeros([0], DType.Int64);

    /// <summary>
    /// copy_to: the value as it is when the shapes agree; else without its leading size-1 dims (slicePrefix1sSize),
    /// expanded to the target ("setitem").
    /// </summary>
    private static Tensor Broadcastable(Tensor value, Tensor target)
    {
        if (value.Sizes.AsSpan().SequenceEqual(target.Sizes)) return value;
        int drop = 0;
        while (drop < value.Dim && value.Sizes[drop] == 1) drop++;
        var stripped = drop == 0 ? value : value.Reshape(value.Sizes[drop..]);
        return stripped.Expand(target.Sizes);
    }
}
