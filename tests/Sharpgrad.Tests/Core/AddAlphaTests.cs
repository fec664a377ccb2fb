namespace Sharpgrad.Tests.Core;

/// <summary>
/// add/sub with alpha round once, as PyTorch's CPU kernel (fmadd(other, alpha, self)) does: hashes of the result bits
/// from PyTorch 2.6 for contiguous, strided, broadcast and in-place operands. (With a 0-dim other, PyTorch's vector
/// body is fused too, but its scalar tail, the last n mod 16 elements on AVX2, rounds alpha·other first: that part
/// depends on PyTorch's build and is not copied.)
/// </summary>
public class AddAlphaTests
{
    private static Tensor Values(int n, Func<int, double> f, DType dtype) =>
        Tensor.FromArray(Enumerable.Range(0, n).Select(f).ToArray()).To(dtype);

    internal static long Hash(Tensor t)
    {
        const long Prime = 2305843009213693951; // 2^61 - 1
        ulong[] bits = t.DType == DType.Float32
            ? t.Contiguous().ToArray<float>().Select(v => (ulong)(long)BitConverter.SingleToInt32Bits(v)).ToArray()
            : t.Contiguous().ToArray<double>().Select(v => (ulong)BitConverter.DoubleToInt64Bits(v)).ToArray();
        UInt128 s = 0;
        foreach (ulong b in bits) s = (s * 1000003 + b) % Prime;
        return (long)s;
    }

    [Theory]
    [InlineData(DType.Float32, 0.3, new[] { 1914241371954134455, 2250366253943782529, 1071295147577514962, 484634916578037317 })]
    [InlineData(DType.Float32, -0.7, new[] { 2121118322591322819, 1588014639080101130, 1807912665328753496, 165198331717519403 })]
    [InlineData(DType.Float32, 2.5, new[] { 973037113530243080, 1408277754271403386, 1839938142378194618, 560814436486220416 })]
    [InlineData(DType.Float64, 0.3, new[] { 565742978103022005, 389100149198492411, 1601835229879282478, 1164804884422706273 })]
    [InlineData(DType.Float64, -0.7, new[] { 1754292245591125826, 836095420796496776, 1318870326973320584, 821267669408945626 })]
    [InlineData(DType.Float64, 2.5, new[] { 1259142653866277076, 958047377040430045, 1170922312248553828, 2063181428893308284 })]
    public void MatchesPyTorchBitForBit(DType dtype, double alpha, long[] expected)
    {
        var a = Values(3 * 1001, i => Math.Sin(i * 0.37) * 3, dtype).Reshape(3, 1001);
        var b = Values(3 * 1001, i => Math.Cos(i * 0.53) * 2, dtype).Reshape(3, 1001);
        var row = Values(1001, i => Math.Cos(i * 0.29) * 1.7, dtype);
        var results = new[]
        {
            a.Add(b, alpha), a.Sub(b, alpha), a.Transpose(0, 1).Add(b.Transpose(0, 1), alpha), a.Add(row, alpha),
        };
        Assert.Equal(expected, results.Select(Hash).ToArray());
        Assert.Equal(expected[0], Hash(a.Clone().Add_(b, alpha)));
        // the test can tell: rounding alpha·b on its own changes some of these values
        Assert.NotEqual(expected[0], Hash(a + b * alpha));
    }
}

/// <summary>addcmul rounds once after its second product (fma(value·t1, t2, self)), addcdiv after each step, as PyTorch's CPU kernels.</summary>
public class AddcmulRoundingTests
{
    private static Tensor Values(int n, Func<int, double> f, DType dtype) =>
        Tensor.FromArray(Enumerable.Range(0, n).Select(f).ToArray()).To(dtype);

    [Theory]
    [InlineData(DType.Float32, 0.3, new[] { 181730931702625475, 217899132539207920, 533222840426071901 })]
    [InlineData(DType.Float32, -0.7, new[] { 133812980747198817, 1086911410145409042, 1615118832391696655 })]
    [InlineData(DType.Float32, 1.0, new[] { 1296914030629567664, 2240854069077680611, 1511610885885360756 })]
    [InlineData(DType.Float64, 0.3, new[] { 994613023807567686, 1823860694681320097, 1157422231730009758 })]
    [InlineData(DType.Float64, -0.7, new[] { 1645641609432169530, 1502969023574719777, 1188489095061204328 })]
    [InlineData(DType.Float64, 1.0, new[] { 1235676596930793760, 1742549582055462795, 2154021352573439588 })]
    public void MatchesPyTorchBitForBit(DType dtype, double value, long[] expected)
    {
        var a = Values(3 * 1001, i => Math.Sin(i * 0.37) * 3, dtype).Reshape(3, 1001);
        var b = Values(3 * 1001, i => Math.Cos(i * 0.53) * 2, dtype).Reshape(3, 1001);
        var row = Values(1001, i => Math.Cos(i * 0.29) * 1.7, dtype);
        Assert.Equal(expected[0], AddAlphaTests.Hash(a.Addcmul(b, row, value)));
        Assert.Equal(expected[1], AddAlphaTests.Hash(a.Transpose(0, 1).Addcmul(b.Transpose(0, 1), row.Unsqueeze(1), value)));
        Assert.Equal(expected[0], AddAlphaTests.Hash(a.Clone().Addcmul_(b, row, value)));
        Assert.Equal(expected[2], AddAlphaTests.Hash(a.Addcdiv(b, row, value)));
        // the test can tell: rounding the product on its own changes some values
        Assert.NotEqual(expected[0], AddAlphaTests.Hash(a + b * value * row));
    }
}
