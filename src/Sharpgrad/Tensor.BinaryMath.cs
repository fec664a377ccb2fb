using Sharpgrad.Kernels;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- fmin / fmax, hypot, xlogy, copysign, logaddexp2 ----

    /// <summary>Element-wise minimum ignoring NaN (NaN only where both are), broadcast; Bool gives logical and (FminBackward0). PyTorch: torch.fmin.</summary>
    public Tensor Fmin(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.Fmin, this, other, static () => new FextremumBackward(max: false));

    /// <summary>torch.fmin as a static function: see <see cref="Fmin(Tensor)"/>.</summary>
    public static Tensor Fmin(Tensor input, Tensor other) => input.Fmin(other);

    /// <summary>Element-wise maximum ignoring NaN (NaN only where both are), broadcast; Bool gives logical or (FmaxBackward0). PyTorch: torch.fmax.</summary>
    public Tensor Fmax(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.Fmax, this, other, static () => new FextremumBackward(max: true));

    /// <summary>torch.fmax as a static function: see <see cref="Fmax(Tensor)"/>.</summary>
    public static Tensor Fmax(Tensor input, Tensor other) => input.Fmax(other);

    /// <summary>sqrt(this² + other²) without overflow, broadcast; floating inputs only (HypotBackward0). PyTorch: torch.hypot.</summary>
    public Tensor Hypot(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.Hypot, this, other, static () => new HypotBackward0(), saveResult: true);

    /// <summary>torch.hypot as a static function: see <see cref="Hypot(Tensor)"/>.</summary>
    public static Tensor Hypot(Tensor input, Tensor other) => input.Hypot(other);

    /// <summary>In-place hypot. PyTorch: hypot_.</summary>
    public Tensor Hypot_(Tensor other) => BinaryMathOps.InPlace(PointwiseBinaryKind.Hypot, this, other, static () => new HypotBackward0(), saveResult: true);

    /// <summary>this·log(other), 0 where this is 0 unless other is NaN; integral inputs give the default float dtype (XlogyBackward0). PyTorch: torch.xlogy.</summary>
    public Tensor Xlogy(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.Xlogy, this, other, static () => new XlogyBackward0());

    /// <summary>this·log(other) with a Python number (XlogyBackward2). PyTorch: torch.xlogy(x, 2.0).</summary>
    public Tensor Xlogy(double other) => BinaryMathOps.Scalar(PointwiseBinaryKind.Xlogy, this, other, () => new XlogyBackward2(other));

    /// <summary>torch.xlogy as a static function: see <see cref="Xlogy(Tensor)"/>.</summary>
    public static Tensor Xlogy(Tensor input, Tensor other) => input.Xlogy(other);

    /// <summary>A Python number times log(other) (XlogyBackward1). PyTorch: torch.xlogy(2.0, y).</summary>
    public static Tensor Xlogy(double input, Tensor other) => BinaryMathOps.Xlogy(input, other);

    /// <summary>In-place xlogy. PyTorch: xlogy_.</summary>
    public Tensor Xlogy_(Tensor other) => BinaryMathOps.InPlace(PointwiseBinaryKind.Xlogy, this, other, static () => new XlogyBackward0());

    /// <summary>In-place xlogy with a Python number. PyTorch: xlogy_.</summary>
    public Tensor Xlogy_(double other) => BinaryMathOps.InPlace(PointwiseBinaryKind.Xlogy, this, other, () => new XlogyBackward2(other));

    /// <summary>|this| with the sign bit of other (-0.0 counts as negative), broadcast; integral inputs give the default float dtype (CopysignBackward0). PyTorch: torch.copysign.</summary>
    public Tensor CopySign(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.CopySign, this, other, static () => new CopysignBackward0(), saveResult: true);

    /// <summary>|this| with the sign bit of a Python number (CopysignBackward1). PyTorch: torch.copysign(x, -0.0).</summary>
    public Tensor CopySign(double other) => BinaryMathOps.Scalar(PointwiseBinaryKind.CopySign, this, other, static () => new CopysignBackward1(), saveResult: true);

    /// <summary>torch.copysign as a static function: see <see cref="CopySign(Tensor)"/>.</summary>
    public static Tensor CopySign(Tensor input, Tensor other) => input.CopySign(other);

    /// <summary>In-place copysign. PyTorch: copysign_.</summary>
    public Tensor CopySign_(Tensor other) => BinaryMathOps.InPlace(PointwiseBinaryKind.CopySign, this, other, static () => new CopysignBackward0(), saveResult: true);

    /// <summary>In-place copysign with a Python number. PyTorch: copysign_.</summary>
    public Tensor CopySign_(double other) => BinaryMathOps.InPlace(PointwiseBinaryKind.CopySign, this, other, static () => new CopysignBackward1(), saveResult: true);

    /// <summary>log2(2^this + 2^other) without overflow, broadcast; floating inputs only (Logaddexp2Backward0). PyTorch: torch.logaddexp2.</summary>
    public Tensor LogAddExp2(Tensor other) => BinaryMathOps.Binary(PointwiseBinaryKind.LogAddExp2, this, other, static () => new Logaddexp2Backward0());

    /// <summary>torch.logaddexp2 as a static function: see <see cref="LogAddExp2(Tensor)"/>.</summary>
    public static Tensor LogAddExp2(Tensor input, Tensor other) => input.LogAddExp2(other);
}
