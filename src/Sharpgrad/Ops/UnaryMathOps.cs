using Sharpgrad.Kernels;
using Sharpgrad.Shapes;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Ops;

/// <summary>
/// Trigonometric, hyperbolic, logarithmic and special element-wise functions (tan ... atanh, log2, erfinv, lgamma,
/// digamma, polygamma, logit, nan_to_num, isnan, ...). Integer and Bool inputs become Float32, as in PyTorch.
/// </summary>
internal static partial class UnaryMathOps
{
    private const double Ln2 = 0.6931471805599453, Ln10 = 2.3025850929940456;
    private const double PiOver180 = 0.017453292519943295769236907684886127134428718885417;
    private const double OneEightyOverPi = 57.295779513082320876798154814105170332405472466564;

    public static Tensor Tan(Tensor x) => UnaryOps.Unary(UnaryKind.Tan, x, static () => new TanBackward0(), SaveUnary.Result);
    public static Tensor Asin(Tensor x) => UnaryOps.Unary(UnaryKind.Asin, x, static () => new AsinBackward0(), SaveUnary.Self);
    public static Tensor Acos(Tensor x) => UnaryOps.Unary(UnaryKind.Acos, x, static () => new AcosBackward0(), SaveUnary.Self);
    public static Tensor Atan(Tensor x) => UnaryOps.Unary(UnaryKind.Atan, x, static () => new AtanBackward0(), SaveUnary.Self);
    public static Tensor Sinh(Tensor x) => UnaryOps.Unary(UnaryKind.Sinh, x, static () => new SinhBackward0(), SaveUnary.Self);
    public static Tensor Cosh(Tensor x) => UnaryOps.Unary(UnaryKind.Cosh, x, static () => new CoshBackward0(), SaveUnary.Self);
    public static Tensor Asinh(Tensor x) => UnaryOps.Unary(UnaryKind.Asinh, x, static () => new AsinhBackward0(), SaveUnary.Self);
    public static Tensor Acosh(Tensor x) => UnaryOps.Unary(UnaryKind.Acosh, x, static () => new AcoshBackward0(), SaveUnary.Self);
    public static Tensor Atanh(Tensor x) => UnaryOps.Unary(UnaryKind.Atanh, x, static () => new AtanhBackward0(), SaveUnary.Self);
    public static Tensor Log2(Tensor x) => UnaryOps.Unary(UnaryKind.Log2, x, static () => new LogBaseBackward("Log2Backward0", Ln2), SaveUnary.Self);
    public static Tensor Log10(Tensor x) => UnaryOps.Unary(UnaryKind.Log10, x, static () => new LogBaseBackward("Log10Backward0", Ln10), SaveUnary.Self);
    public static Tensor Exp2(Tensor x) => UnaryOps.Unary(UnaryKind.Exp2, x, static () => new Exp2Backward0(), SaveUnary.Result);
    public static Tensor Erfc(Tensor x) => UnaryOps.Unary(UnaryKind.Erfc, x, static () => new ErfcBackward0(), SaveUnary.Self);
    public static Tensor Erfinv(Tensor x) => UnaryOps.Unary(UnaryKind.Erfinv, x, static () => new ErfinvBackward0(), SaveUnary.Self);
    public static Tensor Sinc(Tensor x) => UnaryOps.Unary(UnaryKind.Sinc, x, static () => new SincBackward0(), SaveUnary.Self);
    public static Tensor Lgamma(Tensor x) => UnaryOps.Unary(UnaryKind.Lgamma, x, static () => new LgammaBackward0(), SaveUnary.Self);
    public static Tensor Digamma(Tensor x) => UnaryOps.Unary(UnaryKind.Digamma, x, static () => new PolygammaNode("DigammaBackward0", 0), SaveUnary.Self);

    /// <summary>trunc (and its alias fix): identity on integers, refused on Bool; TruncBackward0 gives zeros.</summary>
    public static Tensor Trunc(Tensor x)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType("trunc_vml_cpu", x.DType);
        return UnaryOps.Unary(UnaryKind.Trunc, x, static () => new ZeroGradNode("TruncBackward0"), SaveUnary.None, keepIntegers: true);
    }

    /// <summary>x - trunc(x); floating dtypes only. FracBackward0 passes grad through.</summary>
    public static Tensor Frac(Tensor x)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("frac_cpu", x.DType);
        return UnaryOps.Unary(UnaryKind.Frac, x, static () => new ScaleBackward("FracBackward0", 1.0), SaveUnary.None);
    }

    /// <summary>sgn: sign for real tensors (0 at NaN, as sign); integers and Bool keep their dtype. SgnBackward0 gives zeros.</summary>
    public static Tensor Sgn(Tensor x)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) return CopyOps.Clone(x);
        return UnaryOps.Unary(UnaryKind.Sign, x, static () => new ZeroGradNode("SgnBackward0"), SaveUnary.None, keepIntegers: true);
    }

    /// <summary>sgn's values in place: sign; a Bool tensor is left as it is.</summary>
    private static void SgnKernel(StridedArray x, StridedArray y)
    {
        if (x.DType != DType.Bool) Dispatch.Unary(UnaryKind.Sign, x, y);
    }

    /// <summary>x · π/180 (Deg2RadBackward0).</summary>
    public static Tensor Deg2Rad(Tensor x) => Pointwise(x, static () => new ScaleBackward("Deg2RadBackward0", PiOver180), SaveUnary.None, Deg2RadKernel);

    private static void Deg2RadKernel(StridedArray x, StridedArray y) => Dispatch.BinaryScalar(BinaryKind.Mul, x, PiOver180, false, y);

    /// <summary>x · 180/π (Rad2DegBackward0).</summary>
    public static Tensor Rad2Deg(Tensor x) => Pointwise(x, static () => new ScaleBackward("Rad2DegBackward0", OneEightyOverPi), SaveUnary.None, Rad2DegKernel);

    private static void Rad2DegKernel(StridedArray x, StridedArray y) => Dispatch.BinaryScalar(BinaryKind.Mul, x, OneEightyOverPi, false, y);

    /// <summary>log(x / (1 - x)), x clamped into [eps, 1 - eps] when eps is given (LogitBackward0).</summary>
    public static Tensor Logit(Tensor x, double? eps) =>
        Pointwise(x, () => new LogitBackward0(eps), SaveUnary.Self, (a, y) => Dispatch.Logit(a, y, eps));

    /// <summary>The n-th derivative of digamma (PolygammaBackward0).</summary>
    public static Tensor Polygamma(int n, Tensor x)
    {
        if (n < 0) throw new InvalidOperationException("polygamma(n, x) does not support negative n.");
        return Pointwise(x, () => new PolygammaNode("PolygammaBackward0", n), SaveUnary.Self, (a, y) => Dispatch.Polygamma(n, a, y));
    }

    /// <summary>NaN, +∞, -∞ replaced (defaults: 0, the dtype's largest and lowest); integers and Bool are copied (NanToNumBackward0).</summary>
    public static Tensor NanToNum(Tensor x, double nan, double? posinf, double? neginf)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) return CopyOps.Clone(x);
        return Pointwise(x, static () => new NanToNumBackward0(), SaveUnary.Self, (a, y) => Dispatch.NanToNum(a, y, nan, posinf, neginf));
    }

    /// <summary>A Bool classification; integer and Bool inputs are never NaN or infinite, and their sign bit is x &lt; 0.</summary>
    public static Tensor Classify(FloatClass kind, Tensor x)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint())
        {
            if (kind == FloatClass.Signbit && x.DType.IsIntegral()) return x.Lt(0.0);
            return Tensor.Full(x.Sizes, kind == FloatClass.IsFinite ? 1 : 0, DType.Bool);
        }
        var y = Tensor.Empty(DType.Bool, x.Sizes);
        Dispatch.Classify(kind, x.Strided, y.Strided);
        return y;
    }

    /// <summary>
    /// A recorded element-wise function computed by <paramref name="kernel"/> (x already floating: integers and Bool become
    /// Float32); the node saves x, the result or neither.
    /// </summary>
    private static Tensor Pointwise(Tensor x, Func<UnaryNode> makeNode, SaveUnary save, Action<StridedArray, StridedArray> kernel)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) x = OpHelpers.CastRaw(x, DTypeDefaults.Float);
        UnaryNode? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(makeNode(), x);
            if ((save & SaveUnary.Self) != 0) node.Self = SavedTensor.Input(x);
        }
        var y = Tensor.Empty(x.DType, x.Sizes);
        kernel(x.Strided, y.Strided);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}
