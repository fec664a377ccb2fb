using Sharpgrad.Ops;

namespace Sharpgrad;

// torch.linalg.qr
public static partial class Linalg
{
    /// <summary>
    /// A = Q·R by Householder reflections with LAPACK's signs; <paramref name="mode"/> "reduced" (Q [m, k], R [k, n]),
    /// "complete" (Q [m, m], R [m, n]) or "r" (Q empty, R [k, n]) (LinalgQrBackward0). PyTorch: torch.linalg.qr.
    /// </summary>
    public static (Tensor Q, Tensor R) Qr(Tensor a, string mode = "reduced") => DecompositionOps.Qr(a, mode);
}
