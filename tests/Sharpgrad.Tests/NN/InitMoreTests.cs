using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>init.orthogonal_, dirac_ and sparse_: the structure PyTorch's versions give (the draws come from Sharpgrad's generator).</summary>
public class InitMoreTests
{
    [Fact]
    public void OrthogonalGivesOrthonormalRowsOrColumns()
    {
        var tall = Init.Orthogonal_(Tensor.Empty([5, 3], DType.Float64));
        Check.Close(Tensor.Eye(3, DType.Float64), tall.T.MatMul(tall), 1e-12);
        var wide = Init.Orthogonal_(Tensor.Empty([3, 5], DType.Float64), gain: 2);
        Check.Close(Tensor.Eye(3, DType.Float64) * 4, wide.MatMul(wide.T), 1e-12);
        var conv = Init.Orthogonal_(Tensor.Empty([4, 2, 3], DType.Float64));
        var flat = conv.Reshape(4, 6);
        Check.Close(Tensor.Eye(4, DType.Float64), flat.MatMul(flat.T), 1e-12);
        Core.Check.Throws<ArgumentException>("Only tensors with 2 or more dimensions are supported", () => Init.Orthogonal_(Tensor.Empty([3])));
        var p = Tensor.Empty([4, 4], requiresGrad: true);
        Init.Orthogonal_(p);
        Assert.True(p.RequiresGrad);
        Assert.Null(p.GradFn);
    }

    [Fact]
    public void DiracIsTheConvolutionIdentity()
    {
        var w = Init.Dirac_(Tensor.Ones([4, 2, 3]));
        Core.Check.Values(new float[] { 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, w, 4, 2, 3);
        var x = Tensor.Randn([1, 2, 7]);
        var y = Functional.Conv1d(x, w, padding: 1);
        Check.Close(x, y.Narrow(1, 0, 2), 1e-6);
        Check.Close(Tensor.Zeros([1, 2, 7]), y.Narrow(1, 2, 2), 0);
        var grouped = Init.Dirac_(Tensor.Ones([4, 1, 3, 3]), groups: 2);
        Assert.Equal(2f, grouped.Sum().Item<float>());
        Assert.Equal(1f, grouped[0, 0, 1, 1].Item<float>());
        Assert.Equal(1f, grouped[2, 0, 1, 1].Item<float>());
        Core.Check.Throws<ArgumentException>("Only tensors with 3, 4, or 5 dimensions are supported", () => Init.Dirac_(Tensor.Ones([2, 2])));
        Core.Check.Throws<ArgumentException>("dim 0 must be divisible by groups", () => Init.Dirac_(Tensor.Ones([3, 1, 3]), groups: 2));
    }

    [Fact]
    public void SparseZeroesAFractionOfEachColumn()
    {
        var w = Init.Sparse_(Tensor.Empty([10, 6], DType.Float64), 0.25, std: 0.5);
        var zerosPerColumn = w.Eq(0.0).Sum([0]).ToArray<long>();
        Assert.All(zerosPerColumn, z => Assert.Equal(3L, z));
        Core.Check.Throws<ArgumentException>("Only tensors with 2 dimensions are supported", () => Init.Sparse_(Tensor.Empty([2, 2, 2]), 0.5));
    }
}
