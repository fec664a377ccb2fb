namespace Sharpgrad.Tests.AutogradTests;

using static EngineTests;

/// <summary>Hooks, RetainGrad, Detach, NextFunctions (FACTS sec 3b), the RequiresGrad/Grad setters and Inspect.</summary>
public class HookAndGraphTests
{
    [Fact]
    public void LeafHookReplacesTheGradientUntilRemoved()
    {
        var x = Ones();
        var seen = new List<float[]>();
        var handle = x.RegisterHook(g => { seen.Add(g.ToArray<float>()); return g * 2.0; });
        (x * 1.0).Sum().Backward();
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
        handle.Dispose();
        (x * 1.0).Sum().Backward();
        Assert.Equal([3f, 3, 3], x.Grad!.ToArray<float>());
        Assert.Single(seen);
        Assert.Equal([1f, 1, 1], seen[0]);
        handle.Dispose(); // removing twice is harmless
    }

    [Fact]
    public void NonLeafHookReplacesTheGradientFlowingOn()
    {
        var x = Ones();
        var y = x * 2.0;
        y.RegisterHook(g => g * 10.0);
        (y * 1.0).Sum().Backward();
        Assert.Equal([20f, 20, 20], x.Grad!.ToArray<float>());
        Assert.Null(y.Grad);
    }

    [Fact]
    public void HookReturningNullKeepsTheGradient()
    {
        var x = Ones();
        int calls = 0;
        x.RegisterHook(_ => { calls++; return null; });
        (x * 3.0).Sum().Backward();
        Assert.Equal(1, calls);
        Assert.Equal([3f, 3, 3], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void HookOnATensorNotRequiringGradThrows() =>
        Throws("cannot register a hook on a tensor that doesn't require gradient", () => Tensor.Randn([3]).RegisterHook(g => g));

    [Fact]
    public void RetainGradKeepsANonLeafGradient()
    {
        var x = Ones();
        var y = x * 2.0;
        Assert.False(y.RetainsGrad);
        y.RetainGrad();
        Assert.True(y.RetainsGrad);
        y.Sum().Backward();
        Assert.Equal([1f, 1, 1], y.Grad!.ToArray<float>());
        Assert.False(y.IsLeaf);

        var z = x * 2.0;
        z.Sum().Backward();
        Assert.Null(z.Grad);
    }

    [Fact]
    public void RetainedGradAccumulatesAcrossBackwardCalls()
    {
        var y = Ones() * 2.0;
        y.RetainGrad();
        var loss = (y * y).Sum();
        loss.Backward(retainGraph: true);
        Assert.Equal([4f, 4, 4], y.Grad!.ToArray<float>());
        loss.Backward();
        Assert.Equal([8f, 8, 8], y.Grad!.ToArray<float>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RetainedGradSeesTheHookedGradientWhateverTheOrder(bool retainFirst)
    {
        // PyTorch 2.x runs the retain_grad hook after every other tensor hook
        var y = Ones() * 2.0;
        if (retainFirst) y.RetainGrad();
        y.RegisterHook(g => g * 10.0);
        if (!retainFirst) y.RetainGrad();
        (y * 1.0).Sum().Backward();
        Assert.Equal([10f, 10, 10], y.Grad!.ToArray<float>());
    }

    [Fact]
    public void RetainGradOnATensorNotRequiringGradThrows() =>
        Throws("can't retain_grad on Tensor that has requires_grad=False", () => Tensor.Randn([3]).RetainGrad());

    [Fact]
    public void DetachSharesStorageAndVersionCounter()
    {
        var x = Ones();
        var d = x.Detach();
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        Assert.Null(d.GradFn);
        Assert.Equal(0, d.Version);
        d.Add_(1.0);
        Assert.Equal(1, x.Version);
        Assert.Equal(1, d.Version);
        Assert.Equal([2f, 2, 2], x.ToArray<float>());
        Assert.True(x.RequiresGrad);
    }

    [Fact]
    public void DetachInPlaceMakesALeaf()
    {
        var y = Ones() * 2.0;
        Assert.Same(y, y.Detach_());
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.Null(y.GradFn);
    }

    [Fact]
    public void DetachInPlaceOnAViewThrows()
    {
        var v = (Ones() * 2.0).Slice(0, 0, 2);
        Throws("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
            () => v.Detach_());
        Assert.Equal("SliceBackward0", v.GradFn!.Name);
    }

    private static string? NameOf((Node? Node, int InputNr) edge) => edge.Node?.Name;

    [Fact]
    public void NextFunctionsOfAProduct()
    {
        var x = Ones();
        var y = Ones();
        var z = (x * y).Sum();
        Assert.Equal("SumBackward0", z.GradFn!.Name);
        var next = z.GradFn.NextFunctions;
        Assert.Single(next);
        Assert.Equal(("MulBackward0", 0), (NameOf(next[0]), next[0].InputNr));
        var mul = next[0].Node!.NextFunctions;
        Assert.Equal(2, mul.Count);
        Assert.All(mul, e => Assert.Equal(("AccumulateGrad", 0), (NameOf(e), e.InputNr)));
        Assert.Same(x, ((AccumulateGrad)mul[0].Node!).Variable);
        Assert.Same(y, ((AccumulateGrad)mul[1].Node!).Variable);
    }

    [Fact]
    public void ConstantsAppearAsNullEdges()
    {
        var x = Ones();
        var z = (x * 2.0 + 1.0).Sum();
        var add = z.GradFn!.NextFunctions[0].Node!;
        Assert.Equal("AddBackward0", add.Name);
        Assert.Equal([("MulBackward0", 0), (null, 0)], add.NextFunctions.Select(e => (NameOf(e), e.InputNr)));
        Assert.Equal([("AccumulateGrad", 0), (null, 0)], add.NextFunctions[0].Node!.NextFunctions.Select(e => (NameOf(e), e.InputNr)));

        var c = Tensor.Randn([3]);
        Assert.Equal([("AccumulateGrad", 0), (null, 0)], (x * c).GradFn!.NextFunctions.Select(e => (NameOf(e), e.InputNr)));
        Assert.Equal([(null, 0), ("AccumulateGrad", 0)], (c * x).GradFn!.NextFunctions.Select(e => (NameOf(e), e.InputNr)));
    }

    [Fact]
    public void SameLeafTwiceSharesOneAccumulateGrad()
    {
        var x = Ones();
        var next = (x * x).GradFn!.NextFunctions;
        Assert.Same(next[0].Node, next[1].Node);
        var cat = Tensor.Cat([x, Tensor.Randn([2]), x * 2.0]).GradFn!.NextFunctions;
        Assert.Equal([("AccumulateGrad", 0), (null, 0), ("MulBackward0", 0)], cat.Select(e => (NameOf(e), e.InputNr)));
        Assert.Same(next[0].Node, cat[0].Node);
    }

    [Fact]
    public void MultiOutputNodesAndIndices()
    {
        var x = Ones();
        var parts = x.Unbind(0);
        Assert.All(parts, p => Assert.Same(parts[0].GradFn, p.GradFn));
        Assert.Equal("UnbindBackward0", parts[2].GradFn!.Name);

        var m = Tensor.Randn([2, 3], requiresGrad: true);
        var (values, indices) = m.Max(1);
        Assert.Equal("MaxBackward0", values.GradFn!.Name);
        Assert.Null(indices.GradFn);
        Assert.False(indices.RequiresGrad);
        Assert.Equal(DType.Int64, indices.DType);

        var y = x * 2.0;
        Assert.Equal("AccumulateGrad", y.GradFn!.NextFunctions[0].Node!.Name);
        Assert.Null(x.GradFn);
        Assert.True(x.IsLeaf);
        Assert.False(y.IsLeaf);
        Assert.True(y.RequiresGrad);
        Assert.True(Tensor.Ones([3]).IsLeaf);
        Assert.True((Tensor.Ones([3]) * 2.0).IsLeaf);
    }
}
