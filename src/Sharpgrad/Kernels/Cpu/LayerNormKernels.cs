using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// layer_norm's forward and backward as ATen's CPU kernels compute them, so results agree with PyTorch bit for bit.
/// Forward: each row's mean and variance by Welford's method over 32-byte vectors (ATen runs its AVX2 kernel here even
/// on AVX-512 machines) in chunks of 16 (ATen's RowwiseMoments, which group_norm shares), the chunks merged up a binary
/// stack, the leftover elements one by one (not fused) and then the lanes; y = (x − mean)·rstd·γ + β with the last
/// product and sum fused, as GCC compiles the vectorized expressions.
/// </summary>
internal static class LayerNormKernels
{
    private const int ChunkSize = 16;

    /// <summary>
    /// Normalizes <paramref name="rows"/> rows of <paramref name="n"/> contiguous elements; <paramref name="gamma"/>
    /// and <paramref name="beta"/> (contiguous, n each) may be null. Each row's mean and 1/√(var + eps) go to
    /// <paramref name="mean"/> and <paramref name="rstd"/> when given (the backward's inputs, as native_layer_norm returns them).
    /// </summary>
    public static void Forward<T>(T[] x, int xOff, int rows, int n, T[]? gamma, int gOff, T[]? beta, int bOff, T eps, T[] y,
        T[]? mean = null, T[]? rstd = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int grain = Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, n));
        IntraOp.For(rows, grain, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                var row = new ReadOnlySpan<T>(x, xOff + r * n, n);
                var (m, variance) = RowwiseMoments(row);
                T inv = T.One / T.Sqrt(variance + eps);
                if (mean is not null) mean[r] = m;
                if (rstd is not null) rstd[r] = inv;
                T bias = -m;
                var dst = new Span<T>(y, r * n, n);
                for (int j = 0; j < n; j++)
                {
                    T g = gamma is null ? T.One : gamma[gOff + j];
                    T b = beta is null ? T.Zero : beta[bOff + j];
                    dst[j] = T.FusedMultiplyAdd((row[j] + bias) * inv, g, b);
                }
            }
        });
    }

    /// <summary>
    /// The gradients of layer_norm over <paramref name="m"/> rows of <paramref name="n"/> as ATen's
    /// LayerNormBackwardKernelImplInternal computes them (its AVX2 kernel). dy and x are contiguous rows, mean and rstd
    /// (one per row) and the outputs contiguous from 0; each output may be null when not wanted. The rows are cut into at::parallel_for's pieces (grain 1); each piece accumulates its
    /// rows' γ and β gradients into its own buffer, and the buffers are added in piece order at the end, so those two
    /// depend on the thread count exactly as PyTorch's do. Which products GCC fuses was settled against PyTorch's results:
    /// the γ update and dx's b·x term are fused, the row sums Σ dy·x·γ and Σ dy·γ are not.
    /// </summary>
    public static void Backward<T>(T[] dy, int dyOff, T[] x, int xOff, T[] mean, T[] rstd, T[]? gamma, int gOff, int m, int n,
        T[]? dx, T[]? dgamma, T[]? dbeta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0)
        {
            dgamma?.AsSpan(0, n).Clear();
            dbeta?.AsSpan(0, n).Clear();
            return;
        }
        int threads = IntraOp.Threads;
        bool partials = dgamma is not null || dbeta is not null;
        T[]? buffer = partials ? new T[2 * threads * n] : null;
        T scale = T.One / T.CreateTruncating(n);
        IntraOp.ForAtenPieces(m, 1, (long)m * n >= IntraOp.ElementwiseGrain, (piece, start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                var dyRow = new ReadOnlySpan<T>(dy, dyOff + i * n, n);
                var xRow = new ReadOnlySpan<T>(x, xOff + i * n, n);
                ReadOnlySpan<T> g = gamma is null ? default : new ReadOnlySpan<T>(gamma, gOff, n);
                if (dgamma is not null) AccumulateGammaGrad(dyRow, xRow, rstd[i], -rstd[i] * mean[i], new Span<T>(buffer, piece * n, n));
                if (dbeta is not null)
                {
                    var acc = new Span<T>(buffer, (threads + piece) * n, n);
                    for (int j = 0; j < n; j++) acc[j] += dyRow[j];
                }
                if (dx is not null) InputGradRow(dyRow, xRow, g, gamma is null, mean[i], rstd[i], scale, new Span<T>(dx, i * n, n));
            }
        });
        if (!partials) return;
        for (int j = 0; j < n; j++)
        {
            T gSum = T.Zero, bSum = T.Zero;
            for (int t = 0; t < threads; t++)
            {
                gSum += buffer![t * n + j];
                bSum += buffer[(threads + t) * n + j];
            }
            if (dgamma is not null) dgamma[j] = gSum;
            if (dbeta is not null) dbeta[j] = bSum;
        }
    }

    /// <summary>acc += dy·(a·x + b), both products fused.</summary>
    private static void AccumulateGammaGrad<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, T a, T b, Span<T> acc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = dy.Length, width = Vector256<T>.Count, j = 0;
        ref T dyr = ref MemoryMarshal.GetReference(dy);
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T ar = ref MemoryMarshal.GetReference(acc);
        var av = Vector256.Create(a);
        var bv = Vector256.Create(b);
        for (; j <= n - width; j += width)
        {
            var inner = Fma(av, Vector256.LoadUnsafe(ref xr, (nuint)j), bv);
            Fma(Vector256.LoadUnsafe(ref dyr, (nuint)j), inner, Vector256.LoadUnsafe(ref ar, (nuint)j)).StoreUnsafe(ref ar, (nuint)j);
        }
        for (; j < n; j++) acc[j] = T.FusedMultiplyAdd(dy[j], T.FusedMultiplyAdd(a, x[j], b), acc[j]);
    }

    /// <summary>dx = a·dy·γ + b·x + c for one row, with ATen's b and c from the row sums ds = Σ dy·x·γ and db = Σ dy·γ.</summary>
    private static void InputGradRow<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, bool noGamma, T mean, T a, T scale,
        Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T ds = noGamma ? SumOfProducts(dy, x, default) : SumOfProducts(dy, x, gamma);
        T db = noGamma ? VecReduce.SumAll(dy, 32) : SumOfProducts(dy, gamma, default);
        T b = T.FusedMultiplyAdd(db, mean, -ds) * a * a * a * scale;
        T c = T.FusedMultiplyAdd(-b, mean, -(db * a * scale));
        int n = dy.Length, width = Vector256<T>.Count, j = 0;
        ref T dyr = ref MemoryMarshal.GetReference(dy);
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T gr = ref MemoryMarshal.GetReference(gamma);
        ref T dxr = ref MemoryMarshal.GetReference(dx);
        var av = Vector256.Create(a);
        var bv = Vector256.Create(b);
        var cv = Vector256.Create(c);
        for (; j <= n - width; j += width)
        {
            var scaled = av * Vector256.LoadUnsafe(ref dyr, (nuint)j);
            if (!noGamma) scaled *= Vector256.LoadUnsafe(ref gr, (nuint)j);
            (Fma(bv, Vector256.LoadUnsafe(ref xr, (nuint)j), scaled) + cv).StoreUnsafe(ref dxr, (nuint)j);
        }
        for (; j < n; j++)
        {
            T scaled = noGamma ? a * dy[j] : a * dy[j] * gamma[j];
            dx[j] = T.FusedMultiplyAdd(b, x[j], scaled) + c;
        }
    }

    /// <summary>
    /// ATen's vec::map*_reduce_all(Σ p·q·r) over 32-byte vectors, the products not fused into the sum: the first vector's
    /// products, one more per vector, the partial last vector into its own lanes, then vec_reduce_all; a row shorter than a
    /// vector adds its products in order. An empty <paramref name="r"/> is left out of the product.
    /// </summary>
    internal static T SumOfProducts<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = p.Length, width = Vector256<T>.Count, arity = r.IsEmpty ? 2 : 3;
        if (n < width)
        {
            T s = Product(p, q, r, arity, 0);
            for (int i = 1; i < n; i++) s += Product(p, q, r, arity, i);
            return s;
        }
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T qr = ref MemoryMarshal.GetReference(q);
        ref T rr = ref MemoryMarshal.GetReference(r);
        var acc = Product(ref pr, ref qr, ref rr, arity, 0);
        int k = width;
        for (; k < n - n % width; k += width) acc += Product(ref pr, ref qr, ref rr, arity, k);
        Span<T> lanes = stackalloc T[width];
        acc.CopyTo(lanes);
        for (int i = 0; k + i < n; i++) lanes[i] += Product(p, q, r, arity, k + i);
        return VecReduce.Fold(lanes);
    }

    private static Vector256<T> Product<T>(ref T p, ref T q, ref T r, int arity, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var v = Vector256.LoadUnsafe(ref p, (nuint)k) * Vector256.LoadUnsafe(ref q, (nuint)k);
        return arity == 3 ? v * Vector256.LoadUnsafe(ref r, (nuint)k) : v;
    }

    private static T Product<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<T> r, int arity, int i) where T : unmanaged, IFloatingPointIeee754<T> =>
        arity == 2 ? p[i] * q[i] : p[i] * q[i] * r[i];

    /// <summary>ATen's RowwiseMoments: (mean, biased variance) of one row.</summary>
    internal static (T Mean, T Variance) RowwiseMoments<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, total = x.Length;
        int vectors = total / width;
        int chunks = (vectors + ChunkSize - 1) / ChunkSize;
        int depth = chunks <= 2 ? 1 : BitOperations.Log2((uint)(chunks - 1)) + 1;
        Span<long> m0Stack = stackalloc long[depth];
        var m1Stack = new Vector256<T>[depth];
        var m2Stack = new Vector256<T>[depth];
        m0Stack.Clear();
        ref T xr = ref MemoryMarshal.GetReference(x);
        for (int i = 0; i < chunks; i++)
        {
            int count = Math.Min(ChunkSize, vectors - i * ChunkSize);
            var m1 = Vector256<T>.Zero;
            var m2 = Vector256<T>.Zero;
            for (int j = 0; j < count; j++)
            {
                var v = Vector256.LoadUnsafe(ref xr, (nuint)((i * ChunkSize + j) * width));
                var delta = v - m1;
                m1 = Fma(delta, Vector256.Create(T.One / T.CreateTruncating(j + 1)), m1);
                m2 = Fma(delta, v - m1, m2);
            }
            AddMoments(count, m1, m2, ref m0Stack[0], ref m1Stack[0], ref m2Stack[0]);
            int mask = i + 1;
            for (int j = 1; j < depth && (mask & 1) == 0; j++)
            {
                AddMoments(m0Stack[j - 1], m1Stack[j - 1], m2Stack[j - 1], ref m0Stack[j], ref m1Stack[j], ref m2Stack[j]);
                m0Stack[j - 1] = 0;
                m1Stack[j - 1] = Vector256<T>.Zero;
                m2Stack[j - 1] = Vector256<T>.Zero;
                mask >>= 1;
            }
        }
        for (int i = 1; i < depth; i++)
            AddMoments(m0Stack[i], m1Stack[i], m2Stack[i], ref m0Stack[0], ref m1Stack[0], ref m2Stack[0]);

        long n0 = 0;
        T mean = T.Zero, m2s = T.Zero;
        for (int i = vectors * width; i < total; i++)
        {
            T delta = x[i] - mean;
            n0++;
            mean += delta / T.CreateTruncating(n0);
            m2s += delta * (x[i] - mean);
        }
        for (int lane = 0; lane < width; lane++)
            AddMoments(vectors, m1Stack[0].GetElement(lane), m2Stack[0].GetElement(lane), ref n0, ref mean, ref m2s);
        return (mean, m2s / T.CreateTruncating(total));
    }

    /// <summary>ATen's AddMoments: merges (count, mean, M2) into the running moments (its two products fused as GCC fuses them).</summary>
    private static void AddMoments<T>(long countAdd, T meanAdd, T m2Add, ref long count, ref T mean, ref T m2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = count + countAdd;
        T c = n == 0 ? T.Zero : T.CreateTruncating(countAdd) / T.CreateTruncating(n);
        T delta = meanAdd - mean;
        mean = T.FusedMultiplyAdd(c, delta, mean);
        m2 += T.FusedMultiplyAdd(delta * delta * c, T.CreateTruncating(count), m2Add);
        count = n;
    }

    private static void AddMoments<T>(long countAdd, Vector256<T> meanAdd, Vector256<T> m2Add, ref long count, ref Vector256<T> mean, ref Vector256<T> m2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = count + countAdd;
        T c = n == 0 ? T.Zero : T.CreateTruncating(countAdd) / T.CreateTruncating(n);
        var cv = Vector256.Create(c);
        var delta = meanAdd - mean;
        mean = Fma(cv, delta, mean);
        m2 += Fma(delta * delta * cv, Vector256.Create(T.CreateTruncating(count)), m2Add);
        count = n;
    }

    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
