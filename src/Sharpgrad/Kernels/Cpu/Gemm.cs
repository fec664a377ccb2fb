using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Row-major BLAS-style GEMM: C = alpha * op(A) * op(B) + beta * C, where op(X) is X or X^T.
/// op(A) is m x k, op(B) is k x n, C is m x n; lda/ldb/ldc are the row strides of the stored
/// matrices. beta == 0 overwrites C without reading it (so NaN/Inf already in C do not leak).
/// C must not alias A or B.
/// </summary>
internal static unsafe class Gemm
{
    private static int s_maxThreads = Environment.ProcessorCount;

    // Below ~20^3 multiply-adds, pool rental + packing + padded edge tiles cost more than the
    // unblocked loops (measured crossover on AVX-512: ~16-24 cubed).
    private const long DirectMaxMnk = 8192;

    // Waking a pool thread costs a few microseconds; only worth it once a slab is comfortably
    // larger than that (~2^22 flops is ~20us single-threaded at AVX-512 speeds).
    private const long ParallelMinFlops = 1L << 22;

    // The dot path runs at about half the blocked kernel's rate, so it pays for a second thread sooner.
    private const long DotParallelMinFlops = 1L << 20;

    // Output widths at or below this take the dot-product path for A * B^T (see GemmDot).
    private const int DotMaxN = 16;

    /// <summary>Upper bound on worker threads for one GEMM call (default: processor count).</summary>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    /// <summary>Single-precision GEMM; see the class summary for semantics.</summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> rowBias = default)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ValidateBias(rowBias.Length, n, beta == 0);
        if (m == 0 || n == 0) return;
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        fixed (float* pbias = rowBias)
        {
            if (Avx512F.IsSupported)
                Execute<float, SgemmKernelAvx512>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
            else if (Avx2.IsSupported && Fma.IsSupported)
                Execute<float, SgemmKernelAvx2>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
            else
                Execute<float, GemmKernelPortable<float>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
        }
    }

    /// <summary>Double-precision GEMM; see the class summary for semantics.</summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc,
        ReadOnlySpan<double> rowBias = default)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        ValidateBias(rowBias.Length, n, beta == 0);
        if (m == 0 || n == 0) return;
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
        fixed (double* pbias = rowBias)
        {
            if (Avx512F.IsSupported)
                Execute<double, DgemmKernelAvx512>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
            else if (Avx2.IsSupported && Fma.IsSupported)
                Execute<double, DgemmKernelAvx2>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
            else
                Execute<double, GemmKernelPortable<double>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, pbias);
        }
    }

    private static void Execute<T, TK>(bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc, T* bias)
        where T : unmanaged, INumberBase<T>
        where TK : struct, IGemmKernel<T>
    {
        if (k == 0 || T.IsZero(alpha))
        {
            if (bias != null) GemmSmall.FillRows(m, n, bias, c, ldc);
            else GemmSmall.ScaleC(m, n, beta, c, ldc);
            return;
        }

        // A single contiguous column/row can be re-described with the other trans flag, which
        // routes matrix-vector shapes onto the contiguous (vectorizable) direct loops.
        if (n == 1 && !transB && ldb == 1) { transB = true; ldb = k; }
        if (m == 1 && transA && lda == 1) { transA = false; lda = k; }

        long mnk = (long)m * n * k;
        bool direct = mnk <= DirectMaxMnk || m == 1 || (n == 1 && transB && !transA);
        // x @ W.T with a handful of output columns (a classifier head): both operands are contiguous
        // along k, W is a few KB and stays in L1, so blocked dot products beat packing A into panels
        // for a tile that would be mostly padding.
        bool dot = !direct && transB && !transA && n <= DotMaxN && k >= 16 && Vector512.IsHardwareAccelerated;
        if (bias != null && (direct || dot))
        {
            // Only the blocked driver seeds tiles with the bias; the other paths accumulate onto it.
            GemmSmall.FillRows(m, n, bias, c, ldc);
            beta = T.One;
            bias = null;
        }
        if (direct)
        {
            GemmSmall.Direct(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        if (dot)
        {
            GemmDot.RunParallel(Math.Min(s_maxThreads, (int)Math.Max(1, 2 * mnk / DotParallelMinFlops)),
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        int threads = (int)Math.Min(s_maxThreads, Math.Max(1, 2 * mnk / ParallelMinFlops));
        if (threads > 1)
            GemmDriver<T, TK>.RunParallel(threads, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias);
        else
            GemmDriver<T, TK>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias);
    }

    private static void Validate(bool transA, bool transB, int m, int n, int k,
        int aLen, int lda, int bLen, int ldb, int cLen, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(transA ? k : m, transA ? m : k, aLen, lda, "a", "lda");
        CheckOperand(transB ? n : k, transB ? k : n, bLen, ldb, "b", "ldb");
        CheckOperand(m, n, cLen, ldc, "c", "ldc");
    }

    private static void ValidateBias(int length, int n, bool betaIsZero)
    {
        if (length == 0) return;
        if (length < n)
            throw new ArgumentException($"Row bias holds {length} elements but {n} are required.", "rowBias");
        if (!betaIsZero)
            throw new ArgumentException("A row bias replaces beta * C; beta must be 0.", "rowBias");
    }

    private static void CheckOperand(int rows, int cols, int len, int ld, string name, string ldName)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols && rows > 1)
            throw new ArgumentOutOfRangeException(ldName, ld, $"Leading dimension must be >= {cols}.");
        long need = (long)(rows - 1) * ld + cols;
        if (len < need)
            throw new ArgumentException($"Buffer '{name}' holds {len} elements but {need} are required.", name);
    }
}

/// <summary>Unblocked loops for tiny or vector-shaped products, where packing would dominate.</summary>
internal static unsafe class GemmSmall
{
    /// <summary>Sets every row of C to the n values at <paramref name="row"/>.</summary>
    public static void FillRows<T>(int m, int n, T* row, T* c, nint ldc) where T : unmanaged
    {
        var src = new ReadOnlySpan<T>(row, n);
        for (int i = 0; i < m; i++)
            src.CopyTo(new Span<T>(c + i * ldc, n));
    }

    public static void ScaleC<T>(int m, int n, T beta, T* c, nint ldc) where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < m; i++)
            ScaleRow(c + i * ldc, n, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScaleRow<T>(T* row, int n, T beta) where T : unmanaged, INumberBase<T>
    {
        if (T.IsZero(beta))
            new Span<T>(row, n).Clear();
        else if (beta != T.One)
            for (int j = 0; j < n; j++) row[j] *= beta;
    }

    public static void Direct<T>(bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc) where T : unmanaged, INumberBase<T>
    {
        if (!transB)
        {
            // C[i,:] += sum_p alpha*A(i,p) * B[p,:], four rows of B per pass over C[i,:].
            nint sa = transA ? lda : 1, ra = transA ? 1 : lda;
            for (int i = 0; i < m; i++)
            {
                T* cr = c + i * ldc;
                ScaleRow(cr, n, beta);
                T* ai = a + i * ra;
                int p = 0;
                for (; p + 4 <= k; p += 4)
                {
                    Axpy4(cr, n,
                        alpha * ai[p * sa], b + p * ldb,
                        alpha * ai[(p + 1) * sa], b + (p + 1) * ldb,
                        alpha * ai[(p + 2) * sa], b + (p + 2) * ldb,
                        alpha * ai[(p + 3) * sa], b + (p + 3) * ldb);
                }
                for (; p < k; p++)
                    Axpy(cr, n, alpha * ai[p * sa], b + p * ldb);
            }
        }
        else if (!transA)
        {
            // Both operands are contiguous along k: plain dot products.
            bool overwrite = T.IsZero(beta);
            for (int i = 0; i < m; i++)
            {
                T* ai = a + i * lda;
                T* cr = c + i * ldc;
                for (int j = 0; j < n; j++)
                {
                    T v = alpha * Dot(ai, b + j * ldb, k);
                    cr[j] = overwrite ? v : v + beta * cr[j];
                }
            }
        }
        else
        {
            bool overwrite = T.IsZero(beta);
            for (int i = 0; i < m; i++)
            {
                T* cr = c + i * ldc;
                for (int j = 0; j < n; j++)
                {
                    T* bj = b + j * ldb;
                    T s = T.Zero;
                    for (int p = 0; p < k; p++) s += a[p * lda + i] * bj[p];
                    T v = alpha * s;
                    cr[j] = overwrite ? v : v + beta * cr[j];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy<T>(T* y, int n, T s, T* x) where T : unmanaged, INumberBase<T>
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            var vs = new Vector<T>(s);
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
                (Vector.Load(y + j) + vs * Vector.Load(x + j)).Store(y + j);
        }
        for (; j < n; j++) y[j] += s * x[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy4<T>(T* y, int n, T s0, T* x0, T s1, T* x1, T s2, T* x2, T s3, T* x3)
        where T : unmanaged, INumberBase<T>
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            Vector<T> v0 = new(s0), v1 = new(s1), v2 = new(s2), v3 = new(s3);
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
            {
                Vector<T> acc = Vector.Load(y + j) + v0 * Vector.Load(x0 + j) + v1 * Vector.Load(x1 + j);
                (acc + v2 * Vector.Load(x2 + j) + v3 * Vector.Load(x3 + j)).Store(y + j);
            }
        }
        for (; j < n; j++) y[j] += s0 * x0[j] + s1 * x1[j] + s2 * x2[j] + s3 * x3[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Dot<T>(T* x, T* y, int k) where T : unmanaged, INumberBase<T>
    {
        int p = 0;
        T s = T.Zero;
        if (Vector.IsHardwareAccelerated && k >= 2 * Vector<T>.Count)
        {
            Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero;
            int w = Vector<T>.Count;
            for (; p <= k - 2 * w; p += 2 * w)
            {
                acc0 += Vector.Load(x + p) * Vector.Load(y + p);
                acc1 += Vector.Load(x + p + w) * Vector.Load(y + p + w);
            }
            s = Vector.Sum(acc0 + acc1);
        }
        for (; p < k; p++) s += x[p] * y[p];
        return s;
    }
}

/// <summary>
/// C = alpha * A * B^T + beta * C with A (m x k) and B (n x k) both row-major, i.e. every output is a
/// dot product of two contiguous rows. Register-blocked 4 rows x 3 columns (12 Vector512
/// accumulators, 7 loads per 12 FMAs) so each loaded A vector is reused across three B rows.
/// Used for small n, where B stays in L1 and packing A into MR-row panels would be pure overhead.
/// </summary>
internal static unsafe class GemmDot
{
    /// <summary>Splits the rows into per-thread slabs of whole 4-row blocks.</summary>
    public static void RunParallel<T>(int threads, int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc)
        where T : unmanaged, INumberBase<T>
    {
        int blocks = (m + 3) / 4;
        threads = Math.Min(threads, blocks);
        if (threads <= 1)
        {
            Run(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        WorkerPool.Run(threads, threads, t =>
        {
            int r0 = (int)((long)blocks * t / threads) * 4, r1 = Math.Min(m, (int)((long)blocks * (t + 1) / threads) * 4);
            if (r1 > r0) Run(r1 - r0, n, k, alpha, (T*)pa + r0 * lda, lda, (T*)pb, ldb, beta, (T*)pc + r0 * ldc, ldc);
        });
    }

    public static void Run<T>(int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc)
        where T : unmanaged, INumberBase<T>
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            int j = 0;
            for (; j + 3 <= n; j += 3) Dot4x3(k, alpha, a + i * lda, lda, b + j * ldb, ldb, beta, c + i * ldc + j, ldc);
            for (; j < n; j++) Dot4x1(k, alpha, a + i * lda, lda, b + j * ldb, beta, c + i * ldc + j, ldc);
        }
        for (; i < m; i++)
        {
            T* ai = a + i * lda;
            T* ci = c + i * ldc;
            for (int j = 0; j < n; j++)
            {
                T* bj = b + j * ldb;
                var acc = Vector512<T>.Zero;
                int p = 0;
                for (; p <= k - Vector512<T>.Count; p += Vector512<T>.Count)
                    acc = Fma(Vector512.Load(ai + p), Vector512.Load(bj + p), acc);
                T s = Vector512.Sum(acc);
                for (; p < k; p++) s += ai[p] * bj[p];
                ci[j] = Out(s, alpha, beta, ci[j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> acc) where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), acc.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), acc.As<T, double>()).As<double, T>();
        return x * y + acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Out<T>(T s, T alpha, T beta, T old) where T : unmanaged, INumberBase<T>
        => T.IsZero(beta) ? alpha * s : alpha * s + beta * old;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x3<T>(int k, T alpha, T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc)
        where T : unmanaged, INumberBase<T>
    {
        T* a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        T* b1 = b + ldb, b2 = b + 2 * ldb;
        Vector512<T> s00 = default, s01 = default, s02 = default, s10 = default, s11 = default, s12 = default;
        Vector512<T> s20 = default, s21 = default, s22 = default, s30 = default, s31 = default, s32 = default;
        int w = Vector512<T>.Count, p = 0;
        for (; p <= k - w; p += w)
        {
            Vector512<T> y0 = Vector512.Load(b + p), y1 = Vector512.Load(b1 + p), y2 = Vector512.Load(b2 + p);
            Vector512<T> x = Vector512.Load(a + p);
            s00 = Fma(x, y0, s00); s01 = Fma(x, y1, s01); s02 = Fma(x, y2, s02);
            x = Vector512.Load(a1 + p);
            s10 = Fma(x, y0, s10); s11 = Fma(x, y1, s11); s12 = Fma(x, y2, s12);
            x = Vector512.Load(a2 + p);
            s20 = Fma(x, y0, s20); s21 = Fma(x, y1, s21); s22 = Fma(x, y2, s22);
            x = Vector512.Load(a3 + p);
            s30 = Fma(x, y0, s30); s31 = Fma(x, y1, s31); s32 = Fma(x, y2, s32);
        }
        T r00 = Vector512.Sum(s00), r01 = Vector512.Sum(s01), r02 = Vector512.Sum(s02);
        T r10 = Vector512.Sum(s10), r11 = Vector512.Sum(s11), r12 = Vector512.Sum(s12);
        T r20 = Vector512.Sum(s20), r21 = Vector512.Sum(s21), r22 = Vector512.Sum(s22);
        T r30 = Vector512.Sum(s30), r31 = Vector512.Sum(s31), r32 = Vector512.Sum(s32);
        for (; p < k; p++)
        {
            T y0 = b[p], y1 = b1[p], y2 = b2[p];
            r00 += a[p] * y0; r01 += a[p] * y1; r02 += a[p] * y2;
            r10 += a1[p] * y0; r11 += a1[p] * y1; r12 += a1[p] * y2;
            r20 += a2[p] * y0; r21 += a2[p] * y1; r22 += a2[p] * y2;
            r30 += a3[p] * y0; r31 += a3[p] * y1; r32 += a3[p] * y2;
        }
        T* c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc;
        c[0] = Out(r00, alpha, beta, c[0]); c[1] = Out(r01, alpha, beta, c[1]); c[2] = Out(r02, alpha, beta, c[2]);
        c1[0] = Out(r10, alpha, beta, c1[0]); c1[1] = Out(r11, alpha, beta, c1[1]); c1[2] = Out(r12, alpha, beta, c1[2]);
        c2[0] = Out(r20, alpha, beta, c2[0]); c2[1] = Out(r21, alpha, beta, c2[1]); c2[2] = Out(r22, alpha, beta, c2[2]);
        c3[0] = Out(r30, alpha, beta, c3[0]); c3[1] = Out(r31, alpha, beta, c3[1]); c3[2] = Out(r32, alpha, beta, c3[2]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x1<T>(int k, T alpha, T* a, nint lda, T* b, T beta, T* c, nint ldc)
        where T : unmanaged, INumberBase<T>
    {
        T* a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        Vector512<T> s0 = default, s1 = default, s2 = default, s3 = default;
        int w = Vector512<T>.Count, p = 0;
        for (; p <= k - w; p += w)
        {
            Vector512<T> y = Vector512.Load(b + p);
            s0 = Fma(Vector512.Load(a + p), y, s0);
            s1 = Fma(Vector512.Load(a1 + p), y, s1);
            s2 = Fma(Vector512.Load(a2 + p), y, s2);
            s3 = Fma(Vector512.Load(a3 + p), y, s3);
        }
        T r0 = Vector512.Sum(s0), r1 = Vector512.Sum(s1), r2 = Vector512.Sum(s2), r3 = Vector512.Sum(s3);
        for (; p < k; p++)
        {
            r0 += a[p] * b[p]; r1 += a1[p] * b[p]; r2 += a2[p] * b[p]; r3 += a3[p] * b[p];
        }
        c[0] = Out(r0, alpha, beta, c[0]);
        c[ldc] = Out(r1, alpha, beta, c[ldc]);
        c[2 * ldc] = Out(r2, alpha, beta, c[2 * ldc]);
        c[3 * ldc] = Out(r3, alpha, beta, c[3 * ldc]);
    }
}
