namespace Sharpgrad.Tests.Core;

/// <summary>
/// prod bit for bit as PyTorch 2.6 computes it (binary_kernel_reduce_vec with 8-float vectors: four accumulators over
/// blocks of four vectors, folded (a0·a1)·(a2·a3) then lane by lane, the rest in order; columns likewise). Inputs:
/// 1 + SumBitsTests' hashed values × 0.1.
/// </summary>
public class ProdBitsTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var x = (SumBitsTests.Values(37 * 45, DType.Float32) * 0.1 + 1).Reshape(37, 45);
        Assert.Equal([0x3f14cf47u], SumBitsTests.Bits32(x.Prod()));
        uint[] first =
        [
            0x3f7ca51f, 0x3f79cb08, 0x3f76f5a0, 0x3f7431af, 0x3f71665d, 0x3f6eabed, 0x3f808ceb, 0x3f7e2dbd,
            0x3f7b5387, 0x3f8759a4, 0x3f85d27f, 0x3f72e2e2, 0x3f701c82, 0x3f6d6703, 0x3f7fbc39, 0x3f7cd555,
            0x3f7a0054, 0x3f86a31b, 0x3f851eae, 0x3f839d1d, 0x3f821e0a, 0x3f80a81c, 0x3f6974fa, 0x3f7b7b42,
            0x3f78ab77, 0x3f75d404, 0x3f8469fe, 0x3f82eb20, 0x3f816eba, 0x3f7ff6db, 0x3f7d08b9, 0x3f7a2c27,
            0x3f7754fc, 0x3f7482a1, 0x3f83b478, 0x3f82384e, 0x3f80be8b, 0x3f7e9bd2, 0x3f7bb2d3, 0x3f78db61,
            0x3f760945, 0x3f733bdd, 0x3f8304ac, 0x3f8184a0, 0x3f800d8d,
        ];
        Assert.Equal(first, SumBitsTests.Bits32(x.Prod(0)));
        uint[] last = [0x3f6ecea1, 0x3f79ac7a, 0x3f829686, 0x3f7a8f3b, 0x3f8303e0, 0x3f66aa17, 0x3f835f89, 0x3f7c2fc2];
        Assert.Equal(last, SumBitsTests.Bits32(x.Prod(-1))[..8]);
        var d = (SumBitsTests.Values(5 * 21, DType.Float64) * 0.1 + 1).Reshape(5, 21);
        ulong[] dlast =
        [
            0x3fede85cd5468f31, 0x3fef5c5117737d56, 0x3ff071209701c103, 0x3fefa5d509dee15b,
            0x3fee74c1cb8ed515,
        ];
        Assert.Equal(dlast, SumBitsTests.Bits64(d.Prod(-1)));
        Assert.Equal([0x3fec59d350c727afUL], SumBitsTests.Bits64(d.Prod()));
    }
}
