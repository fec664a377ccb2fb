namespace Sharpgrad.Tests.Core;

/// <summary>In-place forms recorded with the out-of-place node (sin_ → SinBackward0), and PyTorch's aliases: PyTorch 2.6's values, nodes and gradients.</summary>
public class InPlaceExtraTests
{
    private static readonly Tensor W = Tensor.FromArray(new[] { 1.5, -2, 3, 0.5, 4, -1 }, [2, 3]);
    private static readonly Tensor Weights = Tensor.FromArray(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3]);

    /// <summary>Runs f on a non-leaf copy of W (so in-place is allowed) and checks the result, its node and dL/dW for L = Σ y·Weights.</summary>
    private static void Matches(Func<Tensor, Tensor> f, string node, double[] y, double[] grad)
    {
        var w = W.Clone().RequiresGrad_();
        var x = w * 1.0;
        var r = f(x);
        Assert.Equal(node, r.GradFn!.Name);
        NN.Check.Close(y, r, 1e-11);
        (r * Weights).Sum().Backward();
        NN.Check.Close(grad, w.Grad!, 1e-11);
    }

    [Fact]
    public void ElementwiseInPlaceMatchesPyTorch()
    {
        Matches(x => x.Sin_(), "SinBackward0", [0.997494986604, -0.909297426826, 0.14112000806, 0.479425538604, -0.756802495308, -0.841470984808],
            [0.070737201668, -0.832293673094, -2.969977489801, 3.510330247561, -3.268218104318, 3.241813835209]);
        Matches(x => x.Cos_(), "CosBackward0", [0.070737201668, -0.416146836547, -0.9899924966, 0.87758256189, -0.653643620864, 0.540302305868],
            [-0.997494986604, 1.818594853651, -0.42336002418, -1.917702154417, 3.78401247654, 5.048825908847]);
        Matches(x => x.Abs().Log_(), "LogBackward0", [0.405465108108, 0.69314718056, 1.098612288668, -0.69314718056, 1.38629436112, 0],
            [0.666666666667, -1, 1, 8, 1.25, -6]);
        Matches(x => x.Abs().Log1p_(), "Log1PBackward0", [0.916290731874, 1.098612288668, 1.38629436112, 0.405465108108, 1.609437912434, 0.69314718056],
            [0.4, -0.666666666667, 0.75, 2.666666666667, 1, -3]);
        Matches(x => x.Expm1_(), "Expm1Backward0", [3.481689070338, -0.864664716763, 19.085536923188, 0.6487212707, 53.598150033144, -0.632120558829],
            [4.481689070338, 0.270670566473, 60.256610769563, 6.594885082801, 272.990750165721, 2.207276647029]);
        Matches(x => x.Erf_(), "ErfBackward0", [0.966105146475, -0.995322265019, 0.999977909503, 0.520499877813, 0.999999984583, -0.84270079295],
            [0.118930289224, 0.041333970708, 0.000417759156, 3.515130315742, 6.34912e-07, 2.490644984524]);
        Matches(x => x.Reciprocal_(), "ReciprocalBackward0", [0.666666666667, -0.5, 0.333333333333, 2, 0.25, -1],
            [-0.444444444444, -0.5, -0.333333333333, -16, -0.3125, -6]);
        Matches(x => x.Abs().Rsqrt_(), "RsqrtBackward0", [0.816496580928, 0.707106781187, 0.57735026919, 1.414213562373, 0.5, 1],
            [-0.272165526976, 0.353553390593, -0.288675134595, -5.656854249492, -0.3125, 3]);
        Matches(x => x.Sign_(), "SignBackward0", [1, -1, 1, 1, 1, -1], [0, 0, 0, 0, 0, 0]);
        Matches(x => x.Square_(), "PowBackward0", [2.25, 4, 9, 0.25, 16, 1], [3, -8, 18, 4, 40, -12]);
        Matches(x => x.Atan2_(Tensor.Ones([3], DType.Float64)), "Atan2Backward0",
            [0.982793723247, -1.107148717794, 1.249045772398, 0.463647609001, 1.325817663668, -0.785398163397], [0.307692307692, 0.4, 0.3, 3.2, 0.294117647059, 3]);
        Matches(x => (x.Abs() + 2).Mvlgamma_(2), "MvlgammaBackward0", [2.466485725832, 3.5650980145, 6.204155344115, 0.857047813398, 9.317670653325, 1.550194993958],
            [2.025940975744, -4.718548618154, 8.684965784374, 4.503763902975, 16.586054085068, -9.755645854462]);
    }

    [Fact]
    public void ShapeOpsInPlaceMatchPyTorch()
    {
        Matches(x => x.Tril_(), "TrilBackward0", [1.5, 0, 0, 0.5, 4, 0], [1, 0, 0, 4, 5, 0]);
        Matches(x => x.Triu_(1), "TriuBackward0", [0, -2, 3, 0, 0, -1], [0, 2, 3, 0, 0, 6]);
        Matches(x => x.Cumsum_(1), "CumsumBackward0", [1.5, -0.5, 2.5, 0.5, 4.5, 3.5], [6, 5, 3, 15, 11, 6]);
        Matches(x => x.Cumprod_(1), "CumprodBackward0", [1.5, -3, -9, 0.5, 2, -2], [-21, 16.5, -9, 0, -0.5, 12]);
        Matches(x => x.ClampMin_(0.7), "ClampMinBackward0", [1.5, 0.7, 3, 0.7, 4, 0.7], [1, 0, 3, 0, 5, 0]);
        Matches(x => x.ClampMax_(0.7), "ClampMaxBackward0", [0.7, -2, 0.7, 0.5, 0.7, -1], [0, 2, 0, 4, 0, 6]);
        Matches(x => x.IndexAdd_(1, Tensor.FromArray(new long[] { 2, 0 }), Tensor.Ones([2, 2], DType.Float64)), "IndexAddBackward0",
            [2.5, -2, 4, 1.5, 4, 0], [1, 2, 3, 4, 5, 6]);
        Matches(x => x.ScatterAdd_(1, Tensor.FromArray(new long[] { 2, 0, 1, 1 }, [2, 2]), Tensor.Ones([2, 2], DType.Float64)), "ScatterAddBackward0",
            [2.5, -2, 4, 0.5, 6, -1], [1, 2, 3, 4, 5, 6]);
        Matches(x => x.Addmm_(Tensor.Ones([2, 2], DType.Float64), Tensor.Ones([2, 3], DType.Float64), beta: 2), "AddmmBackward0",
            [5, -2, 8, 3, 10, 0], [2, 4, 6, 8, 10, 12]);
    }

    [Fact]
    public void ComparisonsInPlaceCutTheGradient()
    {
        Matches(x => x.Eq_(0.5), "EqBackward0", [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0]);
        Matches(x => x.Gt_(Tensor.Zeros([3], DType.Float64)), "GtBackward1", [1, 0, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0]);
        // logical ops have no derivative: PyTorch leaves the history (and so the gradient path) as it was
        var w = W.Clone().RequiresGrad_();
        var x = w * 1.0;
        x.LogicalNot_();
        Assert.Equal("MulBackward0", x.GradFn!.Name);
        NN.Check.Close([0, 0, 0, 0, 0, 0], x, 0);
    }

    [Fact]
    public void IntegersAndErrors()
    {
        var i = Tensor.FromArray(new[] { 3, -2, 5, 7 }, [2, 2]);
        var c = i.Clone().Cumsum_(1);
        Assert.Equal(DType.Int32, c.DType);
        Check.Values(new[] { 3, 1, 5, 12 }, c, 2, 2);
        Check.Values(new[] { 1, -1, 1, 1 }, i.Clone().Sign_(), 2, 2);
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Int", () => i.Clone().Sin_());
        Check.Values(new[] { 3, 2, 5, 7 }, i.Clone().Gcd_(Tensor.FromArray(new[] { 6, 4, 10, 14 }, [2, 2])), 2, 2);
        Check.Values(new[] { 0, 0, 1, 0 }, i.Clone().Eq_(5), 2, 2);
        Check.Values(new[] { false, true }, Tensor.FromArray(new[] { true, false }).LogicalNot_(), 2);
        var leaf = Tensor.Ones([2], requiresGrad: true);
        Check.Throws<InvalidOperationException>("a leaf Variable that requires grad is being used in an in-place operation.", () => leaf.Sin_());
        Check.Throws<InvalidOperationException>("a leaf Variable that requires grad is being used in an in-place operation.", () => leaf.Tril_());
        Check.Values(new[] { 1f, 1f }, leaf, 2);
    }

    [Fact]
    public void InPlaceThroughAViewRewritesTheBase()
    {
        var w = W.Clone().RequiresGrad_();
        var b = w * 1.0;
        b.Slice(1, 1, 3).Cumsum_(1);
        Assert.Equal("CopySlices", b.GradFn!.Name);
        NN.Check.Close([1.5, -2, 1, 0.5, 4, 3], b, 0);
        (b * Weights).Sum().Backward();
        NN.Check.Close([1, 5, 3, 4, 11, 6], w.Grad!, 0);
    }

    [Fact]
    public void AliasesAreTheSameOps()
    {
        var x = Tensor.FromArray(new[] { 0.5, -0.25 });
        var y = Tensor.FromArray(new[] { 2.0, 4.0 });
        Assert.Equal(x.Acos().ToArray<double>(), x.Arccos().ToArray<double>());
        Assert.Equal(x.Atan2(y).ToArray<double>(), x.Arctan2(y).ToArray<double>());
        Assert.Equal(x.Div(y).ToArray<double>(), x.Divide(y).ToArray<double>());
        Assert.Equal(x.Mul(y).ToArray<double>(), x.Multiply(y).ToArray<double>());
        Assert.Equal(x.Sub(y, 2).ToArray<double>(), x.Subtract(y, 2).ToArray<double>());
        Assert.Equal(new[] { -0.5, 0.25 }, x.Negative().ToArray<double>());
        Assert.Equal(new[] { false, false }, x.Greater(y).ToArray<bool>());
        Assert.Equal(new[] { true, true }, x.LessEqual(y).ToArray<bool>());
        Assert.Equal(new[] { 0.5, 0.25 }, x.Clone().Absolute_().ToArray<double>());
        Assert.Equal(new[] { 3.0, 2.0 }, Tensor.Addmm(Tensor.Ones([1, 2], DType.Float64), Tensor.Ones([1, 1], DType.Float64), Tensor.FromArray(new[] { 2.0, 1.0 }, [1, 2])).ToArray<double>());
        Assert.Equal(new[] { 3.0, 2.0 }, Tensor.Ones([1, 2], DType.Float64).Addmm(Tensor.Ones([1, 1], DType.Float64), Tensor.FromArray(new[] { 2.0, 1.0 }, [1, 2])).ToArray<double>());
    }

    [Fact]
    public void GradCheckThroughInPlaceForms()
    {
        var a = Tensor.FromArray(new[] { 0.3, -1.2, 0.8, 1.7, -0.4, 2.2 }, [2, 3], requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => (t[0] * 1.0).Cumprod_(1), [a]));
        Assert.True(Autograd.GradCheck(t => (t[0] * 1.0).ClampMin_(0.5), [a]));
        Assert.True(Autograd.GradCheck(t => (t[0] * 1.0).Sin_(), [a]));
        Assert.True(Autograd.GradCheck(t => (t[0] * 1.0).Tril_(), [a]));
    }
}
