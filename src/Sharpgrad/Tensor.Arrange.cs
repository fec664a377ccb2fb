using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- cross, kron, diff, rot90, take_along_dim, logcumsumexp ----

    /// <summary>
    /// Cross product of 3-vectors along <paramref name="dim"/> (default, deprecated in PyTorch: the first dim of size 3),
    /// broadcast over the other dims; both tensors must share a dtype (LinalgCrossBackward0). PyTorch: torch.cross.
    /// </summary>
    public Tensor Cross(Tensor other, int? dim = null) => ArrangeOps.Cross(this, other, dim);

    /// <summary>torch.cross as a static function: see <see cref="Cross(Tensor, int?)"/>.</summary>
    public static Tensor Cross(Tensor input, Tensor other, int? dim = null) => ArrangeOps.Cross(input, other, dim);

    /// <summary>Cross product of 3-vectors along <paramref name="dim"/>; both tensors need the same number of dims (LinalgCrossBackward0). PyTorch: torch.linalg.cross.</summary>
    public static Tensor LinalgCross(Tensor input, Tensor other, int dim = -1) => ArrangeOps.LinalgCross(input, other, dim);

    /// <summary>Kronecker product; the shorter shape is padded with leading ones (UnsafeViewBackward0). PyTorch: torch.kron.</summary>
    public Tensor Kron(Tensor other) => ArrangeOps.Kron(this, other);

    /// <summary>torch.kron as a static function: see <see cref="Kron(Tensor)"/>.</summary>
    public static Tensor Kron(Tensor input, Tensor other) => ArrangeOps.Kron(input, other);

    /// <summary>
    /// The <paramref name="n"/>-th forward difference along <paramref name="dim"/>, after <paramref name="prepend"/> and
    /// <paramref name="append"/> are concatenated there (SubBackward0; Bool input: logical_xor). PyTorch: torch.diff.
    /// </summary>
    public Tensor Diff(int n = 1, int dim = -1, Tensor? prepend = null, Tensor? append = null) => ArrangeOps.Diff(this, n, dim, prepend, append);

    /// <summary>torch.diff as a static function: see <see cref="Diff(int, int, Tensor?, Tensor?)"/>.</summary>
    public static Tensor Diff(Tensor input, int n = 1, int dim = -1, Tensor? prepend = null, Tensor? append = null) =>
        ArrangeOps.Diff(input, n, dim, prepend, append);

    /// <summary>Rotated by <paramref name="k"/> quarter turns in the plane of dims (default [0, 1]), from the first towards the second (Rot90Backward0). PyTorch: torch.rot90.</summary>
    public Tensor Rot90(int k = 1, int[]? dims = null) => ArrangeOps.Rot90(this, k, dims ?? [0, 1]);

    /// <summary>torch.rot90 as a static function: see <see cref="Rot90(int, int[])"/>.</summary>
    public static Tensor Rot90(Tensor input, int k = 1, int[]? dims = null) => ArrangeOps.Rot90(input, k, dims ?? [0, 1]);

    /// <summary>
    /// Values at the Int64 <paramref name="indices"/> along <paramref name="dim"/>, input and indices broadcast apart from
    /// that dim (GatherBackward0); without a dim, over the flattened input. PyTorch: torch.take_along_dim.
    /// </summary>
    public Tensor TakeAlongDim(Tensor indices, int? dim = null) => ArrangeOps.TakeAlongDim(this, indices, dim);

    /// <summary>torch.take_along_dim as a static function: see <see cref="TakeAlongDim(Tensor, int?)"/>.</summary>
    public static Tensor TakeAlongDim(Tensor input, Tensor indices, int? dim = null) => ArrangeOps.TakeAlongDim(input, indices, dim);

    /// <summary>Running log(Σ exp) along <paramref name="dim"/>; floating inputs only (LogcumsumexpBackward0). PyTorch: torch.logcumsumexp.</summary>
    public Tensor Logcumsumexp(int dim) => ArrangeOps.Logcumsumexp(this, dim);

    /// <summary>torch.logcumsumexp as a static function: see <see cref="Logcumsumexp(int)"/>.</summary>
    public static Tensor Logcumsumexp(Tensor input, int dim) => ArrangeOps.Logcumsumexp(input, dim);
}
