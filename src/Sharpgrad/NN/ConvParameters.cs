namespace Sharpgrad.NN;

/// <summary>The channel checks and default init the convolution modules share.</summary>
internal static class ConvParameters
{
    /// <summary>Positive channels and groups, both channel counts divisible by groups (PyTorch's messages).</summary>
    public static void CheckChannels(int inChannels, int outChannels, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groups);
        if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
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
