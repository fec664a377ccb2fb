namespace Sharpgrad.Tests.Core;

/// <summary>cumsum, logsumexp, flip, sort and topk: PyTorch 2.6 values, indices, gradients, node names; gradcheck.</summary>
public class ScanSortTests
{
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5 }, [3, 4]).RequiresGrad_();
    private static Tensor W() => Tensor.Arange(12).To(DType.Float64).View(3, 4) + 1.0;

    private static void Close(double[] expected, Tensor actual)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.Equal(expected[i], a[i], 1e-12);
    }

    [Fact]
    public void LogSumExpMatchesPyTorch()
    {
        var x = X();
        var y = x.LogSumExp(1);
        Assert.Equal("LogsumexpBackward0", y.GradFn!.Name);
        Close([3.2715169473308414, 4.221689491510451, 2.2331706230432595], y);
        (y * Tensor.FromArray(new[] { 1.0, 2.0, 3.0 })).Sum().Backward();
        Close([0.06256702184155713, 0.0051358139017656625, 0.17007479853270493, 0.7622223657239721, 0.029347664471513255, 1.6023281879380575, 0.010796402405467288, 0.35752774518496216, 0.016009734517950985, 0.4128964952019747, 2.376055276202671, 0.19503849407740373], x.Grad!);
        var all = X().LogSumExp([0, 1], keepDim: true);
        Assert.Equal([1, 1], all.Shape);
        Assert.Equal(4.642747291717835, all.Item<double>(), 12);
        Assert.Equal(double.NegativeInfinity, Tensor.FromArray(new[] { double.NegativeInfinity, double.NegativeInfinity }).LogSumExp(0).Item<double>());
        Assert.Equal(double.PositiveInfinity, Tensor.FromArray(new[] { double.PositiveInfinity, 1.0 }).LogSumExp(0).Item<double>());
    }

    [Fact]
    public void CumsumAndFlipMatchPyTorch()
    {
        var x = X();
        var y = x.Cumsum(1);
        Assert.Equal("CumsumBackward0", y.GradFn!.Name);
        Close([0.5, -1.5, 0.0, 3.0, 0.0, 4.0, 3.0, 5.5, -3.0, -2.75, -0.75, -1.25], y);
        (y * W()).Sum().Backward();
        Close([10.0, 9.0, 7.0, 4.0, 26.0, 21.0, 15.0, 8.0, 42.0, 33.0, 23.0, 12.0], x.Grad!);
        Close([0.5, -2.0, 1.5, 3.0, 0.5, 2.0, 0.5, 5.5, -2.5, 2.25, 2.5, 5.0], X().Cumsum(0));
        var ints = Tensor.FromArray(new long[] { 1, 2, 3 }).Cumsum(0);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 3, 6 }, ints.ToArray<long>());

        var x2 = X();
        var f = x2.Flip(0, 1);
        Assert.Equal("FlipBackward0", f.GradFn!.Name);
        Close([-0.5, 2.0, 0.25, -3.0, 2.5, -1.0, 4.0, 0.0, 3.0, 1.5, -2.0, 0.5], f);
        (f * W()).Sum().Backward();
        Close([12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0], x2.Grad!);
    }

    [Fact]
    public void SortAndTopKMatchPyTorch()
    {
        var x = X();
        var (v, i) = x.Sort(1, descending: true);
        Assert.Equal("SortBackward0", v.GradFn!.Name);
        Close([3.0, 1.5, 0.5, -2.0, 4.0, 2.5, 0.0, -1.0, 2.0, 0.25, -0.5, -3.0], v);
        Assert.Equal(new long[] { 3, 2, 0, 1, 1, 3, 0, 2, 2, 1, 3, 0 }, i.ToArray<long>());
        (v * W()).Sum().Backward();
        Close([3.0, 4.0, 2.0, 1.0, 7.0, 5.0, 8.0, 6.0, 12.0, 10.0, 9.0, 11.0], x.Grad!);
        var (v0, i0) = X().Sort(0);
        Close([-3.0, -2.0, -1.0, -0.5, 0.0, 0.25, 1.5, 2.5, 0.5, 4.0, 2.0, 3.0], v0);
        Assert.Equal(new long[] { 2, 0, 1, 2, 1, 2, 0, 1, 0, 1, 2, 0 }, i0.ToArray<long>());

        var x2 = X();
        var (tv, ti) = x2.TopK(2, 1);
        Assert.Equal("TopkBackward0", tv.GradFn!.Name);
        Close([3.0, 1.5, 4.0, 2.5, 2.0, 0.25], tv);
        Assert.Equal(new long[] { 3, 2, 1, 3, 2, 1 }, ti.ToArray<long>());
        (tv * W().Narrow(1, 0, 2)).Sum().Backward();
        Close([0.0, 0.0, 2.0, 1.0, 0.0, 5.0, 0.0, 6.0, 0.0, 10.0, 9.0, 0.0], x2.Grad!);
        var (sv, si) = X().TopK(2, 0, largest: false);
        Close([-3.0, -2.0, -1.0, -0.5, 0.0, 0.25, 1.5, 2.5], sv);
        Assert.Equal(new long[] { 2, 0, 1, 2, 1, 2, 0, 1 }, si.ToArray<long>());

        var nan = Tensor.FromArray(new[] { 1.0, double.NaN, -1.0, 3.0 });
        Assert.Equal(new long[] { 2, 0, 3, 1 }, nan.Sort().Indices.ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 0, 2 }, nan.Sort(descending: true).Indices.ToArray<long>());
    }

    [Fact]
    public void Int64SortsExactlyBeyondTwoToThe53()
    {
        const long big = 1L << 53; // big + 1 has no double of its own
        var x = Tensor.FromArray(new[] { big + 1, big, big + 2, long.MinValue, long.MaxValue, big + 1 });
        var (v, i) = x.Sort();
        Assert.Equal(new[] { long.MinValue, big, big + 1, big + 1, big + 2, long.MaxValue }, v.ToArray<long>());
        Assert.Equal(new long[] { 3, 1, 0, 5, 2, 4 }, i.ToArray<long>()); // stable: equal values keep input order
        // FACTS (torch 2.6): x.sort() indices [3, 1, 0, 5, 2, 4]; x.topk(2) indices [4, 2] (which of two equal
        // values topk reports first is unspecified: PyTorch's x.topk(3) ends with index 5, Sharpgrad's with 0)
        var (tv, ti) = x.TopK(2);
        Assert.Equal(new[] { long.MaxValue, big + 2 }, tv.ToArray<long>());
        Assert.Equal(new long[] { 4, 2 }, ti.ToArray<long>());
    }

    [Fact]
    public void ErrorsMatchPyTorchAndGradientsCheck()
    {
        Assert.Equal("selected index k out of range", Assert.Throws<InvalidOperationException>(() => X().TopK(5, 1)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.Throws<ArgumentOutOfRangeException>(() => X().Cumsum(2)).Message);
        Assert.Equal("dim 0 appears multiple times in the list of dims", Assert.Throws<InvalidOperationException>(() => X().Flip(0, 0)).Message);
        Tensor.ManualSeed(6);
        Tensor R() => Tensor.Randn([3, 5], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => a[0].Cumsum(1), [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].LogSumExp([0, 1]), [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].Flip(1), [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].Sort(0).Values, [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].TopK(3, 1, largest: false).Values, [R()]));
    }
}
