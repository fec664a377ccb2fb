namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the binary ops. Broadcast inputs get their gradient summed back
// (BinaryNode.GradA/GradB); a Python-float operand gets no edge.

/// <summary>add(self, other, alpha): self: grad; other: grad * alpha.</summary>
internal sealed class AddBackward0 : BinaryNode
{
    public bool ScalarOther;
    public override string Name => nameof(AddBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? GradA(grad) : null,
        ScalarOther || !NeedsInputGrad(1) ? null : GradB(Scalar == 1 ? grad : grad * Scalar),
    ];
}

/// <summary>add(self, Scalar other, alpha): self: grad (the C++ scalar overload PyTorch composites record).</summary>
internal sealed class AddBackward1 : BinaryNode
{
    public override string Name => nameof(AddBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [GradA(grad), null];
}

/// <summary>sub(self, other, alpha): self: grad; other: -grad * alpha.</summary>
internal sealed class SubBackward0 : BinaryNode
{
    public bool ScalarOther;
    public override string Name => nameof(SubBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? GradA(grad) : null,
        ScalarOther || !NeedsInputGrad(1) ? null : GradB(Scalar == 1 ? -grad : grad * -Scalar),
    ];
}

/// <summary>
/// rsub(self, other, alpha) = other - alpha·self: self: -grad·alpha; other: grad. Computed as sub(other, self), so A is
/// other and B is self, while the edges are PyTorch's (self, other).
/// </summary>
internal sealed class RsubBackward0 : BinaryNode
{
    public override string Name => nameof(RsubBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? GradB(Scalar == 1 ? -grad : grad * -Scalar) : null,
        NeedsInputGrad(1) ? GradA(grad) : null,
    ];
}

/// <summary>rsub(self, scalar) = scalar - self: self: -grad.</summary>
internal sealed class RsubBackward1 : BinaryNode
{
    public override string Name => nameof(RsubBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [GradA(-grad), null];
}

/// <summary>mul(self, Scalar other): self: grad * other (no tensor saved).</summary>
internal sealed class MulBackward1 : BinaryNode
{
    public override string Name => nameof(MulBackward1);
    internal override Tensor?[] Apply(Tensor grad) => [GradA(grad * Scalar), null];
}

/// <summary>mul(self, other): self: grad * other; other: grad * self.</summary>
internal sealed class MulBackward0 : BinaryNode
{
    public bool ScalarOther;
    public override string Name => nameof(MulBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        // PyTorch saves a Python-number factor as a tensor, so (x*2).sum() cannot backward twice either
        if (ScalarOther) return IsReleased ? throw new InvalidOperationException(Errors.BackwardTwice) : [GradA(grad * Scalar), null];
        return
        [
            NeedsInputGrad(0) ? GradA(grad * B!.Unpack()) : null,
            NeedsInputGrad(1) ? GradB(grad * A!.Unpack()) : null,
        ];
    }
}

/// <summary>div(self, other): self: grad / other; other: -grad * self / other².</summary>
internal sealed class DivBackward0 : BinaryNode
{
    public bool ScalarOther;
    public override string Name => nameof(DivBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        if (ScalarOther) return IsReleased ? throw new InvalidOperationException(Errors.BackwardTwice) : [GradA(grad / Scalar), null];
        var b = B!.Unpack();
        return
        [
            NeedsInputGrad(0) ? GradA(grad / b) : null,
            NeedsInputGrad(1) ? GradB(-grad * (A!.Unpack() / b / b)) : null, // PyTorch: -grad * ((self / other) / other)
        ];
    }
}

/// <summary>pow(self, exponent: float): self: grad * exponent * self^(exponent - 1) (zero when exponent is 0).</summary>
internal sealed class PowBackward0 : BinaryNode
{
    public override string Name => nameof(PowBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        if (Scalar == 0) return [Tensor.ZerosLike(a), null];
        var d = Scalar == 2 ? a * 2.0 : a.Pow(Scalar - 1) * Scalar;
        return [GradA(grad * d), null];
    }
}

/// <summary>
/// pow(self, exponent: Tensor): self: grad · (exp · self^(exp−1)), 0 where exp == 0; exponent: grad · (result · log(self)),
/// 0 where self == 0 and exp &gt;= 0 (pow_backward_self/pow_backward_exponent, in their order of rounding).
/// </summary>
internal sealed class PowBackward1 : BinaryNode
{
    public override string Name => nameof(PowBackward1);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        Tensor? ga = null, gb = null;
        if (NeedsInputGrad(0))
        {
            var d = grad * (b * a.Pow(b - 1.0));
            ga = GradA(Tensor.Where(b.Eq(0.0), Tensor.Scalar(0, d.DType), d));
        }
        if (NeedsInputGrad(1))
        {
            var result = Result!.Unpack();
            var d = result * a.Log();
            var zeroBase = a.Eq(0.0).LogicalAnd(b.Ge(0.0));
            gb = GradB(grad * Tensor.Where(zeroBase, Tensor.ZerosLike(d), d));
        }
        return [ga, gb];
    }
}

/// <summary>pow(base: float, exponent): exponent: grad · (result · ln(base)), and for base 0, 0 where exponent &gt;= 0.</summary>
internal sealed class PowBackward2 : BinaryNode
{
    public override string Name => nameof(PowBackward2);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var d = Result!.Unpack() * Math.Log(Scalar);
        if (Scalar == 0) d = Tensor.Where(A!.Unpack().Ge(0.0), Tensor.Scalar(0, d.DType), d);
        return [GradA(grad * d), null];
    }
}

/// <summary>maximum/minimum(self, other): the gradient goes to the larger (smaller) input, split evenly on ties.</summary>
internal sealed class ExtremumBackward0(bool maximum) : BinaryNode
{
    public override string Name => maximum ? "MaximumBackward0" : "MinimumBackward0";
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        var wins = maximum ? a.Gt(b) : a.Lt(b);
        var w = wins.To(grad.DType) + a.Eq(b).To(grad.DType) * 0.5;
        return [NeedsInputGrad(0) ? GradA(grad * w) : null, NeedsInputGrad(1) ? GradB(grad * (1.0 - w)) : null];
    }
}
