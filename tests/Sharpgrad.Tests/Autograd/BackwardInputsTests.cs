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
