using System;
using System.Numerics;
using System.Runtime.CompilerServices;
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
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0) return;
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            if (Avx512F.IsSupported)
                Execute<float, SgemmKernelAvx512>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else if (Avx2.IsSupported && Fma.IsSupported)
                Execute<float, SgemmKernelAvx2>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else
                Execute<float, GemmKernelPortable<float>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /// <summary>Double-precision GEMM; see the class summary for semantics.</summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0) return;
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
        {
            if (Avx512F.IsSupported)
                Execute<double, DgemmKernelAvx512>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else if (Avx2.IsSupported && Fma.IsSupported)
                Execute<double, DgemmKernelAvx2>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            else
                Execute<double, GemmKernelPortable<double>>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    private static void Execute<T, TK>(bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc)
        where T : unmanaged, INumberBase<T>
        where TK : struct, IGemmKernel<T>
    {
        if (k == 0 || T.IsZero(alpha))
        {
            GemmSmall.ScaleC(m, n, beta, c, ldc);
            return;
        }

        // A single contiguous column/row can be re-described with the other trans flag, which
        // routes matrix-vector shapes onto the contiguous (vectorizable) direct loops.
        if (n == 1 && !transB && ldb == 1) { transB = true; ldb = k; }
        if (m == 1 && transA && lda == 1) { transA = false; lda = k; }

        long mnk = (long)m * n * k;
        if (mnk <= DirectMaxMnk || m == 1 || (n == 1 && transB && !transA))
        {
            GemmSmall.Direct(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        int threads = (int)Math.Min(s_maxThreads, Math.Max(1, 2 * mnk / ParallelMinFlops));
        if (threads > 1)
            GemmDriver<T, TK>.RunParallel(threads, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            GemmDriver<T, TK>.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
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
