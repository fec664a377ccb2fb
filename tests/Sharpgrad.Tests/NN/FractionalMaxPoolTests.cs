using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>fractional_max_pool2d/3d with given samples: PyTorch 2.6's values, indices, nodes, gradients and messages.</summary>
public class FractionalMaxPoolTests
{
    private static Tensor X() => (Tensor.Arange(1, 1 + 2 * 7 * 9, 1, DType.Float64).Reshape(1, 2, 7, 9) * 37).Remainder(23);

    [Fact]
    public void FractionalMaxPool2dMatchesPyTorch()
    {
        var x = X().RequiresGrad_();
        var s = Tensor.FromArray(new[] { 0.1, 0.8, 0.5, 0.3 }, [1, 2, 2]);
        var (y, i) = Functional.FractionalMaxPool2dWithIndices(x, (2, 2), (4, 5), randomSamples: s);
        Assert.Equal("FractionalMaxPool2DBackward0", y.GradFn!.Name);
        Check.Close([16, 19, 21, 17, 22, 15, 18, 20, 16, 21, 15, 17, 22, 16, 21, 14, 16, 21, 15, 20, 22, 18, 20, 16, 19, 21, 17, 22, 15, 18, 20, 16, 21, 15, 17, 22, 15, 20, 14, 16], y, 0);
        Core.Check.Values(new long[] { 10, 2, 12, 15, 17, 28, 20, 30, 33, 35, 28, 38, 40, 33, 35, 46, 56, 58, 51, 53, 0, 3, 13, 16, 8, 18, 21, 23, 34, 26, 36, 39, 41, 34, 44, 46, 57, 59, 52, 62 }, i, 1, 2, 4, 5);
        (y * Tensor.Arange(0, 40, 1, DType.Float64).Reshape(1, 2, 4, 5)).Sum().Backward();
        var g = x.Grad!.ToArray<double>();
        Assert.Equal(1.0, g[2]);
        Assert.Equal(15.0, g[28]);
        Assert.Equal(61.0, g[97]);
        Assert.Equal(780.0, g.Sum());
        var xf = X().To(DType.Float32);
        var sf = Tensor.FromArray(new[] { 0.37f, 0.91f, 0.05f, 0.66f }, [1, 2, 2]);
        var (y2, i2) = Functional.FractionalMaxPool2dWithIndices(xf, (3, 2), outputRatio: (0.5, 0.7), randomSamples: sf);
        Core.Check.Shape(y2, 1, 2, 3, 6);
        Core.Check.Values(new long[] { 10, 2, 12, 5, 7, 17, 28, 20, 40, 40, 25, 35, 46, 38, 40, 40, 43, 53, 0, 11, 3, 23, 23, 8, 18, 29, 21, 23, 23, 26, 46, 46, 39, 41, 41, 44 }, i2, 1, 2, 3, 6);
        Core.Check.Shape(Functional.FractionalMaxPool2d(X().Select(0, 0), (2, 2), (3, 3), randomSamples: s), 2, 3, 3);
        Core.Check.Throws<ArgumentException>("fractional_max_pool2d requires specifying either an output_size or an output_ratio", () => Functional.FractionalMaxPool2d(X(), (2, 2)));
        Core.Check.Throws<ArgumentException>("fractional_max_pool2d(): pool height 4 too large relative to input height 7", () => Functional.FractionalMaxPool2d(X(), (4, 4), (5, 5), randomSamples: s));
        Core.Check.Throws<ArgumentException>("Expect _random_samples.size(1) equals to input channel size.", () => Functional.FractionalMaxPool2d(X(), (2, 2), (3, 3), randomSamples: Tensor.Zeros([1, 3, 2], DType.Float64)));
        Assert.Equal("FractionalMaxPool2d()", new FractionalMaxPool2d((2, 2), (4, 5)).ToString());
        Core.Check.Shape(new FractionalMaxPool2d((2, 2), (0.5, 0.5)).Forward(X()), 1, 2, 3, 4);
        var leaf = Tensor.FromArray(new[] { 0.3, 1.7, -0.4, 2.2, 0.9, -1.3, 0.5, 0.1, 1.1 }, [1, 1, 3, 3], requiresGrad: true);
        var samples = Tensor.FromArray(new[] { 0.4, 0.6 }, [1, 1, 2]);
        Assert.True(Autograd.GradCheck(t => Functional.FractionalMaxPool2d(t[0], (2, 2), (2, 2), randomSamples: samples), [leaf]));
    }

    [Fact]
    public void FractionalMaxPool3dMatchesPyTorch()
    {
        var z = (Tensor.Arange(1, 1 + 5 * 6 * 7, 1, DType.Float64).Reshape(1, 1, 5, 6, 7) * 31).Remainder(17).RequiresGrad_();
        var s3 = Tensor.FromArray(new[] { 0.2, 0.7, 0.4 }, [1, 1, 3]);
        var (y, i) = Functional.FractionalMaxPool3dWithIndices(z, (2, 2, 2), (3, 4, 3), randomSamples: s3);
        Assert.Equal("FractionalMaxPool3DBackward0", y.GradFn!.Name);
        Core.Check.Values(new long[] { 0, 45, 5, 22, 17, 62, 22, 73, 34, 28, 73, 34, 85, 45, 90, 56, 107, 62, 113, 73, 68, 113, 73, 124, 175, 136, 181, 141, 192, 153, 147, 192, 153, 204, 164, 209 }, i, 1, 1, 3, 4, 3);
        Core.Check.Throws<ArgumentException>("fractional_max_pool3d_out(): pool time 3 too large relative to input time 5", () => Functional.FractionalMaxPool3d(z, (3, 3, 3), (4, 4, 4), randomSamples: s3));
        Assert.Equal("FractionalMaxPool3d()", new FractionalMaxPool3d((2, 2, 2), (3, 3, 3)).ToString());
    }
}
