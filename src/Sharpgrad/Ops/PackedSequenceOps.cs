namespace Sharpgrad.Ops;

/// <summary>_pack_padded_sequence: the running rows of every time step of a padded batch, concatenated.</summary>
internal static class PackedSequenceOps
{
    /// <summary>
    /// Packs <paramref name="input"/> ([T, B, *], or [B, T, *] with <paramref name="batchFirst"/>) whose sequences have
    /// the decreasing <paramref name="lengths"/>; returns the data ([sum of lengths, *]; PackPaddedSequenceBackward0)
    /// and the Int64 batch sizes per step. PyTorch: torch._pack_padded_sequence.
    /// </summary>
    public static (Tensor Data, Tensor BatchSizes) Pack(Tensor input, long[] lengths, bool batchFirst)
    {
        input.ThrowIfDisposed();
        var x = batchFirst ? input.Transpose(0, 1) : input;
        if (x.NumElements == 0) throw new ArgumentException("Cannot pack empty tensors.");
        int batch = x.Shape[1];
        if (lengths.Length != batch)
            throw new ArgumentException($"Expected `len(lengths)` to be equal to batch_size, but got {lengths.Length} (batch_size={batch})");
        if (lengths[batch - 1] <= 0)
            throw new ArgumentException("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
        for (int i = 0; i < batch - 1; i++)
            if (lengths[batch - 1 - i] > lengths[batch - 2 - i])
                throw new ArgumentException("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` " +
                    "to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.");
        var sizes = new long[lengths[0]];
        for (int t = 0; t < sizes.Length; t++)
            for (int b = 0; b < batch && lengths[b] > t; b++) sizes[t]++;
        Tensor data;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var steps = new Tensor[sizes.Length];
            for (int t = 0; t < steps.Length; t++) steps[t] = x.Select(0, t).Narrow(0, 0, sizes[t]);
            data = Tensor.Cat(steps).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input)) Record.SetHistory(data, Record.Connect(new PackPaddedSequenceBackward0(input.Shape.ToArray(), sizes, batchFirst), input));
        return (data, Tensor.FromArray(sizes));
    }

    /// <summary>
    /// The gradient of <see cref="Pack"/>: each step's rows copied back into zeros of the input's shape (recorded, so
    /// it can be differentiated again). PyTorch: torch._pack_padded_sequence_backward.
    /// </summary>
    public static Tensor Unpack(Tensor grad, int[] inputShape, long[] sizes, bool batchFirst)
    {
        int[] shape = (int[])inputShape.Clone();
        if (batchFirst) (shape[0], shape[1]) = (shape[1], shape[0]);
        var result = Tensor.Zeros(shape, grad.DType);
        long offset = 0;
        for (int t = 0; t < sizes.Length; t++)
        {
            result.Select(0, t).Narrow(0, 0, sizes[t]).Copy_(grad.Narrow(0, offset, sizes[t]));
            offset += sizes[t];
        }
        return batchFirst ? result.Transpose(0, 1) : result;
    }
}

/// <summary>_pack_padded_sequence: the packed rows scattered back into a zero padded batch.</summary>
internal sealed class PackPaddedSequenceBackward0(int[] inputShape, long[] sizes, bool batchFirst) : Node
{
    public override string Name => nameof(PackPaddedSequenceBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [PackedSequenceOps.Unpack(grad, inputShape, sizes, batchFirst)];
}
