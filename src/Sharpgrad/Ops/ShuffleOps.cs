namespace Sharpgrad.Ops;

/// <summary>pixel_shuffle / pixel_unshuffle (channel blocks moved to and from the spatial dims) and unflatten.</summary>
internal static class ShuffleOps
{
    /// <summary>
    /// pixel_shuffle: (*, C·r², H, W) -> (*, C, H·r, W·r), out[c, h·r+i, w·r+j] = in[c·r² + i·r + j, h, w].
    /// PixelShuffleBackward0 (its gradient is pixel_unshuffle, recorded).
    /// </summary>
    public static Tensor PixelShuffle(Tensor x, int r)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 3) throw new ArgumentException($"pixel_shuffle expects input to have at least 3 dimensions, but got input with {x.Dim} dimension(s)");
        if (r <= 0) throw new ArgumentException($"pixel_shuffle expects a positive upscale_factor, but got {r}");
        int c = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        if (c % (r * r) != 0)
            throw new ArgumentException($"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)={c} is not divisible by {r * r}");
        var batch = x.Sizes[..^3];
        int b = batch.Aggregate(1, (p, s) => p * s);
        return Shuffled(x, [b, c / (r * r), r, r, h, w], [0, 1, 4, 2, 5, 3], [.. batch, c / (r * r), h * r, w * r], () => new PixelShuffleBackward0(r));
    }

    /// <summary>
    /// pixel_unshuffle: (*, C, H·r, W·r) -> (*, C·r², H, W), the inverse of <see cref="PixelShuffle"/>.
    /// PixelUnshuffleBackward0 (its gradient is pixel_shuffle, recorded).
    /// </summary>
    public static Tensor PixelUnshuffle(Tensor x, int r)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 3) throw new ArgumentException($"pixel_unshuffle expects input to have at least 3 dimensions, but got input with {x.Dim} dimension(s)");
        if (r <= 0) throw new ArgumentException($"pixel_unshuffle expects a positive downscale_factor, but got {r}");
        int c = x.Sizes[^3], h = x.Sizes[^2], w = x.Sizes[^1];
        if (h % r != 0) throw new ArgumentException($"pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={h} is not divisible by {r}");
        if (w % r != 0) throw new ArgumentException($"pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={w} is not divisible by {r}");
        var batch = x.Sizes[..^3];
        int b = batch.Aggregate(1, (p, s) => p * s);
        return Shuffled(x, [b, c, h / r, r, w / r, r], [0, 1, 3, 5, 2, 4], [.. batch, c * r * r, h / r, w / r], () => new PixelUnshuffleBackward0(r));
    }

    /// <summary>x viewed as <paramref name="split"/>, permuted and copied into a fresh contiguous <paramref name="shape"/>; recorded with one node.</summary>
    internal static Tensor Shuffled(Tensor x, int[] split, int[] perm, int[] shape, Func<Node> makeNode)
    {
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = x.Reshape(split).Permute(perm).Clone().Reshape(shape).MoveToOuterScope();
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(makeNode(), x));
        return y;
    }

    /// <summary>
    /// unflatten: dim <paramref name="dim"/> viewed as <paramref name="sizes"/> (one may be -1, inferred). ViewBackward0.
    /// </summary>
    public static Tensor Unflatten(Tensor x, int dim, int[] sizes)
    {
        x.ThrowIfDisposed();
        int d = Shapes.Layout.WrapDim(dim, x.Dim);
        if (sizes.Length == 0) throw new ArgumentException("unflatten: sizes must be non-empty");
        if (sizes.Count(s => s == -1) > 1) throw new ArgumentException("unflatten got an unexpected error:\nonly one dimension can be inferred");
        int known = sizes.Where(s => s != -1).Aggregate(1, (p, s) => p * s), n = x.Sizes[d];
        bool infer = sizes.Contains(-1);
        if (infer ? known == 0 || n % known != 0 : known != n)
            throw new ArgumentException($"unflatten: Provided sizes {Errors.Shape(sizes)} don't multiply up to the size of dim {dim} ({n}) in the input tensor");
        var inner = sizes.Select(s => s == -1 ? n / known : s);
        return x.View([.. x.Sizes[..d], .. inner, .. x.Sizes[(d + 1)..]]);
    }
}

/// <summary>pixel_shuffle: pixel_unshuffle(grad, r).</summary>
internal sealed class PixelShuffleBackward0(int r) : Node
{
    public override string Name => nameof(PixelShuffleBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ShuffleOps.PixelUnshuffle(grad, r)];
}

/// <summary>pixel_unshuffle: pixel_shuffle(grad, r).</summary>
internal sealed class PixelUnshuffleBackward0(int r) : Node
{
    public override string Name => nameof(PixelUnshuffleBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ShuffleOps.PixelShuffle(grad, r)];
}
