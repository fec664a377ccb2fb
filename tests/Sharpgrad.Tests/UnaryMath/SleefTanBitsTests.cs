namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// tan (Float32 and Float64) bit for bit as PyTorch 2.6 computes it on an AVX-512 CPU: the AVX2 kernel's vml map over
/// SLEEF's tanf8_u10/tand4_u10, every element through it. Each array keeps to one of the reductions SLEEF picks per
/// vector (floats below 125 or not; doubles below 15, below 1e14 or beyond), so the grouping of elements into vectors
/// cannot change the expected bits. The inputs are ones the earlier kernels got wrong by an ulp, plus zeros, a
/// subnormal, values at the reductions' thresholds, the largest finite values and infinities (NaN).
/// </summary>
public class SleefTanBitsTests
{
    private static readonly uint[] Tan32In = [0xc0ac93fa, 0xc0a1e159, 0xbfe8d3da, 0x40e54624, 0xc0f79781, 0x410e8831, 0xc0acd552, 0xc04c2ff1, 0x00000000, 0x80000000, 0x0da24260, 0x3fc90fdb, 0x42f9cccd, 0x00000001];
    private static readonly uint[] Tan32Out = [0x3f9e116d, 0x4031532c, 0x407c92a1, 0x3f9b59d7, 0xc1086fbc, 0xbf1165e3, 0x3f9b83e1, 0xbd482e56, 0x00000000, 0x80000000, 0x0da24260, 0xcbae8a4a, 0xbf752088, 0x00000001];

    private static readonly uint[] Tan32LargeIn = [0x45de63bb, 0x4548e8f5, 0xc3e10090, 0x4325a8d9, 0x44b45b28, 0xc57b5d98, 0xc603fc2d, 0x4403662c, 0x42fa0000, 0x7149f2ca, 0x7f800000, 0xff800000, 0x7f7fffff];
    private static readonly uint[] Tan32LargeOut = [0x3f72cdb9, 0x3f5c467a, 0xbf71afa1, 0xbf9033ac, 0x3f93f5fe, 0xbf334f37, 0x3f570ec1, 0x3fb32b02, 0xbf48351f, 0x3fa5943a, 0xffffffff, 0xffffffff, 0xbf1c9eca];

    private static readonly ulong[] Tan64In = [0xc0160245e13b6d90UL, 0xbfe24601cbfaaaa0UL, 0x401c82cd8f545214UL, 0xc00f1c5ce22ffd08UL, 0xc00895ae5b45cd9eUL, 0xc00f80bc3a87bd24UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x01a56e1fc2f8f359UL, 0x402dfae147ae147bUL, 0x0000000000000001UL];
    private static readonly ulong[] Tan64Out = [0x3fefb7b2746078a2UL, 0xbfe48ee8c067cca3UL, 0x3ff203b1e5ce6c12UL, 0xbfeda5c36c4281efUL, 0x3fb190a87fc88659UL, 0xbff05a039e6168abUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x01a56e1fc2f8f359UL, 0xbfebf3791c7111f7UL, 0x0000000000000000UL];

    private static readonly ulong[] Tan64MidIn = [0xc074ff5fdaf30c12UL, 0x40734a70d110c09aUL, 0x40a29bf518465894UL, 0xc07654c7628cef50UL, 0x408d9bfc187acbc4UL, 0x404021f16022541aUL, 0x402e000000000000UL, 0x42d6828ef54c0000UL, 0xc19d6f34547df3b6UL];
    private static readonly ulong[] Tan64MidOut = [0x3fc88d590f19a857UL, 0x3fef6ee672aee0eeUL, 0x3fe8669c0e3be5dcUL, 0x3ff1f43c80388829UL, 0xc00927c9702ee635UL, 0x3ff22f959a796857UL, 0xbfeb644c45cfce11UL, 0x3ff2e944da7b0a92UL, 0xc04c35378a937879UL];

    private static readonly ulong[] Tan64FarIn = [0x42d6bcc41e900000UL, 0x42fc6bf526340000UL, 0xc43043561a882930UL, 0x7e37e43c8800759cUL, 0x7fefffffffffffffUL, 0x7ff0000000000000UL, 0xfff0000000000000UL];
    private static readonly ulong[] Tan64FarOut = [0x3fcb697b22025a6bUL, 0x3ffc3587546dd589UL, 0xbffb1ac9e86d61c5UL, 0x3ff6be411f37ac77UL, 0xbf74530cfe729484UL, 0xffffffffffffffffUL, 0xffffffffffffffffUL];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Float32TanMatchesPyTorchBitForBit(int set)
    {
        var (input, expected) = set == 0 ? (Tan32In, Tan32Out) : (Tan32LargeIn, Tan32LargeOut);
        SleefSplitCheck.Check(input, expected, expected, t => t.Tan());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Float64TanMatchesPyTorchBitForBit(int set)
    {
        var (input, expected) = set switch { 0 => (Tan64In, Tan64Out), 1 => (Tan64MidIn, Tan64MidOut), _ => (Tan64FarIn, Tan64FarOut) };
        SleefSplitCheck.Check(input, expected, expected, t => t.Tan());
    }
}
