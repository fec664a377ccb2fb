using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Ops;

/// <summary>_ctc_loss: the connectionist temporal classification loss of each sample, unreduced (CtcLossBackward0).</summary>
internal static class CtcLossOps
{
    /// <summary>ATen's name for the checks, as its messages quote it.</summary>
    private const string Checked = "ctc_loss_allocate_outputs";

    /// <summary>
    /// The negative log-likelihood [N] of each sample's Int64 targets under [T, N, C] log-probabilities, summed over all
    /// alignments by the alpha recursion; infinite where no alignment fits. <paramref name="zeroInfinity"/> zeroes the
    /// gradient of such samples. CtcLossBackward0.
    /// </summary>
    public static Tensor CtcLoss(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, int blank, bool zeroInfinity)
    {
        OpHelpers.CheckSameDevice(logProbs, targets);
        if (!logProbs.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("ctc_loss_cpu", logProbs.DType);
        var g = Plan(logProbs, targets, inputLengths, targetLengths, blank);
        var lp = OpHelpers.ContiguousRaw(logProbs);
        var alpha = Tensor.Empty(logProbs.DType, [g.Batch, g.Time, g.States]);
        var nll = Tensor.Empty(logProbs.DType, [g.Batch]);
        Dispatch.CtcLoss(lp.Strided, g, alpha.Strided, nll.Strided);
        if (!ReferenceEquals(lp, logProbs)) lp.Dispose();
        if (Record.ShouldRecord(logProbs))
        {
            var node = Record.Connect(new CtcLossBackward0(g, zeroInfinity), logProbs);
            node.LogProbs = SavedTensor.Input(logProbs);
            node.LogAlpha = SavedTensor.Input(alpha);
            Record.SetHistory(nll, node);
            node.NegLogLikelihood = SavedTensor.Output(nll, node);
        }
        alpha.Dispose(); // a saved slot holds its own reference
        return nll;
    }

    /// <summary>
    /// ATen's checks in its order, then each sample's targets gathered (padded [N, S] rows, or the concatenation of
    /// all of them); a used target must be a class index (ATen reads past the class row unchecked).
    /// </summary>
    private static CtcGeometry Plan(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, int blank)
    {
        if (logProbs.Dim != 3)
            throw new ArgumentException($"Expected 3-dimensional tensor, but got {logProbs.Dim}-dimensional tensor for argument #1 'log_probs' (while checking arguments for {Checked})");
        if (targets.Dim is not (1 or 2))
            throw new ArgumentException($"Expected 1 to 2 dimensions, but got {targets.Dim}-dimensional tensor for argument #2 'targets' (while checking arguments for {Checked})");
        int time = logProbs.Sizes[0], batch = logProbs.Sizes[1], classes = logProbs.Sizes[2];
        if (blank < 0 || blank >= classes) throw new ArgumentException("blank must be in label range");
        if (inputLengths.Length != batch) throw new ArgumentException("input_lengths must be of size batch_size");
        if (targetLengths.Length != batch) throw new ArgumentException("target_lengths must be of size batch_size");
        long total = 0, maxTarget = 0;
        foreach (long l in targetLengths)
        {
            CheckAtLeastZero(l, "target_lengths");
            total += l;
            maxTarget = Math.Max(maxTarget, l);
        }
        bool padded = targets.Dim == 2;
        CheckTargetsSize(targets, padded ? batch : total);
        if (padded && targets.Sizes[1] < maxTarget)
            throw new ArgumentException($"Expected tensor to have size at least {maxTarget} at dimension 1, but got size {targets.Sizes[1]} for argument #2 'targets' (while checking arguments for {Checked})");
        var il = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            CheckAtLeastZero(inputLengths[b], "input_lengths");
            if (inputLengths[b] > time)
                throw new ArgumentException($"Expected input_lengths to have value at most {time}, but got value {inputLengths[b]} (while checking arguments for {Checked})");
            il[b] = (int)inputLengths[b];
        }
        if (time == 0) throw Errors.NarrowRange(0, 1, 0); // ATen's log_alpha.narrow(1, 0, 1)
        var tl = new int[batch];
        var offsets = new int[batch];
        var gathered = new long[total];
        var src = OpHelpers.ContiguousRaw(targets);
        var data = src.Elements<long>();
        int pos = 0, row = padded ? targets.Sizes[1] : 0;
        for (int b = 0; b < batch; b++)
        {
            tl[b] = (int)targetLengths[b];
            offsets[b] = pos;
            int from = src.Offset + (padded ? b * row : pos);
            for (int k = 0; k < tl[b]; k++)
            {
                long v = data[from + k];
                if (v < 0 || v >= classes) throw new ArgumentOutOfRangeException(nameof(targets), $"Target {v} is out of bounds.");
                gathered[pos + k] = v;
            }
            pos += tl[b];
        }
        if (!ReferenceEquals(src, targets)) src.Dispose();
        return new CtcGeometry(time, batch, classes, blank, (int)(2 * maxTarget + 1), il, tl, gathered, offsets);
    }

    private static void CheckAtLeastZero(long value, string name)
    {
        if (value < 0)
            throw new ArgumentException($"Expected {name} to have value at least 0, but got value {value} (while checking arguments for {Checked})");
    }

    /// <summary>ATen's checkSize on the targets' first dimension.</summary>
    private static void CheckTargetsSize(Tensor targets, long expected)
    {
        if (targets.Sizes[0] != expected)
            throw new ArgumentException($"Expected tensor to have size {expected} at dimension 0, but got size {targets.Sizes[0]} for argument #2 'targets' (while checking arguments for {Checked})");
    }
}

/// <summary>
/// _ctc_loss: log_probs: _ctc_loss_backward, ATen's CPU beta recursion, (e^lp - e^(log Σ alpha·beta + nll - lp))·grad;
/// the result has no derivative of its own (torch::autograd::NotImplemented under create_graph).
/// </summary>
internal sealed class CtcLossBackward0(CtcGeometry geometry, bool zeroInfinity) : Node
{
    /// <summary>The [T, N, C] log-probabilities, the per-sample losses [N] (result0) and log alpha [N, T, 2·max target length + 1] (result1).</summary>
    internal SavedTensor? LogProbs, NegLogLikelihood, LogAlpha;

    public override string Name => nameof(CtcLossBackward0);

    internal override IEnumerable<SavedTensor> Saved => new[] { LogProbs, NegLogLikelihood, LogAlpha }.OfType<SavedTensor>();

    internal override Tensor?[] Apply(Tensor grad)
    {
        var self = LogProbs!.Unpack();
        var lp = OpHelpers.ContiguousRaw(self);
        var g = OpHelpers.ContiguousRaw(grad);
        var gi = Tensor.Empty(self.DType, self.Sizes);
        Dispatch.CtcLossBackward(g.Strided, lp.Strided, geometry, LogAlpha!.Unpack().Strided, NegLogLikelihood!.Unpack().Strided, zeroInfinity, gi.Strided);
        if (!ReferenceEquals(lp, self)) lp.Dispose();
        if (!ReferenceEquals(g, grad)) g.Dispose();
        if (Record.ShouldRecordBackward(grad, Edges[0]))
            Record.SetHistory(gi, new NotImplementedBackward("aten::_ctc_loss_backward") { Edges = [grad.GradientEdge(), Edges[0]] });
        return [gi];
    }
}
