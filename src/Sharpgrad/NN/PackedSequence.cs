namespace Sharpgrad.NN;

/// <summary>
/// A batch of variable-length sequences packed time step by time step: <see cref="Data"/> holds step 0 of every
/// sequence, then step 1 of those still running, and so on ([sum of lengths, *features]); <see cref="BatchSizes"/>
/// (Int64) counts the sequences running at each step. The batch is ordered by decreasing length; when the caller's
/// order differed, <see cref="SortedIndices"/> maps packed positions to the caller's and <see cref="UnsortedIndices"/>
/// is its inverse (both null when the input was already sorted). PyTorch: torch.nn.utils.rnn.PackedSequence.
/// </summary>
public sealed record PackedSequence(Tensor Data, Tensor BatchSizes, Tensor? SortedIndices = null, Tensor? UnsortedIndices = null)
{
    /// <summary>The batch sizes as an array (one entry per time step).</summary>
    internal long[] Steps => BatchSizes.To(DType.Int64).Contiguous().ToArray<long>();
}
