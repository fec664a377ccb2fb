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

    /// <summary>
    /// The regularized lower incomplete gamma function P(this, x) = γ(this, x) / Γ(this), broadcast; the result dtype
    /// is the promoted one, which must be floating. Differentiable in <paramref name="x"/> only: backward through this
    /// (the shape parameter) throws, as in PyTorch (IgammaBackward0). PyTorch: torch.igamma / torch.special.gammainc.
    /// </summary>
    public Tensor Igamma(Tensor x) => SpecialBinaryOps.Igamma(this, x);

    /// <summary>torch.igamma as a static function: see <see cref="Igamma(Tensor)"/>.</summary>
    public static Tensor Igamma(Tensor a, Tensor x) => SpecialBinaryOps.Igamma(a, x);

    /// <summary>
    /// The regularized upper incomplete gamma function Q(this, x) = 1 - P(this, x), broadcast; differentiable in
    /// <paramref name="x"/> only (IgammacBackward0). PyTorch: torch.igammac / torch.special.gammaincc.
    /// </summary>
    public Tensor Igammac(Tensor x) => SpecialBinaryOps.Igammac(this, x);

    /// <summary>torch.igammac as a static function: see <see cref="Igammac(Tensor)"/>.</summary>
    public static Tensor Igammac(Tensor a, Tensor x) => SpecialBinaryOps.Igammac(a, x);

    /// <summary>In-place <see cref="Igamma(Tensor)"/>: x broadcast into this, the result cast to this dtype (IgammaBackward0). PyTorch: igamma_.</summary>
    public Tensor Igamma_(Tensor x) => SpecialBinaryOps.Igamma_(this, x);

    /// <summary>In-place <see cref="Igammac(Tensor)"/> (IgammacBackward0). PyTorch: igammac_.</summary>
    public Tensor Igammac_(Tensor x) => SpecialBinaryOps.Igammac_(this, x);
}
