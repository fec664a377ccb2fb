namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// log2, log10 and exp2 (Float32 and Float64) bit for bit as PyTorch 2.6 computes them on an AVX-512 CPU: log2 and log10
/// through SLEEF's u10 kernels everywhere (ATen's vml map), exp2 through SLEEF's exp2f_u10/exp2_u10 in whole vector
/// pairs and glibc 2.41's exp2f/exp2 for the elements left over and strided inputs. The inputs are ones the earlier
/// kernels got wrong by an ulp (and, for exp2, ones where glibc's result is not the correctly rounded one), plus zeros,
/// infinities, subnormals, exact powers and results near overflow and in the subnormal range.
/// </summary>
public class SleefExp2LogBitsTests
{
    private static readonly uint[] Log232In = [0x19336616, 0x3f7f25e9, 0x00000000, 0x80000000, 0x7f800000, 0x3f800000, 0x41000000, 0x447a0000, 0x00000001, 0x7f7fffff, 0x007fffff];
    private static readonly uint[] Log232Out = [0xc29906a4, 0xbb9d94b7, 0xff800000, 0xff800000, 0x7f800000, 0x00000000, 0x40400000, 0x411f73da, 0xc3150000, 0x43000000, 0xc2fc0000];

    private static readonly ulong[] Log264In = [0x3fe81d54b2399d2bUL, 0x3feaff74ab18662eUL, 0x4293494a33136831UL, 0x3ffbb0d38d4661c8UL, 0x3c781cfd14a64c66UL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0x3ff0000000000000UL, 0x4020000000000000UL, 0x408f400000000000UL, 0x0000000000000001UL, 0x7fefffffffffffffUL];
    private static readonly ulong[] Log264Out = [0xbfda1f66d219735eUL, 0xbfcf6391a613647fUL, 0x4045227f18440adeUL, 0x3fe952958e4c77ffUL, 0xc04bb4416c9a850eUL, 0xfff0000000000000UL, 0xfff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x4008000000000000UL, 0x4023ee7b471b3a95UL, 0xc090c80000000000UL, 0x4090000000000000UL];

    private static readonly uint[] Log1032In = [0x45ea1054, 0x7ce7aec6, 0x3c0a50f0, 0x3e80be33, 0x3129ed18, 0x00000000, 0x80000000, 0x7f800000, 0x3f800000, 0x41000000, 0x447a0000, 0x00000001, 0x7f7fffff, 0x007fffff];
    private static readonly uint[] Log1032Out = [0x4077f78d, 0x4213eef1, 0xc004b4ff, 0xbf197be0, 0xc109b589, 0xff800000, 0xff800000, 0x7f800000, 0x00000000, 0x3f6730e8, 0x40400000, 0xc23369f4, 0x421a209b, 0xc217b818];

    private static readonly ulong[] Log1064In = [0x3fe1631383e93b24UL, 0x4002fbc264e405deUL, 0x3fe342b92a610b5eUL, 0x3fff00e854b9abccUL, 0x3fec252f42ff786bUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0x3ff0000000000000UL, 0x4020000000000000UL, 0x408f400000000000UL, 0x0000000000000001UL, 0x7fefffffffffffffUL];
    private static readonly ulong[] Log1064Out = [0xbfd0f4879d818280UL, 0x3fd804aa966c7481UL, 0xbfcc38aa849590ffUL, 0x3fd262fb5b256280UL, 0xbfac8a9620509c05UL, 0xfff0000000000000UL, 0xfff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x3fece61cf8ef36feUL, 0x4008000000000000UL, 0xc07434e6420f4374UL, 0x40734413509f79ffUL];

    private static readonly uint[] Exp232In = [0xc1cbc594, 0xc1b4341d, 0x4183bded, 0x421a1eb1, 0x42fb79c9, 0xc2f9442f, 0xc112cacd, 0xbfce9795, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x42ffcccd, 0xc3158000, 0xc3024ccd, 0x000116c2];
    private static readonly uint[] Exp232Vector = [0x32b8a25d, 0x3431dac3, 0x47b10422, 0x52b8d1c1, 0x7e557744, 0x01250ed6, 0x3ae2d54e, 0x3ea7440e, 0x3f800000, 0x3f800000, 0x7f800000, 0x00000000, 0x7f6edb51, 0x00000001, 0x00067f7d, 0x3f800000];
    private static readonly uint[] Exp232Libm = [0x32b8a25e, 0x3431dac4, 0x47b10423, 0x52b8d1c2, 0x7e557743, 0x01250ed7, 0x3ae2d54e, 0x3ea7440f, 0x3f800000, 0x3f800000, 0x7f800000, 0x00000000, 0x7f6edb51, 0x00000001, 0x00067f7d, 0x3f800000];

    private static readonly ulong[] Exp264In = [0x4059f29b175c39a6UL, 0xc0549ac2fd838b40UL, 0x4053d98e7ee80d02UL, 0x402d8d64bea27190UL, 0x4049cc87e1ea112cUL, 0x3ff2b44008a0cd0bUL, 0x0000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x408ffc0000000000UL, 0xc090ba0000000000UL];
    private static readonly ulong[] Exp264Vector = [0x466badce0b11dba0UL, 0x3ac7f2c0f441737cUL, 0x44e51a2a7d0ad535UL, 0x40db66ab2de236e3UL, 0x43283754b7dc00bcUL, 0x4001fd111c2a0030UL, 0x3ff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x7fe6a09e667f3bccUL, 0x000000000000000bUL];
    private static readonly ulong[] Exp264Libm = [0x466badce0b11db9fUL, 0x3ac7f2c0f441737dUL, 0x44e51a2a7d0ad536UL, 0x40db66ab2de236e2UL, 0x43283754b7dc00bcUL, 0x4001fd111c2a0030UL, 0x3ff0000000000000UL, 0x7ff0000000000000UL, 0x0000000000000000UL, 0x7fe6a09e667f3bcdUL, 0x000000000000000bUL];

    [Fact]
    public void Float32Log2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Log232In, Log232Out, Log232Out, t => t.Log2());

    [Fact]
    public void Float64Log2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Log264In, Log264Out, Log264Out, t => t.Log2());

    [Fact]
    public void Float32Log10MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Log1032In, Log1032Out, Log1032Out, t => t.Log10());

    [Fact]
    public void Float64Log10MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Log1064In, Log1064Out, Log1064Out, t => t.Log10());

    [Fact]
    public void Float32Exp2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Exp232In, Exp232Vector, Exp232Libm, t => t.Exp2());

    [Fact]
    public void Float64Exp2MatchesPyTorchBitForBit() => SleefSplitCheck.Check(Exp264In, Exp264Vector, Exp264Libm, t => t.Exp2());

    [Fact]
    public void NegativeInputsGiveTheNaNsOfSleefsFixUp()
    {
        // AVX-512's fixupimm makes a negative input a quiet NaN keeping its sign and payload; NaN (here Python's, not .NET's negative one) stays the same NaN
        float[] x = [-2f, float.NegativeInfinity, BitConverter.UInt32BitsToSingle(0x7fc00000), -1e-30f];
        uint[] expected = [0xffc00000, 0xffc00000, 0x7fc00000, 0xffe24260];
        foreach (var op in new Func<Tensor, Tensor>[] { t => t.Log2(), t => t.Log10(), t => t.Log() })
            Assert.Equal(expected, Array.ConvertAll(op(Tensor.FromArray(x)).ToArray<float>(), BitConverter.SingleToUInt32Bits));
        double[] xd = [-2.0, double.NegativeInfinity, BitConverter.UInt64BitsToDouble(0x7ff8000000000000UL), -1e-30];
        ulong[] expectedD = [0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0xfffc484bfeebc2a0UL];
        foreach (var op in new Func<Tensor, Tensor>[] { t => t.Log2(), t => t.Log10(), t => t.Log() })
            Assert.Equal(expectedD, Array.ConvertAll(op(Tensor.FromArray(xd)).ToArray<double>(), BitConverter.DoubleToUInt64Bits));
    }
}
