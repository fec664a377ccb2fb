namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// tensor ** scalar (Float32 and Float64) bit for bit as PyTorch 2.6 computes it on an AVX-512 CPU for an exponent
/// without its own kernel: SLEEF's powf_u10/pow_u10 in whole vector pairs with the exponent in the tensor's dtype, the
/// C library's pow with the exponent as a double for the elements left over and strided inputs (for Float32 and 0.3
/// the two exponents differ). The inputs are ones the earlier kernels got wrong by an ulp, plus zeros, infinities, a
/// negative base (NaN), one, a subnormal and the largest float.
/// </summary>
public class SleefPowBitsTests
{
    private static readonly uint[] Pow32In = [0x2f28247d, 0x4ffca462, 0x341dc926, 0x424b4837, 0x2d1ac51e, 0x3a90e40f, 0x5157c062, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0xc0000000, 0x3f800000, 0x00000001, 0x7f7fffff];
    private static readonly uint[] Pow32Vector = [0x16b30129, 0x68af2444, 0x2318b33b, 0x468fd7bb, 0x1191820d, 0x332e7f2f, 0x6c26ed1e, 0x00000000, 0x00000000, 0x7f800000, 0x7f800000, 0x7fc00000, 0x3f800000, 0x00000000, 0x7f800000];
    private static readonly uint[] Pow32Libm = [0x16b30128, 0x68af2443, 0x2318b33c, 0x468fd7bc, 0x1191820e, 0x332e7f2e, 0x6c26ed1d, 0x00000000, 0x00000000, 0x7f800000, 0x7f800000, 0xffc00000, 0x3f800000, 0x00000000, 0x7f800000];

    private static readonly ulong[] Pow64In = [0x425826c91c3f81ecUL, 0x40f46836fe0449a0UL, 0x3f8c6aae1326c57fUL, 0x3fee19b50f828741UL, 0x40ecdcc91ce1e8b9UL, 0x3d838ad62a59364fUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0xc000000000000000UL, 0x3ff0000000000000UL, 0x0000000000000001UL];
    private static readonly ulong[] Pow64Vector = [0x45f6651d14b22c30UL, 0x427d651b3bbecba6UL, 0x3ef7c7a6e8a06a8cUL, 0x3feb75dad01337d7UL, 0x4268b92f3232ad01UL, 0x39e2a7232ccd453bUL, 0x0000000000000000UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0x7ff8000000000000UL, 0x3ff0000000000000UL, 0x0000000000000000UL];
    private static readonly ulong[] Pow64Libm = [0x45f6651d14b22c2fUL, 0x427d651b3bbecba5UL, 0x3ef7c7a6e8a06a8bUL, 0x3feb75dad01337d8UL, 0x4268b92f3232ad00UL, 0x39e2a7232ccd453cUL, 0x0000000000000000UL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x3ff0000000000000UL, 0x0000000000000000UL];

    private static readonly uint[] PowPoint332In = [0x4318960b, 0x3b51ce5b, 0x3ba8edf7, 0x434204c7, 0x42f0702f, 0x40d4c015, 0x43fcb9da, 0x3b153bb7];
    private static readonly uint[] PowPoint332Vector = [0x40909cb0, 0x3e36c4bd, 0x3e52d9fa, 0x409b6b2b, 0x4086a14c, 0x3fe1f507, 0x40cf229f, 0x3e250315];
    private static readonly uint[] PowPoint332Libm = [0x40909caf, 0x3e36c4be, 0x3e52d9fb, 0x409b6b2a, 0x4086a14b, 0x3fe1f506, 0x40cf229e, 0x3e250316];

    [Fact]
    public void Float32PowMatchesPyTorchBitForBit() => SleefSplitCheck.Check(Pow32In, Pow32Vector, Pow32Libm, t => t.Pow(2.5));

    [Fact]
    public void Float64PowMatchesPyTorchBitForBit() => SleefSplitCheck.Check(Pow64In, Pow64Vector, Pow64Libm, t => t.Pow(2.5));

    [Fact]
    public void Float32PowTakesTheDoubleExponentInTheCLibrary() =>
        SleefSplitCheck.Check(PowPoint332In, PowPoint332Vector, PowPoint332Libm, t => t.Pow(0.3));

    [Fact]
    public void InPlacePowMatchesOutOfPlace()
    {
        var x = Tensor.FromArray(Array.ConvertAll(Pow32In, BitConverter.UInt32BitsToSingle));
        var y = Tensor.Cat([x, Tensor.Ones([32 - Pow32In.Length]), x]);
        var expected = y.Pow(2.5).ToArray<float>();
        Assert.Equal(Array.ConvertAll(expected, BitConverter.SingleToUInt32Bits), Array.ConvertAll(y.Clone().Pow_(2.5).ToArray<float>(), BitConverter.SingleToUInt32Bits));
    }
}
