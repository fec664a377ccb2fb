using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Matrix products: mm, addmm (Linear's fused path), bmm, dot, mv, and matmul's dispatch over them.</summary>
internal static class LinalgOps
{
    /// <summary>C = beta * C + alpha * A @ B into a fresh or existing contiguous [m, n] output; transposed operands need no copy.</summary>
    private static void GemmInto(Tensor a, Tensor b, Tensor c, double alpha, double beta, Tensor? rowBias = null)
    {
        int m = a.Sizes[0], k = a.Sizes[1], n = b.Sizes[1];
        if (m == 0 || n == 0) return;
        var (ta, lda, av) = Operand(a);
        var (tb, ldb, bv) = Operand(b);
        Dispatch.Gemm(ta, tb, m, n, k, alpha, av.Strided, lda, bv.Strided, ldb, beta, c.Strided, n, rowBias?.Strided);
    }

    /// <summary>How GEMM reads a 2-D operand: row-major, column-major (a transposed view), or a contiguous copy.</summary>
    private static (bool Trans, int Ld, Tensor Data) Operand(Tensor t)
    {
        int r = t.Sizes[0], c = t.Sizes[1], s0 = t.Strides[0], s1 = t.Strides[1];
        if ((c <= 1 || s1 == 1) && (r <= 1 || s0 >= c)) return (false, Math.Max(Math.Max(s0, c), 1), t);
        if ((r <= 1 || s0 == 1) && (c <= 1 || s1 >= r)) return (true, Math.Max(Math.Max(s1, r), 1), t);
        var copy = OpHelpers.ContiguousRaw(t);
        return (false, Math.Max(c, 1), copy);
    }

    private static bool IsTransposedView(Tensor t) => t.Strides[0] == 1 && t.Sizes[1] > 1 && t.Strides[1] >= t.Sizes[0];

    private static void CheckMatrices(Tensor a, Tensor b, string op)
    {
        OpHelpers.CheckSameDevice(a, b);
        if (a.Dim != 2) throw new ArgumentException(op == "mm" ? "self must be a matrix" : $"mat1 must be a matrix, got {a.Dim}-D tensor");
        if (b.Dim != 2) throw new ArgumentException(op == "mm" ? "mat2 must be a matrix" : $"mat2 must be a matrix, got {b.Dim}-D tensor");
        if (a.Sizes[1] != b.Sizes[0]) throw Errors.MatmulShapes(a.Sizes, b.Sizes);
        CheckFloatPair(a, b);
    }

    private static void CheckFloatPair(Tensor a, Tensor b)
    {
        if (a.DType != b.DType) throw new ArgumentException($"expected m1 and m2 to have the same dtype, but got: {Errors.TypeMetaName(a.DType)} != {Errors.TypeMetaName(b.DType)}");
        if (a.DType == DType.Bool) throw Errors.UnsupportedDType("addmm_impl_cpu_", a.DType);
    }

    public static Tensor Mm(Tensor a, Tensor b)
    {
        CheckMatrices(a, b, "mm");
        MmBackward0? node = null;
        if (Record.ShouldRecord(a, b))
        {
            node = Record.Connect(new MmBackward0 { Mat2Transposed = IsTransposedView(b) }, a, b);
            if (b.RequiresGradFast) node.A = SavedTensor.Input(a);
            if (a.RequiresGradFast) node.B = SavedTensor.Input(b);
        }
        var y = Tensor.Empty(a.DType, [a.Sizes[0], b.Sizes[1]]);
        if (a.Sizes[1] == 0) Dispatch.Fill(y.Strided, 0);
        else GemmInto(a, b, y, 1, 0);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>beta * bias + alpha * (a @ b), bias broadcast to [m, n]. AddmmBackward0 (Linear on 2-D input).</summary>
    public static Tensor Addmm(Tensor bias, Tensor a, Tensor b, double beta = 1, double alpha = 1)
    {
        CheckMatrices(a, b, "addmm");
        int m = a.Sizes[0], n = b.Sizes[1];
        int[] shape = [m, n];
        Layout.Broadcast(bias.Sizes, shape);
        if (bias.DType != a.DType) throw new ArgumentException($"expected m1 and m2 to have the same dtype, but got: {Errors.TypeMetaName(bias.DType)} != {Errors.TypeMetaName(a.DType)}");
        AddmmBackward0? node = null;
        if (Record.ShouldRecord([bias, a, b]))
        {
            node = Record.Connect(new AddmmBackward0(bias.Sizes, beta, alpha) { Mat2Transposed = IsTransposedView(b) }, [bias, a, b]);
            if (b.RequiresGradFast) node.A = SavedTensor.Input(a);
            if (a.RequiresGradFast) node.B = SavedTensor.Input(b);
        }
        var y = Tensor.Empty(a.DType, shape);
        if (beta == 1 && a.Sizes[1] > 0 && bias.Dim == 1 && bias.Sizes[0] == n && (n <= 1 || bias.Strides[0] == 1))
        {
            // Linear's case: the GEMM seeds each output tile with the bias row (no separate pass over y).
            GemmInto(a, b, y, alpha, 0, bias);
            if (node is not null) Record.SetHistory(y, node);
            return y;
        }
        if (beta == 0) Dispatch.Fill(y.Strided, 0);
        else if (beta == 1) Dispatch.Copy(bias.Strided, y.Strided);
        else Dispatch.BinaryScalar(BinaryKind.Mul, bias.Strided.BroadcastTo(shape), beta, false, y.Strided);
        if (a.Sizes[1] > 0) GemmInto(a, b, y, alpha, 1);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    public static Tensor Bmm(Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        if (a.Dim != 3) throw new ArgumentException($"batch1 must be a 3D tensor");
        if (b.Dim != 3) throw new ArgumentException($"batch2 must be a 3D tensor");
        if (a.Sizes[0] != b.Sizes[0] || a.Sizes[2] != b.Sizes[1])
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{a.Sizes[0]}, {a.Sizes[2]}] but got: [{b.Sizes[0]}, {b.Sizes[1]}].");
        CheckFloatPair(a, b);
        BmmBackward0? node = null;
        if (Record.ShouldRecord(a, b))
        {
            node = Record.Connect(new BmmBackward0(), a, b);
            if (b.RequiresGradFast) node.A = SavedTensor.Input(a);
            if (a.RequiresGradFast) node.B = SavedTensor.Input(b);
        }
        int batch = a.Sizes[0], m = a.Sizes[1], n = b.Sizes[2];
        var y = Tensor.Empty(a.DType, [batch, m, n]);
        if (a.Sizes[2] == 0) Dispatch.Fill(y.Strided, 0);
        else
        {
            using (Autograd.NoGrad())
            {
                for (int i = 0; i < batch; i++)
                {
                    using var ai = a.Select(0, i);
                    using var bi = b.Select(0, i);
                    using var yi = y.AliasWith([m, n], [n, 1], i * m * n);
                    GemmInto(ai, bi, yi, 1, 0);
                }
            }
        }
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    public static Tensor Dot(Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        if (a.Dim != 1 || b.Dim != 1) throw new ArgumentException($"1D tensors expected, but got {a.Dim}D and {b.Dim}D tensors");
        if (a.Sizes[0] != b.Sizes[0]) throw Errors.DotSizeMismatch(a.Sizes[0], b.Sizes[0]);
        if (a.DType != b.DType) throw new ArgumentException($"dot : expected both vectors to have same dtype, but found {Errors.Pretty(a.DType)} and {Errors.Pretty(b.DType)}");
        DotBackward0? node = null;
        if (Record.ShouldRecord(a, b))
        {
            node = Record.Connect(new DotBackward0(), a, b);
            node.A = SavedTensor.Input(a);
            node.B = SavedTensor.Input(b);
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // sum widens integers to int64; int32's dot stays int32 (the wrapped sum is the same modulo 2^32)
            y = (a * b).Sum();
            if (y.DType != a.DType && a.DType != DType.Bool) y = y.To(a.DType);
            y = y.MoveToOuterScope();
        }
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    public static Tensor Mv(Tensor a, Tensor v)
    {
        OpHelpers.CheckSameDevice(a, v);
        if (a.Dim != 2 || v.Dim != 1) throw new ArgumentException($"vector + matrix @ vector expected, got 1, {a.Dim}, {v.Dim}");
        if (a.Sizes[1] != v.Sizes[0]) throw Errors.SizeMismatchMv(a.Sizes, v.Sizes[0]);
        CheckFloatPair(a, v);
        MvBackward0? node = null;
        if (Record.ShouldRecord(a, v))
        {
            node = Record.Connect(new MvBackward0(), a, v);
            node.A = SavedTensor.Input(a);
            node.B = SavedTensor.Input(v);
        }
        var y = Tensor.Empty(a.DType, [a.Sizes[0]]);
        using (var vc = v.AliasWith([v.Sizes[0], 1], [v.Strides[0], 1], v.Offset))
        using (var yc = y.AliasWith([a.Sizes[0], 1], [1, 1], 0))
        {
            if (a.Sizes[1] == 0) Dispatch.Fill(y.Strided, 0);
            else GemmInto(a, vc, yc, 1, 0);
        }
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>PyTorch's matmul: dot, mv, mm, and broadcast batched products folded onto mm/bmm.</summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        int da = a.Dim, db = b.Dim;
        if (da == 0 || db == 0) throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D");
        if (da == 1 && db == 1) return Dot(a, b);
        if (da == 2 && db == 1) return Mv(a, b);
        if (da == 1 && db == 2)
        {
            if (a.Sizes[0] != b.Sizes[0]) throw Errors.MatmulShapes([1, a.Sizes[0]], b.Sizes);
            var r = Mm(a.Unsqueeze(0), b);
            return ViewOps.SqueezeFirst(r);
        }
        if (da == 2 && db == 2) return Mm(a, b);
        if (da >= 3 && db <= 2)
        {
            // fold a's batch dims into rows: one mm, then an unsafe view back
            int k = a.Sizes[^1];
            var bm = db == 1 ? b.Unsqueeze(1) : b;
            if (k != bm.Sizes[0]) throw Errors.MatmulShapes([Layout.NumElementsUnchecked(a.Sizes) / Math.Max(k, 1), k], bm.Sizes);
            var folded = a.Reshape(Layout.NumElementsUnchecked(a.Sizes[..^1]), k); // not -1: k may be 0
            var r = Mm(folded, bm);
            var outShape = a.Sizes[..^1].Concat(db == 1 ? [] : new[] { bm.Sizes[1] }).ToArray();
            return ViewOps.UnsafeView(r, outShape);
        }
        return BatchedMatMul(a, b);
    }

    private static Tensor BatchedMatMul(Tensor a, Tensor b)
    {
        bool aVec = a.Dim == 1, bVec = b.Dim == 1;
        var a3 = aVec ? a.Unsqueeze(0) : a;
        var b3 = bVec ? b.Unsqueeze(1) : b;
        int m = a3.Sizes[^2], k = a3.Sizes[^1], k2 = b3.Sizes[^2], n = b3.Sizes[^1];
        if (k != k2) throw Errors.MatmulShapes([m, k], [k2, n]);
        var batchA = a3.Sizes[..^2];
        var batchB = b3.Sizes[..^2];
        var batch = Layout.Broadcast(batchA, batchB);
        int bsz = Layout.NumElementsUnchecked(batch);
        var ae = a3.Expand([.. batch, m, k]).Reshape(bsz, m, k);
        var be = b3.Expand([.. batch, k, n]).Reshape(bsz, k, n);
        var r = Bmm(ae, be);
        var shape = new List<int>(batch);
        if (!aVec) shape.Add(m);
        if (!bVec) shape.Add(n);
        return ViewOps.UnsafeView(r, shape.ToArray());
    }

    /// <summary>x @ weight.T + bias, on PyTorch's paths: addmm for 2-D input (AddmmBackward0), else a view of the folded product.</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias)
    {
        if (x.Dim == 2)
        {
            if (x.Sizes[1] != weight.Sizes[^1]) throw Errors.MatmulShapes(x.Sizes, [weight.Sizes[^1], weight.Sizes[0]]);
            return bias is null ? Mm(x, weight.T) : Addmm(bias, x, weight.T);
        }
        if (bias is null) return MatMul(x, weight.T);
        int k = x.Sizes[^1];
        if (k != weight.Sizes[^1]) throw Errors.MatmulShapes([Layout.NumElementsUnchecked(x.Sizes) / Math.Max(k, 1), k], [weight.Sizes[^1], weight.Sizes[0]]);
        var folded = x.Reshape(Layout.NumElementsUnchecked(x.Sizes[..^1]), k); // not -1: k may be 0
        var y = Addmm(bias, folded, weight.T);
        var shape = x.Sizes[..^1].Concat(new[] { weight.Sizes[0] }).ToArray();
        return y.View(shape);
    }
}
