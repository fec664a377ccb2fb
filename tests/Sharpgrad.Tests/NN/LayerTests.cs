using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

[Collection("Seed")]
public class LayerTests
{
    [Fact]
    public void EmbeddingPicksRowsAndRejectsBadIndices()
    {
        var e = new Embedding(5, 3);
        Assert.Equal([5, 3], e.Weight.Shape);
        var idx = Tensor.FromArray(new long[] { 4, 0, 4, 2 }, [2, 2]);
        var y = e.Forward(idx);
        Assert.Equal([2, 2, 3], y.Shape);
        Check.Close(e.Weight.Select(0, 4), y.Select(0, 0).Select(0, 0), 0);
        Check.Close(e.Weight.Select(0, 2), y.Select(0, 1).Select(0, 1), 0);
        Assert.Equal("EmbeddingBackward0", y.GradFn!.Name);
        y.Sum().Backward();
        Check.Close([1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 2, 2, 2], e.Weight.Grad!);
        Assert.StartsWith("index out of range in self", Assert.Throws<ArgumentOutOfRangeException>(() => e.Forward(Check.I64(0, 10))).Message);
        Assert.StartsWith("index out of range in self", Assert.Throws<ArgumentOutOfRangeException>(() => e.Forward(Check.I64(0, -1))).Message);
    }

    [Fact]
    public void LayerNormMatchesPyTorch()
    {
        Check.Close([-1.3416354656219482, -0.4472118318080902, 0.4472118318080902, 1.3416354656219482], F.LayerNorm(Check.F32([1, 2, 3, 4], 1, 4), [4]));
        Check.Close([-1.3416354199689269, -0.447211806656309, 0.447211806656309, 1.3416354199689269], F.LayerNorm(Check.F64([1, 2, 3, 4], 1, 4), [4]), 1e-15);
        Check.Close([-1.3416407108306885, -0.4472135901451111, 0.4472135901451111, 1.3416407108306885], F.LayerNorm(Check.F32([1, 2, 3, 4], 1, 4), [4], eps: 0));
        Check.Close([0, 0], F.LayerNorm(Check.F32([1, 1], 1, 2), [2]));
        var ln = new LayerNorm(3);
        var a = Tensor.Randn([2, 3], requiresGrad: true);
        Assert.Equal("NativeLayerNormBackward0", ln.Forward(a).GradFn!.Name);
        Assert.Equal("NativeLayerNormBackward0", F.LayerNorm(a, [3]).GradFn!.Name);
        // Affine parameters apply per normalized element, over every leading index.
        using (Autograd.NoGrad())
        {
            ln.Weight!.Copy_(Check.F32([1, 2, 3]));
            ln.Bias!.Copy_(Check.F32([0, 1, 0]));
        }
        var x = Tensor.Randn([4, 2, 3]);
        var expected = F.LayerNorm(x, [3]) * Check.F32([1, 2, 3]) + Check.F32([0, 1, 0]);
        Check.Close(expected, ln.Forward(x), 1e-5);
        Assert.Equal("Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[3, 4]",
            Assert.Throws<ArgumentException>(() => F.LayerNorm(Tensor.Randn([3, 4]), [3])).Message);
    }

    [Fact]
    public void BatchNormTrainsRunningStatisticsAndEvaluatesWithThem()
    {
        var x = Check.F32([1, 2, 3, 6], 2, 2);
        Check.Close([-0.9999949932098389, -0.9999987483024597, 0.9999949932098389, 0.9999987483024597], F.BatchNorm(x, null, null, training: true));
        var bn = new BatchNorm1d(2);
        var y = bn.Forward(x.Clone().RequiresGrad_());
        Assert.Equal("NativeBatchNormBackward0", y.GradFn!.Name);
        Check.Close([-0.9999949932098389, -0.9999987483024597, 0.9999949932098389, 0.9999987483024597], y);
        // momentum 0.1 with the unbiased batch variance: mean [2, 4], var [2, 8].
        Check.Close([0.2, 0.4], bn.RunningMean!);
        Check.Close([1.1, 1.7], bn.RunningVar!);
        Assert.Equal(1L, bn.NumBatchesTracked!.Item<long>());

        bn.Eval();
        var e = bn.Forward(x);
        Check.Close([(1 - 0.2) / Math.Sqrt(1.1 + 1e-5), (2 - 0.4) / Math.Sqrt(1.7 + 1e-5), (3 - 0.2) / Math.Sqrt(1.1 + 1e-5), (6 - 0.4) / Math.Sqrt(1.7 + 1e-5)], e);
        Assert.Equal(1L, bn.NumBatchesTracked!.Item<long>());
        Check.Close([0.2, 0.4], bn.RunningMean!);
        Assert.Equal("NativeBatchNormBackward0", bn.Forward(x.Clone().RequiresGrad_()).GradFn!.Name);

        // [N, C, L]: statistics over batch and length per channel.
        bn.Train();
        var x3 = Tensor.Randn([4, 2, 5]);
        var z = new BatchNorm1d(2).Forward(x3);
        Check.Close(new double[2], z.Mean([0, 2]), 1e-5);
        Check.Close([1, 1], z.Var(0, unbiased: false).Mean(1), 0.2);
        Assert.Equal("Expected more than 1 value per channel when training, got input size torch.Size([1, 3])",
            Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Forward(Tensor.Randn([1, 3]))).Message);
    }

    private static double[] NaiveConv(Tensor x, Tensor w, Tensor? b, int stride, int pad)
    {
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3], co = w.Shape[0], k = w.Shape[2];
        int oh = (h + 2 * pad - k) / stride + 1, ow = (wd + 2 * pad - k) / stride + 1;
        var xs = x.To(DType.Float64).Contiguous().ToArray<double>();
        var ws = w.To(DType.Float64).Contiguous().ToArray<double>();
        var bs = b?.To(DType.Float64).ToArray<double>();
        var y = new double[n * co * oh * ow];
        for (int s = 0; s < n; s++)
            for (int o = 0; o < co; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++)
                    {
                        double acc = bs?[o] ?? 0;
                        for (int ch = 0; ch < c; ch++)
                            for (int ki = 0; ki < k; ki++)
                                for (int kj = 0; kj < k; kj++)
                                {
                                    int r = i * stride - pad + ki, q = j * stride - pad + kj;
                                    if (r >= 0 && r < h && q >= 0 && q < wd)
                                        acc += xs[((s * c + ch) * h + r) * wd + q] * ws[((o * c + ch) * k + ki) * k + kj];
                                }
                        y[((s * co + o) * oh + i) * ow + j] = acc;
                    }
        return y;
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(2, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(3, 1, true)]
    public void Conv2dMatchesNaiveLoops(int stride, int padding, bool bias)
    {
        Tensor.ManualSeed(7);
        var conv = new Conv2d(3, 4, 3, stride, padding, bias);
        var x = Tensor.Randn([2, 3, 7, 6]);
        var y = conv.Forward(x);
        int oh = (7 + 2 * padding - 3) / stride + 1, ow = (6 + 2 * padding - 3) / stride + 1;
        Assert.Equal([2, 4, oh, ow], y.Shape);
        Check.Close(NaiveConv(x, conv.Weight, conv.Bias, stride, padding), y, 1e-5);
        Assert.Equal("ConvolutionBackward0", conv.Forward(x.Clone().RequiresGrad_()).GradFn!.Name);
        // A transposed (non-contiguous) input gives the same result.
        var xt = x.Transpose(2, 3).Contiguous().Transpose(2, 3);
        Check.Close(y, conv.Forward(xt), 1e-6);
    }

    [Fact]
    public void Conv2dErrorsMatchPyTorch()
    {
        Assert.Equal("Given groups=1, weight of size [2, 4, 3, 3], expected input[1, 3, 5, 5] to have 4 channels, but got 3 channels instead",
            Assert.Throws<ArgumentException>(() => F.Conv2d(Tensor.Randn([1, 3, 5, 5]), Tensor.Randn([2, 4, 3, 3]))).Message);
        Assert.Equal("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
            Assert.Throws<ArgumentException>(() => F.Conv2d(Tensor.Randn([1, 3, 2, 2]), Tensor.Randn([2, 3, 3, 3]))).Message);
        Assert.Equal("Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))", new Conv2d(1, 2, 3).ToString());
    }

    [Fact]
    public void MaxPool2dMatchesNaiveLoopsAndRoutesGradients()
    {
        var x = Tensor.FromArray(new float[] { 1, 5, 2, 0, 3, 4, 8, 1, 0, 9, 7, 6, 2, 2, 1, 3 }, [1, 1, 4, 4]).RequiresGrad_();
        var y = new MaxPool2d(2).Forward(x);
        Assert.Equal([1, 1, 2, 2], y.Shape);
        Check.Close([5, 8, 9, 7], y);
        Assert.Equal("MaxPool2DWithIndicesBackward0", y.GradFn!.Name);
        (y * Check.F32([1, 2, 3, 4], 1, 1, 2, 2)).Sum().Backward();
        Check.Close([0, 1, 0, 0, 0, 0, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0], x.Grad!);
        // Overlapping windows with padding: a padded border never wins, and an input in two windows gets both gradients.
        var p = F.MaxPool2d(Check.F32([-1, -2, -3, -4], 1, 2, 2), 2, stride: 1, padding: 1);
        Check.Close([-1, -1, -2, -1, -1, -2, -3, -3, -4], p);
        Assert.Equal("Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small",
            Assert.Throws<ArgumentException>(() => F.MaxPool2d(Tensor.Randn([1, 1, 2, 2]), 3)).Message);
    }

    private sealed class Probe : Module
    {
        public List<Tensor> Outputs { get; } = [];

        public override Tensor Forward(Tensor input)
        {
            var y = input.Relu();
            Outputs.Add(y);
            return y;
        }
    }

    [Fact]
    public void SequentialReleasesIntermediatesInEveryMode()
    {
        var p1 = new Probe();
        var p2 = new Probe();
        var seq = new Sequential(new Linear(4, 8), p1, new Linear(8, 8), p2, new Flatten());
        var x = Tensor.Randn([3, 4]);

        // With a graph the intermediates are released too: what backward needs, the graph keeps alive.
        var graphOut = seq.Forward(x);
        Assert.True(p1.Outputs[0].IsDisposed);
        graphOut.Sum().Backward();
        var firstWeight = (Linear)seq[0];
        Assert.NotNull(firstWeight.Weight.Grad);
        Assert.Equal([8, 4], firstWeight.Weight.Grad!.Shape);

        foreach (Func<IDisposable> mode in new Func<IDisposable>[] { () => Autograd.NoGrad(), () => Autograd.InferenceMode() })
        {
            Tensor y;
            using (mode()) y = seq.Forward(x);
            Assert.True(p1.Outputs[^1].IsDisposed);
            Assert.False(x.IsDisposed);
            Assert.False(y.IsDisposed);
            Check.Close(graphOut, y, 1e-6);
        }
        // A layer that returns its input (Dropout in eval) is not disposed twice or early.
        var withIdentity = new Sequential(new Identity(), new Linear(4, 2), new Identity());
        withIdentity.Eval();
        using (Autograd.NoGrad()) Assert.False(withIdentity.Forward(x).IsDisposed);
        Assert.False(x.IsDisposed);
    }
}
