namespace Sharpgrad.Tests.Core;

/// <summary>cummax and cummin: PyTorch 2.6 values, indices (ties, NaN), dtypes, gradients and node names; gradcheck in Float64.</summary>
public class CumExtremeTests
{
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5 }, [3, 4]).RequiresGrad_();
    private static Tensor W() => Tensor.Arange(12).To(DType.Float64).View(3, 4) + 1.0;
    private static Tensor F64(params double[] v) => Tensor.FromArray(v);
    private static Tensor Ties() => Tensor.FromArray(new[] { 2.0, 1, 2, 1, 3, 2, 5, 5, 5, 5, 5, 5, 1, 3, 1, 3, 2, 2 }, [3, 6]).RequiresGrad_();
    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 1e-12);

    [Fact]
    public void TiesMoveTheIndexToTheLaterElement()
    {
        var x = F64(1.0, 3.0, 3.0, 2.0).RequiresGrad_();
        var (v, i) = x.Cummax(0);
        Assert.Equal("CummaxBackward0", v.GradFn!.Name);
        Assert.Equal(DType.Int64, i.DType);
        Close([1.0, 3.0, 3.0, 3.0], v);
        Assert.Equal(new long[] { 0, 1, 2, 2 }, i.ToArray<long>());
        v.Backward(F64(1.0, 2.0, 3.0, 4.0));
        Close([1.0, 2.0, 7.0, 0.0], x.Grad!);

        var y = F64(3.0, 1.0, 1.0, 2.0).RequiresGrad_();
        var (mv, mi) = Tensor.Cummin(y, 0);
        Assert.Equal("CumminBackward0", mv.GradFn!.Name);
        Close([3.0, 1.0, 1.0, 1.0], mv);
        Assert.Equal(new long[] { 0, 1, 2, 2 }, mi.ToArray<long>());
        mv.Backward(F64(1.0, 2.0, 3.0, 4.0));
        Close([1.0, 2.0, 7.0, 0.0], y.Grad!);

        var t = Ties();
        var (tv, ti) = t.Cummax(1);
        Close([2, 2, 2, 2, 3, 3, 5, 5, 5, 5, 5, 5, 1, 3, 3, 3, 3, 3], tv);
        Assert.Equal(new long[] { 0, 0, 2, 2, 4, 4, 0, 1, 2, 3, 4, 5, 0, 1, 1, 3, 3, 3 }, ti.ToArray<long>());
        tv.Sum().Backward();
        Close([2, 0, 2, 0, 2, 0, 1, 1, 1, 1, 1, 1, 1, 2, 0, 3, 0, 0], t.Grad!);
        var u = Ties();
        var (uv, ui) = u.Cummin(1);
        Close([2, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1], uv);
        Assert.Equal(new long[] { 0, 1, 1, 3, 3, 3, 0, 1, 2, 3, 4, 5, 0, 0, 2, 2, 2, 2 }, ui.ToArray<long>());
        uv.Sum().Backward();
        Close([1, 2, 0, 3, 0, 0, 1, 1, 1, 1, 1, 1, 2, 0, 4, 0, 0, 0], u.Grad!);

        Assert.Equal(new long[] { 0, 1, 2 }, F64(-0.0, 0.0, -0.0).Cummax(0).Indices.ToArray<long>());
        var inf = Tensor.FromArray(new[] { float.PositiveInfinity, float.PositiveInfinity, float.NegativeInfinity, float.NegativeInfinity }).Cummin(0);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, inf.Indices.ToArray<long>());
        Assert.Equal(DType.Float32, inf.Values.DType);
    }

    [Fact]
    public void NaNTakesOverAndEachNewNaNMovesTheIndex()
    {
        var n = F64(1.0, double.NaN, 3.0, double.NaN, 0.0);
        foreach (var (v, i) in new[] { n.Cummax(0), n.Cummin(0) })
        {
            Close([1.0, double.NaN, double.NaN, double.NaN, double.NaN], v);
            Assert.Equal(new long[] { 0, 1, 1, 3, 3 }, i.ToArray<long>());
        }
        Assert.Equal(new long[] { 0, 0, 2 }, Tensor.FromArray(new[] { float.NaN, 1f, float.NaN }).Cummax(0).Indices.ToArray<long>());
    }

    [Fact]
    public void AlongEachDimMatchesPyTorch()
    {
        var x = X();
        var (v, i) = x.Cummax(0);
        Close([0.5, -2.0, 1.5, 3.0, 0.5, 4.0, 1.5, 3.0, 0.5, 4.0, 2.0, 3.0], v);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0 }, i.ToArray<long>());
        (v * W()).Sum().Backward();
        Close([15.0, 2.0, 10.0, 24.0, 0.0, 16.0, 0.0, 0.0, 0.0, 0.0, 11.0, 0.0], x.Grad!);

        x = X();
        (v, i) = x.Cummin(0);
        Close([0.5, -2.0, 1.5, 3.0, 0.0, -2.0, -1.0, 2.5, -3.0, -2.0, -1.0, -0.5], v);
        Assert.Equal(new long[] { 0, 0, 0, 0, 1, 0, 1, 1, 2, 0, 1, 2 }, i.ToArray<long>());
        (v * W()).Sum().Backward();
        Close([1.0, 18.0, 3.0, 4.0, 5.0, 0.0, 18.0, 8.0, 9.0, 0.0, 0.0, 12.0], x.Grad!);

        x = X();
        (v, i) = x.Cummax(-1);
        Close([0.5, 0.5, 1.5, 3.0, 0.0, 4.0, 4.0, 4.0, -3.0, 0.25, 2.0, 2.0], v);
        Assert.Equal(new long[] { 0, 0, 2, 3, 0, 1, 1, 1, 0, 1, 2, 2 }, i.ToArray<long>());
        (v * W()).Sum().Backward();
        Close([3.0, 0.0, 3.0, 4.0, 5.0, 21.0, 0.0, 0.0, 9.0, 10.0, 23.0, 0.0], x.Grad!);

        x = X();
        (v, i) = x.Cummin(1);
        Close([0.5, -2.0, -2.0, -2.0, 0.0, 0.0, -1.0, -1.0, -3.0, -3.0, -3.0, -3.0], v);
        Assert.Equal(new long[] { 0, 1, 1, 1, 0, 0, 2, 2, 0, 0, 0, 0 }, i.ToArray<long>());
        (v * W()).Sum().Backward();
        Close([1.0, 9.0, 0.0, 0.0, 11.0, 0.0, 15.0, 0.0, 42.0, 0.0, 0.0, 0.0], x.Grad!);

        // double backward goes through the scatter_add of the backward formula
        x = X();
        var m = x.Cummax(1).Values;
        var g = Autograd.Grad([(m * m).Sum()], [x], createGraph: true)[0]!;
        Assert.Equal("ScatterAddBackward0", g.GradFn!.Name);
    }

    [Fact]
    public void IntegralBoolScalarAndEmptyInputs()
    {
        var ints = Tensor.FromArray(new long[] { 5, 1, 3, 3, 7, 2 });
        var (iv, ii) = ints.Cummax(0);
        Assert.Equal(DType.Int64, iv.DType);
        Assert.Equal(new long[] { 5, 5, 5, 5, 7, 7 }, iv.ToArray<long>());
        Assert.Equal(new long[] { 0, 0, 0, 0, 4, 4 }, ii.ToArray<long>());
        Assert.Equal(new long[] { 0, 1, 1, 1, 1, 1 }, ints.Cummin(0).Indices.ToArray<long>());

        var b = Tensor.FromArray(new[] { false, true, false, true });
        var (bv, bi) = b.Cummax(0);
        Assert.Equal(DType.Bool, bv.DType);
        Assert.Equal(new[] { false, true, true, true }, bv.ToArray<bool>());
        Assert.Equal(new long[] { 0, 1, 1, 3 }, bi.ToArray<long>());
        Assert.Equal(new long[] { 0, 0, 2, 2 }, b.Cummin(0).Indices.ToArray<long>());

        // as in PyTorch, the dim of a 0-d or empty input is not checked
        var s = Tensor.Scalar(4.0, DType.Float64, requiresGrad: true);
        var (sv, si) = s.Cummax(0);
        Assert.Equal("CummaxBackward0", sv.GradFn!.Name);
        Assert.Empty(si.Shape);
        Assert.Equal(0L, si.Item<long>());
        sv.Backward();
        Assert.Equal(1.0, s.Grad!.Item<double>());
        Assert.Equal(4.0, s.Cummin(1).Values.Item<double>());
        var e = Tensor.Zeros([0, 3]).Cummax(0);
        Assert.Equal([0, 3], e.Values.Shape);
        Assert.Equal([0, 3], e.Indices.Shape);
        Assert.Equal(DType.Int64, e.Indices.DType);
        Assert.Equal([2, 0], Tensor.Zeros([2, 0]).Cummax(1).Values.Shape);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => X().Cummax(2));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", ex.Message);
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        var r = Tensor.FromArray(new[] { 0.3, -1.2, 0.7, 2.1, -0.4, 1.6, 0.9, -2.2, 1.1, 0.05, -0.8, 1.9 }, [3, 4]).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => a[0].Cummax(1).Values, [r]));
        Assert.True(Autograd.GradCheck(a => a[0].Cummin(0).Values, [r]));
        Assert.True(Autograd.GradCheck(a => a[0].Cummax(0).Values, [r]));
        Assert.True(Autograd.GradCheck(a => a[0].Cummin(-1).Values, [r]));
    }
}
