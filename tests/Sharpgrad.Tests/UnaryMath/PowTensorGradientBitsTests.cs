namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// The gradients of tensor ** tensor and number ** tensor bit for bit with PyTorch 2.6 (PowBackward1, PowBackward2):
/// pow_backward_self's grad·(exp·self^(exp−1)) with 0 where exp == 0 (so 0 ** 0 gives 0, not NaN), pow_backward_exponent's
/// grad·(result·log self) with 0 where self == 0 and exp ≥ 0, and for a number base grad·(result·ln base), 0 where base
/// is 0 and exp ≥ 0. Twelve elements per dtype: 0 ** 0, 0 ** 2, 0 ** −1.5, (−2) ** 3, x ** 0 and random positive bases.
/// </summary>
public class PowTensorGradientBitsTests
{
    private static readonly uint[] A32 = [0x00000000, 0x00000000, 0x00000000, 0xc0000000, 0x3f1939e8, 0x3f437fe0, 0x3fa3bab9, 0x3fcfabcd, 0x3fc8d3ee, 0x3ec4a9b5, 0x408f95a2, 0x3f3b17b6];
    private static readonly uint[] B32 = [0x00000000, 0x40000000, 0xbfc00000, 0x40400000, 0x00000000, 0xbe7cc175, 0x3fe493e2, 0xbf7a658e, 0xc03937fa, 0x4018d745, 0x3f8bd672, 0xc084cd0d];
    private static readonly uint[] W32 = [0xbf7817cd, 0xc008aae9, 0xbf858413, 0xbfda8a33, 0x3fb1dda1, 0x3e30f462, 0xbf7bc6eb, 0xbf8bfeb2, 0x3e06fcfa, 0x3e46f0e0, 0xbead908a, 0x3fd4676b];
    private static readonly uint[] GradA32 = [0x00000000, 0x80000000, 0x7f800000, 0xc1a3e7a6, 0x00000000, 0xbd7485e6, 0xc0086487, 0x3ed24b80, 0xbd873d28, 0x3dfbc0f9, 0xbed9db26, 0xc20a7cee];
    private static readonly uint[] GradB32 = [0x80000000, 0x80000000, 0x7f800000, 0xffc00000, 0xbf369562, 0xbd4bf979, 0xbec069cb, 0xbea8ce02, 0x3c841851, 0xbc9af9ef, 0xc027e720, 0xbff4b7fb];
    private static readonly uint[] GradZeroBase32 = [0x80000000, 0x80000000, 0x7f800000, 0x80000000, 0x00000000, 0xff800000, 0x80000000, 0x7f800000, 0xff800000, 0x00000000, 0x80000000, 0xff800000];
    private static readonly uint[] GradNumberBase32 = [0xbf635347, 0xc143aae9, 0xbe7798f7, 0xc1c38d83, 0x3fa2fa0b, 0x3e015253, 0xc0941c4d, 0xbed16644, 0x3c0b9217, 0x3fcb3cc2, 0xbf585ff3, 0x3d0af52d];
    private static readonly ulong[] A64 = [0x0000000000000000UL, 0x0000000000000000UL, 0x0000000000000000UL, 0xc000000000000000UL, 0x3fcd7330f30b6e23UL, 0x4000014c1229694fUL, 0x3fe792fc34a2df0aUL, 0x3ff399a542c29626UL, 0x3fffd831d72813f9UL, 0x40031d23ebdc23dbUL, 0x3ffb7d9d21498e92UL, 0x3ffbe41f7e645e52UL];
    private static readonly ulong[] B64 = [0x0000000000000000UL, 0x4000000000000000UL, 0xbff8000000000000UL, 0x4008000000000000UL, 0x0000000000000000UL, 0xc000b05fe24f02fdUL, 0x3ffa396d5ae55677UL, 0xc0093b122f783b38UL, 0xbfe9c29268f44c83UL, 0x3fc9aa31f9314619UL, 0xbffd79fa6635f176UL, 0x4015dfec641e0c4fUL];
    private static readonly ulong[] W64 = [0xbff14b1179afe16cUL, 0xbfe8f6b1b99df9f0UL, 0x3fd24e688ffda6e7UL, 0xbfd2dc9803b4dbe8UL, 0x3fec027c42bfb7daUL, 0xbff396a9bcebc99fUL, 0xbffdd40cba94ccf5UL, 0xbfe579045b4b7f9eUL, 0xbfb2c094d749773fUL, 0x3ffee570a424711fUL, 0x3fd7abe316f29921UL, 0xc002d2afbea017a1UL];
    private static readonly ulong[] GradA64 = [0x0000000000000000UL, 0x8000000000000000UL, 0xfff0000000000000UL, 0xc00c4ae4058f49dcUL, 0x0000000000000000UL, 0x3fd33aaf01004271UL, 0xc0041bbc8f8d7d03UL, 0x3fed25dd1d949416UL, 0x3f916ed183e34246UL, 0x3fc8b361ecad0aebUL, 0xbfc2ba5563ccc060UL, 0xc063452cf895cb7aUL];
    private static readonly ulong[] GradB64 = [0x8000000000000000UL, 0x8000000000000000UL, 0xfff0000000000000UL, 0xfff8000000000000UL, 0xbff493ee7e25b80fUL, 0xbfc993a0455e89ebUL, 0x3fd6186555f82de7UL, 0xbfb261b8671ea96bUL, 0xbf9daa56adc1b91cUL, 0x400005af708933d4UL, 0x3fb2e84defd2d743UL, 0xc03b4ef06cb50f26UL];
    private static readonly ulong[] GradZeroBase64 = [0x8000000000000000UL, 0x8000000000000000UL, 0xfff0000000000000UL, 0x8000000000000000UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0xfff0000000000000UL, 0x8000000000000000UL];
    private static readonly ulong[] GradNumberBase64 = [0xbfefb0f696bd6869UL, 0xc011decac7bb6b45UL, 0x3fb0f95622060d25UL, 0xc010e0b2f0300c22UL, 0x3fe9aa3fd2b8c939UL, 0xbfc53b2f2c783a1eUL, 0xc01eadb0de83e927UL, 0xbfa17f9b72b27100UL, 0xbfa06f68fac6f9dbUL, 0x40010280b566d54fUL, 0x3fb00a354f552ff8UL, 0xc074378d3d1e0266UL];

    private static Tensor F32(uint[] bits) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt32BitsToSingle));
    private static Tensor F64(ulong[] bits) => Tensor.FromArray(Array.ConvertAll(bits, BitConverter.UInt64BitsToDouble));
    private static uint[] Bits32(Tensor? t) => Array.ConvertAll(t!.ToArray<float>(), BitConverter.SingleToUInt32Bits);
    private static ulong[] Bits64(Tensor? t) => Array.ConvertAll(t!.ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    [Fact]
    public void Float32TensorExponentGradientsMatch()
    {
        var a = F32(A32).RequiresGrad_();
        var b = F32(B32).RequiresGrad_();
        (a.Pow(b) * F32(W32)).Sum().Backward();
        Assert.Equal(GradA32, Bits32(a.Grad));
        Assert.Equal(GradB32, Bits32(b.Grad));
    }

    [Fact]
    public void Float64TensorExponentGradientsMatch()
    {
        var a = F64(A64).RequiresGrad_();
        var b = F64(B64).RequiresGrad_();
        (a.Pow(b) * F64(W64)).Sum().Backward();
        Assert.Equal(GradA64, Bits64(a.Grad));
        Assert.Equal(GradB64, Bits64(b.Grad));
    }

    [Fact]
    public void NumberBaseGradientsMatch()
    {
        var b = F32(B32).RequiresGrad_();
        (Tensor.Pow(0.0, b) * F32(W32)).Sum().Backward();
        Assert.Equal(GradZeroBase32, Bits32(b.Grad));
        b = F32(B32).RequiresGrad_();
        (Tensor.Pow(2.5, b) * F32(W32)).Sum().Backward();
        Assert.Equal(GradNumberBase32, Bits32(b.Grad));
        var d = F64(B64).RequiresGrad_();
        (Tensor.Pow(0.0, d) * F64(W64)).Sum().Backward();
        Assert.Equal(GradZeroBase64, Bits64(d.Grad));
        d = F64(B64).RequiresGrad_();
        (Tensor.Pow(2.5, d) * F64(W64)).Sum().Backward();
        Assert.Equal(GradNumberBase64, Bits64(d.Grad));
    }
}
