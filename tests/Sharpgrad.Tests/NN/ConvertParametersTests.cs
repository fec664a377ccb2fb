using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>parameters_to_vector / vector_to_parameters, with PyTorch 2.6's behaviour and messages.</summary>
public class ConvertParametersTests
{
    private static (Tensor A, Tensor B) Params() =>
        (Tensor.FromArray(new float[] { 1, 2, 3, 4 }, [2, 2]).RequiresGrad_(), Tensor.FromArray(new float[] { 5, 6, 7 }).RequiresGrad_());

    [Fact]
    public void ParametersToVectorConcatenatesViewsWithHistory()
    {
        var (a, b) = Params();
        var v = ConvertParameters.ParametersToVector([a, b]);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6, 7 }, v.ToArray<float>());
        Assert.Equal("CatBackward0", v.GradFn!.Name);
        Assert.Equal(["ViewBackward0", "ViewBackward0"], v.GradFn.NextFunctions.Select(f => f.Node!.Name));
        (v * Tensor.Arange(7).To(DType.Float32)).Sum().Backward();
        Assert.Equal(new float[] { 0, 1, 2, 3 }, a.Grad!.ToArray<float>());
        Assert.Equal(new float[] { 4, 5, 6 }, b.Grad!.ToArray<float>());

        // mixed dtypes promote as cat does; a 0-dim parameter becomes one element
        var c = Tensor.FromArray(new[] { 1.5 }).RequiresGrad_();
        var mixed = ConvertParameters.ParametersToVector([a, c, Tensor.Scalar(3.0)]);
        Assert.Equal(DType.Float64, mixed.DType);
        Assert.Equal(new[] { 1, 2, 3, 4, 1.5, 3 }, mixed.ToArray<double>());

        Assert.Equal("torch.cat(): expected a non-empty list of Tensors", Assert.Throws<ArgumentException>(() => ConvertParameters.ParametersToVector([])).Message);
        var e = Assert.Throws<ArgumentException>(() => ConvertParameters.ParametersToVector([a.T]));
        Assert.Equal("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.", e.Message);
    }

    [Fact]
    public void VectorToParametersCopiesSlicesInOrder()
    {
        var (a, b) = Params();
        ConvertParameters.VectorToParameters(Tensor.Arange(10).To(DType.Float32), [a, b]); // the extra elements are ignored
        Assert.Equal(new float[] { 0, 1, 2, 3 }, a.ToArray<float>());
        Assert.Equal(new float[] { 4, 5, 6 }, b.ToArray<float>());
        Assert.True(a.IsLeaf && a.RequiresGrad && b.IsLeaf && b.RequiresGrad);

        // slices are taken along the first dimension: a (7, 1) vector works too
        ConvertParameters.VectorToParameters(Tensor.FromArray(new float[] { 9, 8, 7, 6, 5, 4, 3 }, [7, 1]), [a, b]);
        Assert.Equal(new float[] { 9, 8, 7, 6 }, a.ToArray<float>());
        Assert.Equal(new float[] { 5, 4, 3 }, b.ToArray<float>());

        // too short: the first parameter is written, then the second slice cannot take its shape
        var e = Assert.Throws<ArgumentException>(() => ConvertParameters.VectorToParameters(Tensor.FromArray(new float[] { -1, -2, -3, -4, -5, -6 }), [a, b]));
        Assert.Equal("shape '[3]' is invalid for input of size 2", e.Message);
        Assert.Equal(new float[] { -1, -2, -3, -4 }, a.ToArray<float>());
        Assert.Equal(new float[] { 5, 4, 3 }, b.ToArray<float>());
        Assert.Equal("slice() cannot be applied to a 0-dim tensor.",
            Assert.ThrowsAny<ArgumentException>(() => ConvertParameters.VectorToParameters(Tensor.Scalar(2.0), [a])).Message);
    }
}
