namespace Sharpgrad.Tests.NN;

/// <summary>
/// lerp and lerp_ bit for bit against PyTorch 2.6's fused CPU kernel (fma(w, end - self, self) for |w| &lt; 0.5, else
/// fma(w - 1, end - self, end)), in-place autograd and messages.
/// </summary>
public class LerpKernelTests
{
    /// <summary>300 self, end and weight values as the oracle built them: random signs, mantissas and exponents (2^±20), a third of the ends near self.</summary>
    private static (Tensor S, Tensor E, Tensor W) Inputs(DType dtype)
    {
        const int n = 300;
        ulong rng = 42;
        double[] Values()
        {
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                uint r = Bits.Next(ref rng);
                if (dtype == DType.Float32)
                    v[i] = BitConverter.Int32BitsToSingle((int)((r & 0x80000000u) | ((107 + (r >> 8) % 41) << 23) | (Bits.Next(ref rng) & 0x7FFFFF)));
                else
                    v[i] = BitConverter.Int64BitsToDouble((long)(((ulong)(r & 0x80000000u) << 32) | ((1003UL + (r >> 8) % 41) << 52) | ((ulong)Bits.Next(ref rng) << 20) | (Bits.Next(ref rng) & 0xFFFFFu)));
            }
            return v;
        }
        double[] s = Values(), e = Values(), w = new double[n];
        for (int i = 0; i < n; i++) w[i] = ((long)(Bits.Next(ref rng) % 2001) - 500) / 1000.0;
        var st = Tensor.FromArray(s, [n]).To(dtype);
        var wt = Tensor.FromArray(w, [n]).To(dtype);
        var et = Tensor.FromArray(e, [n]).To(dtype);
        et.Narrow(0, 0, 100).Copy_(st.Narrow(0, 0, 100) * (wt.Narrow(0, 0, 100) * 1e-3 + 1));
        return (st, et, wt);
    }

    /// <summary>The unfused formula (each product and sum rounded), which PyTorch's kernel does not compute.</summary>
    private static Tensor Unfused(Tensor s, Tensor e, Tensor w) => Tensor.Where(w.Abs().Lt(0.5), s + w * (e - s), e - (e - s) * (1.0 - w));

    public static TheoryData<DType, double, ulong, int> ScalarCases => new()
    {
        { DType.Float32, 0.3, 0xe2ff656f0fdbc1a0, 53 },
        { DType.Float32, 0.7, 0x8a8444176d5d6d09, 54 },
        { DType.Float32, -0.3, 0x30f32a79a38856a3, 45 },
        { DType.Float32, 1.2, 0x6dc7107b0e2d0da8, 135 },
        { DType.Float32, 0.123456789, 0x7dea227f00fb03c6, 25 },
        { DType.Float32, -0.5, 0x344872d157e47ea0, 85 },
        { DType.Float32, 0.5, 0xcd09d7ef8c58a341, 0 },
        { DType.Float64, 0.3, 0xa3c2c5d1349c32, 53 },
        { DType.Float64, 0.7, 0xfb094f6c079a6de2, 51 },
        { DType.Float64, -0.3, 0x7ea1fbdc3d7913, 45 },
        { DType.Float64, 1.2, 0xa1d2c64340ebaad7, 42 },
        { DType.Float64, 0.123456789, 0x8ee5d944ae41f88d, 31 },
        { DType.Float64, -0.5, 0xe2b7a0e6954229c8, 92 },
        { DType.Float64, 0.5, 0x567ca6bdab9a2343, 0 },
    };

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void ScalarWeightMatchesPyTorchBitForBit(DType dtype, double weight, ulong hash, int unfusedDiffers)
    {
        var (s, e, _) = Inputs(dtype);
        var y = s.Lerp(e, weight);
        Assert.Equal(hash, Bits.Hash(y));
        // The inputs expose the rounding: this many values differ from the unfused formula (as in PyTorch).
        var unfused = Math.Abs(weight) < 0.5 ? s + weight * (e - s) : e - (e - s) * (1 - weight); // 1 - weight in double, as Python
        Assert.Equal(unfusedDiffers, (int)y.Ne(unfused).Sum().Item<long>());
        Assert.Equal(hash, Bits.Hash(s.Clone().Lerp_(e, weight)));
    }

    [Fact]
    public void TensorWeightMatchesPyTorchBitForBit()
    {
        var (s, e, w) = Inputs(DType.Float32);
        var y = s.Lerp(e, w);
        Assert.Equal(0x284046302ac0dec9UL, Bits.Hash(y));
        Assert.Equal(new[] { -5.489107024914119e-06f, 28.220861434936523f, -1463.504150390625f }, y.Narrow(0, 0, 3).ToArray<float>());
        Assert.Equal(39L, y.Ne(Unfused(s, e, w)).Sum().Item<long>());
        Assert.Equal(0x284046302ac0dec9UL, Bits.Hash(s.Clone().Lerp_(e, w)));

        (s, e, w) = Inputs(DType.Float64);
        y = s.Lerp(e, w);
        Assert.Equal(0xf7d74d6e5e26a37fUL, Bits.Hash(y));
        Assert.Equal(new[] { -4.6752270527227165e-06, -5.128590478184847e-05, 2.3050756327202966 }, y.Narrow(0, 0, 3).ToArray<double>());
        Assert.Equal(41L, y.Ne(Unfused(s, e, w)).Sum().Item<long>());
        Assert.Equal(0xf7d74d6e5e26a37fUL, Bits.Hash(s.Clone().Lerp_(e, w)));
    }

    [Fact]
    public void BroadcastAndSpecialValuesMatchPyTorch()
    {
        var a = Check.F32([1.5f, -2f, 0.25f], 3, 1);
        var b = Check.F32([3f, -1f, 0.5f, 7f], 1, 4);
        var y = a.Lerp(b, Check.F32([0.1f, 0.6f, -0.4f, 1.3f], 4));
        Assert.Equal([3, 4], y.Shape);
        Assert.Equal(new[] { 1.649999976158142f, -5.960464477539063e-08f, 1.899999976158142f, 8.649999618530273f, -1.5f, -1.399999976158142f,
            -3.0f, 9.699999809265137f, 0.5249999761581421f, -0.5f, 0.15000000596046448f, 9.024999618530273f }, y.ToArray<float>());
        Assert.Equal(new[] { 2.625f, -0.375f, 0.75f, 5.625f, 1.75f, -1.25f, -0.125f, 4.75f, 2.3125f, -0.6875f, 0.4375f, 5.3125f },
            a.Lerp(b, 0.75).ToArray<float>());

        float inf = float.PositiveInfinity, nan = float.NaN;
        var s = Check.F32([0f, 1f, inf, -inf, 1f, nan, 3f], 7);
        var e = Check.F32([inf, inf, inf, 1f, 2f, 1f, 3f], 7);
        Assert.Equal(new[] { nan, nan, nan, nan, 1f, nan, 3f }, s.Lerp(e, 0.0).ToArray<float>());
        Assert.Equal(new[] { inf, inf, nan, nan, 1.2999999523162842f, nan, 3f }, s.Lerp(e, 0.3).ToArray<float>());
        Assert.Equal(new[] { nan, nan, nan, -inf, 1.7000000476837158f, nan, 3f }, s.Lerp(e, 0.7).ToArray<float>());
        Assert.Equal(new[] { nan, nan, nan, nan, 2f, nan, 3f }, s.Lerp(e, 1.0).ToArray<float>());
        Assert.Equal(new[] { nan, nan, nan, -inf, inf, nan, nan }, s.Lerp(e, Check.F32([nan, 0f, 1f, 0.5f, inf, 0.2f, -inf], 7)).ToArray<float>());
    }

    [Fact]
    public void InPlaceAutogradMatchesPyTorch()
    {
        var s0 = Check.F64([1.0, -2.0, 3.5], 3).RequiresGrad_();
        var e0 = Check.F64([0.5, 4.0, -1.0], 3).RequiresGrad_();
        var x = s0 * 2;
        Assert.Same(x, x.Lerp_(e0, 0.3));
        Assert.Equal("LerpBackward0", x.GradFn!.Name);
        Check.Close([1.55, -1.6, 4.6], x, 1e-15);
        (x * Check.F64([1.0, 2.0, 3.0], 3)).Sum().Backward();
        Check.Close([1.4, 2.8, 4.199999999999999], s0.Grad!, 1e-15);
        Check.Close([0.3, 0.6, 0.8999999999999999], e0.Grad!, 1e-15);

        var s1 = Check.F64([1.0, -2.0, 3.5, 0.25], 2, 2).RequiresGrad_();
        var e1 = Check.F64([0.5, 4.0], 2).RequiresGrad_();
        var w1 = Check.F64([0.2, 0.9, -0.1, 0.6], 2, 2).RequiresGrad_();
        x = s1 * 1.5;
        x.Lerp_(e1, w1);
        Assert.Equal("LerpBackward1", x.GradFn!.Name);
        Check.Close([1.3, 3.3000000000000003, 5.725, 2.55], x, 1e-15);
        (x * x).Sum().Backward();
        Check.Close([3.12, 0.9899999999999999, 18.892500000000002, 3.06], s1.Grad!, 1e-14);
        Check.Close([-0.625, 9.0], e1.Grad!, 1e-14);
        Check.Close([-2.6, 46.2, -54.387499999999996, 18.487499999999997], w1.Grad!, 1e-14); // uses the original self

        var w2 = Check.F64([0.2, 0.9], 2).RequiresGrad_();
        x = Check.F64([1.0, -2.0], 2);
        x.Lerp_(Check.F64([3.0, 5.0], 2), w2);
        Assert.Equal("LerpBackward1", x.GradFn!.Name);
        Check.Close([1.4, 4.3], x, 1e-15);
        x.Sum().Backward();
        Check.Close([2.0, 7.0], w2.Grad!, 1e-15);

        Assert.True(Autograd.GradCheck(t => (t[0] * 1).Lerp_(t[1], 0.3),
            [Check.Det([2, 3], 0.6).RequiresGrad_(), Check.Det([3], 0.9).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => (t[0] * 1).Lerp_(t[1], t[2]),
            [Check.Det([2, 3], 0.6).RequiresGrad_(), Check.Det([3], 0.9).RequiresGrad_(), Check.Det([2, 1], 1.3, 0.8).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => t[0].Lerp(t[1], t[2]),
            [Check.Det([2, 3], 0.6).RequiresGrad_(), Check.Det([3], 0.9).RequiresGrad_(), Check.Det([2, 1], 1.3, 0.8).RequiresGrad_()]));
    }

    [Fact]
    public void InPlaceMessagesMatchPyTorch()
    {
        string Message(Action f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("output with shape [3] doesn't match the broadcast shape [2, 3]", Message(() => Tensor.Zeros([3]).Lerp_(Tensor.Zeros([2, 3]), 0.5)));
        Assert.Equal("output with shape [2] doesn't match the broadcast shape [3, 2]", Message(() => Tensor.Zeros([2]).Lerp_(Tensor.Zeros([2]), Tensor.Zeros([3, 2]))));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1", Message(() => Tensor.Zeros([2]).Lerp_(Tensor.Zeros([2, 3]), 0.5)));
        Assert.Equal("expected dtype float for `end` but got dtype double", Message(() => Tensor.Zeros([2]).Lerp_(Tensor.Zeros([2], DType.Float64), 0.5)));
        Assert.Equal("expected dtype float for `weight` but got dtype double", Message(() => Tensor.Zeros([2]).Lerp_(Tensor.Zeros([2]), Tensor.Zeros([2], DType.Float64))));
        Assert.Equal("\"lerp_kernel_scalar\" not implemented for 'Long'", Message(() => Tensor.Zeros([2], DType.Int64).Lerp_(Tensor.Zeros([2], DType.Int64), 0.5)));
        Assert.Equal("\"lerp_kernel_tensor\" not implemented for 'Long'", Message(() => Tensor.Zeros([2], DType.Int64).Lerp_(Tensor.Zeros([2], DType.Int64), Tensor.Zeros([2], DType.Int64))));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", Message(() => Tensor.Zeros([2], DType.Int64).Lerp(Tensor.Zeros([3], DType.Int64), 0.5)));
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.",
            Assert.Throws<InvalidOperationException>(() => Tensor.Zeros([2]).RequiresGrad_().Lerp_(Tensor.Zeros([2]), 0.5)).Message);
    }
}
