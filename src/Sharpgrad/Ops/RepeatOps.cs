using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>repeat_interleave and broadcast_tensors / broadcast_shapes, composed as ATen composes them.</summary>
internal static class RepeatOps
{
    /// <summary>
    /// repeat_interleave with one count: each element (of the flattened input when dim is null) repeated in place:
    /// unsqueeze, expand, a contiguous clone, then the two dims flattened (ViewBackward0).
    /// </summary>
    public static Tensor RepeatInterleave(Tensor self, long repeats, int? dim)
    {
        self.ThrowIfDisposed();
        var input = dim is null ? self.Flatten() : self;
        int d = Layout.WrapDim(dim ?? 0, input.Dim);
        if (repeats < 0) throw new InvalidOperationException("Repeats must be non-negative");
        var expanded = input.Unsqueeze(d + 1);
        var shape = (int[])expanded.Sizes.Clone();
        shape[d + 1] = checked((int)repeats);
        return expanded.Expand(shape).Clone().Flatten(d, d + 1);
    }

    /// <summary>repeat_interleave with a count per slice along dim (or one count for all): index_select with the repeated positions.</summary>
    public static Tensor RepeatInterleave(Tensor self, Tensor repeats, int? dim)
    {
        self.ThrowIfDisposed();
        repeats.ThrowIfDisposed();
        var input = dim is null ? self.Flatten() : self;
        int d = Layout.WrapDim(dim ?? 0, input.Dim);
        Tensor counts;
        if (repeats.Dim == 0 || (repeats.Dim == 1 && repeats.Sizes[0] == 1)) counts = repeats.Reshape(1).Expand(input.Sizes[d]);
        else if (repeats.Dim == 1)
        {
            if (repeats.Sizes[0] != input.Sizes[d])
                throw new ArgumentException($"repeats must have the same size as input along dim, but got repeats.size(0) = {repeats.Sizes[0]} and input.size({d}) = {input.Sizes[d]}");
            counts = repeats;
        }
        else throw new ArgumentException("repeats must be 0-dim or 1-dim tensor");
        return input.IndexSelect(d, Positions(counts));
    }

    /// <summary>repeat_interleave(repeats): position i repeated repeats[i] times (Int64 counts, 1-D).</summary>
    public static Tensor Positions(Tensor repeats)
    {
        repeats.ThrowIfDisposed();
        if (!repeats.DType.IsIndex()) throw Errors.UnsupportedDType("repeat_interleave_cpu", repeats.DType);
        if (repeats.Dim != 1) throw new ArgumentException("repeat_interleave only accept 1D vector as repeat");
        long[] counts;
        using (Autograd.NoGrad()) counts = repeats.Contiguous().ToArray<long>();
        if (counts.Any(c => c < 0)) throw new InvalidOperationException("repeats can not be negative");
        var positions = new long[counts.Sum()];
        int at = 0;
        for (int i = 0; i < counts.Length; i++)
            for (long r = 0; r < counts[i]; r++) positions[at++] = i;
        return Tensor.FromArray(positions);
    }

    /// <summary>broadcast_tensors: each input expanded (a view) to the common shape.</summary>
    public static Tensor[] BroadcastTensors(Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        int[] shape = [];
        foreach (var t in tensors)
        {
            ArgumentNullException.ThrowIfNull(t);
            t.ThrowIfDisposed();
            shape = Layout.Broadcast(shape, t.Sizes);
        }
        return [.. tensors.Select(t => t.Expand(shape))];
    }

    /// <summary>broadcast_shapes: the shape the given shapes broadcast to.</summary>
    public static int[] BroadcastShapes(int[][] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        int[] shape = [];
        try
        {
            foreach (var s in shapes) shape = Layout.Broadcast(shape, s);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("Shape mismatch: objects cannot be broadcast to a single shape");
        }
        return shape;
    }
}
