namespace Sharpgrad.Tests.Core;

/// <summary>cross, kron, diff, rot90, take_along_dim and logcumsumexp: PyTorch 2.6 values, dtypes, gradients, node names and messages; gradcheck in Float64.</summary>
public class ArrangeOpsTests
{
    private static Tensor F64(double[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static Tensor Leaf(double[] v, params int[] shape) => F64(v, shape).RequiresGrad_();
    private static Tensor I64(long[] v, params int[] shape) => Tensor.FromArray(v, shape.Length == 0 ? null : shape);
    private static void Close(double[] expected, Tensor actual, double tol = 1e-9)
    {
        var got = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
        {
            if (double.IsFinite(expected[i])) Assert.True(Math.Abs(expected[i] - got[i]) <= tol, $"at {i}: expected {expected[i]}, got {got[i]}");
            else Assert.Equal(expected[i], got[i]);
        }
    }
    private static Tensor CrossA() => Leaf([1, 2, 3, 4, 5, 6], 2, 3);
    private static Tensor CrossB() => Leaf([0.5, -1, 2, 3, 0.25, -2], 2, 3);
    private static Tensor CrossW() => F64([1, -2, 0.5, 2, 3, -1], 2, 3);

    [Fact]
    public void CrossMatchesPyTorch()
    {
        var a = CrossA();
        var b = CrossB();
        var c = a.Cross(b, 1);
        Assert.Equal("LinalgCrossBackward0", c.GradFn!.Name);
        Close([7, -0.5, -2, -11.5, 26, -14], c);
        (c * CrossW()).Sum().Backward();
        Close([3.5, 1.75, 0, 5.75, -1, 8.5], a.Grad!);
        Close([-7, -2.5, 4, 23, -16, -2], b.Grad!);

        var a2 = Leaf([1, 2, 3], 1, 3);
        var b2 = CrossB();
        var c2 = Tensor.LinalgCross(a2, b2);
        Assert.Equal(new[] { 2, 3 }, c2.Sizes);
        Close([7, -0.5, -2, -4.75, 11, -5.75], c2);
        (c2 * CrossW()).Sum().Backward();
        Close([9.25, 0.75, 8.5], a2.Grad!);
        Close([-7, -2.5, 4, 11, -7, 1], b2.Grad!);

        var ints = Tensor.Cross(I64([1, 2, 3]), I64([4, 5, 6]), 0);
        Assert.Equal(DType.Int64, ints.DType);
        Assert.Equal(new long[] { -3, 6, -3 }, ints.ToArray<long>());
        // the deprecated default dim is the first of size 3
        var ones = Tensor.Ones([3, 3]);
        Close(new double[9], ones.Cross(ones.Mul(2).Cumsum(1)));
        Close([7, -0.5, -2, -11.5, 26, -14], CrossA().Cross(CrossB()));
    }

    [Fact]
    public void CrossErrorsMatchPyTorch()
    {
        Assert.Equal("linalg.cross: inputs dimension 1 must have length 3. Got 4 and 4",
            Assert.Throws<ArgumentException>(() => Tensor.Cross(Tensor.Ones([2, 4]), Tensor.Ones([2, 4]), 1)).Message);
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
            Assert.Throws<ArgumentException>(() => Tensor.LinalgCross(Tensor.Ones([2, 3]), Tensor.Ones([3, 3]))).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-1, 0], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.LinalgCross(Tensor.Ones([3]), Tensor.Ones([3]), 2)).Message);
        Assert.Equal("linalg.cross: inputs must have the same number of dimensions.",
            Assert.Throws<ArgumentException>(() => Tensor.LinalgCross(Tensor.Ones([3]), Tensor.Ones([2, 3]))).Message);
        Assert.Equal("linalg.cross: inputs dimension -1 must have length 3. Got 2 and 2",
            Assert.Throws<ArgumentException>(() => Tensor.LinalgCross(Tensor.Ones([3, 2]), Tensor.Ones([3, 2]))).Message);
        Assert.Equal("expected scalar type Long but found Float",
            Assert.Throws<ArgumentException>(() => I64([1, 2, 3]).Cross(Tensor.Ones([3]), 0)).Message);
    }

    [Fact]
    public void KronMatchesPyTorch()
    {
        var a = Leaf([1, 2, 3, 4], 2, 2);
        var b = Leaf([0, 5, 1, 6, 7, -1], 2, 3);
        var k = a.Kron(b);
        Assert.Equal("UnsafeViewBackward0", k.GradFn!.Name);
        Assert.Equal(new[] { 4, 6 }, k.Sizes);
        Close([0, 5, 1, 0, 10, 2, 6, 7, -1, 12, 14, -2, 0, 15, 3, 0, 20, 4, 18, 21, -3, 24, 28, -4], k);
        (k * Tensor.Arange(24).To(DType.Float64).View(4, 6)).Sum().Backward();
        Close([84, 138, 300, 354], a.Grad!);
        Close([102, 112, 122, 162, 172, 182], b.Grad!);

        var mixed = Tensor.Kron(I64([1, 2]), I64([1, 2, 3, 4], 2, 2));
        Assert.Equal(DType.Int64, mixed.DType);
        Assert.Equal(new[] { 2, 4 }, mixed.Sizes);
        Assert.Equal(new long[] { 1, 2, 2, 4, 3, 4, 6, 8 }, mixed.ToArray<long>());
        var v = Tensor.Arange(1.0, 4.0, requiresGrad: true).Kron(Tensor.Arange(2.0, 4.0));
        Assert.Equal("UnsafeViewBackward0", v.GradFn!.Name);
        Close([2, 3, 4, 6, 6, 9], v);
    }

    private static Tensor D() => Leaf([1, 4, 9, 16, 2, 3, 7, 1], 2, 4);

    [Fact]
    public void DiffMatchesPyTorch()
    {
        var d1 = D().Diff();
        Assert.Equal("SubBackward0", d1.GradFn!.Name);
        Close([3, 5, 7, 1, 4, -6], d1);
        var x = D();
        var d2 = Tensor.Diff(x, n: 2, dim: 1);
        Close([2, 2, 3, -10], d2);
        (d2 * F64([1, 2, 3, 4], 2, 2)).Sum().Backward();
        Close([1, 0, -3, 2, 3, -2, -5, 4], x.Grad!);
        var d3 = D().Diff(dim: 0, prepend: Tensor.Zeros([1, 4], DType.Float64), append: Tensor.Ones([2, 4], DType.Float64));
        Assert.Equal(new[] { 4, 4 }, d3.Sizes);
        Assert.Equal("SubBackward0", d3.GradFn!.Name);
        Close([1, 4, 9, 16, 1, -1, -2, -15, -1, -2, -6, 0, 0, 0, 0, 0], d3);
        Assert.Equal(new[] { 2, 0 }, D().Diff(n: 5).Sizes);
        var same = D().Diff(n: 0);
        Assert.Equal("CopyBackwards", same.GradFn!.Name);
        Close([1, 4, 9, 16, 2, 3, 7, 1], same);
        var bools = Tensor.FromArray(new[] { true, false, false, true }).Diff();
        Assert.Equal(DType.Bool, bools.DType);
        Assert.Equal(new[] { true, false, true }, bools.ToArray<bool>());
        Assert.Equal(new long[] { 4, -3 }, I64([1, 5, 2]).Diff().ToArray<long>());
    }

    [Fact]
    public void DiffErrorsMatchPyTorch()
    {
        Assert.Equal("diff expects input to be at least one-dimensional",
            Assert.Throws<ArgumentException>(() => Tensor.Scalar(1.0).Diff()).Message);
        Assert.Equal("order must be non-negative but got -1", Assert.Throws<ArgumentException>(() => D().Diff(n: -1)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => D().Diff(dim: 2)).Message);
        Assert.Equal("diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension; input.size(0) = 2, but got tensor.size(0) = 3",
            Assert.Throws<ArgumentException>(() => D().Diff(prepend: Tensor.Zeros([3, 1]))).Message);
        Assert.Equal("diff expects prepend or append to be the same dimension as input",
            Assert.Throws<ArgumentException>(() => D().Diff(prepend: Tensor.Zeros([2]))).Message);
    }

    [Fact]
    public void Rot90MatchesPyTorch()
    {
        var r = Leaf([0, 1, 2, 3, 4, 5], 2, 3);
        var expected = new Dictionary<int, double[]>
        {
            [0] = [0, 1, 2, 3, 4, 5], [1] = [2, 5, 1, 4, 0, 3], [2] = [5, 4, 3, 2, 1, 0],
            [3] = [3, 0, 4, 1, 5, 2], [-1] = [3, 0, 4, 1, 5, 2], [5] = [2, 5, 1, 4, 0, 3],
        };
        foreach (var (k, values) in expected)
        {
            var o = r.Rot90(k);
            Assert.Equal("Rot90Backward0", o.GradFn!.Name);
            Assert.Equal(k % 2 == 0 ? new[] { 2, 3 } : new[] { 3, 2 }, o.Sizes);
            Close(values, o);
        }
        Close([3, 0, 4, 1, 5, 2], r.Rot90(1, [1, 0]));
        var r3 = Tensor.Rot90(Tensor.Arange(24).To(DType.Float32).View(2, 3, 4), 1, [0, 2]);
        Assert.Equal(new[] { 4, 3, 2 }, r3.Sizes);
        Close([3, 15, 7, 19, 11, 23, 2, 14, 6, 18, 10, 22, 1, 13, 5, 17, 9, 21, 0, 12, 4, 16, 8, 20], r3);
        (r.Rot90() * Tensor.Arange(6).To(DType.Float64).View(3, 2)).Sum().Backward();
        Close([4, 2, 0, 5, 3, 1], r.Grad!);
    }

    [Fact]
    public void Rot90ErrorsMatchPyTorch()
    {
        var r = Tensor.Ones([2, 3]);
        Assert.Equal("expected total rotation dims == 2, but got dims = 1", Assert.Throws<ArgumentException>(() => r.Rot90(1, [0])).Message);
        Assert.Equal("expected rotation dims to be different, but got dim0 = 0 and dim1 = 0", Assert.Throws<ArgumentException>(() => r.Rot90(1, [0, 0])).Message);
        Assert.Equal("expected rotation dims to be different, but got dim0 = 0 and dim1 = 2", Assert.Throws<ArgumentException>(() => r.Rot90(1, [0, 2])).Message);
        Assert.Equal("expected rotation dims to be different, but got dim0 = 0 and dim1 = -2", Assert.Throws<ArgumentException>(() => r.Rot90(1, [0, -2])).Message);
        Assert.Equal("expected total dims >= 2, but got total dims = 1", Assert.Throws<ArgumentException>(() => Tensor.Ones([3]).Rot90()).Message);
    }

    private static Tensor T() => Leaf([10, 30, 20, 60, 40, 50], 2, 3);

    [Fact]
    public void TakeAlongDimMatchesPyTorch()
    {
        var t = T();
        var y = t.TakeAlongDim(I64([0, 2, 1, 0], 2, 2), 1);
        Assert.Equal("GatherBackward0", y.GradFn!.Name);
        Close([10, 20, 40, 60], y);
        (y * F64([1, 2, 3, 4], 2, 2)).Sum().Backward();
        Close([1, 0, 2, 4, 3, 0], t.Grad!);
        Close([30, 60], T().TakeAlongDim(I64([1, 0], 2, 1), 1));
        var rows = Tensor.TakeAlongDim(T(), I64([1, 0, 1], 1, 3), 0);
        Assert.Equal(new[] { 1, 3 }, rows.Sizes);
        Close([60, 30, 50], rows);
        var flat = T().TakeAlongDim(I64([5, 0]));
        Assert.Equal("GatherBackward0", flat.GradFn!.Name);
        Close([50, 10], flat);
        var wide = T().TakeAlongDim(I64([1], 1, 1), 1);
        Assert.Equal(new[] { 2, 1 }, wide.Sizes);
        Close([30, 40], wide);
        Close([10, 20, 30, 40, 50, 60], T().TakeAlongDim(T().Argsort(1), 1));
    }

    [Fact]
    public void TakeAlongDimErrorsMatchPyTorch()
    {
        Assert.Equal("torch.take_along_dim(): dtype of indices should be Long but got Float",
            Assert.Throws<ArgumentException>(() => T().TakeAlongDim(Tensor.Zeros([1, 1]), 1)).Message);
        Assert.Equal("torch.take_along_dim(): input and indices should have the same number of dimensions, but got 2 dimensions for input, and 1 dimensions for indices",
            Assert.Throws<ArgumentException>(() => T().TakeAlongDim(I64([0]), 1)).Message);
        Assert.StartsWith("index 3 is out of bounds for dimension 1 with size 3",
            Assert.Throws<ArgumentOutOfRangeException>(() => T().TakeAlongDim(I64([3], 1, 1), 1)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => T().TakeAlongDim(I64([0], 1, 1), 2)).Message);
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
            Assert.Throws<ArgumentException>(() => T().TakeAlongDim(I64([0, 0, 0], 3, 1), 1)).Message);
    }

    [Fact]
    public void LogcumsumexpMatchesPyTorch()
    {
        var l = Leaf([0.5, -1, 2, 3, 1, double.NegativeInfinity, 0, -2], 2, 4);
        var y = l.Logcumsumexp(1);
        Assert.Equal("LogcumsumexpBackward0", y.GradFn!.Name);
        Close([0.5, 0.701413278, 2.2413112967, 3.3840917013, 1, 1, 1.3132616875, 1.3490122168], y);
        (y * F64([1, -2, 3, 0.5, 2, 1, -1, 4], 2, 4)).Sum().Backward();
        Close([-0.0813250033, -0.2412762211, 2.4820667397, 0.3405344847, 5.0904794722, 0, 0.76904442, 0.1404761078], l.Grad!);
        var l2 = Leaf([0.5, -1, 2, 1, 3, 0], 2, 3);
        var y2 = Tensor.Logcumsumexp(l2, 0);
        Close([0.5, -1, 2, 1.4740769842, 3.0181499279, 2.126928011], y2);
        y2.Sum().Backward();
        Close([1.3775406688, 1.01798621, 1.880797078, 0.6224593312, 0.98201379, 0.119202922], l2.Grad!);

        var special = Tensor.FromArray(new[] { 1000f, 1000f, float.PositiveInfinity, 1f, float.NaN, 2f }).Logcumsumexp(0);
        Assert.Equal(DType.Float32, special.DType);
        Close([1000.0, 1000.6931762695, double.PositiveInfinity, double.PositiveInfinity, double.NaN, double.NaN], special, 1e-4);
        Close([double.NegativeInfinity, double.NegativeInfinity, 1], F64([double.NegativeInfinity, double.NegativeInfinity, 1]).Logcumsumexp(0));
        Close([2.5], Tensor.Scalar(2.5).Logcumsumexp(0));
        Assert.Equal("\"logcumsumexp_out_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => I64([1, 2]).Logcumsumexp(0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Logcumsumexp(2));
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        Assert.True(Autograd.GradCheck(a => Tensor.LinalgCross(a[0], a[1]), [Leaf([1, 2, 3], 1, 3), CrossB()]));
        Assert.True(Autograd.GradCheck(a => a[0].Kron(a[1]), [Leaf([1, 2, 3, 4], 2, 2), Leaf([0, 5, 1, 6, 7, -1], 2, 3)]));
        Assert.True(Autograd.GradCheck(a => a[0].Diff(2, 1, a[1]), [D(), Leaf([1, 2], 2, 1)]));
        Assert.True(Autograd.GradCheck(a => a[0].Rot90(3, [1, 0]), [D()]));
        Assert.True(Autograd.GradCheck(a => a[0].TakeAlongDim(I64([1, 0, 1], 1, 3), 0), [T()]));
        Assert.True(Autograd.GradCheck(a => a[0].Logcumsumexp(1), [Leaf([0.5, -1, 2, 3, 1, -0.5, 0, -2], 2, 4)]));
        // the gradients are themselves differentiable (double backward)
        Assert.True(Autograd.GradCheck(a => SecondOrder(a, () => a[0].Logcumsumexp(0) * F64([1, -2, 3, 0.5])), [Leaf([0.5, -1, 2, 3], 4)]));
        Assert.True(Autograd.GradCheck(a => SecondOrder(a, () => a[0].Cross(a[1], 1) * a[0] * a[1]), [CrossA(), CrossB()]));
    }

    /// <summary>The input gradients of sum(y), themselves recorded, flattened into one tensor.</summary>
    private static Tensor SecondOrder(Tensor[] inputs, Func<Tensor> y)
    {
        using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
        var g = Autograd.Grad([y().Sum()], inputs, createGraph: true);
        return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
    }

    [Fact]
    public void FloatCumsumAccumulatesInDoubleAlongEveryLayout()
    {
        // PyTorch 2.6: the running sum is a double rounded once per output, so 1e8 + 1 − 1e8 leaves the 1 a float sum loses.
        float[] expected = [1e8f, 1e8f, 1f, 2f, 2.0999999046325684f, 2.299999952316284f];
        var x = Tensor.FromArray(new float[] { 1e8f, 1f, -1e8f, 1f, 0.1f, 0.2f });
        Assert.Equal(expected, x.Cumsum(0).ToArray<float>());
        var rows = x.Repeat(5, 1);
        for (int r = 0; r < 5; r++) Assert.Equal(expected, rows.Cumsum(1)[r].ToArray<float>());
        var columns = rows.T.Contiguous().Cumsum(0);
        for (int c = 0; c < 5; c++) Assert.Equal(expected, columns.Select(1, c).Contiguous().ToArray<float>());
        Assert.Equal(expected, rows.T.Cumsum(0).Select(1, 4).Contiguous().ToArray<float>());
    }
}
