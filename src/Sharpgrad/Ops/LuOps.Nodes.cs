namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the LU-based linalg ops (real inputs).

/// <summary>linalg_inv_ex: A: −A⁻ᵀ · grad · A⁻ᵀ.</summary>
internal sealed class LinalgInvExBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgInvExBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var invT = ResultValue.Transpose(-2, -1);
        return [-invT.MatMul(grad).MatMul(invT)];
    }
}

/// <summary>linalg_det: A: solve(Aᵀ, (grad · det) · I), through a singular U without raising (linalg_det_backward).</summary>
internal sealed class LinalgDetBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgDetBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [LuBackward.ScaledInverseT(SelfValue, grad * ResultValue)];
}

/// <summary>linalg_slogdet: A: grad_logabsdet · A⁻ᵀ; the sign has no gradient.</summary>
internal sealed class LinalgSlogdetBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgSlogdetBackward0);
    internal override int NumOutputs => 2;
    internal override Tensor?[] ApplyAll(Tensor?[] grads) =>
        [grads[1] is { } g ? LuBackward.ScaledInverseT(SelfValue, g) : null];
}

/// <summary>
/// linalg_solve_ex: B: solve(Aᵀ, grad) (grad·A⁻¹ᵀ for X·A = B); A: −gB·Xᵀ (−Xᵀ·gB for X·A = B, an outer product for
/// vectors); both summed to their shapes.
/// </summary>
internal sealed class LinalgSolveExBackward0(bool vector, bool left) : BinaryNode
{
    public override string Name => nameof(LinalgSolveExBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var gB = left
            ? LuOps.SolveUnchecked(a.Transpose(-2, -1), grad, vector)
            : LuOps.SolveUnchecked(a, grad.Transpose(-2, -1), vector: false).Transpose(-2, -1);
        Tensor? gA = null;
        if (NeedsInputGrad(0))
        {
            var x = Result!.Unpack();
            gA = GradA(vector ? -(gB.Unsqueeze(-1) * x.Unsqueeze(-2))
                : left ? -gB.MatMul(x.Transpose(-2, -1)) : -x.Transpose(-2, -1).MatMul(gB));
        }
        return [gA, NeedsInputGrad(1) ? GradB(gB) : null];
    }
}

/// <summary>Shared pieces of the LU backward formulas.</summary>
internal static class LuBackward
{
    /// <summary>s · A⁻ᵀ for a batch of scalars s, as solve(Aᵀ, s · I).</summary>
    public static Tensor ScaledInverseT(Tensor a, Tensor s)
    {
        var rhs = s.Unsqueeze(-1).Unsqueeze(-1) * Tensor.Eye(a.Sizes[^1], a.DType);
        return LuOps.SolveUnchecked(a.Transpose(-2, -1), rhs, vector: false);
    }
}
