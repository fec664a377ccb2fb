using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.linalg.cholesky(_ex) and torch.cholesky_solve over batches of symmetric positive-definite matrices.</summary>
internal static class CholeskyOps
{
    /// <summary>
    /// The lower factor L with A = L·Lᵀ from A's lower triangle, or with <paramref name="upper"/> the upper factor U with
    /// A = Uᵀ·U from A's upper triangle (LinalgCholeskyExBackward0), with potrf's info per matrix. A matrix that is not
    /// positive-definite is left as LAPACK leaves it, or, with <paramref name="checkApi"/>, raises LinAlgError's message.
    /// </summary>
    public static (Tensor L, int[] Info) CholeskyEx(Tensor a, bool upper, string? checkApi, string nodeName = nameof(LinalgCholeskyExBackward0))
    {
        LuOps.CheckSquare(a, "linalg.cholesky");
        int n = a.Sizes[^1], count = LuOps.BatchCount(a);
        var data = Lower(a, upper);
        var info = new int[count];
        for (int m = 0; m < count; m++) info[m] = LuKernels.Cholesky(data, m * n * n, n);
        for (int m = 0; checkApi is not null && m < count; m++)
            if (info[m] > 0)
                throw new InvalidOperationException($"{checkApi}: {LuOps.BatchPrefix(a, m)}The factorization could not be completed because the input is not positive-definite (the leading minor of order {info[m]} is not positive-definite).");
        if (upper) LuOps.TransposeBlocks(data, n);
        var y = LuOps.Result(data, a.Sizes, a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgCholeskyExBackward0(upper, nodeName), a);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return (y, info);
    }

    /// <summary>
    /// X with A·X = B for A = L·Lᵀ (or Uᵀ·U with <paramref name="upper"/>) given its factor; batch dims broadcast
    /// (CholeskySolveBackward0).
    /// </summary>
    public static Tensor CholeskySolve(Tensor b, Tensor factor, bool upper)
    {
        OpHelpers.CheckSameDevice(b, factor);
        if (b.Dim < 2) throw new ArgumentException($"b should have at least 2 dimensions, but has {b.Dim} dimensions instead");
        if (factor.Dim < 2) throw new ArgumentException($"u should have at least 2 dimensions, but has {factor.Dim} dimensions instead");
        if (factor.Sizes[^1] != factor.Sizes[^2])
            throw new ArgumentException($"A must be batches of square matrices, but they are {factor.Sizes[^2]} by {factor.Sizes[^1]} matrices");
        int n = factor.Sizes[^1], k = b.Sizes[^1];
        if (b.Sizes[^2] != n)
            throw new ArgumentException($"Incompatible matrix sizes for cholesky_solve: each A matrix is {n} by {n} but each b matrix is {b.Sizes[^2]} by {k}");
        if (b.DType != factor.DType)
            throw new ArgumentException($"Expected b and A to have the same dtype, but found b of type {Errors.Pretty(b.DType)} and A of type {Errors.Pretty(factor.DType)} instead.");
        if (!b.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("cholesky_solve_cpu", b.DType);
        var batch = Layout.Broadcast(b.Sizes.AsSpan(0, b.Dim - 2), factor.Sizes.AsSpan(0, factor.Dim - 2));
        var x = LuOps.ExpandedMatrices(b, [.. batch, n, k]);
        double[] l;
        using (Autograd.NoGrad())
        {
            var lx = factor.Expand([.. batch, n, n]);
            l = Lower(lx, upper);
            LuOps.DisposeIfNew(lx, factor);
        }
        for (int m = 0, count = Layout.NumElementsUnchecked(batch); m < count; m++)
            LuKernels.CholeskySolve(l, m * n * n, n, x, m * n * k, k);
        var y = LuOps.Result(x, [.. batch, n, k], b.DType);
        if (Record.ShouldRecord(b, factor)) LuOps.RecordSolve(new CholeskySolveBackward0(upper), b, factor, y, factorIsFirst: false);
        return y;
    }

    /// <summary>
    /// (L·Lᵀ)⁻¹ (or (Uᵀ·U)⁻¹ with <paramref name="upper"/>) from the Cholesky factor, as cholesky_solve of the identity
    /// (CholeskyInverseBackward0).
    /// </summary>
    public static Tensor CholeskyInverse(Tensor factor, bool upper)
    {
        factor.ThrowIfDisposed();
        if (factor.Dim < 2) throw new ArgumentException("cholesky_inverse: The input tensor A must have at least 2 dimensions.");
        if (factor.Sizes[^1] != factor.Sizes[^2])
            throw new ArgumentException($"cholesky_inverse: A must be batches of square matrices, but they are {factor.Sizes[^2]} by {factor.Sizes[^1]} matrices");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var eye = Tensor.Eye(factor.Sizes[^1], factor.DType).Expand(factor.Sizes);
            y = CholeskySolve(eye, factor, upper).MoveToOuterScope();
        }
        if (Record.ShouldRecord(factor))
        {
            var node = Record.Connect(new CholeskyInverseBackward0(upper), factor);
            node.Self = SavedTensor.Input(factor);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>The matrices whose lower triangles hold the factor's data: A itself, or Aᵀ when the upper triangle is meant.</summary>
    private static double[] Lower(Tensor a, bool upper)
    {
        if (!upper) return LuOps.Matrices(a);
        using (Autograd.NoGrad())
        {
            var t = a.Transpose(-2, -1);
            var data = LuOps.Matrices(t);
            LuOps.DisposeIfNew(t, a);
            return data;
        }
    }
}

/// <summary>
/// linalg_cholesky_ex (cholesky_backward): with L the lower factor, Φ = tril(Lᵀ·gL) with its strict lower part mirrored
/// and halved, A: L⁻ᵀ·Φ·L⁻¹.
/// </summary>
internal sealed class LinalgCholeskyExBackward0(bool upper, string name = nameof(LinalgCholeskyExBackward0)) : UnaryNode
{
    // torch.cholesky (deprecated) records the same formula as CholeskyBackward0
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad)
    {
        var l = upper ? ResultValue.Transpose(-2, -1) : ResultValue;
        var gl = upper ? grad.Transpose(-2, -1) : grad;
        var phi = l.Transpose(-2, -1).MatMul(gl).Tril();
        phi = (phi + phi.Tril(-1).Transpose(-2, -1)) * 0.5;
        var lInv = LuOps.Inv(l);
        return [lInv.Transpose(-2, -1).MatMul(phi).MatMul(lInv)];
    }
}

/// <summary>cholesky_solve(B, L): B: cholesky_solve(grad, L); L: −(C·L) (upper: −(L·C)) with C = gB·Xᵀ + X·gBᵀ; both summed to their shapes.</summary>
internal sealed class CholeskySolveBackward0(bool upper) : BinaryNode
{
    public override string Name => nameof(CholeskySolveBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var l = B!.Unpack();
        var gB = CholeskyOps.CholeskySolve(grad, l, upper);
        Tensor? gL = null;
        if (NeedsInputGrad(1))
        {
            var c = gB.MatMul(Result!.Unpack().Transpose(-2, -1));
            c = c + c.Transpose(-2, -1);
            gL = GradB(upper ? -l.MatMul(c) : -c.MatMul(l));
        }
        return [NeedsInputGrad(0) ? GradA(gB) : null, gL];
    }
}

/// <summary>cholesky_inverse(L): with C = X·(G + Gᵀ)·X for the result X, L: −C·L (upper: −U·C).</summary>
internal sealed class CholeskyInverseBackward0(bool upper) : UnaryNode
{
    public override string Name => nameof(CholeskyInverseBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var inverse = ResultValue;
        var common = inverse.MatMul((grad + grad.Transpose(-2, -1)).MatMul(inverse));
        return [upper ? -SelfValue.MatMul(common) : -common.MatMul(SelfValue)];
    }
}
