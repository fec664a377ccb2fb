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
}
