namespace Sharpgrad.Tests.Core;

/// <summary>unique and unique_consecutive: PyTorch 2.6 values, Int64 inverse and counts (NaN, dims, empty), node names and messages.</summary>
public class UniqueTests
{
    private static Tensor Rows() => Tensor.FromArray(new long[] { 1, 2, 1, 0, 5, 0, 1, 2, 1, 0, 1, 0 }, [4, 3]);
    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 0);
    private static long[] L(Tensor? t) => t!.ToArray<long>();
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void EachNaNIsDistinctAndSortsLast()
    {
        var x = Tensor.FromArray(new[] { 3.0, 1, 2, 3, 1, double.NaN, 2, double.NaN });
        foreach (bool sorted in new[] { true, false })
        {
            var (v, inv, cnt) = x.Unique(sorted, returnInverse: true, returnCounts: true);
            Assert.Equal(DType.Float64, v.DType);
            Close([1, 2, 3, double.NaN, double.NaN], v);
            Assert.Equal(new long[] { 2, 0, 1, 2, 0, 3, 1, 4 }, L(inv));
            Assert.Equal(new long[] { 2, 2, 2, 1, 1 }, L(cnt));
        }
        var (only, none, noCounts) = x.Unique();
        Assert.Equal(5, only.Numel);
        Assert.Null(none);
        Assert.Null(noCounts);

        var ints = Tensor.FromArray(new long[] { 5, 1, 5, 2, 2, 9 }, [2, 3]);
        var (iv, ii, ic) = Tensor.Unique(ints, returnInverse: true, returnCounts: true);
        Assert.Equal(new long[] { 1, 2, 5, 9 }, L(iv));
        Assert.Equal([2, 3], ii!.Shape);
        Assert.Equal(new long[] { 2, 0, 2, 1, 1, 3 }, L(ii));
        Assert.Equal(new long[] { 1, 2, 2, 1 }, L(ic));

        var (bv, bi, bc) = Tensor.FromArray(new[] { true, false, true }).Unique(returnInverse: true, returnCounts: true);
        Assert.Equal(new[] { false, true }, bv.ToArray<bool>());
        Assert.Equal(new long[] { 1, 0, 1 }, L(bi));
        Assert.Equal(new long[] { 1, 2 }, L(bc));

        var (zv, _, zc) = Tensor.FromArray(new[] { 0.0f, -0.0f, 1.0f }).Unique(returnCounts: true);
        Close([0, 1], zv);
        Assert.Equal(new long[] { 2, 1 }, L(zc));
    }

    [Fact]
    public void SlicesAlongADim()
    {
        foreach (bool sorted in new[] { true, false })
        {
            var (v, inv, cnt) = Rows().Unique(sorted, true, true, dim: 0);
            Assert.Equal([3, 3], v.Shape);
            Assert.Equal(new long[] { 0, 1, 0, 0, 5, 0, 1, 2, 1 }, L(v));
            Assert.Equal(new long[] { 2, 1, 2, 0 }, L(inv));
            Assert.Equal(new long[] { 1, 1, 2 }, L(cnt));
        }
        foreach (int d in new[] { 1, -1 })
        {
            var (v, inv, cnt) = Rows().Unique(returnInverse: true, returnCounts: true, dim: d);
            Assert.Equal([4, 2], v.Shape);
            Assert.Equal(new long[] { 1, 2, 0, 5, 1, 2, 0, 1 }, L(v));
            Assert.Equal(new long[] { 0, 1, 0 }, L(inv));
            Assert.Equal(new long[] { 2, 1 }, L(cnt));
        }
        // NaN ties with anything in the lexicographic sort, but rows holding NaN never merge
        var f = Tensor.FromArray(new[] { 1.0, double.NaN, 1.0, double.NaN, 0.0, 2.0 }, [3, 2]);
        var (fv, fi, fc) = f.Unique(returnInverse: true, returnCounts: true, dim: 0);
        Close([0, 2, 1, double.NaN, 1, double.NaN], fv);
        Assert.Equal(new long[] { 1, 2, 0 }, L(fi));
        Assert.Equal(new long[] { 1, 1, 1 }, L(fc));
        var b = Tensor.FromArray(new[] { true, false, true, false, false, false }, [3, 2]);
        var (bv, bi, bc) = b.Unique(returnInverse: true, returnCounts: true, dim: 0);
        Assert.Equal(new[] { false, false, true, false }, bv.ToArray<bool>());
        Assert.Equal(new long[] { 1, 1, 0 }, L(bi));
        Assert.Equal(new long[] { 1, 2 }, L(bc));
        // a 3-D input: the other dims keep their order in each slice
        var c = Tensor.FromArray(new long[] { 0, 0, 1, 5, 5, 1, 0, 0 }, [2, 2, 2]);
        var (cv, ci, _) = c.Unique(returnInverse: true, dim: 2);
        Assert.Equal(new long[] { 0, 0, 1, 5, 5, 1, 0, 0 }, L(cv));
        Assert.Equal(new long[] { 0, 1 }, L(ci));
    }

    [Fact]
    public void Consecutive()
    {
        var (v, inv, cnt) = Tensor.FromArray(new long[] { 1, 1, 2, 2, 3, 1, 1, 2 }).UniqueConsecutive(true, true);
        Assert.Equal(new long[] { 1, 2, 3, 1, 2 }, L(v));
        Assert.Equal(new long[] { 0, 0, 1, 1, 2, 3, 3, 4 }, L(inv));
        Assert.Equal(new long[] { 2, 2, 1, 2, 1 }, L(cnt));
        var n = Tensor.FromArray(new[] { 3.0, 1, 2, 3, 1, double.NaN, 2, double.NaN }).UniqueConsecutive(true, true);
        Close([3, 1, 2, 3, 1, double.NaN, 2, double.NaN], n.Values);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, L(n.Inverse));
        var (rv, ri, rc) = Rows().UniqueConsecutive(true, true, dim: 0);
        Assert.Equal([4, 3], rv.Shape);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, L(ri));
        Assert.Equal(new long[] { 1, 1, 1, 1 }, L(rc));
        var (cv, ci, cc) = Tensor.FromArray(new long[] { 1, 1, 2, 3, 3, 4 }, [2, 3]).UniqueConsecutive(true, true, dim: 1);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, L(cv));
        Assert.Equal(new long[] { 0, 0, 1 }, L(ci));
        Assert.Equal(new long[] { 2, 1 }, L(cc));
        var (bv, bi, bc) = Tensor.FromArray(new[] { true, true, false }).UniqueConsecutive(true, true);
        Assert.Equal(new[] { true, false }, bv.ToArray<bool>());
        Assert.Equal(new long[] { 0, 0, 1 }, L(bi));
        Assert.Equal(new long[] { 2, 1 }, L(bc));
    }

    [Fact]
    public void ScalarEmptyGradAndMessages()
    {
        foreach (var r in new[] { Tensor.Scalar(3.0f).Unique(true, true, true), Tensor.Scalar(3.0f).UniqueConsecutive(true, true) })
        {
            Assert.Equal([1], r.Values.Shape);
            Assert.Empty(r.Inverse!.Shape);
            Assert.Equal(0L, r.Inverse.Item<long>());
            Assert.Equal(new long[] { 1 }, L(r.Counts));
        }
        var e = Tensor.Zeros([2, 0]).Unique(true, true, true);
        Assert.Equal([0], e.Values.Shape);
        Assert.Equal([2, 0], e.Inverse!.Shape);
        Assert.Equal(DType.Int64, e.Inverse.DType);
        Assert.Equal([0], e.Counts!.Shape);
        var ed = Tensor.Zeros([2, 0]).Unique(true, true, true, dim: 1);
        Assert.Equal([2, 0], ed.Values.Shape);
        Assert.Equal([0], ed.Inverse!.Shape);
        Assert.Equal([0, 2], Tensor.Zeros([0, 2]).Unique(dim: 0).Values.Shape);
        Assert.Equal([2, 0], Tensor.Zeros([2, 0]).UniqueConsecutive(dim: 1).Values.Shape);

        var u = Tensor.FromArray(new[] { 1.0f, 2, 2, 3 }).RequiresGrad_();
        var (uv, ui, _) = u.Unique(returnInverse: true);
        Assert.Equal("Unique2Backward0", uv.GradFn!.Name);
        Assert.False(ui!.RequiresGrad);
        Assert.Equal("the derivative for '_unique2' is not implemented.", Assert.Throws<InvalidOperationException>(() => uv.Sum().Backward()).Message);
        var m = Tensor.FromArray(new[] { 1.0f, 2, 1, 2 }, [2, 2]).RequiresGrad_();
        var md = m.Unique(dim: 0).Values;
        Assert.Equal("UniqueDimBackward0", md.GradFn!.Name);
        Assert.Equal("the derivative for 'unique_dim' is not implemented.", Assert.Throws<InvalidOperationException>(() => md.Sum().Backward()).Message);
        foreach (var c in new[] { u.UniqueConsecutive().Values, m.UniqueConsecutive(dim: 0).Values })
        {
            Assert.Equal("UniqueConsecutiveBackward0", c.GradFn!.Name);
            Assert.Equal("the derivative for 'unique_consecutive' is not implemented.", Assert.Throws<InvalidOperationException>(() => c.Sum().Backward()).Message);
        }

        Assert.Equal("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied",
            Message<InvalidOperationException>(() => Tensor.Zeros([0, 2]).Unique(dim: 1)));
        Assert.Equal("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied",
            Message<InvalidOperationException>(() => Tensor.Zeros([0, 2]).UniqueConsecutive(dim: 1)));
        Assert.Equal("Number of zero sized dimensions is more than one, so unique cannot be applied ",
            Message<InvalidOperationException>(() => Tensor.Zeros([0, 0]).Unique(dim: 0)));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => Rows().Unique(dim: 2)));
        Assert.StartsWith("Dimension specified as 0 but tensor has no dimensions", Message<ArgumentOutOfRangeException>(() => Tensor.Scalar(3.0).Unique(dim: 0)));
        Assert.StartsWith("Dimension specified as 0 but tensor has no dimensions", Message<ArgumentOutOfRangeException>(() => Tensor.Scalar(3.0).UniqueConsecutive(dim: 0)));
    }
}
