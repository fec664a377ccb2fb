using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>F.pad (constant) and conv2d padding "same"/"valid": PyTorch 2.6 values, messages and reprs.</summary>
public class PadTests
{
    private static Tensor X() => (Tensor.Arange(24).To(DType.Float64) * 0.5).View(2, 3, 4).Detach().RequiresGrad_();

    [Fact]
    public void ConstantPadMatchesPyTorch()
    {
        var y = F.Pad(X(), [1, 2]);
        Assert.Equal([2, 3, 7], y.Shape);
        Assert.Equal("ConstantPadNdBackward0", y.GradFn!.Name);
        Check.Close([0.0, 0.0, 0.5, 1.0, 1.5, 0.0, 0.0], y.Select(0, 0).Select(0, 0), 0);
        var y2 = F.Pad(X(), [1, 0, 2, 1], value: -1);
        Assert.Equal([2, 6, 5], y2.Shape);
        Check.Close([-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0.0, 0.5, 1.0, 1.5, -1, 2.0, 2.5, 3.0, 3.5, -1, 4.0, 4.5, 5.0, 5.5, -1, -1, -1, -1, -1], y2.Select(0, 0), 0);
        var x = X();
        var y3 = F.Pad(x, [-1, 1, 0, 0, 1, 1]);
        Assert.Equal([4, 3, 4], y3.Shape);
        Check.Close([0.5, 1.0, 1.5, 0.0, 2.5, 3.0, 3.5, 0.0, 4.5, 5.0, 5.5, 0.0], y3.Select(0, 1), 0);
        (y3 * Tensor.Arange(y3.NumElements).To(DType.Float64).View(4, 3, 4)).Sum().Backward();
        Check.Close([0.0, 12.0, 13.0, 14.0, 0.0, 16.0, 17.0, 18.0, 0.0, 20.0, 21.0, 22.0, 0.0, 24.0, 25.0, 26.0, 0.0, 28.0, 29.0, 30.0, 0.0, 32.0, 33.0, 34.0], x.Grad!, 0);
        Assert.True(Autograd.GradCheck(a => F.Pad(a[0], [2, -1, 1, 0]), [X()]));
    }

    [Fact]
    public void PadErrorsMatchPyTorch()
    {
        Assert.Equal("Padding length must be divisible by 2", Assert.Throws<InvalidOperationException>(() => F.Pad(X(), [1])).Message);
        Assert.Equal("Padding length should be less than or equal to two times the input dimension but got padding length 8 and input of dimension 3",
            Assert.Throws<InvalidOperationException>(() => F.Pad(X(), [1, 2, 3, 4, 5, 6, 7, 8])).Message);
        Assert.Equal("narrow(): length must be non-negative.", Assert.Throws<InvalidOperationException>(() => F.Pad(X(), [-3, -2])).Message);
    }

    [Fact]
    public void CircularPadMatchesPyTorch()
    {
        // FACTS (torch 2.6): F.pad(arange(6.).reshape(1,2,3), (2,1), 'circular') and (-1,2); grad_fn CopySlices
        var x = Tensor.Arange(6).To(DType.Float32).View(1, 2, 3).Detach().RequiresGrad_();
        var y = F.Pad(x, [2, 1], mode: "circular");
        Assert.Equal("CopySlices", y.GradFn!.Name);
        Check.Close([1f, 2, 0, 1, 2, 0, 4, 5, 3, 4, 5, 3], y, 0);
        Check.Close([1f, 2, 1, 2, 4, 5, 4, 5], F.Pad(x, [-1, 2], mode: "circular"), 0);
        Assert.Equal([1, 2, 3], F.Pad(x, [-1, 1], mode: "circular").Shape);
        Assert.Equal([2, 5], F.Pad(Tensor.Zeros([2, 3]), [1, 1], mode: "circular").Shape); // unbatched

        // 2-D: F.pad(x2, (1,2,2,0), 'circular'), then (y2 * arange).sum().backward()
        var x2 = Tensor.Arange(12).To(DType.Float64).View(1, 1, 3, 4).Detach().RequiresGrad_();
        var y2 = F.Pad(x2, [1, 2, 2, 0], mode: "circular");
        Assert.Equal([1, 1, 5, 7], y2.Shape);
        Check.Close([7.0, 4, 5, 6, 7, 4, 5, 11, 8, 9, 10, 11, 8, 9, 3, 0, 1, 2, 3, 0, 1, 7, 4, 5, 6, 7, 4, 5, 11, 8, 9, 10, 11, 8, 9], y2, 0);
        (y2 * Tensor.Arange(35).To(DType.Float64).View(1, 1, 5, 7)).Sum().Backward();
        Check.Close([34.0, 36, 17, 32, 54, 58, 27, 50, 82, 86, 41, 78], x2.Grad!, 0);
        Assert.True(Autograd.GradCheck(a => F.Pad(a[0], [1, 2, 2, 0], mode: "circular"), [Xi()]));
        Assert.True(Autograd.GradCheck(a => F.Pad(a[0], [-2, 3], mode: "circular"), [X()]));
    }

    [Fact]
    public void CircularPadErrorsMatchPyTorch()
    {
        var x = Tensor.Zeros([1, 2, 3]);
        Assert.Equal("Padding value causes wrapping around more than once.",
            Assert.Throws<InvalidOperationException>(() => F.Pad(x, [4, 0], mode: "circular")).Message);
        Assert.Equal("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
            Assert.Throws<InvalidOperationException>(() => F.Pad(Tensor.Zeros([3]), [1, 1], mode: "circular")).Message);
    }

    private static Tensor W() => (Tensor.Arange(72).To(DType.Float64) * 0.1).Cos().View(3, 2, 3, 4);
    private static Tensor Xi() => (Tensor.Arange(60).To(DType.Float64) * 0.3).Sin().View(1, 2, 5, 6).Detach().RequiresGrad_();

    [Fact]
    public void SamePaddingMatchesPyTorch()
    {
        var x = Xi();
        var y = F.Conv2d(x, W(), null, (1, 1), "same", dilation: (1, 2));
        Assert.Equal([1, 3, 5, 6], y.Shape);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Check.Close([2.7159036608079736, 3.8197253180175386, 3.862941799278017, 3.79692080466509, 3.773393549689418, 2.6450604043044335], y.Flatten().Narrow(0, 0, 6), 1e-12);
        Check.Close(8.770402887858115, y.Sum().Item<double>(), 1e-12);
        (y * y).Sum().Backward();
        Check.Close(362.87993862698124, x.Grad!.Sum().Item<double>(), 1e-12);
        Check.Close(44431.62916990617, (x.Grad * x.Grad).Sum().Item<double>(), 1e-12);

        var xa = Xi(); // even kernel width, dilation 1: one extra column on the right
        var ya = F.Conv2d(xa, W(), null, (1, 1), "same");
        Assert.Equal([1, 3, 5, 6], ya.Shape);
        Check.Close([3.7219268432349972, 5.216844109954083, 5.476262692174198, 5.246503037788393], ya.Flatten().Narrow(0, 0, 4), 1e-12);
        Check.Close(10.51341917019296, ya.Sum().Item<double>(), 1e-12);
        (ya * ya).Sum().Backward();
        Check.Close(565.9502254080899, xa.Grad!.Sum().Item<double>(), 1e-12);
        Assert.Equal([1, 3, 3, 3], F.Conv2d(Xi(), W(), null, (1, 1), "valid").Shape);
    }

    [Fact]
    public void PaddingStringErrorsAndReprs()
    {
        Assert.Equal("padding='same' is not supported for strided convolutions",
            Assert.Throws<InvalidOperationException>(() => F.Conv2d(Xi(), W(), null, (2, 2), "same")).Message);
        Assert.Equal("Invalid padding string: 'full'", Assert.Throws<InvalidOperationException>(() => F.Conv2d(Xi(), W(), null, (1, 1), "full")).Message);
        Assert.Equal("padding='same' is not supported for strided convolutions", Assert.Throws<ArgumentException>(() => new Conv2d(2, 3, 3, "same", stride: 2)).Message);
        Assert.Equal("Invalid padding string 'full', should be one of {'valid', 'same'}", Assert.Throws<ArgumentException>(() => new Conv2d(2, 3, 3, "full")).Message);
        Assert.Equal("Conv2d(2, 3, kernel_size=(3, 4), stride=(1, 1), padding=same, dilation=(1, 2), bias=False)",
            new Conv2d(2, 3, (3, 4), "same", dilation: (1, 2), bias: false).ToString());
        Assert.Equal("Conv2d(2, 3, kernel_size=(3, 3), stride=(1, 1), padding=valid)", new Conv2d(2, 3, 3, "valid").ToString());
        var conv = new Conv2d(2, 3, (3, 4), "same", dtype: DType.Float64);
        Assert.Equal([1, 3, 5, 6], conv.Call(Xi()).Shape);
    }

    private static Tensor X4() => (Tensor.Arange(24).To(DType.Float64) * 0.5).View(1, 2, 3, 4).Detach().RequiresGrad_();

    [Theory]
    [InlineData("reflect", "ReflectionPad2DBackward0", new[] { 3.0, 2.5, 2.0, 2.5, 3.0, 3.5, 3.0, 1.0, 0.5, 0.0, 0.5, 1.0, 1.5, 1.0, 3.0, 2.5, 2.0, 2.5, 3.0, 3.5, 3.0, 5.0, 4.5, 4.0, 4.5, 5.0, 5.5, 5.0, 3.0, 2.5, 2.0, 2.5, 3.0, 3.5, 3.0, 1.0, 0.5, 0.0, 0.5, 1.0, 1.5, 1.0 },
        new[] { 46.0, 92.0, 146.0, 52.0, 48.0, 96.0, 156.0, 57.0, 23.0, 46.0, 73.0, 26.0, 130.0, 260.0, 398.0, 136.0, 174.0, 348.0, 534.0, 183.0, 65.0, 130.0, 199.0, 68.0 },
        "ReflectionPad1DBackward0", new[] { 0.5, 0.0, 0.5, 1.0, 1.5, 1.0, 0.5 })]
    [InlineData("replicate", "ReplicationPad2DBackward0", new[] { 0.0, 0.0, 0.0, 0.5, 1.0, 1.5, 1.5, 0.0, 0.0, 0.0, 0.5, 1.0, 1.5, 1.5, 2.0, 2.0, 2.0, 2.5, 3.0, 3.5, 3.5, 4.0, 4.0, 4.0, 4.5, 5.0, 5.5, 5.5, 4.0, 4.0, 4.0, 4.5, 5.0, 5.5, 5.5, 4.0, 4.0, 4.0, 4.5, 5.0, 5.5, 5.5 },
        new[] { 27.0, 13.0, 15.0, 36.0, 45.0, 17.0, 18.0, 39.0, 261.0, 93.0, 96.0, 201.0, 279.0, 97.0, 99.0, 204.0, 171.0, 59.0, 60.0, 123.0, 639.0, 219.0, 222.0, 453.0 },
        "ReplicationPad1DBackward0", new[] { 0.0, 0.0, 0.5, 1.0, 1.5, 1.5, 1.5 })]
    public void ReflectAndReplicateMatchPyTorch(string mode, string node, double[] plane, double[] grad, string node1d, double[] row)
    {
        var x = X4();
        var y = F.Pad(x, [2, 1, 1, 2], mode);
        Assert.Equal([1, 2, 6, 7], y.Shape);
        Assert.Equal(node, y.GradFn!.Name);
        Check.Close(plane, y.Select(0, 0).Select(0, 0), 0);
        (y * Tensor.Arange(y.NumElements).To(DType.Float64).View(1, 2, 6, 7)).Sum().Backward();
        Check.Close(grad, x.Grad!, 0);
        var y1 = F.Pad(X4().Select(0, 0), [1, 2], mode);
        Assert.Equal(node1d, y1.GradFn!.Name);
        Check.Close(row, y1.Select(0, 0).Select(0, 0), 0);
        Assert.True(Autograd.GradCheck(a => F.Pad(a[0], [1, 2, 2, 0], mode), [X4()]));
        Assert.Equal("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
            Assert.Throws<InvalidOperationException>(() => F.Pad(X4(), [1, 1], mode)).Message);
    }
}
