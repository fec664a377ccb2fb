namespace Sharpgrad.Tests.Core;

public class CreationTests
{
    [Fact]
    public void ZerosOnesFull()
    {
        Check.Values(new float[6], Tensor.Zeros([2, 3]), 2, 3);
        Assert.Equal(DType.Float32, Tensor.Zeros([2]).DType);
        Check.Values(new[] { 1L, 1, 1 }, Tensor.Ones([3], DType.Int64), 3);
        Check.Values(new[] { true, true }, Tensor.Ones([2], DType.Bool), 2);
        Check.Values(new[] { 2.5, 2.5 }, Tensor.Full([1, 2], 2.5, DType.Float64), 1, 2);
        Check.Values(new[] { 3L, 3 }, Tensor.Full([2], 3, DType.Int64), 2);
        // C# cannot tell 3 from 3.0: Full's dtype is Float32 unless given (PyTorch full((2,),3) -> int64).
        Assert.Equal(DType.Float32, Tensor.Full([2], 3).DType);
        Check.Values(new float[0], Tensor.Zeros([2, 0]), 2, 0);
        var s = Tensor.Zeros([]);
        Assert.Equal(0, s.Dim);
        Assert.Equal(1, s.NumElements);
    }

    [Fact]
    public void Arange()
    {
        // FACTS sec 4: integer arguments -> int64, any floating argument -> float32 (default dtype);
        // in C# the overload decides: Arange(0, 5) is integral, Arange(0, 5.0) is floating
        var a = Tensor.Arange(5);
        Assert.Equal(DType.Int64, a.DType);
        Check.Values(new long[] { 0, 1, 2, 3, 4 }, a, 5);
        Check.Values(new long[] { 0, 3, 6, 9 }, Tensor.Arange(0, 10, 3), 4);
        Check.Values(new long[] { 5, 4, 3, 2, 1 }, Tensor.Arange(5, 0, -1), 5);
        var f = Tensor.Arange(0, 1, 0.25);
        Assert.Equal(DType.Float32, f.DType);
        Check.Values(new float[] { 0, 0.25f, 0.5f, 0.75f }, f, 4);
        Check.Values(new float[] { 0, 0.3f, 0.6f, 0.9f }, Tensor.Arange(0, 1.0, 0.3), 4);
        Check.Values(new float[] { 1, 1.5f, 2 }, Tensor.Arange(1, 2.5, 0.5), 3);
        Check.Values(new float[] { 0, -0.25f, -0.5f, -0.75f }, Tensor.Arange(0, -1, -0.25), 4);
        // torch.arange(5.5) -> float32 0..5
        Check.Values(new float[] { 0, 1, 2, 3, 4, 5 }, Tensor.Arange(0, 5.5), 6);
        Assert.Equal(DType.Float32, Tensor.Arange(0, 5.0).DType);
        var empty = Tensor.Arange(0, 0, 1);
        Assert.Equal(DType.Int64, empty.DType);
        Assert.Equal("tensor([], dtype=torch.int64)", empty.ToString());
        // an explicit dtype wins: the way to get torch.arange(5.) in C#
        Check.Values(new double[] { 0, 1, 2 }, Tensor.Arange(3, DType.Float64), 3);
        Assert.Equal("tensor([0., 1., 2.])", Tensor.Arange(0, 3, 1, DType.Float32).ToString());
    }

    [Fact]
    public void LinspaceAndEye()
    {
        var l = Tensor.Linspace(0, 1, 5);
        Assert.Equal(DType.Float32, l.DType);
        Check.Values(new float[] { 0, 0.25f, 0.5f, 0.75f, 1 }, l, 5);
        Assert.Equal("tensor([-1.0000, -0.3333,  0.3333,  1.0000])", Tensor.Linspace(-1, 1, 4).ToString());
        Assert.Equal("tensor([ 0.0000,  1.6667,  3.3333,  5.0000,  6.6667,  8.3333, 10.0000])", Tensor.Linspace(0, 10, 7).ToString());
        Assert.Equal("tensor([2.])", Tensor.Linspace(2, 2, 1).ToString());
        Assert.Equal("tensor([])", Tensor.Linspace(0, 1, 0).ToString());
        Check.Values(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, Tensor.Eye(3), 3, 3);
        Check.Values(new long[] { 1, 0, 0, 1 }, Tensor.Eye(2, DType.Int64), 2, 2);
    }

    [Fact]
    public void ScalarAndItem()
    {
        var s = Tensor.Scalar(3.5);
        Assert.Equal(0, s.Dim);
        Assert.Equal(DType.Float32, s.DType);
        Assert.Equal(3.5f, s.Item<float>());
        Assert.Equal(3.5, s.Item());
        Assert.Equal(3L, Tensor.Scalar(3.7).Item<long>()); // conversion truncates, as tensor.long()
        Assert.True(Tensor.Scalar(1, DType.Bool).Item<bool>());
        Assert.Equal(7L, Tensor.Scalar(7, DType.Int64).Item<long>());
        // FACTS: torch.tensor([0.1]).item() -> 0.10000000149011612 (the float32 value, widened)
        Assert.Equal(0.10000000149011612, Tensor.FromArray(new float[] { 0.1f }).Item());
        Assert.Equal(2.5, Tensor.FromArray(new float[] { 2.5f }).Item());
        // item of a one-element view reads at the view's offset
        var t = Tensor.FromArray(new long[] { 10, 20, 30 });
        Assert.Equal(30L, t[2].Item<long>());
        Assert.Equal(20.0, t.Slice(0, 1, 2).Item());
    }

    [Fact]
    public void FromArrayAllDTypes()
    {
        var f = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal(DType.Float32, f.DType);
        Check.Values(new float[] { 1, 2, 3, 4, 5, 6 }, f, 2, 3);
        Assert.Equal([3, 1], f.Stride.ToArray());
        var d = Tensor.FromArray(new double[] { 1.5, -2 });
        Assert.Equal(DType.Float64, d.DType);
        Check.Values(new[] { 1.5, -2 }, d, 2);
        var l = Tensor.FromArray(new long[] { long.MaxValue, long.MinValue });
        Assert.Equal(DType.Int64, l.DType);
        Check.Values(new[] { long.MaxValue, long.MinValue }, l, 2);
        var b = Tensor.FromArray(new[] { true, false, true }, [3, 1]);
        Assert.Equal(DType.Bool, b.DType);
        Check.Values(new[] { true, false, true }, b, 3, 1);
        // FromArray copies: changing the array later does not change the tensor
        var src = new float[] { 1, 2 };
        var c = Tensor.FromArray(src);
        src[0] = 99;
        Assert.Equal(1f, c[0].Item<float>());
        var rg = Tensor.FromArray(new double[] { 1 }, requiresGrad: true);
        Assert.True(rg.RequiresGrad);
        Assert.True(rg.IsLeaf);
    }

    [Fact]
    public void ConversionsBetweenDTypes()
    {
        var f = Tensor.FromArray(new float[] { 1.7f, -1.7f, 0, 2 });
        Check.Values(new long[] { 1, -1, 0, 2 }, f.To(DType.Int64), 4);
        Check.Values(new[] { true, true, false, true }, f.To(DType.Bool), 4);
        Check.Values(new[] { 1f, 0f }, Tensor.FromArray(new[] { true, false }).To(DType.Float32), 2);
        Assert.Equal(new long[] { 1, -1, 0, 2 }, f.ToArray<long>());
        Assert.Equal(new double[] { 1, 0 }, Tensor.FromArray(new[] { true, false }).ToArray<double>());
        Assert.Same(f, f.To(DType.Float32));
    }

    [Fact]
    public void FromSpanCopiesAndChecksSize()
    {
        ReadOnlySpan<double> span = [1, 2, 3, 4];
        var t = Tensor.FromSpan(span, [2, 2]);
        Check.Values(new double[] { 1, 2, 3, 4 }, t, 2, 2);
        Check.Throws<ArgumentException>("shape '[3]' is invalid for input of size 4", () => Tensor.FromSpan<double>([1, 2, 3, 4], [3]));
        Assert.Equal(DType.Int32, Tensor.FromSpan<int>([1, 2], [2]).DType);
        Assert.Equal(DType.Int16, Tensor.FromSpan<short>([1, 2], [2]).DType);
        Assert.Throws<ArgumentException>(() => Tensor.FromSpan<ushort>([1, 2], [2]));
    }

    [Fact]
    public void WrapIsZeroCopyBothWays()
    {
        var data = new float[] { 1, 2, 3, 4, 5, 6 };
        var t = Tensor.Wrap(data, [2, 3]);
        Check.Values(new float[] { 1, 2, 3, 4, 5, 6 }, t, 2, 3);
        data[4] = 50;                                   // array write seen by the tensor
        Assert.Equal(50f, t[1][1].Item<float>());
        t[0].Fill_(-1);                                 // tensor write seen by the array
        Assert.Equal(new float[] { -1, -1, -1, 4, 50, 6 }, data);
        Assert.Equal(1, t.Version);
        t.T.Mul_(2);                                    // through a transposed view too
        Assert.Equal(new float[] { -2, -2, -2, 8, 100, 12 }, data);
        t.Dispose();
        Assert.Equal(new float[] { -2, -2, -2, 8, 100, 12 }, data); // disposing never recycles a wrapped array
        var l = Tensor.Wrap(new long[] { 7, 8 });
        Check.Values(new long[] { 7, 8 }, l, 2);
        Check.Throws<ArgumentException>("shape '[4]' is invalid for input of size 3", () => Tensor.Wrap(new double[3], [4]));
    }

    [Fact]
    public void CopyToAndToArrayOnViews()
    {
        var t = Tensor.Arange(0, 6, 1, DType.Float32).View(2, 3);
        var dst = new float[8];
        t.T.CopyTo<float>(dst);                         // logical row-major order of the transposed view
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5, 0, 0 }, dst);
        var ints = new long[6];
        t.CopyTo<long>(ints);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, ints);
        Assert.Throws<ArgumentException>(() => t.CopyTo<float>(new float[5]));
        Assert.Equal(new float[] { 1, 4 }, t.Select(1, 1).ToArray<float>());
        Assert.Equal(new double[] { 2, 5 }, t.Slice(1, 2, 3).ToArray<double>());
    }

    [Fact]
    public void LikeConstructors()
    {
        var t = Tensor.FromArray(new long[] { 1, 2, 3 }, [3, 1]);
        Check.Values(new long[3], Tensor.ZerosLike(t), 3, 1);
        Check.Values(new long[] { 1, 1, 1 }, Tensor.OnesLike(t), 3, 1);
        Check.Values(new double[] { 1, 1, 1 }, Tensor.OnesLike(t, DType.Float64), 3, 1);
        var r = Tensor.RandnLike(Tensor.Zeros([4, 2], DType.Float64));
        Assert.Equal(DType.Float64, r.DType);
        Check.Shape(r, 4, 2);
    }

    [Fact]
    public void RandnStatistics()
    {
        var x = Tensor.Randn([100_000], DType.Float64).ToArray<double>();
        double mean = x.Average();
        double std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        Assert.InRange(mean, -0.02, 0.02);   // 6 standard errors
        Assert.InRange(std, 0.98, 1.02);
        double within1 = x.Count(v => Math.Abs(v) < 1) / (double)x.Length;
        Assert.InRange(within1, 0.67, 0.695); // 0.6827 for a normal
        Assert.Equal(x.Length, x.Distinct().Count());
    }

    [Fact]
    public void RandIsInUnitInterval()
    {
        var x = Tensor.Rand([100_000]).ToArray<float>();
        Assert.All(x, v => Assert.True(v >= 0f && v < 1f, $"{v} not in [0, 1)"));
        Assert.InRange(x.Average(), 0.49, 0.51);
        Assert.InRange(x.Count(v => v < 0.1f) / (double)x.Length, 0.095, 0.105);
        var d = Tensor.Zeros([1000], DType.Float64).Uniform_(-2, 3).ToArray<double>();
        Assert.All(d, v => Assert.InRange(v, -2, 3));
        Assert.True(d.Min() < -1.9 && d.Max() > 2.9);
    }

    [Fact]
    public void NegativeSizesAreRejected()
    {
        Check.Throws<ArgumentException>("Trying to create tensor with negative dimension -1: [-1]", () => Tensor.Zeros([-1]));
        Check.Throws<ArgumentException>("Trying to create tensor with negative dimension -1: [-1, 2]", () => Tensor.Randn([-1, 2]));
        Check.Throws<ArgumentException>("upper bound and larger bound inconsistent with step sign", () => Tensor.Arange(0, 5, -1));
        Check.Throws<ArgumentException>("upper bound and larger bound inconsistent with step sign", () => Tensor.Arange(5, 0, 1));
        Check.Throws<ArgumentException>("step must be nonzero", () => Tensor.Arange(0, 5, 0));
    }

    [Fact]
    public void IntArangeBindsAsIntegers()
    {
        // A literal 0 converts to the DType enum: Arange(0, 0) once bound to Arange(end, dtype) and gave [].
        var empty = Tensor.Arange(0, 0);
        Assert.Equal(DType.Int64, empty.DType);
        Assert.Equal([0], empty.Shape);
        Assert.Equal(new long[] { 0, 1, 2 }, Tensor.Arange(0, 3).ToArray<long>());
        Assert.Equal(new long[] { 4, 2 }, Tensor.Arange(4, 0, -2).ToArray<long>());
        Assert.Equal(DType.Float32, Tensor.Arange(0, 3, 1, DType.Float32).DType);
        Assert.Equal(DType.Float32, Tensor.Arange(0.0, 1.0, 0.5).DType);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, Tensor.Arange(5).ToArray<long>());
    }
}
