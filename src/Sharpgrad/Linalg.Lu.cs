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
    /// X with A·X = B for A [..., n, n] (X·A = B unless <paramref name="left"/>); B is a batch of vectors when it is 1-D or
    /// has A's shape without the last dim (X then has B's form), otherwise matrices [..., n, k]; batch dims broadcast
    /// (LinalgSolveExBackward0). PyTorch: torch.linalg.solve.
    /// </summary>
    /// <exception cref="InvalidOperationException">A matrix of A is singular (PyTorch's LinAlgError).</exception>
    public static Tensor Solve(Tensor a, Tensor b, bool left = true) => LuOps.SolveEx(a, b, left, "torch.linalg.solve").Result;

    /// <summary>
    /// <see cref="Solve"/> that reports singular matrices instead of raising: Info [...] (Int32, A's batch shape) holds
    /// getrf's info per matrix of A (0, or the 1-based index of U's first zero pivot), and the result then holds the
    /// inf/NaN the solve gives, as PyTorch's does; <paramref name="checkErrors"/> raises instead
    /// (LinalgSolveExBackward0). PyTorch: torch.linalg.solve_ex.
    /// </summary>
    public static (Tensor Result, Tensor Info) SolveEx(Tensor a, Tensor b, bool left = true, bool checkErrors = false)
    {
        var (x, info) = LuOps.SolveEx(a, b, left, checkErrors ? "torch.linalg.solve_ex" : null);
        return (x, Tensor.FromArray(info, a.Sizes[..^2]));
    }

    /// <summary>
    /// <see cref="Inv"/> that reports singular matrices instead of raising: Info [...] (Int32) holds getrf's info per
    /// matrix (0, or the 1-based index of U's first zero pivot) and the inverse then holds the inf/NaN PyTorch's does;
    /// <paramref name="checkErrors"/> raises instead (LinalgInvExBackward0). PyTorch: torch.linalg.inv_ex.
    /// </summary>
    public static (Tensor Inverse, Tensor Info) InvEx(Tensor a, bool checkErrors = false)
    {
        var (inv, info) = LuOps.InvEx(a, checkErrors ? "linalg.inv_ex" : null);
        return (inv, Tensor.FromArray(info, a.Sizes[..^2]));
    }
}
