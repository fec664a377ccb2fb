namespace Sharpgrad.Ops;

// derivatives.yaml formulas of ArrangeOps; each is built from recorded ops, so double backward works.

/// <summary>linalg_cross(self, other, dim): self: cross(other, grad); other: cross(grad, self); each summed to its input's shape.</summary>
internal sealed class LinalgCrossBackward0(int dim) : BinaryNode
{
    public override string Name => nameof(LinalgCrossBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var b = B!.Unpack();
        return [NeedsInputGrad(0) ? GradA(ArrangeOps.CrossCore(b, grad, dim)) : null, NeedsInputGrad(1) ? GradB(ArrangeOps.CrossCore(grad, a, dim)) : null];
    }
}

/// <summary>rot90(k, dims): grad rotated back, rot90(-k, dims).</summary>
internal sealed class Rot90Backward0(int k, int[] dims) : Node
{
    public override string Name => nameof(Rot90Backward0);
    internal override Tensor?[] Apply(Tensor grad) => [ArrangeOps.Rot90(grad, -k, dims)];
}

/// <summary>logcumsumexp(dim): see <see cref="ArrangeOps.LogcumsumexpGrad"/>.</summary>
internal sealed class LogcumsumexpBackward0(int dim) : UnaryNode
{
    public override string Name => nameof(LogcumsumexpBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [ArrangeOps.LogcumsumexpGrad(SelfValue, ResultValue, grad, dim)];
}
