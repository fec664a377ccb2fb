using Sharpgrad.Kernels.Operators;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// <see cref="LibmMath.Log1p"/> bit for bit against glibc 2.41's log1p as Debian's libm runs it on an FMA-capable
/// x86-64 CPU (its __log1p_fma variant), which PyTorch's scalar Float64 softplus and mish call through std::log1p. The
/// first 26 inputs are ones an earlier port got one ulp wrong by fusing s·(hfsq + R) into the sum around it (both the
/// k = 0 range -0.29 &lt; x &lt; 0.41 and the scaled ranges on either side); the rest cover each branch: zeros,
/// infinities, -1, subnormals, the x - x²/2 shortcut and its edges, the k = 0 range's edges, 2^k - 1 (f = 0), the point
/// from which 1 + x is no longer formed, the largest finite value. Outputs come from calling libm's log1p directly.
/// </summary>
public class Log1pLibmBitsTests
{
    private static readonly ulong[] In =
    [
        0x3fcd6c24f9191f8fUL, 0x3fc815d6908ee982UL, 0x3fcf4852ee5dfc8cUL, 0x3fc097da57350c3eUL, 0x3fd592075408df7cUL,
        0x3fda11e0d6141bccUL, 0xbfd1673aa34c6ec0UL, 0xbfbce6f7256b7248UL, 0xbfcc06c2a46c1f28UL, 0xbfc506406d141bd4UL,
        0xbfcbd1f9995bc82cUL, 0xbfce15fce96a7d40UL, 0xbfc258b4b6118cb8UL, 0xbfceae0d43c02aa8UL, 0xbfbe58486f17d240UL,
        0xbfd674d765886276UL, 0xbfd3d7954ccf440eUL, 0xbfe4f97bb5a02a60UL, 0xbfd3df414c898d18UL, 0xbfe5d308940fcd6bUL,
        0xbfd3ffb4c2b6fed8UL, 0xbfd2dfb2b6473572UL, 0xbfe58a6e1d3dc8b5UL, 0xbfd7963957f04306UL, 0xbfd437a8ae753b5eUL,
        0x3fdad674f3cc7549UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xbff0000000000000UL,
        0x0000000000000001UL, 0x8000000000000001UL, 0x3c8fffffffffffffUL, 0x3e1fffffffffffffUL, 0x3e20000000000000UL,
        0xbfd2bec3ffffffffUL, 0xbfd2bec400000000UL, 0x3fda827a00000000UL, 0x4008000000000000UL, 0x4340000000000000UL,
        0x7fefffffffffffffUL, 0xbfefffffffffffffUL
    ];

    private static readonly ulong[] Out =
    [
        0x3fca7bc90043776eUL, 0x3fc61192f6a330feUL, 0x3fcbfcb254521892UL, 0x3fbf346f6ae86052UL, 0x3fd296d7677c162cUL,
        0x3fd5de731fdc10f0UL, 0xbfd44f7eee7f8abeUL, 0xbfbeaaff7650967cUL, 0xbfcfa1c3f0742d68UL, 0xbfc6f78d4aab26eeUL,
        0xbfcf5e407e07eee6UL, 0xbfd125ec24ef51acUL, 0xbfc3cd5f13cc5334UL, 0xbfd1899e899f001aUL, 0xbfc02652a27dd46aUL,
        0xbfdba82e0e19a4eeUL, 0xbfd7c04b6c9b0b09UL, 0xbff10c68416a91c1UL, 0xbfd7cb6ae712de8cUL, 0xbff254f1a35e7b09UL,
        0xbfd7fa8ccbcb764eUL, 0xbfd65ce7efec488aUL, 0xbff1e4587cfb96d5UL, 0xbfdd6c2a7e6eb110UL, 0xbfd84c22f690c998UL,
        0x3fd66989d93bfdc4UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL,
        0x0000000000000001UL, 0x8000000000000001UL, 0x3c8fffffffffffffUL, 0x3e1fffffff7fffffUL, 0x3e1fffffff800000UL,
        0xbfd62e4420e1ff0fUL, 0xbfd62e4420e1ff10UL, 0x3fd62e43471c5d9eUL, 0x3ff62e42fefa39efUL, 0x40425e4f7b2737faUL,
        0x40862e42fefa39efUL, 0xc0425e4f7b2737faUL
    ];

    [Fact]
    public void MatchesGlibcBitForBit()
    {
        var got = Array.ConvertAll(In, b => BitConverter.DoubleToUInt64Bits(LibmMath.Log1p(BitConverter.UInt64BitsToDouble(b))));
        Assert.Equal(Out, got);
    }

    [Fact]
    public void BelowMinusOneAndNaNGiveNaN()
    {
        Assert.True(double.IsNaN(LibmMath.Log1p(-1.5)));
        Assert.True(double.IsNaN(LibmMath.Log1p(double.NegativeInfinity)));
        Assert.True(double.IsNaN(LibmMath.Log1p(double.NaN)));
    }

    [Fact]
    public void StridedFloat64SoftplusAndMishMeetGlibcsLog1p()
    {
        // exp(-1.4702726438277558) is 0x3fcd6c24f9191f8f, where the fused port gave ...776f; the strided view keeps
        // PyTorch on the C library's log1p rather than SLEEF's
        var x = Tensor.FromArray(new[] { -1.4702726438277558, 0.5, -1.4702726438277558, 1.0 });
        var strided = Tensor.Stack([x, Tensor.Zeros([4], DType.Float64)], 1).Select(1, 0);
        Assert.False(strided.IsContiguous);
        static ulong[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);
        Assert.Equal([0x3fca7bc90043776eUL, 0x3fef2ba37edae032UL, 0x3fca7bc90043776eUL, 0x3ff5031eafefb049UL], Bits(F.Softplus(strided)));
        Assert.Equal([0xbfd3322498aae53fUL, 0x3fd804047da23fa2UL, 0xbfd3322498aae53fUL, 0x3febaee2d0adc5e7UL], Bits(F.Mish(strided)));
    }
}
