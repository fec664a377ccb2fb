using Sharpgrad.Kernels;

namespace Sharpgrad.Ops;

/// <summary>
/// torch.special's two-argument functions: the regularized incomplete gammas igamma (gammainc) and igammac
/// (gammaincc), broadcast and promoted as PyTorch (floating results only). Their gradient exists for x alone.
/// </summary>
internal static class SpecialBinaryOps
{
    public static Tensor Igamma(Tensor a, Tensor x) => BinaryMathOps.Binary(PointwiseBinaryKind.Igamma, a, x, static () => new IgammaBackward0(upper: false));
    public static Tensor Igammac(Tensor a, Tensor x) => BinaryMathOps.Binary(PointwiseBinaryKind.Igammac, a, x, static () => new IgammaBackward0(upper: true));
    public static Tensor Igamma_(Tensor a, Tensor x) => BinaryMathOps.InPlace(PointwiseBinaryKind.Igamma, a, x, static () => new IgammaBackward0(upper: false));
    public static Tensor Igammac_(Tensor a, Tensor x) => BinaryMathOps.InPlace(PointwiseBinaryKind.Igammac, a, x, static () => new IgammaBackward0(upper: true));
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
