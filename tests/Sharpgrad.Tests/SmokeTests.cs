namespace Sharpgrad.Tests;

[Collection("Seed")]
public class SmokeTests
{
    [Fact]
    public void SeedDefaultModeRecords()
    {
        Tensor.ManualSeed(0);
        var w = Tensor.Randn([6, 1], requiresGrad: true);
        var x = Tensor.Randn([10, 6]);
        var yPred = x.MatMul(w);
        Assert.True(yPred.RequiresGrad);
        Assert.Equal("MmBackward0", yPred.GradFn!.Name);
        using (Autograd.NoGrad())
        {
            var y2 = x.MatMul(w);
            Assert.False(y2.RequiresGrad);
        }
        var loss = (yPred * yPred).Mean();
        loss.Backward();
        Assert.NotNull(w.Grad);
        Assert.Equal([6, 1], w.Grad!.Shape);
    }

    [Fact]
    public void Basics()
    {
        var a = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var b = Tensor.FromArray(new float[] { 10, 20, 30 });
        var c = a + b;
        Assert.Equal(new float[] { 11, 22, 33, 14, 25, 36 }, c.ToArray<float>());
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, a.T.Contiguous().ToArray<float>());
        Assert.Equal(21f, a.Sum().Item<float>());
        Assert.Equal("tensor([[1., 2., 3.],\n        [4., 5., 6.]])", a.ToString());
        var m = a.MatMul(a.T);
        Assert.Equal(new float[] { 14, 32, 32, 77 }, m.ToArray<float>());
    }

    [Fact]
    public void GradOfMulAndViews()
    {
        var x = Tensor.FromArray(new double[] { 1, 2, 3 }, requiresGrad: true);
        var y = x * 1.0;
        var v = y.Slice(0, 0, 2);
        v.Mul_(x.Slice(0, 0, 2));
        Assert.Equal("CopySlices", y.GradFn!.Name);
        Assert.Equal("AsStridedBackward0", v.GradFn!.Name);
        y.Sum().Backward();
        Assert.Equal(new double[] { 2, 4, 1 }, x.Grad!.ToArray<double>());
    }
}
