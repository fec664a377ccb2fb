using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Group normalization: each of <paramref name="numGroups"/> groups of channels of every sample normalized with its
    /// own statistics, then per-channel scale and shift (NativeGroupNormBackward0). PyTorch: F.group_norm.
    /// </summary>
    public static Tensor GroupNorm(Tensor x, int numGroups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(x);
        return GroupNormOps.GroupNorm(x, numGroups, weight, bias, eps);
    }

    /// <summary>
    /// Instance normalization: each channel of every sample normalized over its positions, with its own statistics when
    /// <paramref name="useInputStats"/> (updating the running statistics given), else the running ones; optional
    /// per-channel scale and shift (ViewBackward0 over NativeBatchNormBackward0). PyTorch: F.instance_norm.
    /// </summary>
    public static Tensor InstanceNorm(Tensor x, Tensor? runningMean = null, Tensor? runningVar = null, Tensor? weight = null, Tensor? bias = null,
        bool useInputStats = true, double momentum = 0.1, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(x);
        return InstanceNormOps.InstanceNorm(x, runningMean, runningVar, weight, bias, useInputStats, momentum, eps);
    }
}
