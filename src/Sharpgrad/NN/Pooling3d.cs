using System.Globalization;

namespace Sharpgrad.NN;

/// <summary>Max over windows of each volume of [N, C, D, H, W] or [C, D, H, W] input. PyTorch: torch.nn.MaxPool3d.</summary>
public sealed class MaxPool3d : Module
{
    private readonly string _repr;

    /// <summary>A k×k×k max pool; the stride defaults to the kernel size.</summary>
    public MaxPool3d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false, bool returnIndices = false)
        : this(Pool3dRepr.Cube(kernelSize), stride is { } s ? Pool3dRepr.Cube(s) : null, Pool3dRepr.Cube(padding), Pool3dRepr.Cube(dilation), ceilMode, returnIndices) =>
        _repr = Pool3dRepr.Of(kernelSize, stride ?? kernelSize, padding) + $", dilation={dilation.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A max pool with a (depth, height, width) kernel, stride (default: the kernel), padding and dilation.</summary>
    public MaxPool3d((int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, (int Depth, int Height, int Width)? dilation = null, bool ceilMode = false, bool returnIndices = false)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding ?? (0, 0, 0);
        Dilation = dilation ?? (1, 1, 1);
        CeilMode = ceilMode;
        ReturnIndices = returnIndices;
        _repr = Pool3dRepr.Of(KernelSize, Stride, padding) + $", dilation={(dilation is { } d ? Pool3dRepr.Of(d) : "1")}";
    }

    /// <summary>Window (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public (int Depth, int Height, int Width) Stride { get; }

    /// <summary>Implicit -inf padding on each side.</summary>
    public (int Depth, int Height, int Width) Padding { get; }

    /// <summary>Spacing between window taps.</summary>
    public (int Depth, int Height, int Width) Dilation { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>Whether the pool is meant to return the indices too (then call <see cref="ForwardWithIndices"/>).</summary>
    public bool ReturnIndices { get; }

    /// <summary>The pooled volumes (MaxPool3DWithIndicesBackward0); with <see cref="ReturnIndices"/> use <see cref="ForwardWithIndices"/>.</summary>
    public override Tensor Forward(Tensor input)
    {
        if (ReturnIndices) throw new NotSupportedException("MaxPool3d(return_indices=True) returns (values, indices); call ForwardWithIndices(input).");
        return Functional.MaxPool3d(input, KernelSize, Stride, Padding, Dilation, CeilMode);
    }

    /// <summary>The pooled volumes and the Int64 flat in-volume positions of the maxima, as PyTorch's return_indices=True.</summary>
    public (Tensor Values, Tensor Indices) ForwardWithIndices(Tensor input) =>
        Functional.MaxPool3dWithIndices(input, KernelSize, Stride, Padding, Dilation, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"{_repr}, ceil_mode={PyBool(CeilMode)}";
}

/// <summary>Average over windows of each volume of [N, C, D, H, W] or [C, D, H, W] input. PyTorch: torch.nn.AvgPool3d.</summary>
public sealed class AvgPool3d : Module
{
    private readonly string _repr;

    /// <summary>A k×k×k average pool; the stride defaults to the kernel size.</summary>
    public AvgPool3d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
        : this(Pool3dRepr.Cube(kernelSize), stride is { } s ? Pool3dRepr.Cube(s) : null, Pool3dRepr.Cube(padding), ceilMode, countIncludePad, divisorOverride) =>
        _repr = Pool3dRepr.Of(kernelSize, stride ?? kernelSize, padding);

    /// <summary>An average pool with a (depth, height, width) kernel, stride (default: the kernel) and padding.</summary>
    public AvgPool3d((int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null,
        (int Depth, int Height, int Width)? padding = null, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding ?? (0, 0, 0);
        CeilMode = ceilMode;
        CountIncludePad = countIncludePad;
        DivisorOverride = divisorOverride;
        _repr = Pool3dRepr.Of(KernelSize, Stride, padding);
    }

    /// <summary>Window (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public (int Depth, int Height, int Width) Stride { get; }

    /// <summary>Implicit zero padding on each side.</summary>
    public (int Depth, int Height, int Width) Padding { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>Count padding in the divisor.</summary>
    public bool CountIncludePad { get; }

    /// <summary>Fixed (nonzero) divisor replacing the window count, or null.</summary>
    public int? DivisorOverride { get; }

    /// <summary>The pooled volumes (AvgPool3DBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.AvgPool3d(input, KernelSize, Stride, Padding, CeilMode, CountIncludePad, DivisorOverride);

    /// <inheritdoc/>
    protected override string ExtraRepr => _repr;
}

/// <summary>PyTorch's kernel_size/stride/padding repr of 3-D pools: each value as it was given (an int or a triple).</summary>
internal static class Pool3dRepr
{
    public static (int, int, int) Cube(int v) => (v, v, v);

    public static string Of((int D, int H, int W) t) => $"({t.D}, {t.H}, {t.W})";

    public static string Of(int kernel, int stride, int padding) =>
        string.Create(CultureInfo.InvariantCulture, $"kernel_size={kernel}, stride={stride}, padding={padding}");

    /// <summary>Triples for kernel and stride; the padding a triple when given, else PyTorch's default 0.</summary>
    public static string Of((int D, int H, int W) kernel, (int D, int H, int W) stride, (int D, int H, int W)? padding) =>
        $"kernel_size={Of(kernel)}, stride={Of(stride)}, padding={(padding is { } p ? Of(p) : "0")}";
}
