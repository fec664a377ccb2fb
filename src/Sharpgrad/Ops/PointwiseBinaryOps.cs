using System.Numerics;
using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Element-wise functions of two or three tensors: atan2, lerp, logaddexp, each with its derivatives.yaml formula.</summary>
internal static partial class PointwiseBinaryOps
{
    /// <summary>Wires <paramref name="node"/> to a and b, keeping their shapes, dtypes and values for backward.</summary>
    private static TNode Connect<TNode>(TNode node, Tensor a, Tensor b) where TNode : BinaryNode
    {
        Record.Connect(node, a, b);
        node.ASizes = a.Sizes;
        node.BSizes = b.Sizes;
        node.ADType = a.DType;
        node.BDType = b.DType;
        node.A = SavedTensor.Input(a);
        node.B = SavedTensor.Input(b);
        return node;
    }

    /// <summary>Records (when needed) a node over a and b that saves both, and computes <paramref name="forward"/> unrecorded.</summary>
    internal static Tensor Recorded(Tensor a, Tensor b, Func<BinaryNode> makeNode, Func<Tensor> forward)
    {
        BinaryNode? node = Record.ShouldRecord(a, b) ? Connect(makeNode(), a, b) : null;
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = forward().MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>
    /// atan2(a, b), the angle of (b, a), broadcast; integer inputs give the default float dtype (Atan2Backward0:
    /// a: grad·b/(a² + b²), b: -grad·a/(a² + b²)).
    /// </summary>
    public static Tensor Atan2(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(a, b);
        var dtype = TypePromotion.Result(a, b);
        if (!dtype.IsFloatingPoint()) dtype = DTypeDefaults.Float;
        var shape = OpHelpers.BroadcastShape(a, b);
        return Recorded(a, b, static () => new Atan2Backward0(), () =>
        {
            var y = Tensor.Empty(dtype, shape);
            SleefAtan.Atan2(Operand(a, dtype, shape), Operand(b, dtype, shape), y.Strided, OpHelpers.IteratorStrides(a, dtype, shape), OpHelpers.IteratorStrides(b, dtype, shape));
            return y;
        });
    }

    /// <summary>An input of atan2 in the op's dtype, read as if expanded to its shape.</summary>
    private static StridedArray Operand(Tensor t, DType dtype, int[] shape) => t.To(dtype).Strided.BroadcastTo(shape);

    /// <summary>
    /// log(exp(a) + exp(b)), broadcast, as PyTorch's kernel: a where a == b is ±inf, else max + log1p(exp(-|a - b|))
    /// (LogaddexpBackward0: a: grad/(1 + exp(b - a)), b: grad/(1 + exp(a - b))).
    /// </summary>
    public static Tensor LogAddExp(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(a, b);
        var dtype = TypePromotion.Result(a, b);
        if (!dtype.IsFloatingPoint()) throw Errors.UnsupportedDType("logaddexp_cpu", dtype);
        OpHelpers.BroadcastShape(a, b);
        return Recorded(a, b, static () => new LogaddexpBackward0(), () =>
        {
            var ac = a.To(dtype);
            var bc = b.To(dtype);
            var y = ac.Maximum(bc) + ActivationOps.Log1p((-(ac - bc).Abs()).Exp());
            var sameInfinity = ac.Eq(bc).LogicalAnd(ac.Abs().Eq(double.PositiveInfinity));
            return Tensor.Where(sameInfinity, ac, y);
        });
    }

    private static void CheckLerpDType(Tensor self, Tensor other, string name)
    {
        if (other.DType != self.DType)
            throw new ArgumentException($"expected dtype {Errors.PrettyLower(self.DType)} for `{name}` but got dtype {Errors.PrettyLower(other.DType)}");
    }

    /// <summary>self + weight·(end - self), broadcast; self and end must share a floating dtype (LerpBackward0).</summary>
    public static Tensor Lerp(Tensor self, Tensor end, double weight)
    {
        var shape = CheckLerp(self, end, null);
        return Recorded(self, end, () => new LerpBackward0(weight), () => LerpKernel(self, end, null, weight, shape));
    }

    /// <summary>self + weight·(end - self) with a tensor weight, all three broadcast and of one dtype (LerpBackward1).</summary>
    public static Tensor Lerp(Tensor self, Tensor end, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var shape = CheckLerp(self, end, weight);
        LerpBackward1? node = null;
        if (Record.ShouldRecord([self, end, weight]))
        {
            node = Record.Connect(new LerpBackward1([self.Sizes, end.Sizes, weight.Sizes], self.DType), [self, end, weight]);
            node.Inputs = [SavedTensor.Input(self), SavedTensor.Input(end), SavedTensor.Input(weight)];
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = LerpKernel(self, end, weight, 0, shape).MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}

/// <summary>atan2(self, other): self: grad·other/(self² + other²); other: -grad·self/(self² + other²).</summary>
internal sealed class Atan2Backward0 : BinaryNode
{
    public override string Name => nameof(Atan2Backward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        var recip = (a * a + b * b).Reciprocal();
        return [NeedsInputGrad(0) ? GradA(grad * b * recip) : null, NeedsInputGrad(1) ? GradB(grad * -a * recip) : null];
    }
}

/// <summary>logaddexp(self, other): self: grad/(1 + exp(other - self)); other: grad/(1 + exp(self - other)).</summary>
internal sealed class LogaddexpBackward0 : BinaryNode
{
    public override string Name => nameof(LogaddexpBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        return
        [
            NeedsInputGrad(0) ? GradA(grad / ((b - a).Exp() + 1.0)) : null,
            NeedsInputGrad(1) ? GradB(grad / ((a - b).Exp() + 1.0)) : null,
        ];
    }
}

/// <summary>lerp(self, end, weight: float): self: grad·(1 - weight); end: grad·weight.</summary>
internal sealed class LerpBackward0(double weight) : BinaryNode
{
    public override string Name => nameof(LerpBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? GradA(grad * (1 - weight)) : null,
        NeedsInputGrad(1) ? GradB(grad * weight) : null,
    ];
}

/// <summary>lerp(self, end, weight: Tensor): self: grad·(1 - weight); end: grad·weight; weight: grad·(end - self).</summary>
internal sealed class LerpBackward1(int[][] sizes, DType dtype) : Node
{
    internal SavedTensor[] Inputs = [];

    public override string Name => nameof(LerpBackward1);

    internal override IEnumerable<SavedTensor> Saved => Inputs;

    internal override Tensor?[] Apply(Tensor grad)
    {
        var self = Inputs[0].Unpack();
        var end = Inputs[1].Unpack();
        var weight = Inputs[2].Unpack();
        return
        [
            NeedsInputGrad(0) ? OpHelpers.GradFor(grad * (1.0 - weight), sizes[0], dtype) : null,
            NeedsInputGrad(1) ? OpHelpers.GradFor(grad * weight, sizes[1], dtype) : null,
            NeedsInputGrad(2) ? OpHelpers.GradFor(grad * (end - self), sizes[2], dtype) : null,
        ];
    }
}
