namespace Sharpgrad.Tests.AutogradTests;

using static EngineTests;

/// <summary>RequiresGrad and Grad setter rules (three PyTorch wordings), and Autograd.Inspect's ledger.</summary>
public class FlagAndLedgerTests
{
    private const string NonLeafLong =
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().";

    [Fact]
    public void NonLeafRequiresGradFalseThrowsTheLongMessage()
    {
        var y = Ones() * 2.0;
        var e = Assert.ThrowsAny<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.Equal(NonLeafLong, e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => y.RequiresGrad_(false));
        Assert.Equal(NonLeafLong, e.Message);
        Assert.True(y.RequiresGrad);
    }

    [Fact]
    public void NonLeafRequiresGradTrue()
    {
        var y = Ones() * 2.0;
        // the setter refuses with the short message; requires_grad_(True) is a no-op
        var e = Assert.ThrowsAny<InvalidOperationException>(() => y.RequiresGrad = true);
        Assert.Equal("you can only change requires_grad flags of leaf variables.", e.Message);
        Assert.Same(y, y.RequiresGrad_(true));
        Assert.Equal("MulBackward0", y.GradFn!.Name);
    }

    [Fact]
    public void IntegerTensorsCannotRequireGradThreeWordings()
    {
        var t = Tensor.FromArray(new long[] { 1, 2 });
        var e = Assert.ThrowsAny<InvalidOperationException>(() => t.RequiresGrad_());
        Assert.Equal("only Tensors of floating point dtype can require gradients", e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => t.RequiresGrad = true);
        Assert.Equal("only Tensors of floating point and complex dtype can require gradients", e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => Tensor.FromArray(new long[] { 1, 2 }, requiresGrad: true));
        Assert.Equal("Only Tensors of floating point and complex dtype can require gradients", e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => Tensor.Zeros([2], DType.Int64, requiresGrad: true));
        Assert.Equal("Only Tensors of floating point and complex dtype can require gradients", e.Message);
        Assert.False(t.RequiresGrad);
        t.RequiresGrad = false; // turning it off is always fine
        Tensor.FromArray(new[] { true }).RequiresGrad_(false);
    }

    [Fact]
    public void LeafRequiresGradCanBeToggled()
    {
        var x = Tensor.Ones([3]);
        Assert.Same(x, x.RequiresGrad_());
        Assert.True(x.RequiresGrad);
        x.RequiresGrad = false;
        Assert.False(x.RequiresGrad);
        Assert.False((x * 2.0).RequiresGrad);
    }

    [Fact]
    public void GradSetter()
    {
        var x = Ones();
        x.Grad = Tensor.Zeros([3]);
        Assert.Equal([0f, 0, 0], x.Grad!.ToArray<float>());
        x.Grad = null;
        Assert.Null(x.Grad);
        var e = Assert.ThrowsAny<InvalidOperationException>(() => x.Grad = Tensor.Zeros([4]));
        Assert.Equal("attempting to assign a gradient of size '[4]' to a tensor of size '[3]'. Please ensure that the gradient and the tensor are the same size", e.Message);
        e = Assert.ThrowsAny<InvalidOperationException>(() => x.Grad = Tensor.Zeros([3], DType.Float64));
        Assert.Equal("attempting to assign a gradient with dtype 'double' to a tensor with dtype 'float'. Please ensure that the gradient and the tensor have the same dtype", e.Message);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void BackwardAddsIntoAnAssignedGrad()
    {
        var x = Ones();
        x.Grad = Tensor.Full([3], 10);
        (x * 2.0).Sum().Backward();
        Assert.Equal([12f, 12, 12], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void InspectCountsNodesSavedTensorsAndBytes()
    {
        var x = Tensor.Ones([3], DType.Float64, requiresGrad: true);
        var w = Tensor.Ones([3], DType.Float64, requiresGrad: true);
        var loss = (x * w).Sum();
        // SumBackward0, MulBackward0, two AccumulateGrad; Mul saved both inputs (24 bytes each)
        Assert.Equal(new GraphInfo(4, 2, 48), Autograd.Inspect(loss));
        loss.Backward();
        Assert.Equal(new GraphInfo(4, 0, 0), Autograd.Inspect(loss));
    }

    [Fact]
    public void InspectCountsASharedStorageOnce()
    {
        var x = Tensor.Ones([4], DType.Float64, requiresGrad: true);
        var sq = x * x;
        Assert.Equal(new GraphInfo(2, 2, 32), Autograd.Inspect(sq));
        var e = x.Exp();
        Assert.Equal(new GraphInfo(2, 1, 32), Autograd.Inspect(e)); // exp saves its result
        var chain = (x * 3.0 + 1.0).Sum();
        Assert.Equal(4, Autograd.Inspect(chain).Nodes); // Sum, Add, Mul, AccumulateGrad
    }

    [Fact]
    public void InspectIsZeroWithoutAGraph()
    {
        var x = Ones();
        Assert.Equal(default, Autograd.Inspect(x));
        Assert.Equal(default, Autograd.Inspect(Tensor.Ones([3]) * 2.0));
        using (Autograd.NoGrad()) Assert.Equal(default, Autograd.Inspect((x * x).Sum()));
        using (Autograd.InferenceMode()) Assert.Equal(default, Autograd.Inspect((x * x).Sum()));
    }

    [Fact]
    public void InspectAfterRetainedBackwardKeepsTheSavedTensors()
    {
        var x = Ones();
        var loss = x.Sigmoid().Sum();
        var before = Autograd.Inspect(loss);
        Assert.Equal(new GraphInfo(3, 1, 12), before);
        loss.Backward(retainGraph: true);
        Assert.Equal(before, Autograd.Inspect(loss));
        loss.Backward();
        Assert.Equal(new GraphInfo(3, 0, 0), Autograd.Inspect(loss));
    }
}
