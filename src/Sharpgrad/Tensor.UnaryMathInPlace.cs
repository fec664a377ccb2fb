using Sharpgrad.Kernels.Operators;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- in place (PyTorch's trailing underscore): the same nodes as the out-of-place forms, on the original values;
    //      a non-floating tensor is refused where the result would be floating ----

    /// <summary>In-place floor; integers are left as they are. PyTorch: floor_.</summary>
    public Tensor Floor_() => UnaryMathOps.Rounding_(this, UnaryKind.Floor, "FloorBackward0");
    /// <summary>In-place ceiling; integers are left as they are. PyTorch: ceil_.</summary>
    public Tensor Ceil_() => UnaryMathOps.Rounding_(this, UnaryKind.Ceil, "CeilBackward0");
    /// <summary>In-place round half to even; integers are left as they are. PyTorch: round_.</summary>
    public Tensor Round_() => UnaryMathOps.Rounding_(this, UnaryKind.Round, "RoundBackward0");
    /// <summary>In-place rounding toward zero; integers are left as they are. PyTorch: trunc_.</summary>
    public Tensor Trunc_() => UnaryMathOps.Rounding_(this, UnaryKind.Trunc, "TruncBackward0");
    /// <summary>Alias of <see cref="Trunc_"/>. PyTorch: fix_.</summary>
    public Tensor Fix_() => UnaryMathOps.Rounding_(this, UnaryKind.Trunc, "TruncBackward0");
    /// <summary>In-place tangent. PyTorch: tan_.</summary>
    public Tensor Tan_() => UnaryMathOps.Tan_(this);
    /// <summary>In-place arcsine. PyTorch: asin_.</summary>
    public Tensor Asin_() => UnaryMathOps.Asin_(this);
    /// <summary>In-place arccosine. PyTorch: acos_.</summary>
    public Tensor Acos_() => UnaryMathOps.Acos_(this);
    /// <summary>In-place arctangent. PyTorch: atan_.</summary>
    public Tensor Atan_() => UnaryMathOps.Atan_(this);
    /// <summary>In-place hyperbolic sine. PyTorch: sinh_.</summary>
    public Tensor Sinh_() => UnaryMathOps.Sinh_(this);
    /// <summary>In-place hyperbolic cosine. PyTorch: cosh_.</summary>
    public Tensor Cosh_() => UnaryMathOps.Cosh_(this);
    /// <summary>In-place inverse hyperbolic sine; PyTorch records AsinhBackward1, whose backward is not implemented. PyTorch: asinh_.</summary>
    public Tensor Asinh_() => UnaryMathOps.Asinh_(this);
    /// <summary>In-place inverse hyperbolic cosine (AcoshBackward1: backward not implemented). PyTorch: acosh_.</summary>
    public Tensor Acosh_() => UnaryMathOps.Acosh_(this);
    /// <summary>In-place inverse hyperbolic tangent (AtanhBackward1: backward not implemented). PyTorch: atanh_.</summary>
    public Tensor Atanh_() => UnaryMathOps.Atanh_(this);
    /// <summary>In-place base-2 logarithm. PyTorch: log2_.</summary>
    public Tensor Log2_() => UnaryMathOps.Log2_(this);
    /// <summary>In-place base-10 logarithm. PyTorch: log10_.</summary>
    public Tensor Log10_() => UnaryMathOps.Log10_(this);
    /// <summary>In-place 2^x. PyTorch: exp2_.</summary>
    public Tensor Exp2_() => UnaryMathOps.Exp2_(this);
    /// <summary>In-place x - trunc(x); floating dtypes only. PyTorch: frac_.</summary>
    public Tensor Frac_() => UnaryMathOps.Frac_(this);
    /// <summary>In-place complementary error function. PyTorch: erfc_.</summary>
    public Tensor Erfc_() => UnaryMathOps.Erfc_(this);
    /// <summary>In-place inverse error function. PyTorch: erfinv_.</summary>
    public Tensor Erfinv_() => UnaryMathOps.Erfinv_(this);
    /// <summary>In-place logit, x clamped into [eps, 1 - eps] when eps is given. PyTorch: logit_.</summary>
    public Tensor Logit_(double? eps = null) => UnaryMathOps.Logit_(this, eps);
    /// <summary>In-place normalized sinc. PyTorch: sinc_.</summary>
    public Tensor Sinc_() => UnaryMathOps.Sinc_(this);
    /// <summary>In-place degrees to radians. PyTorch: deg2rad_.</summary>
    public Tensor Deg2Rad_() => UnaryMathOps.Deg2Rad_(this);
    /// <summary>In-place radians to degrees. PyTorch: rad2deg_.</summary>
    public Tensor Rad2Deg_() => UnaryMathOps.Rad2Deg_(this);
    /// <summary>In-place sgn; integers and Bool keep their dtype. PyTorch: sgn_.</summary>
    public Tensor Sgn_() => UnaryMathOps.Sgn_(this);
    /// <summary>In-place log |Γ(x)|. PyTorch: lgamma_.</summary>
    public Tensor Lgamma_() => UnaryMathOps.Lgamma_(this);
    /// <summary>In-place digamma. PyTorch: digamma_.</summary>
    public Tensor Digamma_() => UnaryMathOps.Digamma_(this);
    /// <summary>In-place polygamma(n, x) (PolygammaBackward1). PyTorch: polygamma_(n).</summary>
    public Tensor Polygamma_(int n) => UnaryMathOps.Polygamma_(this, n);
    /// <summary>In-place nan_to_num; integers and Bool are left as they are. PyTorch: nan_to_num_.</summary>
    public Tensor NanToNum_(double nan = 0.0, double? posinf = null, double? neginf = null) => UnaryMathOps.NanToNum_(this, nan, posinf, neginf);
}
