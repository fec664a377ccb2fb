using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.linalg.lu_solve: solves with lu_factor's output, with LinalgLuSolveBackward0 for LU and B.</summary>
internal static class LuSolveOps
{
    /// <summary>
    /// X with A·X = B for A = P·L·U given packed (Aᵀ·X = B with <paramref name="adjoint"/>; X·A = B, or X·Aᵀ = B, unless
    /// <paramref name="left"/>); batch dims broadcast. Checks run in PyTorch's order.
    /// </summary>
    public static Tensor LuSolve(Tensor lu, Tensor pivots, Tensor b, bool left, bool adjoint)
    {
        ArgumentNullException.ThrowIfNull(lu);
        ArgumentNullException.ThrowIfNull(pivots);
        ArgumentNullException.ThrowIfNull(b);
        OpHelpers.CheckSameDevice(lu, b);
        pivots.ThrowIfDisposed();
        LuOps.CheckFloating(lu, "torch.linalg.lu_solve");
        if (lu.DType != b.DType)
            throw new ArgumentException($"linalg.lu_solve: Expected LU and B to have the same dtype, but found LU of type {Errors.Pretty(lu.DType)} and B of type {Errors.Pretty(b.DType)} instead");
        if (pivots.DType != DType.Int32) throw new ArgumentException("linalg.lu_solve: pivots should be a Tensor of scalar type torch.int32");
        LuOps.CheckSquare(lu, "torch.linalg.lu_solve");
        if (b.Dim < 2) throw new ArgumentException("linalg.lu_solve: The input tensor B must have at least 2 dimensions.");
        int n = lu.Sizes[^1];
        if ((left ? b.Sizes[^2] : b.Sizes[^1]) != n)
            throw new ArgumentException($"linalg.lu_solve: Incompatible shapes of A and B for the equation {(left ? "AX = B" : "XA = B")} ({n}x{n} and {b.Sizes[^2]}x{b.Sizes[^1]})");
        if (pivots.Dim == 0 || pivots.Sizes[^1] != n)
            throw new ArgumentException("linalg.lu_solve: Number of pivots per batch should be same as the dimension of the matrix");
        if (!lu.Sizes.AsSpan(0, lu.Dim - 1).SequenceEqual(pivots.Sizes))
            throw new ArgumentException($"linalg.lu_solve: Expected LU.shape[:-1] and pivots.shape to be the same, but got pivots with shape {Errors.Shape(pivots.Sizes)} instead");
        var batch = Layout.Broadcast(b.Sizes.AsSpan(0, b.Dim - 2), lu.Sizes.AsSpan(0, lu.Dim - 2));
        int k = left ? b.Sizes[^1] : b.Sizes[^2];
        var x = new double[Layout.NumElementsUnchecked(batch) * n * k];
        if (x.Length > 0)
        {
            using (Autograd.NoGrad())
            using (Tensor.NewScope())
                x = LuOps.ExpandedMatrices(left ? b : b.Transpose(-2, -1), [.. batch, n, k]);
            // X·A = B is Aᵀ·Xᵀ = Bᵀ: the transposed system unless adjoint flips it back
            LuOps.SolveFactored(LuOps.Matrices(lu), PivotsOf(pivots, n), LuOps.BatchSources(lu.Sizes[..^2], batch), n, x, k, adjoint: left == adjoint);
        }
        var y = LuOps.Result(x, [.. batch, n, k], b.DType);
        if (!left)
        {
            var t = y.Transpose(-2, -1).Contiguous();
            y.Dispose();
            y = t;
        }
        if (Record.ShouldRecord(lu, b))
        {
            var node = new LinalgLuSolveBackward0(left, adjoint) { ASizes = lu.Sizes, BSizes = b.Sizes, ADType = lu.DType, BDType = b.DType };
            Record.Connect(node, lu, b);
            node.A = SavedTensor.Input(lu);
            node.Pivots = SavedTensor.Input(pivots);
            Record.SetHistory(y, node);
            if (lu.RequiresGradFast) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>The 0-based pivots, after lu_solve's kernel checks: all at least 1, then all at most n.</summary>
    private static int[] PivotsOf(Tensor pivots, int n)
    {
        int[] data;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            data = pivots.Contiguous().ToArray<int>();
        foreach (int p in data)
            if (p < 1) throw new ArgumentException("Pivots given to lu_solve must all be greater or equal to 1. Did you properly pass the result of lu_factor?");
        foreach (int p in data)
            if (p > n) throw new ArgumentException("Pivots given to lu_solve must all be smaller or equal to LU.size(-2). Did you properly pass the result of lu_factor?");
        for (int i = 0; i < data.Length; i++) data[i]--;
        return data;
    }
}

/// <summary>
/// linalg_lu_solve: B: lu_solve(LU, pivots, grad, left, !adjoint); LU (linalg_lu_solve_LU): with left ≠ adjoint,
/// gR = U⁻ᵀ·(−gX·Xᵀ) (−gXᵀ·X for X·A = B), gLU = tril₋₁(L⁻ᵀ·gR·Uᵀ) + triu(gR); otherwise
/// gR = L⁻ᵀ-solved −Pᵀ·X·gXᵀ·P (X and gX swapped for X·Aᵀ = B), gLU = tril₋₁(gR) + triu(Lᵀ·gR·U⁻ᵀ). Both summed to their shapes.
/// </summary>
internal sealed class LinalgLuSolveBackward0(bool left, bool adjoint) : BinaryNode
{
    internal SavedTensor? Pivots;
    public override string Name => nameof(LinalgLuSolveBackward0);

    internal override IEnumerable<SavedTensor> Saved => Pivots is null ? base.Saved : base.Saved.Append(Pivots);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var lu = A!.Unpack();
        var pivots = Pivots!.Unpack();
        Tensor? gLU = null;
        if (NeedsInputGrad(0))
        {
            var x = Result!.Unpack();
            var (p, l, u) = LuFactorOps.LuUnpack(lu, pivots, unpackData: true, unpackPivots: left == adjoint);
            var lT = l.Transpose(-2, -1);
            var uT = u.Transpose(-2, -1);
            if (left != adjoint)
            {
                var gR = Linalg.SolveTriangular(uT, -(left ? grad.MatMul(x.Transpose(-2, -1)) : grad.Transpose(-2, -1).MatMul(x)), upper: false);
                var gL = Linalg.SolveTriangular(lT, gR.MatMul(uT), upper: true, left: true, unitriangular: true).Tril(-1);
                gLU = gL + gR.Triu();
            }
            else
            {
                var gR = -p.Transpose(-2, -1).MatMul(left ? x : x.Transpose(-2, -1)).MatMul(left ? grad.Transpose(-2, -1) : grad).MatMul(p);
                gR = Linalg.SolveTriangular(lT, gR, upper: true, left: false, unitriangular: true);
                var gU = Linalg.SolveTriangular(uT, lT.MatMul(gR), upper: false, left: false).Triu();
                gLU = gR.Tril(-1) + gU;
            }
            gLU = GradA(gLU);
        }
        return [gLU, NeedsInputGrad(1) ? GradB(LuSolveOps.LuSolve(lu, pivots, grad, left, !adjoint)) : null];
    }
}
