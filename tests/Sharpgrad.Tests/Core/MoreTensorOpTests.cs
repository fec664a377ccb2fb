namespace Sharpgrad.Tests.Core;

/// <summary>
/// roll, cumprod, argsort, diag, trace, nonzero, masked_select, isclose/allclose, meshgrid, median and kthvalue:
/// PyTorch 2.6 values, indices (ties included), dtypes, gradients, node names and messages; gradcheck in Float64.
/// </summary>
public class MoreTensorOpTests
{
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5 }, [3, 4]).RequiresGrad_();
    private static Tensor W() => Tensor.Arange(12).To(DType.Float64).View(3, 4) + 1.0;
    private static Tensor Weights(params int[] shape) => Tensor.Arange(shape.Aggregate(1, (a, b) => a * b)).To(DType.Float64).View(shape) + 1.0;
    private static Tensor F64(params double[] v) => Tensor.FromArray(v);

    /// <summary>Rows of ties: [[2, 1, 2, 1, 3, 2], [5 × 6], [1, 3, 1, 3, 2, 2]].</summary>
    private static Tensor Ties() => Tensor.FromArray(new[] { 2.0, 1, 2, 1, 3, 2, 5, 5, 5, 5, 5, 5, 1, 3, 1, 3, 2, 2 }, [3, 6]).RequiresGrad_();

    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 1e-12);

    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void RollMatchesPyTorch()
    {
        var x = X();
        var y = x.Roll(1, 1);
        Assert.Equal("RollBackward0", y.GradFn!.Name);
        Close([3.0, 0.5, -2.0, 1.5, 2.5, 0.0, 4.0, -1.0, -0.5, -3.0, 0.25, 2.0], y);
        (y * W()).Sum().Backward();
        Close([2.0, 3.0, 4.0, 1.0, 6.0, 7.0, 8.0, 5.0, 10.0, 11.0, 12.0, 9.0], x.Grad!);
        Close([-2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5, 0.5], X().Roll(-1));
        Close([2.0, -0.5, 0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25], X().Roll(2));
        Assert.Equal("RollBackward0", X().Roll(2).GradFn!.Name);
        Assert.Equal([3, 4], X().Roll(2).Shape);
        Close([2.0, -0.5, -3.0, 0.25, 1.5, 3.0, 0.5, -2.0, -1.0, 2.5, 0.0, 4.0], X().Roll([1, -2], [0, 1]));
        Close([0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5, 0.5, -2.0, 1.5, 3.0], Tensor.Roll(X(), [5], [0]));
        Close([1.5, 3.0, 0.5, -2.0, -1.0, 2.5, 0.0, 4.0, 2.0, -0.5, -3.0, 0.25], X().Roll([1, 1], [1, 1]));
        var zeroShift = X().Roll(0, 1);
        Close([0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5], zeroShift);
        var ints = Tensor.Arange(5).Roll(2);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 3, 4, 0, 1, 2 }, ints.ToArray<long>());
        var scalar = Tensor.Scalar(5.0).Roll(3);
        Assert.Empty(scalar.Shape);
        Assert.Equal(5f, scalar.Item<float>());
        Assert.Equal([0, 3], Tensor.Zeros([0, 3]).Roll(1, 0).Shape);

        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => X().Roll(1, 2)));
        Assert.Equal("shifts and dimensions must align. shifts: 2, dims:1", Message<ArgumentException>(() => X().Roll([1, 2], [0])));
        Assert.Equal("shifts and dimensions must align. shifts: 1, dims:2", Message<ArgumentException>(() => X().Roll([1], [0, 0])));
        Assert.Equal("shifts and dimensions must align. shifts: 2, dims:0", Message<ArgumentException>(() => X().Roll([1, 2], [])));
        Assert.Equal("`shifts` required", Message<ArgumentException>(() => X().Roll([], [])));
        Assert.StartsWith("Dimension specified as 0 but tensor has no dimensions", Message<ArgumentOutOfRangeException>(() => Tensor.Scalar(5.0).Roll(3, 0)));
        Assert.StartsWith("Dimension specified as -1 but tensor has no dimensions", Message<ArgumentOutOfRangeException>(() => Tensor.Scalar(5.0).Roll(1, -1)));
    }

    [Fact]
    public void CumprodMatchesPyTorchIncludingZeros()
    {
        var x = X();
        var y = x.Cumprod(1);
        Assert.Equal("CumprodBackward0", y.GradFn!.Name);
        Close([0.5, -1.0, -1.5, -4.5, 0.0, 0.0, -0.0, -0.0, -3.0, -0.75, -1.5, 0.75], y);
        (y * W()).Sum().Backward();
        Close([-48.0, 12.25, -15.0, -6.0, -79.0, 0.0, 0.0, 0.0, 14.0, -60.0, -3.75, -18.0], x.Grad!);

        var x0 = X();
        var y0 = x0.Cumprod(0);
        Close([0.5, -2.0, 1.5, 3.0, 0.0, -8.0, -1.5, 7.5, -0.0, -2.0, -3.0, -3.75], y0);
        (y0 * W()).Sum().Backward();
        Close([1.0, 36.0, -26.0, 9.0, -11.0, -17.0, 43.5, 6.0, 0.0, -80.0, -16.5, 90.0], x0.Grad!);

        // several zeros in a row: the first zero gets the products of the others, later ones nothing
        var z = Tensor.FromArray(new[] { 2.0, 0.0, 3.0, 0.0, 4.0, 0.0, 1.5, 2.0, -1.0, 0.5, 1.0, 2.0, 3.0, 4.0, 0.0 }, [3, 5]).RequiresGrad_();
        var yz = z.Cumprod(1);
        Close([2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.0, -0.0, 1.0, 2.0, 6.0, 24.0, 0.0], yz);
        (yz * Weights(3, 5)).Sum().Backward();
        Close([1.0, 22.0, 0.0, 0.0, 0.0, -1.5, 0.0, 0.0, 0.0, 0.0, 449.0, 219.0, 138.0, 84.0, 360.0], z.Grad!);

        // second order through the zeros (PyTorch switches to its O(n²) formula under create_graph)
        var z2 = Tensor.FromArray(new[] { 2.0, 0.0, 3.0, 0.0, 4.0, 0.0, 1.5, 2.0, -1.0, 0.5, 1.0, 2.0, 3.0, 4.0, 0.0 }, [3, 5]).RequiresGrad_();
        var g = Autograd.Grad([(z2.Cumprod(1) * Weights(3, 5)).Sum()], [z2], createGraph: true)[0]!;
        Close([1.0, 22.0, 0.0, 0.0, 0.0, -1.5, 0.0, 0.0, 0.0, 0.0, 449.0, 219.0, 138.0, 84.0, 360.0], g);
        var cosines = Tensor.FromArray(Enumerable.Range(0, 15).Select(i => Math.Cos(i)).ToArray(), [3, 5]);
        (g * cosines).Sum().Backward();
        Close([5.943325364549538, -134.055800529747, 3.241813835208839, 77.80353204501213, 0.0, 9.636934714236968, -1.4183109273161298, -2.5529596691690353,
            11.913811789455501, -8.509865563896787, 242.87200236110363, -62.80527761688282, -73.6695217858294, -34.36186864370906, -118.33643945125704], z2.Grad!);

        var ints = Tensor.Arange(1, 6).Cumprod(0);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 2, 6, 24, 120 }, ints.ToArray<long>());
        Assert.Equal(DType.Int64, Tensor.FromArray(new[] { true, false }).Cumprod(0).DType);
        Assert.Equal(DType.Float32, Tensor.FromArray(new[] { 1f, 2f }).Cumprod(0).DType);
        var s = Tensor.Scalar(3.0, DType.Float64, requiresGrad: true);
        var ys = s.Cumprod(0);
        Assert.Empty(ys.Shape);
        Assert.Equal("CumprodBackward0", ys.GradFn!.Name);
        ys.Backward();
        Assert.Equal(1.0, s.Grad!.Item<double>());
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => X().Cumprod(2)));
    }

    [Fact]
    public void ArgsortMatchesPyTorch()
    {
        Assert.Equal(new long[] { 1, 0, 2, 3, 2, 0, 3, 1, 0, 3, 1, 2 }, X().Argsort().ToArray<long>());
        Assert.Equal(new long[] { 2, 0, 1, 2, 1, 2, 0, 1, 0, 1, 2, 0 }, X().Argsort(0).ToArray<long>());
        Assert.Equal(new long[] { 3, 2, 0, 1, 1, 3, 0, 2, 2, 1, 3, 0 }, X().Argsort(1, descending: true).ToArray<long>());
        // ties keep input order; NaN sorts as the largest (PyTorch gives the same with stable=False on CPU)
        var r = Tensor.FromArray(new[] { 3f, 1f, 3f, 2f, 1f, 3f, float.NaN, 2f });
        Assert.Equal(new long[] { 1, 4, 3, 7, 0, 2, 5, 6 }, r.Argsort().ToArray<long>());
        Assert.Equal(new long[] { 1, 4, 3, 7, 0, 2, 5, 6 }, r.Argsort(stable: true).ToArray<long>());
        Assert.Equal(new long[] { 6, 0, 2, 5, 3, 7, 1, 4 }, r.Argsort(descending: true).ToArray<long>());
        Assert.Equal(new long[] { 1, 3, 2, 0 }, Tensor.FromArray(new long[] { 3, 1, 2, 1 }).Argsort().ToArray<long>());
        var scalar = Tensor.Scalar(5.0).Argsort();
        Assert.Empty(scalar.Shape);
        Assert.Equal(0L, scalar.Item<long>());
        var a = X().Argsort();
        Assert.Equal(DType.Int64, a.DType);
        Assert.False(a.RequiresGrad);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 3)", Message<ArgumentOutOfRangeException>(() => X().Argsort(3)));
    }

    [Fact]
    public void DiagMatchesPyTorch()
    {
        // 1-D -> 2-D records DiagEmbedBackward0
        (int K, int[] Shape, double[] Values, double[] Grad)[] embed =
        [
            (0, [3, 3], [1.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 3.0], [1.0, 5.0, 9.0]),
            (1, [4, 4], [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0], [2.0, 7.0, 12.0]),
            (-2, [5, 5], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0], [11.0, 17.0, 23.0]),
        ];
        foreach (var (k, shape, values, grad) in embed)
        {
            var v = F64(1.0, -2.0, 3.0).RequiresGrad_();
            var y = v.Diag(k);
            Assert.Equal("DiagEmbedBackward0", y.GradFn!.Name);
            Assert.Equal(shape, y.Shape);
            Close(values, y);
            (y * Weights(shape)).Sum().Backward();
            Close(grad, v.Grad!);
        }

        // 2-D -> 1-D records DiagonalBackward0_copy (a copy, not a view)
        (int K, double[] Values, double[] Grad)[] diagonal =
        [
            (0, [0.5, 4.0, 2.0], [1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 3.0, 0.0]),
            (1, [-2.0, -1.0, -0.5], [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            (2, [1.5, 2.5], [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0]),
            (-1, [0.0, 0.25], [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0]),
            (-2, [-3.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]),
            (3, [3.0], [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            (4, [], new double[12]),
            (-3, [], new double[12]),
        ];
        foreach (var (k, values, grad) in diagonal)
        {
            var x = X();
            var y = x.Diag(k);
            Assert.Equal("DiagonalBackward0_copy", y.GradFn!.Name);
            Assert.True(y.IsContiguous);
            Close(values, y);
            (y * Weights(values.Length)).Sum().Backward();
            Close(grad, x.Grad!);
        }

        var ints = Tensor.FromArray(new long[] { 1, 2 }).Diag();
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 0, 0, 2 }, ints.ToArray<long>());
        Assert.Equal([0, 0], Tensor.Zeros([0]).Diag().Shape);
        Assert.Equal([2, 2], Tensor.Zeros([0]).Diag(2).Shape);
        Assert.Equal([0], Tensor.Zeros([0, 3]).Diag().Shape);
        Assert.Equal("diag(): Supports 1D or 2D tensors. Got 3D", Message<ArgumentException>(() => Tensor.Zeros([2, 2, 2]).Diag()));
        Assert.Equal("diag(): Supports 1D or 2D tensors. Got 0D", Message<ArgumentException>(() => Tensor.Scalar(1.0).Diag()));
    }

    [Fact]
    public void TraceMatchesPyTorch()
    {
        var x = X();
        var y = x.Trace();
        Assert.Equal("TraceBackward0", y.GradFn!.Name);
        Assert.Empty(y.Shape);
        Assert.Equal(DType.Float64, y.DType);
        Assert.Equal(6.5, y.Item<double>());
        y.Backward();
        Close([1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0], x.Grad!);
        var xt = X().T.Detach().Clone().RequiresGrad_();
        var yt = xt.Trace();
        Assert.Equal(6.5, yt.Item<double>());
        (yt * 3.0).Backward();
        Close([3.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0], xt.Grad!);
        var ints = Tensor.Arange(6).View(2, 3).Trace();
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(4L, ints.Item<long>());
        Assert.Equal(DType.Float32, Tensor.Ones([2, 2]).Trace().DType);
        Assert.Equal(0f, Tensor.Zeros([0, 3]).Trace().Item<float>());
        Assert.Equal("\"trace\" not implemented for 'Bool'", Message<ArgumentException>(() => Tensor.FromArray(new[] { true, false, true, true }, [2, 2]).Trace()));
        Assert.Equal("trace: expected a matrix, but got tensor with dim 1", Message<ArgumentException>(() => Tensor.Zeros([3]).Trace()));
        Assert.Equal("trace: expected a matrix, but got tensor with dim 3", Message<ArgumentException>(() => Tensor.Zeros([2, 2, 2]).Trace()));
    }

    [Fact]
    public void NonzeroMatchesPyTorch()
    {
        var n = Tensor.FromArray(new[] { 0f, 1.5f, 0f, 2f, 0f, -1f }, [2, 3]).Nonzero();
        Assert.Equal(DType.Int64, n.DType);
        Assert.Equal([3, 2], n.Shape);
        Assert.Equal(new long[] { 0, 1, 1, 0, 1, 2 }, n.ToArray<long>());
        // NaN is non-zero, -0.0 is zero
        Assert.Equal(new long[] { 1, 3 }, F64(0.0, double.NaN, -0.0, 3.0).Nonzero().ToArray<long>());
        Assert.Equal([1, 0], Tensor.Scalar(5.0).Nonzero().Shape);
        Assert.Equal([0, 0], Tensor.Scalar(0.0).Nonzero().Shape);
        Assert.Equal([0, 2], Tensor.Zeros([2, 0]).Nonzero().Shape);
        Assert.Equal(new long[] { 0, 2 }, Tensor.FromArray(new[] { true, false, true }).Nonzero().ToArray<long>());
        var tuple = Tensor.FromArray(new[] { 0f, 1.5f, 0f, 2f, 0f, -1f }, [2, 3]).NonzeroAsTuple();
        Assert.Equal(2, tuple.Length);
        Assert.Equal(new long[] { 0, 1, 1 }, tuple[0].ToArray<long>());
        Assert.Equal(new long[] { 1, 0, 2 }, tuple[1].ToArray<long>());
        var scalarTuple = Tensor.Scalar(5.0).NonzeroAsTuple();
        Assert.Single(scalarTuple);
        Assert.Equal(new long[] { 0 }, scalarTuple[0].ToArray<long>());
        Assert.False(F64(1.0, 2.0).RequiresGrad_().Nonzero().RequiresGrad);
    }

    [Fact]
    public void MaskedSelectMatchesPyTorch()
    {
        var x = X();
        var mask = Tensor.FromArray(new[] { true, false, true, false, false, false, true, true, true, true, false, false }, [3, 4]);
        var y = x.MaskedSelect(mask);
        Assert.Equal("MaskedSelectBackward0", y.GradFn!.Name);
        Close([0.5, 1.5, -1.0, 2.5, -3.0, 0.25], y);
        (y * Weights(6)).Sum().Backward();
        Close([1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 3.0, 4.0, 5.0, 6.0, 0.0, 0.0], x.Grad!);

        // the mask broadcasts over the input ...
        var x2 = X();
        var y2 = x2.MaskedSelect(Tensor.FromArray(new[] { true, false, false, true }));
        Close([0.5, 3.0, 0.0, 2.5, -3.0, -0.5], y2);
        (y2 * Weights(6)).Sum().Backward();
        Close([1.0, 0.0, 0.0, 2.0, 3.0, 0.0, 0.0, 4.0, 5.0, 0.0, 0.0, 6.0], x2.Grad!);
        // ... and the input over the mask (its gradient summed back)
        var v = F64(1.0, 2.0).RequiresGrad_();
        var y3 = v.MaskedSelect(Tensor.FromArray(new[] { true, false, true, true, false, true }, [3, 2]));
        Close([1.0, 1.0, 2.0, 2.0], y3);
        (y3 * Weights(4)).Sum().Backward();
        Close([3.0, 7.0], v.Grad!);

        Assert.Equal(new long[] { 0, 2, 3 }, Tensor.Arange(4).MaskedSelect(Tensor.FromArray(new[] { true, false, true, true })).ToArray<long>());
        Assert.Equal([1], Tensor.Scalar(3.0).MaskedSelect(Tensor.FromArray(new[] { true }).View()).Shape);
        Assert.Equal([24], X().MaskedSelect(Tensor.Ones([2, 3, 4], DType.Bool)).Shape);
        Assert.Equal("masked_select: expected BoolTensor for mask", Message<ArgumentException>(() => X().MaskedSelect(Tensor.Ones([3, 4]))));
        Assert.Equal("masked_select: expected BoolTensor for mask", Message<ArgumentException>(() => X().MaskedSelect(Tensor.Ones([3, 4], DType.Int64))));
        Assert.Equal("The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 1",
            Message<ArgumentException>(() => X().MaskedSelect(Tensor.Ones([3, 5], DType.Bool))));
    }

    [Fact]
    public void IsCloseAndAllCloseMatchPyTorch()
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        var a = F64(1.0, 1.0, inf, -inf, inf, nan, nan, 0.0, 1e-9, 100.0);
        var b = F64(1.0 + 1e-6, 1.1, inf, -inf, -inf, nan, 1.0, 1e-9, 0.0, 100.001);
        bool[] Flags(Tensor t) { Assert.Equal(DType.Bool, t.DType); return t.ToArray<bool>(); }
        Assert.Equal([true, false, true, true, false, false, false, true, true, true], Flags(a.IsClose(b)));
        Assert.Equal([true, false, true, true, false, true, false, true, true, true], Flags(a.IsClose(b, equalNan: true)));
        Assert.Equal([true, true, true, true, false, false, false, true, true, true], Flags(a.IsClose(b, rtol: 0.2)));
        Assert.Equal([false, false, true, true, false, false, false, false, false, false], Flags(Tensor.IsClose(a, b, rtol: 0, atol: 0)));
        Assert.Equal([true, false, true, true, false, false, false, false, false, true], Flags(a.IsClose(b, rtol: 1e-4, atol: 0)));
        Assert.False(a.AllClose(b));
        Assert.False(a.Narrow(0, 0, 5).AllClose(b.Narrow(0, 0, 5)));
        var pick = Tensor.FromArray(new long[] { 0, 2, 3, 5 });
        Assert.True(Tensor.AllClose(a.IndexSelect(0, pick), b.IndexSelect(0, pick), equalNan: true));
        Assert.False(a.IndexSelect(0, pick).AllClose(b.IndexSelect(0, pick)));

        // integers and bools, in PyTorch's dtypes
        var i1 = Tensor.FromArray(new long[] { 100, 2, 3 });
        var i2 = Tensor.FromArray(new long[] { 101, 3, 3 });
        Assert.Equal([false, false, true], Flags(i1.IsClose(i2)));
        Assert.Equal([true, false, true], Flags(i1.IsClose(i2, rtol: 0.01, atol: 0)));
        Assert.Equal([true, true, true], Flags(i1.IsClose(i2, rtol: 0.5, atol: 0)));
        Assert.Equal([true, false], Flags(Tensor.FromArray(new[] { true, false }).IsClose(Tensor.FromArray(new[] { true, true }))));
        // Float32 is compared in Float32
        Assert.Equal([false, true], Flags(Tensor.FromArray(new[] { 1f, 2f }).IsClose(Tensor.FromArray(new[] { 1.00001f, 2f }))));
        Assert.True(Tensor.FromArray(new[] { 1e-8f }).IsClose(Tensor.FromArray(new[] { 0f })).Item<bool>());
        Assert.False(F64(2e-8).IsClose(F64(0.0)).Item<bool>());
        var broadcast = Tensor.Ones([2, 3]).IsClose(Tensor.Ones([3]));
        Assert.Equal([2, 3], broadcast.Shape);
        Assert.All(broadcast.ToArray<bool>(), Assert.True);
        Assert.False(X().IsClose(X()).RequiresGrad);

        Assert.Equal("rtol must be greater than or equal to zero, but got -1", Message<ArgumentException>(() => a.IsClose(b, rtol: -1)));
        Assert.Equal("atol must be greater than or equal to zero, but got -1", Message<ArgumentException>(() => a.IsClose(b, atol: -1)));
        Assert.Equal("Double did not match Float", Message<ArgumentException>(() => a.IsClose(b.To(DType.Float32))));
        Assert.Equal("Long did not match Float", Message<ArgumentException>(() => Tensor.FromArray(new long[] { 1, 2 }).IsClose(Tensor.FromArray(new[] { 1f, 2f }))));
        Assert.Equal("Float did not match Double", Message<ArgumentException>(() => Tensor.Ones([2, 3]).AllClose(Tensor.Ones([3], DType.Float64))));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
            Message<ArgumentException>(() => Tensor.Ones([2, 3]).AllClose(Tensor.Ones([4]))));
    }

    [Fact]
    public void MeshgridMatchesPyTorch()
    {
        var p = F64(1.0, 2.0, 3.0).RequiresGrad_();
        var q = F64(4.0, 5.0).RequiresGrad_();
        var ij = Tensor.Meshgrid([p, q], "ij");
        Assert.All(ij, g => Assert.Equal([3, 2], g.Shape));
        Assert.All(ij, g => Assert.Equal("ExpandBackward0", g.GradFn!.Name));
        Close([1.0, 1.0, 2.0, 2.0, 3.0, 3.0], ij[0]);
        Close([4.0, 5.0, 4.0, 5.0, 4.0, 5.0], ij[1]);
        Assert.Equal([1, 0], ij[0].Stride);
        Assert.Equal([0, 1], ij[1].Stride);
        (ij[0] * Tensor.Arange(6).To(DType.Float64).View(3, 2) + ij[1] * ij[1]).Sum().Backward();
        Close([1.0, 5.0, 9.0], p.Grad!);
        Close([24.0, 30.0], q.Grad!);

        p.Grad = null;
        q.Grad = null;
        var xy = Tensor.Meshgrid([p, q], "xy");
        Assert.All(xy, g => Assert.Equal([2, 3], g.Shape));
        Close([1.0, 2.0, 3.0, 1.0, 2.0, 3.0], xy[0]);
        Close([4.0, 4.0, 4.0, 5.0, 5.0, 5.0], xy[1]);
        Assert.Equal([0, 1], xy[0].Stride);
        Assert.Equal([1, 0], xy[1].Stride);
        (xy[0] * Tensor.Arange(6).To(DType.Float64).View(2, 3) + xy[1] * xy[1]).Sum().Backward();
        Close([3.0, 5.0, 7.0], p.Grad!);
        Close([24.0, 30.0], q.Grad!);

        var three = Tensor.Meshgrid([Tensor.FromArray(new[] { 1f, 2f }), Tensor.FromArray(new[] { 3f, 4f, 5f }), Tensor.FromArray(new[] { 7f, 8f })], "xy");
        Assert.All(three, g => Assert.Equal([3, 2, 2], g.Shape));
        Close([1.0, 1.0, 2.0, 2.0, 1.0, 1.0, 2.0, 2.0, 1.0, 1.0, 2.0, 2.0], three[0]);
        Close([3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0, 4.0, 5.0, 5.0, 5.0, 5.0], three[1]);
        Close([7.0, 8.0, 7.0, 8.0, 7.0, 8.0, 7.0, 8.0, 7.0, 8.0, 7.0, 8.0], three[2]);
        Assert.All(Tensor.Meshgrid([Tensor.Scalar(1.0), Tensor.Ones([3])]), g => Assert.Equal([1, 3], g.Shape));
        Assert.Equal([2], Tensor.Meshgrid([Tensor.Ones([2])], "xy")[0].Shape);
        Assert.Equal([1], Tensor.Meshgrid([Tensor.Scalar(2.0)], "xy")[0].Shape);
        var mixed = Tensor.Meshgrid([Tensor.Scalar(2.0), Tensor.FromArray(new[] { 1f, 2f, 3f })], "xy");
        Assert.All(mixed, g => Assert.Equal([3, 1], g.Shape));
        Close([2.0, 2.0, 2.0], mixed[0]);
        Close([1.0, 2.0, 3.0], mixed[1]);
        Assert.Equal(DType.Int64, Tensor.Meshgrid([Tensor.Arange(2), Tensor.Arange(3)])[0].DType);

        Assert.Equal("meshgrid expects all tensors to have the same dtype", Message<ArgumentException>(() => Tensor.Meshgrid([Tensor.Ones([2]), Tensor.Ones([3], DType.Float64)], "ab")));
        Assert.Equal("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: ab", Message<ArgumentException>(() => Tensor.Meshgrid([Tensor.Ones([2]), Tensor.Ones([3])], "ab")));
        Assert.Equal("meshgrid expects a non-empty TensorList", Message<ArgumentException>(() => Tensor.Meshgrid([], "ij")));
        // PyTorch then prints the tensor in its legacy form; its last line is the type and shape
        Assert.Equal("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: [ torch.FloatTensor{2,2} ]",
            Message<ArgumentException>(() => Tensor.Meshgrid([Tensor.Ones([2, 2]), Tensor.Ones([3])], "ij")));
    }

    [Fact]
    public void MedianMatchesPyTorch()
    {
        var x = X();
        var m = x.Median();
        Assert.Equal("MedianBackward0", m.GradFn!.Name);
        Assert.Empty(m.Shape);
        Assert.Equal(0.25, m.Item<double>());
        m.Backward();
        Close([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0], x.Grad!);

        var x1 = X();
        var (v, i) = x1.Median(1);
        Assert.Equal("MedianBackward1", v.GradFn!.Name);
        Assert.Equal(DType.Int64, i.DType);
        Close([0.5, 0.0, -0.5], v);
        Assert.Equal(new long[] { 0, 0, 3 }, i.ToArray<long>());
        (v * F64(1.0, 2.0, 3.0)).Sum().Backward();
        Close([1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0], x1.Grad!);

        var x0 = X();
        var (v0, i0) = x0.Median(0, keepDim: true);
        Assert.Equal([1, 4], v0.Shape);
        Assert.Equal([1, 4], i0.Shape);
        Close([0.0, 0.25, 1.5, 2.5], v0);
        Assert.Equal(new long[] { 1, 2, 0, 1 }, i0.ToArray<long>());
        (v0 * F64(1.0, 2.0, 3.0, 4.0)).Sum().Backward();
        Close([0.0, 0.0, 3.0, 0.0, 1.0, 0.0, 0.0, 4.0, 0.0, 2.0, 0.0, 0.0], x0.Grad!);

        // ties: the (n-1)/2-th of the stable order; the global gradient is shared by every element equal to the median
        var r = Ties();
        var (rv, ri) = r.Median(1);
        Close([2.0, 5.0, 2.0], rv);
        Assert.Equal(new long[] { 0, 2, 4 }, ri.ToArray<long>());
        rv.Sum().Backward();
        Close([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0], r.Grad!);
        var rg = Ties();
        var rm = rg.Median();
        Assert.Equal(2.0, rm.Item<double>());
        rm.Backward();
        Close([0.2, 0.0, 0.2, 0.0, 0.0, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.2], rg.Grad!);
        var t = F64(3.0, 1.0, 3.0, 1.0, 3.0, 1.0, 2.0, 2.0).RequiresGrad_();
        Assert.Equal(6L, t.Median(0).Indices.Item<long>());
        t.Median().Backward();
        Close([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.5], t.Grad!);

        // NaN: the first NaN of the slice
        var n = Tensor.FromArray(new[] { 1.0, double.NaN, 3.0, 2.0, 0.0, 1.0 }, [2, 3]);
        var (nv, ni) = n.Median(1);
        Close([double.NaN, 1.0], nv);
        Assert.Equal(new long[] { 1, 2 }, ni.ToArray<long>());
        Assert.True(double.IsNaN(n.Median().Item<double>()));
        Assert.Equal(0L, F64(double.NaN, double.NaN, 1.0).Median(0).Indices.Item<long>());
        Assert.Equal(1L, F64(1.0, double.NaN, double.NaN).Median(0).Indices.Item<long>());

        var ints = Tensor.FromArray(new long[] { 5, 1, 3, 2 });
        Assert.Equal(2L, ints.Median().Item<long>());
        Assert.Equal(3L, ints.Median(0).Indices.Item<long>());
        Assert.True(float.IsNaN(Tensor.Zeros([0]).Median().Item<float>()));
        Assert.Equal(long.MinValue, Tensor.Zeros([0], DType.Int64).Median().Item<long>());
        Assert.Equal([0], Tensor.Zeros([0, 3]).Median(1).Values.Shape);
        var s = Tensor.Scalar(4.0, DType.Float64, requiresGrad: true);
        var (sv, si) = s.Median(0);
        Assert.Equal(4.0, sv.Item<double>());
        Assert.Equal(0L, si.Item<long>());
        Assert.Equal("MedianBackward1", sv.GradFn!.Name);
        Assert.Equal("MedianBackward0", s.Median().GradFn!.Name);

        Assert.StartsWith("median(): Expected reduction dim 0 to have non-zero size.", Message<ArgumentOutOfRangeException>(() => Tensor.Zeros([0, 3]).Median(0)));
        Assert.StartsWith("median(): Expected reduction dim 1 to have non-zero size.", Message<ArgumentOutOfRangeException>(() => Tensor.Zeros([3, 0]).Median(1)));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => X().Median(2)));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got 1)", Message<ArgumentOutOfRangeException>(() => Tensor.Scalar(1.0).Median(1)));
        var b = Tensor.FromArray(new[] { true, false, true });
        Assert.Equal("\"median_cpu\" not implemented for 'Bool'", Message<ArgumentException>(() => b.Median()));
        Assert.Equal("\"median_out\" not implemented for 'Bool'", Message<ArgumentException>(() => b.Median(0)));
    }

    [Fact]
    public void KthvalueMatchesPyTorchIncludingTies()
    {
        var x = X();
        var (v, i) = x.Kthvalue(2, 1);
        Assert.Equal("KthvalueBackward0", v.GradFn!.Name);
        Close([0.5, 0.0, -0.5], v);
        Assert.Equal(new long[] { 0, 0, 3 }, i.ToArray<long>());
        (v * F64(1.0, 2.0, 3.0)).Sum().Backward();
        Close([1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0], x.Grad!);
        var (v3, i3) = X().Kthvalue(3, 0, keepDim: true);
        Assert.Equal([1, 4], v3.Shape);
        Close([0.5, 4.0, 2.0, 3.0], v3);
        Assert.Equal(new long[] { 0, 1, 2, 0 }, i3.ToArray<long>());
        var (v1, i1) = X().Kthvalue(1);
        Close([-2.0, -1.0, -3.0], v1);
        Assert.Equal(new long[] { 1, 2, 0 }, i1.ToArray<long>());
        var (v4, i4) = X().Kthvalue(4);
        Close([3.0, 4.0, 2.0], v4);
        Assert.Equal(new long[] { 3, 1, 2 }, i4.ToArray<long>());

        // among equal values, the position PyTorch's CPU quickselect leaves at k-1
        double[][] tieValues = [[1, 5, 1], [1, 5, 1], [2, 5, 2], [2, 5, 2], [2, 5, 3], [3, 5, 3]];
        long[][] tieIndices = [[1, 4, 2], [3, 2, 0], [2, 0, 4], [0, 3, 5], [5, 1, 1], [4, 5, 3]];
        for (int k = 1; k <= 6; k++)
        {
            var (tv, ti) = Ties().Kthvalue(k, 1);
            Close(tieValues[k - 1], tv);
            Assert.Equal(tieIndices[k - 1], ti.ToArray<long>());
        }
        var t = F64(3.0, 1.0, 3.0, 1.0, 3.0, 1.0, 2.0, 2.0);
        long[] expected = [3, 5, 1, 6, 7, 2, 4, 0];
        for (int k = 1; k <= 8; k++) Assert.Equal(expected[k - 1], t.Kthvalue(k).Indices.Item<long>());

        // NaN is the largest
        var n = Tensor.FromArray(new[] { 1.0, double.NaN, 3.0, 2.0, 0.0, 1.0 }, [2, 3]);
        var (nv, ni) = n.Kthvalue(3, 1);
        Close([double.NaN, 2.0], nv);
        Assert.Equal(new long[] { 1, 0 }, ni.ToArray<long>());
        Close([3.0, 1.0], n.Kthvalue(2, 1).Values);

        var ints = Tensor.FromArray(new long[] { 5, 1, 3, 2 }).Kthvalue(2);
        Assert.Equal(2L, ints.Values.Item<long>());
        Assert.Equal(3L, ints.Indices.Item<long>());
        var (sv, si) = Tensor.Scalar(4.0).Kthvalue(1);
        Assert.Equal(4f, sv.Item<float>());
        Assert.Equal(0L, si.Item<long>());

        Assert.Equal("kthvalue(): selected number k out of range for dimension 1", Message<InvalidOperationException>(() => X().Kthvalue(5, 1)));
        Assert.Equal("kthvalue(): selected number k out of range for dimension 1", Message<InvalidOperationException>(() => X().Kthvalue(0, 1)));
        Assert.Equal("kthvalue(): selected number k out of range for dimension 1", Message<InvalidOperationException>(() => X().Kthvalue(-1, 1)));
        Assert.Equal("kthvalue(): selected number k out of range for dimension 0", Message<InvalidOperationException>(() => Tensor.Scalar(4.0).Kthvalue(2)));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => X().Kthvalue(1, 2)));
        Assert.StartsWith("kthvalue(): Expected reduction dim 0 to have non-zero size.", Message<ArgumentOutOfRangeException>(() => Tensor.Zeros([0, 3]).Kthvalue(1, 0)));
        Assert.StartsWith("kthvalue(): Expected reduction dim 1 to have non-zero size.", Message<ArgumentOutOfRangeException>(() => Tensor.Zeros([3, 0]).Kthvalue(1, -1)));
        Assert.Equal("\"kthvalue_cpu\" not implemented for 'Bool'", Message<ArgumentException>(() => Tensor.FromArray(new[] { true, false }).Kthvalue(1)));
    }

    [Fact]
    public void GradientsCheckInFloat64()
    {
        Tensor.ManualSeed(11);
        Tensor R(params int[] shape) => Tensor.Randn(shape, DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => a[0].Roll([2, -1], [0, 1]), [R(3, 4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Roll(5), [R(3, 4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Cumprod(1), [R(3, 5)]));
        Assert.True(Autograd.GradCheck(a => a[0].Cumprod(0), [R(4, 3)]));
        var withZeros = Tensor.FromArray(new[] { 2.0, 0.0, 3.0, 0.0, 4.0, 0.0, 1.5, 2.0, -1.0, 0.5, 1.0, 2.0, 3.0, 4.0, 0.0 }, [3, 5]).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => a[0].Cumprod(1), [withZeros]));
        // double backward through cumprod's gradient, zeros included
        var w = Weights(3, 5);
        Assert.True(Autograd.GradCheck(a => Autograd.EnableGrad(() => Autograd.Grad([(a[0].Cumprod(1) * w).Sum()], [a[0]], createGraph: true)[0]!), [withZeros]));
        Assert.True(Autograd.GradCheck(a => a[0].Diag(1), [R(4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Diag(-1), [R(3, 4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Trace(), [R(3, 4)]));
        var mask = Tensor.FromArray(new[] { true, false, true, true, false, true }, [2, 3]);
        Assert.True(Autograd.GradCheck(a => a[0].MaskedSelect(mask), [R(3)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Meshgrid([a[0], a[1]], "xy")[0] * Tensor.Meshgrid([a[0], a[1]], "xy")[1], [R(3), R(2)]));
        Assert.True(Autograd.GradCheck(a => a[0].Median(), [R(3, 5)]));
        Assert.True(Autograd.GradCheck(a => a[0].Median(1).Values, [R(3, 5)]));
        Assert.True(Autograd.GradCheck(a => a[0].Kthvalue(2, 0, keepDim: true).Values, [R(4, 3)]));
    }

    [Fact]
    public void StridedInputsAndGradModesGiveTheSameResults()
    {
        var mask = Tensor.FromArray(new[] { true, false, true, true, false, false, true, false, true, true, false, true }, [3, 4]);
        (string Name, Func<Tensor, Tensor> F)[] ops =
        [
            ("roll", x => x.Roll([1, -1], [0, 1])), ("roll_flat", x => x.Roll(5)), ("cumprod", x => x.Cumprod(1)), ("diag", x => x.Diag(1)),
            ("trace", x => x.Trace()), ("masked_select", x => x.MaskedSelect(mask)), ("median", x => x.Median()),
            ("median_dim", x => x.Median(0).Values), ("kthvalue", x => x.Kthvalue(2, 1).Values),
            ("meshgrid", x => Tensor.Meshgrid([x.Select(0, 1), x.Select(1, 2)], "xy")[0]),
        ];
        Tensor.ManualSeed(13);
        var values = Tensor.Randn([3, 4], DType.Float64);
        var transposed = values.T.Contiguous().T;       // column-major storage
        var wide = Tensor.Zeros([3, 8], DType.Float64); // every other column
        var sliced = wide.Slice(1, 0, 8, 2);
        sliced.Copy_(values);
        foreach (var (name, f) in ops)
        {
            var expected = f(values.Clone().RequiresGrad_());
            foreach (var layout in new[] { transposed, sliced })
            {
                var x = layout.Detach().RequiresGrad_();
                var y = f(x);
                Assert.True(expected.Detach().Equal(y.Detach()), name);
                (y * y).Sum().Backward();
                var reference = values.Clone().RequiresGrad_();
                var r = f(reference);
                (r * r).Sum().Backward();
                Assert.True(reference.Grad!.Equal(x.Grad!), name);
            }
            // meshgrid's grids are views: under no_grad they still report requires_grad=True, as in PyTorch
            using (Autograd.NoGrad()) Assert.Equal(name == "meshgrid", f(values.Clone().RequiresGrad_()).RequiresGrad);
            using (Autograd.InferenceMode())
            {
                var y = f(values);
                Assert.False(y.RequiresGrad, name);
                Assert.True(expected.Detach().Equal(y), name);
            }
        }
    }

    [Fact]
    public void FailedCallsChangeNothing()
    {
        var x = X();
        long version = x.Version;
        Assert.ThrowsAny<Exception>(() => x.Roll([1, 2], [0]));
        Assert.ThrowsAny<Exception>(() => x.Kthvalue(9, 1));
        Assert.ThrowsAny<Exception>(() => x.MaskedSelect(Tensor.Ones([3, 5], DType.Bool)));
        Assert.ThrowsAny<Exception>(() => x.IsClose(x, rtol: -1));
        Assert.Equal(version, x.Version);
        Assert.Null(x.Grad);
        Assert.True(Autograd.IsGradEnabled);
    }
}
