using System.Globalization;

namespace Sharpgrad.NN;

/// <summary>
/// The maximum of each of a fixed number of bins per volume of [N, C, D, H, W] or [C, D, H, W] input, whatever its
/// size. PyTorch: torch.nn.AdaptiveMaxPool3d.
/// </summary>
public sealed class AdaptiveMaxPool3d : Module
{
    private readonly int? _cube;

    /// <summary>Pools to outputSize³ bins.</summary>
    public AdaptiveMaxPool3d(int outputSize, bool returnIndices = false) : this((outputSize, outputSize, outputSize), returnIndices) => _cube = outputSize;

    /// <summary>Pools to (depth, height, width) bins; a null size keeps the input's.</summary>
    public AdaptiveMaxPool3d((int? Depth, int? Height, int? Width) outputSize, bool returnIndices = false)
    {
        OutputSize = outputSize;
        ReturnIndices = returnIndices;
    }

    /// <summary>Bins per volume, (depth, height, width); null keeps the input's size.</summary>
    public (int? Depth, int? Height, int? Width) OutputSize { get; }

    /// <summary>Whether the pool is meant to return the indices too (then call <see cref="ForwardWithIndices"/>).</summary>
    public bool ReturnIndices { get; }

    /// <summary>The pooled volumes (AdaptiveMaxPool3DBackward0); with <see cref="ReturnIndices"/> use <see cref="ForwardWithIndices"/>.</summary>
    public override Tensor Forward(Tensor input)
    {
        if (ReturnIndices) throw new NotSupportedException("AdaptiveMaxPool3d(return_indices=True) returns (values, indices); call ForwardWithIndices(input).");
        return _cube is { } n ? Functional.AdaptiveMaxPool3d(input, n) : Functional.AdaptiveMaxPool3d(input, OutputSize);
    }

    /// <summary>The pooled volumes and the Int64 flat in-volume positions of the maxima, as PyTorch's return_indices=True.</summary>
    public (Tensor Values, Tensor Indices) ForwardWithIndices(Tensor input) =>
        _cube is { } n ? Functional.AdaptiveMaxPool3dWithIndices(input, n) : Functional.AdaptiveMaxPool3dWithIndices(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => _cube is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"output_size={n}")
        : $"output_size=({Size(OutputSize.Depth)}, {Size(OutputSize.Height)}, {Size(OutputSize.Width)})";

    private static string Size(int? s) => s?.ToString(CultureInfo.InvariantCulture) ?? "None";
}
