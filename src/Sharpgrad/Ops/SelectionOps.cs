using System.Globalization;
using System.Numerics;
using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// roll, cumprod, argsort, diag, trace, nonzero, masked_select, isclose, meshgrid, median and kthvalue.
/// Each forward runs unrecorded; the node (in SelectionOps.Nodes.cs) carries PyTorch's backward formula.
/// </summary>
internal static class SelectionOps
{
    // ---- roll ----

    /// <summary>roll: elements shifted cyclically along dims; with no dims, over the flattened tensor (RollBackward0).</summary>
    public static Tensor Roll(Tensor x, long[] shifts, int[] dims)
    {
        x.ThrowIfDisposed();
        if (shifts.Length == 0) throw new ArgumentException("`shifts` required");
        if (dims.Length == 0 ? shifts.Length != 1 : shifts.Length != dims.Length)
            throw new ArgumentException($"shifts and dimensions must align. shifts: {shifts.Length}, dims:{dims.Length}");
        var wrapped = dims.Select(d => WrapDimNoScalar(d, x.Dim)).ToArray();
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            Tensor r;
            if (x.Numel == 0) r = x.Clone();
            else if (wrapped.Length == 0) r = RollAlong(x.Reshape(-1), shifts[0], 0).View(x.Sizes);
            else
            {
                r = x;
                for (int i = 0; i < wrapped.Length; i++) r = RollAlong(r, shifts[i], wrapped[i]);
            }
            y = r.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new RollBackward0(shifts, wrapped), x));
        return y;
    }

    /// <summary>A dim of a tensor that must have dims (PyTorch's maybe_wrap_dim without wrap_scalar).</summary>
    private static int WrapDimNoScalar(int dim, int ndim)
    {
        if (ndim == 0) throw new ArgumentOutOfRangeException(nameof(dim), $"Dimension specified as {dim} but tensor has no dimensions");
        return Layout.WrapDim(dim, ndim);
    }

    /// <summary>A copy of t with y[i] = t[(i - shift) mod n] along dim (one index_select).</summary>
    private static Tensor RollAlong(Tensor t, long shift, int dim)
    {
        int n = t.Sizes[dim];
        long s = ((shift % n) + n) % n;
        var index = new long[n];
        for (int i = 0; i < n; i++) index[i] = (i - s + n) % n;
        return t.IndexSelect(dim, Tensor.FromArray(index));
    }

    // ---- cumprod ----

    /// <summary>cumprod: running products along a dim; integral and bool inputs give Int64 (CumprodBackward0).</summary>
    public static Tensor Cumprod(Tensor x, int dim)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        var y = ScanSortOps.Scan(x, d, RunningProduct, RunningProduct);
        if (Record.ShouldRecord(x)) RecordWithSelfAndResult(new CumprodBackward0(d, x.Dim), x, y);
        return y;
    }

    /// <summary>Records <paramref name="node"/> as y's grad_fn, saving the input x and the output y.</summary>
    private static void RecordWithSelfAndResult(UnaryNode node, Tensor x, Tensor y)
    {
        Record.Connect(node, x);
        node.Self = SavedTensor.Input(x);
        Record.SetHistory(y, node);
        node.Result = SavedTensor.Output(y, node);
    }

    private static void RunningProduct<T>(T[] v, int start, int n) where T : INumber<T>
    {
        for (int i = 1; i < n; i++) v[start + i] *= v[start + i - 1];
    }

    /// <summary>
    /// cumprod's gradient, exact with zeros in the input (PyTorch's cumprod_backward). Without zeros,
    /// grad_i = Σ_{k≥i} g_k·y_k / x_i. With zeros: before a row's first zero the same; at the first zero z,
    /// grad_z = Σ_{k≥z} g_k·y'_k where y' is the cumprod with x_z replaced by 1; after it, 0 (every product there
    /// holds x_z). That O(n) form is not differentiable at the zeros, so when the gradient is itself recorded
    /// (create_graph) the O(n²) form <see cref="CumprodGradByOmission"/> is used instead, as PyTorch does.
    /// </summary>
    internal static Tensor CumprodGrad(Tensor x, Tensor y, Tensor grad, int dim)
    {
        static Tensor ReversedCumsum(Tensor t, int d) => t.Flip(d).Cumsum(d).Flip(d);
        var isZero = x.Eq(0.0);
        var zerosSoFar = isZero.Cumsum(dim);
        var before = zerosSoFar.Eq(0.0);
        if (before.All().Item<bool>()) return ReversedCumsum(grad * y, dim) / x;
        if (GradMode.Current.Records) return CumprodGradByOmission(x, grad, dim);
        var beforePart = ReversedCumsum(grad * y, dim) / x.MaskedFill(before.LogicalNot(), 1);
        var first = isZero.LogicalAnd(zerosSoFar.Eq(1.0));
        var firstPart = ReversedCumsum(grad * x.MaskedFill(first, 1).Cumprod(dim), dim);
        return Tensor.Where(before, beforePart, firstPart.MaskedFill(first.LogicalNot(), 0));
    }

    /// <summary>grad_i = Σ_{k≥i} g_k·Π_{j≤k, j≠i} x_j, one cumprod per i with x_i replaced by 1: differentiable everywhere.</summary>
    private static Tensor CumprodGradByOmission(Tensor x, Tensor grad, int dim)
    {
        int n = x.Sizes[dim];
        var maskShape = Enumerable.Repeat(1, x.Dim).ToArray();
        maskShape[dim] = n;
        var parts = new Tensor[n];
        for (int i = 0; i < n; i++)
        {
            var onlyI = new bool[n];
            onlyI[i] = true;
            var omitted = x.MaskedFill(Tensor.FromArray(onlyI, maskShape), 1).Cumprod(dim);
            parts[i] = (omitted * grad).Narrow(dim, i, n - i).Sum(dim, keepDim: true);
        }
        return Tensor.Cat(parts, dim);
    }

    // ---- argsort ----

    /// <summary>argsort: the Int64 positions that sort along a dim, as sort's indices (NaN sorts as the largest). Not recorded.</summary>
    public static Tensor Argsort(Tensor x, int dim, bool descending, bool stable)
    {
        x.ThrowIfDisposed();
        return ScanSortOps.SortedIndices(x, Layout.WrapDim(dim, x.Dim), descending, stable);
    }

    // ---- diag and trace ----

    /// <summary>
    /// diag: a 1-D tensor becomes a square matrix with it on the <paramref name="diagonal"/>-th diagonal
    /// (DiagEmbedBackward0); a matrix gives a copy of that diagonal (DiagonalBackward0_copy).
    /// </summary>
    public static Tensor Diag(Tensor x, int diagonal)
    {
        x.ThrowIfDisposed();
        if (x.Dim != 1 && x.Dim != 2) throw new ArgumentException($"diag(): Supports 1D or 2D tensors. Got {x.Dim}D");
        Tensor y;
        if (x.Dim == 1)
        {
            int n = x.Sizes[0], m = n + Math.Abs(diagonal);
            var positions = DiagonalPositions(m, m, diagonal);
            // every output element reads x, or the zero appended after it
            var source = new long[(long)m * m];
            Array.Fill(source, n);
            for (int i = 0; i < n; i++) source[positions[i]] = i;
            using (Autograd.NoGrad())
            using (Tensor.NewScope())
            {
                var padded = Tensor.Cat([x, Tensor.Zeros([1], x.DType)]);
                y = padded.IndexSelect(0, Tensor.FromArray(source)).View(m, m).MoveToOuterScope();
            }
            if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new DiagEmbedBackward0(diagonal), x));
            return y;
        }
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = x.Reshape(-1).IndexSelect(0, Tensor.FromArray(DiagonalPositions(x.Sizes[0], x.Sizes[1], diagonal))).MoveToOuterScope();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new DiagonalCopyBackward0(x.Sizes[0], x.Sizes[1], diagonal), x));
        return y;
    }

    /// <summary>trace: the sum of a matrix's main diagonal; integral input gives Int64 (TraceBackward0).</summary>
    public static Tensor Trace(Tensor x)
    {
        x.ThrowIfDisposed();
        if (x.Dim != 2) throw new ArgumentException($"trace: expected a matrix, but got tensor with dim {x.Dim}");
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType("trace", DType.Bool);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = Diag(x, 0).Sum().MoveToOuterScope();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new TraceBackward0(x.Sizes[0], x.Sizes[1]), x));
        return y;
    }

    /// <summary>Row-major flat positions of the <paramref name="k"/>-th diagonal of a [rows, cols] matrix.</summary>
    internal static long[] DiagonalPositions(int rows, int cols, int k)
    {
        long r0 = k >= 0 ? 0 : -(long)k, c0 = k >= 0 ? k : 0;
        long length = Math.Max(0, Math.Min(rows - r0, cols - c0));
        var positions = new long[length];
        for (long i = 0; i < length; i++) positions[i] = (r0 + i) * cols + c0 + i;
        return positions;
    }

    /// <summary>A [rows, cols] zero matrix with <paramref name="values"/> on its k-th diagonal (differentiable in values).</summary>
    internal static Tensor DiagonalScatter(Tensor values, int rows, int cols, int k) =>
        Tensor.Zeros([rows * cols], values.DType).IndexAdd(0, Tensor.FromArray(DiagonalPositions(rows, cols, k)), values).View(rows, cols);

    // ---- nonzero and masked_select ----

    /// <summary>nonzero: the Int64 [count, ndim] coordinates of the non-zero elements, in row-major order. Not recorded.</summary>
    public static Tensor Nonzero(Tensor x)
    {
        x.ThrowIfDisposed();
        var flags = NonzeroFlags(x);
        int ndim = x.Dim, count = flags.Count(f => f);
        var coords = new long[(long)count * ndim];
        int row = 0;
        for (int flat = 0; flat < flags.Length; flat++)
        {
            if (!flags[flat]) continue;
            for (int d = ndim - 1, rest = flat; d >= 0; d--)
            {
                coords[(long)row * ndim + d] = rest % x.Sizes[d];
                rest /= x.Sizes[d];
            }
            row++;
        }
        return Tensor.FromArray(coords, [count, ndim]);
    }

    /// <summary>nonzero(as_tuple=True): one Int64 vector of coordinates per dim (a 0-d input counts as 1-D).</summary>
    public static Tensor[] NonzeroAsTuple(Tensor x)
    {
        var coords = Nonzero(x);
        if (x.Dim == 0) return [Tensor.Zeros([coords.Sizes[0]], DType.Int64)];
        return coords.Unbind(1);
    }

    /// <summary>The truth value of each element in row-major order (NaN counts as non-zero, -0.0 as zero).</summary>
    private static bool[] NonzeroFlags(Tensor x)
    {
        if (x.DType == DType.Bool) return x.ToArray<bool>();
        using (Autograd.NoGrad())
        using (var ne = x.Ne(0.0))
            return ne.ToArray<bool>();
    }

    /// <summary>masked_select: the elements where the (broadcast) Bool mask is true, as a 1-D tensor (MaskedSelectBackward0).</summary>
    public static Tensor MaskedSelect(Tensor x, Tensor mask)
    {
        OpHelpers.CheckSameDevice(x, mask);
        if (mask.DType != DType.Bool) throw new ArgumentException("masked_select: expected BoolTensor for mask");
        var shape = Layout.Broadcast(mask.Sizes, x.Sizes);
        bool[] flags;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            flags = mask.Expand(shape).Contiguous().ToArray<bool>();
        var positions = new List<long>();
        for (int i = 0; i < flags.Length; i++)
            if (flags[i]) positions.Add(i);
        var index = Tensor.FromArray(positions.ToArray());
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = x.Expand(shape).Reshape(-1).IndexSelect(0, index).MoveToOuterScope();
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new MaskedSelectBackward0(shape, x.Sizes, x.DType), x);
            node.Index = SavedTensor.Input(index);
            Record.SetHistory(y, node);
        }
        return y;
    }

    // ---- isclose ----

    /// <summary>
    /// isclose: |a - b| ≤ atol + rtol·|b|, or a == b (infinities of one sign), or both NaN with equalNan;
    /// computed in the inputs' dtype as PyTorch does (Bool inputs as the default float). Not recorded.
    /// </summary>
    public static Tensor IsClose(Tensor a, Tensor b, double rtol, double atol, bool equalNan)
    {
        OpHelpers.CheckSameDevice(a, b);
        if (a.DType != b.DType) throw new ArgumentException($"{Errors.Pretty(a.DType)} did not match {Errors.Pretty(b.DType)}");
        if (!(rtol >= 0)) throw new ArgumentException($"rtol must be greater than or equal to zero, but got {rtol.ToString(CultureInfo.InvariantCulture)}");
        if (!(atol >= 0)) throw new ArgumentException($"atol must be greater than or equal to zero, but got {atol.ToString(CultureInfo.InvariantCulture)}");
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var close = a.Eq(b);
            if (equalNan && a.DType.IsFloatingPoint()) close = close.LogicalOr(a.Ne(a).LogicalAnd(b.Ne(b)));
            if (rtol == 0 && atol == 0) return close.MoveToOuterScope();
            var ca = a.DType == DType.Bool ? a.To(DTypeDefaults.Float) : a;
            var cb = b.DType == DType.Bool ? b.To(DTypeDefaults.Float) : b;
            var allowed = (cb * rtol).Abs() + atol;
            var actual = (ca - cb).Abs();
            // an infinite or NaN error is never close (equal infinities were caught by ==)
            return close.LogicalOr(actual.Lt(double.PositiveInfinity).LogicalAnd(actual.Le(allowed))).MoveToOuterScope();
        }
    }

    // ---- meshgrid ----

    /// <summary>
    /// meshgrid: each 0-D/1-D input expanded over the grid of all inputs' lengths (expand views, ExpandBackward0);
    /// "xy" indexing swaps the first two grid dims.
    /// </summary>
    public static Tensor[] Meshgrid(Tensor[] tensors, string indexing)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0) throw new ArgumentException("meshgrid expects a non-empty TensorList");
        foreach (var t in tensors) t.ThrowIfDisposed();
        for (int i = 0; i + 1 < tensors.Length; i++)
            if (tensors[i].DType != tensors[i + 1].DType) throw new ArgumentException("meshgrid expects all tensors to have the same dtype");
        if (indexing != "xy" && indexing != "ij")
            throw new ArgumentException($"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}");
        foreach (var t in tensors)
            if (t.Dim > 1)
                throw new ArgumentException($"torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: [ torch.{Errors.Pretty(t.DType)}Tensor{{{string.Join(",", t.Sizes)}}} ]");
        int n = tensors.Length;
        // grid dim of each input: "xy" swaps the first two
        var position = Enumerable.Range(0, n).ToArray();
        if (indexing == "xy" && n >= 2) (position[0], position[1]) = (1, 0);
        var shape = new int[n];
        for (int i = 0; i < n; i++) shape[position[i]] = tensors[i].Numel;
        var grids = new Tensor[n];
        for (int i = 0; i < n; i++)
        {
            var viewShape = Enumerable.Repeat(1, n).ToArray();
            viewShape[position[i]] = -1;
            grids[i] = tensors[i].View(viewShape).Expand(shape);
        }
        return grids;
    }

    // ---- median and kthvalue ----

    /// <summary>What a one-element-per-slice selection picks.</summary>
    private enum Pick { Median, Nanmedian, Kthvalue }

    /// <summary>median of all elements: the lower of the two middle values, NaN when any element is NaN (MedianBackward0).</summary>
    public static Tensor Median(Tensor x) => MedianOfAll(x, Pick.Median);

    /// <summary>nanmedian of all elements: the lower median of those that are not NaN, NaN when all are (NanmedianBackward0).</summary>
    public static Tensor Nanmedian(Tensor x) => MedianOfAll(x, Pick.Nanmedian);

    private static Tensor MedianOfAll(Tensor x, Pick pick)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType("median_cpu", DType.Bool);
        Tensor y;
        if (x.Numel == 0)
        {
            // PyTorch returns NaN converted to the input's dtype as a cast converts it (int64's and int32's minimum; int16,
            // int8 and uint8 keep the low bits of int32's, 0)
            var nan = Tensor.Scalar(double.NaN, DType.Float64);
            y = OpHelpers.CastRaw(nan, x.DType);
            if (!ReferenceEquals(y, nan)) nan.Dispose();
        }
        else
        {
            using (Autograd.NoGrad())
            using (Tensor.NewScope())
                y = SelectAlong(x.Reshape(-1), 0, false, pick, 0).Values.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
            RecordWithSelfAndResult(pick == Pick.Median ? new MedianBackward0() : new NanmedianBackward0(), x, y);
        return y;
    }

    /// <summary>median along a dim with its index: the first NaN if the slice has one, else the (n-1)/2-th of the stable sort (MedianBackward1).</summary>
    public static (Tensor Values, Tensor Indices) Median(Tensor x, int dim, bool keepDim) => SelectAlong(x, dim, keepDim, Pick.Median, 0);

    /// <summary>
    /// nanmedian along a dim with its index: the (m-1)/2-th of the stable sort of the m values that are not NaN; a slice
    /// of NaN only gives NaN at the position PyTorch's nth_element leaves in front (NanmedianBackward1).
    /// </summary>
    public static (Tensor Values, Tensor Indices) Nanmedian(Tensor x, int dim, bool keepDim) => SelectAlong(x, dim, keepDim, Pick.Nanmedian, 0);

    /// <summary>kthvalue: the k-th smallest along a dim with its index, chosen by PyTorch's quickselect (KthvalueBackward0).</summary>
    public static (Tensor Values, Tensor Indices) Kthvalue(Tensor x, long k, int dim, bool keepDim) => SelectAlong(x, dim, keepDim, Pick.Kthvalue, k);

    private static (Tensor Values, Tensor Indices) SelectAlong(Tensor x, int dim, bool keepDim, Pick pick, long k)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        int n = x.Dim == 0 ? 1 : x.Sizes[d];
        bool median = pick != Pick.Kthvalue;
        // PyTorch's median and nanmedian share one kernel, and its messages.
        string op = median ? "median" : "kthvalue";
        if (n == 0) throw new ArgumentOutOfRangeException(nameof(dim), $"{op}(): Expected reduction dim {d} to have non-zero size.");
        if (!median && (k < 1 || k > n)) throw new InvalidOperationException($"kthvalue(): selected number k out of range for dimension {d}");
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType(median ? "median_out" : "kthvalue_cpu", DType.Bool);
        int rank = median ? (n - 1) / 2 : (int)k - 1;
        var outShape = x.Dim == 0 ? Array.Empty<int>() : ViewOps.RemoveAt(x.Sizes, d);
        if (keepDim && x.Dim > 0)
        {
            outShape = (int[])x.Sizes.Clone();
            outShape[d] = 1;
        }
        Tensor kept, values, indices;
        using (Autograd.NoGrad())
        {
            if (x.Dim == 0) kept = Tensor.Zeros([], DType.Int64);
            else if (x.DType == DType.Int64) kept = PickAlong<long>(x, d, DType.Int64, pick, rank);
            else kept = PickAlong<double>(x, d, DType.Float64, pick, rank);
            values = Reshaped(x.Dim == 0 ? x : x.Gather(d, kept), outShape);
            indices = Reshaped(kept, outShape);
        }
        if (Record.ShouldRecord(x))
        {
            ValueSelectingBackward node = pick switch
            {
                Pick.Median => new MedianBackward1(d, x.Sizes, keepDim),
                Pick.Nanmedian => new NanmedianBackward1(d, x.Sizes, keepDim),
                _ => new KthvalueBackward0(d, x.Sizes, keepDim),
            };
            Record.Connect(node, x);
            node.Index = SavedTensor.Input(kept);
            Record.SetHistory(values, node);
        }
        return (values, indices);
    }

    /// <summary>A fresh plain (non-view) tensor with t's values in <paramref name="shape"/> (same element count).</summary>
    private static Tensor Reshaped(Tensor t, int[] shape)
    {
        var copy = Tensor.Empty(t.DType, t.Sizes);
        Dispatch.Copy(t.Strided, copy.Strided);
        var y = copy.AliasWith(shape, Layout.ContiguousStrides(shape), 0);
        copy.Dispose();
        return y;
    }

    /// <summary>Int64 positions (dim kept, size 1) of the element each slice along d selects.</summary>
    private static Tensor PickAlong<T>(Tensor x, int d, DType work, Pick pick, int rank) where T : unmanaged, INumber<T>
    {
        using var scope = Tensor.NewScope();
        var picked = ScanSortOps.AlongDim<T>(x, d, work, work, (v, s, n) => v[s] = T.CreateChecked(pick switch
        {
            Pick.Median => MedianPosition(v, s, n),
            Pick.Nanmedian => NanmedianPosition(v, s, n),
            _ => QuickSelect(v, s, n, rank),
        }));
        return picked.Narrow(d, 0, 1).To(DType.Int64).Contiguous().MoveToOuterScope();
    }

    /// <summary>median's choice: the first NaN, else the (n-1)/2-th element ordered by (value, position).</summary>
    private static int MedianPosition<T>(T[] v, int s, int n) where T : INumber<T>
    {
        for (int i = 0; i < n; i++)
            if (T.IsNaN(v[s + i])) return i;
        return LowerMedianPosition(v, s, Enumerable.Range(0, n).ToArray());
    }

    /// <summary>
    /// nanmedian's choice: the lower median by (value, position) of the positions that are not NaN. With NaN only,
    /// every pair compares equal, and the answer is the position std::nth_element(first, first, last) leaves in front.
    /// </summary>
    private static int NanmedianPosition<T>(T[] v, int s, int n) where T : INumber<T>
    {
        var numbers = Enumerable.Range(0, n).Where(i => !T.IsNaN(v[s + i])).ToArray();
        if (numbers.Length > 0) return LowerMedianPosition(v, s, numbers);
        var keys = v.AsSpan(s, n).ToArray();
        var positions = new long[n];
        for (int i = 0; i < n; i++) positions[i] = i;
        StdSort<T, AscendingNaNLast<T>>.NthElement(keys, positions, 0, 0, n);
        return (int)positions[0];
    }

    /// <summary>The ((m-1)/2)-th of the m <paramref name="positions"/> ordered by (value, position).</summary>
    private static int LowerMedianPosition<T>(T[] v, int s, int[] positions) where T : INumber<T>
    {
        Array.Sort(positions, (a, b) => v[s + a].CompareTo(v[s + b]) is var c && c != 0 ? c : a.CompareTo(b));
        return positions[(positions.Length - 1) / 2];
    }

    /// <summary>
    /// kthvalue's choice: PyTorch's CPU quickselect (median-of-three pivot, NaN largest), run on (value, position)
    /// pairs so that among equal values it reports the same position PyTorch does.
    /// </summary>
    private static int QuickSelect<T>(T[] v, int s, int n, int k) where T : INumber<T>
    {
        var vals = new T[n];
        var pos = new int[n];
        for (int i = 0; i < n; i++) { vals[i] = v[s + i]; pos[i] = i; }
        static bool GreaterOrNaN(T a, T b) => (T.IsNaN(a) && !T.IsNaN(b)) || a > b;
        void Swap(int i, int j)
        {
            (vals[i], vals[j]) = (vals[j], vals[i]);
            (pos[i], pos[j]) = (pos[j], pos[i]);
        }
        int lo = 0, hi = n - 1;
        while (hi > lo)
        {
            if (hi == lo + 1)
            {
                if (GreaterOrNaN(vals[lo], vals[hi])) Swap(lo, hi);
                break;
            }
            Swap((lo + hi) >> 1, lo + 1);
            if (GreaterOrNaN(vals[lo + 1], vals[hi])) Swap(lo + 1, hi);
            if (GreaterOrNaN(vals[lo], vals[hi])) Swap(lo, hi);
            if (GreaterOrNaN(vals[lo + 1], vals[lo])) Swap(lo + 1, lo);
            int i = lo + 1, j = hi;
            var pivot = vals[lo];
            while (true)
            {
                do i++; while (GreaterOrNaN(pivot, vals[i]));
                do j--; while (GreaterOrNaN(vals[j], pivot));
                if (j < i) break;
                Swap(i, j);
            }
            Swap(lo, j);
            if (j <= k) lo = i;
            if (j >= k) hi = j - 1;
        }
        return pos[k];
    }
}
