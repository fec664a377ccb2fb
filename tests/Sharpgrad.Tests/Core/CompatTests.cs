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

/// <summary>tensor.data against detach(): the version counter is not shared (PyTorch 2.6's values and messages).</summary>
public class DataPropertyTests
{
    [Fact]
    public void DataWritesGoUnseenByTheGraphWhereDetachedOnesDoNot()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        var y = x.Exp();
        var d = y.Data;
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        Assert.Equal(0, d.Version);
        d.Mul_(2);
        Assert.Equal(1, d.Version);
        Assert.Equal(0, y.Version);
        NN.Check.Close([5.4365637, 14.778112], y, 1e-6);
        y.Sum().Backward(retainGraph: true); // no error: the graph never saw the write (and uses the doubled result)
        NN.Check.Close([5.4365637, 14.778112], x.Grad!, 1e-6);

        var dd = y.Detach();
        dd.Mul_(2);
        Assert.Equal(1, dd.Version);
        Assert.Equal(1, y.Version);
        Check.Throws<InvalidOperationException>("one of the variables needed for gradient computation has been modified by an inplace operation", () => y.Sum().Backward());
    }

    [Fact]
    public void SettingDataKeepsTheTensorsAutogradIdentity()
    {
        var x = Tensor.FromArray(new[] { 1f, 2f }, requiresGrad: true);
        x.Data = Tensor.FromArray(new[] { 5f, 6f });
        NN.Check.Close([5, 6], x, 0);
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        Check.Throws<InvalidOperationException>("data set to a tensor that requires gradients must be floating point or complex dtype",
            () => x.Data = Tensor.FromArray(new long[] { 1, 2 }));
        x.Data = Tensor.FromArray(new[] { 1f, 2f, 3f });
        Check.Shape(x, 3);
        (x * x).Sum().Backward();
        NN.Check.Close([2, 4, 6], x.Grad!, 0);

        var layer = new Sharpgrad.NN.Linear(2, 1);
        var weight = layer.Weight;
        layer.Weight.Data = Tensor.Ones([1, 2]);
        Assert.Same(weight, layer.Weight);
        NN.Check.Close([3], layer.Forward(Tensor.FromArray(new[] { 1f, 2f }, [1, 2])) - layer.Bias!, 1e-6);
    }
}
