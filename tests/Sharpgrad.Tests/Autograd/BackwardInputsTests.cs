using Sharpgrad.Tests.Core;

namespace Sharpgrad.Tests.AutogradTests;

/// <summary>backward(inputs=...): only the given tensors' .grad change, leaves or not (PyTorch 2.6's values and messages).</summary>
public class BackwardInputsTests
{
    [Fact]
    public void OnlyTheGivenInputsAccumulate()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var b = Tensor.FromArray(new[] { 3f, 4f }, requiresGrad: true);
        var m = a * b;
        var y = (m * m).Sum();
        y.Backward(retainGraph: true, inputs: [a]);
        NN.Check.Close([18, 64], a.Grad!, 0);
        Assert.Null(b.Grad);
        Assert.Null(m.Grad);
        y.Backward(retainGraph: true, inputs: [m]);
        NN.Check.Close([6, 16], m.Grad!, 0);
        Assert.False(m.IsLeaf);
        NN.Check.Close([18, 64], a.Grad!, 0);
        y.Backward(retainGraph: true, inputs: [a]);
        NN.Check.Close([36, 128], a.Grad!, 0);
        Autograd.Backward([y], retainGraph: true, inputs: [b]);
        NN.Check.Close([6, 32], b.Grad!, 0);

        var unused = Tensor.FromArray(new[] { 5f }, requiresGrad: true);
        y.Backward(retainGraph: true, inputs: [unused]);
        Assert.Null(unused.Grad);
        Check.Throws<InvalidOperationException>("`inputs` argument to `backward()` cannot be empty.", () => y.Backward(retainGraph: true, inputs: []));
        Check.Throws<InvalidOperationException>("can't retain_grad on Tensor that has requires_grad=False",
            () => y.Backward(retainGraph: true, inputs: [Tensor.FromArray(new[] { 1f })]));
        NN.Check.Close([36, 128], a.Grad!, 0);
        NN.Check.Close([6, 32], b.Grad!, 0);
    }

    [Fact]
    public void CreateGraphKeepsTheAccumulatedGradientDifferentiable()
    {
        var a = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var y = (a * a * a).Sum();
        y.Backward(createGraph: true, inputs: [a]);
        NN.Check.Close([3, 12], a.Grad!, 0);
        Assert.True(a.Grad!.RequiresGrad);
        var second = Autograd.Grad([a.Grad.Sum()], [a])[0]!;
        NN.Check.Close([6, 12], second, 0);
    }
}

/// <summary>autograd.grad's materialize_grads and GradientEdge inputs (PyTorch 2.6's values and messages).</summary>
public class GradientEdgeTests
{
    [Fact]
    public void UnusedInputsMaterializeAsZerosThatRequireGrad()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var u = Tensor.FromArray(new[] { 3f }, requiresGrad: true);
        var y = (x * 2).Sum();
        var g = Autograd.Grad([y], [x, u], retainGraph: true, materializeGrads: true);
        NN.Check.Close([2, 2], g[0]!, 0);
        NN.Check.Close([0], g[1]!, 0);
        Assert.True(g[1]!.RequiresGrad);
        Assert.Null(Autograd.Grad([y], [x, u], retainGraph: true, allowUnused: true)[1]);
    }

    [Fact]
    public void GradientsArriveAtAnEdgeOfTheGraph()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var m = x * 3;
        var z = (m * m).Sum();
        var edge = Autograd.GetGradientEdge(m);
        Assert.Equal("MulBackward0", edge.Node.Name);
        Assert.Equal(0, edge.OutputNr);
        NN.Check.Close([6, 12], Autograd.Grad([z], [edge], retainGraph: true)[0]!, 0);
        var leafEdge = Autograd.GetGradientEdge(x);
        Assert.Equal("AccumulateGrad", leafEdge.Node.Name);
        NN.Check.Close([18, 36], Autograd.Grad([z], [leafEdge])[0]!, 0);
        Assert.Null(x.Grad);
        Check.Throws<InvalidOperationException>("It is not possible to get the gradient edge for a Tensor that does not require gradients",
            () => Autograd.GetGradientEdge(Tensor.FromArray(new[] { 1f })));
    }
}
