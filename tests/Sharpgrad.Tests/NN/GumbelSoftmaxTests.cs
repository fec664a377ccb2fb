using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// Tensor.exponential_ and F.gumbel_softmax (PyTorch 2.6's composition, node names and messages; Sharpgrad's generator
/// differs from PyTorch's, so the samples are checked by their properties and statistics under fixed seeds).
/// </summary>
[Collection("Seed")]
public class GumbelSoftmaxTests
{
    [Fact]
    public void ExponentialSamplesArePositiveWithTheRightMean()
    {
        Tensor.ManualSeed(11);
        var e = Tensor.Empty(DType.Float64, [20000]).Exponential_(2.0);
        var v = e.ToArray<double>();
        Assert.All(v, s => Assert.True(s > 0 && double.IsFinite(s)));
        Assert.InRange(v.Average(), 0.49, 0.51); // mean 1/λ
        Assert.InRange(v.Count(s => s > 0.5) / 20000.0, Math.Exp(-1) - 0.015, Math.Exp(-1) + 0.015); // P(X > 1/λ) = 1/e
        var f = Tensor.Empty(DType.Float32, [1000]).Exponential_();
        Assert.All(f.ToArray<float>(), s => Assert.True(s > 0 && float.IsFinite(s)));
        Assert.InRange(f.ToArray<float>().Average(), 0.9, 1.1);

        // written through a strided view only
        var t = Tensor.Zeros([4, 3], DType.Float64);
        t.Select(1, 1).Exponential_();
        var a = t.ToArray<double>();
        for (int i = 0; i < 12; i++) Assert.True(i % 3 == 1 ? a[i] > 0 : a[i] == 0);
    }

    [Fact]
    public void ExponentialIsRecordedAndCheckedAsInPyTorch()
    {
        var x = Tensor.Zeros([3], DType.Float64, requiresGrad: true) * 1;
        Assert.Equal("ExponentialBackward0", x.Exponential_().GradFn!.Name);
        Assert.Equal("exponential_ expects lambda > 0.0, but found lambda=-1",
            Assert.Throws<ArgumentException>(() => Tensor.Zeros([3]).Exponential_(-1)).Message);
        Assert.Equal("exponential_ expects lambda > 0.0, but found lambda=0",
            Assert.Throws<ArgumentException>(() => Tensor.Zeros([3]).Exponential_(0)).Message);
        Assert.Equal("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long",
            Assert.Throws<ArgumentException>(() => Tensor.Zeros([3], DType.Int64).Exponential_()).Message);
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.",
            Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([3], requiresGrad: true).Exponential_()).Message);
    }

    private static Tensor Logits(bool requiresGrad)
    {
        var t = Tensor.FromArray([1.0, 2.0, 3.0, 0.0, 0.0, -1.0, 0.5, -0.5, 2.5], [3, 3]);
        return requiresGrad ? t.RequiresGrad_() : t;
    }

    [Fact]
    public void SoftSampleIsSoftmaxOfTheGumbelPerturbedLogits()
    {
        var logits = Logits(requiresGrad: true);
        Tensor.ManualSeed(21);
        var y = F.GumbelSoftmax(logits, tau: 0.5);
        Assert.Equal("SoftmaxBackward0", y.GradFn!.Name);
        Check.Close([1.0, 1.0, 1.0], y.Sum(-1), 1e-12);
        // the same draws, built by hand as PyTorch writes it
        Tensor.ManualSeed(21);
        var gumbels = Tensor.Empty(DType.Float64, [3, 3]).Exponential_().Log().Neg();
        var manualLogits = Logits(requiresGrad: true);
        var manual = F.Softmax((manualLogits + gumbels) / 0.5, -1);
        Check.Close(manual, y, 0);
        var w = Check.Det([3, 3], 0.53);
        (y * w).Sum().Backward();
        (manual * w).Sum().Backward();
        Check.Close(manualLogits.Grad!, logits.Grad!, 0);
        Assert.True(logits.Grad!.Abs().Sum().Item<double>() > 0);
        Assert.True(Autograd.GradCheck(t => { Tensor.ManualSeed(4); return F.GumbelSoftmax(t[0], 2.0, dim: 0); }, [Logits(requiresGrad: true)]));
    }

    [Fact]
    public void HardSampleIsOneHotWithTheSoftGradient()
    {
        var logits = Logits(requiresGrad: true);
        Tensor.ManualSeed(8);
        var y = F.GumbelSoftmax(logits, hard: true, dim: 0);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        var v = y.ToArray<double>();
        Assert.All(v, s => Assert.True(s is 0.0 or 1.0));
        Check.Close([1.0, 1.0, 1.0], y.Sum(0), 0);
        // straight-through: the same draws' soft sample has the argmax and the gradient
        Tensor.ManualSeed(8);
        var softLogits = Logits(requiresGrad: true);
        var soft = F.GumbelSoftmax(softLogits, dim: 0);
        Assert.Equal(soft.Max(0).Indices.ToArray<long>(), y.Max(0).Indices.ToArray<long>());
        var w = Check.Det([3, 3], 0.53);
        (y * w).Sum().Backward();
        (soft * w).Sum().Backward();
        Check.Close(softLogits.Grad!, logits.Grad!, 1e-15);
        Assert.True(logits.Grad!.Abs().Sum().Item<double>() > 0);
    }

    [Fact]
    public void HardSamplesFollowSoftmaxOfTheLogits()
    {
        // argmax(logits + Gumbel) is distributed as softmax(logits), whatever tau
        Tensor.ManualSeed(1234);
        var logits = Tensor.FromArray([1.0, 2.0, 3.0, 0.5]).Expand(4000, 4);
        var counts = F.GumbelSoftmax(logits, tau: 0.3, hard: true).Sum(0).ToArray<double>();
        var p = F.Softmax(Tensor.FromArray([1.0, 2.0, 3.0, 0.5]), 0).ToArray<double>();
        for (int k = 0; k < 4; k++) Assert.InRange(counts[k] / 4000, p[k] - 0.03, p[k] + 0.03);
        Assert.Equal(4000.0, counts.Sum());
    }

    [Fact]
    public void ArgumentsBehaveAsInPyTorch()
    {
        Assert.Equal("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => F.GumbelSoftmax(Logits(false), dim: 2)).Message.Split(" (Parameter")[0]);
        Assert.Equal("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long",
            Assert.Throws<ArgumentException>(() => F.GumbelSoftmax(Check.I64(1, 2))).Message);
        Assert.All(F.GumbelSoftmax(Logits(false), tau: 0).ToArray<double>(), s => Assert.True(double.IsNaN(s))); // PyTorch: all NaN
        Assert.Equal(DType.Float32, F.GumbelSoftmax(Tensor.Zeros([2, 3])).DType);
    }
}
