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

    private static readonly ulong[] Erf64In = [0x3ff0000000000000UL, 0xbff0000000000000UL, 0x01a56e1fc2f8f359UL, 0x81a56e1fc2f8f359UL, 0xbfd591af24dccebaUL, 0xbfb49bdf1fffa850UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x4004000000000000UL, 0x4004000000000001UL, 0x4018000000000000UL, 0x4017fffd60e94ee4UL, 0x3e45798ee2308c3aUL, 0x3e454295227cdcbeUL, 0x403b000000000000UL, 0x0000000000000001UL, 0xbffb333333333333UL, 0x400f333333333333UL, 0x3feccccccccccccdUL];
    private static readonly ulong[] Erf64Out = [0x3feaf767a741088bUL, 0xbfeaf767a741088bUL, 0x01a82e6d98711d3aUL, 0x81a82e6d98711d3aUL, 0xbfd7727d2b5a4bf2UL, 0xbfb734591c09db2cUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x3ff0000000000000UL, 0xbff0000000000000UL, 0xfff8000000000000UL, 0x3feffcaa8f4c9beaUL, 0x3feffcaa8f4c9beaUL, 0x3ff0000000000000UL, 0x3ff0000000000000UL, 0x3e483b547fb79514UL, 0x3e47fd4bf951e810UL, 0x3ff0000000000000UL, 0x0000000000000001UL, 0xbfef7b3620b8747bUL, 0x3fefffffed523094UL, 0x3fe98045a6c8a2e6UL];

    private static readonly uint[] Erfc32In = [0x40000000, 0xbf000000, 0x41200000, 0xb5189718, 0xbdc0f358, 0xbd168d58, 0x3f800000, 0x400ccccd, 0x4089999a, 0x4121999a, 0x412170a4, 0xc1200000, 0x7f800000, 0xff800000, 0x7fc00000, 0x00000000, 0x80000000, 0x000116c2, 0x3f333333, 0x40533333, 0xc039999a];
    private static readonly uint[] Erfc32Out = [0x3b9947b0, 0x3fc29fbe, 0x00000002, 0x3f800006, 0x3f8d9144, 0x3f854e6e, 0x3e21130b, 0x3af42abc, 0x30a4077c, 0x00000000, 0x00000000, 0x40000000, 0x00000000, 0x40000000, 0x7fc00000, 0x3f800000, 0x3f800000, 0x3f800000, 0x3ea4f73e, 0x364d3312, 0x3ffffea7];

    private static readonly ulong[] Erfc64In = [0x3ff0000000000000UL, 0x4000000000000000UL, 0x3fe0000000000000UL, 0x4008000000000000UL, 0x4024000000000000UL, 0x4004d502e102ba74UL, 0x403b333333333333UL, 0x403b4ccccccccccdUL, 0x403a800000000000UL, 0xc03b000000000000UL, 0x4010cccccccccccdUL, 0x400199999999999aUL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x0000000000000001UL, 0xbfd3333333333333UL, 0x3ff8000000000000UL, 0x4018666666666666UL];
    private static readonly ulong[] Erfc64Out = [0x3fc4226162fbddd5UL, 0x3f7328f5ec350e66UL, 0x3fdeb02147ce245cUL, 0x3ef729df6503422aUL, 0x36a7d8a7f2a8a2d0UL, 0x3f2e41d8f64ea291UL, 0x0000000000000002UL, 0x0000000000000000UL, 0x0043df6725a60cf5UL, 0x4000000000000000UL, 0x3e28874c50bdcef9UL, 0x3f5e8557fb58fefdUL, 0x0000000000000000UL, 0x4000000000000000UL, 0x7ff8000000000000UL, 0x3ff0000000000000UL, 0x3ff0000000000000UL, 0x3ff0000000000000UL, 0x3ff5420e22077a84UL, 0x3fa15aaa8ec85205UL, 0x3c5d1ef7651e1e24UL];

    [Fact]
    public void Float32ErfinvMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfinv32In, Erfinv32Out, t => t.Erfinv());

    [Fact]
    public void Float64ErfinvMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfinv64In, Erfinv64Out, t => t.Erfinv());

    [Fact]
    public void Float64ErfMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erf64In, Erf64Out, t => t.Erf());

    [Fact]
    public void Float32ErfcMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfc32In, Erfc32Out, t => t.Erfc());

    [Fact]
    public void Float64ErfcMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Erfc64In, Erfc64Out, t => t.Erfc());
}
