using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>AdaptiveMaxPool3d and adaptive_max_pool3d: values, indices, gradients, repr and messages from PyTorch 2.6.</summary>
public class AdaptiveMaxPool3dTests
{
    [Fact]
    public void ValuesIndicesAndGradientsMatchPyTorch()
    {
        var x = Check.Det([2, 3, 3, 4], 0.7).RequiresGrad_();
        var (y, i) = F.AdaptiveMaxPool3dWithIndices(x, (2, 2, 3)); // unbatched
        Assert.Equal("AdaptiveMaxPool3DBackward0", y.GradFn!.Name);
        Assert.Equal([2, 2, 2, 3], y.Shape);
        Check.Close([1.0, 0.9994345855010047, 0.9994345855010047, 0.9998586363834151, 0.9998586363834151, 0.9994345855010047, 0.7860702961410383, 0.9994345855010047, 0.9994345855010047, 0.7860702961410383, 0.9994345855010047, 0.9994345855010047, 0.9977389813911304, 0.9949151051086736, 0.9949151051086736, 0.9964679075571252, 0.9964679075571252, 0.9949151051086736, 0.825836780443496, 0.9949151051086736, 0.9949151051086736, 0.825836780443496, 0.9949151051086736, 0.9949151051086736], y, 1e-12);
        Assert.Equal([0L, 18, 18, 9, 9, 18, 17, 18, 18, 17, 18, 18, 0, 18, 18, 9, 9, 18, 17, 18, 18, 17, 18, 18], i.Flatten().ToArray<long>());
        (y * y.Detach().Cos()).Sum().Backward();
        var grad = new double[72];
        (grad[0], grad[9], grad[17], grad[18]) = (0.5403023058681398, 1.0808425077015904, 1.4132627037587024, 3.78544599560752);
        (grad[36], grad[45], grad[53], grad[54]) = (0.5422035047350232, 1.086542165359033, 1.3558841458265614, 3.812018657200908);
        Check.Close(grad, x.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => F.AdaptiveMaxPool3d(a[0], (2, 2, 3)), [Check.Det([1, 2, 3, 3, 4], 0.37).RequiresGrad_()]));
    }

    /// <summary>
    /// x = cos(0.37·j): output shape, values, indices, Σ y·cos(0.53·j) and, after backward of that, Σ x.grad·cos(0.29·j),
    /// including bins that overlap (output larger than the input) and a 1×1×1 output that stays this op.
    /// </summary>
    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 2, 3, 2, new[] { 1, 2, 2, 3, 2 }, new long[] { 0, 2, 32, 34, 17, 17, 20, 49, 51, 34, 51, 34, 25, 8, 25, 8, 10, 39, 25, 42, 25, 27, 57, 59 }, -0.6229661154543441)]
    [InlineData(new[] { 2, 5, 4, 3 }, 2, 2, 2, new[] { 2, 2, 2, 2 }, new long[] { 0, 17, 34, 34, 51, 50, 34, 34, 25, 25, 7, 8, 25, 25, 42, 59 }, 5.347958231107294)]
    [InlineData(new[] { 1, 1, 4, 4, 4 }, 1, 1, 1, new[] { 1, 1, 1, 1, 1 }, new long[] { 0 }, 1.0)]
    [InlineData(new[] { 1, 3, 2, 5 }, 3, 4, 7, new[] { 1, 3, 4, 7 }, new long[] { 0, 0, 1, 2, 2, 3, 4, 0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 7, 9, 9, 5, 5, 6, 7, 7, 9, 9, 10, 11, 12, 12, 13, 14, 14, 10, 11, 12, 12, 13, 14, 14, 15, 16, 17, 17, 17, 18, 19, 15, 16, 17, 17, 17, 18, 19, 20, 20, 21, 22, 22, 23, 24, 20, 20, 21, 22, 22, 23, 24, 25, 26, 27, 27, 28, 29, 29, 25, 26, 27, 27, 28, 29, 29 }, 4.012815508374442)]
    public void IndicesAndWeightedGradientMatchPyTorch(int[] shape, int od, int oh, int ow, int[] outShape, long[] indices, double weightedGrad)
    {
        var x = Check.Det(shape, 0.37).RequiresGrad_();
        var (y, i) = F.AdaptiveMaxPool3dWithIndices(x, (od, oh, ow));
        Assert.Equal(outShape, y.Shape.ToArray());
        Assert.Equal(indices, i.Flatten().ToArray<long>());
        Assert.Equal("AdaptiveMaxPool3DBackward0", y.GradFn!.Name);
        // the values are the input at the indices
        Check.Close(x.Detach().Flatten(-3).Gather(-1, i.Flatten(-3)).Reshape(outShape), y, 0);
        (y * Check.Det(outShape, 0.53)).Sum().Backward();
        Check.Close(weightedGrad, (x.Grad! * Check.Det(shape, 0.29)).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void ModuleReprSizesAndReturnIndices()
    {
        Assert.Equal("AdaptiveMaxPool3d(output_size=2)", new AdaptiveMaxPool3d(2).ToString());
        Assert.Equal("AdaptiveMaxPool3d(output_size=(2, None, 3))", new AdaptiveMaxPool3d((2, null, 3)).ToString());
        Assert.Equal("AdaptiveMaxPool3d(output_size=3)", new AdaptiveMaxPool3d(3, returnIndices: true).ToString());
        Assert.Equal("AdaptiveMaxPool3d(output_size=(1, 2, 3))", new AdaptiveMaxPool3d((1, 2, 3), true).ToString());
        Assert.Equal([1, 3, 2, 5], new AdaptiveMaxPool3d((null, 2, null)).Call(Tensor.Zeros([1, 3, 4, 5])).Shape); // None keeps the size
        Assert.Equal([1, 3, 2, 5], F.AdaptiveMaxPool3d(Tensor.Zeros([1, 3, 4, 5]), (null, 2, null)).Shape);
        Assert.Equal([0, 2, 2, 2, 2], F.AdaptiveMaxPool3d(Tensor.Zeros([0, 2, 3, 3, 4]), 2).Shape); // an empty batch is fine
        Assert.Equal([1, 2, 0, 0, 0], F.AdaptiveMaxPool3d(Tensor.Zeros([1, 2, 3, 3, 4]), 0).Shape);

        var m = new AdaptiveMaxPool3d(2, returnIndices: true);
        Assert.True(m.ReturnIndices);
        Assert.Throws<NotSupportedException>(() => m.Call(Tensor.Zeros([2, 5, 4, 3])));
        var (v, i) = m.ForwardWithIndices(Check.Det([2, 5, 4, 3], 0.37));
        Assert.Equal([0L, 17, 34, 34, 51, 50, 34, 34, 25, 25, 7, 8, 25, 25, 42, 59], i.Flatten().ToArray<long>());
        Check.Close(F.AdaptiveMaxPool3d(Check.Det([2, 5, 4, 3], 0.37), 2), v, 0);
        // float32 values
        Check.Close([1.0, 0.9994345903396606, 0.9998586177825928, 0.9994345903396606], F.AdaptiveMaxPool3d(Check.Det([1, 1, 2, 3, 4], 0.7).To(DType.Float32), (1, 2, 2)), 0);
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        Assert.Equal("adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: [3, 4, 5]",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([3, 4, 5]), 2)).Message);
        Assert.Equal("adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: [2, 3, 4, 5, 6, 7]",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([2, 3, 4, 5, 6, 7]), (null, 2, 2))).Message);
        Assert.Equal("Input dimension should be at least 4",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([3, 4, 5]), (2, 2, 2))).Message);
        Assert.Equal("adaptive_max_pool3d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 2, 0, 3, 4] with dimension 2 being empty",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([1, 2, 0, 3, 4]), 2)).Message);
        Assert.Equal("Trying to create tensor with negative dimension -1: [1, 2, 2, -1, 2]",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([1, 2, 3, 3, 4]), (2, -1, 2))).Message);
        Assert.Equal("\"adaptive_max_pool3d_cpu\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool3d(Tensor.Zeros([1, 2, 3, 3, 4], DType.Int64), 2)).Message);
    }

    [Fact]
    public void NaNAndMinusInfinityAsPyTorch()
    {
        // PyTorch 2.6 (CPU): the last NaN of a bin gives the index (4 for the whole [1, 2, 2, 2] volume, [4, 3] for
        // (1, 2, 1) bins); an all -inf bin gives -inf at the bin's first position.
        var x = Tensor.FromArray([1, double.NaN, 3, double.NaN, double.NaN, 2, 0, 1], [1, 2, 2, 2]);
        var (v, i) = F.AdaptiveMaxPool3dWithIndices(x, 1);
        Assert.True(double.IsNaN(v.Item<double>()));
        Assert.Equal(4L, i.Item<long>());
        var (v2, i2) = F.AdaptiveMaxPool3dWithIndices(x, (1, 2, 1));
        Assert.All(v2.Flatten().ToArray<double>(), d => Assert.True(double.IsNaN(d)));
        Assert.Equal([4L, 3L], i2.Flatten().ToArray<long>());
        var (v3, i3) = F.AdaptiveMaxPool3dWithIndices(Tensor.Full([1, 1, 2, 2, 2], double.NegativeInfinity, DType.Float64), 1);
        Assert.Equal(double.NegativeInfinity, v3.Item<double>());
        Assert.Equal(0L, i3.Item<long>());
        var (v4, i4) = F.AdaptiveMaxPool3dWithIndices(Tensor.FromArray([-1e300, -2e300], [1, 1, 1, 2]), 1);
        Assert.Equal(-1e300, v4.Item<double>());
        Assert.Equal(0L, i4.Item<long>());
    }
}
