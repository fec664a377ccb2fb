namespace Sharpgrad.Tests.Core;

/// <summary>movedim/moveaxis, swapaxes/swapdims, flipud/fliplr, type_as and the in-place view ops: PyTorch 2.6 geometry, nodes, messages, gradients.</summary>
public class ShapeExtraTests
{
    private static Tensor A234() => Tensor.Arange(0, 24, 1, DType.Float64).View(2, 3, 4);

    [Fact]
    public void MovedimMatchesPyTorch()
    {
        var x = A234().RequiresGrad_();
        var y = x * 1.0;
        var m = y.Movedim(0, 2);
        ViewTests.AssertView(y, m);
        Check.Shape(m, 3, 4, 2);
        Assert.Equal([4, 1, 12], m.Stride.ToArray());
        Assert.Equal("PermuteBackward0", m.GradFn!.Name);
        Assert.Equal(16.0, m[1][0][1].Item<double>());               // m[i, j, k] = y[k, i, j]: y[1, 1, 0]
        var m2 = y.Movedim([0, 1], [2, 0]);
        Check.Shape(m2, 3, 4, 2);
        Assert.Equal([4, 1, 12], m2.Stride.ToArray());
        var m3 = Tensor.Moveaxis(y, -1, 0);
        Check.Shape(m3, 4, 2, 3);
        Assert.Equal([1, 12, 4], m3.Stride.ToArray());
        Assert.Equal([1, 12, 4], y.Moveaxis([-1], [0]).Stride.ToArray());
        Assert.Equal([12, 4, 1], Tensor.Movedim(y, [2, 0], [2, 0]).Stride.ToArray());
        Assert.Equal("PermuteBackward0", y.Movedim(1, 1).GradFn!.Name);
        Assert.Equal("PermuteBackward0", y.Movedim([], []).GradFn!.Name);
        var s = Tensor.Scalar(2.0).RequiresGrad_() * 1.0;
        var sm = s.Movedim(0, 0);
        Assert.Equal("AliasBackward0", sm.GradFn!.Name);
        Assert.True(sm.IsView);
        Check.Shape(sm, []);

        (m3 * Tensor.Arange(0, 24, 1, DType.Float64).View(4, 2, 3)).Sum().Backward();
        // x.grad[i, j, k] = w[k, i, j] = 6k + 3i + j
        NN.Check.Close([0, 6, 12, 18, 1, 7, 13, 19, 2, 8, 14, 20, 3, 9, 15, 21, 4, 10, 16, 22, 5, 11, 17, 23], x.Grad!, 0);
        Assert.True(Autograd.GradCheck(a => a[0].Movedim([0, 2], [1, 0]) * Tensor.Arange(0, 24, 1, DType.Float64).View(4, 2, 3), [Check234()]));

        Check.Throws<ArgumentException>("movedim: Invalid source or destination dims: source ([0, 1] dims) should contain the same number of dims as destination ([0] dims)", () => y.Movedim([0, 1], [0]));
        Check.Throws<ArgumentException>("movedim: repeated dim in `source` ([0, 0])", () => y.Movedim([0, 0], [1, 2]));
        Check.Throws<ArgumentException>("movedim: repeated dim in `destination` ([2, 2])", () => y.Movedim([0, 1], [2, 2]));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got 3)", () => y.Movedim(3, 0));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got -4)", () => y.Movedim(0, -4));
    }

    private static Tensor Check234() => (Tensor.Arange(0, 24, 1, DType.Float64) * 0.3).Sin().View(2, 3, 4).Detach().RequiresGrad_();

    [Fact]
    public void SwapFlipTypeAsMatchPyTorch()
    {
        var y = A234().RequiresGrad_() * 1.0;
        var s = y.Swapaxes(0, 2);
        ViewTests.AssertView(y, s);
        Check.Shape(s, 4, 3, 2);
        Assert.Equal("TransposeBackward0", s.GradFn!.Name);
        Assert.Equal("TransposeBackward0", Tensor.Swapdims(y, 0, 1).GradFn!.Name);
        Assert.Equal([4, 12, 1], y.Swapdims(0, 1).Stride.ToArray());
        Assert.Equal([1, 4, 12], Tensor.Swapaxes(y, -1, 0).Stride.ToArray());

        var f = y.Flipud();
        Assert.Equal("FlipBackward0", f.GradFn!.Name);
        Assert.False(f.IsView);
        Assert.Equal(12.0, f[0][0][0].Item<double>());
        Assert.Equal("FlipBackward0", Tensor.Fliplr(y).GradFn!.Name);
        Check.Values(new long[] { 2, 1, 0, 5, 4, 3 }, Tensor.Arange(6).View(2, 3).Fliplr(), 2, 3);
        Check.Values(new long[] { 3, 4, 5, 0, 1, 2 }, Tensor.Flipud(Tensor.Arange(6).View(2, 3)), 2, 3);
        Check.Throws<InvalidOperationException>("Input must be >= 1-d.", () => Tensor.Scalar(1.0).Flipud());
        Check.Throws<InvalidOperationException>("Input must be >= 2-d.", () => Tensor.Ones([3]).Fliplr());
        Assert.True(Autograd.GradCheck(a => a[0].Fliplr() * Tensor.Arange(0, 24, 1, DType.Float64).View(2, 3, 4), [Check234()]));

        Assert.Equal(DType.Float32, Tensor.Ones([2], DType.Int64).TypeAs(Tensor.Ones([1])).DType);
        Assert.Equal("ToCopyBackward0", y.TypeAs(Tensor.Ones([1], DType.Float32)).GradFn!.Name);
        Assert.Same(y, y.TypeAs(y));
    }

    private static Tensor Leaf(params int[] shape) => Tensor.Arange(0, 6, 1, DType.Float64).View(shape).Clone().RequiresGrad_();

    [Fact]
    public void InPlaceViewsMatchPyTorch()
    {
        // name, op, the shape and strides PyTorch gives on a contiguous [2, 1, 3] (t_: [2, 3]), node
        var cases = new (Func<Tensor, Tensor> Op, int[] In, int[] Sizes, int[] Strides, string Node)[]
        {
            (t => t.Squeeze_(), [2, 1, 3], [2, 3], [3, 1], "SqueezeBackward3"),
            (t => t.Squeeze_(1), [2, 1, 3], [2, 3], [3, 1], "SqueezeBackward4"),
            (t => t.Unsqueeze_(0), [2, 1, 3], [1, 2, 1, 3], [6, 3, 3, 1], "UnsqueezeBackward1"),
            (t => t.Transpose_(0, 2), [2, 1, 3], [3, 1, 2], [1, 3, 3], "TransposeBackward1"),
            (t => t.T_(), [2, 3], [3, 2], [1, 3], "TBackward1"),
        };
        foreach (var (op, shape, sizes, strides, node) in cases)
        {
            var a = Leaf(shape);
            Check.Throws<InvalidOperationException>("a leaf Variable that requires grad is being used in an in-place operation.", () => op(a));

            var b = a * 1.0;
            long v0 = b.Version;
            Assert.Same(b, op(b));
            Check.Shape(b, sizes);
            Assert.Equal(strides, b.Stride.ToArray());
            Assert.Equal(node, b.GradFn!.Name);
            Assert.Equal(v0 + 1, b.Version);
            Assert.False(b.IsView);

            var c0 = a * 1.0;
            var c = c0.Slice(0, 0, 2);
            v0 = c.Version;
            op(c);
            Assert.Equal(node, c.GradFn!.Name);
            Assert.Equal(v0 + 1, c.Version);
            Assert.Same(c0, c.Base);
            Assert.Equal("MulBackward0", c0.GradFn!.Name);
            c.Sum().Backward();
            NN.Check.Close([1, 1, 1, 1, 1, 1], a.Grad!, 0);

            var plain = Tensor.Arange(0, 6, 1, DType.Float64).View(shape).Clone();
            v0 = plain.Version;
            op(plain);
            Check.Shape(plain, sizes);
            Assert.Equal(v0 + 1, plain.Version);

            var u = (a * 1.0).Unbind(0)[0];
            Check.Throws<InvalidOperationException>("Output 0 of UnbindBackward0 is a view and is being modified inplace.", () => op(u));
            using (Autograd.NoGrad()) op(a);       // allowed without grad mode: a stays a leaf
            Check.Shape(a, sizes);
            Assert.True(a.IsLeaf);
        }
        Check.Throws<ArgumentException>("t_() expects a tensor with <= 2 dimensions, but self is 3D", () => Tensor.Ones([2, 3, 4]).T_());
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", () => Tensor.Ones([2, 3]).Squeeze_(2));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got 3)", () => Tensor.Ones([2, 3]).Unsqueeze_(3));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", () => Tensor.Ones([2, 3]).Transpose_(0, 2));
        Check.Throws<InvalidOperationException>("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => Leaf(2, 1, 3).Slice(0, 0, 1).Squeeze_());
        Check.Shape(Tensor.Ones([2, 3]).Squeeze_(1), 2, 3);
        Assert.Equal("SqueezeBackward4", (Leaf(2, 1, 3) * 1.0).Squeeze_(0).GradFn!.Name);
    }

    [Fact]
    public void InPlaceViewGradientsMatchPyTorch()
    {
        // transpose_ of a slice of a non-leaf: its node chains to the slice's SliceBackward0
        var a = Leaf(2, 1, 3);
        var b = a * 2.0;
        var c = b.Slice(0, 1, 2);
        c.Transpose_(0, 2);
        Check.Shape(c, 3, 1, 1);
        Assert.Equal("TransposeBackward1", c.GradFn!.Name);
        Assert.Equal("SliceBackward0", c.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal(1, b.Version);
        (c * Tensor.Arange(0, 3, 1, DType.Float64).View(3, 1, 1)).Sum().Backward();
        NN.Check.Close([0, 0, 0, 0, 2, 4], a.Grad!, 0);

        // the base modified in place afterwards: the view's grad_fn is regenerated as AsStridedBackward0
        var a2 = Leaf(2, 1, 3);
        var b2 = a2 * 2.0;
        var c2 = b2.Slice(0, 1, 2);
        c2.Squeeze_(1);
        b2.Mul_(3.0);
        Assert.Equal("AsStridedBackward0", c2.GradFn!.Name);
        Check.Shape(c2, 1, 3);
        (c2 * Tensor.FromArray(new[] { 1.0, 2, 3 })).Sum().Backward();
        NN.Check.Close([0, 0, 0, 6, 12, 18], a2.Grad!, 0);

        Assert.True(Autograd.GradCheck(t => (t[0] * 1.0).Transpose_(0, 2).Unsqueeze_(1).Squeeze_() * Tensor.Arange(0, 24, 1, DType.Float64).View(4, 3, 2), [Check234()]));
        Assert.True(Autograd.GradCheck(t => (t[0].Select(0, 1) * 1.0).T_() * Tensor.Arange(0, 12, 1, DType.Float64).View(4, 3), [Check234()]));
    }
}
