using Sharpgrad.Ops;

namespace Sharpgrad;

/// <summary>torch.special: the special functions under PyTorch's special-namespace names.</summary>
public static class Special
{
    /// <summary>x · log1p(y), 0 where x is 0 (SpecialXlog1PyBackward0). PyTorch: torch.special.xlog1py.</summary>
    public static Tensor Xlog1py(Tensor x, Tensor y) => SpecialOps.Xlog1py(x, y, 0);

    /// <summary>x · log1p(y) with a number x (SpecialXlog1PyBackward1). PyTorch: torch.special.xlog1py.</summary>
    public static Tensor Xlog1py(double x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return SpecialOps.Xlog1py(Tensor.Scalar(x, y.DType.IsFloatingPoint() ? y.DType : DType.Float32), y, 1);
    }

    /// <summary>x · log1p(y) with a number y (SpecialXlog1PyBackward2). PyTorch: torch.special.xlog1py.</summary>
    public static Tensor Xlog1py(Tensor x, double y)
    {
        ArgumentNullException.ThrowIfNull(x);
        return SpecialOps.Xlog1py(x, Tensor.Scalar(y, x.DType.IsFloatingPoint() ? x.DType : DType.Float32), 2);
    }

    /// <summary>x · log(y), 0 where x is 0 (XlogyBackward0). PyTorch: torch.special.xlogy.</summary>
    public static Tensor Xlogy(Tensor x, Tensor y) => x.Xlogy(y);

    /// <summary>Elementwise entropy -x·ln x (0 at 0, -inf below 0) (SpecialEntrBackward0). PyTorch: torch.special.entr.</summary>
    public static Tensor Entr(Tensor x) => SpecialOps.Entr(x);

    /// <summary>The standard normal CDF, (1 + erf(x/√2))/2. PyTorch: torch.special.ndtr.</summary>
    public static Tensor Ndtr(Tensor x) => SpecialOps.Ndtr(x);

    /// <summary>The log of the multivariate gamma function of dimension <paramref name="p"/> (MvlgammaBackward0). PyTorch: torch.special.multigammaln.</summary>
    public static Tensor Multigammaln(Tensor a, int p) => SpecialOps.Multigammaln(a, p);

    /// <summary>
    /// The scaled complementary error function e^(x²) · erfc(x), which stays finite (about 1/(x√π)) where erfc
    /// underflows (SpecialErfcxBackward0). PyTorch: torch.special.erfcx.
    /// </summary>
    public static Tensor Erfcx(Tensor x) => UnaryMathOps.Erfcx(x);

    /// <summary>
    /// log Φ(x), the log of the standard normal CDF, accurate far into the lower tail where Φ underflows
    /// (SpecialLogNdtrBackward0). PyTorch: torch.special.log_ndtr.
    /// </summary>
    public static Tensor LogNdtr(Tensor x) => UnaryMathOps.LogNdtr(x);

    /// <summary>
    /// Φ⁻¹(p), the standard normal quantile: ∓∞ at 0 and 1, NaN outside [0, 1] (SpecialNdtriBackward0).
    /// PyTorch: torch.special.ndtri.
    /// </summary>
    public static Tensor Ndtri(Tensor x) => UnaryMathOps.Ndtri(x);

    /// <summary>
    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), broadcast; differentiable in x only
    /// (IgammaBackward0). PyTorch: torch.special.gammainc.
    /// </summary>
    public static Tensor Gammainc(Tensor a, Tensor x) => SpecialBinaryOps.Igamma(a, x);

    /// <summary>
    /// The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), broadcast; differentiable in x only
    /// (IgammacBackward0). PyTorch: torch.special.gammaincc.
    /// </summary>
    public static Tensor Gammaincc(Tensor a, Tensor x) => SpecialBinaryOps.Igammac(a, x);

    /// <summary>
    /// The Hurwitz zeta function ζ(x, q) = Σ_k (q + k)^-x, broadcast (ζ(x, 1) is Riemann's); ∞ at x = 1 and at
    /// non-positive integer q, NaN for x &lt; 1. Integers and Bool give Float32. Differentiable in q only
    /// (SpecialZetaBackward0). PyTorch: torch.special.zeta.
    /// </summary>
    public static Tensor Zeta(Tensor x, Tensor q) => SpecialBinaryOps.Zeta(x, q);

    /// <summary>ζ(x, q) with a number x (SpecialZetaBackward1). PyTorch: torch.special.zeta.</summary>
    public static Tensor Zeta(double x, Tensor q) => SpecialBinaryOps.Zeta(x, q);

    /// <summary>ζ(x, q) with a number q; backward through x throws, as in PyTorch (SpecialZetaBackward2). PyTorch: torch.special.zeta.</summary>
    public static Tensor Zeta(Tensor x, double q) => SpecialBinaryOps.Zeta(x, q);

    /// <summary>The logistic sigmoid (SigmoidBackward0). PyTorch: torch.special.expit.</summary>
    public static Tensor Expit(Tensor x) => x.Sigmoid();

    /// <summary>log(x / (1 - x)), x clamped to [eps, 1 - eps] when given. PyTorch: torch.special.logit.</summary>
    public static Tensor Logit(Tensor x, double? eps = null) => x.Logit(eps);

    /// <summary>ln Γ(x). PyTorch: torch.special.gammaln.</summary>
    public static Tensor Gammaln(Tensor x) => x.Lgamma();

    /// <summary>The digamma function. PyTorch: torch.special.digamma / psi.</summary>
    public static Tensor Digamma(Tensor x) => x.Digamma();

    /// <summary>The digamma function. PyTorch: torch.special.psi.</summary>
    public static Tensor Psi(Tensor x) => x.Digamma();

    /// <summary>The n-th derivative of digamma. PyTorch: torch.special.polygamma.</summary>
    public static Tensor Polygamma(int n, Tensor x) => x.Polygamma(n);

    /// <summary>The error function. PyTorch: torch.special.erf.</summary>
    public static Tensor Erf(Tensor x) => x.Erf();

    /// <summary>The complementary error function. PyTorch: torch.special.erfc.</summary>
    public static Tensor Erfc(Tensor x) => x.Erfc();

    /// <summary>The inverse error function. PyTorch: torch.special.erfinv.</summary>
    public static Tensor Erfinv(Tensor x) => x.Erfinv();

    /// <summary>
    /// The modified Bessel function of the first kind of order 0, I0(x) = Σ (x/2)^(2k) / (k!)² (I0Backward0).
    /// PyTorch: torch.special.i0.
    /// </summary>
    public static Tensor I0(Tensor x) => UnaryMathOps.I0(x);

    /// <summary>e^-|x| I0(x), which stays finite where I0 overflows (SpecialI0EBackward0). PyTorch: torch.special.i0e.</summary>
    public static Tensor I0e(Tensor x) => UnaryMathOps.I0e(x);

    /// <summary>The modified Bessel function of the first kind of order 1, odd in x (SpecialI1Backward0). PyTorch: torch.special.i1.</summary>
    public static Tensor I1(Tensor x) => UnaryMathOps.I1(x);

    /// <summary>e^-|x| I1(x) (SpecialI1EBackward0). PyTorch: torch.special.i1e.</summary>
    public static Tensor I1e(Tensor x) => UnaryMathOps.I1e(x);

    /// <summary>2^x. PyTorch: torch.special.exp2.</summary>
    public static Tensor Exp2(Tensor x) => x.Exp2();

    /// <summary>e^x - 1. PyTorch: torch.special.expm1.</summary>
    public static Tensor Expm1(Tensor x) => x.Expm1();

    /// <summary>ln(1 + x). PyTorch: torch.special.log1p.</summary>
    public static Tensor Log1p(Tensor x) => x.Log1p();

    /// <summary>sin(πx)/(πx), 1 at 0. PyTorch: torch.special.sinc.</summary>
    public static Tensor Sinc(Tensor x) => x.Sinc();

    /// <summary>Rounding half to even, to <paramref name="decimals"/> places. PyTorch: torch.special.round.</summary>
    public static Tensor Round(Tensor x, int decimals = 0) => decimals == 0 ? x.Round() : x.Round(decimals);

    /// <summary>Softmax along <paramref name="dim"/>. PyTorch: torch.special.softmax.</summary>
    public static Tensor Softmax(Tensor x, int dim) => NN.Functional.Softmax(x, dim);

    /// <summary>log(softmax) along <paramref name="dim"/>. PyTorch: torch.special.log_softmax.</summary>
    public static Tensor LogSoftmax(Tensor x, int dim) => NN.Functional.LogSoftmax(x, dim);

    /// <summary>log Σ exp over <paramref name="dims"/>. PyTorch: torch.special.logsumexp.</summary>
    public static Tensor Logsumexp(Tensor x, int[] dims, bool keepDim = false) => x.LogSumExp(dims, keepDim);
}
