namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// Float32 exp and sigmoid bit for bit as PyTorch 2.6 computes them on this CPU (AVX-512): SLEEF's expf_u10 for whole
/// vector pairs, the C library's expf for the elements left over.
/// </summary>
public class ExpBitsTests
{
    private static readonly float[] Inputs = [0f, 5f, 1.2345f, -2.4727817f, -13.526537f, -15.550951f, -1.7339675f, 88.7f, -103.9f, 100.1f, -104.1f, 20.5f];

    private static readonly uint[] ExpBits = [0x3f800000, 0x431469c5, 0x405bf23c, 0x3dacbfa4, 0x35b33031, 0x343d532a, 0x3e34d206, 0x7f7a37fc, 0x1, 0x7f800000, 0x0, 0x4e3eb628];

    private static readonly uint[] SigmoidBits = [0x3f000000, 0x3f7e4961, 0x3f464c87, 0x3d9f4f8d, 0x35b33021, 0x343d5329, 0x3e19aec7, 0x3f800000, 0x0, 0x3f800000, 0x0, 0x3f800000];

    private static uint[] Bits(Tensor t) => Array.ConvertAll(t.ToArray<float>(), BitConverter.SingleToUInt32Bits);

    [Fact]
    public void VectorPairsMatchPyTorchBitForBit()
    {
        // 64 elements: every one goes through the vectorized path
        var x = Tensor.Cat([Tensor.FromArray(Inputs), Tensor.Zeros([52])]);
        Assert.Equal(ExpBits, Bits(x.Exp())[..12]);
        Assert.Equal(SigmoidBits, Bits(x.Sigmoid())[..12]);
    }

    [Fact]
    public void TheTailMatchesPyTorchToo()
    {
        var x = Tensor.FromArray(Inputs[..3]);
        Assert.Equal(ExpBits[..3], Bits(x.Exp()));
        Assert.Equal(SigmoidBits[..3], Bits(x.Sigmoid()));
        Assert.Equal(1f, Tensor.Zeros([1]).Exp().Item<float>());
        // strided elements take the same formula (ATen copies them into a vector buffer)
        var strided = Tensor.Cat([Tensor.FromArray(Inputs).Unsqueeze(1), Tensor.Zeros([12, 1])], 1).Select(1, 0);
        Assert.False(strided.IsContiguous);
        Assert.Equal(ExpBits, Bits(strided.Exp()));
        Assert.True(float.IsNaN(Tensor.FromArray(Enumerable.Repeat(float.NaN, 40).ToArray()).Exp().ToArray<float>()[5]));
    }

    [Fact]
    public void Float32ErfIsPyTorchsVectorizedApproximation()
    {
        // PyTorch 2.6 (AVX-512): Abramowitz-Stegun 7.1.26 with SLEEF's exp, ~1e-7 absolute, so these small arguments
        // differ from the exact erf (-0.0030203157..., 0.005031532...) in the fourth digit, as PyTorch's do
        var x = Tensor.FromArray(new[] { -0.0026766914f, 0.0044591087f, 0.021307098f, 0.051874373f, 0f, -3f, 10f });
        float[] expected = [-0.0030204237f, 0.0050316295f, 0.024039067f, 0.058481865f, 0f, -0.99997795f, 1f];
        var got = x.Erf().ToArray<float>();
        for (int i = 0; i < 4; i++) Assert.Equal(BitConverter.SingleToUInt32Bits(expected[i]), BitConverter.SingleToUInt32Bits(got[i]));
        Assert.Equal(0f, got[4]);
        Assert.Equal(1f, got[6]);
        Assert.Equal(expected[5], got[5], 6);
        // Float64 keeps the accurate erf, as PyTorch's SLEEF erf_u10 for doubles
        Assert.Equal(-0.0030203157, Tensor.FromArray(new[] { -0.0026766914 }).Erf().Item(), 9);
    }

    [Fact]
    public void Float64ExpAndSigmoidMatchPyTorchBitForBit()
    {
        double[] inputs = [1.2345, -2.5, 10.1, 0.3, -7.77, 33.3];
        ulong[] exp = [0x400b7e47790da685, 0x3fb50385c094f425, 0x40d7c5c09a68d572, 0x3ff599058c8c1a96, 0x3f3bab902c420358, 0x42f078401f5a3ec8];
        ulong[] sigmoid = [0x3fe8c990dcf2bfd8, 0x3fb36b7112534847, 0x3fefffa9da7cd7f3, 0x3fe261d545e46a8b, 0x3f3ba892db972702, 0x3fefffffffffffe0];
        static ulong[] Bits(Tensor t) => Array.ConvertAll(t.ToArray<double>(), BitConverter.DoubleToUInt64Bits);
        var vector = Tensor.Cat([Tensor.FromArray(inputs), Tensor.Zeros([26], DType.Float64)]);
        Assert.Equal(exp, Bits(vector.Exp())[..6]);
        Assert.Equal(sigmoid, Bits(vector.Sigmoid())[..6]);
        var tail = Tensor.FromArray(inputs[..3]);
        Assert.Equal(exp[..3], Bits(tail.Exp()));
        Assert.Equal(sigmoid[..3], Bits(tail.Sigmoid()));
    }

    [Fact]
    public void Float32TanhMatchesPyTorchBitForBit()
    {
        // SLEEF's tanhf_u10 (double-float exp), PyTorch 2.6 on AVX-512: tiny arguments, -0 and the saturated range too
        var x = Tensor.FromArray(new[] { 1e-8f, -0f, 1e-3f, 0.3f, -2.5f, 8.7f, -9.5f, 0.0001234f, 5f, -0.75f });
        uint[] expected = [0x322bcc77, 0x80000000, 0x3a83126c, 0x3e9526ee, 0xbf7c92c1, 0x3f800000, 0xbf800000, 0x390164ef, 0x3f7ffa0d, 0xbf22991f];
        Assert.Equal(expected, Bits(x.Tanh()));
        Assert.Equal(expected, Bits(Tensor.Cat([x, Tensor.Zeros([54])]).Tanh())[..10]);
        Assert.True(float.IsNaN(Tensor.FromArray(new[] { float.NaN }).Tanh().Item<float>()));
    }
}
