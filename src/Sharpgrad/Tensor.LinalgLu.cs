using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>The inverse of each square matrix (LinalgInvExBackward0). PyTorch: tensor.inverse.</summary>
    public Tensor Inverse() => LuOps.Inv(this);

    /// <summary>The determinant of each square matrix (LinalgDetBackward0). PyTorch: tensor.det.</summary>
    public Tensor Det() => LuOps.Det(this);

    /// <summary>The sign and log|det| of each square matrix (LinalgSlogdetBackward0). PyTorch: tensor.slogdet.</summary>
    public (Tensor Sign, Tensor LogAbsDet) Slogdet() => LuOps.Slogdet(this);

    /// <summary>
    /// The packed LU factorization and its Int32 pivots, without raising on a singular matrix
    /// (LinalgLuFactorExBackward0). PyTorch: tensor.lu (deprecated there in favour of torch.linalg.lu_factor).
    /// </summary>
    public (Tensor LU, Tensor Pivots) Lu(bool pivot = true)
    {
        var (lu, pivots, info) = LuFactorOps.LuFactorEx(this, pivot, null);
        info.Dispose();
        return (lu, pivots);
    }

    /// <summary>
    /// X with A·X = this from A's packed LU factorization and pivots (LinalgLuSolveBackward0). PyTorch: tensor.lu_solve
    /// (deprecated there in favour of torch.linalg.lu_solve, which takes its arguments in the other order).
    /// </summary>
    public Tensor LuSolve(Tensor luData, Tensor luPivots) => LuSolveOps.LuSolve(luData, luPivots, this, left: true, adjoint: false);
}
