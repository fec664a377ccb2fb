using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// torch.linalg.lu_factor(_ex), torch.linalg.lu and torch.lu_unpack: partial-pivoting LU of [..., m, n] (getrf), its
/// packed form with LAPACK's 1-based Int32 pivots, and P, L, U unpacked from it.
/// </summary>
internal static class LuFactorOps
{
    /// <summary>
    /// LU packed in A's shape (LinalgLuFactorExBackward0), pivots [..., min(m, n)] and getrf's info [...], both Int32;
    /// with <paramref name="checkApi"/> a zero pivot raises PyTorch's message under that name.
    /// </summary>
    public static (Tensor LU, Tensor Pivots, Tensor Info) LuFactorEx(Tensor a, bool pivot, string? checkApi)
    {
        var (data, pivots, info) = Factor(a, pivot, "torch.lu_factor");
        for (int m = 0; checkApi is not null && m < info.Length; m++)
            if (info[m] > 0)
                throw new InvalidOperationException($"{checkApi}: {LuOps.BatchPrefix(a, m)}U[{info[m]},{info[m]}] is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)");
        var batch = a.Sizes[..^2];
        var lu = LuOps.Result(data, a.Sizes, a.DType);
        var piv = Tensor.FromArray(pivots, [.. batch, Math.Min(a.Sizes[^2], a.Sizes[^1])]);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgLuFactorExBackward0(), a);
            Record.SetHistory(lu, node);
            node.LU = SavedTensor.Output(lu, node);
            node.Pivots = SavedTensor.Input(piv);
        }
        return (lu, piv, Tensor.FromArray(info, batch));
    }

    /// <summary>P [..., m, m] in A's dtype, unit lower L [..., m, k] and upper U [..., k, n] with A = P·L·U (LinalgLuBackward0 for L and U).</summary>
    public static (Tensor P, Tensor L, Tensor U) Lu(Tensor a, bool pivot)
    {
        var (data, pivots, _) = Factor(a, pivot, "linalg.lu");
        int m = a.Sizes[^2], n = a.Sizes[^1];
        var (p, l, u) = Unpacked(data, pivots, a.Sizes[..^2], m, n, a.DType, unpackData: true, unpackPivots: true);
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgLuBackward0(), a);
            Record.SetHistory(l, node, 1);
            Record.SetHistory(u, node, 2);
            node.P = SavedTensor.Input(p);
            node.L = SavedTensor.Output(l, node);
            node.U = SavedTensor.Output(u, node);
        }
        return (p, l, u);
    }

    /// <summary>
    /// P, L and U from lu_factor's output (LuUnpackBackward0 for L and U); what is not unpacked comes back as an empty
    /// [0] tensor of LU's dtype.
    /// </summary>
    public static (Tensor P, Tensor L, Tensor U) LuUnpack(Tensor luData, Tensor pivots, bool unpackData, bool unpackPivots)
    {
        ArgumentNullException.ThrowIfNull(luData);
        ArgumentNullException.ThrowIfNull(pivots);
        OpHelpers.CheckSameDevice(luData, pivots);
        if (luData.Dim < 2)
            throw new ArgumentException($"torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: {Errors.Shape(luData.Sizes)} instead");
        if (unpackPivots && pivots.DType != DType.Int32)
            throw new ArgumentException("torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.\nNote: this function is intended to be used with the output produced by torch.linalg.lu_factor");
        var batch = luData.Sizes[..^2];
        int m = luData.Sizes[^2], n = luData.Sizes[^1], k = Math.Min(m, n);
        var piv = unpackPivots ? PivotsOf(pivots, batch, m, k) : [];
        var (p, l, u) = Unpacked(unpackData ? LuOps.Matrices(luData) : [], piv, batch, m, n, luData.DType, unpackData, unpackPivots);
        if (Record.ShouldRecord(luData))
        {
            var node = Record.Connect(new LuUnpackBackward0(m, n, unpackData), luData);
            Record.SetHistory(l, node, 1);
            Record.SetHistory(u, node, 2);
        }
        return (p, l, u);
    }

    /// <summary>
    /// The input checks (PyTorch's order: rank, dtype, pivot) and getrf on every matrix: the packed factors as doubles,
    /// the 1-based pivots and the info of each matrix.
    /// </summary>
    private static (double[] LU, int[] Pivots, int[] Info) Factor(Tensor a, bool pivot, string api)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        if (a.Dim < 2) throw new ArgumentException($"{api}: Expected tensor with 2 or more dimensions. Got size: {Errors.Shape(a.Sizes)} instead");
        if (!a.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("lu_cpu", a.DType);
        if (!pivot) throw new ArgumentException("linalg.lu_factor: LU without pivoting is not implemented on the CPU");
        int m = a.Sizes[^2], n = a.Sizes[^1], k = Math.Min(m, n), count = LuOps.BatchCount(a);
        var data = LuOps.Matrices(a);
        var pivots = new int[count * k];
        var info = new int[count];
        var one = new int[k];
        for (int b = 0; b < count; b++)
        {
            info[b] = LuKernels.Factor(data, b * m * n, m, n, one);
            for (int i = 0; i < k; i++) pivots[b * k + i] = one[i] + 1;
        }
        return (data, pivots, info);
    }

    /// <summary>The first k pivots of each matrix, broadcast over LU's batch, checked to lie in [1, m] as lu_unpack's kernel does.</summary>
    private static int[] PivotsOf(Tensor pivots, int[] batch, int m, int k)
    {
        const string Range = "pivots passed to lu_unpack must be between 1 and LU.size(-2) inclusive.Did you properly pass the result of lu_factor?";
        if (k == 0 || Layout.NumElementsUnchecked(batch) == 0) return [];
        // PyTorch reads past the end of a shorter pivots row; the range check is what it then reports
        if (pivots.Dim == 0 || pivots.Sizes[^1] < k) throw new ArgumentException(Range);
        int[] data;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            data = pivots.Narrow(-1, 0, k).Expand([.. batch, k]).Contiguous().ToArray<int>();
        foreach (int p in data)
            if (p < 1 || p > m) throw new ArgumentException(Range);
        return data;
    }

    /// <summary>P, L and U as tensors of <paramref name="dtype"/> from packed factors and 1-based pivots.</summary>
    private static (Tensor P, Tensor L, Tensor U) Unpacked(double[] lu, int[] pivots, int[] batch, int m, int n, DType dtype, bool unpackData, bool unpackPivots)
    {
        int k = Math.Min(m, n), count = Layout.NumElementsUnchecked(batch);
        Tensor p, l, u;
        if (unpackPivots)
        {
            var pd = new double[count * m * m];
            var perm = new int[m];
            for (int b = 0; b < count; b++)
            {
                for (int i = 0; i < m; i++) perm[i] = i;
                for (int i = 0; i < k; i++)
                {
                    int q = pivots[b * k + i] - 1;
                    (perm[i], perm[q]) = (perm[q], perm[i]);
                }
                // row i of PᵀA is row perm[i] of A
                for (int i = 0; i < m; i++) pd[b * m * m + perm[i] * m + i] = 1;
            }
            p = LuOps.Result(pd, [.. batch, m, m], dtype);
        }
        else p = Tensor.Zeros([0], dtype);
        if (unpackData)
        {
            var ld = new double[count * m * k];
            var ud = new double[count * k * n];
            for (int b = 0; b < count; b++)
            {
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < k && j <= i; j++)
                        ld[(b * m + i) * k + j] = i == j ? 1 : lu[(b * m + i) * n + j];
                for (int i = 0; i < k; i++)
                    for (int j = i; j < n; j++)
                        ud[(b * k + i) * n + j] = lu[(b * m + i) * n + j];
            }
            l = LuOps.Result(ld, [.. batch, m, k], dtype);
            u = LuOps.Result(ud, [.. batch, k, n], dtype);
        }
        else
        {
            l = Tensor.Zeros([0], dtype);
            u = Tensor.Zeros([0], dtype);
        }
        return (p, l, u);
    }
}
