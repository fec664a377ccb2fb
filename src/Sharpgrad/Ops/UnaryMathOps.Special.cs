using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Ops;

// torch.special's modified Bessel functions (i0, i0e, i1, i1e) and normal-tail functions (erfcx, log_ndtr, ndtri):
// integer and Bool inputs become Float32, as in PyTorch.
internal static partial class UnaryMathOps
{
    public static Tensor I0(Tensor x) => UnaryOps.Unary(UnaryKind.I0, x, static () => new I0Backward0(), SaveUnary.Self);
    public static Tensor I0e(Tensor x) => UnaryOps.Unary(UnaryKind.I0e, x, static () => new SpecialI0EBackward0(), SaveUnary.Self | SaveUnary.Result);
    public static Tensor I1(Tensor x) => UnaryOps.Unary(UnaryKind.I1, x, static () => new SpecialI1Backward0(), SaveUnary.Self | SaveUnary.Result);
    public static Tensor I1e(Tensor x) => UnaryOps.Unary(UnaryKind.I1e, x, static () => new SpecialI1EBackward0(), SaveUnary.Self | SaveUnary.Result);

    public static Tensor Erfcx(Tensor x) => UnaryOps.Unary(UnaryKind.Erfcx, x, static () => new SpecialErfcxBackward0(), SaveUnary.Self | SaveUnary.Result);
    public static Tensor LogNdtr(Tensor x) => UnaryOps.Unary(UnaryKind.LogNdtr, x, static () => new SpecialLogNdtrBackward0(), SaveUnary.Self | SaveUnary.Result);
    public static Tensor Ndtri(Tensor x) => UnaryOps.Unary(UnaryKind.Ndtri, x, static () => new SpecialNdtriBackward0(), SaveUnary.Result);

    /// <summary>i0_: PyTorch has no in-place form of the other functions here.</summary>
    public static Tensor I0_(Tensor x) => InPlace(x, UnaryKind.I0, static () => new I0Backward0(), SaveUnary.Self);
}
