using System.Globalization;

namespace Sharpgrad.NN;

/// <summary>Power-average pooling over windows of the last dim of [N, C, L] or [C, L]. PyTorch: torch.nn.LPPool1d.</summary>
public sealed class LPPool1d : Module
{
    private readonly string _normRepr;

    /// <summary>An integer norm (printed as PyTorch prints an int).</summary>
    public LPPool1d(int normType, int kernelSize, int? stride = null, bool ceilMode = false)
        : this((double)normType, kernelSize, stride, ceilMode) => _normRepr = normType.ToString(CultureInfo.InvariantCulture);

    /// <summary>A real norm p; the stride defaults to the kernel size.</summary>
    public LPPool1d(double normType, int kernelSize, int? stride = null, bool ceilMode = false)
    {
        NormType = normType;
        KernelSize = kernelSize;
        Stride = stride;
        CeilMode = ceilMode;
        _normRepr = PyFloat(normType);
    }

    /// <summary>The norm p.</summary>
    public double NormType { get; }

    /// <summary>Window length.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows, or null for the kernel size.</summary>
    public int? Stride { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>The pooled sequences (PowBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.LPPool1d(input, NormType, KernelSize, Stride, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"norm_type={_normRepr}, kernel_size={KernelSize}, stride={(Stride is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None")}, ceil_mode={PyBool(CeilMode)}";
}

/// <summary>Power-average pooling over windows of each plane of [N, C, H, W] or [C, H, W]. PyTorch: torch.nn.LPPool2d.</summary>
public sealed class LPPool2d : Module
{
    private readonly string _normRepr;
    private readonly WindowArg _kernel;
    private readonly WindowArg? _stride;

    /// <summary>An integer norm and k×k windows.</summary>
    public LPPool2d(int normType, int kernelSize, int? stride = null, bool ceilMode = false)
        : this((double)normType, kernelSize, stride, ceilMode) => _normRepr = normType.ToString(CultureInfo.InvariantCulture);

    /// <summary>A real norm p and k×k windows; the stride defaults to the kernel size.</summary>
    public LPPool2d(double normType, int kernelSize, int? stride = null, bool ceilMode = false)
        : this(normType, WindowArg.Of(kernelSize), stride is { } s ? WindowArg.Of(s) : null, ceilMode)
    {
    }

    /// <summary>An integer norm and (height, width) windows.</summary>
    public LPPool2d(int normType, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, bool ceilMode = false)
        : this((double)normType, kernelSize, stride, ceilMode) => _normRepr = normType.ToString(CultureInfo.InvariantCulture);

    /// <summary>A real norm p and (height, width) windows; the stride defaults to the kernel.</summary>
    public LPPool2d(double normType, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null, bool ceilMode = false)
        : this(normType, WindowArg.Of(kernelSize, 0), stride is { } s ? WindowArg.Of(s, 0) : null, ceilMode)
    {
    }

    private LPPool2d(double normType, WindowArg kernel, WindowArg? stride, bool ceilMode)
    {
        NormType = normType;
        _kernel = kernel;
        _stride = stride;
        CeilMode = ceilMode;
        _normRepr = PyFloat(normType);
    }

    /// <summary>The norm p.</summary>
    public double NormType { get; }

    /// <summary>Window (height, width).</summary>
    public (int Height, int Width) KernelSize => _kernel.Pair;

    /// <summary>Step between windows, or null for the kernel.</summary>
    public (int Height, int Width)? Stride => _stride?.Pair;

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>The pooled planes (PowBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.LPPool2d(input, NormType, KernelSize, Stride, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"norm_type={_normRepr}, kernel_size={_kernel}, stride={(_stride is { } s ? s.ToString() : "None")}, ceil_mode={PyBool(CeilMode)}";
}

/// <summary>Power-average pooling over windows of each volume of [N, C, D, H, W] or [C, D, H, W]. PyTorch: torch.nn.LPPool3d.</summary>
public sealed class LPPool3d : Module
{
    private readonly string _normRepr;
    private readonly string _kernelRepr;
    private readonly string _strideRepr;

    /// <summary>An integer norm and k×k×k windows.</summary>
    public LPPool3d(int normType, int kernelSize, int? stride = null, bool ceilMode = false)
        : this((double)normType, kernelSize, stride, ceilMode) => _normRepr = normType.ToString(CultureInfo.InvariantCulture);

    /// <summary>A real norm p and k×k×k windows; the stride defaults to the kernel size.</summary>
    public LPPool3d(double normType, int kernelSize, int? stride = null, bool ceilMode = false)
        : this(normType, (kernelSize, kernelSize, kernelSize), stride is { } s ? (s, s, s) : null, ceilMode)
    {
        _kernelRepr = kernelSize.ToString(CultureInfo.InvariantCulture);
        _strideRepr = stride is { } t ? t.ToString(CultureInfo.InvariantCulture) : "None";
    }

    /// <summary>A real norm p and (depth, height, width) windows; the stride defaults to the kernel.</summary>
    public LPPool3d(double normType, (int Depth, int Height, int Width) kernelSize, (int Depth, int Height, int Width)? stride = null, bool ceilMode = false)
    {
        NormType = normType;
        KernelSize = kernelSize;
        Stride = stride;
        CeilMode = ceilMode;
        _normRepr = PyFloat(normType);
        _kernelRepr = $"({kernelSize.Depth}, {kernelSize.Height}, {kernelSize.Width})";
        _strideRepr = stride is { } s ? $"({s.Depth}, {s.Height}, {s.Width})" : "None";
    }

    /// <summary>A real norm p, (depth, height, width) windows and one stride for every dim.</summary>
    public LPPool3d(double normType, (int Depth, int Height, int Width) kernelSize, int stride, bool ceilMode = false)
        : this(normType, kernelSize, (stride, stride, stride), ceilMode) => _strideRepr = stride.ToString(CultureInfo.InvariantCulture);

    /// <summary>The norm p.</summary>
    public double NormType { get; }

    /// <summary>Window (depth, height, width).</summary>
    public (int Depth, int Height, int Width) KernelSize { get; }

    /// <summary>Step between windows, or null for the kernel.</summary>
    public (int Depth, int Height, int Width)? Stride { get; }

    /// <summary>Keep a last, partial window (ceil instead of floor for the output size).</summary>
    public bool CeilMode { get; }

    /// <summary>The pooled volumes (PowBackward0).</summary>
    public override Tensor Forward(Tensor input) => Functional.LPPool3d(input, NormType, KernelSize, Stride, CeilMode);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"norm_type={_normRepr}, kernel_size={_kernelRepr}, stride={_strideRepr}, ceil_mode={PyBool(CeilMode)}";
}
