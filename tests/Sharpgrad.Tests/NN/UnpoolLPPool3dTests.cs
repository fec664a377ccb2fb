using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>max_unpool1d/3d and lp_pool3d with their modules: PyTorch 2.6's values, nodes, gradients, reprs and messages.</summary>
public class UnpoolLPPool3dTests
{
    [Fact]
    public void MaxUnpool1dMatchesPyTorch()
    {
        var x = Tensor.FromArray(new[] { 1.0, 5, 2, 8, 3, 4 }, [1, 1, 6], requiresGrad: true);
        var (y, i) = Functional.MaxPool1dWithIndices(x, 2);
        Core.Check.Values(new long[] { 1, 3, 5 }, i, 1, 1, 3);
        var u = Functional.MaxUnpool1d(y, i, 2);
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Check.Close([0, 5, 0, 8, 0, 4], u, 0);
        (u * Tensor.Arange(0, 6, 1, DType.Float64)).Sum().Backward();
        Check.Close([0, 1, 0, 3, 0, 5], x.Grad!, 0);
        Core.Check.Shape(Functional.MaxUnpool1d(y, i, 2, outputSize: 7), 1, 1, 7);
        Core.Check.Throws<ArgumentException>("invalid output_size \"[9]\" (dim 0 must be between 4 and 8)", () => Functional.MaxUnpool1d(y, i, 2, outputSize: 9));
        Assert.Equal("MaxUnpool1d(kernel_size=(2,), stride=(2,), padding=(0,))", new MaxUnpool1d(2).ToString());
        Assert.Equal("MaxUnpool1d(kernel_size=(2,), stride=(1,), padding=(1,))", new MaxUnpool1d(2, 1, 1).ToString());
        Check.Close([0, 5, 0, 8, 0, 4], new MaxUnpool1d(2).Forward(y, i), 0);
    }

    [Fact]
    public void MaxUnpool3dMatchesPyTorch()
    {
        var x = Tensor.Arange(0, 16, 1, DType.Float64).Reshape(1, 1, 2, 2, 4).RequiresGrad_();
        var (y, i) = Functional.MaxPool3dWithIndices(x, 2);
        Core.Check.Values(new long[] { 13, 15 }, i, 1, 1, 1, 1, 2);
        var u = Functional.MaxUnpool3d(y, i, 2);
        Assert.Equal("MaxUnpool3DBackward0", u.GradFn!.Name);
        Core.Check.Shape(u, 1, 1, 2, 2, 4);
        Check.Close([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 13, 0, 15], u, 0);
        (u * Tensor.Arange(0, 16, 1, DType.Float64).Reshape(1, 1, 2, 2, 4)).Sum().Backward();
        Check.Close([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 13, 0, 15], x.Grad!, 0);
        Core.Check.Throws<InvalidOperationException>("Found an invalid max index: 1500 (output volumes are of size 2x2x4", () => Functional.MaxUnpool3d(y, i * 100, 2));
        Core.Check.Throws<ArgumentException>("Input to max_unpooling3d should be a 4d or 5d Tensor, but got a tensor with 3 dimensions.", () => Functional.MaxUnpool3d(y.Select(0, 0).Select(0, 0), i.Select(0, 0).Select(0, 0), 2));
        Assert.Equal("MaxUnpool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2), padding=(0, 0, 0))", new MaxUnpool3d(2).ToString());
        Assert.Equal("MaxUnpool3d(kernel_size=(1, 2, 2), stride=(1, 2, 1), padding=(0, 0, 0))", new MaxUnpool3d((1, 2, 2), (1, 2, 1)).ToString());
        var g = Tensor.FromArray(new[] { 0.3, -1.2 }, [1, 1, 1, 1, 2], requiresGrad: true);
        Assert.True(Autograd.GradCheck(t => Functional.MaxUnpool3d(t[0], i, 2), [g]));
    }

    [Fact]
    public void LPPool3dMatchesPyTorch()
    {
        var z = Tensor.Arange(1, 28, 1, DType.Float64).Reshape(1, 1, 3, 3, 3).RequiresGrad_();
        var p = Functional.LPPool3d(z, 2, 2);
        Assert.Equal("PowBackward0", p.GradFn!.Name);
        Check.Close([25.13961017995307], p, 1e-14);
        p.Sum().Backward();
        Check.Close([0.0397778642087865, 0.079555728417573, 0, 0.159111456835146, 0.19888932104393248, 0, 0, 0, 0, 0.39777864208786495],
            z.Grad!.Reshape(-1).Narrow(0, 0, 10), 1e-14);
        Check.Close([8.089634454276402, 10.474878625033243, 15.38199605408483, 17.864161639883584, 30.369399746610817, 32.87913488270208],
            Functional.LPPool3d(z, 1.5, (1, 2, 2), (1, 1, 1)).Reshape(-1).Narrow(0, 0, 6), 1e-13);
        Assert.Equal("LPPool3d(norm_type=2, kernel_size=2, stride=None, ceil_mode=False)", new LPPool3d(2, 2).ToString());
        Assert.Equal("LPPool3d(norm_type=1.5, kernel_size=(1, 2, 2), stride=1, ceil_mode=True)", new LPPool3d(1.5, (1, 2, 2), 1, ceilMode: true).ToString());
        Check.Close([25.13961017995307], new LPPool3d(2, 2).Forward(z), 1e-14);
    }
}
