using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// softmax and log_softmax over the last dim in the order ATen's AVX-512 kernels (_vec_softmax_lastdim,
/// _vec_log_softmax_lastdim and their backward) compute them, so results agree with PyTorch bit for bit: exp through
/// the SLEEF formula for every element, row sums accumulated in one 64-byte vector and folded as ATen's
/// vec_reduce_all folds it (a butterfly for floats, lane by lane for doubles and for rows shorter than a vector), and
/// softmax scaled by the reciprocal of its sum.
/// </summary>
internal static class SoftmaxKernels
{
    /// <summary>Rows of <paramref name="n"/> contiguous elements from <paramref name="xOff"/>; y is contiguous from 0.</summary>
    public static void Forward<T>(T[] x, int xOff, int rows, int n, T[] y, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int grain = Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, 16 * n));
        if (log && typeof(T) == typeof(float) && n >= Vector512<float>.Count && Vector512.IsHardwareAccelerated)
        {
            IntraOp.For(rows, grain, (s, e) => LogSoftmaxRows(
                new ReadOnlySpan<float>((float[])(object)x, xOff + s * n, (e - s) * n), new Span<float>((float[])(object)y, s * n, (e - s) * n), n));
            return;
        }
        IntraOp.For(rows, grain, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                var src = new ReadOnlySpan<T>(x, xOff + r * n, n);
                var dst = new Span<T>(y, r * n, n);
                if (log) LogSoftmaxRow(src, dst);
                else SoftmaxRow(src, dst);
            }
        });
    }

    /// <summary>
    /// softmax or log_softmax along a dim that is not the last: x viewed as [outer, n, inner] (contiguous), as ATen's
    /// _vec_softmax and _vec_logsoftmax walk it. Positions along inner run as 64-byte vectors where a whole vector
    /// fits (SLEEF exp) and one by one elsewhere (the C library's exp; softmax's scalar max keeps the first NaN only).
    /// softmax divides by its sum; where the vectors fall depends on how ATen splits the positions between threads.
    /// </summary>
    public static void ForwardStrided<T>(T[] x, int xOff, int outer, int n, int inner, T[] y, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        if (log)
        {
            // blocks of inner positions sized to 128 KB per block of n rows, a multiple of the vector width
            int chunk = Math.Max(128 * 1024 / n / Unsafe.SizeOf<T>(), width) / width * width;
            int chunks = (inner + chunk - 1) / chunk;
            IntraOp.For(outer * chunks, 1, (s, e) =>
            {
                for (int c = s; c < e; c++)
                {
                    int o = c / chunks, begin = c % chunks * chunk, size = Math.Min(chunk, inner - begin);
                    int vectorEnd = size - size % width;
                    for (int i = 0; i < size; i++) LogSoftmaxColumn(x, xOff, y, o * n * inner + begin + i, n, inner, i < vectorEnd);
                }
            });
            return;
        }
        long total = (long)outer * inner;
        // ATen computes this grain as min(GRAIN_SIZE / n, 1), so every thread takes a piece of the positions
        int pieces = (int)Math.Min(IntraOp.Threads, total);
        long per = (total + pieces - 1) / pieces;
        WorkerPool.Run(pieces, pieces, t =>
        {
            long begin = t * per, end = Math.Min(total, begin + per);
            for (long idx = begin; idx < end;)
            {
                int o = (int)(idx / inner), i = (int)(idx % inner);
                if (i + width <= inner && idx + width <= end)
                {
                    for (int k = 0; k < width; k++) SoftmaxColumn(x, xOff, y, o * n * inner + i + k, n, inner, vectorized: true);
                    idx += width;
                    continue;
                }
                long tail = idx + width > end ? end - idx : inner - i;
                for (long k = 0; k < tail; k++)
                {
                    long p = idx + k;
                    SoftmaxColumn(x, xOff, y, (int)(p / inner) * n * inner + (int)(p % inner), n, inner, vectorized: false);
                }
                idx += tail;
            }
        });
    }

    private static void SoftmaxColumn<T>(T[] x, int xOff, T[] y, int b, int n, int inner, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = x[xOff + b];
        for (int d = 1; d < n; d++)
        {
            T v = x[xOff + b + d * inner];
            if (vectorized) max = T.IsNaN(max) || T.IsNaN(v) ? T.NaN : v >= max ? v : max;
            else if (max < v) max = v; // std::max: a NaN after the first element is passed over
        }
        T sum = T.Zero;
        for (int d = 0; d < n; d++)
        {
            T e = AtenMath.Exp(x[xOff + b + d * inner] - max, vectorized);
            y[b + d * inner] = e;
            sum += e;
        }
        for (int d = 0; d < n; d++) y[b + d * inner] /= sum;
    }

    private static void LogSoftmaxColumn<T>(T[] x, int xOff, T[] y, int b, int n, int inner, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        for (int d = 0; d < n; d++)
        {
            T v = x[xOff + b + d * inner];
            if (v > max) max = v;
        }
        T sum = T.Zero;
        for (int d = 0; d < n; d++)
        {
            T shifted = x[xOff + b + d * inner] - max;
            sum += AtenMath.Exp(shifted, vectorized);
        }
        T logSum = Log(sum);
        for (int d = 0; d < n; d++) y[b + d * inner] = x[xOff + b + d * inner] - max - logSum;
    }

    /// <summary>
    /// The gradient of softmax ((g − Σ g·y)·y) or log_softmax (g − exp(y)·Σ g) along a dim that is not the last, as
    /// ATen's _vec_softmax_backward and _vec_log_softmax_backward walk [outer, n, inner] (g and y contiguous): blocks of
    /// inner positions sized to 128 KB per block of n rows, the sums accumulated down the n rows (softmax's products
    /// fused into them, in the vector part and the tail alike, as GCC compiles both), exp through SLEEF where a whole
    /// 64-byte vector of the block fits and through the C library after.
    /// </summary>
    public static void BackwardStrided<T>(T[] g, int gOff, T[] y, int yOff, int outer, int n, int inner, T[] gi, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        int chunk = Math.Min(Math.Max(128 * 1024 / n / Unsafe.SizeOf<T>(), width) / width * width, inner);
        int chunks = (inner + chunk - 1) / chunk;
        IntraOp.For(outer * chunks, Math.Max(1, IntraOp.ElementwiseGrain / (n * chunk)), (s, e) =>
        {
            var sum = new T[chunk];
            for (int c = s; c < e; c++)
            {
                int o = c / chunks, begin = c % chunks * chunk, size = Math.Min(chunk, inner - begin);
                var acc = sum.AsSpan(0, size);
                acc.Clear();
                int row0 = o * n * inner + begin;
                for (int d = 0; d < n; d++)
                {
                    var gRow = new ReadOnlySpan<T>(g, gOff + row0 + d * inner, size);
                    if (log) TensorPrimitives.Add(acc, gRow, acc);
                    else TensorPrimitives.FusedMultiplyAdd(gRow, new ReadOnlySpan<T>(y, yOff + row0 + d * inner, size), acc, acc);
                }
                for (int d = 0; d < n; d++)
                {
                    var gRow = new ReadOnlySpan<T>(g, gOff + row0 + d * inner, size);
                    var yRow = new ReadOnlySpan<T>(y, yOff + row0 + d * inner, size);
                    var dst = new Span<T>(gi, row0 + d * inner, size);
                    if (log)
                    {
                        AtenMath.Exp(yRow, dst, size - size % width);
                        TensorPrimitives.Negate(dst, dst);
                        TensorPrimitives.FusedMultiplyAdd(dst, acc, gRow, dst);
                    }
                    else
                    {
                        TensorPrimitives.Subtract(gRow, acc, dst);
                        TensorPrimitives.Multiply(dst, yRow, dst);
                    }
                }
            }
        });
    }

    /// <summary>The gradient of softmax ((g − Σ g·y)·y) or log_softmax (g − exp(y)·Σ g) over rows of the last dim.</summary>
    public static void Backward<T>(T[] g, int gOff, T[] y, int yOff, int rows, int n, T[] gi, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int grain = Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, 16 * n));
        IntraOp.For(rows, grain, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                var gr = new ReadOnlySpan<T>(g, gOff + r * n, n);
                var yr = new ReadOnlySpan<T>(y, yOff + r * n, n);
                var dst = new Span<T>(gi, r * n, n);
                if (log)
                {
                    T sum = VecReduce.SumAll(gr, 64);
                    AtenMath.Exp(yr, dst, dst.Length);
                    TensorPrimitives.Negate(dst, dst);
                    TensorPrimitives.FusedMultiplyAdd(dst, sum, gr, dst);
                }
                else
                {
                    T sum = DotAll(gr, yr);
                    TensorPrimitives.Subtract(gr, sum, dst);
                    TensorPrimitives.Multiply(dst, yr, dst);
                }
            }
        });
    }

    private static void SoftmaxRow<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float) && x.Length >= Vector512<float>.Count && Vector512.IsHardwareAccelerated)
        {
            var yf = MemoryMarshal.Cast<T, float>(y);
            float reciprocal = 1f / ExpSumRow(MemoryMarshal.Cast<T, float>(x), yf, out _);
            TensorPrimitives.Multiply(yf, reciprocal, yf);
            return;
        }
        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        AtenMath.Exp(y, y.Length);
        T scale = T.One / VecReduce.SumAll(y, 64);
        TensorPrimitives.Multiply(y, scale, y);
    }

    private static void LogSoftmaxRow<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        AtenMath.Exp(y, y.Length);
        T logSum = Log(VecReduce.SumAll(y, 64));
        // (x − max) − log Σ, in that order (PyTorch issue 11752: large logits with a small spread)
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Subtract(y, logSum, y);
    }

    /// <summary>
    /// log_softmax of float rows of n (at least one 64-byte vector): each row's exp and sum as <see cref="ExpSumRow"/>, then
    /// the logs of up to 16 rows' sums in one vector call (its lanes are independent, so each is the log SLEEF gives the
    /// sum alone), then (x − max) − log Σ. One log per row cost more than the rest of a 32-float row.
    /// </summary>
    private static void LogSoftmaxRows(ReadOnlySpan<float> x, Span<float> y, int n)
    {
        const int Group = 16;
        Span<float> logs = stackalloc float[Group];
        Span<float> maxes = stackalloc float[Group];
        int rows = x.Length / n;
        for (int first = 0; first < rows; first += Group)
        {
            int count = Math.Min(Group, rows - first);
            for (int j = 0; j < count; j++)
                logs[j] = ExpSumRow(x.Slice((first + j) * n, n), y.Slice((first + j) * n, n), out maxes[j]);
            SleefLog.Log(logs[..count], logs[..count]);
            for (int j = 0; j < count; j++)
                ShiftRow(x.Slice((first + j) * n, n), maxes[j], logs[j], y.Slice((first + j) * n, n));
        }
    }

    /// <summary>y = (x − max) − logOfSum, both subtractions rounded, in one pass (PyTorch issue 11752 fixes that order).</summary>
    private static void ShiftRow(ReadOnlySpan<float> x, float max, float logOfSum, Span<float> y)
    {
        int width = Vector512<float>.Count, n = x.Length, i = 0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        Vector512<float> vmax = Vector512.Create(max), vlog = Vector512.Create(logOfSum);
        for (; i <= n - width; i += width) (Vector512.LoadUnsafe(ref xr, (nuint)i) - vmax - vlog).StoreUnsafe(ref yr, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref yr, i) = Unsafe.Add(ref xr, i) - max - logOfSum;
    }

    /// <summary>
    /// y = exp(x − max) over a float row of at least one 64-byte vector, returning Σ y as <see cref="VecReduce.SumAll{T}"/>
    /// adds it (one accumulator over whole vectors, the partial last vector into its own lanes, the butterfly): the values
    /// and additions of the separate subtract, exp and sum passes, with each vector summed while in a register instead
    /// of read back from the row just stored (a row of 32 floats took 2.1x PyTorch's time that way).
    /// </summary>
    private static float ExpSumRow(ReadOnlySpan<float> x, Span<float> y, out float max)
    {
        max = TensorPrimitives.Max(x);
        int width = Vector512<float>.Count, n = x.Length, whole = n - n % width;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        var shift = Vector512.Create(max);
        var sum = SleefExp.Exp(Vector512.LoadUnsafe(ref xr) - shift);
        sum.StoreUnsafe(ref yr);
        for (int i = width; i < whole; i += width)
        {
            var e = SleefExp.Exp(Vector512.LoadUnsafe(ref xr, (nuint)i) - shift);
            e.StoreUnsafe(ref yr, (nuint)i);
            sum += e;
        }
        if (whole < n)
        {
            for (int i = whole; i < n; i++) Unsafe.Add(ref yr, i) = SleefExp.Exp(Unsafe.Add(ref xr, i) - max);
            sum = VecReduce.AddPartial(sum, y[whole..n]);
        }
        return VecReduce.Fold(sum);
    }

    /// <summary>One element through SLEEF's log, as ATen's vec::map(x.log()) takes the row sums.</summary>
    private static T Log<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(SleefLog.Log(float.CreateTruncating(x))) : T.CreateTruncating(SleefLog.Log(double.CreateTruncating(x)));

    /// <summary>ATen's vec::map2_reduce_all(x·y, +) as GCC compiles it: the first vector's products, then one fma per vector.</summary>
    internal static T DotAll<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count, n = a.Length;
        if (n < width)
        {
            T s = n > 0 ? a[0] * b[0] : T.Zero;
            for (int i = 1; i < n; i++) s += a[i] * b[i];
            return s;
        }
        Span<T> lanes = stackalloc T[width];
        for (int l = 0; l < width; l++) lanes[l] = a[l] * b[l];
        int k = width;
        for (; k < n - n % width; k += width)
            for (int l = 0; l < width; l++) lanes[l] = T.FusedMultiplyAdd(a[k + l], b[k + l], lanes[l]);
        for (int i = 0; k + i < n; i++) lanes[i] = T.FusedMultiplyAdd(a[k + i], b[k + i], lanes[i]);
        return VecReduce.Fold(lanes);
    }
}
