using CsCheck;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// max/min along a dim (values and indices), argmax/argmin and amax/amin against a naive loop with PyTorch's rules:
/// the first occurrence of the extreme, the first NaN winning with its own index, and of equal zeros the first. The
/// elements come from a small pool (ties, ±0, ±∞, NaN) so that each rule is hit, on shapes with rows shorter and
/// longer than the vector kernels' blocks.
/// </summary>
public class ExtremePropertyTests
{
    private static readonly double[] Pool = [0.0, -0.0, 1.5, -1.5, 2.25, -7.0, 3.0, double.PositiveInfinity, double.NegativeInfinity, 1e-300, -1e30];

    [Fact]
    public void MaxAndMinAlongADimPickAsTheNaiveLoop() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var rng = new Random(seed);
            var dtype = rng.Next(2) == 0 ? DType.Float32 : DType.Float64;
            int[] shape = [1 + rng.Next(4), 1 + rng.Next(rng.Next(2) == 0 ? 9 : 140), 1 + rng.Next(rng.Next(2) == 0 ? 3 : 40)];
            int n = shape[0] * shape[1] * shape[2];
            double nanRate = rng.Next(3) switch { 0 => 0, 1 => 0.002, _ => 0.05 };
            bool zerosOnly = rng.Next(6) == 0;
            var data = new double[n];
            for (int i = 0; i < n; i++)
                data[i] = rng.NextDouble() < nanRate ? double.NaN
                    : zerosOnly ? (rng.Next(2) == 0 ? 0.0 : -0.0)
                    : rng.Next(3) == 0 ? Pool[rng.Next(Pool.Length)] : Math.Round(rng.NextDouble() * 200 - 100, 1);
            if (dtype == DType.Float32)
                for (int i = 0; i < n; i++) data[i] = (float)data[i];
            var x = Tensor.FromArray(data).Reshape(shape).To(dtype);
            int dim = rng.Next(3);
            bool max = rng.Next(2) == 0;
            var (values, indices) = max ? x.Max(dim) : x.Min(dim);
            var (refValues, refIndices) = Naive(data, shape, dim, max);
            var got = values.To(DType.Float64).Reshape(-1).ToArray<double>();
            var gotIdx = indices.Reshape(-1).ToArray<long>();
            var arg = (max ? x.ArgMax(dim) : x.ArgMin(dim)).Reshape(-1).ToArray<long>();
            var am = (max ? x.Amax([dim]) : x.Amin([dim])).To(DType.Float64).Reshape(-1).ToArray<double>();
            for (int i = 0; i < refValues.Length; i++)
            {
                string where = $"seed {seed} {dtype} {(max ? "max" : "min")} dim {dim} of [{string.Join(", ", shape)}], output {i}";
                Assert.True(BitConverter.DoubleToInt64Bits(refValues[i]) == BitConverter.DoubleToInt64Bits(got[i]) || double.IsNaN(refValues[i]) && double.IsNaN(got[i]),
                    $"{where}: value {got[i]} expected {refValues[i]}");
                Assert.True(refIndices[i] == gotIdx[i], $"{where}: index {gotIdx[i]} expected {refIndices[i]}");
                Assert.True(refIndices[i] == arg[i], $"{where}: arg index {arg[i]} expected {refIndices[i]}");
                Assert.True(BitConverter.DoubleToInt64Bits(refValues[i]) == BitConverter.DoubleToInt64Bits(am[i]) || double.IsNaN(refValues[i]) && double.IsNaN(am[i]),
                    $"{where}: amax/amin {am[i]} expected {refValues[i]}");
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void TheExtremeOfEveryElementIsTheFirstOfAll()
    {
        var data = new float[1000];
        for (int i = 0; i < data.Length; i++) data[i] = (i * 37 % 101) - 50;
        data[613] = 51;
        data[877] = 51;
        var x = Tensor.FromArray(data);
        Assert.Equal(51f, x.Max().Item<float>());
        Assert.Equal(613L, x.ArgMax().Item<long>());
        data[500] = float.NaN;
        data[900] = float.NaN;
        var withNaN = Tensor.FromArray(data);
        Assert.True(float.IsNaN(withNaN.Max().Item<float>()));
        Assert.Equal(500L, withNaN.ArgMax().Item<long>());
        Assert.Equal(500L, withNaN.ArgMin().Item<long>());
    }

    private static (double[] Values, long[] Indices) Naive(double[] data, int[] shape, int dim, bool max)
    {
        int outer = 1, inner = 1, r = shape[dim];
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.Length; d++) inner *= shape[d];
        var values = new double[outer * inner];
        var indices = new long[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int bestK = 0;
                double best = data[o * r * inner + i];
                for (int k = 1; k < r && !double.IsNaN(best); k++)
                {
                    double v = data[(o * r + k) * inner + i];
                    if (double.IsNaN(v) || (max ? v > best : v < best)) { best = v; bestK = k; }
                }
                values[o * inner + i] = best;
                indices[o * inner + i] = bestK;
            }
        return (values, indices);
    }
}
