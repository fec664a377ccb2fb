using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

// The in-place forms (tan_, floor_, logit_, nan_to_num_, ...): PyTorch's nodes, formulas on the original values.
internal static partial class UnaryMathOps
{
    public static Tensor Tan_(Tensor x) => InPlace(x, UnaryKind.Tan, static () => new TanBackward0(), SaveUnary.Result);
    public static Tensor Asin_(Tensor x) => InPlace(x, UnaryKind.Asin, static () => new AsinBackward0(), SaveUnary.Self);
    public static Tensor Acos_(Tensor x) => InPlace(x, UnaryKind.Acos, static () => new AcosBackward0(), SaveUnary.Self);
    public static Tensor Atan_(Tensor x) => InPlace(x, UnaryKind.Atan, static () => new AtanBackward0(), SaveUnary.Self);
    public static Tensor Sinh_(Tensor x) => InPlace(x, UnaryKind.Sinh, static () => new SinhBackward0(), SaveUnary.Self);
    public static Tensor Cosh_(Tensor x) => InPlace(x, UnaryKind.Cosh, static () => new CoshBackward0(), SaveUnary.Self);
    public static Tensor Asinh_(Tensor x) => InPlace(x, UnaryKind.Asinh, static () => new InPlaceNotImplementedBackward("AsinhBackward1", "asinh"), SaveUnary.None);
    public static Tensor Acosh_(Tensor x) => InPlace(x, UnaryKind.Acosh, static () => new InPlaceNotImplementedBackward("AcoshBackward1", "acosh"), SaveUnary.None);
    public static Tensor Atanh_(Tensor x) => InPlace(x, UnaryKind.Atanh, static () => new InPlaceNotImplementedBackward("AtanhBackward1", "atanh"), SaveUnary.None);
    public static Tensor Log2_(Tensor x) => InPlace(x, UnaryKind.Log2, static () => new LogBaseBackward("Log2Backward0", Ln2), SaveUnary.Self);
    public static Tensor Log10_(Tensor x) => InPlace(x, UnaryKind.Log10, static () => new LogBaseBackward("Log10Backward0", Ln10), SaveUnary.Self);
    public static Tensor Exp2_(Tensor x) => InPlace(x, UnaryKind.Exp2, static () => new Exp2Backward0(), SaveUnary.Result);
    public static Tensor Erfc_(Tensor x) => InPlace(x, UnaryKind.Erfc, static () => new ErfcBackward0(), SaveUnary.Self);
    public static Tensor Erfinv_(Tensor x) => InPlace(x, UnaryKind.Erfinv, static () => new ErfinvBackward0(), SaveUnary.Self);
    public static Tensor Sinc_(Tensor x) => InPlace(x, UnaryKind.Sinc, static () => new SincBackward0(), SaveUnary.Self);
    public static Tensor Lgamma_(Tensor x) => InPlace(x, UnaryKind.Lgamma, static () => new LgammaBackward0(), SaveUnary.Self);
    public static Tensor Digamma_(Tensor x) => InPlace(x, UnaryKind.Digamma, static () => new PolygammaNode("DigammaBackward0", 0), SaveUnary.Self);

    /// <summary>floor_ / ceil_ / round_ / trunc_: integers are left as they are, Bool is refused with PyTorch's kernel name.</summary>
    public static Tensor Rounding_(Tensor x, UnaryKind kind, string node)
    {
        x.ThrowIfDisposed();
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant() + "_vml_cpu", x.DType);
        return InPlace(x, () => new ZeroGradNode(node), SaveUnary.None, (a, y) => Dispatch.Unary(kind, a, y), keepIntegers: true);
    }

    public static Tensor Frac_(Tensor x)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("frac_cpu", x.DType);
        return InPlace(x, UnaryKind.Frac, static () => new ScaleBackward("FracBackward0", 1.0), SaveUnary.None);
    }

    public static Tensor Sgn_(Tensor x) => InPlace(x, static () => new ZeroGradNode("SgnBackward0"), SaveUnary.None, SgnKernel, keepIntegers: true);
    public static Tensor Deg2Rad_(Tensor x) => InPlace(x, static () => new ScaleBackward("Deg2RadBackward0", PiOver180), SaveUnary.None, Deg2RadKernel);
    public static Tensor Rad2Deg_(Tensor x) => InPlace(x, static () => new ScaleBackward("Rad2DegBackward0", OneEightyOverPi), SaveUnary.None, Rad2DegKernel);
    public static Tensor Logit_(Tensor x, double? eps) => InPlace(x, () => new LogitBackward0(eps), SaveUnary.Self, (a, y) => Dispatch.Logit(a, y, eps));

    public static Tensor Polygamma_(Tensor x, int n)
    {
        if (n < 0) throw new InvalidOperationException("polygamma(n, x) does not support negative n.");
        return InPlace(x, () => new PolygammaNode("PolygammaBackward1", n), SaveUnary.Self, (a, y) => Dispatch.Polygamma(n, a, y));
    }

    public static Tensor NanToNum_(Tensor x, double nan, double? posinf, double? neginf) =>
        InPlace(x, static () => new NanToNumBackward0(), SaveUnary.Self, (a, y) =>
        {
            if (a.DType.IsFloatingPoint()) Dispatch.NanToNum(a, y, nan, posinf, neginf); // integers and Bool stay
        }, keepIntegers: true);

    private static Tensor InPlace(Tensor x, UnaryKind kind, Func<UnaryNode> makeNode, SaveUnary save) =>
        InPlace(x, makeNode, save, (a, y) => Dispatch.Unary(kind, a, y));

    /// <summary>
    /// self = f(self) through <paramref name="kernel"/>: a non-floating self is refused (PyTorch's cast message) unless
    /// <paramref name="keepIntegers"/> (the kernel then handles integers and Bool). The node saves a copy of the original
    /// self or the result.
    /// </summary>
    private static Tensor InPlace(Tensor x, Func<UnaryNode> makeNode, SaveUnary save, Action<StridedArray, StridedArray> kernel, bool keepIntegers = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.DType.IsFloatingPoint() && !keepIntegers) InPlaceOps.CheckCast(DTypeDefaults.Float, x.DType);
        bool record = InPlaceOps.Check(x);
        UnaryNode? node = null;
        if (record)
        {
            node = Record.Connect(makeNode(), x);
            if ((save & SaveUnary.Self) != 0) node.Self = OpHelpers.SaveCopy(x);
        }
        kernel(x.Strided, x.Strided);
        InPlaceOps.Commit(x, node);
        if (node is not null && (save & SaveUnary.Result) != 0) node.Result = SavedTensor.Output(x, node);
        return x;
    }
}
