namespace Sharpgrad.Tests.Core;

/// <summary>
/// Every length 0..256 (vector bodies, tails, unrolled blocks, the parallel threshold's neighbours) on
/// contiguous and strided data, and IEEE special values.
/// </summary>
public class KernelEdgeTests
{
    private const int MaxLength = 256;

    private static float[] Floats(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 8 - 4);
        return a;
    }

    /// <summary>The same values, contiguous and as every-other element of a twice-as-long buffer.</summary>
    private static IEnumerable<(string Layout, Tensor T)> Layouts(float[] values)
    {
        yield return ("contiguous", Tensor.FromArray(values));
        var big = new float[2 * values.Length + 1];
        Array.Fill(big, float.NaN);                          // any read of a gap poisons the result
        for (int i = 0; i < values.Length; i++) big[2 * i + 1] = values[i];
        yield return ("strided", Tensor.FromArray(big).Slice(0, 1, big.Length, 2));
        yield return ("offset", Tensor.FromArray([float.NaN, .. values]).Narrow(0, 1, values.Length));
    }

    [Fact]
    public void AddMulExpSumEveryLength()
    {
        for (int n = 0; n <= MaxLength; n++)
        {
            var av = Floats(n, n);
            var bv = Floats(n, n + 1000);
            foreach (var (la, a) in Layouts(av))
            foreach (var (lb, b) in Layouts(bv))
            {
                var add = (a + b).ToArray<float>();
                var mul = (a * b).ToArray<float>();
                for (int i = 0; i < n; i++)
                {
                    Assert.True(av[i] + bv[i] == add[i], $"add n={n} {la}/{lb} i={i}");
                    Assert.True(av[i] * bv[i] == mul[i], $"mul n={n} {la}/{lb} i={i}");
                }
            }
            foreach (var (la, a) in Layouts(av))
            {
                var exp = a.Exp().ToArray<float>();
                for (int i = 0; i < n; i++)
                    Assert.True(Math.Abs(exp[i] - Math.Exp(av[i])) <= 2e-7 * Math.Exp(av[i]), $"exp n={n} {la} i={i}: {exp[i]} vs {Math.Exp(av[i])}");
                double sum = av.Sum(v => (double)v), abs = av.Sum(v => Math.Abs((double)v));
                float got = a.Sum().Item<float>();
                Assert.True(Math.Abs(got - sum) <= 1e-6 * abs + 1e-6, $"sum n={n} {la}: {got} vs {sum}");
                var inPlace = a.Clone();
                inPlace.Add_(a);
                Assert.Equal(av.Select(v => v + v).ToArray(), inPlace.ToArray<float>());
                if (n > 0)
                {
                    Assert.Equal(av.Max(), a.Max().Item<float>());
                    Assert.Equal(av.Min(), a.Min().Item<float>());
                    Assert.Equal(Array.IndexOf(av, av.Max()), a.ArgMax().Item<long>());
                }
            }
            // scalar forms and float64
            var d = Tensor.FromArray(av.Select(v => (double)v).ToArray());
            Assert.Equal(av.Select(v => v * 3.0 + 1).ToArray(), (d * 3 + 1).ToArray<double>());
            Assert.Equal(av.Select(v => (float)(v * 0.5f)).ToArray(), (Layouts(av).Last().T * 0.5).ToArray<float>());
        }
    }

    [Fact]
    public void MaxPropagatesNanAtEveryPosition()
    {
        for (int n = 1; n <= MaxLength; n += n < 40 ? 1 : 7)
        {
            var v = Floats(n, n);
            int pos = (n * 7) % n;
            v[pos] = float.NaN;
            foreach (var (layout, t) in Layouts(v))
            {
                Assert.True(float.IsNaN(t.Max().Item<float>()), $"max n={n} {layout}");
                Assert.True(float.IsNaN(t.Min().Item<float>()), $"min n={n} {layout}");
                Assert.True(float.IsNaN(t.Sum().Item<float>()), $"sum n={n} {layout}");
                Assert.Equal(pos, t.ArgMax().Item<long>());      // NaN is the largest (FACTS: argmax -> 1)
                var (mv, mi) = t.Max(0);
                Assert.True(float.IsNaN(mv.Item<float>()));
                Assert.Equal(pos, mi.Item<long>());
                var other = Tensor.Zeros([n]);
                Assert.True(float.IsNaN(t.Maximum(other).ToArray<float>()[pos]), $"maximum n={n} {layout}");
                Assert.True(float.IsNaN(other.Minimum(t).ToArray<float>()[pos]), $"minimum n={n} {layout}");
                Assert.True(float.IsNaN(t.Relu().ToArray<float>()[pos]), $"relu n={n} {layout}");
            }
        }
    }

    private static void CloseRelative(double[] expected, Tensor actual, double rel)
    {
        var got = actual.To(DType.Float64).ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
            Assert.True(Math.Abs(got[i] - expected[i]) <= rel * Math.Abs(expected[i]), $"[{i}] expected {expected[i]:R}, got {got[i]:R}");
    }

    [Fact]
    public void TanhLog1pExpm1KeepRelativePrecisionNearZero()
    {
        // FACTS (torch 2.6): torch.tanh / log1p / expm1 of tiny values; the 1e-7 run fills whole vector lanes.
        double[] x = [1e-10, -1e-6, 0.01, 0.3, 0.6, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7];
        double[] tanh64 = [1e-10, -9.999999999996666e-07, 0.00999966667999946, 0.2913126124515909, 0.5370495669980353, .. Enumerable.Repeat(9.999999999999966e-08, 13)];
        double[] tanh32 = [1.000000013351432e-10, -9.999999974752427e-07, 0.00999966636300087, 0.29131263494491577, 0.5370495915412903, .. Enumerable.Repeat(1.0000000116860974e-07, 13)];
        CloseRelative(tanh64, Tensor.FromArray(x).Tanh(), 4e-16);
        CloseRelative(tanh32, Tensor.FromArray(x).To(DType.Float32).Tanh(), 2e-7);
        var zeros = Tensor.FromArray(Enumerable.Repeat(-0.0, 17).Append(0.0).ToArray());
        foreach (var t in new[] { zeros.Tanh(), zeros.To(DType.Float32).Tanh().To(DType.Float64) })
        {
            var v = t.ToArray<double>();
            Assert.All(v[..17], z => Assert.True(z == 0 && double.IsNegative(z))); // tanh(-0) = -0, as PyTorch
            Assert.True(v[17] == 0 && !double.IsNegative(v[17]));
        }
        double[] y = [1e-14, -1e-14, 1e-7];
        CloseRelative([9.99999999999995e-15, -1.000000000000005e-14, 9.999999500000033e-08], Tensor.FromArray(y).Log1p(), 4e-16);
        CloseRelative([1.000000000000005e-14, -9.99999999999995e-15, 1.0000000500000016e-07], Tensor.FromArray(y).Expm1(), 4e-16);
        CloseRelative([9.9999998245167e-15, -9.9999998245167e-15, 9.999999406318238e-08], Tensor.FromArray(y).To(DType.Float32).Log1p(), 2e-7);
        CloseRelative([9.9999998245167e-15, -9.9999998245167e-15, 1.000000082740371e-07], Tensor.FromArray(y).To(DType.Float32).Expm1(), 2e-7);
        Assert.True(double.IsNegative(Tensor.FromArray(new[] { -0.0 }).Log1p().Item<double>()));
        Assert.True(double.IsNegative(Tensor.FromArray(new[] { -0.0 }).Expm1().Item<double>()));
        // in place: the small-|x| fix-up must see the inputs, not the first pass's outputs
        var inPlace = Tensor.FromArray(x);
        inPlace.Tanh_();
        CloseRelative(tanh64, inPlace, 4e-16);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void ReluKeepsNegativeZeroOnEveryVectorLane(DType dtype)
    {
        // 67 elements: whole 512-bit vectors, a partial one and a scalar tail all see -0, negatives and NaN.
        var v = new double[67];
        for (int i = 0; i < v.Length; i++) v[i] = (i % 4) switch { 0 => -0.0, 1 => -(i + 0.5), 2 => i, _ => double.NaN };
        var r = Tensor.FromArray(v).To(dtype).Relu().To(DType.Float64).ToArray<double>();
        for (int i = 0; i < v.Length; i++)
        {
            double expected = (i % 4) switch { 0 => -0.0, 1 => 0.0, 2 => i, _ => double.NaN };
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(r[i]));
        }
    }

    [Fact]
    public void SpecialValues()
    {
        float nan = float.NaN, inf = float.PositiveInfinity;
        // FACTS / oracle: relu([nan, -0., 0., -inf, inf]) -> [nan, -0., 0., 0., inf]
        var r = Tensor.FromArray(new[] { nan, -0f, 0f, -inf, inf }).Relu().ToArray<float>();
        Assert.True(float.IsNaN(r[0]));
        Assert.Equal(new[] { 0f, 0f, inf }, r[2..]);
        Assert.Equal("tensor([nan, -0., 0., 0., inf])", Tensor.FromArray(new[] { nan, -0f, 0f, -inf, inf }).Relu().ToString());
        // comparisons with NaN are false, != is true
        var x = Tensor.FromArray(new[] { nan, 1f });
        Assert.Equal(new[] { false, true }, x.Gt(0).ToArray<bool>());
        Assert.Equal(new[] { false, true }, x.Eq(x).ToArray<bool>());
        Assert.Equal(new[] { true, false }, x.Ne(x).ToArray<bool>());
        Assert.Equal(new[] { false, false }, x.Lt(x).ToArray<bool>());
        Assert.Equal(new[] { false, true }, x.Le(x).ToArray<bool>());
        Assert.Equal(new[] { false, true }, x.Ge(1.0).ToArray<bool>());
        // maximum propagates NaN from either side: [nan, nan]
        var m = Tensor.FromArray(new[] { nan, 1f }).Maximum(Tensor.FromArray(new[] { 0f, nan })).ToArray<float>();
        Assert.All(m, v => Assert.True(float.IsNaN(v)));
        Assert.True(float.IsNaN(Tensor.FromArray(new[] { 1f, nan, 3f }).Min().Item<float>()));
        Assert.Equal(0L, Tensor.FromArray(new[] { nan, 1f }).ArgMin().Item<long>());
        // clamp keeps NaN: [nan, 0., 1.]
        Assert.Equal("tensor([nan, 0., 1.])", Tensor.FromArray(new[] { nan, -2f, 2f }).Clamp(0, 1).ToString());
        // inf - inf, 0/0, 1/0, log 0, sqrt(-1), exp(±inf)
        Assert.Equal("tensor(nan)", Tensor.FromArray(new[] { inf, -inf }).Sum().ToString());
        var zero = Tensor.FromArray(new[] { 0f, 1f, -1f });
        Assert.Equal("tensor([nan, inf, -inf])", (zero / Tensor.Zeros([3])).ToString());
        Assert.Equal("tensor([-inf, 0.])", Tensor.FromArray(new long[] { 0, 1 }).Log().ToString());
        Assert.True(float.IsNaN(Tensor.Scalar(-1).Sqrt().Item<float>()));
        Assert.Equal("tensor([inf, 0.])", Tensor.FromArray(new[] { inf, -inf }).Exp().ToString());
        Assert.Equal("tensor([1., 0.])", Tensor.FromArray(new[] { inf, -inf }).Sigmoid().ToString());
        Assert.Equal("tensor([ 1., -1.])", Tensor.FromArray(new[] { inf, -inf }).Tanh().ToString());
        // signed zeros: neg(0) = -0, neg(-0) = 0, -0 + -0 = -0, abs(-0) = 0
        Assert.True(float.IsNegative(Tensor.Scalar(0).Neg().Item<float>()));
        Assert.False(float.IsNegative(Tensor.Scalar(-0.0).Neg().Item<float>()));
        Assert.True(float.IsNegative((Tensor.Scalar(-0.0) + Tensor.Scalar(-0.0)).Item<float>()));
        Assert.False(float.IsNegative(Tensor.Scalar(-0.0).Abs().Item<float>()));
        Assert.Equal("tensor([-0.])", (-Tensor.FromArray(new[] { 0f })).ToString());
        // the empty cases of FACTS sec 1: sum -> 0, mean -> nan
        Assert.Equal("tensor(0.)", Tensor.Zeros([0]).Sum().ToString());
        Assert.Equal("tensor(nan)", Tensor.Zeros([0]).Mean().ToString());
        Assert.Equal("tensor(1.)", Tensor.Zeros([0]).Prod().ToString());
        Assert.Equal("tensor([nan, nan])", Tensor.Zeros([2, 0]).Mean(1).ToString());
        Assert.Equal("tensor([nan, nan])", Tensor.Zeros([2, 0]).Var(1).ToString());
        Assert.Equal("tensor(nan)", Tensor.FromArray(new[] { 2f }).Var().ToString());
        Assert.Equal("tensor([0., 0.])", Tensor.Zeros([2, 0]).Sum(1).ToString());
        var (v0, i0) = Tensor.Zeros([3, 0]).Max(0);               // reducing a non-empty dim of an empty tensor is fine
        Check.Shape(v0, 0);
        Check.Shape(i0, 0);
    }

    [Fact]
    public void LargeReductionsUseEveryElement()
    {
        // sizes around the parallel threshold: sums of ones are exact
        foreach (int n in new[] { 1023, 1024, 1025, 4095, 4096, 4097, 32767, 32768, 32769, 100_003 })
        {
            Assert.Equal(n, Tensor.Ones([n]).Sum().Item<float>());
            Assert.Equal(n, Tensor.Ones([n], DType.Int64).Sum().Item<long>());
            var t = Tensor.Arange(n, DType.Float64);
            Assert.Equal((double)n * (n - 1) / 2, t.Sum().Item());
            Assert.Equal(n - 1, t.Max().Item());
            Assert.Equal(n - 1, t.ArgMax().Item<long>());
            var y = (t + t).ToArray<double>();
            Assert.Equal(2.0 * (n - 1), y[^1]);
            Assert.Equal(2.0 * (n / 2), y[n / 2]);
            var rows = Tensor.Ones([n, 2]).Sum(0).ToArray<float>();
            Assert.Equal(new float[] { n, n }, rows);
        }
    }
}
