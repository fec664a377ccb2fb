using Sharpgrad.Ops;

namespace Sharpgrad;

// torch.linalg.svd, svdvals, pinv
public static partial class Linalg
{
    /// <summary>
    /// A = U·diag(S)·Vh with S descending; <paramref name="fullMatrices"/> gives square U [m, m] and Vh [n, n], otherwise
    /// U [m, k] and Vh [k, n] with k = min(m, n); singular vectors are defined up to sign (LinalgSvdBackward0). PyTorch: torch.linalg.svd.
    /// </summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a, bool fullMatrices = true) => DecompositionOps.Svd(a, fullMatrices);

    /// <summary>The singular values, descending (LinalgSvdBackward0). PyTorch: torch.linalg.svdvals.</summary>
    public static Tensor Svdvals(Tensor a) => DecompositionOps.Svd(a, false).S;

    /// <summary>
    /// The Moore–Penrose pseudo-inverse through the SVD, dropping singular values at or below max(atol, rtol·σ_max);
    /// rtol defaults to eps·max(m, n) when no tolerance is given, to 0 when only atol is (LinalgPinvBackward0). PyTorch: torch.linalg.pinv.
    /// </summary>
    public static Tensor Pinv(Tensor a, double? atol = null, double? rtol = null) => DecompositionOps.Pinv(a, atol, rtol);
}
