using Sharpgrad.Shapes;

namespace Sharpgrad;

/// <summary>
/// linalg.norm, vector_norm, matrix_norm, cond, matrix_rank and vecdot, composed as ATen composes them (so their nodes are
/// PyTorch's: LinalgVectorNormBackward0, AmaxBackward0/AminBackward0 over norms or singular values, SumBackward1, ...).
/// </summary>
public static partial class Linalg
{
    /// <summary>
    /// The vector p-norm over <paramref name="dim"/> (all elements when null) (LinalgVectorNormBackward0). PyTorch: torch.linalg.vector_norm.
    /// </summary>
    public static Tensor VectorNorm(Tensor x, double ord = 2, int[]? dim = null, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Norm(ord, dim ?? [.. Enumerable.Range(0, x.Dim)], keepDim);
    }

    /// <summary>
    /// The Frobenius ("fro") or nuclear ("nuc") norm of the matrices over <paramref name="dim"/> (default the last two).
    /// PyTorch: torch.linalg.matrix_norm.
    /// </summary>
    public static Tensor MatrixNorm(Tensor a, string ord = "fro", int[]? dim = null, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ord);
        if (ord is not ("fro" or "nuc")) throw new ArgumentException($"linalg.matrix_norm: Order {ord} not supported.");
        var (d0, d1) = MatrixNormChecks(a, dim);
        if (ord == "fro") return a.Norm(2, [d0, d1], keepDim);
        return SingularValueReduction(a, d0, d1, keepDim, s => s.Sum([-1], keepDim));
    }

    /// <summary>
    /// The matrix norm of order ±1 (max/min column sum), ±2 (largest/smallest singular value) or ±inf (max/min row sum)
    /// over <paramref name="dim"/> (default the last two). PyTorch: torch.linalg.matrix_norm.
    /// </summary>
    public static Tensor MatrixNorm(Tensor a, double ord, int[]? dim = null, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        double absOrd = Math.Abs(ord);
        if (absOrd is not (1 or 2) && !double.IsInfinity(absOrd))
            throw new ArgumentException($"linalg.matrix_norm: Order {ord.ToString(System.Globalization.CultureInfo.InvariantCulture)} not supported.");
        var (d0, d1) = MatrixNormChecks(a, dim);
        Tensor MaxMin(Tensor t, int d) => ord > 0 ? t.Amax(d, keepDim) : t.Amin(d, keepDim);
        if (absOrd == 2) return SingularValueReduction(a, d0, d1, keepDim, s => MaxMin(s, -1));
        // the inf norm is the 1 norm of the transpose
        if (double.IsInfinity(absOrd)) (d0, d1) = (d1, d0);
        if (!keepDim && d0 < d1) d1--;
        return MaxMin(a.Norm(1, [d0], keepDim), d1);
    }

    /// <summary>
    /// linalg.norm with a numeric order: a matrix norm when two dims are given (or none for a 2-D input with an order),
    /// else the vector norm (order 2 by default, over all elements when no dim is given). PyTorch: torch.linalg.norm.
    /// </summary>
    public static Tensor Norm(Tensor a, double? ord = null, int[]? dim = null, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        NormChecks(a, ord is not null, dim);
        if (ord is double o && ((dim is { Length: 2 }) || (dim is null && a.Dim == 2)))
            return MatrixNorm(a, o, dim ?? [0, 1], keepDim);
        return VectorNorm(a, ord ?? 2, dim, keepDim);
    }

    /// <summary>linalg.norm with "fro" or "nuc": the matrix norm over <paramref name="dim"/> (a 2-D input by default). PyTorch: torch.linalg.norm.</summary>
    public static Tensor Norm(Tensor a, string ord, int[]? dim = null, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        NormChecks(a, true, dim);
        return MatrixNorm(a, ord, dim ?? [0, 1], keepDim);
    }

    /// <summary>
    /// The condition number in the 2-norm (default, by singular values; -2 gives their inverse ratio) or in the ±1, ±inf
    /// norm: ‖A‖·‖A⁻¹‖ (inf for a singular matrix). PyTorch: torch.linalg.cond.
    /// </summary>
    public static Tensor Cond(Tensor a, double? p = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Dim < 2) throw new ArgumentException("linalg.cond: The input tensor must have at least 2 dimensions.");
        double ord = p ?? 2;
        if (Math.Abs(ord) == 2)
        {
            var s = Svdvals(a);
            var max = s.Narrow(-1, 0, 1);
            var min = s.Narrow(-1, s.Sizes[^1] - 1, 1);
            return (ord == -2 ? min / max : max / min).Squeeze(-1);
        }
        if (Math.Abs(ord) != 1 && !double.IsInfinity(ord))
            throw new ArgumentException($"linalg.cond got an invalid norm type: {ord.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return CondByInverse(a, t => MatrixNorm(t, ord));
    }

    /// <summary>The condition number in the Frobenius ("fro") or nuclear ("nuc") norm: ‖A‖·‖A⁻¹‖. PyTorch: torch.linalg.cond.</summary>
    public static Tensor Cond(Tensor a, string p)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(p);
        if (a.Dim < 2) throw new ArgumentException("linalg.cond: The input tensor must have at least 2 dimensions.");
        if (p is not ("fro" or "nuc")) throw new ArgumentException($"linalg.cond got an invalid norm type: {p}");
        return CondByInverse(a, t => MatrixNorm(t, p));
    }

    /// <summary>
    /// The number of singular values (eigenvalue magnitudes when <paramref name="hermitian"/>) above max(atol, rtol·σ_max);
    /// with neither tolerance given, rtol is the dtype's epsilon times the larger matrix size. PyTorch: torch.linalg.matrix_rank.
    /// </summary>
    public static Tensor MatrixRank(Tensor a, double? atol = null, double? rtol = null, bool hermitian = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Dim < 2) throw new ArgumentException("linalg.matrix_rank: The input tensor A must have at least 2 dimensions.");
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var s = hermitian ? Eigvalsh(a).Abs() : Svdvals(a);
            double eps = a.DType == DType.Float64 ? 2.220446049250313e-16 : 1.1920928955078125e-07;
            double relative = rtol ?? (atol is null ? eps * Math.Max(a.Sizes[^1], a.Sizes[^2]) : 0);
            var largest = s.Sizes[^1] == 0 ? Tensor.ZerosLike(s.Sum([-1], keepDim: true)) : s.Amax(-1, keepDim: true);
            var tol = (largest * relative).ClampMin(atol ?? 0);
            return s.Gt(tol).Sum([-1]).MoveToOuterScope();
        }
    }

    /// <summary>The dot product of x and y along <paramref name="dim"/> (broadcast) (SumBackward1). PyTorch: torch.linalg.vecdot.</summary>
    public static Tensor Vecdot(Tensor x, Tensor y, int dim = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return (x * y).Sum([dim]);
    }

    private static (int D0, int D1) MatrixNormChecks(Tensor a, int[]? dim)
    {
        a.ThrowIfDisposed();
        if (a.Dim < 2) throw new ArgumentException("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
        var d = dim ?? [-2, -1];
        if (d.Length != 2) throw new ArgumentException($"linalg.matrix_norm: dim must be a 2-tuple. Got {string.Join(" ", d)}");
        int d0 = Layout.WrapDim(d[0], a.Dim), d1 = Layout.WrapDim(d[1], a.Dim);
        if (d0 == d1) throw new ArgumentException($"linalg.matrix_norm: dims must be different. Got ({d0}, {d1})");
        if (!a.DType.IsFloatingPoint()) throw new ArgumentException($"linalg.matrix_norm: Expected a floating point or complex tensor as input. Got {Errors.Pretty(a.DType)}");
        return (d0, d1);
    }

    private static void NormChecks(Tensor a, bool hasOrd, int[]? dim)
    {
        a.ThrowIfDisposed();
        if (dim is not null && dim.Length is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {Errors.Shape(dim)}");
        if (dim is null && hasOrd && a.Dim is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {a.Dim}D.");
    }

    /// <summary>A reduction over the singular values of the matrices spanned by d0 and d1 (moved to the end), keepdim restoring the layout.</summary>
    private static Tensor SingularValueReduction(Tensor a, int d0, int d1, bool keepDim, Func<Tensor, Tensor> reduce)
    {
        var permutation = Enumerable.Range(0, a.Dim).Where(d => d != d0 && d != d1).Append(d0).Append(d1).ToArray();
        var result = reduce(Svdvals(a.Permute(permutation)));
        if (!keepDim) return result;
        var reverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) reverse[permutation[i]] = i;
        return result.Unsqueeze(-1).Permute(reverse);
    }

    /// <summary>‖A‖·‖A⁻¹‖ with 0·inf read as inf (nan_to_num_), and A⁻¹ taken as all inf where A is singular.</summary>
    private static Tensor CondByInverse(Tensor a, Func<Tensor, Tensor> norm)
    {
        if (a.Sizes[^1] != a.Sizes[^2])
            throw new ArgumentException($"linalg.cond: A must be batches of square matrices, but they are {a.Sizes[^2]} by {a.Sizes[^1]} matrices");
        Tensor inverse;
        try { inverse = Inv(a); }
        catch (InvalidOperationException)
        {
            using (Autograd.NoGrad()) inverse = Tensor.Full(a.Sizes, double.PositiveInfinity, a.DType);
        }
        var result = norm(a) * norm(inverse);
        return result.NanToNum_(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity);
    }
}
