using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>2-D convolution over [N, C, H, W] (square kernel, groups 1), computed as im2col + GEMM. PyTorch: torch.nn.Conv2d.</summary>
public sealed class Conv2d : Module
{
    /// <summary>A convolution with PyTorch's default init: uniform in ±1/√(inChannels·k²).</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Weight = RegisterParameter("weight", Tensor.Empty([outChannels, inChannels, kernelSize, kernelSize], dtype));
        if (bias) Bias = RegisterParameter("bias", Tensor.Empty([outChannels], dtype));
        double bound = 1.0 / Math.Sqrt(inChannels * kernelSize * kernelSize);
        using (Autograd.NoGrad())
        {
            Weight.Uniform_(-bound, bound);
            Bias?.Uniform_(-bound, bound);
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public int Padding { get; }

    /// <summary>The [out, in, k, k] kernels.</summary>
    public Tensor Weight { get; }

    /// <summary>The [out] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The convolution (ConvolutionBackward0).</summary>
    public override Tensor Forward(Tensor input) => ConvOps.Conv2d(input, Weight, Bias, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"{InChannels}, {OutChannels}, kernel_size=({KernelSize}, {KernelSize}), stride=({Stride}, {Stride})" +
        (Padding != 0 ? $", padding=({Padding}, {Padding})" : "") + (Bias is null ? ", bias=False" : "");
}

/// <summary>Max over k×k windows of each plane. PyTorch: torch.nn.MaxPool2d.</summary>
public sealed class MaxPool2d : Module
{
    /// <summary>A max pool; the stride defaults to the kernel size.</summary>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding;
    }

    /// <summary>Window height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Implicit -inf padding on each side.</summary>
    public int Padding { get; }

    /// <summary>The pooled planes (MaxPool2DWithIndicesBackward0).</summary>
    public override Tensor Forward(Tensor input) => ConvOps.MaxPool2d(input, KernelSize, Stride, Padding);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"kernel_size={KernelSize}, stride={Stride}, padding={Padding}, dilation=1, ceil_mode=False";
}
