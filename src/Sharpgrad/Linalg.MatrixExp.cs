using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// e^A of each square matrix of [..., n, n], by scaling and squaring with a Padé approximant of degree 3 to 13
    /// chosen by the 1-norm (Higham, 2005), computed in Float64 (LinalgMatrixExpBackward0: the upper-right block of the
    /// exponential of [[Aᵀ, G], [0, Aᵀ]]). PyTorch: torch.linalg.matrix_exp.
    /// </summary>
    public static Tensor MatrixExp(Tensor a) => MatrixFunctionOps.MatrixExp(a);
}
