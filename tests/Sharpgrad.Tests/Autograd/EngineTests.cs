namespace Sharpgrad.Tests.AutogradTests;

/// <summary>Backward, Autograd.Grad, higher order, hooks and RetainGrad, with PyTorch's values and messages.</summary>
public class EngineTests
{
    internal const string BackwardTwice =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
        "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you " +
        "need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

    internal static Tensor Ones(bool rg = true) => Tensor.Ones([3], requiresGrad: rg);

    internal static void Throws(string message, Action action)
    {
        var e = Assert.ThrowsAny<InvalidOperationException>(action);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void BackwardAccumulatesAcrossCalls()
    {
        var x = Ones();
        (x * 2.0).Sum().Backward();
        (x * 3.0).Sum().Backward();
        Assert.Equal([5f, 5, 5], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void RetainGraphAllowsASecondBackward()
    {
        var x = Ones();
        var y = (x * 2.0).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.Equal([4f, 4, 4], x.Grad!.ToArray<float>());
    }

    public static TheoryData<string> SavingGraphs => ["x*x", "exp", "x*2", "relu", "sigmoid", "mm"];

    [Theory, MemberData(nameof(SavingGraphs))]
    public void SecondBackwardWithoutRetainGraphThrows(string kind)
    {
        var x = Ones();
        var y = kind switch
        {
            "x*x" => (x * x).Sum(),
            "exp" => x.Exp().Sum(),
            "x*2" => (x * 2.0).Sum(), // a Python-scalar factor still counts as saved
            "relu" => x.Relu().Sum(),
            "sigmoid" => x.Sigmoid().Sum(),
            _ => x.View(1, 3).Mm(Tensor.Ones([3, 1])).Sum(),
        };
        y.Backward();
        var before = x.Grad!.ToArray<float>();
        Throws(BackwardTwice, () => y.Backward());
        Assert.Equal(before, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void GraphWithoutSavedTensorsCanBackwardTwice()
    {
        var x = Ones();
        var y = (x + 1.0).Sum();
        y.Backward();
        y.Backward();
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void CreateGraphGivesADifferentiableGradient()
    {
        var x = Ones();
        var y = x.Pow(2);
        var g = Autograd.Grad([y.Sum()], [x], createGraph: true)[0]!;
        Assert.Equal([2f, 2, 2], g.ToArray<float>());
        Assert.Equal("MulBackward0", g.GradFn!.Name);
        var g2 = Autograd.Grad([g.Sum()], [x])[0]!;
        Assert.Equal([2f, 2, 2], g2.ToArray<float>());
        Assert.Null(g2.GradFn);
    }

    [Fact]
    public void ThirdOrderDerivativeOfCube()
    {
        var x = Tensor.FromArray(new float[] { 2 }, requiresGrad: true);
        var y = x.Pow(3);
        var g = Autograd.Grad([y.Sum()], [x], createGraph: true)[0]!;
        var g2 = Autograd.Grad([g.Sum()], [x], createGraph: true)[0]!;
        var g3 = Autograd.Grad([g2.Sum()], [x])[0]!;
        Assert.Equal(12f, g.Item<float>());
        Assert.Equal(12f, g2.Item<float>());
        Assert.Equal(6f, g3.Item<float>());
    }

    [Fact]
    public void BackwardWithCreateGraphStoresARecordedGradOnlyWhenItDependsOnX()
    {
        var x = Ones();
        (x * 2.0).Sum().Backward(createGraph: true);
        Assert.Equal([2f, 2, 2], x.Grad!.ToArray<float>());
        Assert.False(x.Grad.RequiresGrad);
        Assert.Null(x.Grad.GradFn);

        var z = Ones();
        (z * z).Sum().Backward(createGraph: true);
        Assert.Equal([2f, 2, 2], z.Grad!.ToArray<float>());
        Assert.True(z.Grad.RequiresGrad);
    }

    [Fact]
    public void GradWithAllowUnusedGivesNull()
    {
        var x = Ones();
        var y = Ones();
        var g = Autograd.Grad([(x * 2.0).Sum()], [x, y], allowUnused: true);
        Assert.Equal([2f, 2, 2], g[0]!.ToArray<float>());
        Assert.Null(g[1]);
        Assert.Null(x.Grad); // autograd.grad never touches .grad
    }

    [Fact]
    public void GradWithoutAllowUnusedThrows()
    {
        var x = Ones();
        var y = Ones();
        Throws("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.",
            () => Autograd.Grad([(x * 2.0).Sum()], [x, y]));
    }

    [Fact]
    public void GradErrors()
    {
        var x = Ones();
        Throws("element 0 of tensors does not require grad and does not have a grad_fn", () => Autograd.Grad([Tensor.Randn([3]).Sum()], [x]));
        Throws("grad can be implicitly created only for scalar outputs", () => Autograd.Grad([x * 2.0], [x]));
        Throws("One of the differentiated Tensors does not require grad", () => Autograd.Grad([(x * 2.0).Sum()], [Tensor.Randn([3])]));
        Throws("Mismatch in shape: grad_output[0] has a shape of torch.Size([4]) and output[0] has a shape of torch.Size([3]).",
            () => Autograd.Grad([x * 2.0], [x], [Tensor.Ones([4])]));
    }

    [Fact]
    public void BackwardErrors()
    {
        Throws("element 0 of tensors does not require grad and does not have a grad_fn", () => Tensor.Randn([3]).Sum().Backward());
        var x = Ones();
        Throws("grad can be implicitly created only for scalar outputs", () => (x * 2.0).Backward());
        Throws("Mismatch in shape: grad_output[0] has a shape of torch.Size([4]) and output[0] has a shape of torch.Size([3]).",
            () => (x * 2.0).Backward(Tensor.Ones([4])));
        Throws("Mismatch in shape: grad_output[0] has a shape of torch.Size([2, 3]) and output[0] has a shape of torch.Size([3]).",
            () => (x * 2.0).Backward(Tensor.Ones([2, 3])));
        Throws("Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of torch.Size([3]).",
            () => (x * 2.0).Backward(Tensor.Ones([1])));
        Throws("Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([]).",
            () => (x * 2.0).Sum().Backward(Tensor.Ones([3])));
        Assert.Null(x.Grad);
    }

    [Fact]
    public void ExplicitGradients()
    {
        var x = Ones();
        (x * 2.0).Backward(Tensor.Ones([3], DType.Float64));
        Assert.Equal(DType.Float32, x.Grad!.DType);
        Assert.Equal([2f, 2, 2], x.Grad.ToArray<float>());

        var z = Ones();
        (z * 2.0).Sum().Backward(Tensor.Scalar(2));
        Assert.Equal([4f, 4, 4], z.Grad!.ToArray<float>());

        var w = Tensor.FromArray(new float[] { 1, 2 }, requiresGrad: true);
        (w * w).Backward(Tensor.FromArray(new float[] { 1, 1 }));
        Assert.Equal([2f, 4], w.Grad!.ToArray<float>());
    }

    [Fact]
    public void AutogradBackwardOverSeveralRoots()
    {
        var x = Ones();
        Autograd.Backward([(x * 2.0).Sum(), x * 3.0], [Tensor.Scalar(1), Tensor.Ones([3])]);
        Assert.Equal([5f, 5, 5], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void DiamondRunsEachNodeOnceWithTheSummedGradient()
    {
        var x = Tensor.FromArray(new double[] { 0, 1 }, requiresGrad: true);
        var y = x * 2.0;
        var calls = new List<double[]>();
        y.RegisterHook(g => { calls.Add(g.ToArray<double>()); return null; });
        var z = (y * y + y.Exp()).Sum(); // dz/dy = 2y + e^y
        z.Backward();
        var only = Assert.Single(calls);
        Assert.Equal(1.0, only[0], 1e-12);
        Assert.Equal(4 + Math.Exp(2), only[1], 1e-12);
        Assert.Equal(2.0, x.Grad!.ToArray<double>()[0], 1e-12);
        Assert.Equal(2 * (4 + Math.Exp(2)), x.Grad!.ToArray<double>()[1], 1e-12);
    }

    [Fact]
    public void GradTouchesNoLeafAndNeedsNoOtherBranch()
    {
        var x = Ones();
        var w = Ones();
        var g = Autograd.Grad([(x * w * 3.0).Sum()], [x])[0]!;
        Assert.Equal([3f, 3, 3], g.ToArray<float>());
        Assert.Null(x.Grad);
        Assert.Null(w.Grad);
        var h = Autograd.Grad([x * 2.0], [x], [Tensor.FromArray(new float[] { 1, 2, 3 })])[0]!;
        Assert.Equal([2f, 4, 6], h.ToArray<float>());
    }

    [Fact]
    public void BackwardOnALeafItself()
    {
        var s = Tensor.Scalar(3, requiresGrad: true);
        s.Backward();
        Assert.Equal(1f, s.Grad!.Item<float>());
        var v = Ones();
        v.Backward(Tensor.FromArray(new float[] { 1, 2, 3 }));
        Assert.Equal([1f, 2, 3], v.Grad!.ToArray<float>());
    }
}
