using Sharpgrad.Ops;
using Sharpgrad.Shapes;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// X with A X = B (or X A = B when not <paramref name="left"/>) for triangular A, reading only A's
    /// <paramref name="upper"/> or lower triangle (a unit diagonal assumed when <paramref name="unitriangular"/>); batch
    /// dims broadcast; a zero on the diagonal gives inf/NaN, not an error (LinalgSolveTriangularBackward0).
    /// PyTorch: torch.linalg.solve_triangular.
    /// </summary>
    public static Tensor SolveTriangular(Tensor a, Tensor b, bool upper, bool left = true, bool unitriangular = false)
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
        Tensor x;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // X A = B is Aᵀ Xᵀ = Bᵀ: the same substitution on the transposed triangle
            var aa = (left ? a : a.Transpose(-2, -1)).To(DType.Float64).Expand([.. batch, n, n]).Contiguous().ToArray<double>();
            var bb = (left ? b : b.Transpose(-2, -1)).To(DType.Float64);
            int k = bb.Sizes[^1];
            var rhs = bb.Expand([.. batch, n, k]).Contiguous().ToArray<double>();
            Substitute(aa, rhs, Layout.NumElements(batch), n, k, left ? upper : !upper, unitriangular);
            var solved = Tensor.FromArray(rhs, [.. batch, n, k]).To(dtype);
            x = (left ? solved : solved.Transpose(-2, -1).Contiguous()).MoveToOuterScope();
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

    /// <summary>Forward (lower) or back (upper) substitution of every batch's n x k right-hand side, in place.</summary>
    private static void Substitute(double[] a, double[] x, int batches, int n, int k, bool upper, bool unit)
    {
        for (int bt = 0; bt < batches; bt++)
        {
            int ao = bt * n * n, xo = bt * n * k;
            for (int c = 0; c < k; c++)
            {
                for (int step = 0; step < n; step++)
                {
                    int i = upper ? n - 1 - step : step;
                    double sum = x[xo + i * k + c];
                    if (upper)
                        for (int j = i + 1; j < n; j++) sum -= a[ao + i * n + j] * x[xo + j * k + c];
                    else
                        for (int j = 0; j < i; j++) sum -= a[ao + i * n + j] * x[xo + j * k + c];
                    x[xo + i * k + c] = unit ? sum : sum / a[ao + i * n + i];
                }
            }
        }
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
