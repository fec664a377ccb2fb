using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>Element-wise loops over strided operands. Spans and strides only: no tensors, no autograd.</summary>
internal static class Elementwise
{
    /// <summary>y = op(x) over a geometry with operand 0 = y, operand 1 = x.</summary>
    public static void Unary<T, TOut, TOp>(TOp op, LoopGeometry g, T[] x, TOut[] y) where TOp : struct, IUnaryOperator<T, TOut>
    {
        int outer = g.OuterCount, inner = g.Inner;
        long total = (long)outer * inner;
        if (total >= IntraOp.ElementwiseGrain && IntraOp.Threads > 1)
        {
            if (outer == 1)
            {
                int sy = g.Strides[0][0], sx = g.Strides[1][0], oy = g.Offsets[0], ox = g.Offsets[1];
                IntraOp.For(inner, IntraOp.ElementwiseGrain / 2, (s, e) => UnaryRun(op, x, ox + s * sx, sx, y, oy + s * sy, sy, e - s));
            }
            else
            {
                IntraOp.For(outer, Math.Max(1, IntraOp.ElementwiseGrain / 2 / inner), (s, e) => UnaryRows(op, g, x, y, s, e));
            }
            return;
        }
        UnaryRows(op, g, x, y, 0, outer);
    }

    private static void UnaryRows<T, TOut, TOp>(TOp op, LoopGeometry g, T[] x, TOut[] y, int start, int end) where TOp : struct, IUnaryOperator<T, TOut>
    {
        int r = g.Rank - 1;
        int sy = g.Strides[0][r], sx = g.Strides[1][r], inner = g.Inner;
        for (int row = start; row < end; row++)
        {
            g.RowOffsets(row, out int py, out int px, out _);
            UnaryRun(op, x, px, sx, y, py, sy, inner);
        }
    }

    public static void UnaryRun<T, TOut, TOp>(TOp op, T[] x, int px, int sx, TOut[] y, int py, int sy, int n) where TOp : struct, IUnaryOperator<T, TOut>
    {
        if (sx == 1 && sy == 1 && InPieces<TOut>(n, ReferenceEquals(x, y)))
        {
            for (int s = 0; s < n; s += InPlaceChunk)
            {
                int len = Math.Min(InPlaceChunk, n - s);
                if (!op.TryInvoke(new ReadOnlySpan<T>(x, px + s, len), new Span<TOut>(y, py + s, len)))
                    for (int i = 0; i < len; i++) y[py + s + i] = op.Invoke(x[px + s + i]);
            }
            return;
        }
        if (sx == 1 && sy == 1 && op.TryInvoke(new ReadOnlySpan<T>(x, px, n), new Span<TOut>(y, py, n))) return;
        for (int i = 0; i < n; i++) y[py + i * sy] = op.Invoke(x[px + i * sx]);
    }

    /// <summary>y = op(a, b) over a geometry with operands y, a, b (a and b already broadcast: stride 0 on expanded dims).</summary>
    public static void Binary<T, TOut, TOp>(TOp op, LoopGeometry g, T[] a, T[] b, TOut[] y) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (g.Rank == 2 && g.Inner < RepeatedRowBelow && TryRepeatedRow(op, g, a, b, y)) return;
        int outer = g.OuterCount, inner = g.Inner;
        long total = (long)outer * inner;
        if (total >= IntraOp.ElementwiseGrain && IntraOp.Threads > 1)
        {
            if (outer == 1)
            {
                int sy = g.Strides[0][0], sa = g.Strides[1][0], sb = g.Strides[2][0];
                int oy = g.Offsets[0], oa = g.Offsets[1], ob = g.Offsets[2];
                IntraOp.For(inner, IntraOp.ElementwiseGrain / 2, (s, e) => BinaryRun(op, a, oa + s * sa, sa, b, ob + s * sb, sb, y, oy + s * sy, sy, e - s));
            }
            else
            {
                IntraOp.For(outer, Math.Max(1, IntraOp.ElementwiseGrain / 2 / inner), (s, e) => BinaryRows(op, g, a, b, y, s, e));
            }
            return;
        }
        BinaryRows(op, g, a, b, y, 0, outer);
    }

    // Rows shorter than this, broadcast against a matrix (x + bias over rows of 32), go to the span paths in batches.
    private const int RepeatedRowBelow = 256;
    private const int RepeatedRowElements = 2048;

    /// <summary>
    /// y = op(a, b) where one input is a single row broadcast down a contiguous [rows, inner] matrix that y matches: the
    /// row repeated into a buffer, so that one span call covers many rows instead of one each (a call cost more than a
    /// row of 32: x + x[0] over [4096, 32] took 37 us, 3.4x PyTorch's). Only for operators whose every element is
    /// correctly rounded (+ − × ÷), for which grouping elements differently into vectors cannot change a bit.
    /// </summary>
    private static bool TryRepeatedRow<T, TOut, TOp>(TOp op, LoopGeometry g, T[] a, T[] b, TOut[] y) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (!TOp.RoundsEachElement) return false;
        int rows = g.Shape[0], inner = g.Inner;
        int[] sy = g.Strides[0], sa = g.Strides[1], sb = g.Strides[2];
        if ((long)rows * inner < RepeatedRowElements || sy[1] != 1 || sy[0] != inner || sa[1] != 1 || sb[1] != 1) return false;
        bool rowA = sa[0] == 0 && sb[0] == inner, rowB = sb[0] == 0 && sa[0] == inner;
        if (rowA == rowB) return false;
        int per = Math.Max(1, RepeatedRowElements / inner);
        var repeated = System.Buffers.ArrayPool<T>.Shared.Rent(per * inner);
        var row = new ReadOnlySpan<T>(rowA ? a : b, g.Offsets[rowA ? 1 : 2], inner);
        for (int k = 0; k < per; k++) row.CopyTo(repeated.AsSpan(k * inner));
        int oy = g.Offsets[0], oa = g.Offsets[1], ob = g.Offsets[2], batches = (rows + per - 1) / per;
        IntraOp.For(batches, Math.Max(1, IntraOp.ElementwiseGrain / 2 / (per * inner)), (s, e) =>
        {
            for (int t = s; t < e; t++)
            {
                int first = t * per, n = Math.Min(per, rows - first) * inner, at = first * inner;
                if (rowA) BinaryRunCore(op, repeated, 0, 1, b, ob + at, 1, y, oy + at, 1, n);
                else BinaryRunCore(op, a, oa + at, 1, repeated, 0, 1, y, oy + at, 1, n);
            }
        });
        System.Buffers.ArrayPool<T>.Shared.Return(repeated);
        return true;
    }

    private static void BinaryRows<T, TOut, TOp>(TOp op, LoopGeometry g, T[] a, T[] b, TOut[] y, int start, int end) where TOp : struct, IBinaryOperator<T, TOut>
    {
        int r = g.Rank - 1;
        int sy = g.Strides[0][r], sa = g.Strides[1][r], sb = g.Strides[2][r], inner = g.Inner;
        for (int row = start; row < end; row++)
        {
            g.RowOffsets(row, out int py, out int pa, out int pb);
            BinaryRun(op, a, pa, sa, b, pb, sb, y, py, sy, inner);
        }
    }

    /// <summary>
    /// Runs fed to the span paths in cache-sized pieces: above 256 KiB TensorPrimitives switches to non-temporal stores,
    /// which make an in-place update re-fetch the lines it just read, and send an output that fits in the caches to
    /// memory, where the op that reads it next has to fetch it back.
    /// </summary>
    private const int InPlaceChunk = 16384;

    // Fresh outputs up to this size are written through the caches (in pieces): [256, 512] floats multiplied took 12.4 us
    // with non-temporal stores and 6.9 with plain ones (1 thread), 2M floats 220 against 145 us. Larger outputs, which
    // would push out what the caches hold anyway, keep the streaming stores.
    private const long CachedOutputBytes = 16L << 20;

    /// <summary>Whether a contiguous run of n outputs goes to the span paths in <see cref="InPlaceChunk"/> pieces.</summary>
    private static bool InPieces<TOut>(int n, bool inPlace) =>
        n > InPlaceChunk && (inPlace || (long)n * System.Runtime.CompilerServices.Unsafe.SizeOf<TOut>() <= CachedOutputBytes);

    public static void BinaryRun<T, TOut, TOp>(TOp op, T[] a, int pa, int sa, T[] b, int pb, int sb, TOut[] y, int py, int sy, int n) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (sy == 1 && InPieces<TOut>(n, ReferenceEquals(a, y) || ReferenceEquals(b, y)))
        {
            for (int s = 0; s < n; s += InPlaceChunk)
                BinaryRunCore(op, a, pa + s * sa, sa, b, pb + s * sb, sb, y, py + s, sy, Math.Min(InPlaceChunk, n - s));
            return;
        }
        BinaryRunCore(op, a, pa, sa, b, pb, sb, y, py, sy, n);
    }

    private static void BinaryRunCore<T, TOut, TOp>(TOp op, T[] a, int pa, int sa, T[] b, int pb, int sb, TOut[] y, int py, int sy, int n) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (sy == 1)
        {
            var dst = new Span<TOut>(y, py, n);
            if (sa == 1 && sb == 1 && op.TryInvoke(new ReadOnlySpan<T>(a, pa, n), new ReadOnlySpan<T>(b, pb, n), dst)) return;
            if (sa == 1 && sb == 0 && op.TryInvoke(new ReadOnlySpan<T>(a, pa, n), b[pb], dst)) return;
            if (sa == 0 && sb == 1 && op.TryInvoke(a[pa], new ReadOnlySpan<T>(b, pb, n), dst)) return;
        }
        for (int i = 0; i < n; i++) y[py + i * sy] = op.Invoke(a[pa + i * sa], b[pb + i * sb]);
    }

    /// <summary>y = op(a, scalar) over operands y, a.</summary>
    public static void BinaryScalar<T, TOut, TOp>(TOp op, LoopGeometry g, T[] a, T scalar, bool scalarFirst, TOut[] y) where TOp : struct, IBinaryOperator<T, TOut>
    {
        int outer = g.OuterCount, inner = g.Inner;
        long total = (long)outer * inner;
        int r = g.Rank - 1;
        int sy = g.Strides[0][r], sa = g.Strides[1][r];
        if (total >= IntraOp.ElementwiseGrain && IntraOp.Threads > 1 && outer == 1)
        {
            int oy = g.Offsets[0], oa = g.Offsets[1];
            IntraOp.For(inner, IntraOp.ElementwiseGrain / 2, (s, e) => ScalarRun(op, a, oa + s * sa, sa, scalar, scalarFirst, y, oy + s * sy, sy, e - s));
            return;
        }
        for (int row = 0; row < outer; row++)
        {
            g.RowOffsets(row, out int py, out int pa, out _);
            ScalarRun(op, a, pa, sa, scalar, scalarFirst, y, py, sy, inner);
        }
    }

    private static void ScalarRun<T, TOut, TOp>(TOp op, T[] a, int pa, int sa, T s, bool scalarFirst, TOut[] y, int py, int sy, int n) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (sa == 1 && sy == 1 && InPieces<TOut>(n, ReferenceEquals(a, y)))
        {
            for (int c = 0; c < n; c += InPlaceChunk)
                ScalarRunCore(op, a, pa + c, sa, s, scalarFirst, y, py + c, sy, Math.Min(InPlaceChunk, n - c));
            return;
        }
        ScalarRunCore(op, a, pa, sa, s, scalarFirst, y, py, sy, n);
    }

    private static void ScalarRunCore<T, TOut, TOp>(TOp op, T[] a, int pa, int sa, T s, bool scalarFirst, TOut[] y, int py, int sy, int n) where TOp : struct, IBinaryOperator<T, TOut>
    {
        if (sa == 1 && sy == 1)
        {
            var src = new ReadOnlySpan<T>(a, pa, n);
            var dst = new Span<TOut>(y, py, n);
            if (scalarFirst ? op.TryInvoke(s, src, dst) : op.TryInvoke(src, s, dst)) return;
        }
        if (scalarFirst) for (int i = 0; i < n; i++) y[py + i * sy] = op.Invoke(s, a[pa + i * sa]);
        else for (int i = 0; i < n; i++) y[py + i * sy] = op.Invoke(a[pa + i * sa], s);
    }

    /// <summary>y = cond ? a : b over operands (y, cond, a) with b's strides given separately.</summary>
    public static void Where<T>(ReadOnlySpan<int> shape, bool[] cond, int[] sc, int oc, T[] a, int[] sa, int oa, T[] b, int[] sb, int ob, T[] y)
    {
        int n = 1;
        foreach (int s in shape) n *= s;
        int nd = shape.Length;
        Span<int> idx = stackalloc int[Math.Max(nd, 1)];
        idx.Clear();
        int pc = oc, pa = oa, pb = ob;
        for (int i = 0; i < n; i++)
        {
            y[i] = cond[pc] ? a[pa] : b[pb];
            for (int d = nd - 1; d >= 0; d--)
            {
                idx[d]++;
                pc += sc[d]; pa += sa[d]; pb += sb[d];
                if (idx[d] < shape[d]) break;
                pc -= sc[d] * shape[d]; pa -= sa[d] * shape[d]; pb -= sb[d] * shape[d];
                idx[d] = 0;
            }
        }
    }
}
