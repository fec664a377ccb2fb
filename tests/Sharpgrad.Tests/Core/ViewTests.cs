namespace Sharpgrad.Tests.Core;

/// <summary>Views share storage and the version counter with their base; writes through either side are seen by both.</summary>
public class ViewTests
{
    private static Tensor A23() => Tensor.Arange(0, 6, 1, DType.Float32).View(2, 3);

    internal static void AssertView(Tensor baseT, Tensor view)
    {
        Assert.True(view.IsView);
        Assert.True(Check.SameStorage(baseT, view));
        Assert.Same(baseT.Base ?? baseT, view.Base);
    }

    [Fact]
    public void ViewAndReshape()
    {
        var a = A23();
        var v = a.View(3, 2);
        AssertView(a, v);
        Check.Values(new float[] { 0, 1, 2, 3, 4, 5 }, v, 3, 2);
        Check.Shape(a.View(-1), 6);
        Check.Shape(a.View(1, -1, 1), 1, 6, 1);
        var r = a.Reshape(6);                  // viewable: a view
        AssertView(a, r);
        var t = a.T.Reshape(6);                // not viewable: a copy, not a view (FACTS: _is_view() False)
        Assert.False(t.IsView);
        Assert.False(Check.SameStorage(a, t));
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, t, 6);
        // a transposed row vector is still viewable (size-1 dims do not matter)
        var row = Tensor.Ones([1, 3]);
        AssertView(row, row.T.View(-1));
        // 0-dim
        Check.Values(new float[] { 5 }, Tensor.Scalar(5).View(-1), 1);
        Check.Values(new float[] { 5 }, Tensor.Scalar(5).Reshape(1, 1), 1, 1);
    }

    [Fact]
    public void TransposePermuteT()
    {
        var a = A23();
        var t = a.T;
        AssertView(a, t);
        Assert.Equal([1, 3], t.Stride.ToArray());     // FACTS: (1, 3)
        Assert.False(t.IsContiguous);
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, t, 3, 2);
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, a.Transpose(0, 1), 3, 2);
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, a.Transpose(-1, -2), 3, 2);
        var one = Tensor.FromArray(new float[] { 1, 2, 3 });
        Check.Values(new float[] { 1, 2, 3 }, one.T, 3);           // t() of 1-D is itself
        var c = Tensor.Arange(0, 24, 1, DType.Float32).View(2, 3, 4);
        var p = c.Permute(2, 0, 1);
        AssertView(c, p);
        Check.Shape(p, 4, 2, 3);
        Assert.Equal([1, 12, 4], p.Stride.ToArray());
        Assert.Equal(13f, p[1][1][0].Item<float>());              // c[1,0,1]
        Assert.Equal(13f, c.Permute(-1, 0, 1)[1][1][0].Item<float>());
    }

    [Fact]
    public void SelectNarrowSlice()
    {
        var a = A23();
        var s = a.Select(1, 2);
        AssertView(a, s);
        Check.Values(new float[] { 2, 5 }, s, 2);
        Check.Values(new float[] { 3, 4, 5 }, a.Select(0, -1), 3);
        Check.Values(new float[] { 3, 4, 5 }, a[1], 3);
        Assert.Equal(4f, a[1][1].Item<float>());
        Assert.Equal(3, a[1].StorageOffset);
        var n = a.Narrow(1, 1, 2);
        AssertView(a, n);
        Check.Values(new float[] { 1, 2, 4, 5 }, n, 2, 2);
        Check.Shape(a.Narrow(1, -1, 1), 2, 1);                   // FACTS: narrow(1,-1,1) -> [2, 1]
        Check.Shape(Tensor.Zeros([5]).Narrow(0, 5, 0), 0);
        var r = Tensor.Arange(10);
        Check.Values(new long[] { 2, 5, 8 }, r.Slice(0, 2, 9, 3), 3);   // x[2:9:3]
        Assert.Equal([3], r.Slice(0, 2, 9, 3).Stride.ToArray());
        Check.Values(new long[0], r.Slice(0, 5, 2), 0);                // x[5:2] is empty
        Check.Values(new long[] { 7, 8, 9 }, r.Slice(0, -3, 100), 3);   // clamped like Python
        Check.Values(new long[] { 0, 2, 4, 6, 8 }, r.Slice(0, 0, 10, 2), 5);
        var sl = a.Slice(1, 0, 3, 2);
        Check.Values(new float[] { 0, 2, 3, 5 }, sl, 2, 2);
        Assert.Equal([3, 2], sl.Stride.ToArray());
    }

    [Fact]
    public void UnsqueezeSqueezeExpandFlatten()
    {
        var x = Tensor.FromArray(new float[] { 1, 2, 3 });
        var u = x.Unsqueeze(0);
        AssertView(x, u);
        Check.Shape(u, 1, 3);
        Check.Shape(x.Unsqueeze(-1), 3, 1);
        Check.Shape(Tensor.Scalar(5).Unsqueeze(0), 1);
        Check.Shape(u.Squeeze(0), 3);
        Check.Shape(Tensor.Ones([2, 3]).Squeeze(0), 2, 3);       // not size 1: unchanged
        Check.Shape(Tensor.Ones([1, 2, 1, 3, 1]).Squeeze(), 2, 3);
        Check.Shape(Tensor.Scalar(5).Squeeze(0));
        var e = u.Expand(2, 3);
        AssertView(x, e);
        Assert.Equal([0, 1], e.Stride.ToArray());
        Check.Values(new float[] { 1, 2, 3, 1, 2, 3 }, e, 2, 3);
        Check.Values(new float[] { 1, 2, 3, 1, 2, 3 }, x.Expand(2, -1), 2, 3);
        var col = Tensor.FromArray(new float[] { 7, 8 }, [2, 1]).Expand(2, 3);
        Assert.Equal([1, 0], col.Stride.ToArray());
        Check.Values(new float[] { 7, 7, 7, 8, 8, 8 }, col, 2, 3);
        Check.Values(new float[] { 5, 5, 5, 5 }, Tensor.Scalar(5).Expand(2, 2), 2, 2);
        Check.Shape(Tensor.Ones([2, 3]).ExpandAs(Tensor.Ones([4, 2, 3])), 4, 2, 3);
        var c = Tensor.Arange(0, 24, 1, DType.Float32).View(2, 3, 4);
        var f = c.Flatten();
        AssertView(c, f);
        Check.Shape(f, 24);
        Check.Shape(c.Flatten(1), 2, 12);
        Check.Shape(c.Flatten(0, 1), 6, 4);
        Check.Shape(Tensor.Scalar(5).Flatten(), 1);
        Check.Values(new float[] { 0, 4, 8, 12, 16, 20, 1 }, c.Permute(2, 0, 1).Flatten().Narrow(0, 0, 7), 7);
    }

    [Fact]
    public void UnbindSplitChunk()
    {
        var a = A23();
        var u = a.Unbind(1);
        Assert.Equal(3, u.Length);
        foreach (var v in u) AssertView(a, v);
        Check.Values(new float[] { 0, 3 }, u[0], 2);
        Check.Values(new float[] { 2, 5 }, u[2], 2);
        var s = Tensor.FromArray(new long[] { 1, 2, 3 }).Split(2);
        Assert.Equal(2, s.Length);
        Check.Values(new long[] { 1, 2 }, s[0], 2);
        Check.Values(new long[] { 3 }, s[1], 1);
        var sw = Tensor.Arange(6).Split([1, 5]);
        Check.Values(new long[] { 0 }, sw[0], 1);
        Check.Values(new long[] { 1, 2, 3, 4, 5 }, sw[1], 5);
        var c3 = Tensor.Arange(5).Chunk(3);                       // (0,1) (2,3) (4)
        Assert.Equal(3, c3.Length);
        Check.Values(new long[] { 4 }, c3[2], 1);
        var c4 = Tensor.Arange(6).Chunk(4);                       // PyTorch gives 3 chunks of 2
        Assert.Equal(3, c4.Length);
        Check.Values(new long[] { 4, 5 }, c4[2], 2);
        var cols = A23().Chunk(2, 1);
        Check.Values(new float[] { 0, 1, 3, 4 }, cols[0], 2, 2);
        Check.Values(new float[] { 2, 5 }, cols[1], 2, 1);
        Assert.Equal(2, cols[1].StorageOffset);
    }

    [Fact]
    public void WritesThroughViewsAreSeenByTheBase()
    {
        var a = A23();
        a.Select(1, 0).Fill_(-1);
        Check.Values(new float[] { -1, 1, 2, -1, 4, 5 }, a, 2, 3);
        a.T[2].Add_(10);
        Check.Values(new float[] { -1, 1, 12, -1, 4, 15 }, a, 2, 3);
        a.Slice(1, 0, 3, 2).Mul_(2);
        Check.Values(new float[] { -2, 1, 24, -2, 4, 30 }, a, 2, 3);
        a.View(6).Narrow(0, 1, 1).Zero_();
        Check.Values(new float[] { -2, 0, 24, -2, 4, 30 }, a, 2, 3);
        a.Unbind(0)[1].Copy_(Tensor.FromArray(new float[] { 7, 8, 9 }));
        Check.Values(new float[] { -2, 0, 24, 7, 8, 9 }, a, 2, 3);
        // and base writes are seen by views made earlier
        var v = a.T;
        a.Fill_(3);
        Assert.All(v.ToArray<float>(), x => Assert.Equal(3f, x));
        // writing through an expanded view writes the one shared element
        var x1 = Tensor.Zeros([1]);
        x1.Expand(4).Select(0, 2).Fill_(9);
        Assert.Equal(9f, x1.Item<float>());
    }

    [Fact]
    public void VersionCounterIsShared()
    {
        // FACTS sec 5: x=torch.ones(3); v=x[0:2]; v.add_(1) -> 1 1; x.mul_(2) -> 2 2
        var x = Tensor.Ones([3]);
        var v = x.Slice(0, 0, 2);
        Assert.Equal(0, x.Version);
        v.Add_(1);
        Assert.Equal(1, x.Version);
        Assert.Equal(1, v.Version);
        x.Mul_(2);
        Assert.Equal(2, x.Version);
        Assert.Equal(2, v.Version);
        Check.Values(new float[] { 4, 4, 2 }, x, 3);
        // FACTS: x[0]=2; zero_(); +=1; copy_() -> 1 2 3 4 (each in-place op bumps once)
        var y = Tensor.Ones([3]);
        y[0].Fill_(2);
        Assert.Equal(1, y.Version);
        y.Zero_();
        Assert.Equal(2, y.Version);
        y.Add_(1);
        Assert.Equal(3, y.Version);
        y.Copy_(Tensor.Ones([3]));
        Assert.Equal(4, y.Version);
        // every kind of view shares it; out-of-place results and copies do not
        var a = A23();
        var views = new[] { a.T, a.View(6), a.Reshape(3, 2), a.Permute(1, 0), a[0], a.Narrow(1, 0, 2), a.Unsqueeze(0), a.Unsqueeze(0).Squeeze(0), a.Flatten(), a.Unbind()[1], a.Split(1)[0], a.Chunk(2, 1)[0], a.Slice(1, 0, 3, 2), a.Detach() };
        var copies = new[] { a.Clone(), a.T.Contiguous(), a + 1, a.T.Reshape(6) };
        a.Add_(1);
        Assert.All(views, t => Assert.Equal(1, t.Version));
        Assert.All(copies, t => Assert.Equal(0, t.Version));
        var b = Tensor.Ones([1, 3]);
        var e = b.Expand(2, 3);
        b.Mul_(2);
        Assert.Equal(1, e.Version);
    }

    [Fact]
    public void ContiguousCloneCatStack()
    {
        var a = A23();
        Assert.Same(a, a.Contiguous());                          // PyTorch returns self
        var tc = a.T.Contiguous();
        Assert.True(tc.IsContiguous);
        Assert.False(Check.SameStorage(a, tc));
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, tc, 3, 2);
        Assert.Equal([2, 1], tc.Stride.ToArray());
        var cl = a.Clone();
        Assert.False(Check.SameStorage(a, cl));
        cl.Fill_(0);
        Assert.Equal(5f, a[1][2].Item<float>());                 // clone is independent
        var cat0 = Tensor.Cat([a, a.Narrow(0, 0, 1)]);
        Check.Values(new float[] { 0, 1, 2, 3, 4, 5, 0, 1, 2 }, cat0, 3, 3);
        var cat1 = Tensor.Cat([a, a.T.T.Narrow(1, 2, 1)], 1);
        Check.Values(new float[] { 0, 1, 2, 2, 3, 4, 5, 5 }, cat1, 2, 4);
        Check.Values(new float[] { 0, 1, 2, 3, 4, 5 }, Tensor.Cat([a, Tensor.Zeros([0])]), 2, 3); // legacy empty 1-D skipped
        Check.Values(new float[] { 0, 3, 1, 4, 2, 5 }, Tensor.Cat([a.T], -1), 3, 2);
        var x = Tensor.FromArray(new float[] { 1, 2 });
        var y = Tensor.FromArray(new float[] { 3, 4 });
        Check.Values(new float[] { 1, 2, 3, 4 }, Tensor.Stack([x, y]), 2, 2);
        Check.Values(new float[] { 1, 3, 2, 4 }, Tensor.Stack([x, y], 1), 2, 2);
        Check.Values(new float[] { 1, 3, 2, 4 }, Tensor.Stack([x, y], -1), 2, 2);
        Check.Values(new float[] { 1, 2 }, Tensor.Stack([Tensor.Scalar(1), Tensor.Scalar(2)]), 2);
        // FACTS sec 4: cat/stack promote
        var ci = Tensor.Cat([Tensor.FromArray(new long[] { 1 }), Tensor.FromArray(new float[] { 1.5f })]);
        Assert.Equal(DType.Float32, ci.DType);
        Assert.Equal("tensor([1.0000, 1.5000])", ci.ToString());
        Assert.Equal(DType.Int64, Tensor.Cat([Tensor.FromArray(new long[] { 1 }), Tensor.FromArray(new[] { true })]).DType);
        Assert.Equal(DType.Float64, Tensor.Stack([Tensor.FromArray(new long[] { 1 }), Tensor.FromArray(new double[] { 1.5 })]).DType);
    }

    [Fact]
    public void ZeroSizedViews()
    {
        var z = Tensor.Zeros([2, 0, 3]);
        Check.Shape(z.Transpose(0, 2), 3, 0, 2);
        Check.Shape(z.View(0, 6), 0, 6);
        Check.Shape(z.Reshape(2, -1), 2, 0);
        Check.Shape(z.Flatten(), 0);
        Check.Shape(z[1], 0, 3);
        Check.Shape(z.Sum(1), 2, 3);
        Assert.Equal(new float[6], z.Sum(1).ToArray<float>());
        Check.Shape(Tensor.Cat([z, z], 1), 2, 0, 3);
        Assert.True(z.IsContiguous);
    }
}
