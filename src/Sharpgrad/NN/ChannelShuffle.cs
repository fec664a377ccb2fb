namespace Sharpgrad.NN;

/// <summary>Softmax over the channels of [N, C, H, W] or [C, H, W] at every position. PyTorch: torch.nn.Softmax2d.</summary>
public sealed class Softmax2d : Module
{
    /// <summary>F.softmax(input, -3) (SoftmaxBackward0).</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (3 or 4)) throw new ArgumentException($"Softmax2d: expected input to be 3D or 4D, got {input.Dim}D instead");
        return Functional.Softmax(input, -3);
    }
}

/// <summary>Splits the channels into groups and interleaves them (ShuffleNet). PyTorch: torch.nn.ChannelShuffle.</summary>
public sealed class ChannelShuffle(int groups) : Module
{
    /// <summary>Number of channel groups.</summary>
    public int Groups { get; } = groups;

    /// <summary>F.channel_shuffle(input, groups).</summary>
    public override Tensor Forward(Tensor input) => Functional.ChannelShuffle(input, Groups);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"groups={Groups}";
}
