using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// Float32 gelu bit for bit as PyTorch 2.6 computes it on this CPU: a contiguous input of more than one element goes to
/// oneDNN (minimax erf forward, Abramowitz-Stegun backward with oneDNN's exp), everything else through ATen's formula.
/// </summary>
public class GeluBitsTests
{
    // Python's float('nan') has the sign bit clear; .NET's float.NaN has it set, and NaNs pass through with their sign
    private static readonly float PositiveNaN = BitConverter.UInt32BitsToSingle(0x7fc00000);

    private static readonly float[] Inputs =
    [
        -5.338266372680664f, -3.700000047683716f, -2.1390907764434814f, -0.9338686466217041f, -9.999999682655225e-21f, -0.0f, 0.0f,
        1.0000000031710769e-30f, 1.401298464324817e-45f, 0.1775652915239334f, 0.5f, 1.0f, 2.695524215698242f, 5.5f, 5.599999904632568f,
        10.0f, 100.0f, -100.0f, float.PositiveInfinity, float.NegativeInfinity, PositiveNaN, -6.0f, -5.199999809265137f, -4.400000095367432f,
        -3.5999999046325684f, -2.799999952316284f, -2.0f, -1.2000000476837158f, -0.4000000059604645f, 0.4000000059604645f,
        1.2000000476837158f, 2.0f, 2.799999952316284f, 3.5999999046325684f, 4.400000095367432f, 5.199999809265137f, 6.0f,
    ];

    // F.gelu(x) and x.grad after gelu(x).backward((torch.arange(37) - 18) * 0.125), from PyTorch 2.6; +inf gives -NaN as oneDNN does
    private static readonly uint[] Forward =
    [
        0xb42ad314, 0xb9d10ccd, 0xbd0e1049, 0xbe2786e7, 0x9dbce508, 0x80000000, 0x00000000, 0x0d224260, 0x00000000, 0x3dcf73e7,
        0x3eb103af, 0x3f57625e, 0x402be849, 0x40b00000, 0x40b33333, 0x41200000, 0x42c80000, 0x80000000, 0xffc00000, 0x7fc00000,
        0x7fc00000, 0x80000000, 0xb4f99999, 0xb7c94ccd, 0xba161a66, 0xbbea6c66, 0xbd3a5e80, 0xbe0d65c9, 0xbe0d23a7, 0x3e863afa,
        0x3f87ece1, 0x3ffa2d0c, 0x4032bdfd, 0x40665d05, 0x408ccc9a, 0x40a66665, 0x40c00000,
    ];

    private static readonly uint[] Backward =
    [
        0x36460000, 0x3b4bdcf0, 0x3e102870, 0x3dfc4e3c, 0xbf600000, 0xbf500000, 0xbf400000, 0xbf300000, 0xbf200000, 0xbf386087,
        0xbf5e1428, 0xbf72a9a3, 0xbf44c8ba, 0xbf200006, 0xbf000003, 0xbec00000, 0xbe800000, 0x80000000, 0xffc00000, 0xffc00000,
        0x7fc00000, 0xb2400000, 0xb5b60000, 0xb888b800, 0xbac8e740, 0xbc8c8cfc, 0xbdae8e0c, 0xbe07e1e8, 0x3e7c8187, 0x3f8d47ca,
        0x3fd6a5a7, 0x3fe1ba6e, 0x3fe46467, 0x3ff07d91, 0x4000036b, 0x40080018, 0x40100000,
    ];

    private static uint[] Bits(Tensor t) => Array.ConvertAll(t.ToArray<float>(), BitConverter.SingleToUInt32Bits);

    [Fact]
    public void ContiguousGeluAndItsGradientMatchPyTorchBitForBit()
    {
        var x = Tensor.FromArray(Inputs, requiresGrad: true);
        var y = F.Gelu(x);
        Assert.Equal(Forward, Bits(y));
        y.Backward((Tensor.Arange(37).To(DType.Float32) - 18) * 0.125);
        Assert.Equal(Backward, Bits(x.Grad!));
        Assert.Equal("GeluBackward0", y.GradFn!.Name);
    }

    [Fact]
    public void AnExpandedGradientTakesTheSamePath()
    {
        // sum's backward hands gelu an expanded gradient of ones; PyTorch makes it contiguous for oneDNN
        var x = Tensor.FromArray(new[] { -5.338266372680664f, -0.9338686466217041f, 0.5f, 2.695524215698242f }, requiresGrad: true);
        F.Gelu(x).Sum().Backward();
        Assert.Equal([0xb5b00000, 0xbd869020, 0x3f5e1428, 0x3f83307c], Bits(x.Grad!));
    }

    [Fact]
    public void ASingleElementTakesAtensFormula()
    {
        // PyTorch's use_mkldnn refuses one element: x * 0.5 * (1 + erf(x / √2)) with the C library's erff
        Assert.Equal(-3.18185470860044e-07f, F.Gelu(Tensor.FromArray(new[] { -5.338266372680664f })).Item<float>());
        Assert.Equal(-1.59092735430022e-07f, F.Gelu(Tensor.FromArray(new[] { -5.338266372680664f, 0f })).ToArray<float>()[0]);
    }

    [Fact]
    public void DoubleBackwardStillBuildsTheGraph()
    {
        var x = Tensor.FromArray(new[] { -0.9338686466217041f, 0.5f, 2.0f }, requiresGrad: true);
        var g = Autograd.Grad([F.Gelu(x).Sum()], [x], createGraph: true)[0]!;
        var gg = Autograd.Grad([g.Sum()], [x])[0]!.ToArray<float>();
        // PyTorch 2.6: [0.29093778, 0.61611432, -0.10798194] = φ(x)·(2 − x²)
        float[] expected = [0.29093778133392334f, 0.6161143183708191f, -0.10798193514347076f];
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], gg[i], 6);
    }
}

/// <summary>
/// gelu's tanh form bit for bit as PyTorch 2.6 computes it: whole pairs of 16-float vectors with x + κ·x³ fused and
/// SLEEF's tanh, the 8 elements left of 40 (and every strided element) unfused with a correctly rounded tanhf.
/// Inputs: SumBitsTests' hashed values × 25.
/// </summary>
public class GeluTanhBitsTests
{
    private static readonly uint[] Contiguous =
    [
        0x80000000, 0x4020fa99, 0x80000000, 0x40f2d012, 0xbe284f69, 0x80000000, 0x408ec4a9, 0xb980ecdf,
        0x41185261, 0x3f9b542f, 0x80000000, 0x40cc9966, 0xbd868277, 0x80000000, 0x405103eb, 0xb4ec0c0c,
        0x4105370b, 0x3da08388, 0x80000000, 0x40a662ba, 0xbb79a9ac, 0x41242163, 0x40022959, 0x80000000,
        0x40e4376a, 0xbe1dc3e3, 0x80000000, 0x40802b7f, 0xb7f37650, 0x4111060e, 0x3f364e6c, 0x80000000,
        0x40be00be, 0xbce01d54, 0x80000000, 0x403380b5, 0x80000000, 0x40fbd56f, 0xbdf2e9ad, 0x80000000,
    ];

    private static readonly uint[] Strided =
    [
        0x80000000, 0x80000000, 0xbe284f69, 0x408ec4a9, 0x41185261, 0x80000000, 0xbd868277, 0x405103eb,
        0x4105370b, 0x80000000, 0xbb79a9ac, 0x40022959, 0x40e4376a, 0x80000000, 0xb7f37650, 0x3f364e6c,
        0x40be00be, 0x80000000, 0x80000000, 0xbdf2e9ad, 0x4097ca11, 0x411cd50f, 0x80000000, 0xbdcb3bb0,
        0x40631e80, 0x4109b9b9, 0x80000000, 0xbc1031a8, 0x40155a49, 0x40ed3cc7, 0x80000000, 0xb8edc289,
        0x3f82509e, 0x40c7061b, 0x80000000, 0xb422f0a8, 0xbc84afb8, 0x40a0cf70, 0x412157be, 0x80000000,
    ];

    private static readonly ulong[] Contiguous64 =
    [
        0x8000000000000000, 0x40041f530a4ffe7b, 0xbe1cf598c42a6904, 0x401e5a023c136db6,
        0xbfc509ed236540c9, 0x8000000000000000, 0x4011d895148071aa, 0xbf301cbbc2e7f095,
        0x40230a4c1f56db6e, 0x3ff36a85f6177bfd, 0xbd0df7d7da4e8000, 0x4019932cc3e5ae93,
        0xbfb0d04ef464500c, 0x8000000000000000, 0x400a207d64379cb9, 0xbe9a9cc5ab7c4a95,
        0x4020a6e163400000, 0x3fb41070fe2a0b57, 0x8000000000000000,
    ];

    [Fact]
    public void MatchesPyTorch()
    {
        var x = Core.SumBitsTests.Values(40, DType.Float32) * 25;
        Assert.Equal(Contiguous, Core.SumBitsTests.Bits32(F.Gelu(x, "tanh")));
        var strided = (Core.SumBitsTests.Values(80, DType.Float32) * 25).Reshape(40, 2).Select(1, 0);
        Assert.Equal(Strided, Core.SumBitsTests.Bits32(F.Gelu(strided, "tanh")));
        Assert.Equal(Contiguous64, Core.SumBitsTests.Bits64(F.Gelu(Core.SumBitsTests.Values(19, DType.Float64) * 25, "tanh")));
    }
}
