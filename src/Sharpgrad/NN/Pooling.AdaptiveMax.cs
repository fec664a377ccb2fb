namespace Sharpgrad.NN;

/// <summary>The maximum of each of a fixed number of bins per plane, whatever the input size. PyTorch: torch.nn.AdaptiveMaxPool2d.</summary>
public sealed class AdaptiveMaxPool2d : Module
{
    private readonly bool _square;

    /// <summary>Pools to outputSize×outputSize bins.</summary>
    public AdaptiveMaxPool2d(int outputSize) : this((outputSize, outputSize)) => _square = true;

    /// <summary>Pools to (height, width) bins; a null size keeps the input's.</summary>
    public AdaptiveMaxPool2d((int? Height, int? Width) outputSize)
    {
        if (outputSize.Height < 0 || outputSize.Width < 0) throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "output size must be non-negative");
        OutputSize = outputSize;
    }

    /// <summary>Bins per plane, (height, width); null keeps the input's size.</summary>
    public (int? Height, int? Width) OutputSize { get; }

    /// <summary>The pooled planes (AdaptiveMaxPool2DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.AdaptiveMaxPool2d(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        _square ? $"output_size={OutputSize.Height}" : $"output_size=({OutputSize.Height?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"}, {OutputSize.Width?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"})";
}
