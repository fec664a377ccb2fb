using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

[Collection("Seed")]
public class ActivationTests
{
    [Fact]
    public void SoftmaxAndLogSoftmaxMatchPyTorch()
    {
        var x = Check.F32([1, 2, 3]);
        Check.Close([-2.4076058864593506, -1.4076058864593506, -0.40760594606399536], F.LogSoftmax(x, 0));
        Check.Close([0.09003057330846786, 0.2447284758090973, 0.6652409434318542], F.Softmax(x, 0));
        Check.Close([0.09003057330846786, 0.2447284758090973, 0.6652409434318542], new Softmax(-1).Forward(x));
        Check.Close([-2.4076059644443806, -1.4076059644443804, -0.4076059644443804], F.LogSoftmax(x.To(DType.Float64), 0), 1e-15);
        Check.Close([double.NaN, double.NaN], F.Softmax(Check.F32([float.PositiveInfinity, 1]), 0));
        Check.Close([double.NaN, double.NaN], F.LogSoftmax(Check.F32([float.NegativeInfinity, float.NegativeInfinity]), 0));
        Check.Close([double.NaN, double.NaN, double.NaN], F.Softmax(Check.F32([1, float.NaN, 3]), 0));
        // Along a middle dim: columns of a [2, 3, 2] block.
        var y = Tensor.Arange(0, 12, dtype: DType.Float64).View(2, 3, 2);
        var s = F.Softmax(y, 1);
        Check.Close(Tensor.OnesLike(s.Sum(1)), s.Sum(1), 1e-12);
        Check.Close((y.Select(0, 1).Select(1, 0) - Math.Log(Math.Exp(6) + Math.Exp(8) + Math.Exp(10))), F.LogSoftmax(y, 1).Select(0, 1).Select(1, 0), 1e-12);
    }

    [Fact]
    public void SoftmaxNodesAndErrors()
    {
        var a = Tensor.Randn([2, 3], requiresGrad: true);
        Assert.Equal("SoftmaxBackward0", F.Softmax(a, 1).GradFn!.Name);
        Assert.Equal("LogSoftmaxBackward0", F.LogSoftmax(a, 1).GradFn!.Name);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Assert.Throws<ArgumentOutOfRangeException>(() => F.Softmax(a, 2)).Message);
        Assert.Equal("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => F.Softmax(Check.I64(1, 2), 0)).Message);
    }

    [Fact]
    public void GeluMatchesPyTorch()
    {
        var x = Check.F32([-1, 0, 1, 2]);
        Check.Close([-0.15865525603294373, 0.0, 0.8413447141647339, 1.9544997215270996], F.Gelu(x));
        Check.Close([-0.15880799293518066, 0.0, 0.8411920070648193, 1.9545977115631104], new GELU("tanh").Forward(x));
        Check.Close([-0.15865525393145702, 0.0, 0.841344746068543, 1.9544997361036416], F.Gelu(x.To(DType.Float64)), 1e-15);
        var g = x.Clone().RequiresGrad_();
        new GELU().Forward(g).Sum().Backward();
        Check.Close([-0.08331543207168579, 0.5, 1.083315372467041, 1.085231900215149], g.Grad!);
        Assert.Equal("GeluBackward0", F.Gelu(g).GradFn!.Name);
        Assert.Throws<ArgumentException>(() => new GELU("fast"));
    }

    [Fact]
    public void SimpleActivationModules()
    {
        var x = Check.F32([-1, 0, 2]).RequiresGrad_();
        Check.Close([0, 0, 2], new ReLU().Forward(x));
        Assert.Equal("ReluBackward0", new ReLU().Forward(x).GradFn!.Name);
        Check.Close([Math.Tanh(-1), 0, Math.Tanh(2)], new Tanh().Forward(x));
        Check.Close([1 / (1 + Math.E), 0.5, 1 / (1 + Math.Exp(-2))], new Sigmoid().Forward(x));
        Assert.Same(x, new Identity().Forward(x));
        var f = new Flatten().Forward(Tensor.Randn([2, 3, 4]));
        Assert.Equal([2, 12], f.Shape);
        Assert.Equal([24], new Flatten(0).Forward(Tensor.Randn([2, 3, 4])).Shape);
    }

    [Fact]
    public void DropoutZeroesAndScalesOnlyInTraining()
    {
        Tensor.ManualSeed(0);
        var x = Tensor.Ones([10000], requiresGrad: true);
        var d = new Dropout(0.25);
        var y = d.Forward(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        var v = y.ToArray<float>();
        int zeros = v.Count(a => a == 0);
        Assert.InRange(zeros, 2300, 2700);
        Assert.All(v, a => Assert.True(a == 0 || Math.Abs(a - 1 / 0.75f) < 1e-6));
        y.Sum().Backward();
        Assert.Equal(v, x.Grad!.ToArray<float>()); // the gradient is the same mask
        d.Eval();
        Assert.Same(x, d.Forward(x));
        Assert.Same(x, F.Dropout(x, 0.0));
        Assert.Same(x, F.Dropout(x, 0.5, training: false));
        Check.Close(new double[10000], F.Dropout(x, 1.0));
        Tensor.ManualSeed(5);
        var a1 = F.Dropout(x, 0.5).ToArray<float>();
        Tensor.ManualSeed(5);
        Assert.Equal(a1, F.Dropout(x, 0.5).ToArray<float>());
        Assert.StartsWith("dropout probability has to be between 0 and 1, but got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => F.Dropout(x, 1.5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(-0.1));
    }
}
