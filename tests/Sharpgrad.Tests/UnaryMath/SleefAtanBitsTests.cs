namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// atan and atan2 (Float32 and Float64) bit for bit as PyTorch 2.6 computes them on an AVX-512 CPU: atan through
/// SLEEF's atanf_u10/atan_u10 everywhere (ATen's vml map), atan2 through SLEEF's atan2f_u10/atan2_u10 in whole vector
/// pairs and the C library's atan2f/atan2 for the elements left over and strided inputs. The inputs are ones the
/// earlier kernels got wrong by an ulp, plus zeros of both signs, infinities, subnormals and the largest finite value.
/// </summary>
public class SleefAtanBitsTests
{
    private static readonly uint[] Atan32In = [0x405f7893, 0x3edf3a02, 0x3ef084ba, 0x3d826263, 0x4066763e, 0xbf070fee, 0x419d1166, 0xc01e8a2f, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x00000001, 0x7f7fffff];
    private static readonly uint[] Atan32Out = [0x3fa55c0b, 0x3ed28130, 0x3ee0da6d, 0x3d823567, 0x3fa663bd, 0xbef88fe1, 0x3fc28c4f, 0xbf97f37b, 0x00000000, 0x80000000, 0x3fc90fdb, 0xbfc90fdb, 0x00000001, 0x3fc90fdb];

    private static readonly ulong[] Atan64In = [0xbfa9f5313885b82dUL, 0xbfa5605ef9844a83UL, 0x3fb04a21d4e9cb77UL, 0xbfaeee3f504531cfUL, 0x3f8f57bb8dbd0334UL, 0x3fb2ffd6d4b3ad22UL, 0x3fa4ce0d6b388994UL, 0x3faa9dac87f7620cUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x0000000000000001UL, 0x7fefffffffffffffUL];
    private static readonly ulong[] Atan64Out = [0xbfa9ef81ebcb4e57UL, 0xbfa55d31d2aff748UL, 0x3fb0448481af0a96UL, 0xbfaee4a2bd3bd117UL, 0x3f8f571b36321f0bUL, 0x3fb2f6f03ffa1ef0UL, 0x3fa4cb1fb90a29acUL, 0x3faa978bd51e12b8UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x3ff921fb54442d18UL, 0xbff921fb54442d18UL, 0x0000000000000001UL, 0x3ff921fb54442d18UL];

    private static readonly uint[] Atan232In = [0x3a00b9d5, 0xbbdefdcb, 0xb9b5edfc, 0xc3a11ae0, 0x3d6f164c, 0xbebcee56, 0x3fb80e3b, 0x3b60d15e, 0x00000000, 0x80000000, 0x7f800000, 0x3f800000, 0x00000001, 0xff800000];
    private static readonly uint[] Atan232Other = [0x3b2ec528, 0xb962886a, 0x3ed62657, 0xc30614d7, 0x3d6fc601, 0x4363c8d8, 0x42d94fc9, 0xb9adc303, 0x80000000, 0x80000000, 0xff800000, 0x00000000, 0x00000003, 0x40400000];
    private static readonly uint[] Atan232Vector = [0x3e3a7770, 0xbfcd1fc5, 0xba597bb2, 0xbffb8966, 0x3f48b1eb, 0xbad45561, 0x3c58cf86, 0x3fd563dc, 0x40490fdb, 0xc0490fdb, 0x4016cbe4, 0x3fc90fdb, 0x3ea4bc7d, 0xbfc90fdb];
    private static readonly uint[] Atan232Libm = [0x3e3a7770, 0xbfcd1fc5, 0xba597bb2, 0xbffb8966, 0x3f48b1ec, 0xbad45561, 0x3c58cf86, 0x3fd563dc, 0x40490fdb, 0xc0490fdb, 0x4016cbe4, 0x3fc90fdb, 0x3ea4bc7d, 0xbfc90fdb];

    private static readonly ulong[] Atan264In = [0xbf5578c79aacca14UL, 0x3fe52f85a474eb9eUL, 0x404be5c7dbde5424UL, 0xbf73412475dc017dUL, 0xc01f2f274c0d92f5UL, 0xbfb768d7d4c798f8UL, 0xbfa7f28cfa55b4fcUL, 0xbfbd42fbc70f7d52UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0x3ff0000000000000UL, 0x0000000000000001UL, 0xfff0000000000000UL];
    private static readonly ulong[] Atan264Other = [0x3f8e36f7a780a1edUL, 0x3fd4676255140631UL, 0x407fd4e72c916335UL, 0x3fae6b3560df7fafUL, 0x40273c5c09766b77UL, 0x3ff80eae7ed56bbaUL, 0x3fee9a412e028e8fUL, 0x3ff4b49c164bbd3aUL, 0x8000000000000000UL, 0x8000000000000000UL, 0xfff0000000000000UL, 0x0000000000000000UL, 0x0000000000000003UL, 0x4008000000000000UL];
    private static readonly ulong[] Atan264Vector = [0xbfb6ae534afdb1e2UL, 0x3ff1f3c94211e303UL, 0x3fbbef08de7c0149UL, 0xbfb4369638c55cf8UL, 0xbfe2e9a90636037dUL, 0xbfaf199a5492e7c4UL, 0xbfa90564ca1e9ac6UL, 0xbfb68d9bdcd8b2d8UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x4002d97c7f3321d2UL, 0x3ff921fb54442d18UL, 0x3fd4978fa3269ee1UL, 0xbff921fb54442d18UL];
    private static readonly ulong[] Atan264Libm = [0xbfb6ae534afdb1e1UL, 0x3ff1f3c94211e302UL, 0x3fbbef08de7c0148UL, 0xbfb4369638c55cf7UL, 0xbfe2e9a90636037eUL, 0xbfaf199a5492e7c3UL, 0xbfa90564ca1e9ac5UL, 0xbfb68d9bdcd8b2d7UL, 0x400921fb54442d18UL, 0xc00921fb54442d18UL, 0x4002d97c7f3321d2UL, 0x3ff921fb54442d18UL, 0x3fd4978fa3269ee1UL, 0xbff921fb54442d18UL];

    [Fact]
    public void Float32AtanMatchesPyTorchBitForBit() => SleefSplitCheck.Check(Atan32In, Atan32Out, Atan32Out, t => t.Atan());

    [Fact]
    public void Float64AtanMatchesPyTorchBitForBit() => SleefSplitCheck.Check(Atan64In, Atan64Out, Atan64Out, t => t.Atan());

    [Fact]
    public void Float32Atan2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Atan232In, Atan232Other, Atan232Vector, Atan232Libm, (a, b) => a.Atan2(b!));

    [Fact]
    public void Float64Atan2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Atan264In, Atan264Other, Atan264Vector, Atan264Libm, (a, b) => a.Atan2(b!));

    [Fact]
    public void NaNPropagates()
    {
        Assert.True(float.IsNaN(Tensor.FromArray(new[] { float.NaN }).Atan().Item<float>()));
        Assert.True(double.IsNaN(Tensor.FromArray(new[] { double.NaN, 1.0 }).Atan2(Tensor.FromArray(new[] { 1.0, double.NaN })).ToArray<double>().Max()));
    }
}
