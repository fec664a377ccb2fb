namespace Sharpgrad.Tests.Core;

/// <summary>
/// tril_indices, triu_indices, cartesian_prod, vander, linalg.vander, diagonal, diag_embed, renorm, addcmul and addcdiv:
/// PyTorch 2.6 values, dtypes, gradients, node names and messages; gradcheck in Float64.
/// </summary>
public class StructureOpsTests
{
    private static Tensor F64(double[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static Tensor Leaf(double[] v, params int[] shape) => F64(v, shape).RequiresGrad_();
    private static Tensor I64(long[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static Tensor Range(int n, params int[] shape) => Tensor.Arange(n).To(DType.Float64).View(shape);
    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 1e-9);

    [Theory]
    [InlineData(3, 3, 0, new long[] { 0, 1, 1, 2, 2, 2, 0, 0, 1, 0, 1, 2 }, new long[] { 0, 0, 0, 1, 1, 2, 0, 1, 2, 1, 2, 2 })]
    [InlineData(3, 3, 1, new long[] { 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 0, 1, 2, 0, 1, 2 }, new long[] { 0, 0, 1, 1, 2, 2 })]
    [InlineData(3, 3, -1, new long[] { 1, 2, 2, 0, 0, 1 }, new long[] { 0, 0, 0, 1, 1, 1, 2, 2, 0, 1, 2, 0, 1, 2, 1, 2 })]
    [InlineData(4, 3, 0, new long[] { 0, 1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 1, 0, 1, 2, 0, 1, 2 }, new long[] { 0, 0, 0, 1, 1, 2, 0, 1, 2, 1, 2, 2 })]
    [InlineData(3, 4, 2, new long[] { 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3 }, new long[] { 0, 0, 1, 2, 3, 3 })]
    [InlineData(2, 5, -3, new long[0], new long[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4 })]
    [InlineData(0, 3, 0, new long[0], new long[0])]
    [InlineData(3, 0, 0, new long[0], new long[0])]
    [InlineData(1, 1, 5, new long[] { 0, 0 }, new long[0])]
    [InlineData(3, 3, -10, new long[0], new long[] { 0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2 })]
    public void TriangleIndicesMatchPyTorch(int row, int col, int offset, long[] tril, long[] triu)
    {
        var l = Tensor.TrilIndices(row, col, offset);
        var u = Tensor.TriuIndices(row, col, offset);
        Assert.Equal(DType.Int64, l.DType);
        Assert.Equal(new[] { 2, tril.Length / 2 }, l.Sizes);
        Assert.Equal(new[] { 2, triu.Length / 2 }, u.Sizes);
        Assert.Equal(tril, l.ToArray<long>());
        Assert.Equal(triu, u.ToArray<long>());
    }

    [Fact]
    public void TriangleIndexErrorsMatchPyTorch()
    {
        Assert.Equal("row must be non-negative, got-1", Assert.Throws<ArgumentException>(() => Tensor.TrilIndices(-1, 3)).Message);
        Assert.Equal("col must be non-negative, got-2", Assert.Throws<ArgumentException>(() => Tensor.TriuIndices(3, -2)).Message);
        Assert.Equal("\"tril_indices\" not implemented for 'Float'", Assert.Throws<ArgumentException>(() => Tensor.TrilIndices(3, 3, dtype: DType.Float32)).Message);
    }

    [Fact]
    public void CartesianProdMatchesPyTorch()
    {
        var a = Leaf([1, 2], 2);
        var b = Leaf([3, 4, 5], 3);
        var c = Tensor.CartesianProd(a, b);
        Assert.Equal("StackBackward0", c.GradFn!.Name);
        Assert.Equal(new[] { 6, 2 }, c.Sizes);
        Close([1, 3, 1, 4, 1, 5, 2, 3, 2, 4, 2, 5], c);
        (c * Range(12, 6, 2)).Sum().Backward();
        Close([6, 24], a.Grad!);
        Close([8, 12, 16], b.Grad!);
        Assert.Same(a, Tensor.CartesianProd(a));
        var ints = Tensor.CartesianProd(I64([1, 2]), I64([3]), I64([4, 5]));
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 3, 4, 1, 3, 5, 2, 3, 4, 2, 3, 5 }, ints.ToArray<long>());
        Assert.Equal("Expect a 1D vector, but got shape [2, 2]", Assert.Throws<ArgumentException>(() => Tensor.CartesianProd(Tensor.Ones([2, 2]))).Message);
        Assert.Equal("Expect a 1D vector, but got shape []", Assert.Throws<ArgumentException>(() => Tensor.CartesianProd(Tensor.Scalar(1))).Message);
        Assert.Equal("meshgrid expects all tensors to have the same dtype",
            Assert.ThrowsAny<Exception>(() => Tensor.CartesianProd(Tensor.Ones([2]), Tensor.Ones([2], DType.Float64))).Message);
    }

    private static Tensor V() => Leaf([1, 2, 3, 0.5], 4);

    [Fact]
    public void VanderMatchesPyTorch()
    {
        var v = Tensor.Vander(V());
        Assert.Equal("FlipBackward0", v.GradFn!.Name);
        Assert.Equal(new[] { 4, 4 }, v.Sizes);
        Close([1, 1, 1, 1, 8, 4, 2, 1, 27, 9, 3, 1, 0.125, 0.25, 0.5, 1], v);
        var inc = Tensor.Vander(V(), 3, increasing: true);
        Assert.Equal("CopySlices", inc.GradFn!.Name);
        Close([1, 1, 1, 1, 2, 4, 1, 3, 9, 1, 0.5, 0.25], inc);
        var ints = Tensor.Vander(I64([1, 2, 3]), 5);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 16, 8, 4, 2, 1, 81, 27, 9, 3, 1 }, ints.ToArray<long>());
        var bools = Tensor.Vander(Tensor.FromArray(new[] { true, false }));
        Assert.Equal(DType.Int64, bools.DType);
        Assert.Equal(new long[] { 1, 1, 0, 1 }, bools.ToArray<long>());
        var none = Tensor.Vander(V(), 0);
        Assert.Equal(new[] { 4, 0 }, none.Sizes);
        Assert.Null(none.GradFn);
        Assert.Null(Tensor.Vander(V(), 1).GradFn);
        Close([1, 1, 1, 1], Tensor.Vander(V(), 1, increasing: true));
        Assert.Equal("x must be a one-dimensional tensor.", Assert.Throws<ArgumentException>(() => Tensor.Vander(Tensor.Ones([2, 2]))).Message);
        Assert.Equal("N must be non-negative.", Assert.Throws<ArgumentException>(() => Tensor.Vander(V(), -1)).Message);
    }

    [Fact]
    public void LinalgVanderMatchesPyTorch()
    {
        var x = V();
        var v = Tensor.LinalgVander(x);
        Assert.Equal("CatBackward0", v.GradFn!.Name);
        Close([1, 1, 1, 1, 1, 2, 4, 8, 1, 3, 9, 27, 1, 0.5, 0.25, 0.125], v);
        (v * Range(16, 4, 4)).Sum().Backward();
        Close([14, 113, 366, 38.25], x.Grad!);
        var batched = Tensor.LinalgVander(V().Detach().View(2, 2).RequiresGrad_(), 3);
        Assert.Equal(new[] { 2, 2, 3 }, batched.Sizes);
        Close([1, 1, 1, 1, 2, 4, 1, 3, 9, 1, 0.5, 0.25], batched);
        var ints = Tensor.LinalgVander(I64([2, 3]));
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 2, 1, 3 }, ints.ToArray<long>());
        Assert.Equal("N must be greater than 1.", Assert.Throws<ArgumentException>(() => Tensor.LinalgVander(Tensor.Scalar(2))).Message);
        Assert.Equal("N must be greater than 1.", Assert.Throws<ArgumentException>(() => Tensor.LinalgVander(V(), 1)).Message);
        Assert.Equal("linalg.vander supports floating point, complex, and integer tensors, but got Bool",
            Assert.Throws<ArgumentException>(() => Tensor.LinalgVander(Tensor.FromArray(new[] { true, false }))).Message);
    }

    private static Tensor M() => Range(12, 3, 4).RequiresGrad_();

    [Fact]
    public void DiagonalIsAViewAndMatchesPyTorch()
    {
        var m = M();
        var cases = new (int[] Args, double[] Values)[]
        {
            ([0, 0, 1], [0, 5, 10]), ([1, 0, 1], [1, 6, 11]), ([-1, 0, 1], [4, 9]), ([2, 0, 1], [2, 7]), ([5, 0, 1], []),
            ([0, 1, 0], [0, 5, 10]), ([1, -1, -2], [4, 9]),
        };
        foreach (var (args, values) in cases)
        {
            var d = m.Diagonal(args[0], args[1], args[2]);
            Assert.Equal("DiagonalBackward0", d.GradFn!.Name);
            Assert.Equal(new[] { values.Length }, d.Sizes);
            Close(values, d);
        }
        var t3 = Range(24, 2, 3, 4);
        var a = Tensor.Diagonal(t3, 1, 0, 2);
        Assert.Equal(new[] { 3, 2 }, a.Sizes);
        Close([1, 14, 5, 18, 9, 22], a);
        var b = t3.Diagonal(0, -1, 1);
        Assert.Equal(new[] { 2, 3 }, b.Sizes);
        Assert.Equal(new[] { 12, 5 }, b.Strides);
        Close([0, 5, 10, 12, 17, 22], b);
        (m.Diagonal(1) * F64([1, 2, 3])).Sum().Backward();
        Close([0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3], m.Grad!);
        // a view: writes reach the base
        var mm = Range(12, 3, 4);
        mm.Diagonal().Fill_(-1);
        Close([-1, 1, 2, 3, 4, -1, 6, 7, 8, 9, -1, 11], mm);

        Assert.Equal("diagonal dimensions cannot be identical 0, 0", Assert.Throws<ArgumentException>(() => m.Diagonal(0, 0, 0)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => m.Diagonal(0, 0, 2)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Ones([3]).Diagonal()).Message);
    }

    private static Tensor E() => Leaf([1, 2, 3, 4], 2, 2);

    [Fact]
    public void DiagEmbedMatchesPyTorch()
    {
        var cases = new (int[] Args, int[] Shape, double[] Values)[]
        {
            ([0, -2, -1], [2, 2, 2], [1, 0, 0, 2, 3, 0, 0, 4]),
            ([1, -2, -1], [2, 3, 3], [0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]),
            ([-1, -2, -1], [2, 3, 3], [0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 4, 0]),
            ([0, 0, 2], [2, 2, 2], [1, 0, 3, 0, 0, 2, 0, 4]),
            ([1, 0, 2], [3, 2, 3], [0, 1, 0, 0, 3, 0, 0, 0, 2, 0, 0, 4, 0, 0, 0, 0, 0, 0]),
            ([0, -1, -2], [2, 2, 2], [1, 0, 0, 2, 3, 0, 0, 4]),
        };
        foreach (var (args, shape, values) in cases)
        {
            var o = E().DiagEmbed(args[0], args[1], args[2]);
            Assert.Equal("DiagEmbedBackward0", o.GradFn!.Name);
            Assert.Equal(shape, o.Sizes);
            Close(values, o);
        }
        var e = E();
        (Tensor.DiagEmbed(e, 1) * Range(18, 2, 3, 3)).Sum().Backward();
        Close([1, 5, 10, 14], e.Grad!);
        var ints = I64([1, 2]).DiagEmbed();
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 1, 0, 0, 2 }, ints.ToArray<long>());
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got -2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Scalar(5).DiagEmbed()).Message);
        Assert.Equal("diagonal dimensions cannot be identical 1, 1", Assert.Throws<ArgumentException>(() => E().DiagEmbed(0, 1, 1)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => E().DiagEmbed(0, 0, 3)).Message);
    }

    private static Tensor R() => Leaf([1, 2, 3, 0.1, 0.2, 0.2, -4, 0, 3], 3, 3);

    [Fact]
    public void RenormMatchesPyTorch()
    {
        var cases = new (double P, int Dim, double Max, double[] Values)[]
        {
            (2, 0, 1, [0.2672612348, 0.5345224695, 0.8017837043, 0.1, 0.2, 0.2, -0.799999984, 0.0, 0.599999988]),
            (1, 1, 2, [0.3921568551, 1.8181817355, 0.9677419199, 0.0392156855, 0.1818181736, 0.064516128, -1.5686274202, 0.0, 0.9677419199]),
            (double.PositiveInfinity, 0, 2.5, [0.8333333056, 1.6666666111, 2.4999999167, 0.1, 0.2, 0.2, -2.4999999375, 0.0, 1.8749999531]),
            (3, -1, 1.5, [0.3730650536, 1.4995002581, 1.1904919707, 0.0373065054, 0.1499500258, 0.0793661314, -1.4922602142, 0.0, 1.1904919707]),
            (2, 0, 100, [1, 2, 3, 0.1, 0.2, 0.2, -4, 0, 3]),
        };
        foreach (var (p, dim, max, values) in cases)
        {
            var o = R().Renorm(p, dim, max);
            Assert.Equal("RenormBackward0", o.GradFn!.Name);
            Close(values, o);
        }
        var grads = new (double P, int Dim, double Max, double[] Grad)[]
        {
            (2, 0, 1, [-0.1527207015, -0.0381801682, 0.076360365, 3.0, 4.0, 5.0, 1.199999976, 1.399999972, 1.599999968]),
            (1, 1, 2, [1.8223759378, -0.2479338204, -0.9677418939, 2.9988465029, 2.4793387829, 2.6e-08, 0.5305651926, 6.3636360744, 0.9677419459]),
            (double.PositiveInfinity, 0, 2.5, [0.0, 0.8333333056, -0.555555463, 3.0, 4.0, 5.0, 3.7499999063, 4.3749998906, 4.999999875]),
        };
        foreach (var (p, dim, max, grad) in grads)
        {
            var r = R();
            (r.Renorm(p, dim, max) * Range(9, 3, 3)).Sum().Backward();
            Close(grad, r.Grad!);
        }
        NN.Check.Close([0.6000000238, 0.8000000119, 0, 0], Tensor.FromArray(new[] { 3f, 4f, 0f, 0f }, [2, 2]).Renorm(2, 0, 1), 1e-7);
        var inPlace = R().Detach();
        Assert.Same(inPlace, inPlace.Renorm_(2, 0, 1));
        Close([0.2672612348, 0.5345224695, 0.8017837043, 0.1, 0.2, 0.2, -0.799999984, 0.0, 0.599999988], inPlace);
        var leaf = R();
        var copy = leaf * 1.0;
        copy.Renorm_(2, 0, 1);
        Assert.Equal("RenormBackward0", copy.GradFn!.Name);
        (copy * Range(9, 3, 3)).Sum().Backward();
        Close([-0.1527207015, -0.0381801682, 0.076360365, 3.0, 4.0, 5.0, 1.199999976, 1.399999972, 1.599999968], leaf.Grad!);
    }

    [Fact]
    public void RenormErrorsMatchPyTorch()
    {
        Assert.Equal("renorm: non-positive-norm not supported", Assert.Throws<ArgumentException>(() => R().Renorm(-1, 0, 1)).Message);
        Assert.Equal("renorm: expected maxnorm to be >= 0 but got -1", Assert.Throws<ArgumentException>(() => R().Renorm(2, 0, -1)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => R().Renorm(2, 3, 1)).Message);
        Assert.Equal("renorm: input needs at least 2 dimensions, got 1 dimensions", Assert.Throws<ArgumentException>(() => I64([1, 2]).Renorm(2, 0, 1)).Message);
        Assert.Equal("renorm: input needs at least 2 dimensions, got 0 dimensions", Assert.Throws<ArgumentException>(() => Tensor.Scalar(2).Renorm(2, 0, 1)).Message);
        Assert.Equal("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long",
            Assert.Throws<InvalidOperationException>(() => I64([1, 2], 1, 2).Renorm(2, 0, 1)).Message);
    }

    private static Tensor S() => Leaf([1, 2, 3], 3);
    private static Tensor T1() => Leaf([0.5, 2], 2, 1);
    private static Tensor T2() => Leaf([4, -1, 0.25], 3);

    [Fact]
    public void AddcmulAndAddcdivMatchPyTorch()
    {
        var (s, t1, t2) = (S(), T1(), T2());
        var m = Tensor.Addcmul(s, t1, t2, 0.5);
        Assert.Equal("AddcmulBackward0", m.GradFn!.Name);
        Assert.Equal(new[] { 2, 3 }, m.Sizes);
        Close([2, 1.75, 3.0625, 5, 1, 3.25], m);
        (m * Range(6, 2, 3)).Sum().Backward();
        Close([3, 5, 7], s.Grad!);
        Close([-0.25, 4.625], t1.Grad!);
        Close([3, 4.25, 5.5], t2.Grad!);

        (s, t1, t2) = (S(), T1(), T2());
        var d = s.Addcdiv(t1, t2, -2);
        Assert.Equal("AddcdivBackward0", d.GradFn!.Name);
        Close([0.75, 3, -1, 0, 6, -13], d);
        (d * Range(6, 2, 3)).Sum().Backward();
        Close([3, 5, 7], s.Grad!);
        Close([-14, -33.5], t1.Grad!);
        Close([0.75, 17, 352], t2.Grad!);

        var ints = I64([1, 2]).Addcmul(I64([3, 4]), I64([5, 6]), 2);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { 31, 50 }, ints.ToArray<long>());
        Assert.Equal(new long[] { 1, 2 }, I64([1, 2]).Addcmul(I64([3, 4]), I64([5, 6]), 0.5).ToArray<long>());
        Assert.Equal(DType.Float32, I64([1, 2]).Addcmul(Tensor.FromArray(new[] { 3f, 4f }), I64([5, 6])).DType);
        var promoted = I64([1, 2]).Addcdiv(Tensor.FromArray(new[] { 3f, 4f }), I64([2, 8]));
        Assert.Equal(DType.Float32, promoted.DType);
        Close([2.5, 2.5], promoted);
        Assert.StartsWith("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division",
            Assert.Throws<ArgumentException>(() => Tensor.Addcdiv(I64([1, 2]), I64([3, 4]), I64([5, 6]))).Message);
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
            Assert.Throws<ArgumentException>(() => S().Addcmul(Tensor.Ones([2], DType.Float64), T2())).Message);
    }

    [Fact]
    public void InPlaceAddcmulAndAddcdivMatchPyTorch()
    {
        var (t1, t2) = (T1(), T2());
        var b = Leaf([1, 2, 3, 4, 5, 6], 2, 3);
        var c = b * 1.0;
        Assert.Same(c, c.Addcmul_(t1, t2, 3));
        Assert.Equal("AddcmulBackward0", c.GradFn!.Name);
        Close([7, 0.5, 3.375, 28, -1, 7.5], c);
        c.Sum().Backward();
        Close([1, 1, 1, 1, 1, 1], b.Grad!);
        Close([9.75, 9.75], t1.Grad!);
        Close([7.5, 7.5, 7.5], t2.Grad!);

        var plain = Range(6, 2, 3) + 1.0;
        plain.Addcdiv_(T1().Detach(), T2().Detach(), 2);
        Close([1.25, 1, 7, 5, 1, 22], plain);
        Assert.Null(plain.GradFn);
        Assert.Equal("AddcdivBackward0", plain.Addcdiv_(T1(), T2()).GradFn!.Name);
        Assert.Equal("output with shape [3] doesn't match the broadcast shape [2, 3]",
            Assert.Throws<ArgumentException>(() => S().Detach().Addcmul_(T1().Detach(), T2().Detach())).Message);
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        Assert.True(Autograd.GradCheck(a => Tensor.CartesianProd(a[0], a[1]), [Leaf([1, 2], 2), Leaf([3, 4, 5], 3)]));
        Assert.True(Autograd.GradCheck(a => Tensor.Vander(a[0]), [V()]));
        Assert.True(Autograd.GradCheck(a => Tensor.Vander(a[0], 3, increasing: true), [V()]));
        Assert.True(Autograd.GradCheck(a => Tensor.LinalgVander(a[0].View(2, 2), 3), [V()]));
        Assert.True(Autograd.GradCheck(a => a[0].Diagonal(-1, 2, 0), [Range(24, 2, 3, 4).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => a[0].DiagEmbed(1, 0, 2), [E()]));
        Assert.True(Autograd.GradCheck(a => a[0].Renorm(2, 0, 1), [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].Renorm(3, 1, 1.5), [R()]));
        Assert.True(Autograd.GradCheck(a => a[0].Renorm(1, 1, 2), [R()]));
        Assert.True(Autograd.GradCheck(a => Tensor.Addcmul(a[0], a[1], a[2], 0.5), [S(), T1(), T2()]));
        Assert.True(Autograd.GradCheck(a => Tensor.Addcdiv(a[0], a[1], a[2], -2), [S(), T1(), T2()]));
        // the gradients are themselves differentiable (double backward)
        Assert.True(Autograd.GradCheck(a => SecondOrder(a, () => a[0].Renorm(2, 0, 1) * a[0]), [R()]));
        Assert.True(Autograd.GradCheck(a => SecondOrder(a, () => a[0].Addcdiv(a[1], a[2]) * a[1]), [S(), T1(), T2()]));
        Assert.True(Autograd.GradCheck(a => SecondOrder(a, () => a[0].Diagonal(1) * a[0].Diagonal(1)), [Range(12, 3, 4).RequiresGrad_()]));
    }

    /// <summary>The input gradients of sum(y), themselves recorded, flattened into one tensor.</summary>
    private static Tensor SecondOrder(Tensor[] inputs, Func<Tensor> y)
    {
        using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
        var g = Autograd.Grad([y().Sum()], inputs, createGraph: true);
        return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
    }
}
