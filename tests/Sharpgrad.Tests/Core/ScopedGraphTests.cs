namespace Sharpgrad.Tests.Core;

/// <summary>Note [Scoped graphs]: a graph no surviving tensor leads to is released with its scope.</summary>
[Collection("Memory")]
public class ScopedGraphTests
{
    [Fact]
    public void ADiscardedForwardGivesItsSavedBuffersBack()
    {
        var w = Tensor.Randn([256, 256], requiresGrad: true);
        var x = Tensor.Randn([64, 256]);
        long before = MemoryStats.AllocatedBytes;
        using (Tensor.NewScope())
        {
            var h = x.MatMul(w).Relu();     // saves x, w and the relu output (64 KiB)
            var y = h.MatMul(w).Sigmoid();  // saves h, w and its output
            Assert.True(Autograd.Inspect(y).SavedBytes > 0);
        }
        Assert.Equal(before, MemoryStats.AllocatedBytes);
        Assert.Null(w.Grad);
    }

    [Fact]
    public void AnEscapingResultKeepsItsGraph()
    {
        var w = Tensor.FromArray(new double[] { 1, 2, 3 }, requiresGrad: true);
        Tensor loss;
        using (Tensor.NewScope())
        {
            var h = w * w;
            loss = h.Sum().MoveToOuterScope();
        }
        loss.Backward();
        Assert.Equal(new double[] { 2, 4, 6 }, w.Grad!.ToArray<double>());
    }

    [Fact]
    public void InPlaceHistoryOfAnOuterTensorSurvives()
    {
        var x = Tensor.FromArray(new double[] { 1, 2 }, requiresGrad: true);
        var y = x * 2.0;
        using (Tensor.NewScope())
        {
            y.Mul_(Tensor.FromArray(new double[] { 3, 3 }));   // y's new history is recorded inside the scope
            var z = y * 1.0;
            Assert.Equal("MulBackward0", z.GradFn!.Name);
        }
        y.Sum().Backward();
        Assert.Equal(new double[] { 6, 6 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ADiscardedGraphCannotBeBackwardedThroughADisposedTensor()
    {
        var w = Tensor.FromArray(new double[] { 1, 2 }, requiresGrad: true);
        Tensor kept;
        using (Tensor.NewScope()) kept = (w * w).Sum();
        Assert.Throws<ObjectDisposedException>(() => kept.Backward());
    }
}
