using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// y[..., o] = Σᵢⱼ x1[..., i]·W[o, i, j]·x2[..., j] + b[o] with weight [out, in1, in2] (TrilinearBackward0 under
    /// view nodes, AddBackward0 for the bias). PyTorch: F.bilinear.
    /// </summary>
    public static Tensor Bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input1);
        ArgumentNullException.ThrowIfNull(input2);
        ArgumentNullException.ThrowIfNull(weight);
        return BilinearOps.Bilinear(input1, input2, weight, bias);
    }
}
