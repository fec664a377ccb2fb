using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// mish and its gradient bit for bit as PyTorch 2.6 computes them: x·tanh(log1p(exp(x))), whole pairs of 16-float
/// vectors through SLEEF's exp, log1p and tanh, the 8 elements left of 40 (and a strided input) through the C library's.
/// Inputs: SumBitsTests' hashed values × 20; the gradient fed back has seed 3.
/// </summary>
public class MishBitsTests
{
    private static readonly uint[] Forward =
    [
        0xbad4d01a, 0x3ffc0870, 0xbd47cbfa, 0x40c23f87, 0xbe5b46e3, 0xbbcc8588, 0x40641629, 0xbe172e81,
        0x40f3b6fa, 0x3f6fdb4f, 0xbcbacc0e, 0x40a3aaee, 0xbe9aa3c2, 0xbb32cbfe, 0x4025bc88, 0xbd9c1426,
        0x40d524b0, 0x3d92d52a, 0xbc28fc86, 0x40850bae, 0xbe563481, 0x41034de8, 0x3fc9b308, 0xbd1625dd,
        0x40b691b4, 0xbe943342, 0xbb9562f9, 0x404c73cc, 0xbded8259, 0x40e809a0, 0x3f107247, 0xbc8a68f9,
        0x4097fadf, 0xbe8bffab, 0xbb01d05c, 0x400d55d4, 0xbd6d8904, 0x40c97732, 0xbe060297, 0xbbf801e4,
    ];

    private static readonly uint[] Gradient =
    [
        0xb9e43374, 0xbcd0f325, 0x3c5929b2, 0x3e36c3de, 0xbd385a62, 0xbb058679, 0x3d5cb255, 0x3cd38558,
        0x3e82f1c3, 0xbd9b9c10, 0x3bf321b3, 0x3e05eaed, 0x3c2ad8f6, 0xba504cb2, 0x3bbf5795, 0x3c93d606,
        0x3e54fb72, 0xbda42d28, 0xbb6a0918, 0x3daa6922, 0x3cdf9baa, 0x3e920f0d, 0xbd3b57d8, 0x3c2fb4f0,
        0x3e241904, 0xbca42632, 0xbabb43e2, 0x3d124453, 0x3cbd9fe0, 0x3e733502, 0xbdb291af, 0x3bbf2b39,
        0x3de6943d, 0x3cabaf16, 0xba0fda52, 0xbc59dd19, 0x3c75b33c, 0x3e424e3e, 0xbd773c0f, 0xbb25c534,
    ];

    private static readonly uint[] GradientOfSum =
    [
        0xbabbf6ee, 0x3f88b2e0, 0xbd1a8cc2, 0x3f8003dd, 0x3e9ab8d6, 0xbbaf51ec, 0x3f81240b, 0xbdc0ff59,
        0x3f800039, 0x3f87bca1, 0xbc9851b0, 0x3f80156b, 0xbd5922c0, 0xbb1c5d0b, 0x3f849162, 0xbd65bab5,
        0x3f800152, 0x3f2bd9f9, 0xbc0e9759, 0x3f806f53, 0xbde4a9dc, 0x3f80000f, 0x3f8af744, 0xbcedbea5,
        0x3f80077a, 0x3df5761f, 0xbb812099, 0x3f82009e, 0xbda2376f, 0x3f800073, 0x3f784cd2, 0xbc650e9b,
        0x3f802894, 0xbdc7ad80, 0xbae47d12, 0x3f87018b, 0xbd34a885, 0x3f800293, 0x3ee07e36, 0xbbd365f3,
    ];

    private static readonly uint[] Strided =
    [
        0xbad4d01b, 0xbd47cbfa, 0xbe5b46e3, 0x40641629, 0x40f3b6fa, 0xbcbacc0e, 0xbe9aa3c2, 0x4025bc88,
        0x40d524b0, 0xbc28fc86, 0xbe563481, 0x3fc9b308, 0x40b691b4, 0xbb9562f8, 0xbded8259, 0x3f107247,
        0x4097fadf, 0xbb01d05c, 0xbd6d8904, 0xbe060297, 0x4072a0cd, 0x40faee7a, 0xbce04d45, 0xbe9e1cca,
        0x40349dae, 0x40dc5c3e, 0xbc4c464c, 0xbe7022ac, 0x3fe8e896, 0x40bdc98a, 0xbbb573cd, 0xbe0a21b0,
        0x3f4a7338, 0x409f3441, 0xbb1e410d, 0xbd8cc347, 0xbc80fe13, 0x4080917b, 0x410112fc, 0xbd0666f8,
    ];

    private static readonly ulong[] Forward64 =
    [
        0xbf5a9a02f208312c, 0x3fff810e23380520, 0xbfa8f97f58c76fd4, 0x401847f0e083bf12,
        0xbfcb68dc493003d6, 0xbf7990b163d4bb1d, 0x400c82c521773493, 0xbfc2e5d03b675ad5,
        0x401e76df3a7a99ba, 0x3fedfb69f6d50d57, 0xbf975981caeddf7d, 0x4014755dd4362c26,
        0xbfd354784f214d2e, 0xbf66597f86cb9c96, 0x4004b7910ede6c7a, 0xbfb38284717b31f4,
        0x401aa4961c9bc2da, 0x3fb25aa54ffb9f6c, 0xbf851f90bf302c1c,
    ];

    private static readonly ulong[] Gradient64 =
    [
        0xbf3c866e28844dd6, 0xbf9a1e64acc0f4a5, 0x3f8b25363526e98b, 0x3fc6d87bff22f3be,
        0xbfa70b4c21199495, 0xbf60b0cf706280dc, 0x3fab964ace5eac0a, 0x3f9a70ab17000937,
        0x3fd05e3886065ba3, 0xbfb37381fb8bdaa9, 0x3f7e6436516e78d0, 0x3fc0bd5d8c02c7f4,
        0x3f855b1e94b3f3ba, 0xbf4a0996078a72c9, 0x3f77eaf27a67b466, 0x3f927ac0d49958f3,
        0x3fca9f6e3e3dd6c1, 0xbfb485a507aeead2, 0xbf6d4122f757e3b0,
    ];

    [Fact]
    public void Float32ForwardMatchesPyTorch()
    {
        var x = Core.SumBitsTests.Values(40, DType.Float32) * 20;
        Assert.Equal(Forward, Core.SumBitsTests.Bits32(F.Mish(x)));
        var strided = (Core.SumBitsTests.Values(80, DType.Float32) * 20).Reshape(40, 2).Select(1, 0);
        Assert.Equal(Strided, Core.SumBitsTests.Bits32(F.Mish(strided)));
    }

    [Fact]
    public void Float32GradientMatchesPyTorch()
    {
        var x = (Core.SumBitsTests.Values(40, DType.Float32) * 20).RequiresGrad_();
        F.Mish(x).Backward(Core.SumBitsTests.Values(40, DType.Float32, 3));
        Assert.Equal(Gradient, Core.SumBitsTests.Bits32(x.Grad!));
        x.Grad = null;
        F.Mish(x).Sum().Backward();
        Assert.Equal(GradientOfSum, Core.SumBitsTests.Bits32(x.Grad!));
    }

    [Fact]
    public void Float64MatchesPyTorch()
    {
        var x = (Core.SumBitsTests.Values(19, DType.Float64) * 20).RequiresGrad_();
        var y = F.Mish(x);
        Assert.Equal(Forward64, Core.SumBitsTests.Bits64(y));
        y.Backward(Core.SumBitsTests.Values(19, DType.Float64, 3));
        Assert.Equal(Gradient64, Core.SumBitsTests.Bits64(x.Grad!));
    }
}
