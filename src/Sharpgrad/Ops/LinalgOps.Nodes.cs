namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the matrix products.

/// <summary>mm(self, mat2): self: grad @ mat2ᵀ; mat2: selfᵀ @ grad.</summary>
internal sealed class MmBackward0 : BinaryNode
{
    /// <summary>mat2 was a transposed view (Linear's weight.T): give its gradient the same layout.</summary>
    internal bool Mat2Transposed;
    public override string Name => nameof(MmBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? grad.Mm(B!.Unpack().T) : null,
        NeedsInputGrad(1) ? Mat2Grad(A!.Unpack(), grad, Mat2Transposed) : null,
    ];

    /// <summary>
    /// mat1ᵀ @ grad, computed as (gradᵀ @ mat1)ᵀ when mat2 is a transposed view, as PyTorch's
    /// mm_mat2_backward does, so that the weight's gradient comes out contiguous and a leaf can keep it
    /// without a copy.
    /// </summary>
    internal static Tensor Mat2Grad(Tensor mat1, Tensor grad, bool transposed)
    {
        if (!transposed) return mat1.T.Mm(grad);
        var rowMajor = grad.T.Mm(mat1);
        var result = rowMajor.T;
        rowMajor.Dispose();
        return result;
    }
}

/// <summary>addmm(bias, mat1, mat2, beta, alpha): bias: beta·grad summed to its shape; mat1: alpha·grad @ mat2ᵀ; mat2: alpha·mat1ᵀ @ grad.</summary>
internal sealed class AddmmBackward0(int[] biasSizes, double beta, double alpha) : BinaryNode
{
    internal bool Mat2Transposed;
    public override string Name => nameof(AddmmBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor? gBias = null, g1 = null, g2 = null;
        if (NeedsInputGrad(0)) gBias = ViewGrad.SumTo(beta == 1 ? grad : grad * beta, biasSizes);
        var g = alpha == 1 ? grad : grad * alpha;
        if (NeedsInputGrad(1)) g1 = g.Mm(B!.Unpack().T);
        if (NeedsInputGrad(2)) g2 = MmBackward0.Mat2Grad(A!.Unpack(), g, Mat2Transposed);
        if (!ReferenceEquals(g, grad)) g.Dispose();
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
