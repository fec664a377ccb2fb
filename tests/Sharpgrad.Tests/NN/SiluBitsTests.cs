using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// silu and its gradient bit for bit as PyTorch 2.6 computes them: x / (1 + exp(−x)), whole pairs of 16-float vectors
/// through SLEEF's exp and the 8 elements left of 40 through the C library's; a strided input takes the C library's for
/// all. Inputs: SumBitsTests' hashed values × 20; the gradient fed back has seed 3.
/// </summary>
public class SiluBitsTests
{
    private static readonly uint[] Forward =
    [
        0xbad4caf2, 0x3fe4c227, 0xbd46bb38, 0x40c1cd6e, 0xbe3b3dd9, 0xbbcc6e4a, 0x405e2b4d, 0xbe139d3f,
        0x40f3984c, 0x3f4b7fc9, 0xbcba68fa, 0x40a2b3c1, 0xbe8d553d, 0xbb32c42c, 0x401bdec5, 0xbd9a9886,
        0x40d4df1a, 0x3d73f162, 0xbc28d9ea, 0x40830fee, 0xbe4d98b4, 0x410344be, 0x3fb25585, 0xbd1596da,
        0x40b5f7b4, 0xbe81d911, 0xbb95572e, 0x4045139b, 0xbde98793, 0x40e7df95, 0x3ef0d360, 0xbc8a35e9,
        0x4096b2d9, 0xbe82cff2, 0xbb01cc6a, 0x40023261, 0xbd6bf45a, 0x40c9189f, 0xbde1d124, 0xbbf7de99,
    ];

    private static readonly uint[] Gradient =
    [
        0xb9e427aa, 0xbcd5a2f9, 0x3c568823, 0x3e38df9e, 0xbd24ae82, 0xbb0565a1, 0x3d69901c, 0x3cc74847,
        0x3e835ea3, 0xbd8b0b0d, 0x3bf20393, 0x3e0917fa, 0x3bc2e540, 0xba50392c, 0x3bcad96d, 0x3c9093fb,
        0x3e568344, 0xbd880b0b, 0xbb69a07c, 0x3db1ea8b, 0x3cc7f06d, 0x3e92587a, 0xbd376a00, 0x3c2e3c90,
        0x3e269c4e, 0xbca970b4, 0xbabb2408, 0x3d1bb19d, 0x3cb608df, 0x3e7447cd, 0xbd97d218, 0x3bbe8fd2,
        0x3ded9ed9, 0x3c87bb00, 0xba0fd0fe, 0xbc62f2b9, 0x3c71f564, 0x3e442e15, 0xbd539757, 0xbb2591fc,
    ];

    private static readonly uint[] GradientOfSum =
    [
        0xbabbed38, 0x3f8bc3d3, 0xbd18ad67, 0x3f817dec, 0x3e8a3660, 0xbbaf26cc, 0x3f88ab66, 0xbdb5d4a6,
        0x3f806aa7, 0x3f729278, 0xbc979e6f, 0x3f831f0d, 0xbcf7b2fb, 0xbb1c4e64, 0x3f8c8a5c, 0xbd60aaa6,
        0x3f80eccf, 0x3f0e672a, 0xbc0e579c, 0x3f861773, 0xbdcc75a1, 0x3f804067, 0x3f880d28, 0xbcebc161,
        0x3f81fd5f, 0x3dfd5f98, 0xbb810aa2, 0x3f8a618e, 0xbd9bb945, 0x3f809113, 0x3f531b41, 0xbc645468,
        0x3f84127d, 0xbd9ddca7, 0xbae46e41, 0x3f8ca2b0, 0xbd31e83c, 0x3f813eb3, 0x3ec020d1, 0xbbd324a2,
    ];

    private static readonly uint[] Strided =
    [
        0xbad4caf2, 0xbd46bb38, 0xbe3b3dda, 0x405e2b4d, 0x40f3984c, 0xbcba68fa, 0xbe8d553d, 0x401bdec5,
        0x40d4df1a, 0xbc28d9ea, 0xbe4d98b4, 0x3fb25585, 0x40b5f7b4, 0xbb95572e, 0xbde98793, 0x3ef0d360,
        0x4096b2d9, 0xbb01cc6a, 0xbd6bf45a, 0xbde1d124, 0x406d857a, 0x40fad542, 0xbcdfb86f, 0xbe8e48ae,
        0x402baf36, 0x40dc22c7, 0xbc4c11e8, 0xbe646cd4, 0x3fd15833, 0x40bd4984, 0xbbb561de, 0xbe0744dc,
        0x3f2a6c80, 0x409e2098, 0xbb1e3b07, 0xbd8b9856, 0xbc572f5b, 0x407cc285, 0x410108a2, 0xbd05f772,
    ];

    private static readonly ulong[] Forward64 =
    [
        0xbf5a995ddc031da9, 0x3ffc9845202d9336, 0xbfa8d766ff674271, 0x401839adac0c13c8,
        0xbfc767bb1c30f14e, 0xbf798dc9d48bc9a8, 0x400bc56996d52ded, 0xbfc273a7ecc88fa3,
        0x401e7309784881f0, 0x3fe96ff92fb0a25f, 0xbf974d1f409c0bfd, 0x401456782685fde2,
        0xbfd1aaa7a0ada27c, 0xbf66588543dc6c5d, 0x40037bd89cc55a35, 0xbfb35310ad2b447a,
        0x401a9be360cce28c, 0x3fae7e2c53e04fc7, 0xbf851b3d24ed8f2d,
    ];

    private static readonly ulong[] Gradient64 =
    [
        0xbf3c84f4c46602aa, 0xbf9ab45f334ede08, 0x3f8ad10459ff52d3, 0x3fc71bf3bafc7f24,
        0xbfa495d0583e8a40, 0xbf60acb4724ed53a, 0x3fad32037b46efee, 0x3f98e908f772465b,
        0x3fd06bd47301e134, 0xbfb16161b648b23b, 0x3f7e407254cc8b70, 0x3fc122ff499ad44b,
        0x3f785ca7c2ded609, 0xbf4a07254216c34f, 0x3f795b2dc501dd99, 0x3f92127f4f8ef1b6,
        0x3fcad068424092ec, 0xbfb1016142ae7fc8, 0xbf6d340f76451053,
    ];

    [Fact]
    public void Float32MatchesPyTorch()
    {
        var x = (Core.SumBitsTests.Values(40, DType.Float32) * 20).RequiresGrad_();
        var y = F.Silu(x);
        Assert.Equal(Forward, Core.SumBitsTests.Bits32(y));
        y.Backward(Core.SumBitsTests.Values(40, DType.Float32, 3));
        Assert.Equal(Gradient, Core.SumBitsTests.Bits32(x.Grad!));
        x.Grad = null;
        F.Silu(x).Sum().Backward();
        Assert.Equal(GradientOfSum, Core.SumBitsTests.Bits32(x.Grad!));
        var strided = (Core.SumBitsTests.Values(80, DType.Float32) * 20).Reshape(40, 2).Select(1, 0);
        Assert.Equal(Strided, Core.SumBitsTests.Bits32(F.Silu(strided)));
    }

    [Fact]
    public void Float64MatchesPyTorch()
    {
        var x = (Core.SumBitsTests.Values(19, DType.Float64) * 20).RequiresGrad_();
        var y = F.Silu(x);
        Assert.Equal(Forward64, Core.SumBitsTests.Bits64(y));
        y.Backward(Core.SumBitsTests.Values(19, DType.Float64, 3));
        Assert.Equal(Gradient64, Core.SumBitsTests.Bits64(x.Grad!));
    }
}
