using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Core;

/// <summary>torch.int8 and torch.int16 tensors: PyTorch 2.6's promotion, wrapping arithmetic, casts, index refusals, printing and messages.</summary>
public class Int8Int16Tests
{
    private static Tensor A8() => Tensor.FromArray(new sbyte[] { 100, -100, 127, -128 });
    private static Tensor S16() => Tensor.FromArray(new short[] { 30000, -30000, 32767, -32768 });

    /// <summary>The values and the dtype (Check.Values converts, so it alone cannot tell a widened result).</summary>
    private static void Is<T>(T[] expected, Tensor actual, int[]? shape = null)
    {
        Assert.Equal(DTypeExtensions.Of<T>(), actual.DType);
        Check.Values(expected, actual, shape ?? [expected.Length]);
    }

    [Fact]
    public void DTypeFacts()
    {
        Assert.Equal("torch.int8", DType.Int8.TorchName());
        Assert.Equal("torch.int16", DType.Int16.TorchName());
        Assert.Equal(1, DType.Int8.ElementSize());
        Assert.Equal(2, DType.Int16.ElementSize());
        Assert.True(DType.Int8.IsIntegral());
        Assert.True(DType.Int16.IsIntegral());
        Assert.False(DType.Int16.IsFloatingPoint());
        Assert.Equal(DType.Int8, A8().DType);
        Assert.Equal(DType.Int16, S16().DType);
        Assert.True(A8().IsSigned());
        Assert.True(S16().IsSigned());
        Assert.Equal("torch.CharTensor", A8().Type());
        Assert.Equal("torch.ShortTensor", S16().Type());
        Assert.Equal(2L, S16().Nbytes / 4);
        Is(new sbyte[] { 0, 2, 4 }, Tensor.Arange(0, 5, 2, DType.Int8));
        Is(new short[] { 0, 2, 5, 7, 10 }, Tensor.Linspace(0, 10, 5, DType.Int16));
        Is(new sbyte[] { -56, -56 }, Tensor.Ones([2], DType.Int8) * 200);
        Assert.Equal((sbyte)-5, Tensor.Scalar(-5, DType.Int8).Item<sbyte>());
        Assert.Equal((short)-5, Tensor.FromArray(new short[] { -5 }).Item<short>());
        Assert.Equal(7L, Tensor.Scalar(7, DType.Int8).Item<long>());
        Assert.Equal(new short[] { 30000, -30000, 32767, -32768 }, S16().ToArray<short>());
        Assert.Equal(new sbyte[] { 100, -100, 127, -128 }, A8().ToArray<sbyte>());
    }

    [Fact]
    public void PromotionFollowsPyTorchsLattice()
    {
        Assert.Equal(DType.Int16, Tensor.PromoteTypes(DType.UInt8, DType.Int8));
        Assert.Equal(DType.Int16, Tensor.PromoteTypes(DType.Int8, DType.Int16));
        Assert.Equal(DType.Int16, Tensor.PromoteTypes(DType.UInt8, DType.Int16));
        Assert.Equal(DType.Int8, Tensor.PromoteTypes(DType.Bool, DType.Int8));
        Assert.Equal(DType.Int32, Tensor.PromoteTypes(DType.Int8, DType.Int32));
        var u = Tensor.FromArray(new byte[] { 200, 100, 0, 255 });
        Is(new short[] { 300, 0, 127, 127 }, u + A8());
        Assert.Equal(DType.Int16, (Tensor.FromArray(new short[] { 1 }) + Tensor.FromArray(new byte[] { 1 })).DType);
        Assert.Equal(DType.Int8, (A8() + Tensor.FromArray(new[] { true, false, true, false })).DType);
        // a 0-dim operand of the same category does not widen, two 0-dim ones promote
        Assert.Equal(DType.Int8, (A8() + Tensor.Scalar(5, DType.Int16)).DType);
        Assert.Equal(DType.Int8, (A8() + Tensor.Scalar(5, DType.UInt8)).DType);
        Assert.Equal(DType.UInt8, (u + Tensor.Scalar(5, DType.Int8)).DType);
        Assert.Equal(DType.Int16, (Tensor.Scalar(5, DType.Int8) + Tensor.Scalar(5, DType.UInt8)).DType);
        Assert.Equal(DType.Int8, Tensor.ResultType(A8(), 5));
        Assert.Equal(DType.Float32, Tensor.ResultType(A8(), 2.5));
        Assert.Equal(DType.UInt8, Tensor.ResultType(Tensor.Scalar(1, DType.Int16), Tensor.FromArray(new byte[] { 1 })));
        Assert.Equal(DType.Int8, Tensor.ResultType(A8(), Tensor.Scalar(1, DType.Int64)));
        Assert.True(Tensor.CanCast(DType.Int8, DType.UInt8));
        Assert.True(Tensor.CanCast(DType.Int16, DType.Int8));
        Assert.True(Tensor.CanCast(DType.Bool, DType.Int8));
        Assert.False(Tensor.CanCast(DType.Float32, DType.Int8));
        Assert.False(Tensor.CanCast(DType.Int8, DType.Bool));
        Is(new short[] { -1 }, Tensor.FromArray(new byte[] { 1 }).BitwiseOr(Tensor.FromArray(new sbyte[] { -1 })));
        Is(new short[] { -200 }, Tensor.FromArray(new byte[] { 200 }) * Tensor.FromArray(new sbyte[] { -1 }));
        Is(new short[] { 1, 2 }, Tensor.Where(Tensor.FromArray(new[] { true, false }), Tensor.FromArray(new sbyte[] { 1, 2 }), Tensor.FromArray(new byte[] { 1, 2 })));
        Is(new sbyte[] { 1, 100 }, Tensor.Where(Tensor.FromArray(new[] { true, false }), Tensor.FromArray(new sbyte[] { 1, 2 }), 100));
    }

    [Fact]
    public void Int8ArithmeticWraps()
    {
        var a = A8();
        Is(new sbyte[] { -56, 56, -2, 0 }, a + a);
        Is(new sbyte[] { -100, 100, -127, -128 }, -a);
        Is(new sbyte[] { 100, 100, 127, -128 }, a.Abs());
        Is(new sbyte[] { 44, -44, 125, -128 }, a * 3);
        Is(new sbyte[] { -112, -56, -85, -84 }, a + 300);
        Is(new sbyte[] { 99, -101, 126, 127 }, a - 1);
        Is(new sbyte[] { -100, 100, -127, -128 }, a * -1);
        Is(new sbyte[] { 1, -1, 1, -1 }, a.Sign());
        Is(new sbyte[] { 33, -34, 42, -43 }, a.FloorDivide(3));
        Is(new sbyte[] { 2, 5, 1, 5 }, a.Remainder(7));
        Is(new[] { 50f, -50f, 63.5f, -64f }, a / 2);
        Is(new[] { 250f, -250f, 317.5f, -320f }, a * 2.5);
        Is(new sbyte[] { 16, 16, 1, 0 }, a.Pow(2));
        Is(new sbyte[] { -101, 99, -128, 127 }, a.BitwiseNot());
        Is(new sbyte[] { 50, -50, 63, -64 }, a.BitwiseRightShift(Tensor.Scalar(1, DType.Int8)));
        Is(new sbyte[] { -56, 56, -2, 0 }, a.BitwiseLeftShift(Tensor.Scalar(1, DType.Int8)));
        Is(new sbyte[] { 49 }, Tensor.FromArray(new sbyte[] { 5 }).Add(Tensor.FromArray(new sbyte[] { 100 }), 3));
        Is(new sbyte[] { -39 }, Tensor.FromArray(new sbyte[] { 5 }).Sub(Tensor.FromArray(new sbyte[] { 100 }), 3));
        // a Python int beyond the range wraps to the tensor's dtype
        Is(new sbyte[] { 5 }, Tensor.FromArray(new sbyte[] { 5 }) + 256);
        Is(new sbyte[] { 5 }, Tensor.FromArray(new sbyte[] { 5 }) + 1099511627776.0);
        Is(new sbyte[] { 16, -112 }, Tensor.FromArray(new sbyte[] { -100, 12 }).Square());
        Is(new sbyte[] { 0, 3 }, Tensor.FromArray(new sbyte[] { -3, 3 }).Relu());
        Check.Values(new[] { true, false }, Tensor.FromArray(new sbyte[] { -1, 0 }).Signbit(), 2);
        Is(new sbyte[] { 106, 10, 56, 22 }, Tensor.FromArray(new sbyte[] { 1, 2, 3, 4 }, [2, 2]).MatMul(Tensor.FromArray(new sbyte[] { 100, 2, 3, 4 }, [2, 2])), [2, 2]);
        Is(new sbyte[] { 33 }, a.Dot(a), []);
        Is(new sbyte[] { 44 }, Tensor.Einsum("i,i->", Tensor.FromArray(new sbyte[] { 100, 100 }), Tensor.FromArray(new sbyte[] { 2, 1 })), []);
        Check.Throws<ArgumentException>("expected m1 and m2 to have the same dtype, but got: signed char != short int",
            () => Tensor.FromArray(new sbyte[] { 1 }, [1, 1]).Mm(Tensor.FromArray(new short[] { 1 }, [1, 1])));
    }

    [Fact]
    public void Int16ArithmeticWraps()
    {
        var s = S16();
        Is(new short[] { -5536, 5536, -2, 0 }, s + s);
        Is(new short[] { -30000, 30000, -32767, -32768 }, -s);
        Is(new short[] { 30000, 30000, 32767, -32768 }, s.Abs());
        Is(new short[] { 24464, -24464, 32765, -32768 }, s * 3);
        Is(new short[] { -31072, -25536, -28305, -28304 }, s + 70000);
        Is(new short[] { 4285, -4286, 4681, -4682 }, s.FloorDivide(7));
        Is(new short[] { 5, 2, 0, 6 }, s.Remainder(7));
        Is(new short[] { -30001, 29999, -32768, 32767 }, s.BitwiseNot());
        Is(new short[] { 3750, -3750, 4095, -4096 }, s.BitwiseRightShift(Tensor.Scalar(3, DType.Int16)));
        Is(new short[] { -5536, 5536, -2, 0 }, s.BitwiseLeftShift(Tensor.Scalar(1, DType.Int16)));
        Is(new short[] { 5 }, Tensor.FromArray(new short[] { 5 }) + 65536);
        Is(new short[] { -24288 }, Tensor.FromArray(new short[] { 5 }) * 100000);
        Is(new short[] { -6111 }, Tensor.FromArray(new short[] { 3 }).Pow(40));
        Is(new short[] { 24470, 608, 912, 22 }, Tensor.FromArray(new short[] { 300, 2, 3, 4 }, [2, 2]).MatMul(Tensor.FromArray(new short[] { 300, 2, 3, 4 }, [2, 2])), [2, 2]);
    }

    [Fact]
    public void PowGcdShiftsAndDivisionMatchPyTorch()
    {
        Is(new sbyte[] { 33, -8, 1, -128 }, Tensor.FromArray(new sbyte[] { 3, -2, 0, 2 }).Pow(Tensor.FromArray(new sbyte[] { 40, 3, 0, 7 })));
        Is(new sbyte[] { -13 }, Tensor.FromArray(new sbyte[] { 3 }).Pow(5));
        Is(new sbyte[] { 0, -1, 1 }, Tensor.FromArray(new sbyte[] { 2, -1, 1 }).Pow(Tensor.FromArray(new sbyte[] { -1, -3, -3 })));
        Is(new sbyte[] { -128, 0 }, Tensor.Pow(2, Tensor.FromArray(new sbyte[] { 7, 8 })));
        Check.Throws<ArgumentException>("Integers to negative integer powers are not allowed.", () => Tensor.FromArray(new sbyte[] { 2 }).Pow(-1));
        Is(new sbyte[] { -128, 6 }, Tensor.FromArray(new sbyte[] { -128, 12 }).Gcd(Tensor.FromArray(new sbyte[] { 0, 18 })));
        Is(new sbyte[] { 44, 36 }, Tensor.FromArray(new sbyte[] { 100, 12 }).Lcm(Tensor.FromArray(new sbyte[] { 3, 18 })));
        // shifts by the width or more give 0 (left) or the sign (right); negative shifts give 0
        var v8 = Tensor.FromArray(new sbyte[] { 1, -1, 64, -128, 5 });
        Is(new sbyte[] { -128, -128, -128, 0, 0 }, v8.BitwiseLeftShift(Tensor.FromArray(new sbyte[] { 7, 7, 1, 1, 8 })));
        Is(new sbyte[] { 0, 0, 0, 0, 0 }, v8.BitwiseLeftShift(Tensor.FromArray(new sbyte[] { 8, 9, 10, 20, -1 })));
        Is(new sbyte[] { 0, -1, 32, -64, 0 }, v8.BitwiseRightShift(Tensor.FromArray(new sbyte[] { 7, 7, 1, 1, 8 })));
        Is(new sbyte[] { 0, -1, 0, -1, 0 }, v8.BitwiseRightShift(Tensor.FromArray(new sbyte[] { 8, 9, 10, 20, -1 })));
        var v16 = Tensor.FromArray(new short[] { 1, -1, 16384, -32768, 5 });
        Is(new short[] { -32768, -32768, -32768, 0, 0 }, v16.BitwiseLeftShift(Tensor.FromArray(new short[] { 15, 15, 1, 1, 16 })));
        Is(new short[] { 0, 0, 0, 0, 0 }, v16.BitwiseLeftShift(Tensor.FromArray(new short[] { 16, 17, 40, 70, -1 })));
        Is(new short[] { 0, -1, 0, -1, 0 }, v16.BitwiseRightShift(Tensor.FromArray(new short[] { 15, 16, 17, 40, -1 })));
        var min8 = Tensor.FromArray(new sbyte[] { -128 });
        var minusOne = Tensor.FromArray(new sbyte[] { -1 });
        Is(new sbyte[] { -128 }, min8.FloorDivide(minusOne));
        Is(new sbyte[] { 0 }, min8.Remainder(minusOne));
        Is(new sbyte[] { 0 }, min8.Fmod(minusOne));
        Is(new short[] { -32768 }, Tensor.FromArray(new short[] { -32768 }).FloorDivide(-1));
        Is(new sbyte[] { -3, 3 }, Tensor.FromArray(new sbyte[] { -7, 7 }).Div(2, "trunc"));
        Is(new sbyte[] { -4, 3 }, Tensor.FromArray(new sbyte[] { -7, 7 }).Div(Tensor.Scalar(2, DType.Int8), "floor"));
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => A8().FloorDivide(0));
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => A8().Remainder(Tensor.Zeros([4], DType.Int8)));
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => S16().FloorDivide(Tensor.Zeros([4], DType.Int16)));
        Is(new[] { float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.NegativeInfinity }, A8() / 0);
    }

    [Fact]
    public void ClampAndInPlaceCheckTheDtype()
    {
        Is(new sbyte[] { 50, -50, 50, -50 }, A8().Clamp(-50, 50));
        Is(new[] { 50f, -50.5f, 50f, -50.5f }, A8().Clamp(-50.5, 50));
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => A8().Clamp(-1000, 1000));
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => Tensor.FromArray(new sbyte[] { 1 }).Clamp_(-1000, 5));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type signed char", () => Tensor.FromArray(new sbyte[] { 1 }).Clamp_(-1.5, 5));
        Check.Throws<ArgumentException>("value cannot be converted to type int16_t without overflow", () => Tensor.FromArray(new short[] { 1 }).Clamp(-40000, 5));
        Check.Throws<ArgumentException>("value cannot be converted to type int16_t without overflow", () => Tensor.FromArray(new short[] { 1 }).Clamp(null, 40000));
        // the other integer dtypes check their bounds the same way: uint8 wraps -10 to 246 (above max, so every element is max)
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.FromArray(new[] { 1 }).Clamp(-10000000000, 5));
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.FromArray(new byte[] { 1 }).Clamp(-1000, 5));
        Is(new byte[] { 5 }, Tensor.FromArray(new byte[] { 1 }).Clamp(-10, 5));
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Char", () => A8().Add_(2.5));
        var a = A8();
        a.Add_(Tensor.FromArray(new short[] { 1, 1, 1, 1 }));
        Is(new sbyte[] { 101, -99, -128, -127 }, a);
    }

    [Fact]
    public void ReductionsWidenOrKeepTheDtype()
    {
        var a = A8();
        Is(new[] { -1L }, a.Sum(), []);
        Is(new[] { -1L }, S16().Sum(), []);
        Is(new[] { 162560000L }, a.Prod(), []);
        Is(new[] { 10000L }, Tensor.FromArray(new short[] { 100, 100 }).Prod(), []);
        Is(new long[] { 100, 0, 127, -1 }, a.Cumsum(0));
        Is(new long[] { 100, 10000 }, Tensor.FromArray(new sbyte[] { 100, 100 }).Cumprod(0));
        Is(new sbyte[] { -56 }, Tensor.FromArray(new sbyte[] { 100, 100 }).Sum(DType.Int8), []);
        var m = Tensor.FromArray(new sbyte[] { 100, 100, 1, 2 }, [2, 2]);
        Is(new long[] { 200, 3 }, m.Sum(1));
        Is(new sbyte[] { 100, 2 }, m.Amax([1]));
        var (minV, minI) = m.Min(1);
        Is(new sbyte[] { 100, 1 }, minV);
        Is(new long[] { 0, 0 }, minI);
        Is(new sbyte[] { 127 }, a.Max(), []);
        Is(new sbyte[] { -128 }, a.Min(), []);
        Assert.Equal(2L, a.ArgMax().Item<long>());
        var (sv, si) = a.Sort();
        Is(new sbyte[] { -128, -100, 100, 127 }, sv);
        Is(new long[] { 3, 1, 0, 2 }, si);
        var (tv, ti) = a.TopK(2);
        Is(new sbyte[] { 127, 100 }, tv);
        Is(new long[] { 2, 0 }, ti);
        var (dv, di) = Tensor.FromArray(new sbyte[] { 3, 1, 2, 2 }, [2, 2]).Sort(0, descending: true);
        Is(new sbyte[] { 3, 2, 2, 1 }, dv, [2, 2]);
        Is(new long[] { 0, 1, 1, 0 }, di, [2, 2]);
        Is(new long[] { 1, 2, 0 }, Tensor.FromArray(new short[] { 3, -1, 2 }).Argsort());
        var (cv, ci) = Tensor.FromArray(new sbyte[] { 100, 100 }).Cummax(0);
        Is(new sbyte[] { 100, 100 }, cv);
        Is(new long[] { 0, 1 }, ci);
        var (mv, mi) = a.Mode();
        Is(new sbyte[] { -128 }, mv, []);
        Is(new[] { 3L }, mi, []);
        Is(new sbyte[] { -100 }, a.Median(), []);
        Is(new sbyte[] { 0 }, Tensor.Zeros([0], DType.Int8).Median(), []);
        Is(new short[] { 0 }, Tensor.Zeros([0], DType.Int16).Median(), []);
        Is(new sbyte[] { -128, -100, 100, 127 }, a.Unique().Values);
        Check.Throws<ArgumentException>("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Char", () => a.Mean());
        Check.Throws<ArgumentException>("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Short", () => S16().Mean());
        Check.Throws<InvalidOperationException>("linalg.vector_norm: Expected a floating point or complex tensor as input. Got Char", () => a.Norm());
        Is(new[] { 2f }, Tensor.FromArray(new sbyte[] { 4 }).Sqrt());
        Assert.Equal(DType.Int8, Tensor.FromArray(new sbyte[] { 4 }).Floor().DType);
        Check.Values(new[] { false, true }, Tensor.IsIn(Tensor.FromArray(new sbyte[] { 1, 2 }), Tensor.FromArray(new short[] { 2 })), 2);
    }

    [Fact]
    public void ComparisonsConvertTheNumberToTheDtype()
    {
        var a = A8();
        Check.Values(new[] { false, true, false, true }, a.Lt(50), 4);
        Check.Values(new[] { false, false, true, false }, a.Eq(127), 4);
        // an integral number wraps to int8 first: 200 is -56, -129 is 127, -156 is 100
        Check.Values(new[] { false, true, false, true }, a.Lt(200), 4);
        Check.Values(new[] { true, true, false, true }, a.Lt(-129), 4);
        Check.Values(new[] { true, false, false, false }, a.Eq(-156), 4);
        Check.Values(new[] { false, true, false, true }, a.Lt(50.5), 4);
        // beyond int64's range a number can only be a Python float, compared as one
        Check.Values(new[] { true, true, true, true }, a.Lt(1e20), 4);
        Check.Values(new[] { true }, Tensor.FromArray(new[] { -5 }).Gt(-1e20), 1);
        var b = Tensor.FromArray(new sbyte[] { 100, -100, 1 });
        Is(new[] { 1e20f, 1e20f, 1e20f }, b + 1e20);
        Is(new[] { 100f, -100f, 1f }, b.Clamp(null, double.PositiveInfinity));
        Is(new[] { 50f, -100f, 1f }, b.Clamp(-1e20, 50));
        Is(new[] { 2.9999998842007716e+19f, -1.9999999961012896e+19f }, Tensor.FromArray(new long[] { 3, -2 }) * 1e19);
        Check.Values(new[] { false, true, false, true }, S16().Lt(40000), 4);
        Check.Values(new[] { true, false, false, false }, S16().Eq(-35536), 4);
        Check.Values(new[] { false }, Tensor.FromArray(new byte[] { 200 }).Lt(Tensor.FromArray(new sbyte[] { -1 })), 1);
    }

    [Fact]
    public void CastsMatchPyTorchsCpu()
    {
        float[] values = [-1.0f, 300.5f, 2.7f, float.NaN, 1e10f, -300.0f, float.PositiveInfinity, float.NegativeInfinity, 127.9f, -128.9f, 40000.0f, 3e9f, -3e9f];
        sbyte[] as8 = [-1, 44, 2, 0, 0, -44, 0, 0, 127, -128, 64, 0, 0];
        short[] as16 = [-1, 300, 2, 0, 0, -300, 0, 0, 127, -128, -25536, 0, 0];
        var f = Tensor.FromArray(values);
        Is(as8, f.To(DType.Int8));
        Is(as16, f.To(DType.Int16));
        Is(as8, f.To(DType.Float64).To(DType.Int8));
        Is(as16, f.To(DType.Float64).To(DType.Int16));
        var l = Tensor.FromArray(new long[] { -1, 256, 300, -129, 128, 65535, 70000, -32769 });
        Is(new sbyte[] { -1, 0, 44, 127, -128, -1, 112, -1 }, l.To(DType.Int8));
        Is(new short[] { -1, 256, 300, -129, 128, -1, 4464, 32767 }, l.To(DType.Int16));
        Is(new sbyte[] { -56, 100, 0, -1 }, Tensor.FromArray(new byte[] { 200, 100, 0, 255 }).To(DType.Int8));
        Is(new byte[] { 100, 156, 127, 128 }, A8().To(DType.UInt8));
        Is(new sbyte[] { 48, -48, -1, 0 }, S16().To(DType.Int8));
        Is(new short[] { 100, -100, 127, -128 }, A8().To(DType.Int16));
        Is(new sbyte[] { 1, -1, -56 }, Tensor.FromArray(new[] { 1.7f, -1.7f, 200f }).Char());
        Is(new short[] { 1, -1, -25536 }, Tensor.FromArray(new[] { 1.7f, -1.7f, 40000f }).Short());
        Is(new[] { true, true, true, true }, A8().Bool());
        Is(new sbyte[] { 1, 0 }, Tensor.FromArray(new[] { true, false }).To(DType.Int8));
        Is(new[] { 30000f, -30000f, 32767f, -32768f }, S16().Float());
        var v = Tensor.FromArray(new sbyte[] { 1, 2, 3 });
        v[0] = Tensor.Scalar(300.7);
        Is(new sbyte[] { 44, 2, 3 }, v);
        Is(new sbyte[] { 2, 2, 2 }, v.Fill_(2.7));
    }

    [Fact]
    public void FullAndFillCheckTheRange()
    {
        Is(new sbyte[] { -128 }, Tensor.Full([1], -128, DType.Int8));
        Is(new short[] { -32768 }, Tensor.Full([1], -32768, DType.Int16));
        foreach (double bad in new[] { 128, -129, 127.5, -128.5, double.NaN, 255 })
            Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => Tensor.Full([1], bad, DType.Int8));
        foreach (double bad in new[] { 32768, -32769, 32767.5, double.PositiveInfinity })
            Check.Throws<ArgumentException>("value cannot be converted to type int16_t without overflow", () => Tensor.Full([1], bad, DType.Int16));
        var z = Tensor.Zeros([1], DType.Int8);
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => z.Fill_(200));
        Is(new sbyte[] { -100 }, z.Fill_(-100));
        Check.Throws<ArgumentException>("value cannot be converted to type int16_t without overflow", () => Tensor.Zeros([2], DType.Int16).Fill_(-32768.9));
    }

    [Fact]
    public void CreationChecksOrWrapsAsPyTorch()
    {
        // arange wraps; linspace checks its ends (uint8 wrapping -1 to 255 first); randint and randperm check their range
        Is(new sbyte[] { 0, 100, -56 }, Tensor.Arange(0, 300, 100, DType.Int8));
        Is(new sbyte[] { -44, 56, -100 }, Tensor.Arange(-300, 0, 100, DType.Int8));
        Is(new short[] { 0, 30000, -5536 }, Tensor.Arange(0, 70000, 30000, DType.Int16));
        Is(new sbyte[] { -100, -60, -20, 20, 60, 100 }, Tensor.Linspace(-100, 100, 6, DType.Int8));
        Is(new sbyte[] { 127, 42, -43, -128 }, Tensor.Linspace(127, -128, 4, DType.Int8));
        Is(new byte[] { 255, 203, 151, 100 }, Tensor.Linspace(-1, 100, 4, DType.UInt8));
        Is(new byte[] { 1, 0, 0 }, Tensor.Linspace(-255, 0, 3, DType.UInt8));
        Is(new short[] { 0, 100, 200, 300 }, Tensor.Linspace(0, 300, 4, DType.Int16));
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => Tensor.Linspace(-200, 100, 4, DType.Int8));
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.Linspace(0, 300, 4, DType.UInt8));
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.Linspace(0, 3e9, 4, DType.Int32));
        Check.Throws<ArgumentException>("to - 1 is out of bounds for signed char", () => Tensor.RandInt(0, 300, [2], DType.Int8));
        Check.Throws<ArgumentException>("from is out of bounds for signed char", () => Tensor.RandInt(-200, 300, [2], DType.Int8));
        Check.Throws<ArgumentException>("to - 1 is out of bounds for short int", () => Tensor.RandInt(0, 40000, [2], DType.Int16));
        Check.Throws<ArgumentException>("from is out of bounds for unsigned char", () => Tensor.RandInt(-1, 5, [2], DType.UInt8));
        Check.Throws<ArgumentException>("from is out of bounds for int", () => Tensor.RandInt(-(1L << 40), 5, [2], DType.Int32));
        Check.Throws<ArgumentException>("to - 1 is out of bounds for int", () => Tensor.RandInt(0, 1L << 40, [2], DType.Int32));
        var r = Tensor.RandInt(-128, 128, [64], DType.Int8);
        Assert.Equal(DType.Int8, r.DType);
        Assert.True(Tensor.RandInt(0, 256, [8], DType.UInt8).Ge(0).All().Item<bool>());
        Is(Enumerable.Range(0, 128).Select(i => (sbyte)i).ToArray(), Tensor.RandPerm(128, DType.Int8).Sort().Values);
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => Tensor.RandPerm(129, DType.Int8));
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.RandPerm(257, DType.UInt8));
        Check.Throws<ArgumentException>("value cannot be converted to type int16_t without overflow", () => Tensor.RandPerm(32769, DType.Int16));
    }

    [Theory]
    [InlineData(DType.Int8, "Char", "signed char")]
    [InlineData(DType.Int16, "Short", "short int")]
    public void IndexOpsRefuseInt8AndInt16(DType dtype, string name, string metaName)
    {
        var x = Tensor.Arange(0, 12, 1, DType.Float32).View(3, 4);
        var idx = Tensor.FromArray(new long[] { 2, 0 }).To(dtype);
        var ones = Tensor.Ones([2, 4]);
        var g = Tensor.Zeros([2, 4], dtype);
        const string indexError = "tensors used as indices must be long, int, byte or bool tensors";
        Check.Throws<ArgumentOutOfRangeException>(indexError, () => x[idx].Dispose());
        Check.Throws<ArgumentOutOfRangeException>(indexError, () => x.IndexPut([idx], Tensor.Scalar(1f)));
        Check.Throws<ArgumentOutOfRangeException>(indexError, () => x[idx] = Tensor.Scalar(5f));
        // a 0-dim integer tensor indexes as its integer does
        NN.Check.Close([4, 5, 6, 7], x[Tensor.Scalar(1, dtype)], 0);
        Check.Throws<ArgumentException>("index_select(): Expected dtype int32 or int64 for index", () => x.IndexSelect(1, idx));
        Check.Throws<ArgumentException>($"index_add_(): Expected dtype int32/int64 for index but got: {name}", () => x.IndexAdd(0, idx, ones));
        Check.Throws<ArgumentException>("gather(): Expected dtype int64 for index", () => x.Gather(0, g));
        Check.Throws<ArgumentException>("scatter(): Expected dtype int64 for index", () => x.Scatter(0, g, ones));
        Check.Throws<ArgumentException>($"take(): Expected a long tensor for index, but got {name}", () => x.Take(idx));
        Check.Throws<ArgumentException>($"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.{name}Tensor instead (while checking arguments for embedding)",
            () => Sharpgrad.NN.Functional.Embedding(idx, Tensor.Ones([4, 2])));
        Check.Values(new long[] { 1, 0, 1 }, idx.Bincount(), 3);
        Check.Throws<ArgumentException>($"\"repeat_interleave_cpu\" not implemented for '{name}'", () => Tensor.RepeatInterleave(idx));
        Check.Throws<ArgumentException>($"\"repeat_interleave_cpu\" not implemented for '{name}'", () => x.RepeatInterleave(Tensor.Ones([3], dtype), 0));
        Check.Throws<ArgumentException>($"expected scalar type Long but found {name}", () => Sharpgrad.NN.Functional.CrossEntropy(Tensor.Zeros([2, 3]), idx));
        Check.Throws<InvalidOperationException>("one_hot is only applicable to index tensor of type LongTensor.", () => Sharpgrad.NN.Functional.OneHot(idx, 4));
        var mask = Tensor.FromArray(new long[] { 1, 0, 0, 1 }).To(dtype);
        Check.Throws<ArgumentException>($"masked_fill_ only supports boolean masks, but got mask with dtype {metaName}", () => x.MaskedFill(mask, 0.0));
        Check.Throws<ArgumentException>($"where expected condition to be a boolean tensor, but got a tensor with dtype {name}", () => Tensor.Where(mask, x, x));
        Check.Throws<ArgumentOutOfRangeException>("index_fill_(): Expected dtype int64 for index.", () => x.IndexFill(0, idx, -1.0));
        Check.Throws<ArgumentException>($"index_copy_(): Expected a long tensor for index, but got {name}", () => x.IndexCopy(0, idx, ones));
        Check.Throws<ArgumentException>($"torch.take_along_dim(): dtype of indices should be Long but got {name}", () => x.TakeAlongDim(g, 0));
        Check.Throws<ArgumentException>($"index_reduce_(): Expected dtype int32/int64 for index but got: {name}", () => x.IndexReduce(0, idx, ones, "prod"));
        var w = Tensor.Zeros([2], requiresGrad: true);
        Check.Throws<InvalidOperationException>($"attempting to assign a gradient with dtype '{metaName}' to a tensor with dtype 'float'", () => w.Grad = Tensor.Zeros([2], dtype));
    }

    [Fact]
    public void CompositesPromoteWrapOrRefuseAsPyTorch()
    {
        var a = Tensor.FromArray(new sbyte[] { 5, -3, 7, 100, -128, 0 }, [2, 3]);
        var b = Tensor.FromArray(new sbyte[] { 2, 2, -3, 3, 1, 1 }, [2, 3]);
        var idx = Tensor.FromArray(new long[] { 2, 0, 1, 1 }, [2, 2]);
        Is(new short[] { 5, -3, 7, 100, -128, 0, 1, 1, 1 }, Tensor.Cat([a, Tensor.Ones([1, 3], DType.UInt8)]), [3, 3]);
        Is(new short[] { 11, -5, -20, 301, -127, 1 }, Tensor.Addcmul(Tensor.Ones([2, 3], DType.UInt8), a, b), [2, 3]);
        Is(new sbyte[] { -51, -59, -49, 44, 72, -56 }, a.Clone().Add_(Tensor.Ones([2, 3], DType.UInt8) * 200), [2, 3]);
        Is(new sbyte[] { -36, 124, 52, 48, 0, 0 }, a.Clone().Mul_(300), [2, 3]);
        Is(new short[] { 1500, -900, 2100, 30000, 27136, 0 }, a.To(DType.Int16).Mul_(300), [2, 3]);
        Is(new sbyte[] { 2, -3, 2, 2, -128, 0 }, a.MaskedFill(a.Gt(0), 2.5), [2, 3]);
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => a.MaskedFill(a.Gt(0), 300));
        Is(new sbyte[] { 10, -3, 14, 100, -128, 0 }, a.ScatterReduce(1, idx, b, "prod"), [2, 3]);
        Is(new sbyte[] { 8, -2, 8, 102, -126, -3 }, a.IndexPut([Tensor.FromArray(new long[] { 1, 0 })], b, true), [2, 3]);
        Is(new sbyte[] { 10, 10, -15, -6, -6, 9, 14, 14, -21 }, a[0].Outer(b[0]), [3, 3]);
        Is(new[] { -123L }, a.Narrow(1, 0, 2).Trace(), []);
        Is(new sbyte[] { 5, 0 }, a.Kthvalue(2, 1).Values);
        Is(new[] { 0.0, 3, 0, 3 }, Tensor.FromArray(new sbyte[] { 1, 1, 3 }).Bincount(Tensor.FromArray(new sbyte[] { 1, 2, 3 })));
        Is(new sbyte[] { 5, 2, 9, 100, -28, -28 }, a.Cumsum(1, DType.Int8), [2, 3]);
        Is(new sbyte[] { 0 }, a.Prod(DType.Int8), []);
        Is(new short[] { -19 }, a.To(DType.Int16).Sum(DType.Int16), []);
        Is(new short[] { -16, 20, -55, 173 }, Tensor.Addmm(Tensor.Ones([2, 2], DType.Int16), a.To(DType.Int16), b.To(DType.Int16).T), [2, 2]);
        // a 0-dim int64 operand takes the int8 dtype, wrapping (261 is 5)
        Is(new sbyte[] { -19, -27, -17, 76, 104, -24 }, a + Tensor.Scalar(1000, DType.Int64), [2, 3]);
        Check.Values(new[] { true, false, false, false, false, false }, a.Eq(Tensor.Scalar(261, DType.Int64)), 2, 3);
        Check.Values(new[] { true, false, true, true, false, true }, a.Eq(Tensor.FromArray(new byte[] { 5, 253, 7, 100, 128, 0 }, [2, 3])), 2, 3);
        Check.Throws<ArgumentException>("\"histogram_cpu\" not implemented for 'Char'", () => a.Histc(4));
        Check.Throws<ArgumentException>("std and var only support floating point and complex dtypes", () => a.Std());
        Check.Throws<ArgumentException>("quantile() input tensor must be either float or double dtype", () => a.Quantile(0.5));
        // only int32 and int64 make tril/triu indices; norm-based dist refuses every integer dtype
        Check.Throws<ArgumentException>("\"tril_indices\" not implemented for 'Char'", () => Tensor.TrilIndices(2, 2, 0, DType.Int8));
        Check.Throws<ArgumentException>("\"triu_indices\" not implemented for 'Short'", () => Tensor.TriuIndices(2, 2, 0, DType.Int16));
        Check.Throws<ArgumentException>("\"tril_indices\" not implemented for 'Byte'", () => Tensor.TrilIndices(2, 2, 0, DType.UInt8));
        Check.Throws<InvalidOperationException>("norm(): input dtype should be either floating point or complex. Got Char instead.", () => a.Dist(b));
        Check.Throws<InvalidOperationException>("norm(): input dtype should be either floating point or complex. Got Int instead.", () => Tensor.FromArray(new[] { 1, 2 }).Dist(Tensor.FromArray(new[] { 0, 0 })));
        Is(new byte[] { 0 }, Tensor.Zeros([0], DType.UInt8).Median(), []);
    }

    [Fact]
    public void FunctionalOpsKeepOrRefuseInt8()
    {
        var x = Tensor.FromArray(new sbyte[] { 1, -2, 3, 4, 5, -6, 7, 8, 9 }, [1, 1, 3, 3]);
        Is(new sbyte[] { 1, 0, 3, 4, 5, 0, 7, 8, 9 }, Sharpgrad.NN.Functional.Relu(x), [1, 1, 3, 3]);
        Is(new sbyte[] { 1, -1, 1, 1, 1, -1, 1, 1, 1 }, Sharpgrad.NN.Functional.Hardtanh(x), [1, 1, 3, 3]);
        Is(new sbyte[] { 1, 0, 3, 4, 5, 0, 6, 6, 6 }, Sharpgrad.NN.Functional.Relu6(x), [1, 1, 3, 3]);
        Is(new sbyte[] { 3, 1, -2, 3, 3, 3, 4, 5, -6, 3, 3, 7, 8, 9, 3 }, Sharpgrad.NN.Functional.Pad(x, [1, 1], value: 3), [1, 1, 3, 5]);
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => Sharpgrad.NN.Functional.Pad(x, [1, 1], value: 300));
        Is(new short[] { 300, 1, -2, 3, 300 }, Sharpgrad.NN.Functional.Pad(x.To(DType.Int16), [1, 1], value: 300)[0, 0, 0], [5]);
        Is(new sbyte[] { 2, 2, 3, 3, 24, 24 }, Sharpgrad.NN.Functional.Linear(x[0, 0], Tensor.Ones([2, 3], DType.Int8)), [3, 2]);
        Is(new sbyte[] { 4, 5, -6, 1, -2, 3 }, Sharpgrad.NN.Functional.Embedding(Tensor.FromArray(new long[] { 1, 0 }), x[0, 0]), [2, 3]);
        Check.Throws<ArgumentException>("value cannot be converted to type int8_t without overflow", () => x.NewFull([2], 700));
        Is(new short[] { 700, 700 }, x.To(DType.Int16).NewFull([2], 700));
        Check.Throws<ArgumentException>("\"elu_cpu\" not implemented for 'Char'", () => Sharpgrad.NN.Functional.Elu(x));
        Check.Throws<ArgumentException>("\"elu_cpu\" not implemented for 'Int'", () => Sharpgrad.NN.Functional.Elu(x.Int()));
        Check.Throws<ArgumentException>("\"GeluKernelImpl\" not implemented for 'Short'", () => Sharpgrad.NN.Functional.Gelu(x.Short()));
        Check.Throws<ArgumentException>("\"avg_pool2d\" not implemented for 'Char'", () => Sharpgrad.NN.Functional.AvgPool2d(x, 2));
    }

    [Fact]
    public void MaxPoolingTakesEveryIntegerDtype()
    {
        var x = Tensor.FromArray(new sbyte[] { 1, -2, 3, -4, 4, -128, -6, 0, 7, 8, 127, -1 }, [1, 1, 3, 4]);
        var (v, i) = MaxPool2dWithIndices(x, 2, 2, 0, false);
        Is(new sbyte[] { 4, 3 }, v, [1, 1, 1, 2]);
        Is(new long[] { 4, 2 }, i, [1, 1, 1, 2]);
        (v, i) = MaxPool2dWithIndices(x, 3, 2, 1, true);
        Is(new sbyte[] { 4, 3, 0, 8, 127, 0 }, v, [1, 1, 2, 3]);
        Is(new long[] { 4, 2, 7, 9, 10, 7 }, i, [1, 1, 2, 3]);
        Is(new short[] { -201, -198, -196, -204, -72, -199 }, Sharpgrad.NN.Functional.MaxPool2d(-x.To(DType.Int16) - 200, 2, padding: 1), [1, 1, 2, 3]);
        Is(new byte[] { 1, 254, 252, 7, 250, 255 }, Sharpgrad.NN.Functional.MaxPool2d(x.To(DType.UInt8), 2, padding: 1), [1, 1, 2, 3]);
        Is(new[] { 3000000000000L, 4000000000000L, 127000000000000L }, Sharpgrad.NN.Functional.MaxPool2d(x.Long() * 1e12, (1, 2), dilation: (1, 2)), [1, 1, 3, 1]);
        // a window of the lowest value keeps its first tap
        Is(new long[] { 0, 1, 3, 4 }, MaxPool2dWithIndices(Tensor.Full([1, 3, 3], -128, DType.Int8), 2, 2, 1, false).Indices, [1, 2, 2]);
        Check.Throws<ArgumentException>("\"max_pool2d\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.MaxPool2d(Tensor.Ones([1, 2, 2], DType.Bool), 1));
        var vol = Tensor.FromArray(new sbyte[] { 1, -2, 3, -4, -128, -128, -128, -128 }, [1, 1, 2, 2, 2]);
        var (v3, i3) = Sharpgrad.NN.Functional.MaxPool3dWithIndices(vol, (1, 2, 2));
        Is(new sbyte[] { 3, -128 }, v3, [1, 1, 2, 1, 1]);
        Is(new long[] { 2, 4 }, i3, [1, 1, 2, 1, 1]);
        Is(new short[] { 27136, 27136, 27136, 27136 }, Sharpgrad.NN.Functional.MaxPool3d(vol.To(DType.Int16) * 300, (2, 1, 1)), [1, 1, 1, 2, 2]);
        Check.Throws<ArgumentException>("\"max_pool3d\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.MaxPool3d(vol.Eq(1), (1, 1, 1)));
    }

    [Fact]
    public void ConvolutionsTakeEveryIntegerDtype()
    {
        var x = Tensor.FromArray(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, [1, 1, 3, 3]).To(DType.Int8) * 30;
        var w = Tensor.FromArray(new sbyte[] { 1, -2, 3, 1, 2, 0, 0, -1 }, [2, 1, 2, 2]);
        Is(new sbyte[] { -126, -6, 114, 114, -96, 8, 98, -38, 70, 22, 112, 66, -64, 86, 56, 114, -37, -67, -97, -7, -127, -97, -67, -83, 39, -7, 23, 97, -7, -99, -39, 21 },
            Sharpgrad.NN.Functional.Conv2d(x, w, Tensor.FromArray(new sbyte[] { 100, -7 }), padding: 1), [1, 2, 4, 4]);
        Is(new short[] { 1500, 13500, -14300, 600, -1500, -4500, 2300, -11300 },
            Sharpgrad.NN.Functional.Conv2d(x.To(DType.Int16) * 50, w.To(DType.Int16), stride: 2, padding: 1), [1, 2, 2, 2]);
        Is(new[] { 1640000000000L, -5140000000000L, 1780000000000L, 120000000000L, 1660000000000L, 1960000000000L, 2560000000000L, -2260000000000L },
            Sharpgrad.NN.Functional.Conv2d(x.Long() * 1e10, w.Long()), [1, 2, 2, 2]);
        Is(new[] { 7, 7, 7, 7, 7, 7, 7, 7 }, Sharpgrad.NN.Functional.Conv2d(Tensor.Full([1, 2, 2, 2], 7, DType.Int32), Tensor.Ones([2, 1, 1, 1], DType.Int32), groups: 2), [1, 2, 2, 2]);
        Is(new byte[] { 72, 56 }, Sharpgrad.NN.Functional.Conv1d(x[0, 0].Unsqueeze(0).To(DType.UInt8), Tensor.FromArray(new byte[] { 1, 3, 2, 1, 0, 1 }, [1, 3, 2])), [1, 1, 2]);
        Check.Throws<ArgumentException>("expected scalar type Char but found Float", () => Sharpgrad.NN.Functional.Conv2d(x, w.Float()));
        Check.Throws<ArgumentException>("\"slow_conv2d_cpu\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.Conv2d(Tensor.Ones([1, 1, 2, 2], DType.Bool), Tensor.Ones([1, 1, 1, 1], DType.Bool)));
        var v64 = Tensor.Arange(8, DType.Int64).View(1, 1, 2, 2, 2) * 40;
        var v = v64.To(DType.Int8);
        var w3 = Tensor.FromArray(new sbyte[] { 1, -1, 2, 1, 0, 1, 1, 1 }, [1, 1, 2, 2, 2]);
        Is(new sbyte[] { -64 }, Sharpgrad.NN.Functional.Conv3d(v, w3), [1, 1, 1, 1, 1]);
        Is(new[] { 960L }, Sharpgrad.NN.Functional.Conv3d(v64, w3.Long()), [1, 1, 1, 1, 1]);
        Is(new byte[] { 192 }, Sharpgrad.NN.Functional.Conv3d(v.To(DType.UInt8), w3.To(DType.UInt8)), [1, 1, 1, 1, 1]);
        Is(new sbyte[] { 0, 40, 40, 80, -16, 120, 80, 120, 0 }, Sharpgrad.NN.Functional.Conv3d(v, w3, padding: 1)[0, 0, 0], [3, 3]);
        Check.Throws<ArgumentException>("expected scalar type Char but found Float", () => Sharpgrad.NN.Functional.Conv3d(v, w3.Float()));
        Check.Throws<ArgumentException>("\"compute_columns3d\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.Conv3d(v.Eq(40), w3.Eq(1)));
        Check.Throws<ArgumentException>("\"slow_conv_transpose3d_out_cpu\" not implemented for 'Char'", () => Sharpgrad.NN.Functional.ConvTranspose3d(v, w3));
        // of the integers, transposed convolutions take int64 alone
        var x2 = Tensor.FromArray(new long[] { 1, -2, 3, 4 }, [1, 1, 2, 2]) * 1e12;
        var w2 = Tensor.FromArray(new long[] { 1, 2, -1, 3 }, [1, 1, 2, 2]);
        Is(new[] { 1000000000005L, 2000000000005, -1999999999995, -3999999999995, -999999999995, 3000000000005, 2000000000005, -5999999999995,
            3000000000005, 6000000000005, 4000000000005, 8000000000005, -2999999999995, 9000000000005, -3999999999995, 12000000000005 },
            Sharpgrad.NN.Functional.ConvTranspose2d(x2, w2, Tensor.FromArray(new long[] { 5 }), stride: (2, 2)), [1, 1, 4, 4]);
        Is(new long[] { 0, 120, 80, 80, 280, 160, 160, 280, 80, 560, 1080, 480 }, Sharpgrad.NN.Functional.ConvTranspose1d(v64[0, 0], w3.Long()[0, 0]), [2, 2, 3]);
        Is(new long[] { 0, 40, -40, 80, 120, -80, 160, 320, 120, 160, 40, -160, 560, 720, 80, 560, 1000, 400, 0, 160, 200, 160, 600, 480, 240, 520, 280 },
            Sharpgrad.NN.Functional.ConvTranspose3d(v64, w3.Long()), [1, 1, 3, 3, 3]);
        Check.Throws<ArgumentException>("\"slow_conv_transpose2d_out_cpu\" not implemented for 'Int'", () => Sharpgrad.NN.Functional.ConvTranspose2d(x2.Int(), w2.Int()));
        Check.Throws<ArgumentException>("\"slow_conv_transpose2d_out_cpu\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.ConvTranspose2d(x2.Bool(), w2.Bool()));
        Check.Throws<ArgumentException>("expected scalar type Long but found Float", () => Sharpgrad.NN.Functional.ConvTranspose2d(x2, w2.Float()));
        Check.Throws<ArgumentException>("\"slow_conv_transpose3d_out_cpu\" not implemented for 'Bool'", () => Sharpgrad.NN.Functional.ConvTranspose3d(v64.Bool(), w3.Bool()));
    }

    private static (Tensor Values, Tensor Indices) MaxPool2dWithIndices(Tensor x, int k, int stride, int padding, bool ceilMode) =>
        Sharpgrad.NN.Functional.MaxPool2dWithIndices(x, (k, k), (stride, stride), (padding, padding), ceilMode: ceilMode);

    [Fact]
    public void InPlaceFormsWrapOrCheckTheNumber()
    {
        static Tensor A() => Tensor.FromArray(new sbyte[] { 100, 100, -100 });
        var at = Tensor.FromArray(new long[] { 0, 0, 1 });
        Is(new sbyte[] { 100, -56, 100 }, A().Cumsum_(0));
        Is(new sbyte[] { 100, 16, -64 }, A().Cumprod_(0));
        Is(new sbyte[] { 44, 0, -100 }, A().IndexAdd_(0, at, A()));
        Is(new sbyte[] { 44, 0, -100 }, A().ScatterAdd_(0, at, A()));
        Is(new sbyte[] { 127, 127, -100 }, A().MaskedFill_(A().Gt(0), 127));
        Is(new sbyte[] { -128, 100, -100 }, A().Unsqueeze(0).FillDiagonal_(-128), [1, 3]);
        const string overflow = "value cannot be converted to type int8_t without overflow";
        Check.Throws<ArgumentException>(overflow, () => A().IndexFill_(0, Tensor.FromArray(new long[] { 1 }), -200));
        Check.Throws<ArgumentException>(overflow, () => A().Scatter_(0, Tensor.FromArray(new long[] { 0 }), 300));
        Check.Throws<ArgumentException>(overflow, () => Tensor.Where(A().Gt(0), A(), 300));
        Check.Throws<ArgumentException>(overflow, () => A().IndexFill(0, Tensor.FromArray(new long[] { 1 }), Tensor.Scalar(300, DType.Int64)));
        Check.Throws<ArgumentException>(overflow, () => A().Scatter(0, Tensor.FromArray(new long[] { 0 }), 300, "add"));
        // every dtype checks the number the same way (uint8 wrapping down to -255)
        var first = Tensor.FromArray(new long[] { 0 });
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.Zeros([2], DType.Int32).IndexFill(0, first, 1099511627776.0));
        Check.Throws<ArgumentException>("value cannot be converted to type float without overflow", () => Tensor.Zeros([2]).Scatter(0, first, 1e39));
        Is(new byte[] { 255, 0 }, Tensor.Zeros([2], DType.UInt8).IndexFill(0, first, -1));
        Is(new byte[] { 255, 0 }, Tensor.Zeros([2], DType.UInt8).Scatter(0, first, -1));
        Is(new byte[] { 0, 255 }, Tensor.Where(Tensor.FromArray(new[] { true, false }), Tensor.Zeros([2], DType.UInt8), -1));
        Is(new[] { 0f, 2.5f }, Tensor.Where(Tensor.FromArray(new[] { true, false }), Tensor.Zeros([2], DType.Int8), 2.5));
    }

    [Fact]
    public void PrintsAsPyTorch()
    {
        Assert.Equal("tensor([ 100, -100,  127, -128], dtype=torch.int8)", A8().ToString());
        Assert.Equal("tensor([ 30000, -30000,  32767, -32768], dtype=torch.int16)", S16().ToString());
        Assert.Equal("tensor(5, dtype=torch.int8)", Tensor.Scalar(5, DType.Int8).ToString());
        Assert.Equal("tensor([], dtype=torch.int16)", Tensor.Zeros([0], DType.Int16).ToString());
        Assert.Equal("tensor([[  1, -20],\n        [100,   4]], dtype=torch.int8)", Tensor.FromArray(new sbyte[] { 1, -20, 100, 4 }, [2, 2]).ToString());
    }

    [Fact]
    public void SafeTensorsRoundTripKeepsTheDtypes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharpgrad-i8-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(new Dictionary<string, Tensor> { ["a"] = A8(), ["s"] = S16().View(2, 2) }, path);
            var loaded = SafeTensors.Load(path, keepIntegerDTypes: true);
            Assert.Equal(DType.Int64, SafeTensors.Load(path)["a"].DType);
            Is(new sbyte[] { 100, -100, 127, -128 }, loaded["a"]);
            Is(new short[] { 30000, -30000, 32767, -32768 }, loaded["s"], [2, 2]);
        }
        finally { File.Delete(path); }
    }
}
