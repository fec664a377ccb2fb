namespace Sharpgrad.Ops;

// derivatives.yaml formulas of lu_factor_ex, lu and lu_unpack (real inputs, pivoting on: the CPU refuses pivot=False).

/// <summary>linalg_lu_factor_ex (lu_factor_ex_backward): linalg_lu_backward with gL = grad[..., :k] and gU = grad[..., :k, :].</summary>
internal sealed class LinalgLuFactorExBackward0 : DecompositionNode
{
    internal SavedTensor? LU;
    internal SavedTensor? Pivots;
    public override string Name => nameof(LinalgLuFactorExBackward0);
    protected override SavedTensor?[] SavedOutputs => [LU, Pivots];

    internal override Tensor?[] Apply(Tensor grad)
    {
        var lu = LU!.Unpack();
        var (p, l, u) = LuFactorOps.LuUnpack(lu, Pivots!.Unpack(), unpackData: true, unpackPivots: true);
        int k = Math.Min(lu.Sizes[^2], lu.Sizes[^1]);
        return [LuFactorBackward.Lu(grad.Narrow(-1, 0, k), grad.Narrow(-2, 0, k), p, l, u)];
    }
}

/// <summary>linalg_lu (linalg_lu_backward) from the gradients of L and U; P has none.</summary>
internal sealed class LinalgLuBackward0 : DecompositionNode
{
    internal SavedTensor? P;
    internal SavedTensor? L;
    internal SavedTensor? U;
    public override string Name => nameof(LinalgLuBackward0);
    internal override int NumOutputs => 3;
    protected override SavedTensor?[] SavedOutputs => [P, L, U];

    internal override Tensor?[] ApplyAll(Tensor?[] grads) =>
        [grads[1] is null && grads[2] is null ? null : LuFactorBackward.Lu(grads[1], grads[2], P!.Unpack(), L!.Unpack(), U!.Unpack())];
}

/// <summary>
/// lu_unpack (lu_unpack_backward): L's gradient below the diagonal and U's on and above it, each where that factor
/// came from in the packed m×n LU (zeros where neither did).
/// </summary>
internal sealed class LuUnpackBackward0(int m, int n, bool unpackData) : Node
{
    public override string Name => nameof(LuUnpackBackward0);
    internal override int NumOutputs => 3;

    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        var (gL, gU) = (grads[1], grads[2]);
        if (!unpackData || (gL is null && gU is null)) return [null];
        int k = Math.Min(m, n);
        if (gL is not null && gU is not null)
        {
            if (m == n) return [gL.Tril(-1) + gU.Triu()];
            var head = (m == k ? gL : gL.Narrow(-2, 0, k)).Tril(-1) + (n == k ? gU : gU.Narrow(-1, 0, k)).Triu();
            return [m > n ? Tensor.Cat([head, gL.Narrow(-2, k, m - k)], -2) : Tensor.Cat([head, gU.Narrow(-1, k, n - k)], -1)];
        }
        if (gL is not null)
            return [m >= n ? gL.Tril(-1) : Tensor.Cat([gL.Tril(-1), Tensor.Zeros([.. gL.Sizes[..^1], n - m], gL.DType)], -1)];
        return [n >= m ? gU!.Triu() : Tensor.Cat([gU!.Triu(), Tensor.Zeros([.. gU.Sizes[..^2], m - n, n], gU.DType)], -2)];
    }
}

/// <summary>Shared pieces of the LU factorization's backward formulas.</summary>
internal static class LuFactorBackward
{
    /// <summary>
    /// linalg_lu_backward: gA from the gradients of L [..., m, k] and U [..., k, n] of A = P·L·U. Square:
    /// P·L⁻ᵀ·(tril₋₁(Lᵀ·gL) + triu(gU·Uᵀ))·U⁻ᵀ; wide and tall split U (or L) into its square block and the rest.
    /// </summary>
    public static Tensor Lu(Tensor? gL, Tensor? gU, Tensor p, Tensor l, Tensor u)
    {
        int m = l.Sizes[^2], n = u.Sizes[^1], k = Math.Min(m, n);
        var lT = l.Transpose(-2, -1);
        var uT = u.Transpose(-2, -1);
        Tensor g;
        if (m == n)
        {
            var fromL = gL is null ? null : lT.MatMul(gL).Tril(-1);
            var fromU = gU is null ? null : gU.MatMul(uT).Triu();
            g = Linalg.SolveTriangular(uT, Sum(fromL, fromU, negateSecond: false), upper: false, left: false);
            g = Linalg.SolveTriangular(lT, g, upper: true, left: true, unitriangular: true);
        }
        else if (m < n)
        {
            var fromL = gL is null ? null : lT.MatMul(gL);
            var fromU = gU is null ? null : gU.Triu().MatMul(uT);
            g = Linalg.SolveTriangular(u.Narrow(-1, 0, k).Transpose(-2, -1), Sum(fromL, fromU, negateSecond: true).Tril(-1), upper: false, left: false);
            if (gU is not null) g = Tensor.Cat([g + gU.Narrow(-1, 0, k).Triu(), gU.Narrow(-1, k, n - k)], -1);
            g = Linalg.SolveTriangular(lT, g, upper: true, left: true, unitriangular: true);
            if (gU is null) g = Tensor.Cat([g, Tensor.ZerosLike(u.Narrow(-1, k, n - k))], -1);
        }
        else
        {
            var fromU = gU is null ? null : gU.MatMul(uT);
            var fromL = gL is null ? null : lT.MatMul(gL.Tril(-1));
            g = Linalg.SolveTriangular(l.Narrow(-2, 0, k).Transpose(-2, -1), Sum(fromU, fromL, negateSecond: true).Triu(), upper: true, left: true, unitriangular: true);
            if (gL is not null) g = Tensor.Cat([g + gL.Narrow(-2, 0, k).Tril(-1), gL.Narrow(-2, k, m - k)], -2);
            g = Linalg.SolveTriangular(uT, g, upper: false, left: false);
            if (gL is null) g = Tensor.Cat([g, Tensor.ZerosLike(l.Narrow(-2, k, m - k))], -2);
        }
        return p.MatMul(g);
    }

    /// <summary>first ± second where at least one is present (a missing one is zero).</summary>
    private static Tensor Sum(Tensor? first, Tensor? second, bool negateSecond)
    {
        if (second is null) return first!;
        if (first is null) return negateSecond ? -second : second;
        return negateSecond ? first - second : first + second;
    }
}
