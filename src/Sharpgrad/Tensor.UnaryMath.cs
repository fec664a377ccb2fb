using Sharpgrad.Kernels.Operators;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- trigonometric and hyperbolic functions (integer and Bool inputs give Float32) ----

    /// <summary>Tangent (TanBackward0). PyTorch: torch.tan.</summary>
    public Tensor Tan() => UnaryMathOps.Tan(this);
    /// <summary>Arcsine; NaN outside [-1, 1] (AsinBackward0). PyTorch: torch.asin.</summary>
    public Tensor Asin() => UnaryMathOps.Asin(this);
    /// <summary>Arccosine; NaN outside [-1, 1] (AcosBackward0). PyTorch: torch.acos.</summary>
    public Tensor Acos() => UnaryMathOps.Acos(this);
    /// <summary>Arctangent (AtanBackward0). PyTorch: torch.atan.</summary>
    public Tensor Atan() => UnaryMathOps.Atan(this);
    /// <summary>Hyperbolic sine (SinhBackward0). PyTorch: torch.sinh.</summary>
    public Tensor Sinh() => UnaryMathOps.Sinh(this);
    /// <summary>Hyperbolic cosine (CoshBackward0). PyTorch: torch.cosh.</summary>
    public Tensor Cosh() => UnaryMathOps.Cosh(this);
    /// <summary>Inverse hyperbolic sine (AsinhBackward0). PyTorch: torch.asinh.</summary>
    public Tensor Asinh() => UnaryMathOps.Asinh(this);
    /// <summary>Inverse hyperbolic cosine; NaN below 1 (AcoshBackward0). PyTorch: torch.acosh.</summary>
    public Tensor Acosh() => UnaryMathOps.Acosh(this);
    /// <summary>Inverse hyperbolic tangent; ±∞ at ±1, NaN beyond (AtanhBackward0). PyTorch: torch.atanh.</summary>
    public Tensor Atanh() => UnaryMathOps.Atanh(this);

    // ---- logarithms, exponentials, rounding and special functions ----

    /// <summary>Base-2 logarithm (Log2Backward0). PyTorch: torch.log2.</summary>
    public Tensor Log2() => UnaryMathOps.Log2(this);
    /// <summary>Base-10 logarithm (Log10Backward0). PyTorch: torch.log10.</summary>
    public Tensor Log10() => UnaryMathOps.Log10(this);
    /// <summary>2^x (Exp2Backward0). PyTorch: torch.exp2.</summary>
    public Tensor Exp2() => UnaryMathOps.Exp2(this);
    /// <summary>Rounds toward zero; integers are kept, Bool is refused (TruncBackward0: zeros). PyTorch: torch.trunc.</summary>
    public Tensor Trunc() => UnaryMathOps.Trunc(this);
    /// <summary>Alias of <see cref="Trunc"/> (TruncBackward0). PyTorch: torch.fix.</summary>
    public Tensor Fix() => UnaryMathOps.Trunc(this);
    /// <summary>x - trunc(x), keeping x's sign; floating dtypes only (FracBackward0). PyTorch: torch.frac.</summary>
    public Tensor Frac() => UnaryMathOps.Frac(this);
    /// <summary>The complementary error function 1 - erf(x) (ErfcBackward0). PyTorch: torch.erfc.</summary>
    public Tensor Erfc() => UnaryMathOps.Erfc(this);
    /// <summary>The inverse error function; ±∞ at ±1, NaN beyond (ErfinvBackward0). PyTorch: torch.erfinv.</summary>
    public Tensor Erfinv() => UnaryMathOps.Erfinv(this);
    /// <summary>
    /// log(x / (1 - x)); with <paramref name="eps"/> x is first clamped into [eps, 1 - eps] (LogitBackward0: 0 outside
    /// that range, NaN outside [0, 1] without eps). PyTorch: torch.logit.
    /// </summary>
    public Tensor Logit(double? eps = null) => UnaryMathOps.Logit(this, eps);
    /// <summary>The normalized sinc sin(πx) / (πx), 1 at 0 (SincBackward0). PyTorch: torch.sinc.</summary>
    public Tensor Sinc() => UnaryMathOps.Sinc(this);
    /// <summary>Degrees to radians, x · π/180 (Deg2RadBackward0). PyTorch: torch.deg2rad.</summary>
    public Tensor Deg2Rad() => UnaryMathOps.Deg2Rad(this);
    /// <summary>Radians to degrees, x · 180/π (Rad2DegBackward0). PyTorch: torch.rad2deg.</summary>
    public Tensor Rad2Deg() => UnaryMathOps.Rad2Deg(this);
    /// <summary>The sign of a real tensor; integers and Bool keep their dtype (SgnBackward0: zeros). PyTorch: torch.sgn.</summary>
    public Tensor Sgn() => UnaryMathOps.Sgn(this);
    /// <summary>log |Γ(x)|; +∞ at the poles 0, -1, -2, ... (LgammaBackward0). PyTorch: torch.lgamma.</summary>
    public Tensor Lgamma() => UnaryMathOps.Lgamma(this);
    /// <summary>ψ(x) = d/dx log Γ(x); ∓∞ at ±0, NaN at negative integers (DigammaBackward0). PyTorch: torch.digamma.</summary>
    public Tensor Digamma() => UnaryMathOps.Digamma(this);
    /// <summary>The n-th derivative of digamma, n ≥ 0 (PolygammaBackward0). PyTorch: torch.polygamma(n, x).</summary>
    public Tensor Polygamma(int n) => UnaryMathOps.Polygamma(n, this);

    // ---- floating-point classification (Bool results, never recorded) and nan_to_num ----

    /// <summary>True where NaN. PyTorch: torch.isnan.</summary>
    public Tensor IsNan() => UnaryMathOps.Classify(FloatClass.IsNan, this);
    /// <summary>True where ±∞. PyTorch: torch.isinf.</summary>
    public Tensor IsInf() => UnaryMathOps.Classify(FloatClass.IsInf, this);
    /// <summary>True where +∞. PyTorch: torch.isposinf.</summary>
    public Tensor IsPosInf() => UnaryMathOps.Classify(FloatClass.IsPosInf, this);
    /// <summary>True where -∞. PyTorch: torch.isneginf.</summary>
    public Tensor IsNegInf() => UnaryMathOps.Classify(FloatClass.IsNegInf, this);
    /// <summary>True where neither NaN nor ±∞. PyTorch: torch.isfinite.</summary>
    public Tensor IsFinite() => UnaryMathOps.Classify(FloatClass.IsFinite, this);
    /// <summary>True where the sign bit is set (-0 and negative NaN included). PyTorch: torch.signbit.</summary>
    public Tensor Signbit() => UnaryMathOps.Classify(FloatClass.Signbit, this);
    /// <summary>
    /// NaN, +∞ and -∞ replaced by <paramref name="nan"/>, <paramref name="posinf"/> and <paramref name="neginf"/> (the
    /// infinities default to the dtype's largest and lowest finite values); NanToNumBackward0 passes grad where x is finite.
    /// PyTorch: torch.nan_to_num.
    /// </summary>
    public Tensor NanToNum(double nan = 0.0, double? posinf = null, double? neginf = null) => UnaryMathOps.NanToNum(this, nan, posinf, neginf);
}
