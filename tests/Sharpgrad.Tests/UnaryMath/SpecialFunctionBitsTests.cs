namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// erfinv, erfc, Float64 erf and lgamma (Float32 and Float64) bit for bit as PyTorch 2.6 computes them on an AVX-512 CPU. The
/// inputs are ones the earlier kernels got wrong, plus special values (zeros, ±1 and beyond for erfinv, infinities,
/// NaN, subnormals, poles and near-zeros of lgamma); every value is checked in the vector body, in the tail and strided.
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

    private static readonly ulong[] Lgamma64In = [0x403a000000000000UL, 0xc03b800000000000UL, 0x4024000000000000UL, 0xc004000000000000UL, 0xc003a7fc90dfb6b4UL, 0xc003a7fc9600f86bUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0xbff0000000000000UL, 0xc000000000000000UL, 0xc059000000000000UL, 0x3ff0000000000000UL, 0x4000000000000000UL, 0x0031fa182c40c60dUL, 0x8031fa182c40c60dUL, 0x0000000000000001UL, 0x01a56e1fc2f8f359UL, 0x7f56c8e5ca239029UL, 0x7fee42d130773b76UL, 0xbfe0000000000000UL, 0x3ff762d86356be3fUL, 0x3feccccccccccccdUL, 0x401f99999999999aUL, 0x4002666666666666UL, 0x4002666666666666UL, 0xc415af1d78b58c40UL, 0xc32fffffffffffffUL, 0xc065500000000000UL, 0x400d99999999999aUL];
    private static readonly ulong[] Lgamma64Out = [0x404d007622cd65e7UL, 0xc05044c3bd216a0bUL, 0x40299a8921a7f7cfUL, 0xbfaccbf9f5ed0f15UL, 0x3e6f1981b066f277UL, 0x3cca54662e5fc5feUL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x7ff8000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x0000000000000000UL, 0x40861726241a7509UL, 0x40861726241a7509UL, 0x40874385446d71c3UL, 0x4085963447f87fb5UL, 0x7fef3fc83052cbf4UL, 0x7ff0000000000000UL, 0x3ff43f89a3f0edd6UL, 0xbfbf19b9bcc38a42UL, 0x3fb0fe0882e465b1UL, 0x4020a6062d049d21UL, 0x3fc3bc7ae538475dUL, 0x3fc3bc7ae538475dUL, 0x7ff0000000000000UL, 0xc38185966f2b4f12UL, 0xc0861ffcca844ad9UL, 0x3ff6d9625e359b87UL];

    private static readonly uint[] Lgamma32In = [0xc01d3fe5, 0x3f84a70f, 0x3fd981f3, 0x3f79d387, 0x3f9798fe, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xbf800000, 0xc0400000, 0x0c01ceb3, 0x8c01ceb3, 0x000116c2, 0x7f61b1e6, 0x7c4097ce, 0xbf000000, 0x3f99999a, 0x40133333, 0x40e00000, 0xd01502f9, 0xcaffffff, 0xc2053333, 0x40b00000];
    private static readonly uint[] Lgamma32Out = [0xb3f3dcc8, 0xbca32066, 0xbdc485a2, 0x3c6bffc2, 0xbda5442f, 0x7f800000, 0x7f800000, 0x7f800000, 0x7f800000, 0x7fc00000, 0x7f800000, 0x7f800000, 0x428ec2a1, 0x428ec2a1, 0x42b834f2, 0x7f800000, 0x7f7a9c15, 0x3fa1fc4d, 0xbdaed89e, 0x3e1de3d5, 0x40d2893a, 0x7f800000, 0xccef1402, 0xc2a98156, 0x407d4cd3];

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

    [Fact]
    public void Float32LgammaMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Lgamma32In, Lgamma32Out, t => t.Lgamma());

    [Fact]
    public void Float64LgammaMatchesPyTorchBitForBit() => SleefLogBitsTests.Check(Lgamma64In, Lgamma64Out, t => t.Lgamma());

    [Fact]
    public void ErfGradientMultipliesTheGradientLast()
    {
        // PyTorch's erf backward is (2/√π·exp(−x²))·grad; grad·(2/√π)·exp(−x²) differs in the last bit for some of these
        double[] x = [1.0, -1.0, 3.0, 10.0, -0.45268002, -5.0095763, 26.0, 0.3, 2.2, -1.7];
        uint[] f32 = [0x3e9f66bb, 0x3e9f66bb, 0x38db06b0, 0x00000016, 0x3f3081b3, 0x2d3bdd4a, 0x00000000, 0x3f46008a, 0x3bdb4557, 0x3d40a5f8];
        ulong[] f64 = [0x3fd3ecd74713cd1cUL, 0x3fd3ecd74713cd1cUL, 0x3f1b60d5e974cbbeUL, 0x36e677738c99940eUL, 0x3fe6103644eb7c32UL,
            0x3da77baaab9fb5dcUL, 0x02f6960e4350cfdcUL, 0x3fe8c01128caf5b6UL, 0x3f7b68ab129059c8UL, 0x3fa814bf020c5b8fUL];
        SleefLogBitsTests.CheckGradient(x, t => t.Erf(), f32, f64);
    }
}
