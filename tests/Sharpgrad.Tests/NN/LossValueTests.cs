using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Loss values, gradients, node names and messages pinned to PyTorch 2.6 (FACTS sec 1, 3, 6).</summary>
public class LossValueTests
{
    private static Tensor Targets(params long[] t) => Check.I64(t);

    [Theory]
    [InlineData(2L, 0L, Reduction.Mean, 0.0, new[] { 0.40760594606399536 })]
    [InlineData(2L, 0L, Reduction.Mean, 0.1, new[] { 0.5076059103012085 })]
    [InlineData(2L, 0L, Reduction.None, 0.0, new[] { 0.40760594606399536, 0.40760594606399536 })]
    [InlineData(2L, 0L, Reduction.Sum, 0.0, new[] { 0.8152118921279907 })]
    [InlineData(2L, 0L, Reduction.None, 0.1, new[] { 0.5076059103012085, 0.5076059103012085 })]
    [InlineData(2L, -100L, Reduction.Mean, 0.0, new[] { 0.40760594606399536 })]
    [InlineData(2L, -100L, Reduction.None, 0.0, new[] { 0.40760594606399536, 0.0 })]
    [InlineData(2L, -100L, Reduction.Sum, 0.0, new[] { 0.40760594606399536 })]
    [InlineData(2L, -100L, Reduction.Mean, 0.1, new[] { 0.5076059103012085 })]
    [InlineData(2L, -100L, Reduction.None, 0.1, new[] { 0.5076059103012085, 0.0 })]
    [InlineData(-100L, -100L, Reduction.Mean, 0.0, new[] { double.NaN })]
    [InlineData(-100L, -100L, Reduction.Sum, 0.0, new[] { 0.0 })]
    public void CrossEntropyMatchesPyTorch(long t0, long t1, Reduction reduction, double smoothing, double[] expected)
    {
        var loss = F.CrossEntropy(Check.Logits(), Targets(t0, t1), reduction, labelSmoothing: smoothing);
        Assert.Equal(DType.Float32, loss.DType);
        Assert.Equal(reduction == Reduction.None ? 1 : 0, loss.Dim);
        Check.Close(expected, loss);
    }

    [Fact]
    public void CrossEntropyIgnoreIndexProbabilityTargetsAndHigherDims()
    {
        Check.Close([0.40760594606399536], F.CrossEntropy(Check.Logits(), Targets(2, 1), ignoreIndex: 1));
        var probs = Check.F32([0, 0, 1, 1, 0, 0], 2, 3);
        Check.Close([0.40760594606399536], F.CrossEntropy(Check.Logits(), probs));
        Check.Close([0.5076059699058533], F.CrossEntropy(Check.Logits(), probs, labelSmoothing: 0.1));
        Check.Close([0.40760594606399536], F.CrossEntropy(Check.Logits().Select(0, 0), Tensor.Scalar(2, DType.Int64)));
        // [2, 3, 4] logits: every class logit equal along dim 1, so each loss is log 3.
        var x = Tensor.Full([2, 3, 4], 0.5) + Tensor.Arange(0, 4, dtype: DType.Float32);
        var t = Tensor.FromArray(new long[] { 0, 1, 2, 0, 1, 1, 1, -100 }, [2, 4]);
        Check.Close([1.0986123085021973], F.CrossEntropy(x, t));
        Assert.Equal([2, 4], F.CrossEntropy(x, t, Reduction.None).Shape);
    }

    [Fact]
    public void CrossEntropyGradientsMatchPyTorch()
    {
        var l = Check.Logits(requiresGrad: true);
        F.CrossEntropy(l, Targets(2, 0)).Backward();
        Check.Close([0.04501529037952423, 0.12236424535512924, -0.1673794984817505, -0.1673794984817505, 0.12236424535512924, 0.04501529037952423], l.Grad!);

        var s = Check.Logits(requiresGrad: true);
        F.CrossEntropy(s, Targets(2, -100), labelSmoothing: 0.1).Backward();
        Check.Close([0.05669724568724632, 0.21139515936374664, -0.2680923342704773, 0, 0, 0], s.Grad!);
    }

    [Fact]
    public void CrossEntropyRecordsFusedNodes()
    {
        var l = Check.Logits(requiresGrad: true);
        var loss = F.CrossEntropy(l, Targets(2, 0));
        Assert.Equal("NllLossBackward0", loss.GradFn!.Name);
        Assert.Equal("LogSoftmaxBackward0", loss.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("NllLossBackward0", F.CrossEntropy(l, Targets(2, 0), Reduction.None).GradFn!.Name);
        Assert.Equal("AddBackward0", F.CrossEntropy(l, Targets(2, 0), labelSmoothing: 0.1).GradFn!.Name);
        Assert.Equal("NllLossBackward0", new CrossEntropyLoss().Forward(l, Targets(1, 1)).GradFn!.Name);
    }

    [Fact]
    public void CrossEntropyIsStableForHugeLogits()
    {
        var x = Check.F32([1000, -1000, 0, 0, 89, -89], 2, 3).RequiresGrad_();
        var loss = F.CrossEntropy(x, Targets(1, 0), Reduction.None);
        Check.Close([2000, 89 + Math.Log(1 + 2 * Math.Exp(-89))], loss, 1e-5);
        loss.Sum().Backward();
        Assert.All(x.Grad!.ToArray<float>(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void CrossEntropyAndNllErrorsMatchPyTorch()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => F.CrossEntropy(Tensor.Randn([2, 3]), Targets(0, 3)));
        Assert.StartsWith("Target 3 is out of bounds.", ex.Message);
        Assert.StartsWith("Target -1 is out of bounds.", Assert.Throws<ArgumentOutOfRangeException>(() => F.CrossEntropy(Tensor.Randn([2, 3]), Targets(0, -1))).Message);
        Assert.StartsWith("Target 3 is out of bounds.", Assert.Throws<ArgumentOutOfRangeException>(() => F.NllLoss(Tensor.Randn([2, 3]), Targets(0, 3))).Message);
        Assert.Equal("expected scalar type Long but found Float", Assert.Throws<ArgumentException>(() => F.CrossEntropy(Tensor.Randn([2, 3]), Check.F32([0, 1]))).Message);
        Assert.Equal("Expected input batch_size (2) to match target batch_size (3).", Assert.Throws<ArgumentException>(() => F.CrossEntropy(Tensor.Randn([2, 3]), Targets(0, 1, 2))).Message);
        Assert.StartsWith("label_smoothing must be between 0.0 and 1.0. Got: 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => F.CrossEntropy(Tensor.Randn([2, 3]), Targets(0, 1), labelSmoothing: 1.5)).Message);
    }

    [Fact]
    public void NllLossMatchesPyTorch()
    {
        var logp = F.LogSoftmax(Check.Logits(), 1);
        Check.Close([0.40760594606399536], F.NllLoss(logp, Targets(2, 0)));
        Check.Close([0.40760594606399536], F.NllLoss(logp, Targets(2, -100)));
        Check.Close([0.40760594606399536, 0.40760594606399536], F.NllLoss(logp, Targets(2, 0), Reduction.None));
        Check.Close([-2.0], F.NllLoss(Check.Logits(), Targets(2, 0)));
        Check.Close([-3.0, 0.0], new NLLLoss(Reduction.None).Forward(Check.Logits(), Targets(2, -100)));
        Assert.Equal("NllLossBackward0", F.NllLoss(Check.Logits(requiresGrad: true), Targets(2, 0)).GradFn!.Name);
    }

    [Fact]
    public void BinaryCrossEntropyMatchesPyTorch()
    {
        var p = Check.F32([0.2f, 0.7f, 0.9f]);
        var t = Check.F32([0, 1, 1]);
        Check.Close([0.22839301824569702], F.BinaryCrossEntropy(p, t));
        Check.Close([0.2231435477733612, 0.3566749691963196, 0.10536054521799088], new BCELoss(Reduction.None).Forward(p, t));
        Check.Close([100.0, 100.0], F.BinaryCrossEntropy(Check.F32([0, 1]), Check.F32([1, 0]), Reduction.None));
        var zero = F.BinaryCrossEntropy(Check.F32([0, 1]), Check.F32([0, 1]), Reduction.None).ToArray<float>();
        Assert.Equal(0f, zero[0]);
        Assert.True(float.IsNegative(zero[1]) && zero[1] == 0, "PyTorch gives -0. for input 1, target 1");
        Assert.Equal("BinaryCrossEntropyBackward0", F.BinaryCrossEntropy(p.Clone().RequiresGrad_(), t).GradFn!.Name);
        Assert.Equal("all elements of input should be between 0 and 1", Assert.Throws<ArgumentException>(() => F.BinaryCrossEntropy(Check.F32([1.5f]), Check.F32([1]))).Message);
        Assert.Equal("Using a target size (torch.Size([2])) that is different to the input size (torch.Size([3])) is deprecated. Please ensure they have the same size.",
            Assert.Throws<ArgumentException>(() => F.BinaryCrossEntropy(Tensor.Rand([3]), Tensor.Rand([2]))).Message);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogitsMatchesPyTorch()
    {
        var x = Check.F32([-1, 0, 2]);
        var t = Check.F32([0, 1, 1]);
        Check.Close([0.3777789771556854], F.BinaryCrossEntropyWithLogits(x, t));
        Check.Close([0.3132617473602295, 0.6931471824645996, 0.12692801654338837], new BCEWithLogitsLoss(Reduction.None).Forward(x, t));
        Check.Close([100.0, 100.0], F.BinaryCrossEntropyWithLogits(Check.F32([-100, 100]), Check.F32([1, 0]), Reduction.None));
        Assert.Equal("BinaryCrossEntropyWithLogitsBackward0", F.BinaryCrossEntropyWithLogits(x.Clone().RequiresGrad_(), t).GradFn!.Name);
    }

    [Fact]
    public void MseAndL1MatchPyTorch()
    {
        var a = Check.F32([1, 2, 3]);
        var b = Check.F32([1.5f, 2, 0]);
        Check.Close([3.0833332538604736], F.MseLoss(a, b));
        Check.Close([3.0833332538604736], new MSELoss().Forward(a, b));
        Check.Close([9.25], F.MseLoss(a, b, Reduction.Sum));
        Check.Close([0.25, 0, 9], F.MseLoss(a, b, Reduction.None));
        Check.Close([1.1666666269302368], F.L1Loss(a, b));
        Check.Close([3.5], new L1Loss(Reduction.Sum).Forward(a, b));

        var x = Check.F32([1, 2, 3]).RequiresGrad_();
        foreach (var r in new[] { Reduction.Mean, Reduction.Sum, Reduction.None })
            Assert.Equal("MseLossBackward0", F.MseLoss(x, b, r).GradFn!.Name);
        Assert.Equal("MeanBackward0", F.L1Loss(x, b).GradFn!.Name);
        F.L1Loss(Check.F32([-1, 0, 1]).RequiresGrad_() is var y ? y : y, Tensor.Zeros([3]), Reduction.Sum).Backward();
        Check.Close([-1, 0, 1], y.Grad!);
        F.MseLoss(x, b).Backward();
        Check.Close([2 * -0.5 / 3, 0, 2 * 3.0 / 3], x.Grad!);
    }

    [Fact]
    public void LossModulesNeedATarget()
    {
        Assert.Throws<NotSupportedException>(() => new MSELoss().Forward(Tensor.Zeros([1])));
        Assert.Equal(Reduction.Sum, new CrossEntropyLoss(Reduction.Sum, ignoreIndex: 3, labelSmoothing: 0.2).Reduction);
    }
}
