using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// Einstein summation, e.g. "ij,jk->ik", "bij,bjk->bik", "ii->", "bn,anm,bm->ba", "...ij,...jk->...ik"; without
    /// "->" the output is the '...' dims then the subscripts used once, in order. Built from recorded ops (mul, sum,
    /// bmm, permute, reshape), so it is differentiable. PyTorch: torch.einsum.
    /// </summary>
    public static Tensor Einsum(string equation, params Tensor[] operands) => EinsumOps.Einsum(equation, operands);
}
