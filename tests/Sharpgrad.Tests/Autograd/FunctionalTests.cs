namespace Sharpgrad.Tests.AutogradTests;

/// <summary>torch.autograd.functional: jacobian, hessian, vjp, jvp, hvp, vhp against PyTorch 2.6's values and messages.</summary>
public class FunctionalTests
{
    private static Tensor F(Tensor x) => Tensor.Stack([x[0].Pow(2) * x[1], x[1].Sin() + x[0] * x[2], x.Exp().Sum()]);
    private static Tensor G(Tensor x) => x.Pow(3).Sum() + x[0] * x[1] * x[2];
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -1.2, 0.3 });
    private static Tensor V() => Tensor.FromArray(new[] { 1.0, 2.0, -1.0 });

    [Fact]
    public void JacobianAndHessianMatchPyTorch()
    {
        var j = Autograd.Functional.Jacobian(F, X());
        Core.Check.Shape(j, 3, 3);
        NN.Check.Close([-1.2, 0.25, 0.0, 0.3, 0.3623577544766736, 0.5, 1.6487212707001282, 0.30119421191220214, 1.3498588075760032], j, 1e-14);
        Assert.False(j.RequiresGrad);
        Assert.True(Autograd.Functional.Jacobian(F, X(), createGraph: true).RequiresGrad);
        var h = Autograd.Functional.Hessian(G, X());
        NN.Check.Close([3.0, 0.3, -1.2, 0.3, -7.199999999999999, 0.5, -1.2, 0.5, 1.7999999999999998], h, 1e-14);
        var a = Tensor.FromArray(new[] { 1.0, 2, 3, 4 }, [2, 2]);
        var b = Tensor.FromArray(new[] { 0.5, -1.0 });
        var both = Autograd.Functional.Jacobian(t => t[0].MatMul(t[1]), [a, b]);
        Core.Check.Shape(both[0], 2, 2, 2);
        NN.Check.Close([0.5, -1.0, 0, 0, 0, 0, 0.5, -1.0], both[0], 0);
        NN.Check.Close([1, 2, 3, 4], both[1], 0);
        NN.Check.Close([0, 0, 0, 0, 0, 0], Autograd.Functional.Jacobian(_ => Tensor.Ones([2], DType.Float64), X()), 0);
        Core.Check.Throws<InvalidOperationException>("Output 0 of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.",
            () => Autograd.Functional.Jacobian(x => x.Detach() * 2, X(), strict: true));
        Core.Check.Throws<InvalidOperationException>("The Tensor returned by the function given to hessian should contain a single element",
            () => Autograd.Functional.Hessian(x => x * 2, X()));
    }

    [Fact]
    public void VectorProductsMatchPyTorch()
    {
        var (o, vjp) = Autograd.Functional.Vjp(F, X(), V());
        NN.Check.Close([-0.3, -0.7820390859672263, 3.2997742901883336], o, 1e-14);
        NN.Check.Close([-2.248721270700128, 0.673521297041145, -0.3498588075760032], vjp, 1e-14);
        var (o2, jvp) = Autograd.Functional.Jvp(F, X(), V());
        NN.Check.Close([-0.3, -0.7820390859672263, 3.2997742901883336], o2, 1e-14);
        NN.Check.Close([-0.7, 0.5247155089533473, 0.9012508869485294], jvp, 1e-14);
        var (s, hvp) = Autograd.Functional.Hvp(G, X(), V());
        Assert.Equal(-1.756, s.Item(), 12);
        NN.Check.Close([4.8, -14.599999999999998, -1.9999999999999998], hvp, 1e-14);
        var (_, vhp) = Autograd.Functional.Vhp(G, X(), V());
        NN.Check.Close([4.8, -14.599999999999998, -1.9999999999999998], vhp, 1e-14);
        Assert.False(vjp.RequiresGrad);
        Core.Check.Throws<InvalidOperationException>("The vector v can only be None if the user-provided function returns a single Tensor with a single element.",
            () => Autograd.Functional.Vjp(F, X()));
        var (scalar, g) = Autograd.Functional.Vjp(G, X());
        NN.Check.Close([0.75 - 1.2 * 0.3, 4.32 + 0.5 * 0.3, 0.27 - 0.6], g, 1e-14);
        Assert.Equal(0, scalar.Dim);
    }
}
