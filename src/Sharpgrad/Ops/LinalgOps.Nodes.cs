namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the matrix products.

/// <summary>mm(self, mat2): self: grad @ mat2ᵀ; mat2: selfᵀ @ grad.</summary>
internal sealed class MmBackward0 : BinaryNode
{
    public override string Name => nameof(MmBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Mm(B!.Unpack().T) : null,
        NeedsInputGrad(1) ? A!.Unpack().T.Mm(grad) : null,
    ];
}

/// <summary>addmm(bias, mat1, mat2, beta, alpha): bias: beta·grad summed to its shape; mat1: alpha·grad @ mat2ᵀ; mat2: alpha·mat1ᵀ @ grad.</summary>
internal sealed class AddmmBackward0(int[] biasSizes, double beta, double alpha) : BinaryNode
{
    public override string Name => nameof(AddmmBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor? gBias = null, g1 = null, g2 = null;
        if (NeedsInputGrad(0)) gBias = ViewGrad.SumTo(beta == 1 ? grad : grad * beta, biasSizes);
        var g = alpha == 1 ? grad : grad * alpha;
        if (NeedsInputGrad(1)) g1 = g.Mm(B!.Unpack().T);
        if (NeedsInputGrad(2)) g2 = A!.Unpack().T.Mm(g);
        return [gBias, g1, g2];
    }
}

/// <summary>bmm(self, mat2): self: grad @ mat2ᵀ; mat2: selfᵀ @ grad, per batch.</summary>
internal sealed class BmmBackward0 : BinaryNode
{
    public override string Name => nameof(BmmBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Bmm(B!.Unpack().Transpose(1, 2)) : null,
        NeedsInputGrad(1) ? A!.Unpack().Transpose(1, 2).Bmm(grad) : null,
    ];
}

/// <summary>dot(self, other): self: grad * other; other: grad * self.</summary>
internal sealed class DotBackward0 : BinaryNode
{
    public override string Name => nameof(DotBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? B!.Unpack() * grad : null,
        NeedsInputGrad(1) ? A!.Unpack() * grad : null,
    ];
}

/// <summary>mv(self, vec): self: outer(grad, vec); vec: selfᵀ @ grad.</summary>
internal sealed class MvBackward0 : BinaryNode
{
    public override string Name => nameof(MvBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Unsqueeze(1) * B!.Unpack().Unsqueeze(0) : null,
        NeedsInputGrad(1) ? A!.Unpack().T.Mv(grad) : null,
    ];
}
