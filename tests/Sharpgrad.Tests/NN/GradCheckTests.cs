using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Every NN backward formula against central differences in Float64, and the ones PyTorch differentiates twice.</summary>
[Collection("Seed")]
public class GradCheckTests
{
    private static Tensor R(params int[] shape) => Tensor.Randn(shape, DType.Float64, requiresGrad: true);

    private static void Ok(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Assert.True(Autograd.GradCheck(f, inputs));

    /// <summary>Second order: the gradient of f w.r.t. its inputs, built with createGraph, is itself gradchecked.</summary>
    private static void OkTwice(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        Ok(xs =>
        {
            using var _ = Autograd.EnableGrad();
            var grads = Autograd.Grad([f(xs)], xs, createGraph: true);
            return Tensor.Cat(grads.Select(g => g!.Reshape(-1)).ToArray());
        }, inputs);
    }

    private static readonly Tensor Targets = Tensor.FromArray(new long[] { 2, 0, 1, 2 });
    private static readonly Tensor IgnoredTargets = Tensor.FromArray(new long[] { 2, -100, 1, 0 });

    public GradCheckTests() => Tensor.ManualSeed(11);

    [Fact]
    public void SoftmaxFamily()
    {
        Ok(x => F.Softmax(x[0], 1), R(3, 4));
        Ok(x => F.Softmax(x[0], 0), R(3, 4));
        Ok(x => F.LogSoftmax(x[0], 1), R(3, 4));
        Ok(x => F.LogSoftmax(x[0], 1), R(2, 3, 4));
        var w = Tensor.Randn([3, 4], DType.Float64);
        OkTwice(x => (F.Softmax(x[0], 1) * w).Sum(), R(3, 4));
        OkTwice(x => (F.LogSoftmax(x[0], 1) * w).Sum(), R(3, 4));
    }

    [Theory]
    [InlineData(Reduction.Mean, 0.0)]
    [InlineData(Reduction.Sum, 0.0)]
    [InlineData(Reduction.None, 0.0)]
    [InlineData(Reduction.Mean, 0.2)]
    [InlineData(Reduction.None, 0.2)]
    public void CrossEntropyAndNll(Reduction reduction, double smoothing)
    {
        Ok(x => F.CrossEntropy(x[0], Targets, reduction, labelSmoothing: smoothing), R(4, 3));
        Ok(x => F.CrossEntropy(x[0], IgnoredTargets, reduction, labelSmoothing: smoothing), R(4, 3));
        Ok(x => F.NllLoss(x[0], IgnoredTargets, reduction), R(4, 3));
        Ok(x => F.CrossEntropy(x[0], Tensor.FromArray(new long[] { 0, 2, 1, -100, 1, 1 }, [2, 3]), reduction, labelSmoothing: smoothing), R(2, 3, 3));
        OkTwice(x => F.CrossEntropy(x[0], IgnoredTargets, reduction, labelSmoothing: smoothing).Sum(), R(4, 3));
    }

    [Fact]
    public void ProbabilityTargetCrossEntropy() =>
        Ok(x => F.CrossEntropy(x[0], F.Softmax(x[1], 1), labelSmoothing: 0.1), R(3, 4), R(3, 4));

    [Fact]
    public void RegressionAndBinaryLosses()
    {
        foreach (var r in new[] { Reduction.Mean, Reduction.Sum, Reduction.None })
        {
            Ok(x => F.MseLoss(x[0], x[1], r), R(3, 4), R(3, 4));
            Ok(x => F.MseLoss(x[0], x[1], r), R(3, 1), R(4)); // broadcast
            Ok(x => F.L1Loss(x[0], x[1], r), R(3, 4), R(3, 4));
            var p = Tensor.Rand([5], DType.Float64).Mul(0.8).Add(0.1).RequiresGrad_();
            var t = Tensor.Rand([5], DType.Float64).RequiresGrad_();
            Ok(x => F.BinaryCrossEntropy(x[0], x[1], r), p, t);
            Ok(x => F.BinaryCrossEntropyWithLogits(x[0], x[1], r), R(5), t);
        }
        OkTwice(x => F.MseLoss(x[0], x[1]), R(3), R(3));
        OkTwice(x => F.BinaryCrossEntropyWithLogits(x[0], x[1]), R(4), Tensor.Rand([4], DType.Float64).RequiresGrad_());
        var p2 = Tensor.Rand([4], DType.Float64).Mul(0.8).Add(0.1).RequiresGrad_();
        OkTwice(x => F.BinaryCrossEntropy(x[0], x[1]), p2, Tensor.Rand([4], DType.Float64).RequiresGrad_());
    }

    [Fact]
    public void Normalization()
    {
        Ok(x => F.LayerNorm(x[0], [4], x[1], x[2]), R(3, 4), R(4), R(4));
        Ok(x => F.LayerNorm(x[0], [2, 3]), R(2, 2, 3));
        var w = Tensor.Randn([3, 4], DType.Float64);
        OkTwice(x => (F.LayerNorm(x[0], [4], x[1], x[2]) * w).Sum(), R(3, 4), R(4), R(4));
        Ok(x => F.BatchNorm(x[0], null, null, x[1], x[2], training: true), R(5, 3), R(3), R(3));
        Ok(x => F.BatchNorm(x[0], null, null, x[1], x[2], training: true), R(4, 3, 2), R(3), R(3));
        var rm = Tensor.Randn([3], DType.Float64);
        var rv = Tensor.Rand([3], DType.Float64).Add(0.5);
        Ok(x => F.BatchNorm(x[0], rm, rv, x[1], x[2], training: false), R(4, 3), R(3), R(3));
        var w2 = Tensor.Randn([5, 3], DType.Float64);
        OkTwice(x => (F.BatchNorm(x[0], null, null, x[1], x[2], training: true) * w2).Sum(), R(5, 3), R(3), R(3));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void ConvolutionAndPooling(int stride, int padding)
    {
        Ok(x => F.Conv2d(x[0], x[1], x[2], stride, padding), R(2, 2, 5, 4), R(3, 2, 3, 3), R(3));
        Ok(x => F.Conv2d(x[0], x[1], null, stride, padding), R(1, 2, 4, 4), R(2, 2, 2, 2));
        OkTwice(x => (F.Conv2d(x[0], x[1], x[2], stride, padding) * 1.5).Sum(), R(1, 2, 4, 4), R(2, 2, 3, 3), R(2));
        // Distinct values so no window has a tie (a kink where finite differences are meaningless).
        var values = Tensor.RandPerm(2 * 3 * 5 * 5).To(DType.Float64).Reshape(2, 3, 5, 5).Mul(0.1).RequiresGrad_();
        Ok(x => F.MaxPool2d(x[0], 3, stride, padding), values);
        OkTwice(x => (F.MaxPool2d(x[0], 2) * x[0].Sum()).Sum(), values);
    }

    [Fact]
    public void EmbeddingGeluDropoutLinear()
    {
        var idx = Tensor.FromArray(new long[] { 1, 3, 1, 0 }, [2, 2]);
        Ok(x => F.Embedding(idx, x[0]), R(4, 3));
        Ok(x => F.Gelu(x[0]), R(6));
        Ok(x => F.Gelu(x[0], "tanh"), R(6));
        OkTwice(x => F.Gelu(x[0]).Sum(), R(6));
        Ok(x =>
        {
            Tensor.ManualSeed(3); // the same mask on every evaluation
            return F.Dropout(x[0], 0.4);
        }, R(10));
        Ok(x => F.Linear(x[0], x[1], x[2]), R(3, 4), R(2, 4), R(2));
        Ok(x => F.Linear(x[0], x[1], x[2]), R(2, 3, 4), R(2, 4), R(2));
    }
}
