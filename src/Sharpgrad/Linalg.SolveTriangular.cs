using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// X with A X = B (or X A = B when not <paramref name="left"/>) for triangular A, reading only A's
    /// <paramref name="upper"/> or lower triangle (a unit diagonal assumed when <paramref name="unitriangular"/>); batch
    /// dims broadcast; a zero on the diagonal gives inf/NaN, not an error (LinalgSolveTriangularBackward0).
    /// PyTorch: torch.linalg.solve_triangular.
    /// </summary>
    public static Tensor SolveTriangular(Tensor a, Tensor b, bool upper, bool left = true, bool unitriangular = false) =>
        MatrixFunctionOps.SolveTriangular(a, b, upper, left, unitriangular);
}
