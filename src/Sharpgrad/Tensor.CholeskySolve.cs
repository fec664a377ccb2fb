using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// X with A·X = B for A = L·Lᵀ given its lower Cholesky factor L (upper: A = Uᵀ·U), B [..., n, k], batch dims
    /// broadcast (CholeskySolveBackward0). PyTorch: torch.cholesky_solve.
    /// </summary>
    public static Tensor CholeskySolve(Tensor b, Tensor factor, bool upper = false) => CholeskyOps.CholeskySolve(b, factor, upper);

    /// <summary>X with A·X = this for A given its Cholesky factor (CholeskySolveBackward0). PyTorch: tensor.cholesky_solve.</summary>
    public Tensor CholeskySolve(Tensor factor, bool upper = false) => CholeskyOps.CholeskySolve(this, factor, upper);
}
