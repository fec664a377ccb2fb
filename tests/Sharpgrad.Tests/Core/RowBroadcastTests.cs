namespace Sharpgrad.Tests.Core;

/// <summary>
/// + − × ÷ of a matrix and one row broadcast down it, which run the row repeated into batches of rows: each element
/// must be its own operands' result whichever side the row is on, in place, on a window of a larger buffer and split
/// between threads.
/// </summary>
[Collection("Threads")]
public class RowBroadcastTests
{
    private static readonly Func<Tensor, Tensor, Tensor>[] Ops = [(a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b];
    private static readonly Func<double, double, double>[] Refs = [(a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => a / b];

    [Theory]
    [InlineData(3, 7)]
    [InlineData(100, 32)]
    [InlineData(4097, 33)]
    [InlineData(9, 255)]
    public void EveryElementIsItsOwnOperandsResult(int rows, int cols)
    {
        var m = Values(rows * cols, 1).Reshape(rows, cols);
        var r = Values(cols, 2);
        var md = m.ToArray<double>();
        var rd = r.ToArray<double>();
        for (int k = 0; k < Ops.Length; k++)
        {
            var rowSecond = Ops[k](m, r).ToArray<double>();
            var rowFirst = Ops[k](r, m).ToArray<double>();
            for (int i = 0; i < rows * cols; i++)
            {
                Assert.Equal(Refs[k](md[i], rd[i % cols]), rowSecond[i]);
                Assert.Equal(Refs[k](rd[i % cols], md[i]), rowFirst[i]);
            }
        }
    }

    [Fact]
    public void InPlaceOnAWindowAndSplitBetweenThreads() => ThreadsCollection.WithThreads(2, () =>
    {
        var big = Values(9000 * 40, 3).Reshape(9000, 40);
        var window = big.Narrow(0, 5, 8000);
        var r = Values(40, 4).To(DType.Float32);
        var before = window.To(DType.Float32).ToArray<float>();
        var w32 = big.To(DType.Float32).Narrow(0, 5, 8000);
        w32.Mul_(r);
        var got = w32.Contiguous().ToArray<float>();
        var rf = r.ToArray<float>();
        for (int i = 0; i < got.Length; i++) Assert.Equal(before[i] * rf[i % 40], got[i]);
    });

    private static Tensor Values(int n, int seed)
    {
        var rng = new Random(seed);
        var d = new double[n];
        for (int i = 0; i < n; i++) d[i] = Math.Round(rng.NextDouble() * 20 - 10, 3) + 0.25;
        return Tensor.FromArray(d);
    }
}
