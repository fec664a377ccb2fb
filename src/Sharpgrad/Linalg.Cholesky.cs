using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// The Cholesky factor of each symmetric positive-definite matrix of [..., n, n]: lower L with A = L·Lᵀ read from A's
    /// lower triangle, or with <paramref name="upper"/> U = Lᵀ read from the upper triangle (LinalgCholeskyExBackward0).
    /// PyTorch: torch.linalg.cholesky.
    /// </summary>
    /// <exception cref="InvalidOperationException">A matrix is not positive-definite (PyTorch's LinAlgError).</exception>
    public static Tensor Cholesky(Tensor a, bool upper = false) => CholeskyOps.Cholesky(a, upper);
}
