using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Float sums in the order PyTorch's CPU kernel (ATen's cascade_sum) adds, so results agree bit for bit: partial sums
/// over chunks of at least 16 rows carried up four levels, four interleaved accumulators per row, 32-byte vectors (8
/// floats, 4 doubles: ATen registers its AVX2 sum kernel even on AVX-512 machines), and the same split of large reductions across threads
/// (two passes over per-thread partials for a full sum above 32768 elements, column ranges rounded to 128 bytes).
/// Integers keep their plain loop: their sums do not depend on order.
/// </summary>
internal static class CascadeSum
{
    private const int GrainSize = 32768; // at::internal::GRAIN_SIZE
    private const int Levels = 4;
    private const int Rows = 4;          // ATen's ilp_factor and its multi-row block

    /// <summary>Sums a contiguous [outer, r, inner] block over r into a fresh contiguous y of [outer, inner].</summary>
    public static void Run<T>(T[] x, int offset, int outer, int r, int inner, T[] y) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run<T, Lanes256<T>, Vector256<T>>(x, offset, outer, r, inner, y);

    private static void Run<T, TL, TV>(T[] x, int offset, int outer, int r, int inner, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T> where TL : struct, ILanes<TV, T> where TV : unmanaged
    {
        long numel = (long)outer * r * inner;
        int threads = IntraOp.Threads;
        // Where PyTorch splits decides the order of additions; whether the pieces then run in parallel does not, so
        // small reductions run them on this thread.
        bool split = numel >= GrainSize && threads > 1;
        int workers = numel >= IntraOp.ElementwiseGrain ? threads : 1;
        if (inner == 1 && outer == 1)
        {
            y[0] = split ? TwoPass(x, offset, r, threads) : T.Zero + InnerSum(x, offset, r);
            return;
        }
        int sliceGrain = Math.Max(1, IntraOp.SliceGrain / Math.Max(1, r * inner));
        if (inner == 1)
        {
            IntraOp.For(outer, sliceGrain, (s, e) =>
            {
                if (r >= Vector256<T>.Count) InnerSums(x, offset + s * r, r, e - s, y, s);
                else for (int o = s; o < e; o++) y[o] = T.Zero + InnerSum(x, offset + o * r, r);
            });
            return;
        }
        if (outer > 1 || !split)
        {
            IntraOp.For(outer, sliceGrain, (s, e) =>
            {
                for (int o = s; o < e; o++) OuterSum<T, TL, TV>(x, offset + o * r * inner, inner, r, inner, y, o * inner);
            });
            return;
        }
        // One slice split by columns, as ATen's parallel_dim_reduction rounds them to 128 bytes.
        int chunks = Math.Min(threads, inner);
        int per = (inner + chunks - 1) / chunks;
        int multiple = 128 / Unsafe.SizeOf<T>();
        WorkerPool.Run(chunks, Math.Min(workers, chunks), c =>
        {
            int begin = c * per;
            if (begin >= inner) return;
            int end = Math.Min(inner, begin + per);
            begin -= begin % multiple;
            if (end != inner) end -= end % multiple;
            if (begin < end) OuterSum<T, TL, TV>(x, offset + begin, inner, r, end - begin, y, begin);
        });
    }

    /// <summary>A full sum above the grain: each thread sums its range into a partial, then the partials are summed.</summary>
    private static T TwoPass<T>(T[] x, int offset, int n, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var partials = new T[threads];
        IntraOp.ForAtenPieces(n, (t, start, end) => partials[t] = T.Zero + InnerSum(x, offset + start, end - start));
        return T.Zero + InnerSum(partials, 0, threads);
    }

    /// <summary>ATen's vectorized_inner_sum (n at least one vector) or scalar row_sum over one contiguous row.</summary>
    private static T InnerSum<T>(T[] x, int start, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < Vector256<T>.Count) return RowSum<T, T, ScalarLanes<T>>(x, start, 1, n);
        var shape = new RowShape<T>(n);
        return shape.Total(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), start));
    }

    /// <summary>
    /// <see cref="InnerSum"/> of <paramref name="count"/> consecutive rows of n (at least one 32-byte vector) into
    /// y[yStart..], the row's shape worked out once: rows of 32 floats cost their arithmetic, not their setup.
    /// </summary>
    private static void InnerSums<T>(T[] x, int start, int n, int count, T[] y, int yStart) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = new RowShape<T>(n);
        ref T xr = ref MemoryMarshal.GetArrayDataReference(x);
        for (int o = 0; o < count; o++) y[yStart + o] = T.Zero + shape.Total(ref Unsafe.Add(ref xr, start + (nint)o * n));
    }

    /// <summary>How ATen's vectorized_inner_sum cuts a row of n: whole 32-byte vectors in blocks of four, carried up the levels, then the leftovers.</summary>
    private readonly struct RowShape<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int _n, _vectors, _quads, _levelPower;

        public RowShape(int n)
        {
            _n = n;
            _vectors = n / Vector256<T>.Count;
            _quads = _vectors / Rows;
            _levelPower = Math.Max(4, CeilLog2(_quads) / Levels);
        }

        /// <summary>The row's sum: its vectors' (<see cref="RowSum256"/>), then the leftover elements, then the lanes in order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Total(ref T row)
        {
            Vector256<T> v = RowSum256(ref row, _quads, _vectors, _levelPower);
            T total = T.Zero;
            for (int k = _vectors * Vector256<T>.Count; k < _n; k++) total += Unsafe.Add(ref row, k);
            Vector128<T> lo = v.GetLower(), hi = v.GetUpper();
            total += lo.GetElement(0);
            total += lo.GetElement(1);
            if (Vector128<T>.Count == 4)
            {
                total += lo.GetElement(2);
                total += lo.GetElement(3);
            }
            total += hi.GetElement(0);
            total += hi.GetElement(1);
            if (Vector128<T>.Count == 4)
            {
                total += hi.GetElement(2);
                total += hi.GetElement(3);
            }
            return total;
        }
    }

    /// <summary>
    /// <see cref="RowSum"/> over the first <paramref name="vectors"/> 32-byte vectors of a row (<paramref name="quads"/> = vectors / 4),
    /// ATen's multi_row_sum with its four levels spelled out as locals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> RowSum256<T>(ref T row, int quads, int vectors, int levelPower) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint width = Vector256<T>.Count;
        int levelStep = 1 << levelPower, levelMask = levelStep - 1;
        Vector256<T> l1a = default, l1b = default, l1c = default, l1d = default;
        Vector256<T> l2a = default, l2b = default, l2c = default, l2d = default;
        Vector256<T> l3a = default, l3b = default, l3c = default, l3d = default;
        int i = 0;
        while (i + levelStep <= quads)
        {
            Vector256<T> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int j = 0; j < levelStep; j++, i++)
            {
                ref T q = ref Unsafe.Add(ref row, i * Rows * width);
                a0 += Vector256.LoadUnsafe(ref q);
                a1 += Vector256.LoadUnsafe(ref q, (nuint)width);
                a2 += Vector256.LoadUnsafe(ref q, (nuint)(2 * width));
                a3 += Vector256.LoadUnsafe(ref q, (nuint)(3 * width));
            }
            l1a += a0; l1b += a1; l1c += a2; l1d += a3;
            if ((i & (levelMask << levelPower)) != 0) continue;
            l2a += l1a; l2b += l1b; l2c += l1c; l2d += l1d;
            l1a = l1b = l1c = l1d = default;
            if ((i & (levelMask << (2 * levelPower))) != 0) continue;
            l3a += l2a; l3b += l2b; l3c += l2c; l3d += l2d;
            l2a = l2b = l2c = l2d = default;
        }
        Vector256<T> b0 = default, b1 = default, b2 = default, b3 = default;
        for (; i < quads; i++)
        {
            ref T q = ref Unsafe.Add(ref row, i * Rows * width);
            b0 += Vector256.LoadUnsafe(ref q);
            b1 += Vector256.LoadUnsafe(ref q, (nuint)width);
            b2 += Vector256.LoadUnsafe(ref q, (nuint)(2 * width));
            b3 += Vector256.LoadUnsafe(ref q, (nuint)(3 * width));
        }
        Vector256<T> s0 = b0, s1 = b1, s2 = b2, s3 = b3;
        // Below one level step the levels are still +0, and adding +0 to a sum begun at +0 changes no bit.
        if (quads >= levelStep)
        {
            s0 = s0 + l1a + l2a + l3a;
            s1 = s1 + l1b + l2b + l3b;
            s2 = s2 + l1c + l2c + l3c;
            s3 = s3 + l1d + l2d + l3d;
        }
        for (int k = quads * Rows; k < vectors; k++) s0 += Vector256.LoadUnsafe(ref row, (nuint)(k * width));
        return s0 + s1 + s2 + s3;
    }

    /// <summary>
    /// ATen's vectorized_outer_sum (or scalar_outer_sum for fewer columns than a vector) over <paramref name="cols"/>
    /// columns of an [r, ld] block: blocks of four vectors, then single vectors, then single columns.
    /// </summary>
    private static void OuterSum<T, TL, TV>(T[] x, int start, int ld, int r, int cols, T[] y, int yStart)
        where T : unmanaged, IFloatingPointIeee754<T> where TL : struct, ILanes<TV, T> where TV : unmanaged
    {
        int width = TL.Width, j = 0;
        ref T xr = ref MemoryMarshal.GetArrayDataReference(x);
        ref T yr = ref MemoryMarshal.GetArrayDataReference(y);
        if (cols >= width)
        {
            for (; j + Rows * width <= cols; j += Rows * width)
            {
                var sums = MultiRowSum<T, TV, TL>(ref xr, start + j, ld, width, r);
                TL.Store(TL.Add(TL.Zero, sums.A0), ref yr, yStart + j);
                TL.Store(TL.Add(TL.Zero, sums.A1), ref yr, yStart + j + width);
                TL.Store(TL.Add(TL.Zero, sums.A2), ref yr, yStart + j + 2 * width);
                TL.Store(TL.Add(TL.Zero, sums.A3), ref yr, yStart + j + 3 * width);
            }
            for (; j + width <= cols; j += width) TL.Store(TL.Add(TL.Zero, RowSum<T, TV, TL>(x, start + j, ld, r)), ref yr, yStart + j);
        }
        else
        {
            for (; j + Rows - 1 < cols; j += Rows)
            {
                var sums = MultiRowSum<T, T, ScalarLanes<T>>(ref xr, start + j, ld, 1, r);
                y[yStart + j] = T.Zero + sums.A0;
                y[yStart + j + 1] = T.Zero + sums.A1;
                y[yStart + j + 2] = T.Zero + sums.A2;
                y[yStart + j + 3] = T.Zero + sums.A3;
            }
        }
        for (; j < cols; j++) y[yStart + j] = T.Zero + RowSum<T, T, ScalarLanes<T>>(x, start + j, ld, r);
    }

    /// <summary>ATen's row_sum: the row read as (-1, 4) rows of four interleaved partial sums, the leftovers added to the first.</summary>
    private static TA RowSum<T, TA, TL>(T[] x, int start, int stride, int size)
        where T : unmanaged where TA : unmanaged where TL : struct, ILanes<TA, T>
    {
        ref T xr = ref MemoryMarshal.GetArrayDataReference(x);
        int rows = size / Rows;
        var partial = MultiRowSum<T, TA, TL>(ref xr, start, (nint)stride * Rows, stride, rows);
        TA first = partial.A0;
        for (int i = rows * Rows; i < size; i++) first = TL.Add(first, TL.Load(ref xr, start + (nint)i * stride));
        return TL.Add(TL.Add(TL.Add(first, partial.A1), partial.A2), partial.A3);
    }

    /// <summary>
    /// ATen's multi_row_sum: four sums at once over <paramref name="size"/> steps, each step's chunk of 2^p rows
    /// (p = max(4, ⌈log2 size⌉ / 4)) carried into the next of four levels whenever the count passes a multiple of its span.
    /// </summary>
    private static Quad<TA> MultiRowSum<T, TA, TL>(ref T x, nint start, nint rowStride, nint colStride, int size)
        where T : unmanaged where TA : unmanaged where TL : struct, ILanes<TA, T>
    {
        int levelPower = Math.Max(4, CeilLog2(size) / Levels);
        int levelStep = 1 << levelPower;
        int levelMask = levelStep - 1;
        Quad<TA> level0 = Quad<TA>.Of(TL.Zero), level1 = level0, level2 = level0, level3 = level0;
        int i = 0;
        while (i + levelStep <= size)
        {
            TA a0 = TL.Zero, a1 = TL.Zero, a2 = TL.Zero, a3 = TL.Zero;
            for (int j = 0; j < levelStep; j++, i++)
            {
                nint row = start + i * rowStride;
                a0 = TL.Add(a0, TL.Load(ref x, row));
                a1 = TL.Add(a1, TL.Load(ref x, row + colStride));
                a2 = TL.Add(a2, TL.Load(ref x, row + 2 * colStride));
                a3 = TL.Add(a3, TL.Load(ref x, row + 3 * colStride));
            }
            level1 = Quad<TA>.Add<TL, T>(level1, new Quad<TA>(a0, a1, a2, a3));
            if ((i & (levelMask << levelPower)) != 0) continue;
            level2 = Quad<TA>.Add<TL, T>(level2, level1);
            level1 = level0;
            if ((i & (levelMask << (2 * levelPower))) != 0) continue;
            level3 = Quad<TA>.Add<TL, T>(level3, level2);
            level2 = level0;
        }
        TA b0 = TL.Zero, b1 = TL.Zero, b2 = TL.Zero, b3 = TL.Zero;
        for (; i < size; i++)
        {
            nint row = start + i * rowStride;
            b0 = TL.Add(b0, TL.Load(ref x, row));
            b1 = TL.Add(b1, TL.Load(ref x, row + colStride));
            b2 = TL.Add(b2, TL.Load(ref x, row + 2 * colStride));
            b3 = TL.Add(b3, TL.Load(ref x, row + 3 * colStride));
        }
        var sum = new Quad<TA>(b0, b1, b2, b3);
        sum = Quad<TA>.Add<TL, T>(sum, level1);
        sum = Quad<TA>.Add<TL, T>(sum, level2);
        return Quad<TA>.Add<TL, T>(sum, level3);
    }

    /// <summary>Four accumulators side by side (ATen's acc[level][0..3]).</summary>
    private readonly struct Quad<TA>(TA a0, TA a1, TA a2, TA a3) where TA : unmanaged
    {
        public readonly TA A0 = a0, A1 = a1, A2 = a2, A3 = a3;

        public static Quad<TA> Of(TA value) => new(value, value, value, value);

        public static Quad<TA> Add<TL, T>(Quad<TA> a, Quad<TA> b) where TL : struct, ILanes<TA, T> where T : unmanaged =>
            new(TL.Add(a.A0, b.A0), TL.Add(a.A1, b.A1), TL.Add(a.A2, b.A2), TL.Add(a.A3, b.A3));
    }

    /// <summary>c10's CeilLog2: 1 up to 2, else ⌊log2(x − 1)⌋ + 1.</summary>
    private static int CeilLog2(int x) => x <= 2 ? 1 : BitOperations.Log2((uint)(x - 1)) + 1;

    /// <summary>What the sums need of an accumulator: a scalar or one of ATen's vectors.</summary>
    private interface ILanes<TA, T> where TA : unmanaged where T : unmanaged
    {
        static abstract int Width { get; }
        static abstract TA Zero { get; }
        static abstract TA Load(ref T x, nint index);
        static abstract TA Add(TA a, TA b);
        static abstract void Store(TA a, ref T y, nint index);
    }

    private readonly struct ScalarLanes<T> : ILanes<T, T> where T : unmanaged, INumber<T>
    {
        public static int Width => 1;
        public static T Zero => T.Zero;
        public static T Load(ref T x, nint index) => Unsafe.Add(ref x, index);
        public static T Add(T a, T b) => a + b;
        public static void Store(T a, ref T y, nint index) => Unsafe.Add(ref y, index) = a;
    }

    private readonly struct Lanes256<T> : ILanes<Vector256<T>, T> where T : unmanaged
    {
        public static int Width => Vector256<T>.Count;
        public static Vector256<T> Zero => Vector256<T>.Zero;
        public static Vector256<T> Load(ref T x, nint index) => Vector256.LoadUnsafe(ref x, (nuint)index);
        public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;
        public static void Store(Vector256<T> a, ref T y, nint index) => a.StoreUnsafe(ref y, (nuint)index);
    }
}
