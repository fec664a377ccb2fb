using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>Average over windows of each plane. PyTorch: torch.nn.AvgPool2d.</summary>
public sealed class AvgPool2d : Module
{
    private readonly bool _square;

    /// <summary>A k×k average pool; the stride defaults to the kernel size.</summary>
    public AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
        : this((kernelSize, kernelSize), stride is { } s ? (s, s) : null, (padding, padding), ceilMode, countIncludePad, divisorOverride) => _square = true;

    /// <summary>An average pool with a (height, width) kernel, stride (default: the kernel) and padding.</summary>
    public AvgPool2d((int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null,
        bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding ?? (0, 0);
        CeilMode = ceilMode;
        CountIncludePad = countIncludePad;
        DivisorOverride = divisorOverride;
    }

    /// <summary>Window (height, width).</summary>
    public (int Height, int Width) KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public (int Height, int Width) Stride { get; }

    /// <summary>Implicit zero padding on each side.</summary>
    public (int Height, int Width) Padding { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>Count padding in the divisor.</summary>
    public bool CountIncludePad { get; }

    /// <summary>Fixed divisor replacing the window count, or null.</summary>
    public int? DivisorOverride { get; }

    /// <summary>The pooled planes (AvgPool2DBackward0).</summary>
    public override Tensor Forward(Tensor input) => PoolOps.AvgPool2d(input, KernelSize, Stride, Padding, CeilMode, CountIncludePad, DivisorOverride);

    /// <inheritdoc/>
    protected override string ExtraRepr => _square
        ? $"kernel_size={KernelSize.Height}, stride={Stride.Height}, padding={Padding.Height}"
        : $"kernel_size=({KernelSize.Height}, {KernelSize.Width}), stride=({Stride.Height}, {Stride.Width}), padding={(Padding.Height == Padding.Width ? Padding.Height.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({Padding.Height}, {Padding.Width})")}";
}

/// <summary>Averages each plane down to a fixed number of bins, whatever the input size. PyTorch: torch.nn.AdaptiveAvgPool2d.</summary>
public sealed class AdaptiveAvgPool2d : Module
{
    private readonly bool _square;

    /// <summary>Pools to outputSize×outputSize bins (1: global average pooling).</summary>
    public AdaptiveAvgPool2d(int outputSize) : this((outputSize, outputSize)) => _square = true;

    /// <summary>Pools to (height, width) bins.</summary>
    public AdaptiveAvgPool2d((int Height, int Width) outputSize)
    {
        if (outputSize.Height < 0 || outputSize.Width < 0) throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "output size must be non-negative");
        OutputSize = outputSize;
    }

    /// <summary>Bins per plane, (height, width).</summary>
    public (int Height, int Width) OutputSize { get; }

    /// <summary>The pooled planes (AdaptiveAvgPool2DBackward0, or MeanBackward1 for 1×1).</summary>
    public override Tensor Forward(Tensor input) => PoolOps.AdaptiveAvgPool2d(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => _square ? $"output_size={OutputSize.Height}" : $"output_size=({OutputSize.Height}, {OutputSize.Width})";
}

/// <summary>Averages each volume down to a fixed number of bins, whatever the input size. PyTorch: torch.nn.AdaptiveAvgPool3d.</summary>
public sealed class AdaptiveAvgPool3d : Module
{
    private readonly bool _cube;

    /// <summary>Pools to outputSize³ bins (1: global average pooling).</summary>
    public AdaptiveAvgPool3d(int outputSize) : this((outputSize, outputSize, outputSize)) => _cube = true;

    /// <summary>Pools to (depth, height, width) bins.</summary>
    public AdaptiveAvgPool3d((int Depth, int Height, int Width) outputSize)
    {
        if (outputSize.Depth < 0 || outputSize.Height < 0 || outputSize.Width < 0)
            throw new ArgumentOutOfRangeException(nameof(outputSize), outputSize, "output size must be non-negative");
        OutputSize = outputSize;
    }

    /// <summary>Bins per volume, (depth, height, width).</summary>
    public (int Depth, int Height, int Width) OutputSize { get; }

    /// <summary>The pooled volumes (AdaptiveAvgPool3DBackward0, or MeanBackward1 for 1×1×1).</summary>
    public override Tensor Forward(Tensor input) => PoolOps.AdaptiveAvgPool3d(input, OutputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => _cube ? $"output_size={OutputSize.Depth}" : $"output_size=({OutputSize.Depth}, {OutputSize.Height}, {OutputSize.Width})";
}

/// <summary>The partial inverse of MaxPool2d, given its indices. PyTorch: torch.nn.MaxUnpool2d.</summary>
public sealed class MaxUnpool2d((int Height, int Width) kernelSize, (int Height, int Width)? stride = null, (int Height, int Width)? padding = null) : Module
{
    /// <summary>A k×k unpool; the stride defaults to the kernel size.</summary>
    public MaxUnpool2d(int kernelSize, int? stride = null, int padding = 0)
        : this((kernelSize, kernelSize), stride is { } s ? (s, s) : null, (padding, padding))
    {
    }

    /// <summary>Window (height, width).</summary>
    public (int Height, int Width) KernelSize { get; } = kernelSize;

    /// <summary>Step between windows.</summary>
    public (int Height, int Width) Stride { get; } = stride ?? kernelSize;

    /// <summary>Padding of the pooling being inverted.</summary>
    public (int Height, int Width) Padding { get; } = padding ?? (0, 0);

    /// <summary>Needs the indices: use the (input, indices) overload.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("MaxUnpool2d takes (input, indices); call Forward(input, indices).");

    /// <summary>Unpools <paramref name="input"/> with the indices from MaxPool2dWithIndices (MaxUnpool2DBackward0).</summary>
    public Tensor Forward(Tensor input, Tensor indices, (int Height, int Width)? outputSize = null) =>
        Functional.MaxUnpool2d(input, indices, KernelSize, Stride, Padding, outputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"kernel_size=({KernelSize.Height}, {KernelSize.Width}), stride=({Stride.Height}, {Stride.Width}), padding=({Padding.Height}, {Padding.Width})";
}

/// <summary>The partial inverse of MaxPool1d, given its indices. PyTorch: torch.nn.MaxUnpool1d.</summary>
public sealed class MaxUnpool1d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <summary>Window length.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Step between windows.</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>Padding of the pooling being inverted.</summary>
    public int Padding { get; } = padding;

    /// <summary>Needs the indices: use the (input, indices) overload.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("MaxUnpool1d takes (input, indices); call Forward(input, indices).");

    /// <summary>Unpools <paramref name="input"/> with the indices from MaxPool1dWithIndices.</summary>
    public Tensor Forward(Tensor input, Tensor indices, int? outputSize = null) =>
        Functional.MaxUnpool1d(input, indices, KernelSize, Stride, Padding, outputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"kernel_size=({KernelSize},), stride=({Stride},), padding=({Padding},)";
}

/// <summary>The partial inverse of MaxPool3d, given its indices. PyTorch: torch.nn.MaxUnpool3d.</summary>
public sealed class MaxUnpool3d((int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
    (int Depth, int Height, int Width)? padding = null) : Module
{
    /// <summary>A k×k×k unpool; the stride defaults to the kernel size.</summary>
    public MaxUnpool3d(int kernelSize, int? stride = null, int padding = 0)
        : this((kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, (padding, padding, padding))
    {
    }

    /// <summary>Window (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; } = kernelSize;

    /// <summary>Step between windows.</summary>
    public (int Depth, int Height, int Width) Stride { get; } = stride ?? kernelSize;

    /// <summary>Padding of the pooling being inverted.</summary>
    public (int Depth, int Height, int Width) Padding { get; } = padding ?? (0, 0, 0);

    /// <summary>Needs the indices: use the (input, indices) overload.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("MaxUnpool3d takes (input, indices); call Forward(input, indices).");

    /// <summary>Unpools <paramref name="input"/> with the indices from MaxPool3dWithIndices (MaxUnpool3DBackward0).</summary>
    public Tensor Forward(Tensor input, Tensor indices, (int Depth, int Height, int Width)? outputSize = null) =>
        Functional.MaxUnpool3d(input, indices, KernelSize, Stride, Padding, outputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"kernel_size=({KernelSize.Depth}, {KernelSize.Height}, {KernelSize.Width}), stride=({Stride.Depth}, {Stride.Height}, {Stride.Width}), padding=({Padding.Depth}, {Padding.Height}, {Padding.Width})";
}

/// <summary>Fractional max pooling of [N, C, H, W] or [C, H, W] with k×k windows. PyTorch: torch.nn.FractionalMaxPool2d.</summary>
public sealed class FractionalMaxPool2d : Module
{
    /// <summary>Pools to a fixed output size.</summary>
    public FractionalMaxPool2d((int Height, int Width) kernelSize, (int Height, int Width) outputSize) => (KernelSize, OutputSize) = (kernelSize, outputSize);

    /// <summary>Pools to the input size times a ratio in (0, 1).</summary>
    public FractionalMaxPool2d((int Height, int Width) kernelSize, (double Height, double Width) outputRatio)
    {
        if (outputRatio.Height is <= 0 or >= 1 || outputRatio.Width is <= 0 or >= 1)
            throw new ArgumentException($"output_ratio must be between 0 and 1 (got ({Module.PyFloat(outputRatio.Height)}, {Module.PyFloat(outputRatio.Width)}))");
        (KernelSize, OutputRatio) = (kernelSize, outputRatio);
    }

    /// <summary>Window (height, width).</summary>
    public (int Height, int Width) KernelSize { get; }

    /// <summary>The fixed output size, or null when a ratio is used.</summary>
    public (int Height, int Width)? OutputSize { get; }

    /// <summary>The output ratio, or null when a size is used.</summary>
    public (double Height, double Width)? OutputRatio { get; }

    /// <summary>The pooled planes, with fresh random window starts (FractionalMaxPool2DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.FractionalMaxPool2d(input, KernelSize, OutputSize, OutputRatio);

    /// <summary>The pooled planes and the positions of their maxima.</summary>
    public (Tensor Values, Tensor Indices) ForwardWithIndices(Tensor input, Tensor? randomSamples = null) =>
        Functional.FractionalMaxPool2dWithIndices(input, KernelSize, OutputSize, OutputRatio, randomSamples);
}

/// <summary>Fractional max pooling of [N, C, T, H, W] or [C, T, H, W]. PyTorch: torch.nn.FractionalMaxPool3d.</summary>
public sealed class FractionalMaxPool3d : Module
{
    /// <summary>Pools to a fixed output size.</summary>
    public FractionalMaxPool3d((int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width) outputSize) =>
        (KernelSize, OutputSize) = (kernelSize, outputSize);

    /// <summary>Pools to the input size times a ratio in (0, 1).</summary>
    public FractionalMaxPool3d((int Depth, int Height, int Width) kernelSize, (double Depth, double Height, double Width) outputRatio)
    {
        if (outputRatio.Depth is <= 0 or >= 1 || outputRatio.Height is <= 0 or >= 1 || outputRatio.Width is <= 0 or >= 1)
            throw new ArgumentException($"output_ratio must be between 0 and 1 (got ({Module.PyFloat(outputRatio.Depth)}, {Module.PyFloat(outputRatio.Height)}, {Module.PyFloat(outputRatio.Width)}))");
        (KernelSize, OutputRatio) = (kernelSize, outputRatio);
    }

    /// <summary>Window (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>The fixed output size, or null when a ratio is used.</summary>
    public (int Depth, int Height, int Width)? OutputSize { get; }

    /// <summary>The output ratio, or null when a size is used.</summary>
    public (double Depth, double Height, double Width)? OutputRatio { get; }

    /// <summary>The pooled volumes, with fresh random window starts (FractionalMaxPool3DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.FractionalMaxPool3d(input, KernelSize, OutputSize, OutputRatio);

    /// <summary>The pooled volumes and the positions of their maxima.</summary>
    public (Tensor Values, Tensor Indices) ForwardWithIndices(Tensor input, Tensor? randomSamples = null) =>
        Functional.FractionalMaxPool3dWithIndices(input, KernelSize, OutputSize, OutputRatio, randomSamples);
}
