namespace Sharpgrad.Tests.Core;

/// <summary>tensor.norm / linalg.vector_norm: values and gradients of sum(norm·w) from PyTorch 2.6, gradcheck, messages.</summary>
public class VectorNormTests
{
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -2.0, 1.5, 0.0, 0.0, 0.0, 3.0, -3.0, 1.0 }, [3, 3]).RequiresGrad_();

    private static void Case(double p, int[]? dims, bool keepDim, double[] y, double[] grad)
    {
        var x = X();
        var n = dims is null ? x.Norm(p) : x.Norm(p, dims, keepDim);
        Assert.Equal("LinalgVectorNormBackward0", n.GradFn!.Name);
        var values = n.Contiguous().ToArray<double>();
        Assert.Equal(y.Length, values.Length);
        for (int i = 0; i < y.Length; i++) Assert.Equal(y[i], values[i], 1e-12);
        var w = Tensor.Arange(n.NumElements).To(DType.Float64).View(n.Shape.ToArray()) + 1.0;
        (n * w).Sum().Backward();
        var g = x.Grad!.ToArray<double>();
        for (int i = 0; i < grad.Length; i++) Assert.Equal(grad[i], g[i], 1e-12);
    }

    [Fact]
    public void ValuesAndGradientsMatchPyTorch()
    {
        Case(2.0, null, false, new double[] { 5.049752469181039 }, new double[] { 0.099014754297667, -0.39605901719067, 0.297044262893002, 0.0, 0.0, 0.0, 0.594088525786005, -0.594088525786005, 0.198029508595335 });
        Case(2.0, new[] { 1 }, false, new double[] { 2.549509756796392, 0.0, 4.358898943540674 }, new double[] { 0.196116135138184, -0.784464540552736, 0.588348405414552, 0.0, 0.0, 0.0, 2.064741604835056, -2.064741604835056, 0.688247201611685 });
        Case(2.0, new[] { 0 }, true, new double[] { 3.04138126514911, 3.605551275463989, 1.802775637731995 }, new double[] { 0.164398987305357, -1.109400392450458, 2.496150883013531, 0.0, 0.0, 0.0, 0.986393923832144, -1.664100588675687, 1.664100588675687 });
        Case(1.0, null, false, new double[] { 11.0 }, new double[] { 1.0, -1.0, 1.0, 0.0, 0.0, 0.0, 1.0, -1.0, 1.0 });
        Case(1.0, new[] { 1 }, false, new double[] { 4.0, 0.0, 7.0 }, new double[] { 1.0, -1.0, 1.0, 0.0, 0.0, 0.0, 3.0, -3.0, 3.0 });
        Case(1.0, new[] { 0 }, true, new double[] { 3.5, 5.0, 2.5 }, new double[] { 1.0, -2.0, 3.0, 0.0, 0.0, 0.0, 1.0, -2.0, 3.0 });
        Case(double.PositiveInfinity, null, false, new double[] { 3.0 }, new double[] { 0.0, -0.0, 0.0, 0.0, 0.0, 0.0, 0.5, -0.5, 0.0 });
        Case(double.PositiveInfinity, new[] { 1 }, false, new double[] { 2.0, 0.0, 3.0 }, new double[] { 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 1.5, -1.5, 0.0 });
        Case(double.PositiveInfinity, new[] { 0 }, true, new double[] { 3.0, 3.0, 1.5 }, new double[] { 0.0, -0.0, 3.0, 0.0, 0.0, 0.0, 1.0, -2.0, 0.0 });
        Case(double.NegativeInfinity, new[] { 1 }, false, new double[] { 0.5, 0.0, 1.0 }, new double[] { 1.0, -0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.0, 3.0 });
        Case(3.0, null, false, new double[] { 4.051419509521947 }, new double[] { 0.015230900411737, -0.243694406587786, 0.13707810370563, 0.0, 0.0, 0.0, 0.548312414822519, -0.548312414822519, 0.060923601646947 });
        Case(3.0, new[] { 1 }, false, new double[] { 2.257178717737001, 0.0, 3.802952460761391 }, new double[] { 0.0490691025595, -0.785105640952, 0.4416219230355, 0.0, 0.0, 0.0, 1.866903935282866, -1.866903935282866, 0.207433770586985 });
        Case(3.0, new[] { 0 }, true, new double[] { 3.004622503458683, 3.27106631018859, 1.635533155094295 }, new double[] { 0.027692373303767, -0.747672299471678, 2.523394010716912, 0.0, 0.0, 0.0, 0.9969254389356, -1.682262673811275, 1.121508449207516 });
        Case(0.5, new[] { 1 }, false, new double[] { 11.196152422706632, 0.0, 19.928203230275507 }, new double[] { 4.732050807568877, -2.366025403784438, 2.732050807568878, 0.0, 0.0, 0.0, 7.732050807568879, -7.732050807568879, 13.392304845413264 });
        Case(1.5, null, false, new double[] { 6.457986521531091 }, new double[] { 0.278250808575581, -0.556501617151162, 0.481944537700028, 0.0, 0.0, 0.0, 0.681572501527011, -0.681572501527011, 0.393506067228867 });
        Case(1.5, new[] { 0 }, true, new double[] { 3.134584449045706, 4.008188992688178, 2.004094496344089 }, new double[] { 0.399388002659581, -1.412768158255335, 2.595420834432844, 0.0, 0.0, 0.0, 0.978296815905305, -1.730280556288563, 2.119152237383003 });
    }

    [Fact]
    public void ZeroNormHasNoGradientAndErrorsMatch()
    {
        var x = Tensor.FromArray(new[] { 0.5, -2.0, 1.5 }).RequiresGrad_();
        var n0 = x.Norm(0);
        Assert.Equal(3.0, n0.Item<double>());
        n0.Backward();
        Assert.Null(x.Grad);
        Assert.Equal(2.2360680103302, Tensor.FromArray(new[] { 1f, 2f }).Norm().Item<float>(), 6);
        Assert.Equal("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long",
            Assert.Throws<InvalidOperationException>(() => Tensor.FromArray(new long[] { 1, 2 }).Norm()).Message);
        Assert.Equal("linalg.vector_norm cannot compute the inf norm on an empty tensor because the operation does not have an identity",
            Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([0]).Norm(double.PositiveInfinity)).Message);
        Tensor.ManualSeed(2);
        foreach (double p in new[] { 2.0, 1.0, 3.0, 1.5, double.PositiveInfinity })
            Assert.True(Autograd.GradCheck(a => a[0].Norm(p, [1], keepDim: p > 2), [Tensor.Randn([3, 4], DType.Float64, requiresGrad: true)]));
    }
}
