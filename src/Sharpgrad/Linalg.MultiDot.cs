using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// The product of a chain of matrices in the cheapest order (a 1-D first or last operand is a row or column vector,
    /// dropped from the result's shape). PyTorch: torch.linalg.multi_dot.
    /// </summary>
    public static Tensor MultiDot(params Tensor[] tensors) => ProductOps.MultiDot(tensors);
}
