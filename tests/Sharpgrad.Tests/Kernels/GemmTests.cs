using System.Numerics;
using Sharpgrad.Kernels.Cpu;
using Xunit;

namespace Sharpgrad.Tests.GemmKernels;

public delegate void GemmFn<T>(bool ta, bool tb, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
    ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc);

internal static unsafe class Impl
{
    // Drives the blocked path directly (the public entry point sends small shapes to the direct loops),
    // so every micro-kernel the host can execute gets exercised on ragged tiles.
    public static GemmFn<T> Driver<T, TK>() where T : unmanaged, INumberBase<T> where TK : struct, IGemmKernel<T>
        => (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) =>
        {
            if (m == 0 || n == 0 || k == 0) return;
            fixed (T* pa = a) fixed (T* pb = b) fixed (T* pc = c)
                GemmDriver<T, TK>.Run(ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        };

    public static GemmFn<T> Parallel<T, TK>(int threads) where T : unmanaged, INumberBase<T> where TK : struct, IGemmKernel<T>
        => (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) =>
        {
            if (m == 0 || n == 0 || k == 0) return;
            fixed (T* pa = a) fixed (T* pb = b) fixed (T* pc = c)
                GemmDriver<T, TK>.RunParallel(threads, ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        };

    public static GemmFn<float> Sgemm => (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => Kernels.Cpu.Gemm.Sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    public static GemmFn<double> Dgemm => (ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) => Kernels.Cpu.Gemm.Dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public static GemmFn<float> FloatKernel(string name) => name switch
    {
        "public" => Sgemm,
        "avx512" => Driver<float, SgemmKernelAvx512>(),
        "avx2" => Driver<float, SgemmKernelAvx2>(),
        "portable" => Driver<float, GemmKernelPortable<float>>(),
        "par3" => Parallel<float, GemmKernelPortable<float>>(3),
        "avx512par2" => Parallel<float, SgemmKernelAvx512>(2),
        _ => throw new ArgumentException(name),
    };

    public static GemmFn<double> DoubleKernel(string name) => name switch
    {
        "public" => Dgemm,
        "avx512" => Driver<double, DgemmKernelAvx512>(),
        "avx2" => Driver<double, DgemmKernelAvx2>(),
        "portable" => Driver<double, GemmKernelPortable<double>>(),
        "par3" => Parallel<double, GemmKernelPortable<double>>(3),
        "avx512par2" => Parallel<double, DgemmKernelAvx512>(2),
        _ => throw new ArgumentException(name),
    };

    public static bool Supported(string name) => name switch
    {
        "avx512" or "avx512par2" => System.Runtime.Intrinsics.X86.Avx512F.IsSupported,
        "avx2" => System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported,
        _ => true,
    };
}

internal sealed class Case<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static void Check(GemmFn<T> fn, bool ta, bool tb, int m, int n, int k, double alpha, double beta,
        int padA, int padB, int padC, Random rng, bool nanC = false)
    {
        int aRows = ta ? k : m, aCols = ta ? m : k;
        int bRows = tb ? n : k, bCols = tb ? k : n;
        int lda = aCols + padA, ldb = bCols + padB, ldc = n + padC;
        // Padding is NaN so any read of it poisons the result; C padding must come back untouched.
        T[] a = Fill(aRows, aCols, lda, rng, T.NaN);
        T[] b = Fill(bRows, bCols, ldb, rng, T.NaN);
        T[] c = Fill(m, n, ldc, rng, T.CreateTruncating(12345.0));
        if (nanC)
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[i * ldc + j] = T.NaN;
        T[] c0 = (T[])c.Clone();

        fn(ta, tb, m, n, k, T.CreateTruncating(alpha), a, lda, b, ldb, T.CreateTruncating(beta), c, ldc);

        double eps = double.CreateTruncating(T.Epsilon) > 0 && typeof(T) == typeof(float) ? 1.2e-7 : 2.3e-16;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0, sAbs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateTruncating(ta ? a[p * lda + i] : a[i * lda + p]);
                    double y = double.CreateTruncating(tb ? b[j * ldb + p] : b[p * ldb + j]);
                    s += x * y; sAbs += Math.Abs(x * y);
                }
                double cOld = double.CreateTruncating(c0[i * ldc + j]);
                double expect = alpha * s + (beta == 0 ? 0 : beta * cOld);
                double scale = Math.Abs(alpha) * sAbs + (beta == 0 ? 0 : Math.Abs(beta * cOld));
                double got = double.CreateTruncating(c[i * ldc + j]);
                double tol = 4 * (k + 2) * eps * scale + 1e-30;
                if (!(Math.Abs(got - expect) <= tol))
                    Assert.Fail($"{typeof(T).Name} ta={ta} tb={tb} m={m} n={n} k={k} alpha={alpha} beta={beta} " +
                                $"pads=({padA},{padB},{padC}) C[{i},{j}]={got} expected {expect} (tol {tol})");
            }
            for (int j = n; j < ldc && i * ldc + j < c.Length; j++)
                Assert.Equal(c0[i * ldc + j], c[i * ldc + j]);
        }
    }

    private static T[] Fill(int rows, int cols, int ld, Random rng, T padValue)
    {
        int len = rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;
        var x = new T[len];
        for (int i = 0; i < len; i++)
            x[i] = (i % ld) < cols ? T.CreateTruncating(rng.NextDouble() * 2 - 1) : padValue;
        return x;
    }
}

public class GemmTests
{
    public static TheoryData<string, bool, bool> SmallCases()
    {
        var d = new TheoryData<string, bool, bool>();
        foreach (var kn in new[] { "public", "avx512", "avx2", "portable" })
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    d.Add(kn, ta, tb);
        return d;
    }

    private static readonly (double alpha, double beta)[] s_scalars = { (1, 0), (-0.75, 1), (0.5, -1.25) };

    [Theory, MemberData(nameof(SmallCases))]
    public void AllSmallShapes_Float(string kernel, bool ta, bool tb)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.FloatKernel(kernel);
        var rng = new Random(1);
        for (int m = 0; m <= 20; m++)
            for (int n = 0; n <= 20; n++)
                for (int k = kernel == "public" ? 0 : 1; k <= 20; k++)
                {
                    var (alpha, beta) = s_scalars[(m + n + k) % s_scalars.Length];
                    Case<float>.Check(fn, ta, tb, m, n, k, alpha, beta, (m + k) % 3, (n + k) % 2, (m + n) % 3, rng);
                }
    }

    [Theory, MemberData(nameof(SmallCases))]
    public void AllSmallShapes_Double(string kernel, bool ta, bool tb)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.DoubleKernel(kernel);
        var rng = new Random(2);
        for (int m = 0; m <= 20; m++)
            for (int n = 0; n <= 20; n++)
                for (int k = kernel == "public" ? 0 : 1; k <= 20; k++)
                {
                    var (alpha, beta) = s_scalars[(m + n + k) % s_scalars.Length];
                    Case<double>.Check(fn, ta, tb, m, n, k, alpha, beta, (m + k) % 3, (n + k) % 2, (m + n) % 3, rng);
                }
    }

    public static TheoryData<string, int, int, int> LargeCases()
    {
        var d = new TheoryData<string, int, int, int>();
        var shapes = new[] { (257, 129, 511), (1, 300, 77), (300, 1, 77), (129, 257, 5), (45, 97, 600),
                             (600, 33, 130), (33, 1100, 40), (1600, 20, 17), (64, 64, 64), (2, 1000, 300),
                             (150, 300, 1100), // several K blocks and NC blocks on the blocked (non-panel) path
                             (200, 256, 1100), (130, 64, 700), // B read in place (rows <= 1 KB), several K blocks
                             (13, 300, 20), (14, 300, 20), (29, 600, 530), // B packed by the first row of tiles, or not
                             // A read in place (RunA; most shapes above do too, with RunEdgeA for their narrow last
                             // panel): B packed by the first row, B in place, ragged last rows
                             (211, 512, 300), (98, 96, 40), (140, 544, 200) };
        foreach (var kn in new[] { "public", "avx512", "avx2", "portable", "par3", "avx512par2" })
            foreach (var (m, n, k) in shapes)
                d.Add(kn, m, n, k);
        return d;
    }

    [Theory, MemberData(nameof(LargeCases))]
    public void LargeShapes_Float(string kernel, int m, int n, int k)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.FloatKernel(kernel);
        var rng = new Random(m * 31 + n * 7 + k);
        int i = 0;
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
            {
                var (alpha, beta) = s_scalars[i++ % s_scalars.Length];
                Case<float>.Check(fn, ta, tb, m, n, k, alpha, beta, 3, 5, 2, rng);
            }
        Case<float>.Check(fn, false, false, m, n, k, 1, 0, 0, 0, 0, rng, nanC: true);
    }

    [Theory, MemberData(nameof(LargeCases))]
    public void LargeShapes_Double(string kernel, int m, int n, int k)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.DoubleKernel(kernel);
        var rng = new Random(m * 31 + n * 7 + k + 1);
        int i = 0;
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
            {
                var (alpha, beta) = s_scalars[i++ % s_scalars.Length];
                Case<double>.Check(fn, ta, tb, m, n, k, alpha, beta, 1, 4, 7, rng);
            }
        Case<double>.Check(fn, true, false, m, n, k, 2, 0, 0, 0, 0, rng, nanC: true);
    }

    // Shapes of an MLP 784-512-512-10 training step (forward x@W.T, dW = g.T@x, dX = g@W) plus the
    // boundaries of the small-m panel schedule (m <= 96, k >= 32) and of the dot-product path (n <= 16).
    public static TheoryData<string, int, int, int> MlpCases()
    {
        var d = new TheoryData<string, int, int, int>();
        var shapes = new[] { (64, 512, 784), (64, 10, 512), (10, 512, 64), (64, 512, 10), (512, 784, 64), (256, 10, 512),
                             (96, 33, 40), (97, 33, 40), (50, 70, 32), (50, 70, 31), (13, 200, 300), (15, 33, 257),
                             (7, 16, 33), (9, 17, 50), (130, 11, 19), (5, 3, 16), (6, 2, 15), (3, 9, 100) };
        foreach (var kn in new[] { "public", "avx512", "avx2", "portable", "par3" })
            foreach (var (m, n, k) in shapes)
                d.Add(kn, m, n, k);
        return d;
    }

    [Theory, MemberData(nameof(MlpCases))]
    public void MlpShapes_Float(string kernel, int m, int n, int k)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.FloatKernel(kernel);
        var rng = new Random(m * 131 + n * 17 + k);
        int i = 0;
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
            {
                var (alpha, beta) = s_scalars[i++ % s_scalars.Length];
                Case<float>.Check(fn, ta, tb, m, n, k, alpha, beta, i % 3, (i + 1) % 4, i % 2, rng);
                Case<float>.Check(fn, ta, tb, m, n, k, 1, 0, 0, 0, 0, rng, nanC: true);
            }
    }

    [Theory, MemberData(nameof(MlpCases))]
    public void MlpShapes_Double(string kernel, int m, int n, int k)
    {
        if (!Impl.Supported(kernel)) return;
        var fn = Impl.DoubleKernel(kernel);
        var rng = new Random(m * 131 + n * 17 + k + 1);
        int i = 0;
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
            {
                var (alpha, beta) = s_scalars[(i + 1) % s_scalars.Length];
                i++;
                Case<double>.Check(fn, ta, tb, m, n, k, alpha, beta, (i + 1) % 3, i % 2, 1, rng);
            }
    }

    [Fact]
    public void MlpShapesTwoThreads()
    {
        int saved = Kernels.Cpu.Gemm.MaxThreads;
        try
        {
            Kernels.Cpu.Gemm.MaxThreads = 2;
            var rng = new Random(9);
            foreach (var (ta, tb, m, n, k) in new[] { (false, true, 64, 512, 784), (false, false, 64, 784, 512),
                         (true, false, 512, 784, 64), (false, true, 256, 10, 512), (true, false, 10, 512, 256), (false, false, 256, 512, 10),
                         // row slabs although n > m (each thread gets >= 128 rows); ragged rows on the parallel dot path
                         (false, true, 256, 512, 784), (true, true, 301, 700, 40), (false, true, 257, 10, 512), (false, true, 262, 3, 700) })
                Case<float>.Check(Impl.Sgemm, ta, tb, m, n, k, 1, 0, 0, 1, 0, rng, nanC: true);
        }
        finally { Kernels.Cpu.Gemm.MaxThreads = saved; }
    }

    [Fact]
    public void ThreadCountsAgree()
    {
        int saved = Kernels.Cpu.Gemm.MaxThreads;
        try
        {
            var rng = new Random(5);
            foreach (int t in new[] { 1, 2, 4 })
            {
                Kernels.Cpu.Gemm.MaxThreads = t;
                Case<float>.Check(Impl.Sgemm, false, true, 300, 280, 260, 1, 0.5, 1, 0, 3, rng, nanC: false);
                Case<float>.Check(Impl.Sgemm, true, false, 130, 700, 90, 1, 0, 0, 2, 0, rng, nanC: true);
                Case<double>.Check(Impl.Dgemm, false, false, 250, 250, 250, -1, 0, 0, 0, 0, rng, nanC: true);
            }
        }
        finally { Kernels.Cpu.Gemm.MaxThreads = saved; }
    }

    [Fact]
    public void BetaZeroOverwritesNaNAndZeroAlphaIgnoresInputs()
    {
        var c = new float[] { float.NaN, float.NaN, float.NaN, float.NaN };
        var a = new float[] { float.NaN, 1, 2, 3 };
        Kernels.Cpu.Gemm.Sgemm(false, false, 2, 2, 2, 0f, a, 2, a, 2, 0f, c, 2);
        Assert.All(c, v => Assert.Equal(0f, v));
        var d = new double[] { 1, 2, 3, 4 };
        Kernels.Cpu.Gemm.Dgemm(false, false, 2, 2, 0, 1.0, ReadOnlySpan<double>.Empty, 0, ReadOnlySpan<double>.Empty, 0, 2.0, d, 2);
        Assert.Equal(new double[] { 2, 4, 6, 8 }, d);
    }

    [Fact]
    public void RejectsShortBuffersAndBadStrides()
    {
        var x = new float[6];
        Assert.Throws<ArgumentException>(() => Kernels.Cpu.Gemm.Sgemm(false, false, 2, 3, 3, 1, x, 3, x, 3, 0, x, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Cpu.Gemm.Sgemm(false, false, 2, 3, 2, 1, x, 1, x, 3, 0, x, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Cpu.Gemm.Sgemm(false, false, -1, 3, 2, 1, x, 2, x, 3, 0, x, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kernels.Cpu.Gemm.MaxThreads = 0);
    }
}
