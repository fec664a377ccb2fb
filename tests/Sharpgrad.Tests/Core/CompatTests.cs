namespace Sharpgrad.Tests.Core;

/// <summary>angle, isreal, tolist, resize_, set_, narrow_copy and the CPU facts: PyTorch 2.6's values and messages.</summary>
public class CompatTests
{
    [Fact]
    public void AngleOfRealNumbers()
    {
        NN.Check.Close([0, 0, 0, 0], Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, [2, 2]).Angle().Reshape(-1), 0);
        Check.Values(new[] { (float)Math.PI, 0f, float.NaN, 0f }, Tensor.FromArray(new[] { -1f, 0f, float.NaN, 2f }).Angle(), 4);
        var ints = Tensor.FromArray(new long[] { -1, 0, 3 }).Angle();
        Assert.Equal(DType.Float32, ints.DType);
        Check.Values(new[] { (float)Math.PI, 0f, 0f }, ints, 3);
        var a = Tensor.FromArray(new[] { -1.0, 0.0, 2.0 }, requiresGrad: true);
        var y = a.Angle();
        Assert.Equal("AngleBackward0", y.GradFn!.Name);
        y.Sum().Backward();
        NN.Check.Close([0, 0, 0], a.Grad!, 0);
        Check.Values(new[] { true, true }, Tensor.FromArray(new[] { 1f, -2f }).IsReal(), 2);
    }

    [Fact]
    public void NestedListsAndCpuFacts()
    {
        var t = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        var list = Assert.IsType<List<object>>(t.ToList());
        Assert.Equal(2, list.Count);
        Assert.Equal(new List<object> { 3f, 4f }, Assert.IsType<List<object>>(list[1]));
        Assert.Equal(3.5, Tensor.Scalar(3.5, DType.Float64).ToList());
        Assert.Equal(new List<object> { true }, Tensor.FromArray(new[] { true }).ToList());
        Assert.Equal(new List<object> { 7L }, Tensor.FromArray(new long[] { 7 }).ToList());
        Assert.Equal(new List<object> { (sbyte)-3 }, Tensor.FromArray(new sbyte[] { -3 }).ToList());
        Assert.Equal(new List<object> { (short)300 }, Tensor.FromArray(new short[] { 300 }).ToList());
        Assert.Same(t, t.Cpu());
        Assert.True(t.IsCpu);
        Assert.False(t.IsCuda || t.IsSparse || t.IsQuantized);
        Assert.Equal(-1, t.GetDevice());
        var copy = t.NarrowCopy(0, 1, 1);
        NN.Check.Close([3, 4], copy.Reshape(-1), 0);
        Assert.False(Check.SameStorage(t, copy));
        NN.Check.Close([0, -2], Tensor.FromArray(new[] { 1f, -2f }).Hardshrink(1.5), 0);
        NN.Check.Close([-0.25, 2], Tensor.FromArray(new[] { -1f, 2f }).Prelu(Tensor.FromArray(new[] { 0.25f })), 0);
    }

    [Fact]
    public void ResizeAndSetRePointTheTensor()
    {
        var r = Tensor.FromArray(new[] { 1f, 2f, 3f });
        Assert.Same(r, r.Resize_(2, 2));
        Check.Shape(r, 2, 2);
        NN.Check.Close([1, 2, 3], r.Reshape(-1).Narrow(0, 0, 3), 0);
        var r2 = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f });
        r2.Resize_(3);
        NN.Check.Close([1, 2, 3], r2, 0);
        var transposed = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, [2, 2]).T;
        transposed.Resize_(4); // the storage as it lies, as PyTorch: no element moves
        NN.Check.Close([1, 2, 3, 4], transposed, 0);
        r2.ResizeAs_(Tensor.Zeros([1, 2]));
        Check.Shape(r2, 1, 2);
        Check.Throws<InvalidOperationException>("cannot resize variables that require grad", () => Tensor.Zeros([1], requiresGrad: true).Resize_(2));
        Check.Throws<ArgumentException>("Trying to create tensor with negative dimension -1", () => r.Resize_(-1));

        var s = Tensor.FromArray(new[] { 1f, 2f });
        var source = Tensor.FromArray(new[] { 7f });
        Assert.Same(s, s.Set_(source));
        NN.Check.Close([7], s, 0);
        Assert.True(Check.SameStorage(s, source));
        source.Add_(1);
        NN.Check.Close([8], s, 0);
        Assert.Equal(source.Version, s.Version);
        Assert.Throws<InvalidOperationException>(() => s.Set_(Tensor.FromArray(new[] { 1.0 })));
    }
}
