using Sharpgrad.Ops;

namespace Sharpgrad;

// Tensor methods (and torch's older free functions) over torch.linalg's decompositions.
public sealed partial class Tensor
{
    /// <summary>The Cholesky factor, lower (or upper) (CholeskyBackward0). PyTorch: torch.cholesky / tensor.cholesky (deprecated for linalg.cholesky).</summary>
    public Tensor Cholesky(bool upper = false) => CholeskyOps.CholeskyEx(this, upper, "cholesky", "CholeskyBackward0").L;

    /// <summary>(L·Lᵀ)⁻¹ from the Cholesky factor L (or (Uᵀ·U)⁻¹) (CholeskyInverseBackward0). PyTorch: tensor.cholesky_inverse.</summary>
    public Tensor CholeskyInverse(bool upper = false) => CholeskyOps.CholeskyInverse(this, upper);
    /// <summary>torch.cholesky_inverse as a static function: see <see cref="CholeskyInverse(bool)"/>.</summary>
    public static Tensor CholeskyInverse(Tensor factor, bool upper = false) => CholeskyOps.CholeskyInverse(factor, upper);

    /// <summary>Q and R with Q·R = this, reduced (or complete when !<paramref name="some"/>) (LinalgQrBackward0). PyTorch: tensor.qr / torch.qr.</summary>
    public (Tensor Q, Tensor R) Qr(bool some = true) => Linalg.Qr(this, some ? "reduced" : "complete");

    /// <summary>
    /// U, S and V (not Vᴴ) with this = U·diag(S)·Vᵀ, reduced unless !<paramref name="some"/>; without
    /// <paramref name="computeUv"/>, U and V are zero matrices of the full sizes (LinalgSvdBackward0). PyTorch: tensor.svd / torch.svd.
    /// </summary>
    public (Tensor U, Tensor S, Tensor V) Svd(bool some = true, bool computeUv = true)
    {
        if (!computeUv)
        {
            var s = Linalg.Svdvals(this);
            int m = Sizes[^2], n = Sizes[^1];
            return (Zeros([.. Sizes[..^2], m, m], DType), s, Zeros([.. Sizes[..^2], n, n], DType));
        }
        var (u, sv, vh) = Linalg.Svd(this, fullMatrices: !some);
        return (u, sv, vh.MT);
    }

    /// <summary>The pseudo-inverse, singular values below <paramref name="rcond"/>·σ_max dropped (LinalgPinvBackward0). PyTorch: tensor.pinverse.</summary>
    public Tensor Pinverse(double rcond = 1e-15) => Linalg.Pinv(this, rtol: rcond);

    /// <summary>The matrix exponential of each square matrix (LinalgMatrixExpBackward0). PyTorch: tensor.matrix_exp.</summary>
    public Tensor MatrixExp() => Linalg.MatrixExp(this);
}
