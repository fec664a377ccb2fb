using System.Numerics;
using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
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
        var y = x.DType is DType.Float32 or DType.Float64 && x.Dim > 0 ? FloatCumsum(x, d) : Scan(x, d, RunningSum, RunningSum);
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new CumsumBackward0(d, x.Dim), x));
        return y;
    }

    /// <summary>cumsum of a float or double tensor along d in place of the working copies: one kernel pass over its contiguous form.</summary>
    private static Tensor FloatCumsum(Tensor x, int d)
    {
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, x.Sizes);
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= x.Sizes[i];
        for (int i = d + 1; i < x.Dim; i++) inner *= x.Sizes[i];
        if (y.Numel > 0) Dispatch.Cumsum(src.Strided, outer, x.Sizes[d], inner, y.Strided);
        if (!ReferenceEquals(src, x)) src.Dispose();
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

    /// <summary>
    /// sort along a dim: values and their Int64 source positions, NaN as the largest (SortBackward0). Equal values keep
    /// their input order when <paramref name="stable"/>; otherwise they land where PyTorch's CPU sort (libstdc++'s
    /// std::sort) puts them.
    /// </summary>
    public static (Tensor Values, Tensor Indices) Sort(Tensor x, int dim, bool descending, bool stable)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        var indices = SortedIndices(x, d, descending, stable);
        return (Gathered(x, d, indices, new SortBackward0(d, x.Sizes)), indices);
    }

    /// <summary>
    /// topk: the k largest (or smallest) along a dim with their positions (TopkBackward0), chosen among equal values as
    /// PyTorch's CPU kernel chooses: std::partial_sort when k * 64 &lt;= n, else std::nth_element, then std::sort of the
    /// first k - 1 when <paramref name="sorted"/>.
    /// </summary>
    public static (Tensor Values, Tensor Indices) TopK(Tensor x, int k, int dim, bool largest, bool sorted)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        int n = x.Dim == 0 ? 1 : x.Sizes[d];
        if (k < 0 || k > n) throw new InvalidOperationException("selected index k out of range");
        Tensor indices;
        using (Autograd.NoGrad())
        {
            if (x.Dim == 0) indices = Tensor.Zeros([], DType.Int64);
            else
            {
                var all = x.DType == DType.Int64
                    ? AlongDim<long>(x, d, DType.Int64, DType.Int64, SliceOp<long>(n, largest, k, sorted, topk: true))
                    : AlongDim<double>(x, d, DType.Float64, DType.Int64, SliceOp<double>(n, largest, k, sorted, topk: true));
                indices = all.Narrow(d, 0, k).Contiguous();
                all.Dispose();
            }
        }
        return (Gathered(x, d, indices, new TopkBackward0(d, x.Sizes)), indices);
    }

    internal static Tensor SortedIndices(Tensor x, int d, bool descending, bool stable)
    {
        using (Autograd.NoGrad())
        {
            if (x.Dim == 0) return Tensor.Zeros([], DType.Int64);
            int n = x.Sizes[d];
            // A dimension broadcast from one value (stride 0) is already in order; PyTorch returns it as it is.
            if (x.Strides[d] == 0 || n < 2) return InputOrder(x.Sizes, d);
            // Int64 sorts on its own values: a Float64 key would merge neighbours beyond 2^53.
            if (x.DType == DType.Int64)
                return AlongDim<long>(x, d, DType.Int64, DType.Int64,
                    stable ? (v, s, m) => StableSortRow(v, s, m, descending, static (a, b) => a.CompareTo(b)) : SliceOp<long>(n, descending, n, true, topk: false));
            return AlongDim<double>(x, d, DType.Float64, DType.Int64,
                stable ? (v, s, m) => StableSortRow(v, s, m, descending, CompareNaNLast) : SliceOp<double>(n, descending, n, true, topk: false));
        }
    }

    /// <summary>Positions 0..n-1 along <paramref name="d"/> of a tensor of <paramref name="sizes"/>.</summary>
    private static Tensor InputOrder(int[] sizes, int d)
    {
        using var scope = Tensor.NewScope();
        var shape = new int[sizes.Length];
        Array.Fill(shape, 1);
        shape[d] = sizes[d];
        return Tensor.Arange(sizes[d], DType.Int64).Reshape(shape).Expand(sizes).Contiguous().MoveToOuterScope();
    }

    /// <summary>
    /// The per-slice work of sort (all n positions) or topk (the first k matter), run as libstdc++ runs it for PyTorch on
    /// (value, position) pairs; the slice's values are replaced by the positions in their new order.
    /// </summary>
    private static Action<T[], int, int> SliceOp<T>(int n, bool descendingOrLargest, int k, bool sorted, bool topk) where T : INumber<T>
    {
        var keys = new T[n];
        var positions = new long[n];
        return (v, s, m) =>
        {
            for (int i = 0; i < m; i++) { keys[i] = v[s + i]; positions[i] = i; }
            if (descendingOrLargest) Order<T, DescendingNaNFirst<T>>(keys, positions, m, k, sorted, topk);
            else Order<T, AscendingNaNLast<T>>(keys, positions, m, k, sorted, topk);
            for (int i = 0; i < m; i++) v[s + i] = T.CreateTruncating(positions[i]);
        };
    }

    private static void Order<T, TOrder>(T[] keys, long[] positions, int n, int k, bool sorted, bool topk) where TOrder : IKeyOrder<T>
    {
        if (!topk) StdSort<T, TOrder>.Sort(keys, positions, 0, n);
        else if (k == 0) return;
        else if ((long)k * 64 <= n) StdSort<T, TOrder>.PartialSort(keys, positions, 0, k, n);
        else
        {
            StdSort<T, TOrder>.NthElement(keys, positions, 0, k - 1, n);
            if (sorted) StdSort<T, TOrder>.Sort(keys, positions, 0, k - 1);
        }
    }

    /// <summary>Replaces v[s..s+n) by the positions that sort it stably: equal values keep their input order.</summary>
    private static void StableSortRow<T>(T[] v, int s, int n, bool descending, Comparison<T> compare) where T : INumber<T>
    {
        var keys = new T[n];
        var order = new int[n];
        for (int i = 0; i < n; i++) { keys[i] = v[s + i]; order[i] = i; }
        Comparison<int> cmp = descending
            ? (a, b) => compare(keys[b], keys[a]) is var c && c != 0 ? c : a.CompareTo(b)
            : (a, b) => compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b);
        Array.Sort(order, cmp);
        for (int i = 0; i < n; i++) v[s + i] = T.CreateTruncating(order[i]);
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
