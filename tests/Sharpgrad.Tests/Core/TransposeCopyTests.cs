namespace Sharpgrad.Tests.Core;

/// <summary>
/// Copies of views whose last two dims are swapped against their memory (x.T, transposed batches, slices of them) take
/// a tiled kernel; every element must land where the element-by-element definition puts it, ragged tiles included.
/// </summary>
[Collection("Threads")]
public class TransposeCopyTests
{
    [Theory]
    [InlineData(16, 16)]
    [InlineData(17, 33)]
    [InlineData(40, 23)]
    [InlineData(64, 1024)]
    [InlineData(300, 19)]
    public void TransposedMatricesCopyElementByElement(int rows, int cols)
    {
        var x = Tensor.Arange((long)(rows * cols), DType.Float32).Reshape(rows, cols);
        var t = x.T.Contiguous();
        Assert.True(t.IsContiguous);
        var got = t.ToArray<float>();
        for (int i = 0; i < cols; i++)
            for (int j = 0; j < rows; j++)
                Assert.Equal((float)(j * cols + i), got[i * rows + j]);
    }

    [Fact]
    public void BatchesSlicesAndDtypesCopyElementByElement()
    {
        foreach (var dtype in new[] { DType.Float32, DType.Float64, DType.Int64, DType.Int32 })
        {
            var x = Tensor.Arange((long)(3 * 2 * 40 * 50), dtype).Reshape(3, 2, 40, 50);
            // the last two dims swapped, the batch dims permuted, and a window cut out of each matrix
            var view = x.Permute(1, 0, 3, 2).Narrow(2, 5, 30).Narrow(3, 3, 21);
            var got = view.Contiguous().To(DType.Float64).ToArray<double>();
            int k = 0;
            for (int b1 = 0; b1 < 2; b1++)
                for (int b0 = 0; b0 < 3; b0++)
                    for (int i = 0; i < 30; i++)
                        for (int j = 0; j < 21; j++, k++)
                            Assert.Equal((double)(((b0 * 2 + b1) * 40 + (j + 3)) * 50 + (i + 5)), got[k]);
        }
    }

    [Fact]
    public void ALargeTransposeSplitBetweenThreadsIsComplete() => ThreadsCollection.WithThreads(2, () =>
    {
        var x = Tensor.Arange((long)(700 * 513), DType.Float32).Reshape(700, 513);
        var got = x.T.Contiguous().ToArray<float>();
        for (int i = 0; i < 513; i++)
            for (int j = 0; j < 700; j++)
                Assert.Equal((float)(j * 513 + i), got[i * 700 + j]);
    });
}
