namespace Sharpgrad.NN;

/// <summary>Moves channel blocks of r² into r×r spatial tiles (sub-pixel convolution). PyTorch: torch.nn.PixelShuffle.</summary>
public sealed class PixelShuffle(int upscaleFactor) : Module
{
    /// <summary>The factor r by which height and width grow.</summary>
    public int UpscaleFactor { get; } = upscaleFactor;

    /// <summary>F.pixel_shuffle(input, r).</summary>
    public override Tensor Forward(Tensor input) => Functional.PixelShuffle(input, UpscaleFactor);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"upscale_factor={UpscaleFactor}";
}

/// <summary>The inverse of <see cref="PixelShuffle"/>: r×r spatial tiles into channel blocks. PyTorch: torch.nn.PixelUnshuffle.</summary>
public sealed class PixelUnshuffle(int downscaleFactor) : Module
{
    /// <summary>The factor r by which height and width shrink.</summary>
    public int DownscaleFactor { get; } = downscaleFactor;

    /// <summary>F.pixel_unshuffle(input, r).</summary>
    public override Tensor Forward(Tensor input) => Functional.PixelUnshuffle(input, DownscaleFactor);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"downscale_factor={DownscaleFactor}";
}

/// <summary>Views one dim as several (the inverse of Flatten). PyTorch: torch.nn.Unflatten.</summary>
public sealed class Unflatten(int dim, int[] unflattenedSize) : Module
{
    /// <summary>The dim that is split.</summary>
    public int Dim { get; } = dim;

    /// <summary>The sizes it is split into (one may be -1).</summary>
    public int[] UnflattenedSize { get; } = (int[])unflattenedSize.Clone();

    /// <summary>input.Unflatten(dim, sizes) (ViewBackward0).</summary>
    public override Tensor Forward(Tensor input) => input.Unflatten(Dim, UnflattenedSize);

    /// <summary>The sizes print as a Python tuple, as for nn.Unflatten(1, (2, 3)).</summary>
    protected override string ExtraRepr => $"dim={Dim}, unflattened_size={Functional.PyRepr(UnflattenedSize, false, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}
