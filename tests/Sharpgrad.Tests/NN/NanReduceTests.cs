namespace Sharpgrad.Tests.NN;

/// <summary>amax/amin, nansum/nanmean and count_nonzero: PyTorch 2.6 values, nodes, gradients (ties, NaN), dtypes, messages.</summary>
public class NanReduceTests
{
    private const double NaN = double.NaN;
    private const double Inf = double.PositiveInfinity;

    private static Tensor X() => Check.F64([1.0, 3.0, 3.0, -1.0, 2.0, 2.0, 0.5, 2.0, -1.0, -1.0, -1.0, 4.0], 3, 4).RequiresGrad_();

    /// <summary>f(x) has PyTorch's node, shape and values, and x's gradient for the incoming det(shape, 0.7) + 1 is PyTorch's.</summary>
    private static void Reduces(Func<Tensor, Tensor> f, string node, int[] shape, double[] y, double[] grad)
    {
        var x = X();
        var r = f(x);
        Assert.Equal(node, r.GradFn!.Name);
        Assert.Equal(shape, r.Shape);
        Check.Close(y, r, 1e-12);
        r.Backward(Check.Det(shape, 0.7) + 1.0);
        Check.Close(grad, x.Grad!, 1e-12);
    }

    [Fact]
    public void AmaxSplitsTheGradientAmongTies()
    {
        Reduces(x => x.Amax(), "AmaxBackward0", [], [4.0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.0]);
        double[] g1 = [0.0, 1.0, 1.0, 0.0, 0.5882807290948295, 0.5882807290948295, 0.0, 0.5882807290948295, 0.0, 0.0, 0.0, 1.169967142900241];
        Reduces(x => x.Amax(1), "AmaxBackward0", [3], [3.0, 2.0, 4.0], g1);
        Reduces(x => x.Amax([-1], keepDim: true), "AmaxBackward0", [3, 1], [3.0, 2.0, 4.0], g1);
        Reduces(x => Tensor.Amax(x, [0], keepDim: true), "AmaxBackward0", [1, 4], [2.0, 3.0, 3.0, 4.0],
            [0.0, 1.7648421872844886, 1.169967142900241, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.4951538954001429]);
        Reduces(x => x.Amax([0, 1]), "AmaxBackward0", [], [4.0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.0]);
        Assert.True(Autograd.GradCheck(t => t[0].Amax([1]), [Check.Det([3, 4], 0.45).RequiresGrad_()]));
    }

    [Fact]
    public void AminSplitsTheGradientAmongTies()
    {
        Reduces(x => x.Amin(), "AminBackward0", [], [-1.0], [0, 0, 0, 0.5, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0]);
        double[] g1 = [0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 1.7648421872844886, 0.0, 0.38998904763341363, 0.38998904763341363, 0.38998904763341363, 0.0];
        Reduces(x => x.Amin(1), "AminBackward0", [3], [-1.0, 0.5, -1.0], g1);
        Reduces(x => x.Amin([-1], keepDim: true), "AminBackward0", [3, 1], [-1.0, 0.5, -1.0], g1);
        Reduces(x => Tensor.Amin(x, [0], keepDim: true), "AminBackward0", [1, 4], [-1.0, -1.0, -1.0, -1.0],
            [0.0, 0.0, 0.0, 0.4951538954001429, 0.0, 0.0, 0.0, 0.0, 2.0, 1.7648421872844886, 1.169967142900241, 0.0]);
        Assert.True(Autograd.GradCheck(t => t[0].Amin([1]), [Check.Det([3, 4], 0.45).RequiresGrad_()]));
    }

    [Fact]
    public void AmaxHandlesNaNDTypesAndErrors()
    {
        Check.Close([NaN, 3.0], Check.F32([1f, float.NaN, 2f, 3f], 2, 2).Amax(1));
        var xn = Check.F64([1.0, NaN, 3.0], 3).RequiresGrad_();
        var y = xn.Amax();
        y.Backward();
        Check.Close([NaN], y);
        Check.Close([NaN, NaN, NaN], xn.Grad!); // no element equals NaN: 0 / 0
        var i = Tensor.FromArray(new long[] { 1, 5, 7, 2 }, [2, 2]).Amax(0);
        Assert.Equal(DType.Int64, i.DType);
        Assert.Equal(new long[] { 7, 5 }, i.ToArray<long>());
        var b = Tensor.FromArray(new[] { true, false, false, false }, [2, 2]).Amax(1);
        Assert.Equal(DType.Bool, b.DType);
        Assert.Equal(new[] { true, false }, b.ToArray<bool>());
        Check.Close([3.0], Tensor.Scalar(3.0).Amax(0));
        Assert.Equal([0], Tensor.Zeros([0, 3]).Amax(1).Shape);

        Assert.Equal("amax(): Expected reduction dim 0 to have non-zero size.", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros([0, 3]).Amax(0)).Message.Split(" (Parameter")[0]);
        Assert.Equal("amin(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
            Assert.Throws<ArgumentException>(() => Tensor.Zeros([0, 3]).Amin()).Message);
        Assert.Equal("dim 0 appears multiple times in the list of dims", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3]).Amax([0, 0])).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros([2, 3]).Amin(2)).Message);
    }

    /// <summary>Check.Close, with infinities compared exactly.</summary>
    private static void Close(double[] expected, Tensor actual)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            if (double.IsInfinity(expected[i])) Assert.Equal(expected[i], a[i]);
            else Check.Close(expected[i], a[i], 1e-12);
    }

    private static Tensor S() => Check.F64([1.0, NaN, 3.0, NaN, NaN, NaN, -2.0, 0.5, Inf], 3, 3).RequiresGrad_();

    [Fact]
    public void NansumMatchesPyTorch()
    {
        double[] g = [1.5, 0.0, 1.5, 0.0, 0.0, 0.0, 1.5, 1.5, 1.5];
        void Case(Func<Tensor, Tensor> f, int[] shape, double[] y, string node = "NansumBackward0", double[]? grad = null)
        {
            var x = S();
            var r = f(x);
            Assert.Equal(node, r.GradFn!.Name);
            Assert.Equal(shape, r.Shape);
            Close(y, r);
            r.Backward(Tensor.OnesLike(r) * 1.5);
            Check.Close(grad ?? g, x.Grad!, 1e-12);
        }
        Case(x => x.Nansum(), [], [Inf]);
        Case(x => x.Nansum(1), [3], [4.0, 0.0, Inf]);
        Case(x => x.Nansum([0], keepDim: true), [1, 3], [-1.0, 0.5, Inf]);
        Case(x => Tensor.Nansum(x), [], [Inf]);

        Case(x => x.Nanmean(), [], [Inf], "DivBackward0", [0.3, 0.0, 0.3, 0.0, 0.0, 0.0, 0.3, 0.3, 0.3]);
        Case(x => x.Nanmean(1), [3], [2.0, NaN, Inf], "DivBackward0", [0.75, 0.0, 0.75, NaN, NaN, NaN, 0.5, 0.5, 0.5]);
        Case(x => x.Nanmean([0], keepDim: true), [1, 3], [-0.5, 0.5, Inf], "DivBackward0", [0.75, 0.0, 0.75, 0.0, 0.0, 0.0, 0.75, 1.5, 0.75]);
        Case(x => x.Nanmean([0, 1]), [], [Inf], "DivBackward0", [0.3, 0.0, 0.3, 0.0, 0.0, 0.0, 0.3, 0.3, 0.3]);

        var p = Check.Det([3, 4], 0.45);
        p.Elements<double>()[1] = NaN;
        p.Elements<double>()[10] = NaN;
        Assert.True(Autograd.GradCheck(t => t[0].Nansum([1]), [p.Clone().RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => t[0].Nanmean([1]), [p.Clone().RequiresGrad_()]));

        var i = Tensor.FromArray(new long[] { 1, 2, 3, 4 }, [2, 2]).Nansum(1);
        Assert.Equal(DType.Int64, i.DType);
        Assert.Equal(new long[] { 3, 7 }, i.ToArray<long>());
        Assert.Equal(DType.Int64, Tensor.FromArray(new[] { true, true }).Nansum().DType);
        Assert.Equal(2L, Tensor.FromArray(new[] { true, true }).Nansum().Item<long>());
        Assert.Equal(3.75f, Check.F32([1.5f, float.NaN, 2.25f], 3).Nansum().Item<float>());
        Assert.Equal(0f, Tensor.Zeros([0]).Nansum().Item<float>());
        Assert.True(float.IsNaN(Tensor.Zeros([0]).Nanmean().Item<float>()));
        Assert.Equal("nanmean(): expected input to have floating point or complex dtype but got Long",
            Assert.Throws<ArgumentException>(() => Check.I64(1, 2).Nanmean()).Message);
    }

    [Fact]
    public void CountNonzeroMatchesPyTorch()
    {
        var c = Check.F32([0f, 1f, float.NaN, 0f, -0f, 2f], 2, 3);
        var all = c.CountNonzero();
        Assert.Equal(DType.Int64, all.DType);
        Assert.Empty(all.Shape);
        Assert.Equal(3L, all.Item<long>());
        Assert.Equal(new long[] { 0, 1, 2 }, c.CountNonzero(0).ToArray<long>());
        Assert.Equal(new long[] { 2, 1 }, c.CountNonzero([1]).ToArray<long>());
        Assert.Equal(new long[] { 3 }, c.CountNonzero([0, 1]).Reshape(1).ToArray<long>());
        Assert.Equal(new long[] { 1, 1 }, Tensor.FromArray(new long[] { 0, 3, 4, 0 }, [2, 2]).CountNonzero(1).ToArray<long>());
        Assert.Equal(2L, Tensor.CountNonzero(Tensor.FromArray(new[] { true, false, true })).Item<long>());
        var r = c.Clone().RequiresGrad_().CountNonzero();
        Assert.False(r.RequiresGrad);
        Assert.Null(r.GradFn);
        Assert.Equal("dim 0 appears multiple times in the list of dims", Assert.Throws<ArgumentException>(() => c.CountNonzero([0, 0])).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.Throws<ArgumentOutOfRangeException>(() => c.CountNonzero(2)).Message);
    }
}
