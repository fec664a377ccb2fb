using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>CosineSimilarity and PairwiseDistance modules against PyTorch 2.6.</summary>
public class DistanceModuleTests
{
    [Fact]
    public void CosineSimilarityMatchesPyTorch()
    {
        var cos = new CosineSimilarity(dim: 1);
        Assert.Equal("CosineSimilarity()", cos.ToString());
        Assert.Equal("CosineSimilarity()", new CosineSimilarity(0, 1e-6).ToString());
        var a = Check.Det([3, 4], 0.31).RequiresGrad_();
        var b = Check.Det([3, 4], 0.71).RequiresGrad_();
        var y = cos.Forward(a, b);
        Check.Close([0.6512691134846862, -0.3455394261421716, -0.8527673029976298], y, 1e-12);
        (y * Check.Det([3], 0.5)).Sum().Backward();
        Check.Close([0.2038891981497149, 0.11145853106912923, -0.11704904679547878, -0.3592489014350805, -0.636554319582375, -0.7866636339192874,
            -0.5517561757356468, -0.11658852850253637, 0.05835963399677481, 0.07231376939101072, 0.002422667442559784, -0.12067813050381573], a.Grad!, 1e-12);
        Assert.Throws<NotSupportedException>(() => cos.Call(a));
    }

    [Fact]
    public void PairwiseDistanceMatchesPyTorch()
    {
        var pd = new PairwiseDistance(p: 1, eps: 1e-6, keepDim: true);
        Assert.Equal("PairwiseDistance()", pd.ToString());
        var a = Check.Det([3, 4], 0.31).RequiresGrad_();
        var b = Check.Det([3, 4], 0.71);
        var y = pd.Forward(a, b);
        Assert.Equal([3, 1], y.Shape.ToArray());
        Check.Close([1.9859740005562962, 3.188894807997431, 6.237513512422573], y, 1e-12);
        y.Sum().Backward();
        Check.Close([1.0, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1], a.Grad!, 1e-12);
        Assert.Equal([3], new PairwiseDistance().Forward(a, b).Shape.ToArray());
    }
}
