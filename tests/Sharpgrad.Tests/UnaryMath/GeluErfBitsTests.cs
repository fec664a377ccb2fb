using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// gelu's exact form and its gradient bit for bit as PyTorch 2.6 computes them outside oneDNN: Float64 in the vector
/// body (SLEEF's erf and exp, the gradient's cdf + x·pdf fused), the scalar tail and strided (glibc's erf and exp), and a
/// strided or one-element Float32 input (glibc's erff and expf). The gradients are for a gradient of 0.75 everywhere.
/// </summary>
public class GeluErfBitsTests
{
    private static readonly ulong[] Gelu64In = [0x3ff0000000000000UL, 0xbff0000000000000UL, 0x3fe0000000000000UL, 0xbff624a54c536a21UL, 0x3ff46397e41a460eUL, 0xbff9f7ee78d56b34UL, 0x400028a6747abb6dUL, 0xbfef35c185003bd6UL, 0xbfe49c892d21493cUL, 0xbfed10709d2741ccUL, 0xbff4572ed9da9acaUL, 0xbfea5e3206afcb0eUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff0000000000000UL, 0x7ff8000000000000UL, 0x01a56e1fc2f8f359UL, 0xc044000000000000UL, 0x4044000000000000UL, 0x4021000000000000UL, 0xc021000000000000UL];
    private static readonly ulong[] Gelu64Twice = [0x3feaec4bd120d37eUL, 0xbfc44ed0bb7cb20aUL, 0x3fd62075e232ac77UL, 0xbfbd78f50ba7510eUL, 0x3ff252f95e921e8dUL, 0xbfb5ba152f1a2ddfUL, 0x3fff9dc60bb80ae2UL, 0xbfc48fbd4840dd27UL, 0xbfc56a600acd98f0UL, 0xbfc524cf23d06668UL, 0xbfc0914c71f22ec2UL, 0xbfc59e5b2506e50dUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x01956e1fc2f8f359UL, 0x8000000000000000UL, 0x4044000000000000UL, 0x4021000000000000UL, 0x8000000000000000UL, 0x3feaec4bd120d37eUL, 0xbfc44ed0bb7cb20aUL, 0x3fd62075e232ac77UL, 0xbfbd78f50ba7510eUL, 0x3ff252f95e921e8dUL, 0xbfb5ba152f1a2ddfUL, 0x3fff9dc60bb80ae2UL, 0xbfc48fbd4840dd27UL, 0xbfc56a600acd98f0UL, 0xbfc524cf23d06668UL, 0xbfc0914c71f22ec2UL, 0xbfc59e5b2506e50eUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x01956e1fc2f8f359UL, 0x8000000000000000UL, 0x4044000000000000UL, 0x4021000000000000UL, 0x8000000000000000UL];
    private static readonly ulong[] Gelu64Strided = [0x3feaec4bd120d37eUL, 0xbfc44ed0bb7cb20aUL, 0x3fd62075e232ac77UL, 0xbfbd78f50ba7510eUL, 0x3ff252f95e921e8dUL, 0xbfb5ba152f1a2ddfUL, 0x3fff9dc60bb80ae2UL, 0xbfc48fbd4840dd27UL, 0xbfc56a600acd98f0UL, 0xbfc524cf23d06668UL, 0xbfc0914c71f22ec2UL, 0xbfc59e5b2506e50eUL, 0x0000000000000000UL, 0x8000000000000000UL, 0x7ff0000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x01956e1fc2f8f359UL, 0x8000000000000000UL, 0x4044000000000000UL, 0x4021000000000000UL, 0x8000000000000000UL];

    private static readonly ulong[] GeluGrad64Twice = [0x3fe9ffe3e78232f9UL, 0xbfaffe3e78232f8aUL, 0x3fe4d1e3da0c1a9aUL, 0xbfb8b659da696f34UL, 0x3feafc9260ffa1b4UL, 0xbfb7441c77343d50UL, 0x3fe9fe7fc75510b6UL, 0xbfad9d2295bd4decUL, 0x3fa38e818d289322UL, 0xbfa646208f7269a4UL, 0xbfb7da8813338c41UL, 0xbf965eeb6d9fc847UL, 0x3fd8000000000000UL, 0x3fd8000000000000UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x3fd8000000000000UL, 0x0000000000000000UL, 0x3fe8000000000000UL, 0x3fe8000000000004UL, 0xbcc2c1aa24b220a8UL, 0x3fe9ffe3e78232f9UL, 0xbfaffe3e78232f8aUL, 0x3fe4d1e3da0c1a9aUL, 0xbfb8b659da696f34UL, 0x3feafc9260ffa1b4UL, 0xbfb7441c77343d50UL, 0x3fe9fe7fc75510b6UL, 0xbfad9d2295bd4decUL, 0x3fa38e818d289322UL, 0xbfa646208f7269a4UL, 0xbfb7da8813338c40UL, 0xbf965eeb6d9fc83cUL, 0x3fd8000000000000UL, 0x3fd8000000000000UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x3fd8000000000000UL, 0x0000000000000000UL, 0x3fe8000000000000UL, 0x3fe8000000000004UL, 0xbcc2c1aa24b220a8UL];
    private static readonly ulong[] GeluGrad64Strided = [0x3fe9ffe3e78232f9UL, 0xbfaffe3e78232f8aUL, 0x3fe4d1e3da0c1a9aUL, 0xbfb8b659da696f34UL, 0x3feafc9260ffa1b4UL, 0xbfb7441c77343d51UL, 0x3fe9fe7fc75510b6UL, 0xbfad9d2295bd4debUL, 0x3fa38e818d289321UL, 0xbfa646208f7269a2UL, 0xbfb7da8813338c40UL, 0xbf965eeb6d9fc83cUL, 0x3fd8000000000000UL, 0x3fd8000000000000UL, 0xfff8000000000000UL, 0xfff8000000000000UL, 0x7ff8000000000000UL, 0x3fd8000000000000UL, 0x0000000000000000UL, 0x3fe8000000000000UL, 0x3fe8000000000004UL, 0xbcc2c1aa24b220a8UL];

    private static readonly uint[] Gelu32In = [0x3f800000, 0xbf800000, 0x40000000, 0xc0000000, 0x3f000000, 0xbf000000, 0xc0127e08, 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x000116c2, 0xc1400000, 0x41400000, 0x40533333, 0xc0aad314];
    private static readonly uint[] Gelu32Out = [0x3f57625e, 0xbe227686, 0x3ffa2d0c, 0xbd3a5e80, 0x3eb103af, 0xbe1df8a2, 0xbccf0951, 0x00000000, 0x80000000, 0x7f800000, 0xffc00000, 0x7fc00000, 0x00008b61, 0x80000000, 0x41400000, 0x40531910, 0xb4aad314];

    private static readonly uint[] GeluGrad32Out = [0x3f4fff20, 0xbd7ff1f5, 0x3f505d50, 0xbd82ea82, 0x3f268f1f, 0x3dcb870a, 0xbd2a6272, 0x3ec00000, 0x3ec00000, 0xffc00000, 0xffc00000, 0x7fc00000, 0x3ec00000, 0x8c7ac140, 0x3f400000, 0x3f40ffa5, 0xb585086b];

    /// <summary>
    /// The inputs twice over (44 elements: the first 32 take the vector form, the other 12 the scalar one), then strided
    /// (all scalar).
    /// </summary>
    [Fact]
    public void Float64GeluMatchesPyTorchBitForBit()
    {
        var values = Array.ConvertAll(Gelu64In, BitConverter.UInt64BitsToDouble);
        var x = Tensor.FromArray([.. values, .. values]).RequiresGrad_();
        F.Gelu(x).Backward(Tensor.Full([2 * values.Length], 0.75, DType.Float64));
        Assert.Equal(Gelu64Twice, Bits(F.Gelu(x.Detach())));
        Assert.Equal(GeluGrad64Twice, Bits(x.Grad!));
        var leaf = Tensor.FromArray(values).RequiresGrad_();
        var strided = Tensor.Stack([leaf, Tensor.Zeros([values.Length], DType.Float64)], 1).Select(1, 0);
        Assert.False(strided.IsContiguous);
        F.Gelu(strided).Backward(Tensor.Full([values.Length], 0.75, DType.Float64));
        Assert.Equal(Gelu64Strided, Bits(F.Gelu(strided.Detach())));
        Assert.Equal(GeluGrad64Strided, Bits(leaf.Grad!));
    }

    private static ulong[] Bits(Tensor t) => Array.ConvertAll(t.Contiguous().ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    [Fact]
    public void StridedAndSingleFloat32GeluTakeTheScalarFormula()
    {
        var values = Array.ConvertAll(Gelu32In, BitConverter.UInt32BitsToSingle);
        int n = values.Length;
        var x = Tensor.FromArray(values).RequiresGrad_();
        var strided = Tensor.Stack([x, Tensor.Zeros([n])], 1).Select(1, 0);
        Assert.Equal(Gelu32Out, Array.ConvertAll(F.Gelu(strided).Contiguous().ToArray<float>(), BitConverter.SingleToUInt32Bits));
        F.Gelu(strided).Backward(Tensor.Full([n], 0.75f));
        Assert.Equal(GeluGrad32Out, Array.ConvertAll(x.Grad!.ToArray<float>(), BitConverter.SingleToUInt32Bits));
        for (int i = 0; i < n; i++)
        {
            var one = Tensor.FromArray(new[] { values[i] }).RequiresGrad_();
            var y = F.Gelu(one);
            Assert.Equal(Gelu32Out[i], BitConverter.SingleToUInt32Bits(y.Item<float>()));
            y.Backward(Tensor.Full([1], 0.75f));
            Assert.Equal(GeluGrad32Out[i], BitConverter.SingleToUInt32Bits(one.Grad!.Item<float>()));
        }
    }
}
