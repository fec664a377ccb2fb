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
    public static Tensor Cholesky(Tensor a, bool upper = false) => CholeskyOps.CholeskyEx(a, upper, "linalg.cholesky").L;

    /// <summary>
    /// <see cref="Cholesky"/> that reports failures instead of raising: Info [...] (Int32) holds potrf's info per matrix
    /// (0, or the order of the first leading minor that is not positive-definite), and such a matrix's factor is left
    /// as LAPACK's recursive potrf leaves it (the columns before the failure done, the rest partly updated);
    /// <paramref name="checkErrors"/> raises instead (LinalgCholeskyExBackward0). PyTorch: torch.linalg.cholesky_ex.
    /// </summary>
    public static (Tensor L, Tensor Info) CholeskyEx(Tensor a, bool upper = false, bool checkErrors = false)
    {
        var (l, info) = CholeskyOps.CholeskyEx(a, upper, checkErrors ? "linalg.cholesky_ex" : null);
        return (l, Tensor.FromArray(info, a.Sizes[..^2]));
    }
}
