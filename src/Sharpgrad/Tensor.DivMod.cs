using Sharpgrad.Kernels;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- remainder, fmod, floor_divide (Int64 stays Int64; an Int64 zero divisor throws "ZeroDivisionError") ----

    /// <summary>
    /// this / other rounded by <paramref name="roundingMode"/>, "trunc" (toward zero) or "floor", in the promoted dtype (integers
    /// stay integers; an integer zero divisor throws "ZeroDivisionError"). DivBackward2. PyTorch: torch.div(rounding_mode=).
    /// </summary>
    public Tensor Div(Tensor other, string roundingMode) => DivModOps.DivRounded(this, other, roundingMode);

    /// <summary>this / a Python number rounded by <paramref name="roundingMode"/> ("trunc" or "floor"); see <see cref="Div(Tensor, string)"/>.</summary>
    public Tensor Div(double other, string roundingMode) => DivModOps.DivRounded(this, other, roundingMode);

    /// <summary>torch.div with a rounding mode as a static function: see <see cref="Div(Tensor, string)"/>.</summary>
    public static Tensor Div(Tensor input, Tensor other, string roundingMode) => DivModOps.DivRounded(input, other, roundingMode);

    /// <summary>this mod other with the sign of other (Python's %), broadcast (RemainderBackward1). PyTorch: torch.remainder.</summary>
    public Tensor Remainder(Tensor other) => DivModOps.Binary(PointwiseBinaryKind.Remainder, this, other);

    /// <summary>this mod a Python number, with the number's sign (RemainderBackward0). PyTorch: torch.remainder.</summary>
    public Tensor Remainder(double other) => DivModOps.Scalar(PointwiseBinaryKind.Remainder, this, other);

    /// <summary>torch.remainder as a static function: see <see cref="Remainder(Tensor)"/>.</summary>
    public static Tensor Remainder(Tensor input, Tensor other) => DivModOps.Binary(PointwiseBinaryKind.Remainder, input, other);

    /// <summary>torch.remainder with a tensor divisor: see <see cref="Remainder(double)"/>.</summary>
    public static Tensor Remainder(Tensor input, double other) => DivModOps.Scalar(PointwiseBinaryKind.Remainder, input, other);

    /// <summary>A Python number mod each element, with the element's sign (no derivative in PyTorch). PyTorch: torch.remainder(scalar, tensor).</summary>
    public static Tensor Remainder(double input, Tensor other) => DivModOps.RemainderScalarFirst(input, other);

    /// <summary>In-place remainder. PyTorch: remainder_.</summary>
    public Tensor Remainder_(Tensor other) => DivModOps.InPlace(PointwiseBinaryKind.Remainder, this, other);

    /// <summary>In-place remainder by a Python number. PyTorch: remainder_.</summary>
    public Tensor Remainder_(double other) => DivModOps.InPlace(PointwiseBinaryKind.Remainder, this, other);

    /// <summary>Python's modulo: the sign of the divisor. PyTorch: a % b.</summary>
    public static Tensor operator %(Tensor a, Tensor b) => DivModOps.Binary(PointwiseBinaryKind.Remainder, a, b);

    /// <summary>Tensor modulo a Python number. PyTorch: a % 2.0.</summary>
    public static Tensor operator %(Tensor a, double b) => DivModOps.Scalar(PointwiseBinaryKind.Remainder, a, b);

    /// <summary>A Python number modulo a tensor. PyTorch: 2.0 % a.</summary>
    public static Tensor operator %(double a, Tensor b) => DivModOps.RemainderScalarFirst(a, b);

    /// <summary>this mod other with the sign of this (C's fmod), broadcast (FmodBackward1). PyTorch: torch.fmod.</summary>
    public Tensor Fmod(Tensor other) => DivModOps.Binary(PointwiseBinaryKind.Fmod, this, other);

    /// <summary>this mod a Python number, with this tensor's sign (FmodBackward0). PyTorch: torch.fmod.</summary>
    public Tensor Fmod(double other) => DivModOps.Scalar(PointwiseBinaryKind.Fmod, this, other);

    /// <summary>torch.fmod as a static function: see <see cref="Fmod(Tensor)"/>.</summary>
    public static Tensor Fmod(Tensor input, Tensor other) => DivModOps.Binary(PointwiseBinaryKind.Fmod, input, other);

    /// <summary>torch.fmod with a Python number: see <see cref="Fmod(double)"/>.</summary>
    public static Tensor Fmod(Tensor input, double other) => DivModOps.Scalar(PointwiseBinaryKind.Fmod, input, other);

    /// <summary>In-place fmod. PyTorch: fmod_.</summary>
    public Tensor Fmod_(Tensor other) => DivModOps.InPlace(PointwiseBinaryKind.Fmod, this, other);

    /// <summary>In-place fmod by a Python number. PyTorch: fmod_.</summary>
    public Tensor Fmod_(double other) => DivModOps.InPlace(PointwiseBinaryKind.Fmod, this, other);

    /// <summary>
    /// floor(this / other), broadcast; Int64 stays Int64, floating division by zero gives ±inf or NaN. PyTorch records
    /// no derivative (torch::autograd::NotImplemented). PyTorch: torch.floor_divide (the // operator).
    /// </summary>
    public Tensor FloorDivide(Tensor other) => DivModOps.Binary(PointwiseBinaryKind.FloorDivide, this, other);

    /// <summary>floor(this / a Python number). PyTorch: torch.floor_divide / a // 2.0.</summary>
    public Tensor FloorDivide(double other) => DivModOps.Scalar(PointwiseBinaryKind.FloorDivide, this, other);

    /// <summary>torch.floor_divide as a static function: see <see cref="FloorDivide(Tensor)"/>.</summary>
    public static Tensor FloorDivide(Tensor input, Tensor other) => DivModOps.Binary(PointwiseBinaryKind.FloorDivide, input, other);

    /// <summary>torch.floor_divide with a Python number: see <see cref="FloorDivide(double)"/>.</summary>
    public static Tensor FloorDivide(Tensor input, double other) => DivModOps.Scalar(PointwiseBinaryKind.FloorDivide, input, other);

    /// <summary>In-place floor division. PyTorch: floor_divide_.</summary>
    public Tensor FloorDivide_(Tensor other) => DivModOps.InPlace(PointwiseBinaryKind.FloorDivide, this, other);

    /// <summary>In-place floor division by a Python number. PyTorch: floor_divide_.</summary>
    public Tensor FloorDivide_(double other) => DivModOps.InPlace(PointwiseBinaryKind.FloorDivide, this, other);
}
