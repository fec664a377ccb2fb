namespace Sharpgrad.Tests.Core;

/// <summary>
/// FACTS sec 4. C# has no Python int: an operand of type double whose value is integral acts as a
/// Python int (so <c>t * 2</c> and <c>t * 2.0</c> on an Int64 tensor both stay Int64, as PyTorch's
/// <c>t * 2</c>); a fractional double acts as a Python float.
/// </summary>
public class TypePromotionTests
{
    private static Tensor L(params long[] v) => Tensor.FromArray(v);
    private static Tensor F(params float[] v) => Tensor.FromArray(v);
    private static Tensor D(params double[] v) => Tensor.FromArray(v);
    private static Tensor B(params bool[] v) => Tensor.FromArray(v);

    [Fact]
    public void TensorTensor()
    {
        Assert.Equal(DType.Float32, (L(1, 2) + F(1, 2)).DType);
        Assert.Equal(DType.Float64, (F(1) + D(1)).DType);
        Assert.Equal(DType.Int64, (B(true) + L(1)).DType);
        Assert.Equal(DType.Float32, (B(true) * F(2)).DType);
        // 0-dim operands: same category -> the dimensioned dtype; higher category -> its own dtype
        Assert.Equal(DType.Float32, (F(1) + Tensor.Scalar(1, DType.Float64)).DType);
        Assert.Equal(DType.Float64, (L(1) + Tensor.Scalar(1, DType.Float64)).DType);
        Assert.Equal(DType.Float32, (Tensor.Scalar(1) + L(1)).DType);
        Assert.Equal(DType.Float64, (Tensor.Scalar(1, DType.Float64) + Tensor.Scalar(1)).DType);
        Assert.Equal(DType.Float64, (D(1) + Tensor.Scalar(1)).DType);
        // int / int is true division in the default float dtype
        var q = L(1, 2) / L(2, 2);
        Assert.Equal("tensor([0.5000, 1.0000])", q.ToString());
        Assert.Equal(DType.Float32, q.DType);
        Assert.Equal("tensor([2, 3])", (L(1, 2) + L(1, 1)).ToString());
        Assert.Equal(new long[] { -2, 6 }, (L(1, 2) * L(-2, 3)).ToArray<long>());
        Assert.Equal(new long[] { 1, -1 }, L(3, -3).Sub(L(1, -1), 2).ToArray<long>());
        Assert.Equal("tensor([ True, False])", F(1, 2).Eq(L(1, 3)).ToString());
        Assert.Equal(DType.Bool, L(1, 2).Gt(L(1, 1)).DType);
    }

    [Fact]
    public void TensorScalar()
    {
        Assert.Equal(DType.Float32, (L(1, 2) + 2.5).DType);
        Assert.Equal("tensor([3.5000, 4.5000])", (L(1, 2) + 2.5).ToString());
        Assert.Equal(DType.Int64, (L(1, 2) * 2).DType);
        Assert.Equal(DType.Int64, (L(1, 2) * 2.0).DType);      // C#: 2.0 == 2 (PyTorch's t*2.0 would be float32)
        Assert.Equal("tensor([2, 4])", (L(1, 2) * 2).ToString());
        Assert.Equal("tensor([0.5000, 1.0000])", (L(1, 2) / 2).ToString());
        Assert.Equal("tensor([-1,  0])", (L(1, 2) - 2).ToString());
        Assert.Equal("tensor([1, 0])", (2 - L(1, 2)).ToString());
        Assert.Equal("tensor([0.5000, 0.5000])", (Tensor.Zeros([2], DType.Int64) + 0.5).ToString());
        Assert.Equal(DType.Float32, (F(1) * 2).DType);
        Assert.Equal(DType.Float64, (D(1) * 2.5).DType);
        // bool with a number: integral -> int64, fractional -> float32 (oracle: tensor([True])*2 -> tensor([2]))
        Assert.Equal("tensor([2])", (B(true) * 2).ToString());
        Assert.Equal(DType.Int64, (B(true) + 1).DType);
        Assert.Equal("tensor([2.5000])", (B(true) * 2.5).ToString());
        Assert.Equal("tensor([0.5000])", (B(true) / 2).ToString());
        // comparisons with numbers
        Assert.Equal("tensor([ True, False])", F(1, 2).Lt(2).ToString());
        Assert.Equal("tensor([False,  True])", L(1, 2).Gt(1.5).ToString());
    }

    [Fact]
    public void PowAndUnary()
    {
        Assert.Equal(DType.Int64, L(1, 2).Pow(2).DType);
        Assert.Equal("tensor([1, 4])", L(1, 2).Pow(2).ToString());
        Assert.Equal(DType.Float32, L(1, 2).Pow(0.5).DType);
        Assert.Equal("tensor([2., 3.])", L(4, 9).Sqrt().ToString());
        Assert.Equal("tensor([2.7183, 7.3891])", L(1, 2).Exp().ToString());
        Assert.Equal("tensor([0.7311, 0.8808])", L(1, 2).Sigmoid().ToString());
        Assert.Equal("tensor([1.0000, 1.4142])", L(1, 2).Sqrt().ToString());
        Assert.Equal(DType.Int64, L(1, -2).Abs().DType);
        Assert.Equal(DType.Int64, L(1, -2).Neg().DType);
        Assert.Equal(DType.Int64, L(1, -2).Relu().DType);
        Assert.Equal("tensor([1, 0])", L(1, -2).Relu().ToString());
        Assert.Equal(DType.Int64, L(1, -2).Clamp(0, 1).DType);
        Assert.Equal("tensor([1.0000, 0.5000])", L(1, -2).Clamp(0.5, 1).ToString());
        Assert.Equal(DType.Int64, Tensor.Pow(2, L(1, 2)).DType);
        Assert.Equal("tensor([2, 4])", Tensor.Pow(2, L(1, 2)).ToString());
        Assert.Equal(DType.Float32, Tensor.Pow(2.5, L(1, 2)).DType);
        Check.Throws<ArgumentException>("Integers to negative integer powers are not allowed.", () => L(1, 2).Pow(-1));
        Assert.Equal("tensor([1.0000, 0.5000])", L(1, 2).To(DType.Float32).Pow(-1).ToString());
    }

    [Fact]
    public void ReductionsAndWhere()
    {
        Assert.Equal(DType.Int64, L(1, 2).Sum().DType);
        Assert.Equal("tensor(2)", B(true, true, false).Sum().ToString());
        Assert.Equal("tensor(1)", B(true, true).Prod().ToString());
        Assert.Equal("tensor(2)", L(1, 2).Max().ToString());
        Assert.Equal("tensor(1.5000)", L(1, 2).To(DType.Float32).Mean().ToString());
        Assert.Equal("tensor(0.5000)", L(1, 2).To(DType.Float32).Var().ToString());
        Assert.Equal(DType.Int64, F(1, 2).ArgMax().DType);
        var c = B(true, false);
        Assert.Equal(DType.Float32, Tensor.Where(c, L(1, 2), F(1, 2)).DType);
        Assert.Equal(DType.Float32, Tensor.Where(c, F(1, 2), Tensor.Scalar(0, DType.Float64)).DType);
        Assert.Equal(DType.Int64, Tensor.Where(c, L(1, 2), L(3, 4)).DType);
        Assert.Equal("tensor([1., 4.])", Tensor.Where(c, L(1, 2), F(3, 4)).ToString());
    }

    [Fact]
    public void BoolArithmetic()
    {
        Assert.Equal("tensor([True, True])", (B(true, false) + B(true, true)).ToString());
        Assert.Equal("tensor([ True, False])", (B(true, false) * B(true, true)).ToString());
        Assert.Equal(DType.Bool, (B(true) + B(true)).DType);
        Check.Throws<ArgumentException>("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
            () => _ = B(true, false) - B(true, true));
        Check.Throws<ArgumentException>("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            () => _ = -B(true, false));
        Check.Throws<ArgumentException>("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            () => _ = B(true) - 1);
        Check.Throws<ArgumentException>("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
            () => _ = 1 - B(true));
        Assert.Equal("tensor([False,  True])", F(0, 2).To(DType.Bool).ToString());
        Assert.Equal(new[] { true, false, false }, B(true, false, true).LogicalAnd(B(true, true, false)).ToArray<bool>());
        Assert.Equal(new[] { false, true }, B(true, false).LogicalNot().ToArray<bool>());
        Assert.Equal(new[] { false, true, true }, L(0, 2, -1).LogicalXor(B(false, false, false)).ToArray<bool>());
    }

    [Fact]
    public void InPlaceKeepsTheTargetDType()
    {
        var f = F(1, 2);
        f.Add_(L(1, 1));
        Assert.Equal("tensor([2., 3.])", f.ToString());
        f.Add_(D(1, 1));
        Assert.Equal("tensor([3., 4.])", f.ToString());
        Assert.Equal(DType.Float32, f.DType);
        var l = L(1, 2);
        l.Add_(1);
        l.Mul_(L(2, 2));
        Assert.Equal("tensor([4, 6])", l.ToString());
        var c = F(1, 2);
        c.Copy_(L(5, 6));
        Assert.Equal("tensor([5., 6.])", c.ToString());
        var ci = L(1, 2);
        ci.Copy_(F(5.7f, -6.7f));                                  // copy_ truncates toward zero
        Assert.Equal("tensor([ 5, -6])", ci.ToString());
        var b = B(false, true);
        b.Add_(B(true, false));
        Assert.Equal("tensor([True, True])", b.ToString());
    }
}
