using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// cross_entropy's loss value bit for bit as PyTorch 2.6 computes it: log_softmax, then nll's cascade (partial sums
/// over chunks of 16 targets carried up eight levels), then the
/// division by the total weight. Logits: SumBitsTests' hashed values × 10; targets i·7 mod 10 (i·3 mod 5 for 4-D).
/// </summary>
public class CrossEntropyBitsTests
{
    private static uint Bits(Tensor t) => BitConverter.SingleToUInt32Bits(t.Item<float>());

    [Fact]
    public void BatchLossesMatchPyTorch()
    {
        var x = (Core.SumBitsTests.Values(300 * 10, DType.Float32) * 10).Reshape(300, 10);
        var t = Tensor.Arange(300) * 7 % 10;
        Assert.Equal(0x408ce762u, Bits(F.CrossEntropy(x, t)));
        Assert.Equal(0x44a51f27u, Bits(F.CrossEntropy(x, t, Reduction.Sum)));
        var ignoring = t.Clone();
        ignoring[TensorIndex.Slice(null, null, 13)].Fill_(-100);
        var w = Core.SumBitsTests.Values(10, DType.Float32, 4).Abs() + 0.5;
        Assert.Equal(0x408e786du, Bits(F.CrossEntropy(x, ignoring, weight: w)));
    }

    [Fact]
    public void SpatialLossesMatchPyTorch()
    {
        var x = (Core.SumBitsTests.Values(4 * 5 * 6 * 7, DType.Float32) * 10).Reshape(4, 5, 6, 7);
        var t = (Tensor.Arange(4 * 6 * 7) * 3 % 5).Reshape(4, 6, 7);
        Assert.Equal(0x40122ebbu, Bits(F.CrossEntropy(x, t)));
        var w = Core.SumBitsTests.Values(10, DType.Float32, 4).Abs() + 0.5;
        Assert.Equal(0x4011ec1bu, Bits(F.CrossEntropy(x, t, weight: w.Narrow(0, 0, 5))));
    }
}
