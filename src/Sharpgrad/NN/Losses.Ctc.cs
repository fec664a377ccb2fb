namespace Sharpgrad.NN;

/// <summary>
/// Connectionist temporal classification loss of log-probabilities against unaligned target sequences. PyTorch:
/// torch.nn.CTCLoss.
/// </summary>
public sealed class CTCLoss(int blank = 0, Reduction reduction = Reduction.Mean, bool zeroInfinity = false) : Loss(reduction)
{
    /// <summary>The blank (separator) class.</summary>
    public int Blank { get; } = blank;

    /// <summary>Whether infinite losses (targets too long for their inputs) and their gradients become 0.</summary>
    public bool ZeroInfinity { get; } = zeroInfinity;

    /// <summary>
    /// The loss of <paramref name="targets"/> (padded [N, S] or concatenated) under <paramref name="logProbs"/> [T, N, C]
    /// (or [T, C]), each sample using its entries of the integral <paramref name="inputLengths"/> and
    /// <paramref name="targetLengths"/>.
    /// </summary>
    public Tensor Forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) =>
        Functional.CtcLoss(logProbs, targets, inputLengths, targetLengths, Blank, Reduction, ZeroInfinity);

    /// <summary>The loss with the lengths as integer lists.</summary>
    public Tensor Forward(Tensor logProbs, Tensor targets, int[] inputLengths, int[] targetLengths) =>
        Functional.CtcLoss(logProbs, targets, inputLengths, targetLengths, Blank, Reduction, ZeroInfinity);

    /// <summary>CTCLoss takes the lengths too: use <see cref="Forward(Tensor, Tensor, Tensor, Tensor)"/>.</summary>
    public override Tensor Forward(Tensor input, Tensor target) =>
        throw new NotSupportedException("CTCLoss takes (log_probs, targets, input_lengths, target_lengths); call Forward with all four.");
}
