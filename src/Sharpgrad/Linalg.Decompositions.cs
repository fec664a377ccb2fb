using Sharpgrad.Ops;

namespace Sharpgrad;

/// <summary>torch.linalg: matrix functions over batches of matrices (the last two dims).</summary>
public static partial class Linalg
{
    /// <summary>
    /// The eigenvalues (ascending) and eigenvectors (the columns, each up to sign) of the symmetric matrices whose
    /// lower (<paramref name="uplo"/> "L") or upper ("U") triangle is read (LinalgEighBackward0). PyTorch: torch.linalg.eigh.
    /// </summary>
    public static (Tensor Eigenvalues, Tensor Eigenvectors) Eigh(Tensor a, string uplo = "L") => DecompositionOps.Eigh(a, uplo);

    /// <summary>The eigenvalues (ascending) of the symmetric matrices read from the <paramref name="uplo"/> triangle (LinalgEighBackward0). PyTorch: torch.linalg.eigvalsh.</summary>
    public static Tensor Eigvalsh(Tensor a, string uplo = "L") => DecompositionOps.Eigh(a, uplo).Values;
}
