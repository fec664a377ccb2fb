using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;
using static Sharpgrad.Tests.NN.CtcLossFacts;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// F.ctc_loss and nn.CTCLoss against PyTorch 2.6 (<see cref="CtcLossFacts"/>): values, log_probs gradients, node names,
/// zero_infinity, padded, concatenated and unbatched targets, GradCheck through log_softmax, and ATen's messages.
/// </summary>
public class CtcLossTests
{
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    /// <summary>The oracle's log-probabilities: log_softmax over the classes of cos(0.7·i)·2 as [5, 2, 4].</summary>
    private static Tensor LogProbs() => F.LogSoftmax(Check.Det([5, 2, 4], 0.7, 2), 2);

    private static Tensor Leaf() => LogProbs().RequiresGrad_();

    private static Tensor Padded => Tensor.FromArray(new long[] { 1, 2, 2, 3, 1, 0 }, [2, 3]);

    /// <summary>Like <see cref="Check.Close(double[], Tensor, double)"/> to 1e-12, with infinities compared exactly.</summary>
    private static void Same(double[] expected, Tensor actual)
    {
        var a = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            if (double.IsInfinity(expected[i])) Assert.Equal(expected[i], a[i]);
            else Check.Close(expected[i], a[i], 1e-12);
    }

    /// <summary>The loss of <paramref name="f"/> on a fresh leaf, checked with its node name, and the leaf's gradient after loss.Sum().Backward().</summary>
    private static Tensor Run(Func<Tensor, Tensor> f, string node, double[] loss)
    {
        var x = Leaf();
        var y = f(x);
        Assert.Equal(node, y.GradFn!.Name);
        Same(loss, y);
        y.Sum().Backward();
        return x.Grad!;
    }

    [Fact]
    public void PaddedAndConcatenatedTargetsMatchPyTorch()
    {
        var il = Check.I64(5, 4);
        var tl = Check.I64(3, 2);
        Same(NoneGrad, Run(x => F.CtcLoss(x, Padded, il, tl, reduction: Reduction.None), "CtcLossBackward0", NoneLoss));
        Same(NoneGrad, Run(x => F.CtcLoss(x, Check.I64(1, 2, 2, 3, 1), il, tl, reduction: Reduction.None), "CtcLossBackward0", NoneLoss));
        Same(NoneGrad, Run(x => F.CtcLoss(x, Padded, [5, 4], [3, 2], reduction: Reduction.None), "CtcLossBackward0", NoneLoss));
        Same(NoneGrad, Run(x => F.CtcLoss(x, Padded, il, tl, reduction: Reduction.Sum), "SumBackward0", SumLoss));
        // strided log-probabilities and targets read as their contiguous copies
        var strided = LogProbs().Transpose(0, 1).Contiguous().Transpose(0, 1).RequiresGrad_();
        var y = F.CtcLoss(strided, Padded.T.Contiguous().T, il, tl, reduction: Reduction.None);
        Same(NoneLoss, y);
        y.Sum().Backward();
        Same(NoneGrad, strided.Grad!);
        // targets of another dtype are taken as Int64; lengths of any shape are read flat
        Same(NoneLoss, F.CtcLoss(LogProbs(), Padded.To(DType.Float64), il.View(1, 2), tl, reduction: Reduction.None));
    }

    [Fact]
    public void MeanDividesEachLossByItsTargetLengthAtLeastOne()
    {
        var loss = F.CtcLoss(Leaf(), Padded, Check.I64(5, 3), Check.I64(2, 0), blank: 3);
        Assert.Equal("MeanBackward0", loss.GradFn!.Name);
        Assert.Equal("DivBackward0", loss.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("CtcLossBackward0", loss.GradFn.NextFunctions[0].Node!.NextFunctions[0].Node!.Name);
        Same(MeanGrad, Run(x => F.CtcLoss(x, Padded, Check.I64(5, 3), Check.I64(2, 0), blank: 3), "MeanBackward0", MeanLoss));
    }

    [Fact]
    public void UnbatchedInputSqueezesTheBatch()
    {
        Tensor Unbatched(Tensor x, bool asTensors) => asTensors
            ? F.CtcLoss(x.Select(1, 1), Check.I64(3, 1), Tensor.Scalar(4, DType.Int64), Tensor.Scalar(2, DType.Int64), reduction: Reduction.None)
            : F.CtcLoss(x.Select(1, 1), Check.I64(3, 1), [4], [2], reduction: Reduction.None);
        foreach (bool asTensors in new[] { true, false })
        {
            var x = Leaf();
            var y = Unbatched(x, asTensors);
            Assert.Empty(y.Shape);
            Assert.Equal("SqueezeBackward1", y.GradFn!.Name);
            Check.Close(NoneLoss[1], y.Item<double>(), 1e-12);
            y.Backward();
            Same(SampleOneGrad, x.Grad!);
        }
        Assert.Empty(F.CtcLoss(LogProbs().Select(1, 1), Check.I64(3, 1), [4], [2]).Shape);
    }

    [Fact]
    public void ATargetTooLongForItsInputCostsInfinityUnlessZeroed()
    {
        var il = Check.I64(2, 4);
        var tl = Check.I64(3, 2);
        var grad = Run(x => F.CtcLoss(x, Padded, il, tl, reduction: Reduction.None), "CtcLossBackward0", [double.PositiveInfinity, NoneLoss[1]]);
        // sample 0's gradient is NaN over its two frames (inf - inf), 0 beyond them
        var g = grad.Contiguous().ToArray<double>();
        for (int i = 0; i < g.Length; i++)
            if (i % 8 < 4 && i < 16) Assert.True(double.IsNaN(g[i]), $"entry {i}: {g[i]}");
            else Check.Close(SampleOneGrad[i], g[i], 1e-12);
        Same(SampleOneGrad, Run(x => F.CtcLoss(x, Padded, il, tl, reduction: Reduction.None, zeroInfinity: true), "WhereBackward0", [0, NoneLoss[1]]));
        Same(InfZiMeanGrad, Run(x => F.CtcLoss(x, Padded, il, tl, zeroInfinity: true), "MeanBackward0", InfZiMeanLoss));
        Assert.Equal("CtcLossBackward0", F.CtcLoss(Leaf(), Padded, il, tl, reduction: Reduction.None, zeroInfinity: true).GradFn!.NextFunctions[1].Node!.Name);
    }

    [Fact]
    public void RepeatedLabelsNeedABlankBetween()
    {
        var x = F.LogSoftmax(Check.Det([3, 1, 3], 1.3, 1.5), 2).RequiresGrad_();
        var target = Tensor.FromArray(new long[] { 2, 2 }, [1, 2]);
        var y = F.CtcLoss(x, target, [3], [2], reduction: Reduction.None);
        Same(RepeatLoss, y);
        y.Backward(Tensor.OnesLike(y));
        Same(RepeatGrad, x.Grad!);
        Same([double.PositiveInfinity], F.CtcLoss(x.Detach(), target, [2], [2], reduction: Reduction.None));
    }

    [Fact]
    public void EdgeCasesFollowATen()
    {
        // labels equal to the blank are used as given (the last frame's blank entry is overwritten, as in ATen)
        var blankTargets = Tensor.FromArray(new long[] { 0, 2, 0, 3, 1, 0 }, [2, 3]);
        Same(BlankTargetGrad, Run(x => F.CtcLoss(x, blankTargets, [5, 4], [3, 2], reduction: Reduction.None), "CtcLossBackward0", BlankTargetLoss));
        // no input frames: -0 for an empty target, +inf otherwise, and a zero gradient
        var empty = Run(x => F.CtcLoss(x, Padded, [0, 0], [0, 2], reduction: Reduction.None), "CtcLossBackward0", [0, double.PositiveInfinity]);
        Assert.True(double.IsNegative(F.CtcLoss(LogProbs(), Padded, [0, 0], [0, 2], reduction: Reduction.None).ToArray<double>()[0]));
        Assert.All(empty.ToArray<double>(), v => Assert.Equal(0.0, v));
        // an empty batch: a NaN mean and a zero sum
        var none = LogProbs().Narrow(1, 0, 0);
        var noTargets = Tensor.Zeros([0, 3], DType.Int64);
        Assert.True(double.IsNaN(F.CtcLoss(none, noTargets, Array.Empty<int>(), []).Item<double>()));
        Assert.Equal(0.0, F.CtcLoss(none, noTargets, Array.Empty<int>(), [], reduction: Reduction.Sum).Item<double>());
    }

    [Fact]
    public void Float32ComputesInFloat32()
    {
        // bit for bit: the recursions run in float (expf / logf), as ATen's do
        var x = LogProbs().To(DType.Float32).RequiresGrad_();
        var y = F.CtcLoss(x, Padded, [5, 4], [3, 2]);
        Assert.Equal(DType.Float32, y.DType);
        Check.Close(Float32Loss, y.Item<float>(), 1e-12);
        y.Backward();
        Check.Close(Float32Grad, x.Grad!, 1e-12);
    }

    [Fact]
    public void PassesGradCheckThroughLogSoftmax()
    {
        var logits = Check.Det([5, 2, 4], 0.9, 1.5).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => F.CtcLoss(F.LogSoftmax(t[0], 2), Padded, [5, 3], [3, 1]), [logits]));
        Assert.True(Autograd.GradCheck(t => F.CtcLoss(F.LogSoftmax(t[0], 2), Check.I64(1, 1, 0, 3), [4, 5], [2, 2], blank: 2, reduction: Reduction.Sum), [logits]));
        Assert.True(Autograd.GradCheck(t => F.CtcLoss(F.LogSoftmax(t[0], 2), Padded, [2, 5], [3, 2], zeroInfinity: true), [logits]));
        var single = Check.Det([5, 4], 1.1, 1.5).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => F.CtcLoss(F.LogSoftmax(t[0], 1), Check.I64(1, 2, 2), [5], [3], reduction: Reduction.None), [single]));
    }

    [Fact]
    public void TheBackwardHasNoDerivative()
    {
        var x = Leaf();
        var g = Autograd.Grad([F.CtcLoss(x, Padded, [5, 4], [3, 2])], [x], createGraph: true)[0]!;
        Assert.Equal("torch::autograd::NotImplemented", g.GradFn!.Name);
        Assert.Equal("derivative for aten::_ctc_loss_backward is not implemented", Message<InvalidOperationException>(() => { g.Sum().Backward(); return g; }));
        // the saved log-probabilities, losses and log alpha are freed by a backward that does not retain the graph
        var loss = F.CtcLoss(Leaf(), Padded, [5, 4], [3, 2]);
        loss.Backward();
        Assert.StartsWith("Trying to backward through the graph a second time", Message<InvalidOperationException>(() => { loss.Backward(); return loss; }));
    }

    [Fact]
    public void BadArgumentsThrowAsATen()
    {
        var lp = LogProbs();
        var il = Check.I64(5, 4);
        var tl = Check.I64(3, 2);
        const string In = " (while checking arguments for ctc_loss_allocate_outputs)";
        Assert.Equal("Expected target_lengths to have value at least 0, but got value -1" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il, Check.I64(-1, 2))));
        Assert.Equal("Expected input_lengths to have value at least 0, but got value -1" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded, Check.I64(-1, 4), tl)));
        Assert.Equal("Expected input_lengths to have value at most 5, but got value 6" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded, Check.I64(6, 4), tl)));
        Assert.Equal("Expected tensor to have size at least 4 at dimension 1, but got size 3 for argument #2 'targets'" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il, Check.I64(4, 2))));
        Assert.Equal("Expected tensor to have size 5 at dimension 0, but got size 6 for argument #2 'targets'" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded.Flatten(), il, tl)));
        Assert.Equal("Expected tensor to have size 2 at dimension 0, but got size 1 for argument #2 'targets'" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded.Narrow(0, 0, 1), il, tl)));
        Assert.Equal("Expected 1 to 2 dimensions, but got 3-dimensional tensor for argument #2 'targets'" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Padded.Unsqueeze(0), il, tl)));
        Assert.Equal("Expected 1 to 2 dimensions, but got 0-dimensional tensor for argument #2 'targets'" + In, Message<ArgumentException>(() => F.CtcLoss(lp, Tensor.Scalar(1, DType.Int64), il, tl)));
        Assert.Equal("Expected 3-dimensional tensor, but got 2-dimensional tensor for argument #1 'log_probs'" + In, Message<ArgumentException>(() => F.CtcLoss(lp.Select(1, 0).Select(1, 0), Padded, il, tl)));
        Assert.Equal("Expected 3-dimensional tensor, but got 5-dimensional tensor for argument #1 'log_probs'" + In, Message<ArgumentException>(() => F.CtcLoss(lp.Unsqueeze(0), Padded, il, tl)));
        Assert.Equal("blank must be in label range", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il, tl, blank: 4)));
        Assert.Equal("blank must be in label range", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il, tl, blank: -1)));
        Assert.Equal("input_lengths must be of size batch_size", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, Check.I64(5, 4, 3), tl)));
        Assert.Equal("target_lengths must be of size batch_size", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, [5, 4], [3])));
        Assert.Equal("input_lengths must be integral", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il.To(DType.Float64), tl)));
        Assert.Equal("target_lengths must be integral", Message<ArgumentException>(() => F.CtcLoss(lp, Padded, il, tl.To(DType.Bool))));
        Assert.Equal("\"ctc_loss_cpu\" not implemented for 'Long'", Message<ArgumentException>(() => F.CtcLoss(lp.To(DType.Int64), Padded, il, tl)));
        Assert.Equal("start (0) + length (1) exceeds dimension size (0). (Parameter 'start')", Message<ArgumentOutOfRangeException>(() => F.CtcLoss(lp.Narrow(0, 0, 0), Padded, [0, 0], [0, 1])));
        // ATen reads past the class row for these; here they are refused
        Assert.Equal("Target 7 is out of bounds. (Parameter 'targets')", Message<ArgumentOutOfRangeException>(() => F.CtcLoss(lp, Check.I64(1, 2, 7, 3, 1, 0).View(2, 3), il, tl)));
        Assert.Equal("Target -1 is out of bounds. (Parameter 'targets')", Message<ArgumentOutOfRangeException>(() => F.CtcLoss(lp, Check.I64(1, 2, 2, -1, 1, 0).View(2, 3), il, tl)));
    }

    [Fact]
    public void ModuleMatchesTheFunctional()
    {
        var m = new CTCLoss(blank: 3, reduction: Reduction.Mean);
        Assert.Equal("CTCLoss()", m.ToString());
        Assert.Equal("CTCLoss()", new CTCLoss(2, Reduction.Sum, zeroInfinity: true).ToString());
        Assert.Equal(3, m.Blank);
        Assert.False(m.ZeroInfinity);
        Check.Close(MeanLoss[0], m.Forward(LogProbs(), Padded, Check.I64(5, 3), Check.I64(2, 0)).Item<double>(), 1e-12);
        Check.Close(MeanLoss[0], m.Forward(LogProbs(), Padded, [5, 3], [2, 0]).Item<double>(), 1e-12);
        Same([0, NoneLoss[1]], new CTCLoss(reduction: Reduction.None, zeroInfinity: true).Forward(LogProbs(), Padded, [2, 4], [3, 2]));
        Assert.Throws<NotSupportedException>(() => m.Forward(LogProbs(), Padded));
    }
}
