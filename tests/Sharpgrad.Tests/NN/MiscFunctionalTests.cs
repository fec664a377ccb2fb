using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>smooth_l1 / huber losses, one_hot, normalize and cosine_similarity against PyTorch 2.6.</summary>
public class MiscFunctionalTests
{
    private static Tensor P() => Check.F64([0.5, 2.0, -1.0, 0.1], 4).RequiresGrad_();
    private static Tensor T() => Tensor.Zeros([4], DType.Float64);

    [Theory]
    [InlineData(false, Reduction.Mean, new[] { 0.5325 }, new[] { 0.125, 0.25, -0.25, 0.025 })]
    [InlineData(true, Reduction.Mean, new[] { 0.62625 }, new[] { 0.125, 0.375, -0.25, 0.025 })]
    [InlineData(false, Reduction.Sum, new[] { 2.13 }, new[] { 0.5, 1.0, -1.0, 0.1 })]
    [InlineData(true, Reduction.Sum, new[] { 2.505 }, new[] { 0.5, 1.5, -1.0, 0.1 })]
    [InlineData(false, Reduction.None, new[] { 0.125, 1.5, 0.5, 0.005000000000000001 }, new[] { 0.5, 1.0, -1.0, 0.1 })]
    [InlineData(true, Reduction.None, new[] { 0.125, 1.875, 0.5, 0.005000000000000001 }, new[] { 0.5, 1.5, -1.0, 0.1 })]
    public void SmoothL1AndHuberMatchPyTorch(bool huber, Reduction reduction, double[] loss, double[] grad)
    {
        var p = P();
        var l = huber ? new HuberLoss(reduction, 1.5).Forward(p, T()) : new SmoothL1Loss(reduction).Forward(p, T());
        Assert.Equal(huber ? "HuberLossBackward0" : "SmoothL1LossBackward0", l.GradFn!.Name);
        Check.Close(loss, l, 1e-15);
        l.Sum().Backward();
        Check.Close(grad, p.Grad!, 1e-15);
        Check.Close([0.9], F.SmoothL1Loss(P(), T(), beta: 0), 1e-15);
        Assert.True(Autograd.GradCheck(a => huber ? F.HuberLoss(a[0], a[1], reduction, 0.7) : F.SmoothL1Loss(a[0], a[1], reduction, 0.7),
            [Check.F64([0.5, 2.0, -1.0, 0.1], 4).RequiresGrad_(), Check.F64([0.1, 0.2, 0.3, 0.4], 4).RequiresGrad_()]));
    }

    [Fact]
    public void OneHotNormalizeCosineMatchPyTorch()
    {
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0 }, F.OneHot(Check.I64(0, 2, 1), 4).ToArray<long>());
        Assert.Equal([2, 1, 4], F.OneHot(Tensor.FromArray(new long[] { 1, 3 }, [2, 1])).Shape);
        Assert.Equal("Class values must be smaller than num_classes.", Assert.Throws<InvalidOperationException>(() => F.OneHot(Check.I64(0, 4), 4)).Message);
        Assert.Equal("Class values must be non-negative.", Assert.Throws<InvalidOperationException>(() => F.OneHot(Check.I64(-1))).Message);
        Assert.Equal("one_hot is only applicable to index tensor of type LongTensor.", Assert.Throws<InvalidOperationException>(() => F.OneHot(Check.F32([1f]))).Message);

        var x = Check.F64([3.0, 4.0, 0.0, 0.0, 1.0, -1.0], 3, 2).RequiresGrad_();
        var n = F.Normalize(x);
        Assert.Equal("DivBackward0", n.GradFn!.Name);
        Check.Close([0.6, 0.8, 0.0, 0.0, 0.7071067811865475, -0.7071067811865475], n, 1e-15);
        var a = Check.F64([1.0, 2.0, 3.0, 0.0, 1.0, 0.0], 2, 3).RequiresGrad_();
        var c = F.CosineSimilarity(a, Check.F64([2.0, 0.0, 1.0, 0.0, 0.0, 0.0], 2, 3));
        Assert.Equal("SumBackward1", c.GradFn!.Name);
        Check.Close([0.5976143046671969, 0.0], c, 1e-15);
        Assert.True(Autograd.GradCheck(t => F.CosineSimilarity(t[0], t[1]), [Check.F64([1.0, 2.0, 3.0, 0.5, 1.0, -2.0], 2, 3).RequiresGrad_(), Check.F64([2.0, 0.0, 1.0, 1.0, 1.0, 1.0], 2, 3).RequiresGrad_()]));
    }
}
