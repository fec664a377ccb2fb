namespace Sharpgrad.Tests.NN;

/// <summary>Core bugs the NN work ran into, pinned so they stay fixed.</summary>
public class CoreRegressionTests
{
    [Theory]
    [InlineData(800)]     // a plain (unpooled) array above the size where .NET stops zeroing uninitialized arrays
    [InlineData(5000)]    // a pooled bucket, first allocation
    [InlineData(300000)]  // large-object heap
    public void ZerosAreZeroEvenInFreshlyAllocatedBuffers(int n)
    {
        for (int round = 0; round < 50; round++)
        {
            var junk = new List<float[]>();
            for (int i = 0; i < 20; i++) junk.Add(Enumerable.Repeat(7f, n).ToArray());
            junk.Clear();
            GC.Collect();
            var z = Tensor.Zeros([n]);
            Assert.True(Array.TrueForAll(z.ToArray<float>(), v => v == 0), $"round {round}: Zeros([{n}]) held garbage");
            Assert.True(Array.TrueForAll(Tensor.ZerosLike(z, DType.Float64).ToArray<double>(), v => v == 0));
        }
    }

    [Fact]
    public void ErfMatchesReferenceValuesAcrossItsBranches()
    {
        // torch.special.erf (PyTorch 2.6, Float64) at points in each of Cody's three ranges.
        double[] x = [0.1, 0.4999, 0.5, 0.7071067811865476, 1, 2, 3.9, 4.5, -1.5];
        double[] expected = [0.1124629160182849, 0.5204119951613866, 0.5204998778130465, 0.682689492137086, 0.8427007929497149, 0.9953222650189527, 0.9999999652077514, 0.9999999998033839, -0.9661051464753108];
        Check.Close(expected, Tensor.FromArray(x).Erf(), 1e-14);
    }
}
