using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.linalg's LU-based ops: inv(_ex), det, slogdet and solve(_ex) over batches of square matrices.</summary>
internal static class LuOps
{
    /// <summary>torch.linalg.inv (LinalgInvExBackward0): the inverse of each matrix, LinAlgError's message on a zero pivot.</summary>
    public static Tensor Inv(Tensor a) => InvEx(a, "linalg.inv").Inverse;

    /// <summary>
    /// torch.linalg.inv_ex (LinalgInvExBackward0): A⁻¹ as PyTorch computes it, solve_ex(A, I); a singular matrix gives
    /// its getrf info and the inf/NaN the solve produces, or, with <paramref name="checkApi"/>, LinAlgError's message.
    /// </summary>
    public static (Tensor Inverse, int[] Info) InvEx(Tensor a, string? checkApi)
    {
        CheckSquare(a, "linalg.inv");
        int n = a.Sizes[^1], count = BatchCount(a);
        var inv = new double[count * n * n];
        for (int off = 0; off < inv.Length; off += n * n)
            for (int i = 0; i < n; i++) inv[off + i * n + i] = 1;
        var info = SolveInPlace(a, inv, a.Sizes[..^2], n, left: true);
        for (int m = 0; checkApi is not null && m < count; m++)
            if (info[m] > 0)
                throw new InvalidOperationException($"{checkApi}: {BatchPrefix(a, m)}The diagonal element {info[m]} is zero, the inversion could not be completed because the input matrix is singular.");
        var y = Result(inv, a.Sizes, a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgInvExBackward0(), a);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return (y, info);
    }

    /// <summary>torch.linalg.det (LinalgDetBackward0): Π diag(U) with the permutation's sign; 0 for a singular matrix.</summary>
    public static Tensor Det(Tensor a)
    {
        CheckSquare(a, "linalg.det");
        var det = Determinants(a).Det;
        var y = Result(det, a.Sizes[..^2], a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgDetBackward0(), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>torch.linalg.slogdet (LinalgSlogdetBackward0 for both outputs): sign and log|det| (−inf with sign 0 when singular).</summary>
    public static (Tensor Sign, Tensor LogAbsDet) Slogdet(Tensor a)
    {
        CheckSquare(a, "linalg.slogdet");
        var (sign, logAbs, _) = Determinants(a);
        var batch = a.Sizes[..^2];
        var s = Result(sign, batch, a.DType);
        var l = Result(logAbs, batch, a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgSlogdetBackward0(), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(s, node, 0);
            Record.SetHistory(l, node, 1);
        }
        return (s, l);
    }

    /// <summary>
    /// torch.linalg.solve_ex (LinalgSolveExBackward0): X with A·X = B (X·A = B unless <paramref name="left"/>); B is a
    /// batch of vectors when it is 1-D or has A's shape without the last dim, else a batch of matrices; batch dims
    /// broadcast. A singular matrix gives its getrf info and the inf/NaN of the solve, or, with
    /// <paramref name="checkApi"/>, LinAlgError's message.
    /// </summary>
    public static (Tensor Result, int[] Info) SolveEx(Tensor a, Tensor b, bool left, string? checkApi)
    {
        OpHelpers.CheckSameDevice(a, b);
        CheckFloating(a, "linalg.solve");
        if (a.DType != b.DType)
            throw new ArgumentException($"linalg.solve: Expected A and B to have the same dtype, but found A of type {Errors.Pretty(a.DType)} and B of type {Errors.Pretty(b.DType)} instead");
        bool vector = b.Dim == 1 || (b.Dim == a.Dim - 1 && a.Sizes[..^1].AsSpan().SequenceEqual(b.Sizes));
        var (x, info) = SolveRaw(a, b, vector, left);
        for (int m = 0; checkApi is not null && m < info.Length; m++)
            if (info[m] > 0)
            {
                x.Dispose();
                throw new InvalidOperationException($"{checkApi}: {BatchPrefix(a, m)}The solver failed because the input matrix is singular.");
            }
        if (Record.ShouldRecord(a, b)) RecordSolve(new LinalgSolveExBackward0(vector, left), a, b, x, factorIsFirst: true);
        return (x, info);
    }

    /// <summary>
    /// A⁻¹·B with B's vector-ness given, through a singular U without raising (the backward formulas' solve, as
    /// PyTorch's lu_solve does it: A itself factored, so a zero right-hand side stays zero); recorded as
    /// LinalgSolveExBackward0 when an input requires grad.
    /// </summary>
    internal static Tensor SolveUnchecked(Tensor a, Tensor b, bool vector)
    {
        var x = SolveRaw(a, b, vector, left: true, factorTransposed: false).X;
        if (Record.ShouldRecord(a, b)) RecordSolve(new LinalgSolveExBackward0(vector, left: true), a, b, x, factorIsFirst: true);
        return x;
    }

    /// <summary>
    /// The unrecorded solve with getrf's info per matrix of A. As PyTorch's _linalg_solve_ex, a row-major A is factored
    /// as Aᵀ and solved with getrs 'T' (which decides where a singular U puts inf and NaN) unless told otherwise.
    /// </summary>
    private static (Tensor X, int[] Info) SolveRaw(Tensor a, Tensor b, bool vector, bool left, bool? factorTransposed = null)
    {
        CheckSquare(a, "linalg.solve");
        int[] bm = vector ? [.. b.Sizes, 1] : b.Sizes;
        if (bm.Length < 2) throw new ArgumentException("linalg.solve: The input tensor B must have at least 2 dimensions.");
        int n = a.Sizes[^1];
        if ((left ? bm[^2] : bm[^1]) != n)
            throw new ArgumentException($"linalg.solve: Incompatible shapes of A and B for the equation {(left ? "AX = B" : "XA = B")} ({n}x{n} and {bm[^2]}x{bm[^1]})");
        var batch = Layout.Broadcast(bm.AsSpan(0, bm.Length - 2), a.Sizes.AsSpan(0, a.Dim - 2));
        if (!left && vector)
            throw new ArgumentException("linalg.solve: Vector broadcasting of the left hand side is not supported for left=False. In this case linalg.solve is equivalent to B / A.squeeze(-1)");
        int k = left ? bm[^1] : bm[^2];
        double[] x;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            x = ExpandedMatrices(vector ? b.Unsqueeze(-1) : left ? b : b.Transpose(-2, -1), [.. batch, n, k]);
        var info = SolveInPlace(a, x, batch, k, left, factorTransposed);
        var y = Result(x, vector ? [.. batch, n] : [.. batch, n, k], a.DType);
        if (left) return (y, info);
        var t = y.Transpose(-2, -1).Contiguous();
        y.Dispose();
        return (t, info);
    }

    /// <summary>
    /// Factors each matrix of A (Aᵀ when <paramref name="factorTransposed"/>, by default when A is row-major, as PyTorch
    /// does) and solves A·X = B, or Xᵀ from Aᵀ·Xᵀ = Bᵀ unless <paramref name="left"/>, in place for the right-hand
    /// sides <paramref name="rhs"/> ([batch..., n, k], each solved with the A its batch index broadcasts from).
    /// Returns getrf's info per matrix of A.
    /// </summary>
    internal static int[] SolveInPlace(Tensor a, double[] rhs, int[] batch, int k, bool left, bool? factorTransposed = null)
    {
        int n = a.Sizes[^1], count = BatchCount(a);
        bool transposed = factorTransposed ?? a.IsContiguous;
        double[] lu;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            lu = Matrices(transposed ? a.Transpose(-2, -1) : a);
        var pivots = new int[count * n];
        var info = new int[count];
        var one = new int[n];
        for (int m = 0; m < count; m++)
        {
            info[m] = LuKernels.Factor(lu, m * n * n, n, one);
            Array.Copy(one, 0, pivots, m * n, n);
        }
        // (LU of Aᵀ)ᵀ·X = B is getrs 'T'; X·A = B is Aᵀ·Xᵀ = Bᵀ, which flips that again
        SolveFactored(lu, pivots, BatchSources(a.Sizes[..^2], batch), n, rhs, k, adjoint: transposed == left);
        return info;
    }

    /// <summary>
    /// getrs on each n×k right-hand side of <paramref name="rhs"/> with the packed factors and 0-based pivots of the
    /// matrix <paramref name="which"/> names for it; with <paramref name="adjoint"/> the transposed system.
    /// </summary>
    internal static void SolveFactored(double[] lu, int[] pivots, int[] which, int n, double[] rhs, int k, bool adjoint)
    {
        var one = new int[n];
        for (int m = 0; n > 0 && k > 0 && m < which.Length; m++)
        {
            Array.Copy(pivots, which[m] * n, one, 0, n);
            if (adjoint) LuKernels.SolveTransposed(lu, which[m] * n * n, one, n, rhs, m * n * k, k);
            else LuKernels.Solve(lu, which[m] * n * n, one, n, rhs, m * n * k, k);
        }
    }

    /// <summary>For each element of <paramref name="batch"/> (row-major), the flat index of the element of <paramref name="source"/> it broadcasts from.</summary>
    internal static int[] BatchSources(int[] source, int[] batch)
    {
        var strides = Layout.BroadcastStrides(source, Layout.ContiguousStrides(source), batch);
        var which = new int[Layout.NumElementsUnchecked(batch)];
        for (int i = 0; i < which.Length; i++)
        {
            int rem = i, src = 0;
            for (int d = batch.Length - 1; d >= 0; d--)
            {
                src += rem % batch[d] * strides[d];
                rem /= batch[d];
            }
            which[i] = src;
        }
        return which;
    }

    /// <summary>
    /// Records a solve's node over its two inputs: their shapes and dtypes, the factor (A, or L for cholesky_solve),
    /// and the solution X when the factor needs a gradient.
    /// </summary>
    internal static void RecordSolve(BinaryNode node, Tensor first, Tensor second, Tensor y, bool factorIsFirst)
    {
        (node.ASizes, node.BSizes, node.ADType, node.BDType) = (first.Sizes, second.Sizes, first.DType, second.DType);
        Record.Connect(node, first, second);
        var factor = factorIsFirst ? first : second;
        if (factorIsFirst) node.A = SavedTensor.Input(factor);
        else node.B = SavedTensor.Input(factor);
        Record.SetHistory(y, node);
        if (factor.RequiresGradFast) node.Result = SavedTensor.Output(y, node);
    }

    /// <summary>PyTorch's squareCheckInputs and checkFloatingOrComplex, in that order.</summary>
    internal static void CheckSquare(Tensor a, string op)
    {
        a.ThrowIfDisposed();
        if (a.Dim < 2) throw new ArgumentException($"{op}: The input tensor A must have at least 2 dimensions.");
        if (a.Sizes[^1] != a.Sizes[^2])
            throw new ArgumentException($"{op}: A must be batches of square matrices, but they are {a.Sizes[^2]} by {a.Sizes[^1]} matrices");
        CheckFloating(a, op);
    }

    /// <summary>PyTorch's checkFloatingOrComplex.</summary>
    internal static void CheckFloating(Tensor a, string op)
    {
        if (!a.DType.IsFloatingPoint()) throw new ArgumentException($"{op}: Expected a floating point or complex tensor as input. Got {Errors.Pretty(a.DType)}");
    }

    /// <summary>"(Batch element i): " for a batched input, as LAPACK errors name the failing matrix.</summary>
    internal static string BatchPrefix(Tensor a, int m) => a.Dim > 2 ? $"(Batch element {m}): " : "";

    internal static int BatchCount(Tensor a) => Layout.NumElementsUnchecked(a.Sizes[..^2]);

    /// <summary>The input's elements as a fresh row-major double array (one n×n block per batch element).</summary>
    internal static double[] Matrices(Tensor a)
    {
        using (Autograd.NoGrad())
        {
            var c = a.Contiguous();
            var d = c.DType == DType.Float64 ? c : c.To(DType.Float64);
            var data = d.ToArray<double>();
            DisposeIfNew(d, c);
            DisposeIfNew(c, a);
            return data;
        }
    }

    /// <summary>The input broadcast to <paramref name="shape"/>, as a fresh row-major double array.</summary>
    internal static double[] ExpandedMatrices(Tensor t, int[] shape)
    {
        using (Autograd.NoGrad())
        {
            var e = t.Expand(shape);
            var data = Matrices(e);
            DisposeIfNew(e, t);
            return data;
        }
    }

    /// <summary>Disposes a temporary unless the op that made it returned its input itself.</summary>
    internal static void DisposeIfNew(Tensor t, Tensor input)
    {
        if (!ReferenceEquals(t, input)) t.Dispose();
    }

    /// <summary>Transposes each n×n block of <paramref name="data"/> in place.</summary>
    internal static void TransposeBlocks(double[] data, int n)
    {
        for (int off = 0; off < data.Length; off += n * n)
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    (data[off + i * n + j], data[off + j * n + i]) = (data[off + j * n + i], data[off + i * n + j]);
    }

    /// <summary>A tensor of <paramref name="dtype"/> holding <paramref name="data"/> in <paramref name="shape"/>.</summary>
    internal static Tensor Result(double[] data, int[] shape, DType dtype)
    {
        var t = Tensor.FromArray(data, shape);
        if (dtype == DType.Float64) return t;
        var r = t.To(dtype);
        t.Dispose();
        return r;
    }

    private static (double[] Sign, double[] LogAbs, double[] Det) Determinants(Tensor a)
    {
        int n = a.Sizes[^1], count = BatchCount(a);
        var lu = Matrices(a);
        if (a.IsContiguous) TransposeBlocks(lu, n); // det(Aᵀ) = det(A), factored as PyTorch does
        var pivots = new int[n];
        double[] sign = new double[count], logAbs = new double[count], det = new double[count];
        for (int m = 0; m < count; m++)
        {
            LuKernels.Factor(lu, m * n * n, n, pivots);
            (sign[m], logAbs[m], det[m]) = LuKernels.Determinant(lu, m * n * n, n, pivots);
        }
        return (sign, logAbs, det);
    }
}
