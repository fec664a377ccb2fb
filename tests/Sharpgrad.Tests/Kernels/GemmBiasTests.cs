using Sharpgrad.Kernels.Cpu;
using Xunit;

namespace Sharpgrad.Tests.GemmKernels;

/// <summary>The fused row bias (Linear's addmm): C = alpha * op(A) op(B) + bias[j], C never read.</summary>
public unsafe class GemmBiasTests
{
    public static TheoryData<int, int, int, bool, bool> Shapes() => new()
    {
        { 257, 129, 511, false, false },  // blocked, several K blocks, ragged tiles
        { 256, 512, 784, false, true },   // Linear layer 1 of the MLP (x @ W.T)
        { 64, 512, 784, false, true },    // small-m panel schedule
        { 600, 33, 130, true, false },
        { 256, 10, 512, false, true },    // dot-product head path
        { 5, 3, 4, false, false },        // direct loops
        { 1, 300, 77, false, true },      // single row
        { 300, 1, 77, false, true },      // single column
        { 7, 9, 0, false, false },        // k = 0: C is just the bias
    };

    [Theory, MemberData(nameof(Shapes))]
    public void PublicEntry_AddsBiasToEveryRow(int m, int n, int k, bool ta, bool tb)
    {
        var rng = new Random(m * 7 + n * 3 + k);
        float[] a = Rand(m * k, rng), b = Rand(k * n, rng), bias = Rand(n, rng);
        float[] c = Enumerable.Repeat(float.NaN, m * n).ToArray();
        Gemm.Sgemm(ta, tb, m, n, k, 0.5f, a, ta ? m : Math.Max(k, 1), b, tb ? Math.Max(k, 1) : n, 0f, c, n, bias);
        AssertClose(Reference(ta, tb, m, n, k, 0.5, a, b, bias), c, k);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Double_AddsBiasToEveryRow(int m, int n, int k, bool ta, bool tb)
    {
        var rng = new Random(m * 5 + n + k);
        double[] a = Rand(m * k, rng).Select(v => (double)v).ToArray(), b = Rand(k * n, rng).Select(v => (double)v).ToArray();
        double[] bias = Rand(n, rng).Select(v => (double)v).ToArray();
        double[] c = Enumerable.Repeat(double.NaN, m * n).ToArray();
        Gemm.Dgemm(ta, tb, m, n, k, 1.0, a, ta ? m : Math.Max(k, 1), b, tb ? Math.Max(k, 1) : n, 0.0, c, n, bias);
        var expected = Reference(ta, tb, m, n, k, 1.0, a.Select(v => (float)v).ToArray(), b.Select(v => (float)v).ToArray(), bias.Select(v => (float)v).ToArray());
        for (int i = 0; i < c.Length; i++) Assert.Equal(expected[i], c[i], 1e-4 * (1 + k));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Driver_SeedsBiasInEverySlab(int threads)
    {
        const int m = 97, n = 161, k = 300;
        var rng = new Random(threads);
        float[] a = Rand(m * k, rng), b = Rand(k * n, rng), bias = Rand(n, rng);
        float[] c = Enumerable.Repeat(float.NaN, m * n).ToArray();
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c) fixed (float* pbias = bias)
            GemmDriver<float, GemmKernelPortable<float>>.RunParallel(threads, false, false, m, n, k, 1f, pa, k, pb, n, 0f, pc, n, pbias);
        AssertClose(Reference(false, false, m, n, k, 1, a, b, bias), c, k);
    }

    [Fact]
    public void BiasNeedsBetaZeroAndNValues()
    {
        float[] a = new float[4], b = new float[4], c = new float[4];
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 2, 1f, a, 2, b, 2, 1f, c, 2, new float[2]));
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 2, 1f, a, 2, b, 2, 0f, c, 2, new float[1]));
    }

    private static float[] Rand(int n, Random rng) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();

    private static double[] Reference(bool ta, bool tb, int m, int n, int k, double alpha, float[] a, float[] b, float[] bias)
    {
        var r = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (double)a[ta ? p * m + i : i * k + p] * b[tb ? j * k + p : p * n + j];
                r[i * n + j] = alpha * s + bias[j];
            }
        return r;
    }

    private static void AssertClose(double[] expected, float[] actual, int k)
    {
        for (int i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * (1 + k), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
