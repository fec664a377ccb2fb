using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>constant_pad_nd: pads (or, with negative amounts, crops) the last dims with a constant.</summary>
internal static class PadOps
{
    /// <summary>
    /// <paramref name="pad"/> lists (left, right) amounts from the last dim backwards, as F.pad does.
    /// ConstantPadNdBackward0.
    /// </summary>
    public static Tensor ConstantPad(Tensor x, int[] pad, double value)
    {
        x.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(pad);
        if (pad.Length % 2 != 0) throw new InvalidOperationException("Padding length must be divisible by 2");
        if (pad.Length / 2 > x.Dim)
            throw new InvalidOperationException($"Padding length should be less than or equal to two times the input dimension but got padding length {pad.Length} and input of dimension {x.Dim}");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // Negative amounts crop first (PyTorch narrows), then the rest is padded.
            var cropped = x;
            for (int i = 0; i < pad.Length / 2; i++)
            {
                int d = x.Dim - 1 - i, left = pad[2 * i], right = pad[2 * i + 1];
                if (left < 0) cropped = Narrowed(cropped, d, -left, cropped.Sizes[d] + left);
                if (right < 0) cropped = Narrowed(cropped, d, 0, cropped.Sizes[d] + right);
            }
            var shape = (int[])cropped.Sizes.Clone();
            for (int i = 0; i < pad.Length / 2; i++)
            {
                int d = x.Dim - 1 - i;
                shape[d] += Math.Max(pad[2 * i], 0) + Math.Max(pad[2 * i + 1], 0);
            }
            var output = Tensor.Full(shape, value, x.DType);
            var inner = output;
            for (int i = 0; i < pad.Length / 2; i++)
            {
                int d = x.Dim - 1 - i;
                inner = inner.Narrow(d, Math.Max(pad[2 * i], 0), cropped.Sizes[d]);
            }
            inner.Copy_(cropped);
            y = output.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new ConstantPadNdBackward0(pad), x));
        return y;
    }

    /// <summary>
    /// reflect / replicate padding of the last pad.Length/2 dims (1 to 3) of a batched or unbatched input: each output
    /// position reads a mirrored (excluding the edge) or clamped input position. ReflectionPad{k}DBackward0 /
    /// ReplicationPad{k}DBackward0.
    /// </summary>
    public static Tensor IndexPad(Tensor x, int[] pad, bool reflect)
    {
        x.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(pad);
        if (pad.Length % 2 != 0) throw new InvalidOperationException("Padding length must be divisible by 2");
        int k = CheckNonConstantPad(x, pad);
        var plan = new List<(int Dim, long[] Index, int Size)>();
        for (int i = 0; i < k; i++)
        {
            int d = x.Dim - 1 - i, size = x.Shape[d], left = pad[2 * i], right = pad[2 * i + 1];
            if (reflect && (left >= size || right >= size || left < 0 || right < 0))
                throw new InvalidOperationException($"Argument #4: Padding size should be less than the corresponding input dimension, but got: padding ({left}, {right}) at dimension {d} of input {Errors.Shape(x.Sizes)}");
            if (!reflect && (left < 0 || right < 0 || size == 0))
                throw new InvalidOperationException($"Argument #4: Padding size should be non-negative and the input dimension {d} non-empty, but got: padding ({left}, {right}) at dimension {d} of input {Errors.Shape(x.Sizes)}");
            var index = new long[size + left + right];
            for (int j = 0; j < index.Length; j++)
            {
                int src = j - left;
                index[j] = reflect
                    ? (src < 0 ? -src : src >= size ? 2 * (size - 1) - src : src)
                    : Math.Clamp(src, 0, size - 1);
            }
            plan.Add((d, index, size));
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var r = x;
            foreach (var (d, index, _) in plan) r = r.IndexSelect(d, Tensor.FromArray(index));
            y = r.Contiguous().MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
            Record.SetHistory(y, Record.Connect(new IndexPadBackward($"{(reflect ? "Reflection" : "Replication")}Pad{k}DBackward0", plan), x));
        return y;
    }

    /// <summary>The checks F.pad makes for every non-constant mode; returns the number of padded dimensions.</summary>
    private static int CheckNonConstantPad(Tensor x, int[] pad)
    {
        int k = pad.Length / 2;
        if (k is < 1 or > 3 || x.Dim < 2 || x.Dim > 5 || (x.Dim - 2 != k && x.Dim - 1 != k))
            throw new InvalidOperationException("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        return k;
    }

    /// <summary>
    /// Circular padding, composed the way PyTorch composes it (_pad_circular): the input is copied into the
    /// middle of a fresh tensor, then each padded dimension's ends are copied from the opposite side of it.
    /// Every step is a copy into a slice, so the graph is CopySlices, as in PyTorch.
    /// </summary>
    public static Tensor CircularPad(Tensor x, int[] pad)
    {
        x.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(pad);
        if (pad.Length % 2 != 0) throw new InvalidOperationException("Padding length must be divisible by 2");
        int k = CheckNonConstantPad(x, pad);
        int kept = x.Dim - k;
        var outShape = x.Shape.ToArray();
        for (int i = 0; i < k; i++)
        {
            int d = kept + i, size = x.Shape[d], left = pad[2 * (k - i - 1)], right = pad[2 * (k - i - 1) + 1];
            if (left > size || right > size) throw new InvalidOperationException("Padding value causes wrapping around more than once.");
            outShape[d] = size + left + right;
            if (outShape[d] < 0) throw new InvalidOperationException("Negative padding value is resulting in an empty dimension");
        }
        var y = Tensor.Empty(x.DType, outShape);
        Tensor outSlice = y, inSlice = x;
        for (int i = 0; i < k; i++)
        {
            int d = x.Dim - 1 - i, left = pad[2 * i], right = pad[2 * i + 1];
            outSlice = outSlice.Slice(d, Math.Max(left, 0), outShape[d] - Math.Max(right, 0));
            inSlice = inSlice.Slice(d, Math.Max(-left, 0), x.Shape[d] - Math.Max(-right, 0));
        }
        outSlice.Copy_(inSlice);
        for (int i = 0; i < k; i++)
        {
            int d = x.Dim - 1 - i, left = pad[2 * i], right = pad[2 * i + 1], size = outShape[d];
            if (left > 0) y.Slice(d, 0, left).Copy_(y.Slice(d, size - left - Math.Max(right, 0), size - Math.Max(right, 0)));
            if (right > 0) y.Slice(d, size - right, size).Copy_(y.Slice(d, Math.Max(left, 0), Math.Max(left, 0) + right));
        }
        return y;
    }

    private static Tensor Narrowed(Tensor t, int dim, int start, int length)
    {
        if (length < 0) throw new InvalidOperationException("narrow(): length must be non-negative.");
        return t.Narrow(dim, start, length);
    }
}

/// <summary>constant_pad_nd: the gradient cropped back (padding with the negated amounts).</summary>
internal sealed class ConstantPadNdBackward0(int[] pad) : Node
{
    public override string Name => nameof(ConstantPadNdBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [PadOps.ConstantPad(grad, pad.Select(p => -p).ToArray(), 0)];
}

/// <summary>reflect/replicate pad: each output position's gradient added back to the input position it read.</summary>
internal sealed class IndexPadBackward(string name, List<(int Dim, long[] Index, int Size)> plan) : Node
{
    public override string Name => name;

    internal override Tensor?[] Apply(Tensor grad)
    {
        var g = grad;
        for (int i = plan.Count - 1; i >= 0; i--)
        {
            var (d, index, size) = plan[i];
            var shape = g.Shape.ToArray();
            shape[d] = size;
            g = Tensor.Zeros(shape, g.DType).IndexAdd(d, Tensor.FromArray(index), g);
        }
        return [g];
    }
}
