using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Normalizes each group of channels of every sample of [N, C, *] input with that group's own statistics (no running
/// statistics, the same in training and eval), then scales and shifts per channel. PyTorch: torch.nn.GroupNorm.
/// </summary>
public sealed class GroupNorm : Module
{
    /// <summary>
    /// <paramref name="numChannels"/> channels in <paramref name="numGroups"/> groups, with weight 1 and bias 0 per
    /// channel when <paramref name="affine"/>.
    /// </summary>
    public GroupNorm(int numGroups, int numChannels, double eps = 1e-5, bool affine = true, DType dtype = DType.Float32)
    {
        if (numGroups == 0) throw new DivideByZeroException("integer modulo by zero");
        if (numChannels % numGroups != 0) throw new ArgumentException("num_channels must be divisible by num_groups");
        NumGroups = numGroups;
        NumChannels = numChannels;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numChannels], dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros([numChannels], dtype));
        }
    }

    /// <summary>Number of channel groups.</summary>
    public int NumGroups { get; }

    /// <summary>Number of channels (C).</summary>
    public int NumChannels { get; }

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>Per-channel scale, or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>Per-channel shift, or null without affine parameters.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => GroupNormOps.GroupNorm(input, NumGroups, Weight, Bias, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"{NumGroups}, {NumChannels}, eps={PyFloat(Eps)}, affine={PyBool(Weight is not null)}";
}
