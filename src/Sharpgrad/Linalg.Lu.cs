using Sharpgrad.Ops;

namespace Sharpgrad;

/// <summary>torch.linalg: linear algebra over batches of matrices [..., m, n].</summary>
public static partial class Linalg
{
    /// <summary>The inverse of each square matrix of [..., n, n] (LinalgInvExBackward0). PyTorch: torch.linalg.inv.</summary>
    /// <exception cref="InvalidOperationException">A matrix is singular (PyTorch's LinAlgError).</exception>
    public static Tensor Inv(Tensor a) => LuOps.Inv(a);

    /// <summary>The determinant of each square matrix of [..., n, n], shape [...] (LinalgDetBackward0). PyTorch: torch.linalg.det.</summary>
    public static Tensor Det(Tensor a) => LuOps.Det(a);

    /// <summary>
    /// The sign (−1, 0 or 1) and the log of the absolute value of each determinant, both [...]; a singular matrix
    /// gives sign 0 and −inf (LinalgSlogdetBackward0 for both). PyTorch: torch.linalg.slogdet.
    /// </summary>
    public static (Tensor Sign, Tensor LogAbsDet) Slogdet(Tensor a) => LuOps.Slogdet(a);

    /// <summary>
    /// X with A·X = B for A [..., n, n]; B is a batch of vectors when it is 1-D or has A's shape without the last dim
    /// (X then has B's form), otherwise matrices [..., n, k]; batch dims broadcast (LinalgSolveExBackward0).
    /// PyTorch: torch.linalg.solve.
    /// </summary>
    /// <exception cref="InvalidOperationException">A matrix of A is singular (PyTorch's LinAlgError).</exception>
    public static Tensor Solve(Tensor a, Tensor b) => LuOps.Solve(a, b);
}
