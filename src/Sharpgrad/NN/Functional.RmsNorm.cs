using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Root-mean-square normalization over the trailing <paramref name="normalizedShape"/> dims, times
    /// <paramref name="weight"/> when given; a null <paramref name="eps"/> is the dtype's machine epsilon (MulBackward0
    /// over RsqrtBackward0, AddBackward1, MeanBackward1, PowBackward0, as PyTorch composes it). PyTorch: F.rms_norm.
    /// </summary>
    public static Tensor RmsNorm(Tensor x, int[] normalizedShape, Tensor? weight = null, double? eps = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(normalizedShape);
        return RmsNormOps.RmsNorm(x, normalizedShape, weight, eps);
    }
}
