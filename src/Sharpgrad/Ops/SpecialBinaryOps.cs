using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// torch.special's two-argument functions: the regularized incomplete gammas igamma (gammainc) and igammac
/// (gammaincc), broadcast and promoted as PyTorch (floating results only), and the Hurwitz zeta function (integers and
/// Bool promote to Float32). Their gradients exist for the second argument alone.
/// </summary>
internal static class SpecialBinaryOps
{
    public static Tensor Igamma(Tensor a, Tensor x) => BinaryMathOps.Binary(PointwiseBinaryKind.Igamma, a, x, static () => new IgammaBackward0(upper: false));
    public static Tensor Igammac(Tensor a, Tensor x) => BinaryMathOps.Binary(PointwiseBinaryKind.Igammac, a, x, static () => new IgammaBackward0(upper: true));
    public static Tensor Igamma_(Tensor a, Tensor x) => BinaryMathOps.InPlace(PointwiseBinaryKind.Igamma, a, x, static () => new IgammaBackward0(upper: false));
    public static Tensor Igammac_(Tensor a, Tensor x) => BinaryMathOps.InPlace(PointwiseBinaryKind.Igammac, a, x, static () => new IgammaBackward0(upper: true));

    /// <summary>ζ(x, q) of two tensors (SpecialZetaBackward0).</summary>
    public static Tensor Zeta(Tensor x, Tensor q) => BinaryMathOps.Binary(PointwiseBinaryKind.Zeta, x, q, static () => new SpecialZetaBackward0());

    /// <summary>ζ(x, q) with a number q (SpecialZetaBackward2, whose one input is x: backward always throws).</summary>
    public static Tensor Zeta(Tensor x, double q) => BinaryMathOps.Scalar(PointwiseBinaryKind.Zeta, x, q, static () => new SpecialZetaScalarBackward(2, 0));

    /// <summary>ζ(x, q) with a number x (SpecialZetaBackward1: q: grad · -x · ζ(x + 1, q)).</summary>
    public static Tensor Zeta(double x, Tensor q)
    {
        ArgumentNullException.ThrowIfNull(q);
        q.ThrowIfDisposed();
        var dtype = TypePromotion.WithDouble(q.DType);
        var y = BinaryMathOps.Raw(PointwiseBinaryKind.Zeta, Tensor.Scalar(x, dtype), q, dtype);
        if (Record.ShouldRecord(q))
        {
            var node = Record.Connect(new SpecialZetaScalarBackward(1, x), q);
            node.Self = SavedTensor.Input(q);
            Record.SetHistory(y, node);
        }
        return y;
    }
}

/// <summary>
/// igamma / igammac (IgammaBackward0 / IgammacBackward0): self (a) is not_implemented("igamma: input"); other (x):
/// ±grad · exp((a - 1) · log x - x - lgamma(a)), the integrand x^(a-1) e^-x / Γ(a).
/// </summary>
internal sealed class IgammaBackward0(bool upper) : BinaryNode
{
    public override string Name => upper ? "IgammacBackward0" : "IgammaBackward0";

    internal override Tensor?[] Apply(Tensor grad)
    {
        if (NeedsInputGrad(0))
            throw new InvalidOperationException($"the derivative for '{(upper ? "igammac" : "igamma")}: input' is not implemented.");
        var a = A!.Unpack();
        var x = B!.Unpack();
        var density = ((a - 1.0) * x.Log() - x - a.Lgamma()).Exp();
        return [null, NeedsInputGrad(1) ? GradB((upper ? -grad : grad) * density) : null];
    }
}

/// <summary>special_zeta (SpecialZetaBackward0): self (x) is not_implemented("zeta"); other (q): grad · -x · ζ(x + 1, q).</summary>
internal sealed class SpecialZetaBackward0 : BinaryNode
{
    public override string Name => nameof(SpecialZetaBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        if (NeedsInputGrad(0)) throw SpecialZetaScalarBackward.NotImplemented();
        var x = A!.Unpack();
        var q = B!.Unpack();
        return [null, NeedsInputGrad(1) ? GradB(grad * -x * SpecialBinaryOps.Zeta(x + 1.0, q)) : null];
    }
}

/// <summary>
/// special_zeta with a number: SpecialZetaBackward1 (number x, tensor q: grad · -x · ζ(x + 1, q)) or
/// SpecialZetaBackward2 (tensor x, number q: not_implemented("zeta")).
/// </summary>
internal sealed class SpecialZetaScalarBackward(int overload, double x) : UnaryNode
{
    public override string Name => overload == 1 ? "SpecialZetaBackward1" : "SpecialZetaBackward2";

    internal static InvalidOperationException NotImplemented() => new("the derivative for 'zeta' is not implemented.");

    internal override Tensor?[] Apply(Tensor grad)
    {
        if (overload != 1) throw NotImplemented();
        return [grad * -x * SpecialBinaryOps.Zeta(x + 1.0, SelfValue)];
    }
}
