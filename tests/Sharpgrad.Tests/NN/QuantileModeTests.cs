namespace Sharpgrad.Tests.NN;

/// <summary>quantile/nanquantile (every interpolation), mode (tie indices, NaN), msort and argwhere: PyTorch 2.6 values, nodes, gradients.</summary>
public class QuantileModeTests
{
    private const double NaN = double.NaN;

    private static Tensor Qs() => Check.F64([0.0, 0.25, 0.5, 0.9, 1.0], 5);

    /// <summary>f(x) for x = det([3, 4], 0.7, 2): node, shape, values, and x's gradient for det(shape, 0.3) + 1.</summary>
    private static void Case(Func<Tensor, Tensor> f, string node, int[] shape, double[] y, double[] grad)
    {
        var x = Check.Det([3, 4], 0.7, 2.0).RequiresGrad_();
        var r = f(x);
        Assert.Equal(node, r.GradFn!.Name);
        Assert.Equal(shape, r.Shape);
        Check.Close(y, r, 1e-12);
        r.Backward(Check.Det(shape, 0.3) + 1.0);
        Check.Close(grad, x.Grad!, 1e-12);
    }

    [Fact]
    public void QuantileLinearMatchesPyTorch()
    {
        Case(x => x.Quantile(0.3), "SqueezeBackward4", [], [-0.5943408326542614],
            [0, 0, 0, 0, 0, 0, 1.4000000000000004, 0, 0, 0, 0, 0.5999999999999996]);
        Case(x => x.Quantile(0.3, 1), "SqueezeBackward4", [3], [0.2049716363004623, -1.874066505257165, 1.387698830225521],
            [0.0, 0.0, 1.7999999999999998, 0.20000000000000018, 0.19553364891256078, 1.7598028402130452, 0.0, 0.0, 0.0, 0.0, 1.6428020534187102, 0.18253356149096797]);
        Case(x => Tensor.Quantile(x, 0.3, 0, keepDim: true), "SqueezeBackward4", [1, 4], [0.17690118167737312, 0.16864527490874903, -0.18824808559227096, -0.21982824923444744],
            [0.0, 1.1732018934753636, 1.0952013689458069, 0.6486439873082658, 0.8, 0.7821345956502425, 0.7301342459638713, 0.0, 1.2, 0.0, 0.0, 0.9729659809623986]);
        Case(x => x.Quantile(Qs(), 1), "SqueezeBackward4", [5, 3],
            [-1.0096922091997143, -1.8844446813373161, 0.3067477240757305, 0.002527662050432977, -1.8757962012705236, 1.2075403125338895, 0.9348093301847296, -1.4267175086314965, 1.5294681328535542, 1.8589053123706931, -0.033039175612815, 1.865141618042931, 2.0, 0.37302473884514975, 1.9997172727668302],
            [0.1703910842539101, 0.41517731004833824, 1.6026064288564548, 2.405402492067666, 2.2959259277447743, 1.2693452635575766, 0.2505791987199376, 0.281072948179548, 0.13505921125671783, 0.5185033397230953, 0.9343560434801543, 2.093019915326604]);
        Case(x => x.Quantile(Qs(), keepDim: true), "SqueezeBackward4", [5, 1, 1], [-1.8844446813373161, -0.9878142843109788, 0.35647951232281594, 1.9548587211921973, 2.0],
            [1.3623577544766736, 0.0, 0.9126678074548391, 0.4888341222814015, 2.0, 0.0, 1.4665023668442045, 0.9126678074548391, 0.16216099682706586, 1.4594489714435985, 0.0, 0.0]);
        Assert.True(Autograd.GradCheck(t => t[0].Quantile(Check.F64([0.2, 0.7], 2), 1), [Check.Det([3, 4], 0.45).RequiresGrad_()]));
        var f = Check.F32([0f, 1f, 2f, 3f, 10f], 5);
        Assert.Equal(1.2000000476837158f, f.Quantile(0.3).Item<float>()); // ranks in float32, as PyTorch
        Assert.Equal(new[] { 0.4000000059604645f, 2.799999952316284f }, f.Quantile(Check.F32([0.1f, 0.7f], 2)).ToArray<float>());
        Assert.Empty(Tensor.Scalar(3.0).Quantile(0.5).Shape);
    }

    [Fact]
    public void QuantileOtherInterpolationsMatchPyTorch()
    {
        Case(x => x.Quantile(0.3, 1, interpolation: "lower"), "SqueezeBackward4", [3], [-1.0096922091997143, -1.8844446813373161, 0.3067477240757305],
            [0.0, 0.0, 0.0, 2.0, 1.955336489125606, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.8253356149096782]);
        Case(x => x.Quantile(0.3, 1, interpolation: "higher"), "SqueezeBackward4", [3], [0.33993428580048207, -1.8729133745815927, 1.5078045086866092],
            [0.0, 0.0, 2.0, 0.0, 0.0, 1.955336489125606, 0.0, 0.0, 0.0, 0.0, 1.8253356149096782, 0.0]);
        Case(x => x.Quantile(0.3, 1, interpolation: "midpoint"), "SqueezeBackward4", [3], [-0.3348789616996161, -1.8786790279594543, 0.9072761163811698],
            [0.0, 0.0, 1.0, 1.0, 0.977668244562803, 0.977668244562803, 0.0, 0.0, 0.0, 0.0, 0.9126678074548391, 0.9126678074548391]);
        Case(x => x.Quantile(0.3, interpolation: "nearest"), "SqueezeBackward4", [], [-0.9805216426814004],
            [0, 0, 0, 0, 0, 0, 2.0, 0, 0, 0, 0, 0]);
        Case(x => x.Quantile(Qs(), 0, interpolation: "nearest"), "SqueezeBackward4", [5, 4],
            [-1.8844446813373161, -1.8729133745815927, -0.9805216426814004, -1.0096922091997143, -1.8844446813373161, -1.8729133745815927, -0.9805216426814004, -1.0096922091997143, 1.5511317570204992, 1.529684374568977, 0.33993428580048207, 0.3067477240757305, 2.0, 1.9997172727668302, 1.5078045086866092, 0.37302473884514975, 2.0, 1.9997172727668302, 1.5078045086866092, 0.37302473884514975],
            [1.190740567105299, 0.09592785798293901, 0.010007503399554585, 2.1167638636708066, 3.3623577544766734, 3.026073690793309, 2.5981335202165914, 2.62391698540838, 0.26260628445875456, 1.65204543851284, 2.1444320546019346, 0.01252023009113512]);
        Case(x => x.Quantile(Qs(), 0, interpolation: "midpoint"), "SqueezeBackward4", [5, 4],
            [-1.8844446813373161, -1.8729133745815927, -0.9805216426814004, -1.0096922091997143, -0.16665646215840835, -0.17161450000630785, -0.32029367844045914, -0.35147224256199194, 1.5511317570204992, 1.529684374568977, 0.33993428580048207, 0.3067477240757305, 1.7755658785102497, 1.7647008236679036, 0.9238693972435457, 0.3398862314604401, 2.0, 1.9997172727668302, 1.5078045086866092, 0.37302473884514975],
            [1.1391197752723727, 0.7683303067167203, 0.6512760453826615, 1.8691869159707355, 2.6811788772383367, 2.4907050899594574, 2.211734567563135, 2.22931488512377, 0.9954059535300177, 1.51501159061291, 1.8895624652722842, 0.6546992780758165]);
        Assert.Equal(new[] { 2f, 0f, 0f }, Check.F32([0f, 1f, 2f, 3f], 4).Quantile(Check.F32([0.5f, 1f / 6, 0.1666666f], 3), interpolation: "nearest").ToArray<float>());
    }

    [Fact]
    public void NanquantileMatchesPyTorch()
    {
        var xn = Check.F64([1.0, NaN, 3.0, 2.0, NaN, NaN, NaN, NaN, 4.0, 1.0, 2.0, 0.5], 3, 4);
        var q = Check.F64([0.25, 0.5], 2);
        Check.Close([1.5, NaN, 0.875, 2.0, NaN, 1.5], xn.Nanquantile(q, 1));
        Check.Close([1.0, NaN, 0.5, 2.0, NaN, 1.0], xn.Nanquantile(q, 1, interpolation: "lower"));
        Check.Close([2.0, NaN, 1.0, 2.0, NaN, 2.0], xn.Nanquantile(q, 1, interpolation: "higher"));
        Check.Close([1.5, NaN, 0.75, 2.0, NaN, 1.5], Tensor.Nanquantile(xn, q, 1, interpolation: "midpoint"));
        Check.Close([1.0, NaN, 1.0, 2.0, NaN, 2.0], xn.Nanquantile(q, 1, interpolation: "nearest"));
        Check.Close([NaN, NaN, 1.5], xn.Quantile(0.5, 1));
        Check.Close([NaN, NaN, 1.0], xn.Quantile(0.5, 1, interpolation: "lower"));
        Check.Close([2.0], xn.Nanquantile(0.5).Reshape(1));
        var xr = xn.Clone().RequiresGrad_();
        var y = xr.Nanquantile(0.4, 1);
        Assert.Equal("SqueezeBackward4", y.GradFn!.Name);
        y.Sum().Backward();
        Check.Close([0.19999999999999996, 0.0, 0.0, 0.8, 1.0, 0.0, 0.0, 0.0, 0.0, 0.7999999999999998, 0.20000000000000018, 0.0], xr.Grad!, 1e-12);
    }

    [Fact]
    public void QuantileMessagesMatchPyTorch()
    {
        var x = Check.Det([3, 4], 0.7);
        string Message(Func<Tensor> f) => Assert.Throws<ArgumentException>(() => f()).Message;
        Assert.Equal("quantile() q must be in the range [0, 1] but got 1.5", Message(() => x.Quantile(1.5)));
        Assert.Equal("quantile() q must be in the range [0, 1] but got 1.5", Message(() => x.Nanquantile(1.5)));
        Assert.Equal("quantile() q values must be in the range [0, 1]", Message(() => x.Quantile(Check.F64([0.5, -0.1], 2))));
        Assert.Equal("quantile() input tensor must be either float or double dtype", Message(() => Check.I64(1, 2).Quantile(0.5)));
        Assert.Equal("quantile() q tensor must be same dtype as the input tensor", Message(() => x.Quantile(Check.F32([0.5f], 1))));
        Assert.Equal("quantile() q must be a scalar or 1D tensor", Message(() => x.Quantile(Check.F64([0.5], 1, 1))));
        Assert.Equal("quantile() input tensor must be non-empty", Message(() => Tensor.Zeros([0]).Quantile(0.5)));
        Assert.Equal("quantile() input tensor must be non-empty", Message(() => Tensor.Zeros([0, 3]).Nanquantile(0.5, 1)));
        Assert.Equal("quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got foo", Message(() => x.Quantile(0.5, interpolation: "foo")));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.Throws<ArgumentOutOfRangeException>(() => x.Quantile(0.5, 2)).Message);
    }

    [Fact]
    public void ModeMatchesPyTorch()
    {
        (double, long) Mode1(params double[] v)
        {
            var (values, indices) = Check.F64(v, v.Length).Mode();
            return (values.Item<double>(), indices.Item<long>());
        }
        Assert.Equal((2.0, 2L), Mode1(1, 2, 2, 3, 3));
        Assert.Equal((2.0, 3L), Mode1(3, 3, 2, 2, 1));
        Assert.Equal((1.0, 3L), Mode1(5, 1, 5, 1, 7));
        Assert.Equal((2.0, 2L), Mode1(2, 2, 2));
        Assert.Equal((4.0, 0L), Mode1(4));
        Assert.Equal((1.0, 4L), Mode1(1, 1, 2, 2, 1, 2));
        var zeros = Check.F64([-0.0, 0.0, -0.0, 0.0, 0.0], 5).Mode();
        Assert.False(double.IsNegative(zeros.Values.Item<double>()));
        Assert.Equal(4L, zeros.Indices.Item<long>());

        var m = Check.F64([1.0, 2.0, 2.0, 1.0, 3.0, 3.0, NaN, NaN, NaN, 0.0, NaN, 0.0], 3, 4).RequiresGrad_();
        var (mv, mi) = m.Mode(1);
        Assert.Equal("ModeBackward0", mv.GradFn!.Name);
        Check.Close([1.0, 3.0, NaN], mv);
        Assert.Equal(new long[] { 3, 1, 0 }, mi.ToArray<long>());
        mv.Backward(Check.F64([1.0, 2.0, 3.0], 3));
        Check.Close([0.0, 0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0], m.Grad!, 0);
        var (kv, ki) = Tensor.Mode(m.Detach(), 0, keepDim: true);
        Assert.Equal([1, 4], kv.Shape);
        Check.Close([1.0, 0.0, 2.0, 0.0], kv);
        Assert.Equal(new long[] { 0, 2, 0, 2 }, ki.ToArray<long>());

        var (iv, ii) = Tensor.FromArray(new long[] { 3, 1, 3, 2, 2, 5 }, [2, 3]).Mode(1);
        Assert.Equal(DType.Int64, iv.DType);
        Assert.Equal(new long[] { 3, 2 }, iv.ToArray<long>());
        Assert.Equal(new long[] { 2, 1 }, ii.ToArray<long>());
        var (bv, bi) = Tensor.FromArray(new[] { true, false, true }).Mode();
        Assert.Equal(DType.Bool, bv.DType);
        Assert.True(bv.Item<bool>());
        Assert.Equal(2L, bi.Item<long>());
        var (sv, si) = Tensor.Scalar(5.0).Mode();
        Assert.Empty(sv.Shape);
        Assert.Equal(0L, si.Item<long>());
        Assert.Equal([0], Tensor.Zeros([0, 3]).Mode(1).Values.Shape);
        Assert.StartsWith("mode(): Expected reduction dim 0 to have non-zero size.", Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros([0, 3]).Mode(0)).Message);
    }

    [Fact]
    public void ModeOfLongSlicesMatchesStdSort()
    {
        // introsort partitions slices over 16 elements before the final insertion sort; the oracle's answers
        var data = Enumerable.Range(0, 40).Select(i => (double)((i * 7) % 5)).ToArray();
        var (v, i) = Check.F64(data, 40).Mode();
        Assert.Equal(0.0, v.Item<double>());
        Assert.Equal(0L, i.Item<long>()); // not the last 0: introsort is unstable
        double[] random = [1.0, 4.0, 6.0, 6.0, 6.0, 0.0, 2.0, 0.0, 3.0, 6.0, 3.0, 3.0, 5.0, 3.0, 6.0, 1.0, 0.0, 3.0, 0.0, 6.0, 3.0, 3.0, 4.0, 6.0, 6.0, 0.0, 5.0, 3.0, 2.0, 5.0, 6.0, 1.0, 4.0, 0.0, 2.0, 0.0, 0.0, 0.0, 5.0, 4.0, 0.0, 3.0, 5.0, 1.0, 3.0, 5.0, 0.0, 4.0, 1.0, 6.0, 3.0, 3.0, 4.0, 1.0, 2.0, 1.0, 5.0, 1.0, 6.0, 3.0, 2.0, 0.0, 3.0, 6.0, 4.0, 5.0, 0.0, 1.0, 5.0, 5.0, 6.0, 2.0, 0.0, 5.0, 2.0, 5.0, 5.0, 4.0, 3.0, 4.0, 6.0, 5.0, 1.0, 2.0, 2.0, 4.0, 3.0, 6.0, 4.0, 3.0, 4.0, 6.0, 0.0, 3.0, 1.0, 5.0, 6.0, 3.0, 3.0, 5.0];
        (v, i) = Check.F64(random, 100).Mode();
        Assert.Equal(3.0, v.Item<double>());
        Assert.Equal(89L, i.Item<long>());
    }

    [Fact]
    public void MsortAndArgwhereMatchPyTorch()
    {
        var ms = Check.Det([3, 2], 0.9).RequiresGrad_();
        var y = ms.Msort();
        Assert.Equal("SortBackward0", y.GradFn!.Name);
        Check.Close([-0.896758416334147, -0.9040721420170612, -0.2272020946930871, -0.2107957994307797, 1.0, 0.6216099682706644], y, 1e-12);
        y.Backward(Check.Det([3, 2], 0.3));
        Check.Close([0.3623577544766736, 0.0707372016677029, 0.8253356149096783, 0.955336489125606, 1.0, 0.6216099682706645], ms.Grad!, 1e-12);
        Check.Close([1.0, 3.0, NaN], Tensor.Msort(Check.F32([3f, float.NaN, 1f], 3)));

        var a = Check.F32([0f, 1f, float.NaN, 0f, -0f, 2f], 2, 3);
        var w = a.Argwhere();
        Assert.Equal(DType.Int64, w.DType);
        Assert.Equal([3, 2], w.Shape);
        Assert.Equal(new long[] { 0, 1, 0, 2, 1, 2 }, w.ToArray<long>());
        Assert.Equal([1, 0], Tensor.Argwhere(Tensor.Scalar(3.0)).Shape);
        Assert.Equal([0, 0], Tensor.Scalar(0.0).Argwhere().Shape);
        Assert.False(a.Clone().RequiresGrad_().Argwhere().RequiresGrad);
    }

    [Fact]
    public void QGetsAGradientInLinearModeOnly()
    {
        // PyTorch 2.6: the linear weights are (q * scale) - floor, so q's gradient is (above - below) * scale; the rounded
        // ranks of the other modes leave q out of the graph.
        Tensor X() => Check.F64([0.5, 2.0, -1.0, 3.0, 1.0, NaN, 4.0, 0.0, 2.0, 2.5, 7.0, -3.0], 3, 4).RequiresGrad_();
        var upstream = Check.F64([1, 2, 3, 0.5, -1, 2], 2, 3);
        var x = X();
        var q = Check.F64([0.2, 0.75], 2).RequiresGrad_();
        x.Quantile(q, 1).Backward(upstream);
        Check.Close([49.5, 28.5], q.Grad!, 1e-12);
        Check.Close([0.6, 0.375, 0.4, 0.125, 0, 1, 0, 0, 1.8, 1.5, 0.5, 1.2], x.Grad!, 1e-12);
        foreach (var mode in new[] { "midpoint", "lower", "higher", "nearest" })
        {
            q = Check.F64([0.2, 0.75], 2).RequiresGrad_();
            X().Quantile(q, 1, interpolation: mode).Backward(upstream);
            Assert.Null(q.Grad);
        }
        var q0 = Tensor.Scalar(0.4, DType.Float64).RequiresGrad_();
        x = X();
        x.Nanquantile(q0, 1).Sum().Backward();
        Assert.Equal(8.0, q0.Grad!.Item<double>(), 12);
        Check.Close([0.8, 0.2, 0, 0, 0.8, 0, 0, 0.2, 0.8, 0.2, 0, 0], x.Grad!, 1e-12);
        // A slice with NaN pins quantile's rank to the last; q then reaches the result with a zero gradient.
        q0 = Tensor.Scalar(0.4, DType.Float64).RequiresGrad_();
        X().Quantile(q0).Backward();
        Assert.Equal(0.0, q0.Grad!.Item<double>());
        Assert.True(Autograd.GradCheck(t => Check.Det([3, 5], 0.3).Quantile(t[0], 1), [Check.F64([0.15, 0.6], 2).RequiresGrad_()]));
    }
}
