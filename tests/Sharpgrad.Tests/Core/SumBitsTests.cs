namespace Sharpgrad.Tests.Core;

/// <summary>
/// Float sums bit for bit as PyTorch 2.6 adds (ATen's cascade_sum with its AVX2 kernel: 8 floats or 4 doubles per
/// vector, four interleaved partial sums, chunks carried up four levels), for every reduction layout it distinguishes.
/// Inputs come from an integer hash, so Python and C# build the same values.
/// </summary>
public class SumBitsTests
{
    /// <summary>(h(i)/2^32·6 − 3)/7 with h(i) = (i + seed)·2654435761 mod 2^32, in double; cast for Float32.</summary>
    internal static Tensor Values(int n, DType dtype, int seed = 0)
    {
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            ulong h = unchecked((ulong)(i + seed) * 2654435761UL) % 4294967296UL;
            d[i] = ((double)h / 4294967296.0 * 6.0 - 3.0) / 7.0;
        }
        var t = Tensor.FromArray(d);
        return dtype == DType.Float64 ? t : t.To(dtype);
    }

    internal static uint[] Bits32(Tensor t) => Array.ConvertAll(t.Contiguous().Reshape(-1).ToArray<float>(), BitConverter.SingleToUInt32Bits);

    internal static ulong[] Bits64(Tensor t) => Array.ConvertAll(t.Contiguous().Reshape(-1).ToArray<double>(), BitConverter.DoubleToUInt64Bits);

    [Fact]
    public void FullSumsAndMeansMatchPyTorch()
    {
        var x = Values(4921, DType.Float32);
        Assert.Equal([0xbf824ecdu], Bits32(x.Sum()));
        Assert.Equal([0xb958ec79u], Bits32(x.Mean()));
        Assert.Equal([0xbee4c52cu], Bits32(Values(7, DType.Float32).Sum()));
        var d = Values(1000, DType.Float64);
        Assert.Equal([0xbf94b88444924980UL], Bits64(d.Sum()));
        Assert.Equal([0xbef537d337e192f2UL], Bits64(d.Mean()));
    }

    [Fact]
    public void SumsOverTheLastDimMatchPyTorch()
    {
        uint[] expected =
        [
        0xbeae8490, 0x3b9b42a0, 0x3eb35ea2, 0xbe251672, 0xbf2c3a88, 0x3f07abfa, 0x3c96e180, 0x3eba5fb2,
        0xbe17144c, 0xbf28b9fe, 0x3f0b2c82, 0x3d037970, 0xbef57aaa, 0xbe091234, 0x3e58d104, 0x3f0ead0b,
        0xbf4fb598, 0x3ec861ca, 0xbdf6200c, 0x3e66d320, 0x3f122d92, 0xbf4c3511, 0x3ecf62e4, 0xbdda1bd0,
        0xbf1e3866, 0x3f15ae1a, 0x3d95c974, 0x3ed663f8, 0xbf7330aa, 0x3e816bb3, 0x3f192ea4, 0xbf4533fc,
        0x3edd6504, 0xbf6fb01e, 0x3e886cbf, 0x3f1caf2a, 0xbf41b377,
        ];
        Assert.Equal(expected, Bits32(Values(37 * 133, DType.Float32).Reshape(37, 133).Sum(-1)));
        ulong[] expected64 =
        [
        0xbfd5d091526db6dc, 0x3f73685872492400, 0x3fd66bd415fffffa, 0xbfc4a2cdd9492497,
        0xbfe58750f7a4924c, 0x3fe0f57f3de49249,
        ];
        Assert.Equal(expected64, Bits64(Values(37 * 133, DType.Float64).Reshape(37, 133).Sum(-1))[..6]);
    }

    [Fact]
    public void LongRowsCarryTheirPartialsUpTheLevelsAsPyTorch()
    {
        // 8203 floats: 256 blocks of four vectors (a second-level carry) and leftovers; 4101 doubles likewise;
        // 131075 floats: 4096 blocks, up to the third level.
        Assert.Equal([0xbe89c366u, 0xbe376400u, 0xbdb684d0u], Bits32(Values(3 * 8203, DType.Float32).Reshape(3, 8203).Sum(-1)));
        Assert.Equal([0x3fbc3199ed249288UL, 0xbfa915a3a8924940UL], Bits64(Values(2 * 4101, DType.Float64).Reshape(2, 4101).Sum(-1)));
        Assert.Equal([0xbe6c33a8u, 0x3f5adfb3u], Bits32(Values(2 * 131075, DType.Float32).Reshape(2, 131075).Sum(-1)));
    }

    [Fact]
    public void SumsOverAnOuterDimMatchPyTorch()
    {
        // 45 columns: one block of four vectors, one vector, five single columns
        uint[] expected =
        [
        0xbc966150, 0xbe074eb8, 0xbe7bd14a, 0xbeb829eb, 0xbef26b30, 0xbf16563b, 0x3e1fdb58, 0x3d2d6330,
        0xbd925390, 0x3f2c02a4, 0x3f0ee1ff, 0xbed358b5, 0xbf06cd01, 0xbf23eda2, 0x3dd2fb8c, 0xbc304c10,
        0xbdff0e9c, 0x3f1e6b3e, 0x3f014a9c, 0x3ec853f2, 0x3e8e12a7, 0x3e27a2ba, 0xbf4ea5ab, 0xbd82c4c0,
        0xbe35e4ea, 0xbe9533be, 0x3ee7666a, 0x3ead2526, 0x3e65c7b8, 0x3de28a5c, 0xbb4f5740, 0xbdef7fe0,
        0xbe6c427e, 0xbeb06284, 0x3ecc37a0, 0x3e91f658, 0x3e2f6a30, 0x3d6b9e20, 0xbd666be0, 0xbe2e1d88,
        0xbe915009, 0xbecb9154, 0x3eb108d7, 0x3e6d8f22, 0x3df21926,
        ];
        Assert.Equal(expected, Bits32(Values(37 * 45, DType.Float32).Reshape(37, 45).Sum(0)));
        ulong[] expected64 =
        [
        0xbf92cc2b0b6db720, 0xbfc0e9d721924928, 0xbfcf7a28e1b6db66, 0xbfd7053d50edb6dc,
        0xbfde4d6631000000, 0xbfe2cac788892494, 0x3fc3fb6b8b6db6dc, 0x3fa5ac672d249228,
        0xbfb24a6fe9b6db58, 0x3fe580546e2db6dc, 0x3fe1dc3ffe249249, 0xbfda6b169aa49248,
        ];
        Assert.Equal(expected64, Bits64(Values(37 * 45, DType.Float64).Reshape(37, 45).Sum(0))[..12]);
        // fewer columns than a vector: blocks of four scalar columns
        uint[] narrow = [0x3eaf2126, 0x3dd3626a, 0xbe0adfe2, 0x3ef722ef, 0xbf1d0087, 0xbf5a24ca];
        Assert.Equal(narrow, Bits32(Values(240, DType.Float32).Reshape(40, 6).Sum(0)));
    }

    [Fact]
    public void SumsOverAMiddleDimMatchPyTorch()
    {
        uint[] expected =
        [
        0xbf12f984, 0x3f66bda3, 0xbe47515f, 0x3ed8ea32, 0x3e3d434f, 0xbd5d3740, 0xbe95ef73, 0xbf081c00,
        0x3db16b90, 0xbe1bdb52, 0xbec83636, 0x3e68b95e, 0xbc3d7be0, 0xbf8dc3f6, 0x3ebc5e76, 0x3e042bd4,
        0x3f3f5466, 0x3f023021, 0xbf1661dd, 0x3cfcf280, 0xbeff8402, 0xbf3ce648, 0xbdf4e6b4, 0xbeb78238,
        0x3f8efb06, 0x3cac8204, 0xbe5f00d2, 0x3ecd1273, 0x3e2593cd, 0xbd9dfa8e, 0x3f0a8a1e, 0x3e9acbb2,
        0x3d820c9a, 0xbe338ad0, 0xbed40df4, 0x3e5109e4, 0xbf644f87, 0xbe8c0c2c, 0x3eb086b8, 0x3dd8f8b0,
        0x3eddc672, 0x3e46fbc7, 0xbd365538, 0xbe911335, 0xbf05ade1, 0x3dc4dc88, 0xbe1222d8, 0xbec359fa,
        0x3e7271d0, 0xbb07d000, 0xbf8c8ce8, 0x3ec13ab6, 0x3e0de450, 0x3f41c284, 0x3f049e40, 0xbf13f3bc,
        0x3d255b28, 0xbe4b3a4c, 0x3ed6f5bd, 0x3e395a5f,
        ];
        Assert.Equal(expected, Bits32(Values(2400, DType.Float32).Reshape(3, 40, 20).Sum(1)));
    }
}

/// <summary>
/// Sums large enough for PyTorch to split across threads, with two threads as the oracle ran: a full sum adds per-thread
/// partials, a column sum gives each thread a range of columns rounded to 128 bytes.
/// </summary>
[Collection("Threads")]
public class ParallelSumBitsTests
{
    [Fact]
    public void SplitsLikePyTorchWithTwoThreads() => ThreadsCollection.WithThreads(2, () =>
    {
        Assert.Equal([0xbe667220u], SumBitsTests.Bits32(SumBitsTests.Values(40000, DType.Float32).Sum()));
        Assert.Equal([0xbfccce42e92490a0UL], SumBitsTests.Bits64(SumBitsTests.Values(40000, DType.Float64).Sum()));
        // Rows shared out between the threads keep each row's additions.
        var rows = SumBitsTests.Values(2048 * 70, DType.Float32).Reshape(2048, 70).Sum(-1);
        Assert.Equal([0xbec492e4u, 0xbd8ede60u, 0xbed3b813u, 0xbdcb7310u, 0xbe0403e8u],
            SumBitsTests.Bits32(rows.IndexSelect(0, Tensor.FromArray(new long[] { 0, 1, 1023, 1024, 2047 }))));
        Assert.Equal([0xbe6c33a8u, 0x3f5adfb3u], SumBitsTests.Bits32(SumBitsTests.Values(2 * 131075, DType.Float32).Reshape(2, 131075).Sum(-1)));
        var columns = SumBitsTests.Values(60000, DType.Float32).Reshape(300, 200).Sum(0);
        uint[] expected = [0xbf79dabb, 0x3f361e1c, 0x3e52ca92, 0x3f0eb4df, 0xbf650815, 0x3ea0cfb8, 0xbedea13a, 0x3ed731a0];
        Assert.Equal(expected, SumBitsTests.Bits32(columns.IndexSelect(0, Tensor.FromArray(new long[] { 0, 95, 96, 97, 127, 128, 160, 199 }))));
    });
}
