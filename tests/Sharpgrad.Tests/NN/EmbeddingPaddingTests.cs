using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Embedding's padding_idx: zero row at init, no gradient, PyTorch's messages (2.6).</summary>
public class EmbeddingPaddingTests
{
    [Fact]
    public void PaddingRowStartsAtZeroAndTakesNoGradient()
    {
        var e = new Embedding(5, 3, paddingIdx: -2);
        Assert.Equal(3, e.PaddingIdx);
        Assert.Equal("Embedding(5, 3, padding_idx=3)", e.ToString());
        Assert.Equal(new float[3], e.Weight.Select(0, 3).ToArray<float>());

        var w = Tensor.Arange(15).To(DType.Float64).View(5, 3).RequiresGrad_();
        var idx = Tensor.FromArray(new long[] { 0, 3, 3, 1, 0, 4 }, [2, 3]);
        var y = F.Embedding(idx, w, paddingIdx: 3);
        Assert.Equal("EmbeddingBackward0", y.GradFn!.Name);
        (y * Tensor.Arange(18).To(DType.Float64).View(2, 3, 3)).Sum().Backward();
        Check.Close([12, 14, 16, 9, 10, 11, 0, 0, 0, 0, 0, 0, 15, 16, 17], w.Grad!, 1e-12);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-6)]
    public void OutOfRangePaddingIsRejected(int padding)
    {
        Assert.Equal("Padding_idx must be within num_embeddings", Assert.Throws<ArgumentException>(() => new Embedding(5, 3, paddingIdx: padding)).Message);
        Assert.Equal("Padding_idx must be within num_embeddings",
            Assert.Throws<ArgumentException>(() => F.Embedding(Tensor.FromArray(new long[] { 0 }), Tensor.Zeros([5, 3]), padding)).Message);
    }
}
