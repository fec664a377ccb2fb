using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// fmin/fmax (NaN-ignoring), hypot, xlogy, copysign and logaddexp2: broadcast and promoted as PyTorch, each with its
/// derivatives.yaml formula; the shared in-place path of these and of <see cref="DivModOps"/>.
/// </summary>
internal static class BinaryMathOps
{
    /// <summary>kind(a, b) in <paramref name="dtype"/>, broadcast, unrecorded (no checks: callers validate).</summary>
    internal static Tensor Raw(PointwiseBinaryKind kind, Tensor a, Tensor b, DType dtype)
    {
        var y = Tensor.Empty(dtype, OpHelpers.BroadcastShape(a, b));
        Dispatch.PointwiseBinary(kind, OpHelpers.CastRaw(a, dtype).Strided, OpHelpers.CastRaw(b, dtype).Strided, y.Strided);
        return y;
    }

    /// <summary>
    /// The result dtype of kind(a, b): xlogy, copysign and zeta give floating point; hypot, logaddexp2, igamma and
    /// igammac take it only.
    /// </summary>
    private static DType ResultType(PointwiseBinaryKind kind, DType promoted)
    {
        if (promoted.IsFloatingPoint()) return promoted;
        return kind switch
        {
            PointwiseBinaryKind.Xlogy or PointwiseBinaryKind.CopySign or PointwiseBinaryKind.Zeta => DTypeDefaults.Float,
            PointwiseBinaryKind.Hypot => throw Errors.UnsupportedDType("hypot_cpu", promoted),
            PointwiseBinaryKind.LogAddExp2 => throw Errors.UnsupportedDType("logaddexp2_cpu", promoted),
            PointwiseBinaryKind.Igamma => throw Errors.UnsupportedDType("igamma_cpu", promoted),
            PointwiseBinaryKind.Igammac => throw Errors.UnsupportedDType("igammac_cpu", promoted),
            _ => promoted,
        };
    }

    /// <summary>kind(a, b) of two tensors, recorded by <paramref name="makeNode"/> (which keeps both inputs, and the result when asked).</summary>
    public static Tensor Binary(PointwiseBinaryKind kind, Tensor a, Tensor b, Func<BinaryNode> makeNode, bool saveResult = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(a, b);
        var dtype = ResultType(kind, TypePromotion.Result(a, b));
        OpHelpers.BroadcastShape(a, b);
        if (dtype == DType.Bool) return BinaryOps.Logical(kind == PointwiseBinaryKind.Fmax ? Logical.Or : Logical.And, a, b);
        var y = PointwiseBinaryOps.Recorded(a, b, makeNode, () => Raw(kind, a, b, dtype));
        if (saveResult && y.Fn is BinaryNode node) node.Result = SavedTensor.Output(y, node);
        return y;
    }

    /// <summary>kind(a, s) with a Python number second (xlogy, copysign: floating results), recorded by a one-input node.</summary>
    public static Tensor Scalar(PointwiseBinaryKind kind, Tensor a, double s, Func<UnaryNode> makeNode, bool saveResult = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        var dtype = TypePromotion.WithDouble(a.DType);
        var y = Raw(kind, a, Tensor.Scalar(s, dtype), dtype);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(makeNode(), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(y, node);
            if (saveResult) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>xlogy(s, other) with a Python number first (XlogyBackward1: other: grad·s/other).</summary>
    public static Tensor Xlogy(double s, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.ThrowIfDisposed();
        var dtype = TypePromotion.WithDouble(other.DType);
        var y = Raw(PointwiseBinaryKind.Xlogy, Tensor.Scalar(s, dtype), other, dtype);
        if (Record.ShouldRecord(other))
        {
            var node = Record.Connect(new XlogyBackward1(s), other);
            node.Self = SavedTensor.Input(other);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>self = kind(self, other) in place: other (a tensor) broadcast into self; the node keeps self's original values.</summary>
    public static Tensor InPlace(PointwiseBinaryKind kind, Tensor self, Tensor other, Func<BinaryNode> makeNode, bool saveResult = false)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(other);
        var dtype = ResultType(kind, TypePromotion.Result(self, other));
        return InPlace(self, other, dtype, () => Raw(kind, self, other, dtype), makeNode, saveResult);
    }

    /// <summary>self = kind(self, s) in place (xlogy_, copysign_ with a Python number).</summary>
    public static Tensor InPlace(PointwiseBinaryKind kind, Tensor self, double s, Func<UnaryNode> makeNode, bool saveResult = false)
    {
        ArgumentNullException.ThrowIfNull(self);
        var dtype = TypePromotion.WithDouble(self.DType);
        return InPlace(self, null, dtype, () => Raw(kind, self, Tensor.Scalar(s, dtype), dtype), makeNode, saveResult);
    }

    /// <summary>
    /// The shared in-place path: PyTorch's checks (broadcast into self, result dtype castable), then self = compute();
    /// a binary node keeps self's original values and other, a one-input node self's original values.
    /// </summary>
    internal static Tensor InPlace(Tensor self, Tensor? other, DType resultType, Func<Tensor> compute, Func<Node>? makeNode, bool saveResult)
    {
        if (other is null) InPlaceOps.CheckCast(resultType, self.DType);
        else InPlaceOps.CheckBroadcastInto(self, other, resultType);
        bool record = InPlaceOps.Check(self, other);
        var y = compute();
        Node? node = null;
        if (record && makeNode is not null)
        {
            node = other is null ? Record.Connect(makeNode(), self) : Record.Connect(makeNode(), self, other);
            if (node is BinaryNode bn && other is not null)
            {
                bn.ASizes = self.Sizes;
                bn.BSizes = other.Sizes;
                bn.ADType = self.DType;
                bn.BDType = other.DType;
                bn.A = OpHelpers.SaveCopy(self);
                bn.B = SavedTensor.Input(other);
            }
            else if (node is UnaryNode un) un.Self = OpHelpers.SaveCopy(self);
        }
        Dispatch.Copy(y.Strided, self.Strided);
        InPlaceOps.Commit(self, node);
        if (saveResult && node is BinaryNode b) b.Result = SavedTensor.Output(self, node);
        else if (saveResult && node is UnaryNode u) u.Result = SavedTensor.Output(self, node);
        return self;
    }
}

/// <summary>fmax/fmin(self, other): the gradient goes to self where self wins (ties included) or other is NaN, else to other.</summary>
internal sealed class FextremumBackward(bool max) : BinaryNode
{
    public override string Name => max ? "FmaxBackward0" : "FminBackward0";
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        var toSelf = (max ? a.Ge(b) : a.Le(b)).LogicalOr(b.Ne(b));
        return
        [
            NeedsInputGrad(0) ? GradA(grad.MaskedFill(toSelf.LogicalNot(), 0)) : null,
            NeedsInputGrad(1) ? GradB(grad.MaskedFill(toSelf, 0)) : null,
        ];
    }
}

/// <summary>hypot(self, other): self: grad·self/result; other: grad·other/result.</summary>
internal sealed class HypotBackward0 : BinaryNode
{
    public override string Name => nameof(HypotBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var result = Result!.Unpack();
        return
        [
            NeedsInputGrad(0) ? GradA(grad * A!.Unpack() / result) : null,
            NeedsInputGrad(1) ? GradB(grad * B!.Unpack() / result) : null,
        ];
    }
}

/// <summary>xlogy(self, other): self: grad·xlogy(self != 0, other); other: grad·self/other.</summary>
internal sealed class XlogyBackward0 : BinaryNode
{
    public override string Name => nameof(XlogyBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        return
        [
            NeedsInputGrad(0) ? GradA(grad * a.Ne(0.0).Xlogy(b)) : null,
            NeedsInputGrad(1) ? GradB(grad * a / b) : null,
        ];
    }
}

/// <summary>xlogy(Scalar self, other): other: grad·self/other.</summary>
internal sealed class XlogyBackward1(double self) : UnaryNode
{
    public override string Name => nameof(XlogyBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [grad * self / SelfValue];
}

/// <summary>xlogy(self, Scalar other): self: other &gt; 0 ? log(other)·grad : grad·xlogy(self != 0, other).</summary>
internal sealed class XlogyBackward2(double other) : UnaryNode
{
    public override string Name => nameof(XlogyBackward2);
    internal override Tensor?[] Apply(Tensor grad) =>
        [other > 0 ? Tensor.OnesLike(grad).Xlogy(other) * grad : grad * SelfValue.Ne(0.0).Xlogy(other)];
}

/// <summary>copysign: self: grad·(result/self, 0 where self == 0) (copysign_tensor_self_backward).</summary>
internal static class CopySignGrad
{
    public static Tensor Self(Tensor grad, Tensor self, Tensor result) => grad * (result / self).MaskedFill(self.Eq(0.0), 0);
}

/// <summary>copysign(self, other): self: copysign_tensor_self_backward(grad, self, result); other: zeros_like(other).</summary>
internal sealed class CopysignBackward0 : BinaryNode
{
    public override string Name => nameof(CopysignBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? GradA(CopySignGrad.Self(grad, A!.Unpack(), Result!.Unpack())) : null,
        NeedsInputGrad(1) ? Tensor.ZerosLike(B!.Unpack()).To(BDType) : null,
    ];
}

/// <summary>copysign(self, Scalar other): self: copysign_tensor_self_backward(grad, self, result).</summary>
internal sealed class CopysignBackward1 : UnaryNode
{
    public override string Name => nameof(CopysignBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [CopySignGrad.Self(grad, SelfValue, ResultValue)];
}

/// <summary>logaddexp2(self, other): self: grad/(1 + 2^(other - self)); other: grad/(1 + 2^(self - other)).</summary>
internal sealed class Logaddexp2Backward0 : BinaryNode
{
    public override string Name => nameof(Logaddexp2Backward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        return
        [
            NeedsInputGrad(0) ? GradA(grad / (Tensor.Pow(2.0, b - a) + 1.0)) : null,
            NeedsInputGrad(1) ? GradB(grad / (Tensor.Pow(2.0, a - b) + 1.0)) : null,
        ];
    }
}
