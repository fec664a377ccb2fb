using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>torch.nn.init: PyTorch's gains and fans exactly, the distributions by their moments and bounds.</summary>
[Collection("Seed")]
public class InitTests
{
    [Fact]
    public void GainsAndFansMatchPyTorch()
    {
        Assert.Equal([1, 1, 1, 1.6666666666666667, 1.4142135623730951, 0.75], new[] { "linear", "conv2d", "sigmoid", "tanh", "relu", "selu" }.Select(n => Init.CalculateGain(n)));
        Assert.Equal(1.4141428569978354, Init.CalculateGain("leaky_relu"));
        Assert.Equal(1.3867504905630728, Init.CalculateGain("leaky_relu", 0.2));
        Assert.Equal((36, 54), Init.CalculateFans(Tensor.Empty([6, 4, 3, 3])));
        Assert.Equal("Unsupported nonlinearity gelu", Assert.Throws<ArgumentException>(() => Init.CalculateGain("gelu")).Message);
        Assert.Equal("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions", Assert.Throws<ArgumentException>(() => Init.XavierUniform_(Tensor.Empty([3]))).Message);
        Assert.Equal("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']", Assert.Throws<ArgumentException>(() => Init.KaimingUniform_(Tensor.Empty([3, 3]), mode: "fan_avg")).Message);
    }

    private static (double Mean, double Std, double Min, double Max) Moments(Tensor t)
    {
        var v = t.To(DType.Float64).ToArray<double>();
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average()), v.Min(), v.Max());
    }

    [Fact]
    public void DistributionsHaveTheRightScale()
    {
        Tensor.ManualSeed(21);
        var w = Tensor.Empty([400, 300], requiresGrad: true);
        double a = Math.Sqrt(6.0 / 700);
        var (m, s, lo, hi) = Moments(Init.XavierUniform_(w));
        Assert.True(w.IsLeaf && w.GradFn is null); // unrecorded
        Assert.InRange(lo, -a, -a * 0.99);
        Assert.InRange(hi, a * 0.99, a);
        Assert.InRange(s, a / Math.Sqrt(3) * 0.98, a / Math.Sqrt(3) * 1.02);
        (_, s, _, _) = Moments(Init.XavierNormal_(w, gain: 2));
        Assert.InRange(s, 2 * Math.Sqrt(2.0 / 700) * 0.98, 2 * Math.Sqrt(2.0 / 700) * 1.02);
        double std = Math.Sqrt(2.0) / Math.Sqrt(300);
        (m, s, _, _) = Moments(Init.KaimingNormal_(w, nonlinearity: "relu"));
        Assert.InRange(s, std * 0.98, std * 1.02);
        Assert.InRange(m, -0.01, 0.01);
        (_, _, lo, hi) = Moments(Init.KaimingUniform_(w, mode: "fan_out", nonlinearity: "relu"));
        double bound = Math.Sqrt(3.0) * Math.Sqrt(2.0) / Math.Sqrt(400);
        Assert.InRange(lo, -bound, -bound * 0.99);
        Assert.InRange(hi, bound * 0.99, bound);
        (m, s, lo, hi) = Moments(Init.TruncNormal_(w, mean: 1, std: 2, a: -1, b: 2));
        Assert.InRange(lo, -1, -0.99);
        Assert.InRange(hi, 1.99, 2);
        Assert.Equal(new float[] { 1, 0, 0, 0, 1, 0 }, Init.Eye_(Tensor.Empty([2, 3])).ToArray<float>());
        Assert.All(Init.Constant_(Tensor.Empty([4]), 0.5).ToArray<float>(), v => Assert.Equal(0.5f, v));
    }
}
