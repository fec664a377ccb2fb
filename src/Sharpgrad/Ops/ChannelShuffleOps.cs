namespace Sharpgrad.Ops;

/// <summary>channel_shuffle: the channels of [N, C, *] regrouped so each group's channels interleave with the others'.</summary>
internal static class ChannelShuffleOps
{
    /// <summary>
    /// channel_shuffle: [N, C, *] viewed as [N, g, C/g, *], the two channel dims swapped, back to [N, C, *].
    /// ChannelShuffleBackward0 (its gradient is the inverse shuffle, recorded).
    /// </summary>
    public static Tensor ChannelShuffle(Tensor x, int groups)
    {
        x.ThrowIfDisposed();
        if (x.Dim <= 2) throw new ArgumentException($"channel_shuffle expects input with > 2 dims, but got input with sizes {Errors.Shape(x.Sizes)}");
        int c = x.Sizes[1];
        if (groups <= 0) throw new ArgumentException($"Number of groups to divide channels in must be positive. Value of groups:{groups}");
        if (c % groups != 0) throw new ArgumentException($"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.");
        return Swap(x, groups, c / groups);
    }

    /// <summary>[N, a·b, *] viewed as [N, a, b, rest], a and b swapped, back to x's shape; recorded with one node.</summary>
    internal static Tensor Swap(Tensor x, int a, int b)
    {
        int rest = 1;
        for (int i = 2; i < x.Dim; i++) rest *= x.Sizes[i];
        return ShuffleOps.Shuffled(x, [x.Sizes[0], a, b, rest], [0, 2, 1, 3], x.Sizes, () => new ChannelShuffleBackward0(a, b));
    }
}

/// <summary>channel_shuffle with a groups of b channels: the inverse shuffle (b groups of a) of grad.</summary>
internal sealed class ChannelShuffleBackward0(int a, int b) : Node
{
    public override string Name => nameof(ChannelShuffleBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ChannelShuffleOps.Swap(grad, b, a)];
}
