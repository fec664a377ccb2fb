using Sharpgrad.Ops;

namespace Sharpgrad.Tests.Catalog;

/// <summary>
/// Gradients with literal expected values: derived by hand or printed by PyTorch 2.6, including
/// the kinks and ties where central differences cannot decide (PyTorch's conventions).
/// </summary>
public class GradientValueTests
{
    /// <summary>Gradients of f(inputs).Sum() with respect to each Float64 input.</summary>
    private static double[][] Grads(Func<Tensor[], Tensor> f, params double[][] values)
    {
        var xs = values.Select(v => Tensor.FromArray(v, requiresGrad: true)).ToArray();
        f(xs).Sum().Backward();
        return xs.Select(x => x.Grad!.ToArray<double>()).ToArray();
    }

    private static double[] Grad(Func<Tensor, Tensor> f, params double[] values) => Grads(xs => f(xs[0]), values)[0];

    private static void Near(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact] public void SquareSumIsTwoX() => Assert.Equal([2.0, 4, 6], Grad(x => x * x, 1, 2, 3));
    [Fact] public void CubeIsThreeXSquared() => Assert.Equal([3.0, 12, 27], Grad(x => x * x * x, 1, 2, 3));
    [Fact] public void ExpIsExp() => Near([1, Math.E], Grad(x => x.Exp(), 0, 1));
    [Fact] public void SigmoidAtZeroIsAQuarter() => Assert.Equal([0.25], Grad(x => x.Sigmoid(), 0));
    [Fact] public void TanhAtZeroIsOne() => Assert.Equal([1.0], Grad(x => x.Tanh(), 0));
    [Fact] public void LogIsReciprocal() => Near([1, 0.5, 0.25], Grad(x => x.Log(), 1, 2, 4));
    [Fact] public void MeanIsOneOverN() => Near([0.25, 0.25, 0.25, 0.25], Grad(x => x.Mean(), 1, 2, 3, 4));
    [Fact] public void SqrtAtZeroIsInfinite() => Assert.Equal([double.PositiveInfinity, 0.25], Grad(x => x.Sqrt(), 0, 4));
    [Fact] public void PowHalfAtZeroIsInfinite() => Assert.Equal([double.PositiveInfinity, 0.25], Grad(x => x.Pow(0.5), 0, 4));
    [Fact] public void PowTwoAtZeroIsZero() => Assert.Equal([0.0, 6], Grad(x => x.Pow(2), 0, 3));
    [Fact] public void ReluAtZeroIsZero() => Assert.Equal([0.0, 0, 1], Grad(x => x.Relu(), -1, 0, 2));
    [Fact] public void AbsAtZeroIsZero() => Assert.Equal([-1.0, 0, 1], Grad(x => x.Abs(), -1, 0, 2));
    [Fact] public void LeakyReluAtZeroTakesTheSlope() => Near([0.1, 0.1, 1], Grad(x => UnaryOps.LeakyRelu(x, 0.1), -1, 0, 2));
    [Fact] public void ClampPassesGradientAtItsBounds() => Assert.Equal([1.0, 1, 1, 0, 0], Grad(x => x.Clamp(0, 1), 0, 0.5, 1, 2, -1));
    [Fact] public void ClampMinAtBound() => Assert.Equal([1.0, 0, 1], Grad(x => x.Clamp(min: 0), 0, -1, 2));
    [Fact] public void SiluAndGeluAtZeroAndOne()
    {
        Near([0.5, 0.9276705118714869], Grad(x => UnaryOps.Silu(x), 0, 1));
        Near([0.5, 1.0833154705876864], Grad(x => UnaryOps.Gelu(x, false), 0, 1));
    }

    [Fact] public void MaxWithTiesSplitsEvenly() => Assert.Equal([0.5, 0, 0.5], Grad(x => x.Max(), 5, 1, 5));
    [Fact] public void MinWithTiesSplitsEvenly() => Assert.Equal([0.5, 0, 0.5], Grad(x => x.Min(), 1, 5, 1));
    [Fact] public void MaxWithoutTiesIsOneHot() => Assert.Equal([0.0, 1, 0], Grad(x => x.Max(), 1, 5, 3));

    [Fact]
    public void MaxDimWithTiesGoesToTheFirstIndex()
    {
        var x = Tensor.FromArray(new double[] { 5, 1, 5, 2 }, [2, 2], requiresGrad: true);
        x.Max(0).Values.Sum().Backward();
        Assert.Equal([1.0, 0, 0, 1], x.Grad!.ToArray<double>());
    }

    [Fact] public void MaximumTieSplitsEvenly()
    {
        var g = Grads(xs => xs[0].Maximum(xs[1]), [1, 2], [1, 3]);
        Assert.Equal([0.5, 0], g[0]);
        Assert.Equal([0.5, 1], g[1]);
    }

    [Fact] public void ProdWithOneZero() => Assert.Equal([0.0, 6, 0], Grad(x => x.Prod(), 2, 0, 3));
    [Fact] public void ProdWithTwoZeros() => Assert.Equal([0.0, 0, 0], Grad(x => x.Prod(), 2, 0, 0));
    [Fact] public void VarIsTwoDeviationsOverNMinusOne() => Near([-1, -1 / 3.0, 1 / 3.0, 1], Grad(x => x.Var(), 1, 2, 3, 4));
    [Fact] public void StdValues() => Near([-0.38729833462074165, -0.12909944487358055, 0.12909944487358055, 0.38729833462074165], Grad(x => x.Std(), 1, 2, 3, 4));

    [Fact]
    public void PowTensorWithZeroBase()
    {
        var g = Grads(xs => xs[0].Pow(xs[1]), [0, 2], [2, 3]);
        Assert.Equal([0.0, 12], g[0]);
        Near([0, 5.545177444479562], g[1]);
    }

    [Fact]
    public void WhereRoutesGradients()
    {
        var cond = Tensor.FromArray(new[] { true, false });
        var g = Grads(xs => Tensor.Where(cond, xs[0], xs[1]), [1, 2], [3, 4]);
        Assert.Equal([1.0, 0], g[0]);
        Assert.Equal([0.0, 1], g[1]);
    }

    [Fact]
    public void MatMulGradientsAreOnesTimesTheOtherTransposed()
    {
        var a = Tensor.FromArray(new double[] { 1, 2, 3, 4 }, [2, 2], requiresGrad: true);
        var b = Tensor.FromArray(new double[] { 5, 6, 7, 8 }, [2, 2], requiresGrad: true);
        a.MatMul(b).Sum().Backward();
        Assert.Equal([11.0, 15, 11, 15], a.Grad!.ToArray<double>());
        Assert.Equal([4.0, 4, 6, 6], b.Grad!.ToArray<double>());
    }

    [Fact]
    public void BroadcastGradientIsSummedBackToTheInputShape()
    {
        var a = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        var b = Tensor.FromArray(new double[] { 10, 20, 30 }, requiresGrad: true);
        var s = Tensor.Scalar(2, DType.Float64, requiresGrad: true);
        (a * b * s).Sum().Backward();
        Assert.Equal([20.0, 40, 60, 20, 40, 60], a.Grad!.ToArray<double>());
        Assert.Equal([10.0, 14, 18], b.Grad!.ToArray<double>());
        Assert.Equal(Array.Empty<int>(), s.Grad!.Shape);
        Assert.Equal(1 * 10 + 2 * 20 + 3 * 30 + 4 * 10 + 5 * 20 + 6 * 30.0, s.Grad.Item<double>());
    }

    [Fact]
    public void MeanDimGradient()
    {
        var x = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        x.Mean(1).Sum().Backward();
        Near(Enumerable.Repeat(1 / 3.0, 6).ToArray(), x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ToFloat64FromFloat32GivesAFloat32Gradient()
    {
        var x = Tensor.FromArray(new float[] { 1, 2, 3 }, requiresGrad: true);
        var y = x.To(DType.Float64);
        Assert.Equal("ToCopyBackward0", y.GradFn!.Name);
        (y * 2.0).Sum().Backward();
        Assert.Equal(DType.Float32, x.Grad!.DType);
        Assert.Equal([2f, 2, 2], x.Grad.ToArray<float>());
    }

    [Fact]
    public void ViewGradientsFlowToTheBase()
    {
        var x = Tensor.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3], requiresGrad: true);
        var y = x.T.Select(0, 1) * 3.0 + x.Narrow(1, 2, 1).Squeeze(1) * x.View(6).Slice(0, 0, 2);
        y.Sum().Backward();
        // y = [3*x[0,1] + x[0,2]*x[0,0], 3*x[1,1] + x[1,2]*x[0,1]]
        Assert.Equal([3.0, 3 + 6, 1, 0, 3, 2], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ScalarAndSingletonShapesBackward()
    {
        var s = Tensor.Scalar(2, DType.Float64, requiresGrad: true);
        (s * s).Backward();
        Assert.Equal(4.0, s.Grad!.Item<double>());
        var one = Tensor.FromArray(new double[] { 2 }, [1, 1], requiresGrad: true);
        (one * one).Backward();
        Assert.Equal([1, 1], one.Grad!.Shape);
        Assert.Equal(4.0, one.Grad.Item<double>());
    }
}
