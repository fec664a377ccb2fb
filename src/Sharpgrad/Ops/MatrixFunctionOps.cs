using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>linalg.matrix_exp and linalg.solve_triangular: Float64 kernels per matrix, with their own nodes.</summary>
internal static class MatrixFunctionOps
{
    /// <summary>e^A of each square matrix (LinalgMatrixExpBackward0); see <see cref="Linalg.MatrixExp"/>.</summary>
    public static Tensor MatrixExp(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        LuOps.CheckSquare(a, "linalg.matrix_exp");
        int n = a.Sizes[^1];
        var data = LuOps.Matrices(a);
        for (int off = 0; n > 0 && off < data.Length; off += n * n)
            Array.Copy(MatrixExpKernel.Exp(data.AsSpan(off, n * n).ToArray(), n), 0, data, off, n * n);
        var y = LuOps.Result(data, a.Sizes, a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgMatrixExpBackward0(), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>X with A X = B or X A = B for triangular A (LinalgSolveTriangularBackward0); see <see cref="Linalg.SolveTriangular"/>.</summary>
    public static Tensor SolveTriangular(Tensor a, Tensor b, bool upper, bool left, bool unitriangular)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        if (b.Dim < 2) throw new ArgumentException("linalg.solve_triangular: The input tensor B must have at least 2 dimensions.");
        if (a.Dim < 2) throw new ArgumentException("linalg.solve_triangular: The input tensor A must have at least 2 dimensions.");
        if (a.Sizes[^1] != a.Sizes[^2])
            throw new ArgumentException($"linalg.solve_triangular: A must be batches of square matrices, but they are {a.Sizes[^2]} by {a.Sizes[^1]} matrices");
        int n = a.Sizes[^1];
        if ((left ? b.Sizes[^2] : b.Sizes[^1]) != n)
            throw new ArgumentException($"linalg.solve_triangular: Incompatible shapes of A and B for the equation {(left ? "AX = B" : "XA = B")} ({a.Sizes[^2]}x{a.Sizes[^1]} and {b.Sizes[^2]}x{b.Sizes[^1]})");
        var dtype = TypePromotion.Result(a, b);
        if (!dtype.IsFloatingPoint()) throw Errors.UnsupportedDType("triangular_solve_cpu", dtype);
        var batch = Layout.Broadcast(a.Sizes[..^2], b.Sizes[..^2]);
        // X A = B is Aᵀ Xᵀ = Bᵀ: the same substitution on the transposed triangle
        int k = left ? b.Sizes[^1] : b.Sizes[^2];
        double[] aa, rhs;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            aa = LuOps.ExpandedMatrices(left ? a : a.Transpose(-2, -1), [.. batch, n, n]);
            rhs = LuOps.ExpandedMatrices(left ? b : b.Transpose(-2, -1), [.. batch, n, k]);
        }
        LuKernels.Substitute(aa, rhs, Layout.NumElements(batch), n, k, left ? upper : !upper, unitriangular);
        var x = LuOps.Result(rhs, [.. batch, n, k], dtype);
        if (!left)
        {
            var transposed = x.Transpose(-2, -1).Contiguous();
            x.Dispose();
            x = transposed;
        }
        if (Record.ShouldRecord(a, b))
        {
            var node = Record.Connect(new LinalgSolveTriangularBackward0(upper, left, unitriangular, a.Sizes, a.DType, b.Sizes, b.DType), a, b);
            node.A = SavedTensor.Input(a);
            node.Result = SavedTensor.Output(x, node);
            Record.SetHistory(x, node);
        }
        return x;
    }
}

/// <summary>matrix_exp: the upper-right block of exp([[Aᵀ, G], [0, Aᵀ]]) (the Fréchet derivative's adjoint).</summary>
internal sealed class LinalgMatrixExpBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgMatrixExpBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var at = SelfValue.Transpose(-2, -1);
        int n = at.Sizes[^1];
        var top = Tensor.Cat([at, grad], -1);
        var bottom = Tensor.Cat([Tensor.ZerosLike(at), at], -1);
        var block = Linalg.MatrixExp(Tensor.Cat([top, bottom], -2));
        return [block.Narrow(-2, 0, n).Narrow(-1, n, n)];
    }
}

/// <summary>
/// linalg_solve_triangular: B: the solve with Aᵀ (the other triangle); A: -gB Xᵀ (or -Xᵀ gB for X A = B) kept to A's
/// triangle (without the diagonal when unit), each summed over broadcast batch dims.
/// </summary>
internal sealed class LinalgSolveTriangularBackward0(bool upper, bool left, bool unit, int[] aSizes, DType aType, int[] bSizes, DType bType) : BinaryNode
{
    public override string Name => nameof(LinalgSolveTriangularBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = A!.Unpack();
        var x = Result!.Unpack();
        var gB = Linalg.SolveTriangular(a.Transpose(-2, -1), grad, !upper, left, unit);
        Tensor? gA = null;
        if (NeedsInputGrad(0))
        {
            var full = left ? -gB.MatMul(x.Transpose(-2, -1)) : -x.Transpose(-2, -1).MatMul(gB);
            gA = OpHelpers.GradFor(upper ? full.Triu(unit ? 1 : 0) : full.Tril(unit ? -1 : 0), aSizes, aType);
        }
        return [gA, NeedsInputGrad(1) ? OpHelpers.GradFor(gB, bSizes, bType) : null];
    }
}
