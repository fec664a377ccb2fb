namespace Sharpgrad.Tests.Core;

/// <summary>
/// var and std bit for bit as PyTorch 2.6 computes them on the CPU: over every element the sum of squared deviations
/// about the float mean in double with fused multiply-adds (split between threads above 32768 elements); over some
/// dims Welford's update in double per output. Inputs: SumBitsTests' hashed values × 10 + 3.
/// </summary>
public class VarStdBitsTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var x = (SumBitsTests.Values(37 * 133, DType.Float32) * 10 + 3).Reshape(37, 133);
        Assert.Equal([0x40c3fec3u], SumBitsTests.Bits32(x.Var()));
        Assert.Equal([0x401e5fb6u], SumBitsTests.Bits32(x.Std(unbiased: false)));
        uint[] last = [0x40c6aeac, 0x40c584be, 0x40c6c8e2, 0x40c41d43, 0x40c3dd44, 0x40c689e6, 0x40c57395, 0x40c6c9e6];
        Assert.Equal(last, SumBitsTests.Bits32(x.Var(-1))[..8]);
        uint[] first = [0x4024d40a, 0x40224353, 0x4020c3a2, 0x4021c3b7, 0x401a9251, 0x401e107e, 0x401e107e, 0x401a9251];
        Assert.Equal(first, SumBitsTests.Bits32(x.Std(0))[..8]);
        var x3 = (SumBitsTests.Values(3 * 17 * 21, DType.Float32) * 10 + 3).Reshape(3, 17, 21);
        uint[] multi = [0x40c83180, 0x40c71102, 0x40c69798, 0x40c6703c, 0x40c69aed, 0x40c6bef4, 0x40c78d65, 0x40c69798];
        Assert.Equal(multi, SumBitsTests.Bits32(x3.Var([0, 2]))[..8]);
        var d = (SumBitsTests.Values(7 * 11, DType.Float64) * 10 + 3).Reshape(7, 11);
        Assert.Equal([0x401967c4d68a28cdUL], SumBitsTests.Bits64(d.Var()));
        ulong[] dlast = [0x401cd60c4d02cb43, 0x401cd60c4d02cb43, 0x401891fab11402d5, 0x401aae73e9910ae8, 0x401891fab11402d5, 0x401ce12b77f7838d, 0x401cd60c4d02cb43];
        Assert.Equal(dlast, SumBitsTests.Bits64(d.Var(-1)));
    }
}

/// <summary>A full var above 32768 elements, split between two threads as PyTorch 2.6 split it for the oracle.</summary>
[Collection("Threads")]
public class ParallelVarBitsTests
{
    [Fact]
    public void SplitsLikePyTorchWithTwoThreads() => ThreadsCollection.WithThreads(2, () =>
    {
        var big = SumBitsTests.Values(40000, DType.Float32) * 10 + 3;
        Assert.Equal([0x40c3ed85u], SumBitsTests.Bits32(big.Var()));
        Assert.Equal([0x401e5cddu], SumBitsTests.Bits32(big.Std()));
    });
}
