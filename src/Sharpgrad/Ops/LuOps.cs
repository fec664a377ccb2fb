using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.linalg's LU-based ops: inv, det, slogdet and solve over batches of square matrices.</summary>
internal static class LuOps
{
    /// <summary>torch.linalg.inv (LinalgInvExBackward0): the inverse of each matrix, LinAlgError's message on a zero pivot.</summary>
    public static Tensor Inv(Tensor a)
    {
        CheckSquare(a, "linalg.inv");
        int n = a.Sizes[^1];
        // as PyTorch does, a row-major A is factored as Aᵀ (which decides the zero pivot the message names)
        bool transposed = a.IsContiguous;
        var lu = Matrices(a);
        if (transposed) TransposeBlocks(lu, n);
        var inv = new double[lu.Length];
        var pivots = new int[n];
        for (int m = 0, count = BatchCount(a); m < count; m++)
        {
            int off = m * n * n;
            int info = LuKernels.Factor(lu, off, n, pivots);
            if (info > 0)
                throw new InvalidOperationException($"linalg.inv: {BatchPrefix(a, m)}The diagonal element {info} is zero, the inversion could not be completed because the input matrix is singular.");
            for (int i = 0; i < n; i++) inv[off + i * n + i] = 1;
            LuKernels.Solve(lu, off, pivots, n, inv, off, n);
        }
        if (transposed) TransposeBlocks(inv, n);
        var y = Result(inv, a.Sizes, a.DType);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgInvExBackward0(), a);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
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
    /// torch.linalg.solve (LinalgSolveExBackward0): X with A·X = B; B is a batch of vectors when it is 1-D or has A's
    /// shape without the last dim, else a batch of matrices; batch dims broadcast.
    /// </summary>
    public static Tensor Solve(Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        CheckFloating(a, "linalg.solve");
        if (a.DType != b.DType)
            throw new ArgumentException($"linalg.solve: Expected A and B to have the same dtype, but found A of type {Errors.Pretty(a.DType)} and B of type {Errors.Pretty(b.DType)} instead");
        bool vector = b.Dim == 1 || (b.Dim == a.Dim - 1 && a.Sizes[..^1].AsSpan().SequenceEqual(b.Sizes));
        return Solve(a, b, vector, check: true);
    }

    /// <summary>
    /// A⁻¹·B with B's vector-ness given; <paramref name="check"/> false solves through a singular U without raising
    /// (the determinant's backward, as PyTorch's lu_solve does).
    /// </summary>
    internal static Tensor Solve(Tensor a, Tensor b, bool vector, bool check)
    {
        CheckSquare(a, "linalg.solve");
        int[] bm = vector ? [.. b.Sizes, 1] : b.Sizes;
        if (bm.Length < 2) throw new ArgumentException("linalg.solve: The input tensor B must have at least 2 dimensions.");
        int n = a.Sizes[^1], k = bm[^1];
        if (bm[^2] != n)
            throw new ArgumentException($"linalg.solve: Incompatible shapes of A and B for the equation AX = B ({n}x{n} and {bm[^2]}x{k})");
        var batch = Layout.Broadcast(bm.AsSpan(0, bm.Length - 2), a.Sizes.AsSpan(0, a.Dim - 2));
        var lu = Matrices(a);
        int aCount = BatchCount(a);
        var pivots = new int[aCount * n];
        var one = new int[n];
        for (int m = 0; m < aCount; m++)
        {
            int info = LuKernels.Factor(lu, m * n * n, n, one);
            if (info > 0 && check)
                throw new InvalidOperationException($"torch.linalg.solve: {BatchPrefix(a, m)}The solver failed because the input matrix is singular.");
            Array.Copy(one, 0, pivots, m * n, n);
        }
        double[] x;
        long[] which = [];
        using (Autograd.NoGrad())
        {
            var b2 = vector ? b.Unsqueeze(-1) : b;
            x = ExpandedMatrices(b2, [.. batch, n, k]);
            DisposeIfNew(b2, b);
            if (aCount > 0 && x.Length > 0)
            {
                // which of A's matrices each broadcast batch element solves with
                using var ids = Tensor.Arange(0, aCount).Reshape(a.Sizes[..^2]);
                var idsx = ids.Expand(batch);
                var idsc = idsx.Contiguous();
                which = idsc.ToArray<long>();
                DisposeIfNew(idsc, idsx);
                DisposeIfNew(idsx, ids);
            }
        }
        for (int m = 0; m < which.Length; m++)
        {
            int am = (int)which[m];
            Array.Copy(pivots, am * n, one, 0, n);
            LuKernels.Solve(lu, am * n * n, one, n, x, m * n * k, k);
        }
        var y = Result(x, vector ? [.. batch, n] : [.. batch, n, k], a.DType);
        if (Record.ShouldRecord(a, b)) RecordSolve(new LinalgSolveExBackward0(vector), a, b, y, factorIsFirst: true);
        return y;
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

    private static void CheckFloating(Tensor a, string op)
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
