using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// The p-norm distance between each row of <paramref name="x1"/> [..., P, M] and each row of <paramref name="x2"/>
    /// [..., R, M]: [..., P, R], batch dims broadcast; p = 0 counts differing coordinates, p = ∞ takes the largest
    /// difference (CdistBackward0; for p = 2 with more than 25 rows, PyTorch's matrix-product path: a view of
    /// EuclideanDistBackward0). PyTorch: torch.cdist.
    /// </summary>
    public static Tensor Cdist(Tensor x1, Tensor x2, double p = 2) => CdistOps.Cdist(x1, x2, p);

    /// <summary>torch.cdist with this tensor as x1: see <see cref="Cdist(Tensor, Tensor, double)"/>.</summary>
    public Tensor Cdist(Tensor x2, double p = 2) => CdistOps.Cdist(this, x2, p);
}
