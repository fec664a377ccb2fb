namespace Sharpgrad.NN;

/// <summary>The channel checks and default init the convolution modules share.</summary>
internal static class ConvParameters
{
    /// <summary>
    /// Positive channels and groups, both channel counts divisible by groups (PyTorch's messages). A lazy convolution
    /// (<paramref name="lazy"/>) only needs positive groups and non-negative out channels: PyTorch builds it with both
    /// channel counts 0 and checks in_channels on its first input.
    /// </summary>
    public static void CheckChannels(int inChannels, int outChannels, int groups, bool lazy = false)
    {
        if (lazy)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(outChannels);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
            return;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
    }

    /// <summary>A 3-D module's window: positive kernel, stride and dilation, non-negative padding, on every axis.</summary>
    public static void CheckWindow((int D, int H, int W) kernel, (int D, int H, int W) stride, (int D, int H, int W) padding, (int D, int H, int W) dilation)
    {
        if (kernel.D <= 0 || kernel.H <= 0 || kernel.W <= 0) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "kernel size must be positive");
        if (stride.D <= 0 || stride.H <= 0 || stride.W <= 0) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be positive");
        if (padding.D < 0 || padding.H < 0 || padding.W < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "padding must be non-negative");
        if (dilation.D <= 0 || dilation.H <= 0 || dilation.W <= 0) throw new ArgumentOutOfRangeException(nameof(dilation), dilation, "dilation must be positive");
    }

    /// <summary>
    /// A convolution's reset_parameters: weight, then bias, uniform in ±1/√fan_in, fan_in read off the weight (its dim 1
    /// times the kernel); nothing is drawn when that is 0.
    /// </summary>
    public static void Reset(Tensor weight, Tensor? bias)
    {
        int fanIn = 1;
        for (int d = 1; d < weight.Dim; d++) fanIn *= weight.Sizes[d];
        if (fanIn > 0) InitUniform(weight, bias, fanIn);
    }

    /// <summary>PyTorch's default init: weight and bias uniform in ±1/√fanIn.</summary>
    public static void InitUniform(Tensor weight, Tensor? bias, int fanIn)
    {
        double bound = 1.0 / Math.Sqrt(fanIn);
        using (Autograd.NoGrad())
        {
            weight.Uniform_(-bound, bound);
            bias?.Uniform_(-bound, bound);
        }
    }
}
