namespace Sharpgrad.Tests.Core;

/// <summary>scatter, scatter_reduce, index_fill, index_copy, index_put and their in-place forms: PyTorch 2.6 values, nodes, messages and gradients.</summary>
public class ScatterIndexTests
{
    private static Tensor X34() => Tensor.Arange(0, 12, 1, DType.Float64).View(3, 4).RequiresGrad_();
    private static Tensor W34() => Tensor.Arange(0, 12, 1, DType.Float64).View(3, 4);
    private static Tensor I64(long[] data, params int[] shape) => Tensor.FromArray(data, shape);
    private static Tensor F64(double[] data, params int[] shape) => Tensor.FromArray(data, shape);

    [Fact]
    public void ScatterMatchesPyTorch()
    {
        var x = X34();
        var index = I64([2, 0, 1, 0, 2, 2], 2, 3);
        var s2 = Tensor.Arange(1, 7, 1, DType.Float64).View(2, 3).RequiresGrad_();
        var y = x.Scatter(0, index, s2);
        Assert.Equal("ScatterBackward0", y.GradFn!.Name);
        NN.Check.Close([4, 2, 2, 3, 4, 5, 3, 7, 1, 5, 6, 11], y, 0);
        (y * W34()).Sum().Backward();
        NN.Check.Close([0, 0, 2, 3, 4, 5, 0, 7, 0, 0, 0, 11], x.Grad!, 0);
        NN.Check.Close([8, 1, 6, 0, 9, 10], s2.Grad!, 0);

        var v = X34().Scatter(1, index, -2.0);
        Assert.Equal("ScatterBackward1", v.GradFn!.Name);
        NN.Check.Close([-2, -2, -2, 3, -2, 5, -2, 7, 8, 9, 10, 11], v, 0);
        var add = X34().Scatter(0, index, s2, "add");
        Assert.Equal("torch::autograd::NotImplemented", add.GradFn!.Name);
        NN.Check.Close([4, 3, 2, 3, 4, 5, 9, 7, 9, 14, 16, 11], add, 0);
        NN.Check.Close([0, 2, 2, 3, 4, 5, 18, 7, 8, 45, 60, 11], Tensor.Scatter(X34(), 0, index, s2, "multiply"), 0);
        NN.Check.Close([0, 3, 2, 3, 4, 5, 18, 7, 24, 27, 30, 11], X34().Scatter(0, index, 3.0, "multiply"), 0);
        Check.Throws<InvalidOperationException>("derivative for aten::scatter is not implemented", () => add.Sum().Backward());
        Check.Values(new long[] { 0, 2, 2, 3, 4, 5 }, Tensor.Arange(6).View(2, 3).Scatter(1, I64([1], 1, 1), 2.7), 2, 3);
        NN.Check.Close([100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], W34().Scatter(0, I64([0], 1, 1), Tensor.Arange(100, 112, 1, DType.Float64).View(3, 4)), 0);

        var xs = X34();
        Check.Throws<ArgumentException>("reduce argument must be either add or multiply.", () => xs.Scatter(0, index, s2, "mean"));
        Check.Throws<ArgumentOutOfRangeException>("index 3 is out of bounds for dimension 0 with size 3", () => xs.Scatter(0, I64([3], 1, 1), s2));
        Check.Throws<ArgumentOutOfRangeException>("index -1 is out of bounds for dimension 0 with size 3", () => xs.Scatter(0, I64([-1], 1, 1), 1.0));
        Check.Throws<ArgumentException>("Index tensor must have the same number of dimensions as self tensor", () => xs.Scatter(0, I64([3], 1), s2));
        Check.Throws<ArgumentException>("Expected index [1, 5] to be no larger than self [3, 4] apart from dimension 0 and to be no larger size than src [2, 3]", () => xs.Scatter(0, I64([0, 0, 0, 0, 0], 1, 5), s2));
        Check.Throws<ArgumentException>("Expected index [4, 1] to be no larger than self [3, 4] apart from dimension 1 and to be no larger size than src [2, 3]", () => xs.Scatter(1, I64([0, 0, 0, 0], 4, 1), s2));
        Check.Throws<ArgumentException>("scatter(): Expected dtype int64 for index", () => xs.Scatter(0, index.To(DType.Float32), s2));
        Check.Throws<ArgumentException>("scatter(): Expected self.dtype to be equal to src.dtype", () => xs.Scatter(0, index, s2.Detach().To(DType.Float32)));

        var g = (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).RequiresGrad_();
        var gs = (Tensor.Arange(0, 6, 1, DType.Float64) * 1.3).Cos().View(2, 3).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => t[0].Scatter(0, index, t[1]), [g, gs]));
        Assert.True(Autograd.GradCheck(t => t[0].Scatter(1, index, 0.5), [g]));
    }

    [Fact]
    public void ScatterReduceMatchesPyTorch()
    {
        var self = F64([1, 0, 3, 4, 2, 5, 0, -1, 3, 3, 2, 7], 3, 4);
        var src = F64([2, 0, 3, 3, 1, 0, -1, 2, 5], 3, 3);
        var index = I64([0, 1, 1, 0, 1, 2, 2, 1, 2], 3, 3);
        var w = Tensor.Arange(0, 12, 1, DType.Float64).View(3, 4) * 0.5 - 1.0;
        // reduce, include_self, result, self.grad, src.grad: PyTorch 2.6
        var cases = new (string Reduce, bool Include, double[] Y, double[] GSelf, double[] GSrc)[]
        {
            ("sum", true, [6, 0, 3, 4, 2, 8, 3, -1, 2, 3, 7, 7], [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5], [-1, 1.5, 2, -1, 1.5, 4, 3, 1.5, 4]),
            ("sum", false, [5, 0, 3, 4, 2, 3, 3, -1, -1, 3, 5, 7], [0, -0.5, 0, 0.5, 1, 0, 0, 2.5, 0, 3.5, 0, 4.5], [-1, 1.5, 2, -1, 1.5, 4, 3, 1.5, 4]),
            ("prod", true, [6, 0, 3, 4, 2, 0, 0, -1, -3, 3, 0, 7], [-6, -0.5, 0, 0.5, 1, 0, 6, 2.5, -3, 3.5, 0, 4.5], [-3, 15, 0, -2, 0, 40, 9, 0, 0]),
            ("prod", false, [6, 0, 3, 4, 2, 0, 3, -1, -1, 3, 0, 7], [0, -0.5, 0, 0.5, 1, 0, 0, 2.5, 0, 3.5, 0, 4.5], [-3, 3, 2, -2, 0, 20, 3, 0, 0]),
            ("mean", true, [2, 0, 3, 4, 2, 2, 1.5, -1, 1, 3, 2.3333333333333335, 7], [-0.3333333333333333, -0.5, 0, 0.5, 1, 0.375, 1, 2.5, 1.5, 3.5, 1.3333333333333333, 4.5], [-0.3333333333333333, 0.375, 1, -0.3333333333333333, 0.375, 1.3333333333333333, 1.5, 0.375, 1.3333333333333333]),
            ("mean", false, [2.5, 0, 3, 4, 2, 1, 3, -1, -1, 3, 2.5, 7], [0, -0.5, 0, 0.5, 1, 0, 0, 2.5, 0, 3.5, 0, 4.5], [-0.5, 0.5, 2, -0.5, 0.5, 2, 3, 0.5, 2]),
            ("amax", true, [3, 0, 3, 4, 2, 5, 3, -1, 3, 3, 5, 7], [0, -0.5, 0, 0.5, 1, 1.5, 0, 2.5, 3, 3.5, 0, 4.5], [0, 0, 2, -1, 0, 0, 0, 0, 4]),
            ("amax", false, [3, 0, 3, 4, 2, 2, 3, -1, -1, 3, 5, 7], [0, -0.5, 0, 0.5, 1, 0, 0, 2.5, 0, 3.5, 0, 4.5], [0, 0, 2, -1, 0, 0, 3, 1.5, 4]),
            ("amin", true, [1, 0, 3, 4, 2, 0, 0, -1, -1, 3, 0, 7], [-1, -0.5, 0, 0.5, 1, 0, 2, 2.5, 0, 3.5, 0, 4.5], [0, 1.5, 0, 0, 0, 4, 3, 0, 0]),
            ("amin", false, [2, 0, 3, 4, 2, 0, 3, -1, -1, 3, 0, 7], [0, -0.5, 0, 0.5, 1, 0, 0, 2.5, 0, 3.5, 0, 4.5], [-1, 1.5, 2, 0, 0, 4, 3, 0, 0]),
        };
        foreach (var (reduce, include, expected, gSelf, gSrc) in cases)
        {
            var x = self.Detach().RequiresGrad_();
            var s = src.Detach().RequiresGrad_();
            var y = x.ScatterReduce(0, index, s, reduce, include);
            Assert.Equal("ScatterReduceBackward0", y.GradFn!.Name);
            NN.Check.Close(expected, y, 1e-15);
            (y * w).Sum().Backward();
            NN.Check.Close(gSelf, x.Grad!, 1e-15);
            NN.Check.Close(gSrc, s.Grad!, 1e-15);
        }
        var l = Tensor.FromArray(new long[] { 5, 7, 9 });
        Check.Values(new long[] { 1, 5, 9 }, l.ScatterReduce(0, I64([0, 0, 1], 3), I64([2, -4, 3], 3), "mean"), 3);
        Check.Values(new long[] { -1, 3, 9 }, Tensor.ScatterReduce(l, 0, I64([0, 0, 1], 3), I64([2, -4, 3], 3), "mean", includeSelf: false), 3);
        var nan = Tensor.FromArray(new[] { 5.0, 7, 9 }).ScatterReduce(0, I64([0, 0], 2), Tensor.FromArray(new[] { double.NaN, 1.0 }), "amax");
        Assert.True(double.IsNaN(nan[0].Item<double>()));
        Check.Throws<ArgumentException>("scatter(): Expected self.dtype to be equal to src.dtype", () => self.ScatterReduce(0, index, src.To(DType.Float32), "sum"));

        // a src larger than index is read at the index's coordinates (scatter_add too)
        var big = Tensor.Arange(1, 10, 1, DType.Float64).View(3, 3);
        var small = I64([0, 2], 2, 1);
        NN.Check.Close([1, 0, 0, 0, 0, 0, 4, 0, 0], Tensor.Zeros([3, 3], DType.Float64).ScatterAdd(0, small, big), 0);
        NN.Check.Close([1, 0, 0, 0, 0, 0, 4, 0, 0], Tensor.Zeros([3, 3], DType.Float64).Scatter(0, small, big), 0);
        NN.Check.Close([0.5, 0, 0, 0, 0, 0, 2, 0, 0], Tensor.Zeros([3, 3], DType.Float64).ScatterReduce(0, small, big, "mean"), 0);
        NN.Check.Close([1, 0, 0, 0, 0, 0, 4, 0, 0], Tensor.Zeros([3, 3], DType.Float64).ScatterReduce(0, small, big, "amax", includeSelf: false), 0);
        // ... but its gradient would have the index's shape: PyTorch's engine refuses it
        var bigLeaf = big.Detach().RequiresGrad_();
        Check.Throws<InvalidOperationException>("Function ScatterBackward0 returned an invalid gradient at index 1 - got [2, 1] but expected shape compatible with [3, 3]",
            () => Tensor.Zeros([3, 3], DType.Float64).Scatter(0, small, bigLeaf).Sum().Backward());
        Check.Throws<InvalidOperationException>("Function ScatterReduceBackward0 returned an invalid gradient at index 1 - got [2, 1] but expected shape compatible with [3, 3]",
            () => Tensor.Zeros([3, 3], DType.Float64).ScatterReduce(0, small, bigLeaf, "sum").Sum().Backward());

        // gradcheck away from ties and zeros (where the exclusive products and even sharing are not smooth)
        var g = (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).Add(2.0).Detach().RequiresGrad_();
        var gs = (Tensor.Arange(0, 9, 1, DType.Float64) * 1.3).Cos().View(3, 3).Add(2.5).Detach().RequiresGrad_();
        foreach (var reduce in new[] { "sum", "prod", "mean", "amax", "amin" })
            foreach (var include in new[] { true, false })
                Assert.True(Autograd.GradCheck(t => t[0].ScatterReduce(0, index, t[1], reduce, include), [g, gs]));
    }

    [Fact]
    public void ScatterReduceProdDoubleBackwardMatchesPyTorch()
    {
        var x = F64([1.5, 2, 3, 4, 2, 5, 0.5, -1, 3, 3.5, 2, 7], 3, 4).RequiresGrad_();
        var s = F64([2, 1.5, 3, 3, 1, 0.7, -1, 2, 5], 3, 3).RequiresGrad_();
        var index = I64([0, 1, 1, 0, 1, 2, 2, 1, 2], 3, 3);
        var w = Tensor.Arange(0, 12, 1, DType.Float64).View(3, 4) * 0.5 - 1.0;
        var y = x.ScatterReduce(0, index, s, "prod");
        var g = Autograd.Grad([(y * w).Sum()], [x, s], createGraph: true);
        Assert.Equal("DivBackward0", g[0]!.GradFn!.Name);
        Assert.Equal("WhereBackward0", g[1]!.GradFn!.Name);
        (g[0]!.Sum() + (g[1]! * g[1]!).Sum()).Backward();
        NN.Check.Close([39, 0, 0, 0, 0, 343.125, 4, 0, 54, 0, 1631.3600000000001, 0], x.Grad!, 1e-12);
        NN.Check.Close([6, 846.75, 2, 11.5, 707.625, 109.60000000000036, 3, 733.5, 642.8000000000001], s.Grad!, 1e-12);
    }

    [Fact]
    public void IndexFillAndCopyMatchPyTorch()
    {
        var x = X34();
        var idx = I64([2, 0], 2);
        var y = x.IndexFill(0, idx, -1.0);
        Assert.Equal("IndexFillBackward0", y.GradFn!.Name);
        NN.Check.Close([-1, -1, -1, -1, 4, 5, 6, 7, -1, -1, -1, -1], y, 0);
        (y * W34()).Sum().Backward();
        NN.Check.Close([0, 0, 0, 0, 4, 5, 6, 7, 0, 0, 0, 0], x.Grad!, 0);
        NN.Check.Close([0, 1, 9, 3, 4, 9], Tensor.IndexFill(Tensor.Arange(0, 6, 1, DType.Float64).View(2, 3), 1, I64([-1], 1), 9.0), 0);
        Check.Values(new long[] { 0, 1, 2, 2, 2, 2 }, Tensor.Arange(6).View(2, 3).IndexFill(0, I64([1], 1), 2.7), 2, 3);
        Check.Throws<ArgumentOutOfRangeException>("index 3 is out of bounds for dimension 0 with size 3", () => x.IndexFill(0, I64([3], 1), 1.0));
        Check.Throws<ArgumentException>("Index has to be a vector/scalar", () => x.IndexFill(0, I64([0], 1, 1), 1.0));
        Check.Throws<ArgumentOutOfRangeException>("index_fill_(): Expected dtype int64 for index.", () => x.IndexFill(0, Tensor.FromArray(new[] { 0f }), 1.0));
        Check.Throws<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", () => Tensor.Zeros([3, 2]).IndexFill(2, I64([0], 1), 1.0));

        // a 0-dim value tensor: IndexFillBackward1, the value takes the filled slices' gradient sum
        var xv = X34();
        var value = Tensor.Scalar(5.0, DType.Float64, requiresGrad: true);
        var yv = xv.IndexFill(1, idx, value * 2.0);
        Assert.Equal("IndexFillBackward1", yv.GradFn!.Name);
        NN.Check.Close([10, 1, 10, 3, 10, 5, 10, 7, 10, 9, 10, 11], yv, 0);
        (yv * W34()).Sum().Backward();
        NN.Check.Close([0, 1, 0, 3, 0, 5, 0, 7, 0, 9, 0, 11], xv.Grad!, 0);
        Assert.Equal(60.0, value.Grad!.Item<double>());
        Check.Values(new long[] { 2, 1, 2 }, Tensor.IndexFill(Tensor.Arange(3), 0, I64([0, 2], 2), Tensor.Scalar(2.5)), 3);
        var z = Tensor.Zeros([3], DType.Float64);
        z.IndexFill_(0, I64([1], 1), value);
        Assert.Equal("IndexFillBackward1", z.GradFn!.Name);
        Check.Throws<ArgumentException>("index_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).", () => xv.IndexFill(1, idx, Tensor.Ones([1], DType.Float64)));
        Assert.True(Autograd.GradCheck(t => t[0].IndexFill(1, I64([3, 1], 2), t[1]), [
            (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).RequiresGrad_(), Tensor.Scalar(0.3, DType.Float64, requiresGrad: true)]));

        var x2 = X34();
        var src = (Tensor.Arange(0, 8, 1, DType.Float64).View(2, 4) * 10.0).Detach().RequiresGrad_();
        var c = x2.IndexCopy(0, idx, src);
        Assert.Equal("IndexCopyBackward0", c.GradFn!.Name);
        NN.Check.Close([40, 50, 60, 70, 4, 5, 6, 7, 0, 10, 20, 30], c, 0);
        (c * W34()).Sum().Backward();
        NN.Check.Close([0, 0, 0, 0, 4, 5, 6, 7, 0, 0, 0, 0], x2.Grad!, 0);
        NN.Check.Close([8, 9, 10, 11, 0, 1, 2, 3], src.Grad!, 0);
        Check.Throws<ArgumentOutOfRangeException>("index_copy_(): index 3 is out of bounds for dimension 0 with size 3", () => x2.IndexCopy(0, I64([3, 0], 2), src));
        Check.Throws<ArgumentOutOfRangeException>("index_copy_(): Number of indices (1) should be equal to source.size(dim) (2)", () => x2.IndexCopy(0, I64([0], 1), src));
        Check.Throws<ArgumentException>("index_copy_(): self and source expected to have the same dtype, but got (self) Double and (source) Float", () => x2.IndexCopy(0, idx, src.Detach().To(DType.Float32)));
        Check.Throws<ArgumentException>("index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: 2 at dimension 0 and source slice shape: 3 at dimension 0.", () => Tensor.Zeros([3, 2]).IndexCopy(0, I64([0], 1), Tensor.Zeros([1, 3])));

        var g = (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).RequiresGrad_();
        var gs = (Tensor.Arange(0, 6, 1, DType.Float64) * 1.3).Cos().View(3, 2).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => t[0].IndexCopy(1, I64([3, 1], 2), t[1]), [g, gs]));
        Assert.True(Autograd.GradCheck(t => t[0].IndexFill(1, I64([3, 1], 2), 2.0), [g]));
    }

    [Fact]
    public void IndexPutMatchesPyTorch()
    {
        var x = X34();
        var y = x.IndexPut([I64([0, 2], 2), I64([1, 3], 2)], F64([7, 8], 2));
        Assert.Equal("IndexPutBackward0", y.GradFn!.Name);
        NN.Check.Close([0, 7, 2, 3, 4, 5, 6, 7, 8, 9, 10, 8], y, 0);
        NN.Check.Close([0, 10, 2, 12, 4, 5, 6, 7, 8, 18, 10, 20], x.IndexPut([I64([0, 2], 2, 1), I64([1, 3], 2)], Tensor.Scalar(9.0, DType.Float64), accumulate: true), 0);
        NN.Check.Close([2, 5, 8, 11, 4, 5, 6, 7, 8, 9, 10, 11], x.IndexPut([I64([0, 0], 2)], F64([1, 2, 3, 4], 4), accumulate: true), 0);
        NN.Check.Close([0, 1, 2, 3, 1, 2, 3, 4, 8, 9, 10, 11], Tensor.IndexPut(x, [I64([1], 1)], F64([1, 2, 3, 4], 4)), 0);
        NN.Check.Close([0, 1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0], x.IndexPut([W34().Gt(5.0)], Tensor.Scalar(0.0, DType.Float64)), 0);
        NN.Check.Close([3, 0, 3], Tensor.Zeros([3]).IndexPut([I64([0, 0, 2], 3)], Tensor.FromArray(new[] { 1f, 2, 3 }), accumulate: true), 0);
        NN.Check.Close([1, 0, 0, 2], Tensor.Zeros([2, 2]).IndexPut([Tensor.FromArray(new[] { true, false, false, true }, [2, 2])], Tensor.FromArray(new[] { 1f, 2 })), 0);
        NN.Check.Close([0, 0, 1], Tensor.Zeros([3]).IndexPut([I64([-1], 1)], Tensor.Scalar(1f)), 0);

        var one = Tensor.Scalar(1.0, DType.Float64);
        Check.Throws<ArgumentOutOfRangeException>("index 3 is out of bounds for dimension 0 with size 3", () => x.IndexPut([I64([3], 1)], one));
        Check.Throws<ArgumentOutOfRangeException>("index 4 is out of bounds for dimension 1 with size 4", () => x.IndexPut([I64([0], 1), I64([4], 1)], one));
        Check.Throws<ArgumentOutOfRangeException>("index -4 is out of bounds for dimension 0 with size 3", () => Tensor.Zeros([3]).IndexPut([I64([-4], 1)], Tensor.Scalar(1f)));
        Check.Throws<ArgumentOutOfRangeException>("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]", () => x.IndexPut([I64([0, 1], 2), I64([0, 1, 2], 3)], one));
        Check.Throws<ArgumentOutOfRangeException>("too many indices for tensor of dimension 2 (got 3)", () => x.IndexPut([I64([0], 1), I64([0], 1), I64([0], 1)], one));
        Check.Throws<ArgumentOutOfRangeException>("tensors used as indices must be long, int, byte or bool tensors", () => x.IndexPut([Tensor.FromArray(new[] { 0.0 })], one));
        Check.Throws<InvalidOperationException>("shape mismatch: value tensor of shape [2] cannot be broadcast to indexing result of shape [1, 4]", () => x.IndexPut([I64([0], 1)], F64([1, 2], 2)));
        Check.Throws<InvalidOperationException>("Index put requires the source and destination dtypes match, got Double for the destination and Float for the source.", () => x.IndexPut([I64([0], 1)], Tensor.Scalar(1f)));
        Check.Throws<ArgumentOutOfRangeException>("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0", () => x.IndexPut([Tensor.FromArray(new[] { true, false })], one));

        // gradients: duplicates overwrite (values get grad at each position) or accumulate
        var v = F64([7, 8], 2).RequiresGrad_();
        var x2 = X34();
        (x2.IndexPut([I64([0, 0], 2), I64([1, 1], 2)], v * 1.0) * W34()).Sum().Backward();
        NN.Check.Close([0, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], x2.Grad!, 0);
        NN.Check.Close([1, 1], v.Grad!, 0);
        var v2 = F64([7, 8], 2).RequiresGrad_();
        var x3 = X34();
        (x3.IndexPut([I64([0, 0], 2), I64([1, 1], 2)], v2 * 1.0, accumulate: true) * W34()).Sum().Backward();
        NN.Check.Close([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], x3.Grad!, 0);
        NN.Check.Close([1, 1], v2.Grad!, 0);

        var g = (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).RequiresGrad_();
        var gv = (Tensor.Arange(0, 8, 1, DType.Float64) * 1.3).Cos().View(2, 4).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => t[0].IndexPut([I64([2, 0], 2)], t[1]), [g, gv]));
        Assert.True(Autograd.GradCheck(t => t[0].IndexPut([I64([2, 0, 2], 3, 1), I64([1, 3], 2)], t[1].Select(0, 0).Narrow(0, 0, 2), accumulate: true), [g, gv]));
    }

    [Fact]
    public void BoolTensorsMatchPyTorch()
    {
        var z = Tensor.Zeros([4], DType.Bool);
        var t2 = Tensor.FromArray(new[] { true, true });
        Check.Values(new[] { false, true, false, true }, z.Scatter(0, I64([1, 3], 2), 1.0), 4);
        Check.Values(new[] { false, true, false, true }, z.Scatter(0, I64([1, 3], 2), t2), 4);
        Check.Values(new[] { false, false, true, false }, z.IndexFill(0, I64([2], 1), 1.0), 4);
        Check.Values(new[] { true, false, true, false }, z.IndexCopy(0, I64([0, 2], 2), t2), 4);
        Check.Values(new[] { true, false, false, true }, z.IndexPut([I64([0, 3], 2)], Tensor.FromArray(new[] { true }).Reshape()), 4);
        Check.Values(new[] { true, false, false, true }, z.IndexPut([I64([0, 3], 2)], Tensor.FromArray(new[] { true }).Reshape(), accumulate: true), 4);
        Check.Values(new[] { false, true, false, true }, z.ScatterReduce(0, I64([1, 3], 2), t2, "sum"), 4);
        Check.Values(new[] { false, true, false, true }, z.Scatter(0, I64([1, 3], 2), t2, "add"), 4);
    }

    [Fact]
    public void InPlaceFormsMatchPyTorch()
    {
        var leaf = Tensor.Arange(0, 6, 1, DType.Float64).View(2, 3).Clone().RequiresGrad_();
        var y = leaf * 1.0;
        long v0 = y.Version;
        Assert.Same(y, y.Scatter_(1, I64([0, 2], 2, 1), 7.0));
        Assert.Equal("ScatterBackward1", y.GradFn!.Name);
        Assert.Equal(v0 + 1, y.Version);
        NN.Check.Close([7, 1, 2, 3, 4, 7], y, 0);
        Assert.Equal("ScatterBackward0", (leaf * 1.0).Scatter_(1, I64([0, 2], 2, 1), Tensor.Ones([2, 1], DType.Float64)).GradFn!.Name);
        var add = (leaf * 1.0).Scatter_(1, I64([0, 2], 2, 1), 2.0, "add");
        Assert.Equal("torch::autograd::NotImplemented", add.GradFn!.Name);
        NN.Check.Close([2, 1, 2, 3, 4, 7], add, 0);
        var sr = (leaf * 1.0).ScatterReduce_(1, I64([0, 2], 2, 1), Tensor.Ones([2, 1], DType.Float64), "sum");
        Assert.Equal("ScatterReduceBackward0", sr.GradFn!.Name);
        NN.Check.Close([1, 1, 2, 3, 4, 6], sr, 0);
        Assert.Equal("IndexFillBackward0", (leaf * 1.0).IndexFill_(1, I64([0], 1), 3.0).GradFn!.Name);
        Assert.Equal("IndexCopyBackward0", (leaf * 1.0).IndexCopy_(1, I64([0], 1), Tensor.Ones([2, 1], DType.Float64)).GradFn!.Name);
        Assert.Equal("IndexPutBackward0", (leaf * 1.0).IndexPut_([I64([0], 1)], Tensor.Scalar(1.0, DType.Float64)).GradFn!.Name);

        var b = leaf * 1.0;
        var row = b[0];
        row.IndexFill_(0, I64([1], 1), 5.0);
        Assert.Equal("CopySlices", b.GradFn!.Name);                 // Sharpgrad's existing name for torch::autograd::CopySlices
        Assert.Equal("AsStridedBackward0", row.GradFn!.Name);
        (b * Tensor.Arange(0, 6, 1, DType.Float64).View(2, 3)).Sum().Backward();
        NN.Check.Close([0, 0, 2, 3, 4, 5], leaf.Grad!, 0);

        Check.Throws<InvalidOperationException>("a leaf Variable that requires grad is being used in an in-place operation.", () => leaf.IndexFill_(0, I64([1], 1), 5.0));
        Check.Throws<InvalidOperationException>("a view of a leaf Variable that requires grad is being used in an in-place operation.", () => leaf[0].Scatter_(0, I64([1], 1), 5.0));
        var plain = Tensor.Zeros([3]);
        v0 = plain.Version;
        plain.IndexPut_([I64([0, 0, 2], 3)], Tensor.FromArray(new[] { 1f, 2, 3 }), accumulate: true);
        Assert.Equal(v0 + 1, plain.Version);
        NN.Check.Close([3, 0, 3], plain, 0);
        // a strided (transposed) target is written through
        var t = Tensor.Zeros([3, 2]).T;
        t.Scatter_(1, I64([2, 0], 2, 1), 1.0);
        NN.Check.Close([0, 0, 1, 1, 0, 0], t, 0);

        var g = (Tensor.Arange(0, 12, 1, DType.Float64) * 0.7).Sin().View(3, 4).RequiresGrad_();
        var gs = (Tensor.Arange(0, 6, 1, DType.Float64) * 1.3).Cos().View(2, 3).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => (a[0] * 1.0).Scatter_(0, I64([2, 0, 1, 0, 2, 2], 2, 3), a[1]), [g, gs]));
        Assert.True(Autograd.GradCheck(a => (a[0] * 1.0).ScatterReduce_(0, I64([2, 0, 1, 0, 2, 2], 2, 3), a[1], "amax"), [g, gs]));
    }
}
