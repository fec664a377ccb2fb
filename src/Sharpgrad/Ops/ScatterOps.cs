using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// scatter (src or value, the deprecated add/multiply reduce) and scatter_reduce (sum, prod, mean, amax, amin), out of
/// place and in place; the in-place forms bump the version counter once and rewrite history as every in-place op.
/// </summary>
internal static class ScatterOps
{
    /// <summary>
    /// Runs <paramref name="compute"/> (a fresh result from self, no autograd) out of place, or writes it back into self
    /// in place; <paramref name="makeNode"/> (told whether in place) connects and saves its inputs,
    /// <paramref name="saveResult"/> then saves the result when the node needs it.
    /// </summary>
    internal static Tensor Run(Tensor self, Tensor? other, bool inPlace, Func<bool, Node> makeNode, Func<Tensor> compute, Action<Node, Tensor>? saveResult = null)
    {
        if (inPlace)
        {
            bool record = InPlaceOps.Check(self, other);
            var node = record ? makeNode(true) : null;
            var y = compute();
            Dispatch.Copy(y.Strided, self.Strided);
            y.Dispose();
            InPlaceOps.Commit(self, node);
            if (node is not null) saveResult?.Invoke(node, self);
            return self;
        }
        var n = (other is null ? Record.ShouldRecord(self) : Record.ShouldRecord(self, other)) ? makeNode(false) : null;
        var r = compute();
        if (n is not null)
        {
            Record.SetHistory(r, n);
            saveResult?.Invoke(n, r);
        }
        return r;
    }

    /// <summary>
    /// A fresh contiguous copy of self with <paramref name="write"/> applied (to it and src converted alike); Bool
    /// tensors are written through Int64 and read back as non-zero, which gives PyTorch's logical add/multiply/max/min.
    /// </summary>
    internal static Tensor Write(Tensor self, Tensor? src, Action<StridedArray, StridedArray?> write)
    {
        var type = self.DType == DType.Bool ? DType.Int64 : self.DType;
        var y = Tensor.Empty(type, self.Sizes);
        Dispatch.Copy(self.Strided, y.Strided);
        var s = src is null ? null : OpHelpers.CastRaw(src, type);
        write(y.Strided, s?.Strided);
        if (type == self.DType) return y;
        var result = OpHelpers.CastRaw(y, self.DType);
        y.Dispose();
        return result;
    }

    /// <summary>scatter_gather_dtype_check and scatter_shape_check; returns the contiguous index.</summary>
    private static Tensor CheckScatter(Tensor self, int dim, Tensor index, Tensor? src, string op)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        src?.ThrowIfDisposed();
        if (index.DType != DType.Int64) throw new ArgumentException($"{op}(): Expected dtype int64 for index");
        if (src is not null && src.DType != self.DType) throw new ArgumentException($"{op}(): Expected self.dtype to be equal to src.dtype");
        if (index.Dim != self.Dim) throw new ArgumentException("Index tensor must have the same number of dimensions as self tensor");
        if (src is not null && index.Dim != src.Dim) throw new ArgumentException("Index tensor must have the same number of dimensions as src tensor");
        bool wrong = false;
        for (int d = 0; d < index.Dim; d++)
        {
            if (d != dim && index.Sizes[d] > self.Sizes[d]) wrong = true;
            if (src is not null && index.Sizes[d] > src.Sizes[d]) wrong = true;
        }
        if (wrong)
            throw new ArgumentException($"Expected index {Errors.Shape(index.Sizes)} to be no larger than self {Errors.Shape(self.Sizes)} apart from dimension {dim}"
                + (src is null ? "" : $" and to be no larger size than src {Errors.Shape(src.Sizes)}"));
        var idx = OpHelpers.ContiguousRaw(index);
        var data = idx.Elements<long>();
        int size = self.Dim == 0 ? 1 : self.Sizes[dim];
        for (int i = 0; i < idx.Numel; i++)
        {
            long v = data[idx.Offset + i];
            if (v < 0 || v >= size) throw Errors.IndexOutOfBounds(v, dim, size);
        }
        return idx;
    }

    private static Tensor Compute(Tensor self, int dim, Tensor idx, Tensor? src, double value, ScatterMode mode, bool includeSelf, string op) =>
        Write(self, src, (y, s) => Dispatch.Scatter(y, idx.Elements<long>(), idx.Offset, idx.Sizes, dim, s, value, mode, includeSelf, op));

    private static ScatterMode ReduceArgument(string? reduce) => reduce switch
    {
        null => ScatterMode.Set,
        "add" => ScatterMode.Add,
        "multiply" => ScatterMode.Multiply,
        _ => throw new ArgumentException("reduce argument must be either add or multiply."),
    };

    /// <summary>scatter(dim, index, src[, reduce]): ScatterBackward0; with a reduce, PyTorch's NotImplemented node.</summary>
    public static Tensor Scatter(Tensor self, int dim, Tensor index, Tensor src, string? reduce, bool inPlace)
    {
        ArgumentNullException.ThrowIfNull(src);
        var mode = ReduceArgument(reduce);
        dim = Layout.WrapDim(dim, self.Dim);
        var idx = CheckScatter(self, dim, index, src, "scatter");
        return Run(self, src, inPlace,
            _ => mode == ScatterMode.Set
                ? Record.Connect(new ScatterBackward0(dim, src.Sizes) { Index = SavedTensor.Input(idx) }, self, src)
                : Record.Connect(new NotImplementedBackward("aten::scatter"), self, src),
            () => Compute(self, dim, idx, src, 0, mode, true, "scatter"));
    }

    /// <summary>scatter(dim, index, value[, reduce]): ScatterBackward1; with a reduce, PyTorch's NotImplemented node.</summary>
    public static Tensor Scatter(Tensor self, int dim, Tensor index, double value, string? reduce, bool inPlace)
    {
        var mode = ReduceArgument(reduce);
        dim = Layout.WrapDim(dim, self.Dim);
        var idx = CheckScatter(self, dim, index, null, "scatter");
        Errors.CheckScalarFits(self.DType, value);
        return Run(self, null, inPlace,
            _ => mode == ScatterMode.Set
                ? Record.Connect(new ScatterBackward1(dim) { Index = SavedTensor.Input(idx) }, self)
                : Record.Connect(new NotImplementedBackward("aten::scatter"), self),
            () => Compute(self, dim, idx, null, value, mode, true, "scatter"));
    }

    /// <summary>scatter_reduce(dim, index, src, reduce, include_self): ScatterReduceBackward0.</summary>
    public static Tensor ScatterReduce(Tensor self, int dim, Tensor index, Tensor src, string reduce, bool includeSelf, bool inPlace) =>
        ScatterReduce(self, dim, index, src, reduce, includeSelf, inPlace, nameof(ScatterReduceBackward0));

    /// <summary>scatter_reduce recorded under <paramref name="nodeName"/> (index_reduce is scatter_reduce with an expanded index).</summary>
    internal static Tensor ScatterReduce(Tensor self, int dim, Tensor index, Tensor src, string reduce, bool includeSelf, bool inPlace, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(reduce);
        var mode = reduce switch
        {
            "sum" => ScatterMode.Add,
            "prod" => ScatterMode.Multiply,
            "mean" => ScatterMode.Mean,
            "amax" => ScatterMode.Max,
            "amin" => ScatterMode.Min,
            _ => throw new ArgumentException($"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}"),
        };
        dim = Layout.WrapDim(dim, self.Dim);
        var idx = CheckScatter(self, dim, index, src, "scatter");
        bool needsResult = mode is ScatterMode.Multiply or ScatterMode.Max or ScatterMode.Min;
        return Run(self, src, inPlace,
            copySelf =>
            {
                var node = Record.Connect(new ScatterReduceBackward0(dim, reduce, includeSelf, src.Sizes) { NodeName = nodeName }, self, src);
                node.Index = SavedTensor.Input(idx);
                if (mode != ScatterMode.Add && mode != ScatterMode.Mean) node.Self = copySelf ? OpHelpers.SaveCopy(self) : SavedTensor.Input(self);
                if (mode != ScatterMode.Add) node.Src = SavedTensor.Input(src);
                return node;
            },
            () => Compute(self, dim, idx, src, 0, mode, includeSelf, "scatter_reduce"),
            needsResult ? (n, r) => ((ScatterReduceBackward0)n).Result = SavedTensor.Output(r, n) : null);
    }

    /// <summary>
    /// index_reduce: source's slices along dim reduced (prod, mean, amax, amin) into self at index's positions, which is
    /// scatter_reduce with the index expanded over source's shape (IndexReduceBackward0).
    /// </summary>
    public static Tensor IndexReduce(Tensor self, int dim, Tensor index, Tensor source, string reduce, bool includeSelf, bool inPlace)
    {
        self.ThrowIfDisposed();
        index.ThrowIfDisposed();
        source.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(reduce);
        if (reduce is not ("prod" or "mean" or "amax" or "amin"))
            throw new ArgumentException($"index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got {reduce}.");
        dim = Layout.WrapDim(dim, self.Dim);
        if (!index.DType.IsIndex()) throw new ArgumentException($"index_reduce_(): Expected dtype int32/int64 for index but got: {Errors.Pretty(index.DType)}");
        int along = source.Dim == 0 ? 1 : source.Sizes[dim];
        if (index.Dim > 1 || index.Numel != along)
            throw new ArgumentException($"index_reduce_(): Number of indices ({index.Numel}) should be equal to source.size(dim): ({along}), for dim: {dim}");
        long[] positions;
        using (Autograd.NoGrad()) positions = index.Contiguous().ToArray<long>();
        int size = self.Dim == 0 ? 1 : self.Sizes[dim];
        if (positions.Any(p => p < -size || p >= size)) throw new ArgumentOutOfRangeException(nameof(index), "index out of range in self");
        Tensor expanded;
        using (Autograd.NoGrad())
        {
            var shape = Enumerable.Repeat(1, source.Dim).ToArray();
            shape[dim] = along;
            expanded = Tensor.FromArray(positions.Select(p => p < 0 ? p + size : p).ToArray()).View(shape).Expand(source.Sizes).Contiguous();
        }
        return ScatterReduce(self, dim, expanded, source, reduce, includeSelf, inPlace, "IndexReduceBackward0");
    }
}
