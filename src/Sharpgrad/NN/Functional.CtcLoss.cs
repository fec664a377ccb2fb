using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Connectionist temporal classification loss: the negative log-likelihood of each sample's target sequence summed
    /// over all its alignments to the input frames, with <paramref name="blank"/> as the separator class.
    /// <paramref name="logProbs"/> is [T, N, C] (or unbatched [T, C]) log-probabilities, e.g. from LogSoftmax over C;
    /// <paramref name="targets"/> holds class indices padded as [N, S] or concatenated as [Σ target lengths] (any dtype,
    /// taken as Int64); the integral length tensors hold one entry per sample. A target that cannot fit its input length
    /// costs +inf, which <paramref name="zeroInfinity"/> turns into 0 with a zero gradient. 'mean' divides each loss by
    /// its target length (at least 1) and then averages (CtcLossBackward0, then WhereBackward0 under zero_infinity,
    /// DivBackward0 and MeanBackward0, SumBackward0, or SqueezeBackward1 when unbatched). PyTorch: F.ctc_loss.
    /// </summary>
    /// <remarks>A target used by its length must lie in [0, C): ATen reads past the class row unchecked, this throws.</remarks>
    public static Tensor CtcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths, int blank = 0, Reduction reduction = Reduction.Mean, bool zeroInfinity = false)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(inputLengths);
        ArgumentNullException.ThrowIfNull(targetLengths);
        if (!inputLengths.DType.IsIntegral()) throw new ArgumentException("input_lengths must be integral");
        if (!targetLengths.DType.IsIntegral()) throw new ArgumentException("target_lengths must be integral");
        return CtcLossCore(logProbs, targets, inputLengths.Contiguous().ToArray<long>(), targetLengths.Contiguous().ToArray<long>(), blank, reduction, zeroInfinity);
    }

    /// <summary>F.ctc_loss with the lengths as integer lists (PyTorch's tuple-of-ints overload).</summary>
    public static Tensor CtcLoss(Tensor logProbs, Tensor targets, int[] inputLengths, int[] targetLengths, int blank = 0, Reduction reduction = Reduction.Mean, bool zeroInfinity = false)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(inputLengths);
        ArgumentNullException.ThrowIfNull(targetLengths);
        return CtcLossCore(logProbs, targets, Array.ConvertAll(inputLengths, l => (long)l), Array.ConvertAll(targetLengths, l => (long)l), blank, reduction, zeroInfinity);
    }

    /// <summary>ATen's ctc_loss_impl: unsqueeze an unbatched input, _ctc_loss, zero the infinities, reduce.</summary>
    private static Tensor CtcLossCore(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, int blank, Reduction reduction, bool zeroInfinity)
    {
        bool batched = logProbs.Dim == 3;
        var lp = batched ? logProbs : logProbs.Unsqueeze(1);
        var loss = CtcLossOps.CtcLoss(lp, targets.DType == DType.Int64 ? targets : targets.To(DType.Int64), inputLengths, targetLengths, blank, zeroInfinity);
        if (zeroInfinity) loss = Tensor.Where(loss.Eq(double.PositiveInfinity), Tensor.Zeros([], loss.DType), loss);
        switch (reduction)
        {
            case Reduction.Mean:
                var lengths = Tensor.FromArray(Array.ConvertAll(targetLengths, l => (double)l)).To(loss.DType).Clamp(min: 1);
                return (loss / lengths).Mean();
            case Reduction.Sum:
                return loss.Sum();
            default:
                return batched ? loss : loss.Squeeze(0);
        }
    }
}
