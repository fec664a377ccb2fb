using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// remainder (Python's sign), fmod (C's sign) and floor_divide, broadcast and promoted as PyTorch: Int64 stays Int64
/// and an Int64 zero divisor throws PyTorch's ZeroDivisionError; floor_divide records no derivative.
/// </summary>
internal static class DivModOps
{
    private static string KernelName(PointwiseBinaryKind kind) => kind switch
    {
        PointwiseBinaryKind.Remainder => "remainder_cpu",
        PointwiseBinaryKind.Fmod => "fmod_cpu",
        PointwiseBinaryKind.TruncDivide => "div_trunc_cpu",
        _ => "div_floor_cpu",
    };

    /// <summary>kind(a, b) in <paramref name="dtype"/>, broadcast, unrecorded.</summary>
    internal static Tensor Compute(PointwiseBinaryKind kind, Tensor a, Tensor b, DType dtype)
    {
        if (dtype == DType.Bool) throw Errors.UnsupportedDType(KernelName(kind), dtype);
        var shape = OpHelpers.BroadcastShape(a, b);
        var bc = OpHelpers.CastRaw(b, dtype);
        var y = Tensor.Empty(dtype, shape);
        if (y.Numel == 0) return y;
        if (dtype.IsIntegral()) CheckNoZero(bc);
        Dispatch.PointwiseBinary(kind, OpHelpers.CastRaw(a, dtype).Strided, bc.Strided, y.Strided);
        return y;
    }

    /// <summary>PyTorch's RuntimeError for an integer division by zero.</summary>
    private static void CheckNoZero(Tensor divisor)
    {
        var c = OpHelpers.ContiguousRaw(divisor);
        bool zero = c.DType switch
        {
            DType.Int32 => c.Elements<int>().AsSpan(c.Offset, c.Numel).Contains(0),
            DType.UInt8 => c.Elements<byte>().AsSpan(c.Offset, c.Numel).Contains((byte)0),
            DType.Int16 => c.Elements<short>().AsSpan(c.Offset, c.Numel).Contains((short)0),
            DType.Int8 => c.Elements<sbyte>().AsSpan(c.Offset, c.Numel).Contains((sbyte)0),
            _ => c.Elements<long>().AsSpan(c.Offset, c.Numel).Contains(0L),
        };
        if (zero) throw new InvalidOperationException("ZeroDivisionError");
    }

    private static Node MakeNode(PointwiseBinaryKind kind, bool scalarOther) => kind switch
    {
        PointwiseBinaryKind.Remainder => scalarOther ? new RemainderBackward0() : new RemainderBackward1(),
        PointwiseBinaryKind.Fmod => scalarOther ? new FmodBackward0() : new FmodBackward1(),
        _ => new NotImplementedBackward("aten::floor_divide"),
    };

    /// <summary>Wires the node of kind(a, b) to both inputs; a binary node keeps what its formula needs.</summary>
    private static Node Connect(PointwiseBinaryKind kind, Tensor a, Tensor b, SavedTensor savedA)
    {
        var node = Record.Connect(MakeNode(kind, false), a, b);
        if (node is BinaryNode bn)
        {
            bn.ASizes = a.Sizes;
            bn.BSizes = b.Sizes;
            bn.ADType = a.DType;
            bn.BDType = b.DType;
            bn.A = savedA;
            bn.B = SavedTensor.Input(b);
        }
        else savedA.Release();
        return node;
    }

    /// <summary>kind(a, b) of two tensors (RemainderBackward1, FmodBackward1; floor_divide: NotImplemented).</summary>
    public static Tensor Binary(PointwiseBinaryKind kind, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(a, b);
        var y = Compute(kind, a, b, TypePromotion.Result(a, b));
        if (Record.ShouldRecord(a, b)) Record.SetHistory(y, Connect(kind, a, b, SavedTensor.Input(a)));
        return y;
    }

    /// <summary>kind(a, s) with a Python number (RemainderBackward0, FmodBackward0: the gradient passes through).</summary>
    public static Tensor Scalar(PointwiseBinaryKind kind, Tensor a, double s)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        var dtype = TypePromotion.WithScalar(a.DType, s);
        var y = Compute(kind, a, Tensor.Scalar(s, dtype), dtype);
        if (Record.ShouldRecord(a)) Record.SetHistory(y, Record.Connect(MakeNode(kind, true), a));
        return y;
    }

    /// <summary>remainder(s, a) with a Python number first (no derivative in PyTorch: NotImplemented).</summary>
    public static Tensor RemainderScalarFirst(double s, Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        var dtype = TypePromotion.WithScalar(a.DType, s);
        var y = Compute(PointwiseBinaryKind.Remainder, Tensor.Scalar(s, dtype), a, dtype);
        if (Record.ShouldRecord(a)) Record.SetHistory(y, Record.Connect(new NotImplementedBackward("aten::remainder"), a));
        return y;
    }

    /// <summary>div(a, b, rounding_mode) for "trunc" and "floor", in a and b's promoted dtype; DivBackward2 (zero gradients).</summary>
    public static Tensor DivRounded(Tensor a, Tensor b, string roundingMode)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(a, b);
        var y = Compute(RoundingKind(roundingMode), a, b, TypePromotion.Result(a, b));
        if (Record.ShouldRecord(a, b)) Record.SetHistory(y, Record.Connect(new ZeroGradients("DivBackward2", [a, b]), a, b));
        return y;
    }

    /// <summary>div(a, s, rounding_mode) with a Python number: an integral number keeps an integer tensor's dtype.</summary>
    public static Tensor DivRounded(Tensor a, double s, string roundingMode)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        var dtype = TypePromotion.WithScalar(a.DType, s);
        var y = Compute(RoundingKind(roundingMode), a, Tensor.Scalar(s, dtype), dtype);
        if (Record.ShouldRecord(a)) Record.SetHistory(y, Record.Connect(new ZeroGradients("DivBackward2", [a]), a));
        return y;
    }

    private static PointwiseBinaryKind RoundingKind(string roundingMode)
    {
        ArgumentNullException.ThrowIfNull(roundingMode);
        return roundingMode switch
        {
            "floor" => PointwiseBinaryKind.FloorDivide,
            "trunc" => PointwiseBinaryKind.TruncDivide,
            _ => throw new ArgumentException($"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{roundingMode}'"),
        };
    }

    /// <summary>self = kind(self, other), other broadcast into self; the node keeps self's original values.</summary>
    public static Tensor InPlace(PointwiseBinaryKind kind, Tensor self, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(other);
        var promoted = TypePromotion.Result(self, other);
        return BinaryMathOps.InPlace(self, other, promoted, () => Compute(kind, self, other, promoted), () => MakeNode(kind, false), false);
    }

    /// <summary>self = kind(self, s).</summary>
    public static Tensor InPlace(PointwiseBinaryKind kind, Tensor self, double s)
    {
        ArgumentNullException.ThrowIfNull(self);
        var dtype = TypePromotion.WithScalar(self.DType, s);
        return BinaryMathOps.InPlace(self, null, dtype, () => Compute(kind, self, Tensor.Scalar(s, dtype), dtype), () => MakeNode(kind, true), false);
    }
}

/// <summary>remainder(self, Scalar other): self: grad.</summary>
internal sealed class RemainderBackward0 : Node
{
    public override string Name => nameof(RemainderBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad];
}

/// <summary>fmod(self, Scalar other): self: grad.</summary>
internal sealed class FmodBackward0 : Node
{
    public override string Name => nameof(FmodBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad];
}

/// <summary>remainder(self, other): self: grad; other: -grad * self.div(other, rounding_mode="floor").</summary>
internal sealed class RemainderBackward1() : DivModBackward(PointwiseBinaryKind.FloorDivide)
{
    public override string Name => nameof(RemainderBackward1);
}

/// <summary>fmod(self, other): self: grad; other: -grad * self.div(other, rounding_mode="trunc").</summary>
internal sealed class FmodBackward1() : DivModBackward(PointwiseBinaryKind.Fmod)
{
    public override string Name => nameof(FmodBackward1);
}

/// <summary>
/// The shared formula of remainder and fmod: self: grad; other: -grad * (self / other rounded), down for
/// <see cref="PointwiseBinaryKind.FloorDivide"/>, towards zero for <see cref="PointwiseBinaryKind.Fmod"/>. The
/// rounded quotient is piecewise constant, so it enters as a constant.
/// </summary>
internal abstract class DivModBackward(PointwiseBinaryKind rounding) : BinaryNode
{
    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor? gb = null;
        if (NeedsInputGrad(1))
        {
            var a = A!.Unpack();
            var b = B!.Unpack();
            var dtype = TypePromotion.Result(a, b);
            Tensor q;
            using (Autograd.NoGrad())
            {
                if (rounding == PointwiseBinaryKind.FloorDivide) q = DivModOps.Compute(PointwiseBinaryKind.FloorDivide, a, b, dtype);
                else
                {
                    var d = a.To(dtype) / b.To(dtype);
                    q = Tensor.Where(d.Lt(0.0), d.Ceil(), d.Floor());
                }
            }
            gb = GradB(-grad * q);
        }
        return [NeedsInputGrad(0) ? GradA(grad) : null, gb];
    }
}
