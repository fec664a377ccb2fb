using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Ops along one dimension: cumsum, logsumexp, flip, sort and topk.</summary>
internal static class ScanSortOps
{
    /// <summary>
    /// Runs <paramref name="rowOp"/> over every 1-D slice along <paramref name="dim"/> of a working copy in
    /// <paramref name="work"/> (Float64 holds every value these ops see exactly; Int64 keeps integer sums exact) and
    /// returns the result in <paramref name="outType"/>.
    /// </summary>
    internal static Tensor AlongDim<T>(Tensor x, int dim, DType work, DType outType, Action<T[], int, int> rowOp) where T : unmanaged
    {
        using var scope = Tensor.NewScope();
        var moved = x.To(work).Transpose(dim, -1).Contiguous();
        var data = moved.ToArray<T>();
        int n = x.Dim == 0 ? 1 : x.Sizes[dim];
        if (n > 0)
            for (int start = 0; start < data.Length; start += n) rowOp(data, start, n);
        var back = Tensor.FromSpan<T>(data, moved.Sizes.ToArray()).Transpose(dim, -1).Contiguous().To(outType);
        return back.MoveToOuterScope();
    }

    /// <summary>
    /// A running scan along dim d (unrecorded): integral and bool inputs scan in Int64 and give Int64, floating ones
    /// scan in Float64 (as PyTorch's CPU kernels accumulate) and keep their dtype.
    /// </summary>
    internal static Tensor Scan(Tensor x, int d, Action<long[], int, int> int64Op, Action<double[], int, int> float64Op)
    {
        var outType = x.DType.IsFloatingPoint() ? x.DType : DType.Int64;
        using (Autograd.NoGrad())
        {
            if (x.Dim == 0) return x.To(outType).Clone();
            if (outType == DType.Int64) return AlongDim(x, d, DType.Int64, outType, int64Op);
            return AlongDim(x, d, DType.Float64, outType, float64Op);
        }
    }

    /// <summary>cumsum: running sums along a dim; integral and bool inputs give Int64 (CumsumBackward0).</summary>
    public static Tensor Cumsum(Tensor x, int dim)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        var y = Scan(x, d, RunningSum, RunningSum);
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new CumsumBackward0(d, x.Dim), x));
        return y;
    }

    private static void RunningSum<T>(T[] v, int start, int n) where T : System.Numerics.INumber<T>
    {
        for (int i = 1; i < n; i++) v[start + i] += v[start + i - 1];
    }

    /// <summary>logsumexp over dims, max-shifted so it neither overflows nor underflows (LogsumexpBackward0).</summary>
    public static Tensor LogSumExp(Tensor x, int[] dims, bool keepDim)
    {
        x.ThrowIfDisposed();
        var wrapped = ReduceOps.WrapDims(dims, x.Dim);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var xf = x.DType.IsFloatingPoint() ? x : x.To(DTypeDefaults.Float);
            var m = wrapped.Length == 0 ? xf : ReduceOps.ExtremeOver(xf, wrapped, keepDim: true, max: true);
            // An infinite max would make x - m NaN: shift by 0 there, as PyTorch does.
            var shift = Tensor.Where(m.Abs().Eq(double.PositiveInfinity), Tensor.ZerosLike(m), m);
            var r = (xf - shift).Exp().Sum(wrapped, keepDim: true).Log() + shift;
            if (!keepDim) foreach (int d in wrapped.OrderByDescending(d => d)) r = r.Squeeze(d);
            y = r.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LogsumexpBackward0(wrapped, keepDim), x);
            node.Self = SavedTensor.Input(x);
            node.Result = SavedTensor.Output(y, node);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>flip: reverses the order along each of <paramref name="dims"/> (a copy, as in PyTorch). FlipBackward0.</summary>
    public static Tensor Flip(Tensor x, int[] dims)
    {
        x.ThrowIfDisposed();
        var wrapped = dims.Select(d => Layout.WrapDim(d, x.Dim)).ToArray();
        for (int i = 0; i < wrapped.Length; i++)
            if (Array.IndexOf(wrapped, wrapped[i], i + 1) >= 0)
                throw new InvalidOperationException($"dim {wrapped[i]} appears multiple times in the list of dims");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var r = x;
            foreach (int d in wrapped)
                if (x.Sizes[d] > 1) r = r.IndexSelect(d, Tensor.Arange(x.Sizes[d] - 1, -1, -1));
            y = (ReferenceEquals(r, x) ? x.Clone() : r.Contiguous()).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new FlipBackward0(wrapped), x));
        return y;
    }

    /// <summary>sort along a dim: values and their Int64 source positions; NaN sorts as the largest; ties keep order. SortBackward0.</summary>
    public static (Tensor Values, Tensor Indices) Sort(Tensor x, int dim, bool descending)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        var indices = SortedIndices(x, d, descending);
        return (Gathered(x, d, indices, new SortBackward0(d, x.Sizes)), indices);
    }

    /// <summary>topk: the k largest (or smallest) along a dim, sorted, with their positions. TopkBackward0.</summary>
    public static (Tensor Values, Tensor Indices) TopK(Tensor x, int k, int dim, bool largest)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        int n = x.Dim == 0 ? 1 : x.Sizes[d];
        if (k < 0 || k > n) throw new InvalidOperationException("selected index k out of range");
        Tensor indices;
        using (Autograd.NoGrad())
        {
            var all = SortedIndices(x, d, largest);
            indices = x.Dim == 0 ? all : all.Narrow(d, 0, k).Contiguous();
        }
        return (Gathered(x, d, indices, new TopkBackward0(d, x.Sizes)), indices);
    }

    internal static Tensor SortedIndices(Tensor x, int d, bool descending)
    {
        using (Autograd.NoGrad())
        {
            if (x.Dim == 0) return Tensor.Zeros([], DType.Int64);
            // Int64 sorts on its own values: a Float64 key would merge neighbours beyond 2^53.
            if (x.DType == DType.Int64)
                return AlongDim<long>(x, d, DType.Int64, DType.Int64, (v, s, n) => SortRow(v, s, n, descending, static (a, b) => a.CompareTo(b), static i => i));
            var positions = AlongDim<double>(x, d, DType.Float64, DType.Float64, (v, s, n) => SortRow(v, s, n, descending, CompareNaNLast, static i => i));
            var result = positions.To(DType.Int64);
            positions.Dispose();
            return result;
        }
    }

    /// <summary>Replaces v[s..s+n) by the positions that sort it; stable, so equal values keep input order.</summary>
    private static void SortRow<T>(T[] v, int s, int n, bool descending, Comparison<T> compare, Func<int, T> position)
    {
        var keys = new T[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) { keys[i] = v[s + i]; order[i] = i; }
        Comparison<int> cmp = descending
            ? (a, b) => compare(keys[b], keys[a]) is var c && c != 0 ? c : a.CompareTo(b)
            : (a, b) => compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b);
        Array.Sort(order, cmp);
        for (int i = 0; i < n; i++) v[s + i] = position(order[i]);
    }

    /// <summary>NaN is the largest value, as in PyTorch's sort.</summary>
    private static int CompareNaNLast(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a.CompareTo(b);

    internal static Tensor Gathered(Tensor x, int d, Tensor indices, IndexNode node)
    {
        Tensor values;
        using (Autograd.NoGrad()) values = x.Dim == 0 ? x.Clone() : x.Gather(d, indices);
        if (Record.ShouldRecord(x))
        {
            Record.Connect(node, x);
            node.Index = SavedTensor.Input(indices);
            Record.SetHistory(values, node);
        }
        return values;
    }
}

/// <summary>cumsum: the reversed running sum of grad (flip, cumsum, flip).</summary>
internal sealed class CumsumBackward0(int dim, int ndim) : Node
{
    public override string Name => nameof(CumsumBackward0);
    internal override Tensor?[] Apply(Tensor grad) => ndim == 0 ? [grad] : [grad.Flip([dim]).Cumsum(dim).Flip([dim])];
}

/// <summary>logsumexp: grad · exp(x - result) (result and grad unsqueezed back over the reduced dims).</summary>
internal sealed class LogsumexpBackward0(int[] dims, bool keepDim) : UnaryNode
{
    public override string Name => nameof(LogsumexpBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [ReduceOps.Unsqueezed(grad, dims, keepDim) * (SelfValue - ReduceOps.Unsqueezed(ResultValue, dims, keepDim)).Exp()];
}

/// <summary>flip: flip(grad) over the same dims.</summary>
internal sealed class FlipBackward0(int[] dims) : Node
{
    public override string Name => nameof(FlipBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.Flip(dims)];
}

/// <summary>sort: grad scattered back to the source positions.</summary>
internal sealed class SortBackward0(int dim, int[] inputSizes) : IndexNode
{
    public override string Name => nameof(SortBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [inputSizes.Length == 0 ? grad : Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, Index!.Unpack(), grad)];
}

/// <summary>topk: grad scattered back to the positions of the k values, zero elsewhere.</summary>
internal sealed class TopkBackward0(int dim, int[] inputSizes) : IndexNode
{
    public override string Name => nameof(TopkBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [inputSizes.Length == 0 ? grad : Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, Index!.Unpack(), grad)];
}
