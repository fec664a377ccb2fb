using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// The partial-pivoting LU of each matrix of [..., m, n], packed: LU holds L below the diagonal (its unit diagonal
    /// implied) and U on and above it; Pivots [..., min(m, n)] (Int32) are LAPACK's 1-based row swaps
    /// (LinalgLuFactorExBackward0). PyTorch: torch.linalg.lu_factor.
    /// </summary>
    /// <exception cref="InvalidOperationException">A pivot is exactly zero, so lu_solve would divide by it.</exception>
    /// <exception cref="ArgumentException"><paramref name="pivot"/> is false: like PyTorch's CPU backend, only pivoting LU is implemented.</exception>
    public static (Tensor LU, Tensor Pivots) LuFactor(Tensor a, bool pivot = true)
    {
        var (lu, pivots, info) = LuFactorOps.LuFactorEx(a, pivot, "torch.linalg.lu_factor");
        info.Dispose();
        return (lu, pivots);
    }

    /// <summary>
    /// <see cref="LuFactor"/> with getrf's Info [...] (Int32): 0, or the 1-based index of U's first exactly zero pivot,
    /// which <paramref name="checkErrors"/> turns into an error (LinalgLuFactorExBackward0). PyTorch: torch.linalg.lu_factor_ex.
    /// </summary>
    public static (Tensor LU, Tensor Pivots, Tensor Info) LuFactorEx(Tensor a, bool pivot = true, bool checkErrors = false) =>
        LuFactorOps.LuFactorEx(a, pivot, checkErrors ? "torch.linalg.lu_factor_ex" : null);

    /// <summary>
    /// A = P·L·U for each matrix of [..., m, n]: the permutation P [..., m, m] in A's dtype, unit lower-triangular L
    /// [..., m, k] and upper-triangular U [..., k, n], k = min(m, n); a singular A factors without error
    /// (LinalgLuBackward0 for L and U; P has no gradient). PyTorch: torch.linalg.lu.
    /// </summary>
    public static (Tensor P, Tensor L, Tensor U) Lu(Tensor a, bool pivot = true) => LuFactorOps.Lu(a, pivot);

    /// <summary>
    /// P, L and U of <see cref="Lu"/> from <see cref="LuFactor"/>'s output; what is not unpacked comes back as an empty
    /// [0] tensor (LuUnpackBackward0 for L and U). PyTorch: torch.lu_unpack.
    /// </summary>
    public static (Tensor P, Tensor L, Tensor U) LuUnpack(Tensor luData, Tensor pivots, bool unpackData = true, bool unpackPivots = true) =>
        LuFactorOps.LuUnpack(luData, pivots, unpackData, unpackPivots);

    /// <summary>
    /// X with A·X = B from A's <see cref="LuFactor"/> output (Aᵀ·X = B with <paramref name="adjoint"/>; X·A = B, or
    /// X·Aᵀ = B, unless <paramref name="left"/>); batch dims of LU and B broadcast; a zero pivot gives inf/NaN, not an
    /// error (LinalgLuSolveBackward0, for LU and B). PyTorch: torch.linalg.lu_solve.
    /// </summary>
    public static Tensor LuSolve(Tensor lu, Tensor pivots, Tensor b, bool left = true, bool adjoint = false) =>
        LuSolveOps.LuSolve(lu, pivots, b, left, adjoint);
}
