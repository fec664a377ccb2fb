using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- the special functions PyTorch also offers as Tensor methods (the rest are on Special) ----

    /// <summary>
    /// The modified Bessel function of the first kind of order 0; integer and Bool inputs give Float32 (I0Backward0).
    /// PyTorch: torch.i0 / torch.special.i0.
    /// </summary>
    public Tensor I0() => UnaryMathOps.I0(this);

    /// <summary>In-place <see cref="I0"/>; a non-floating tensor is refused (I0Backward0). PyTorch: i0_.</summary>
    public Tensor I0_() => UnaryMathOps.I0_(this);
}
