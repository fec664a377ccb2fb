namespace Sharpgrad.Tests.Core;

/// <summary>
/// The 2-norm over the last dim or over everything bit for bit as PyTorch 2.6 computes it: squares accumulated in the
/// lanes of a 32-byte vector, the lanes added in order, the leftover elements after. Inputs: SumBitsTests' values × 10.
/// </summary>
public class NormBitsTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var x = (SumBitsTests.Values(6 * 37, DType.Float32) * 10).Reshape(6, 37);
        Assert.Equal([0x4173aefb, 0x41720b93, 0x4172f199, 0x416f5e43, 0x416f38ab, 0x41708476], SumBitsTests.Bits32(x.Norm(2, [-1])));
        Assert.Equal([0x4213c461u], SumBitsTests.Bits32(x.Norm()));
        var d = (SumBitsTests.Values(6 * 21, DType.Float64) * 10).Reshape(6, 21);
        Assert.Equal([0x4026c407acad4bdaUL, 0x4026bf8d5d668269UL, 0x4026bfa6c73070b1UL, 0x4026b3b30e65073eUL, 0x4026c73c2b216d53UL, 0x4026c474a180840eUL], SumBitsTests.Bits64(d.Norm(2, [-1])));
        Assert.Equal([0x403bdd7431a846f2UL], SumBitsTests.Bits64(d.Norm()));
    }
}
