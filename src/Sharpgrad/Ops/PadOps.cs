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
