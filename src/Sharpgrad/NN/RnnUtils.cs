using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Padding and packing batches of variable-length sequences for the recurrent layers (which take a
/// <see cref="PackedSequence"/> and skip the padding). PyTorch: torch.nn.utils.rnn.
/// </summary>
public static class RnnUtils
{
    /// <summary>
    /// Stacks <paramref name="sequences"/> (each [Lᵢ, *], the same trailing sizes) into one padded batch [max L, B, *]
    /// (or [B, max L, *] with <paramref name="batchFirst"/>), filled with <paramref name="paddingValue"/> after each
    /// sequence ("right") or before it ("left"). Recorded as PyTorch composes it (CopySlices).
    /// PyTorch: torch.nn.utils.rnn.pad_sequence.
    /// </summary>
    public static Tensor PadSequence(IReadOnlyList<Tensor> sequences, bool batchFirst = false, double paddingValue = 0, string paddingSide = "right")
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(paddingSide);
        if (sequences.Count == 0) throw new ArgumentException("received an empty list of sequences");
        var first = sequences[0];
        int maxLen = 0;
        foreach (var s in sequences) maxLen = Math.Max(maxLen, s.Shape[0]);
        int[] shape = [.. batchFirst ? new[] { sequences.Count, maxLen } : [maxLen, sequences.Count], .. first.Shape.ToArray()[1..]];
        var output = Tensor.Full(shape, paddingValue, first.DType);
        if (paddingSide is not ("left" or "right"))
            throw new ArgumentException($"Expected padding_side to be one of left or right, but got {paddingSide}.");
        for (int i = 0; i < sequences.Count; i++)
        {
            int length = sequences[i].Shape[0], start = paddingSide == "left" ? maxLen - length : 0;
            var slot = batchFirst ? output.Select(0, i).Narrow(0, start, length) : output.Narrow(0, start, length).Select(1, i);
            slot.Copy_(sequences[i]);
        }
        return output;
    }

    /// <summary>
    /// Packs a padded batch <paramref name="input"/> ([T, B, *], or [B, T, *] with <paramref name="batchFirst"/>) whose
    /// sequences have <paramref name="lengths"/>. With <paramref name="enforceSorted"/> the lengths must be
    /// decreasing; otherwise the batch is sorted by decreasing length first (stable) and the permutation kept in the
    /// result. The data is recorded (PackPaddedSequenceBackward0, over IndexSelectBackward0 when sorted here).
    /// PyTorch: torch.nn.utils.rnn.pack_padded_sequence.
    /// </summary>
    public static PackedSequence PackPaddedSequence(Tensor input, long[] lengths, bool batchFirst = false, bool enforceSorted = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lengths);
        if (enforceSorted)
        {
            var (data, sizes) = PackedSequenceOps.Pack(input, lengths, batchFirst);
            return new PackedSequence(data, sizes);
        }
        // torch.sort(lengths, descending=True), so a batch with equal lengths is permuted as PyTorch permutes it.
        var sortedLengths = (long[])lengths.Clone();
        var order = new long[lengths.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        StdSort<long, DescendingNaNFirst<long>>.Sort(sortedLengths, order, 0, order.Length);
        var sorted = Tensor.FromArray(order);
        var (packed, batchSizes) = PackedSequenceOps.Pack(input.IndexSelect(batchFirst ? 0 : 1, sorted), sortedLengths, batchFirst);
        var inverse = new long[order.Length];
        for (int i = 0; i < order.Length; i++) inverse[order[i]] = i;
        return new PackedSequence(packed, batchSizes, sorted, Tensor.FromArray(inverse));
    }

    /// <summary>
    /// <see cref="PackPaddedSequence(Tensor, long[], bool, bool)"/> with the lengths given as a 1-D integer tensor.
    /// </summary>
    public static PackedSequence PackPaddedSequence(Tensor input, Tensor lengths, bool batchFirst = false, bool enforceSorted = true)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        return PackPaddedSequence(input, lengths.To(DType.Int64).Contiguous().ToArray<long>(), batchFirst, enforceSorted);
    }

    /// <summary>
    /// Unpacks <paramref name="sequence"/> into a padded batch [T, B, *] (or [B, T, *] with <paramref name="batchFirst"/>)
    /// in the caller's original order, T the longest length or <paramref name="totalLength"/>, padded with
    /// <paramref name="paddingValue"/>; also returns the Int64 lengths. Recorded as PyTorch composes it (CopySlices,
    /// then TransposeBackward0 with batch_first, then IndexSelectBackward0 when the batch was sorted on packing).
    /// PyTorch: torch.nn.utils.rnn.pad_packed_sequence.
    /// </summary>
    public static (Tensor Padded, Tensor Lengths) PadPackedSequence(PackedSequence sequence, bool batchFirst = false, double paddingValue = 0, int? totalLength = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var sizes = sequence.Steps;
        int steps = sizes.Length;
        if (totalLength is { } total)
        {
            if (total < steps)
                throw new ArgumentException($"Expected total_length to be at least the length of the longest sequence in input, but got total_length={total} and max sequence length being {steps}");
            steps = total;
        }
        var data = sequence.Data;
        int batch = (int)sizes[0];
        var output = Tensor.Full([steps, batch, .. data.Shape.ToArray()[1..]], paddingValue, data.DType);
        var lengths = new long[batch];
        long offset = 0;
        for (int t = 0; t < sizes.Length; t++)
        {
            output.Select(0, t).Narrow(0, 0, sizes[t]).Copy_(data.Narrow(0, offset, sizes[t]));
            offset += sizes[t];
            for (int b = 0; b < sizes[t]; b++) lengths[b]++;
        }
        if (batchFirst) output = output.Transpose(0, 1);
        var lengthsTensor = Tensor.FromArray(lengths);
        if (sequence.UnsortedIndices is not { } unsorted) return (output, lengthsTensor);
        return (output.IndexSelect(batchFirst ? 0 : 1, unsorted), lengthsTensor.IndexSelect(0, unsorted));
    }

    /// <summary>
    /// Packs <paramref name="sequences"/> (each [Lᵢ, *]): <see cref="PadSequence"/> then
    /// <see cref="PackPaddedSequence(Tensor, long[], bool, bool)"/>. PyTorch: torch.nn.utils.rnn.pack_sequence.
    /// </summary>
    public static PackedSequence PackSequence(IReadOnlyList<Tensor> sequences, bool enforceSorted = true)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var lengths = new long[sequences.Count];
        for (int i = 0; i < lengths.Length; i++) lengths[i] = sequences[i].Shape[0];
        return PackPaddedSequence(PadSequence(sequences), lengths, enforceSorted: enforceSorted);
    }
}
