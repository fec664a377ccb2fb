namespace Sharpgrad.Tests.Core;

/// <summary>
/// Zeros must be zeros even when the pool misses and the GC hands back memory that old arrays used
/// (an uninitialized allocation then holds their bytes: here NaN, which Adam turned into NaN weights).
/// </summary>
public class ZeroedAllocationTests
{
    [Fact]
    public void ZerosAreZeroAfterTheHeapHasChurned()
    {
        int[] sizes = [64, 300, 700, 1000, 3000, 5000, 20000];
        for (int round = 0; round < 30; round++)
        {
            for (int j = 0; j < 50; j++)
                foreach (int n in sizes)
                {
                    var junk = GC.AllocateUninitializedArray<float>(n);
                    junk.AsSpan().Fill(float.NaN);
                }
            GC.Collect(0);
            foreach (int n in sizes)
            {
                Assert.All(Tensor.Zeros([n]).ToArray<float>(), v => Assert.Equal(0f, v));
                Assert.All(Tensor.Zeros([n], DType.Float64).ToArray<double>(), v => Assert.Equal(0d, v));
                Assert.All(Tensor.ZerosLike(Tensor.Empty([n])).ToArray<float>(), v => Assert.Equal(0f, v));
            }
        }
    }
}
