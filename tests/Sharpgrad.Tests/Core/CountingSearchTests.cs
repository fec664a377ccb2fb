namespace Sharpgrad.Tests.Core;

/// <summary>bincount, histc, searchsorted and bucketize: PyTorch 2.6 values, result dtypes, edge cases and messages.</summary>
public class CountingSearchTests
{
    private static Tensor I64(params long[] v) => Tensor.FromArray(v);
    private static Tensor F32(params float[] v) => Tensor.FromArray(v);
    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 0);
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void BincountMatchesPyTorch()
    {
        var c = I64(1, 1, 3, 0).Bincount();
        Assert.Equal(DType.Int64, c.DType);
        Assert.Equal(new long[] { 1, 2, 0, 1 }, c.ToArray<long>());
        Assert.Equal(new long[] { 0, 2, 0, 1, 0, 0 }, I64(1, 1, 3).Bincount(minlength: 6).ToArray<long>());
        var w32 = I64(1, 1, 3).Bincount(F32(0.5f, 0.25f, 2.0f));
        Assert.Equal(DType.Float32, w32.DType);
        Close([0, 0.75, 0, 2], w32);
        Assert.Equal(DType.Float64, I64(1, 1, 3).Bincount(Tensor.FromArray(new[] { 0.5, 0.25, 2.0 })).DType);
        var wi = I64(1, 1, 3).Bincount(I64(5, 6, 7));
        Assert.Equal(DType.Float64, wi.DType);
        Close([0, 11, 0, 7], wi);
        Close([0, 1, 0, 1], I64(1, 1, 3).Bincount(Tensor.FromArray(new[] { true, false, true })));
        // Float32 weights sum in Float32
        Close([0.10000000149011612, 0.8999999761581421], I64(0, 1, 1, 1).Bincount(F32(0.1f, 0.2f, 0.3f, 0.4f)));
        Assert.Equal([0], Tensor.Zeros([0], DType.Int64).Bincount().Shape);
        Assert.Equal(new long[] { 0, 0, 0 }, Tensor.Zeros([0], DType.Int64).Bincount(minlength: 3).ToArray<long>());
        var ew = Tensor.Zeros([0], DType.Int64).Bincount(Tensor.Zeros([0]), 2);
        Assert.Equal(DType.Int64, ew.DType);
        Assert.Equal(new long[] { 0, 0 }, ew.ToArray<long>());

        var wg = F32(0.5f, 0.25f, 2.0f).RequiresGrad_();
        var r = I64(1, 1, 3).Bincount(wg);
        Assert.Equal("torch::autograd::NotImplemented", r.GradFn!.Name);
        Assert.Equal("derivative for aten::bincount is not implemented", Message<InvalidOperationException>(() => { r.Sum().Backward(); return r; }));

        const string OneD = "bincount only supports 1-d non-negative integral inputs.";
        Assert.Equal(OneD, Message<ArgumentException>(() => I64(1, -1, 3).Bincount()));
        Assert.Equal(OneD, Message<ArgumentException>(() => I64(1, 2).View(1, 2).Bincount()));
        Assert.Equal(OneD, Message<ArgumentException>(() => Tensor.Scalar(1, DType.Int64).Bincount()));
        Assert.Equal(OneD, Message<ArgumentException>(() => I64(1, 2).View(1, 2).Bincount(F32(1f))));
        Assert.Equal("\"bincount_cpu\" not implemented for 'Float'", Message<ArgumentException>(() => F32(1f, 2f).Bincount()));
        Assert.Equal("\"bincount_cpu\" not implemented for 'Bool'", Message<ArgumentException>(() => Tensor.FromArray(new[] { true }).Bincount()));
        Assert.Equal("minlength should be >= 0", Message<ArgumentException>(() => I64(1, -1).Bincount(minlength: -1)));
        Assert.Equal("weights should be 1-d and have the same length as input", Message<ArgumentException>(() => I64(1, 2).Bincount(F32(1f))));
        Assert.Equal("weights should be 1-d and have the same length as input", Message<ArgumentException>(() => I64(1, 2).Bincount(F32(1f, 2f).View(1, 2))));
    }

    [Fact]
    public void HistcMatchesPyTorch()
    {
        var h = F32(1, 2, 1, 2.5f, 4, 0, -1, 5, float.NaN).Histc(4, 0, 4);
        Assert.Equal(DType.Float32, h.DType);
        Close([1, 2, 2, 1], h);
        Close([2, 2, 2, 0, 2], F32(1, 2, 1, 2.5f, 4, 0, -1, 5).Histc(5));
        var h64 = Tensor.FromArray(new[] { 1.0, 2, 1, 2.5 }).Histc(3);
        Assert.Equal(DType.Float64, h64.DType);
        Close([2, 0, 2], h64);
        Close([0, 0, 3, 0], F32(2, 2, 2).Histc(4));
        Close([0, 0, 0], F32().Histc(3));
        Close([3, 0, 1], F32(0.1f, 0.2f, 0.3f, 0.9f).View(2, 2).Histc(3, 0, 1));
        Close([1, 1, 2], F32(0, 1 / 3f, 2 / 3f, 1).Histc(3, 0, 1));
        Close([1, 1, 1, 1, 0, 0, 0, 1, 0, 2], Tensor.FromArray(new[] { 0, 0.1, 0.2, 0.3, 0.7, 0.9, 1 }).Histc(10, 0, 1));
        Close([1, 1, 1, 1, 0, 0, 0, 1, 0, 2], F32(0, 0.1f, 0.2f, 0.3f, 0.7f, 0.9f, 1).Histc(10, 0, 1));
        Close([1, 1], Tensor.FromArray(new[] { 1.0, 2.0 }).Histc(2, 3, 3));
        Close([2, 0], Tensor.FromArray(new[] { 1.0, 2.0 }).Histc(2, 1e-5, 1e20));
        Assert.False(F32(1, 2).RequiresGrad_().Histc(3).RequiresGrad);

        Assert.Equal("\"histogram_cpu\" not implemented for 'Long'", Message<ArgumentException>(() => I64(1, 2).Histc(3)));
        Assert.Equal("torch.histogram(): bins must be > 0, but got 0 for dimension 0", Message<ArgumentException>(() => F32(1, 2).Histc(0)));
        Assert.Equal("torch.histogram(): bins must be > 0, but got -3 for dimension 0", Message<ArgumentException>(() => F32(1, 2).Histc(-3)));
        Assert.Equal("torch.histc: max must be larger than min", Message<ArgumentException>(() => F32(1, 2).Histc(3, 2, 1)));
        Assert.Equal("torch.histc: range of [1, inf] is not finite", Message<ArgumentException>(() => F32(1, float.PositiveInfinity).Histc(3)));
        Assert.Equal("torch.histc: range of [-nan, -nan] is not finite", Message<ArgumentException>(() => F32(1, float.NaN).Histc(3)));
        Assert.Equal("torch.histc: range of [nan, 1] is not finite", Message<ArgumentException>(() => F32(1, 2).Histc(3, double.NaN, 1)));
        Assert.Equal("torch.histc: range of [2.5, inf] is not finite", Message<ArgumentException>(() => F32(1, 2).Histc(2, 2.5, double.PositiveInfinity)));
    }

    [Fact]
    public void SearchSortedAndBucketizeMatchPyTorch()
    {
        var seq = F32(1, 3, 5, 7, 9);
        var v = F32(3, 6, 9, 3, 6, 10).View(2, 3);
        var left = Tensor.SearchSorted(seq, v);
        Assert.Equal(DType.Int64, left.DType);
        Assert.Equal([2, 3], left.Shape);
        Assert.Equal(new long[] { 1, 3, 4, 1, 3, 5 }, left.ToArray<long>());
        Assert.Equal(new long[] { 2, 3, 5, 2, 3, 5 }, Tensor.SearchSorted(seq, v, right: true).ToArray<long>());
        Assert.Equal(new long[] { 2, 3, 5, 2, 3, 5 }, Tensor.SearchSorted(seq, v, side: "right").ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 4, 1, 3, 5 }, Tensor.SearchSorted(seq, v, side: "left").ToArray<long>());
        var rows = F32(1, 3, 5, 7, 9, 2, 4, 6, 8, 10).View(2, 5);
        Assert.Equal(new long[] { 1, 3, 4, 1, 2, 4 }, Tensor.SearchSorted(rows, v).ToArray<long>());
        Assert.Equal(new long[] { 2, 3, 5, 1, 3, 5 }, Tensor.SearchSorted(rows, v, right: true).ToArray<long>());
        var nanSeq = F32(1, 2, float.NaN);
        Assert.Equal(new long[] { 3, 1, 3 }, Tensor.SearchSorted(nanSeq, F32(float.NaN, 2, 3)).ToArray<long>());
        Assert.Equal(new long[] { 3, 3, 3 }, Tensor.SearchSorted(nanSeq, F32(float.NaN, 2, 3), right: true).ToArray<long>());
        var s = Tensor.SearchSorted(seq, 4.0);
        Assert.Empty(s.Shape);
        Assert.Equal(2L, s.Item<long>());
        Assert.Equal(2L, Tensor.SearchSorted(seq, Tensor.Scalar(4.0f)).Item<long>());
        Assert.Equal(new long[] { 1 }, Tensor.SearchSorted(I64(1, 2, 2, 2, 3), I64(2)).ToArray<long>());
        Assert.Equal(new long[] { 4 }, Tensor.SearchSorted(I64(1, 2, 2, 2, 3), I64(2), right: true).ToArray<long>());
        Assert.Equal(new long[] { 1, 2 }, Tensor.SearchSorted(F32(5, 1, 3), F32(2, 4), sorter: I64(1, 2, 0)).ToArray<long>());
        Assert.Equal(new long[] { 1, 1 }, Tensor.SearchSorted(I64(1, 3, 5), F32(2.5f, 3)).ToArray<long>());
        Assert.Equal(new long[] { 1, 1 }, Tensor.SearchSorted(I64(1, 3, 5), I64(2, 3)).ToArray<long>());
        Assert.Equal(new long[] { 1 }, Tensor.SearchSorted(Tensor.FromArray(new[] { 1.0, 3.0 }), F32(2)).ToArray<long>());
        Assert.Equal(new long[] { 2 }, Tensor.SearchSorted(Tensor.FromArray(new[] { true, false }), F32(1)).ToArray<long>());
        Assert.Equal(new long[] { 0 }, Tensor.SearchSorted(F32(1, 2), Tensor.FromArray(new[] { true })).ToArray<long>());
        Assert.Equal(new long[] { 0, 0 }, Tensor.SearchSorted(F32(), F32(1, 2)).ToArray<long>());
        Assert.Equal(new long[] { 0, 0 }, Tensor.SearchSorted(Tensor.Zeros([2, 0]), F32(1, 2).View(2, 1)).ToArray<long>());
        Assert.False(Tensor.SearchSorted(F32(1, 3).RequiresGrad_(), F32(2).RequiresGrad_()).RequiresGrad);

        Assert.Equal(new long[] { 1, 3, 4, 1, 3, 5 }, v.Bucketize(seq).ToArray<long>());
        Assert.Equal(new long[] { 2, 3, 5, 2, 3, 5 }, Tensor.Bucketize(v, seq, right: true).ToArray<long>());
        Assert.Equal(2L, Tensor.Bucketize(Tensor.Scalar(4.0f), seq).Item<long>());
        Assert.Equal(2L, Tensor.Bucketize(4.0, seq).Item<long>());

        Assert.StartsWith("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor [2, 5] and input value tensor [2]",
            Message<ArgumentException>(() => Tensor.SearchSorted(rows, F32(3, 4))));
        Assert.StartsWith("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor [2, 5] and input value tensor [3, 1]",
            Message<ArgumentException>(() => Tensor.SearchSorted(rows, F32(3, 4, 5).View(3, 1))));
        Assert.StartsWith("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True",
            Message<ArgumentException>(() => Tensor.SearchSorted(seq, v, right: true, side: "left")));
        Assert.Equal("torch.searchsorted(): side can only be 'left' or 'right' but got middle", Message<ArgumentException>(() => Tensor.SearchSorted(seq, v, side: "middle")));
        Assert.Equal("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension", Message<ArgumentException>(() => Tensor.SearchSorted(Tensor.Scalar(1f), v)));
        Assert.StartsWith("torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor [2]and got sorter tensor [1]",
            Message<ArgumentException>(() => Tensor.SearchSorted(F32(1, 2), F32(1), sorter: I64(0))));
        Assert.Equal("\"searchsorted_out_cpu\" not implemented for 'Bool'",
            Message<ArgumentException>(() => Tensor.SearchSorted(Tensor.FromArray(new[] { false, true }), Tensor.FromArray(new[] { true }))));
        Assert.Equal("boundaries tensor must be 1 dimension, but got dim(2)", Message<ArgumentException>(() => v.Bucketize(rows)));
        Assert.Equal("boundaries tensor must be 1 dimension, but got dim(0)", Message<ArgumentException>(() => v.Bucketize(Tensor.Scalar(1f))));
    }
}
