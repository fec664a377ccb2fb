using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// inner, vdot, addmv, addr, matrix_power, logdet and block_diag. Where ATen composes an op from others (inner,
/// matrix_power, logdet) it is composed the same way here, so its nodes are PyTorch's; the rest record their own node.
/// </summary>
internal static class ProductOps
{
    /// <summary>inner: a product with a 0-dim operand, else the sum over both last dims (tensordot).</summary>
    public static Tensor Inner(Tensor a, Tensor b)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        if (a.Dim == 0 || b.Dim == 0) return a * b;
        if (a.Sizes[^1] != b.Sizes[^1])
            throw new ArgumentException($"inner() the last dimension must match on both input tensors but got shapes {Errors.Shape(a.Sizes)} and {Errors.Shape(b.Sizes)}");
        return Tensor.Tensordot(a, b, [-1], [-1]);
    }

    /// <summary>vdot: the dot product of two 1-D tensors (conjugating the first, which for real numbers changes nothing). VdotBackward0.</summary>
    public static Tensor Vdot(Tensor a, Tensor b)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        if (a.Dim != 1 || b.Dim != 1) throw new ArgumentException($"1D tensors expected, but got {a.Dim}D and {b.Dim}D tensors");
        if (a.Sizes[0] != b.Sizes[0]) throw Errors.DotSizeMismatch(a.Sizes[0], b.Sizes[0]);
        if (a.DType != b.DType) throw new ArgumentException($"vdot : expected both vectors to have same dtype, but found {Errors.Pretty(a.DType)} and {Errors.Pretty(b.DType)}");
        Tensor y;
        using (Autograd.NoGrad()) y = a.Dot(b);
        if (Record.ShouldRecord(a, b))
        {
            var node = Record.Connect(new VdotBackward0(), a, b);
            node.A = SavedTensor.Input(a);
            node.B = SavedTensor.Input(b);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>addmv: beta * self + alpha * (mat @ vec), self broadcast to [rows] (beta = 0 ignores self's values). AddmvBackward0.</summary>
    public static Tensor Addmv(Tensor self, Tensor mat, Tensor vec, double beta, double alpha)
    {
        self.ThrowIfDisposed();
        mat.ThrowIfDisposed();
        vec.ThrowIfDisposed();
        if (mat.Dim != 2 || vec.Dim != 1 || self.Dim > 1)
            throw new ArgumentException($"vector + matrix @ vector expected, got {self.Dim}, {mat.Dim}, {vec.Dim}");
        int rows = mat.Sizes[0];
        if (mat.Sizes[1] != vec.Sizes[0] || (self.Dim == 1 && self.Sizes[0] != rows && self.Sizes[0] != 1))
            throw new ArgumentException($"size mismatch, got input ({(self.Dim == 0 ? 1 : self.Sizes[0])}), mat ({mat.Sizes[0]}x{mat.Sizes[1]}), vec ({vec.Sizes[0]})");
        return AddProduct(self, mat, vec, mat.Mv, beta, alpha, [rows], () => new AddmvBackward0(self.Sizes, self.DType, beta, alpha));
    }

    /// <summary>addr: beta * self + alpha * outer(vec1, vec2), self broadcast to [n, m]. AddrBackward0.</summary>
    public static Tensor Addr(Tensor self, Tensor vec1, Tensor vec2, double beta, double alpha)
    {
        self.ThrowIfDisposed();
        vec1.ThrowIfDisposed();
        vec2.ThrowIfDisposed();
        if (vec1.Dim != 1) throw new ArgumentException($"addr: Expected 1-D argument vec1, but got {vec1.Dim}-D");
        if (vec2.Dim != 1) throw new ArgumentException($"addr: Expected 1-D argument vec2, but got {vec2.Dim}-D");
        int[] shape = [vec1.Sizes[0], vec2.Sizes[0]];
        Layout.Broadcast(self.Sizes, shape);
        return AddProduct(self, vec1, vec2, vec1.Outer, beta, alpha, shape, () => new AddrBackward0(self.Sizes, self.DType, beta, alpha));
    }

    /// <summary>
    /// beta * self + alpha * product(u, v), where beta = 0 drops self (its NaN and inf included), as BLAS does; recorded
    /// as one node that saves u and v.
    /// </summary>
    private static Tensor AddProduct(Tensor self, Tensor u, Tensor v, Func<Tensor, Tensor> product, double beta, double alpha, int[] shape, Func<BinaryNode> makeNode)
    {
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var p = product(v);
            var scaled = alpha == 1 ? p : p * alpha;
            y = (beta == 0 ? scaled.Expand(shape).Contiguous() : (beta == 1 ? self : self * beta) + scaled).MoveToOuterScope();
        }
        if (Record.ShouldRecord([self, u, v]))
        {
            var node = Record.Connect(makeNode(), [self, u, v]);
            node.A = SavedTensor.Input(u);
            node.B = SavedTensor.Input(v);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// matrix_power(n) of a square matrix (or batch), as ATen computes it: the identity for 0, a clone for 1, the inverse
    /// first for negative n, and repeated squaring (multiplying in the set bits from the lowest) beyond 3.
    /// </summary>
    public static Tensor MatrixPower(Tensor a, long n)
    {
        a.ThrowIfDisposed();
        if (a.Dim < 2 || a.Sizes[^1] != a.Sizes[^2])
            throw new ArgumentException($"linalg.matrix_power: A must be batches of square matrices, but they are {(a.Dim < 2 ? 1 : a.Sizes[^2])} by {a.Sizes[^1]} matrices");
        if (n == 0)
        {
            var eye = Tensor.Eye(a.Sizes[^1], a.DType).Expand(a.Sizes);
            return a.Clone().Copy_(eye);
        }
        if (n < 0)
        {
            a = Linalg.Inv(a);
            n = -n;
            if (n == 1) return a;
        }
        else if (n == 1) return a.Clone();
        if (n == 2) return a.MatMul(a);
        if (n == 3) return a.MatMul(a).MatMul(a);
        Tensor? z = null, result = null;
        while (n > 0)
        {
            long bit = n % 2;
            n /= 2;
            z = z is null ? a : z.MatMul(z);
            if (bit == 1) result = result is null ? z : result.MatMul(z);
        }
        return result!;
    }

    /// <summary>logdet: log|det A| where det A &gt; 0, NaN where it is negative, -inf where singular (WhereBackward0 over slogdet).</summary>
    public static Tensor Logdet(Tensor a)
    {
        var (sign, logAbsDet) = Linalg.Slogdet(a);
        return Tensor.Where(sign.Eq(-1.0), Tensor.Scalar(double.NaN, logAbsDet.DType), logAbsDet);
    }

    /// <summary>
    /// block_diag: the inputs (0-D as 1x1, 1-D as one row) along the diagonal of a zero matrix of their promoted dtype.
    /// BlockDiagBackward0: each input gets its block of the gradient.
    /// </summary>
    public static Tensor BlockDiag(Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0) return Tensor.Zeros([1, 0]);
        var dtype = tensors[0].DType;
        var blocks = new (int Rows, int Cols)[tensors.Length];
        int rows = 0, cols = 0;
        for (int i = 0; i < tensors.Length; i++)
        {
            var t = tensors[i];
            ArgumentNullException.ThrowIfNull(t);
            t.ThrowIfDisposed();
            if (t.Dim > 2) throw new ArgumentException($"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has {t.Dim} dimensions");
            if (i > 0) dtype = TypePromotion.Promote(dtype, t.DType);
            blocks[i] = t.Dim switch { 0 => (1, 1), 1 => (1, t.Sizes[0]), _ => (t.Sizes[0], t.Sizes[1]) };
            rows += blocks[i].Rows;
            cols += blocks[i].Cols;
        }
        var y = Tensor.Zeros([rows, cols], dtype);
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            int r = 0, c = 0;
            for (int i = 0; i < tensors.Length; i++)
            {
                var (h, w) = blocks[i];
                y.Narrow(0, r, h).Narrow(1, c, w).Copy_(tensors[i].Reshape(h, w));
                r += h;
                c += w;
            }
        }
        if (Record.ShouldRecord(tensors))
            Record.SetHistory(y, Record.Connect(new BlockDiagBackward0(blocks, [.. tensors.Select(t => t.Sizes)], [.. tensors.Select(t => t.DType)]), tensors));
        return y;
    }
}

/// <summary>vdot(self, other): self: grad * other; other: grad * self (real numbers: no conjugation to do).</summary>
internal sealed class VdotBackward0 : BinaryNode
{
    public override string Name => nameof(VdotBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? B!.Unpack() * grad : null,
        NeedsInputGrad(1) ? A!.Unpack() * grad : null,
    ];
}

/// <summary>addmv(self, mat, vec): self: beta * grad (summed to self's shape); mat: alpha * outer(grad, vec); vec: alpha * matᵀ grad.</summary>
internal sealed class AddmvBackward0(int[] selfSizes, DType selfType, double beta, double alpha) : BinaryNode
{
    public override string Name => nameof(AddmvBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? OpHelpers.GradFor(beta == 0 ? Tensor.ZerosLike(grad) : grad * beta, selfSizes, selfType) : null,
        NeedsInputGrad(1) ? grad.Outer(B!.Unpack()) * alpha : null,
        NeedsInputGrad(2) ? A!.Unpack().T.Mv(grad) * alpha : null,
    ];
}

/// <summary>addr(self, vec1, vec2): self: beta * grad (summed to self's shape); vec1: alpha * grad vec2; vec2: alpha * gradᵀ vec1.</summary>
internal sealed class AddrBackward0(int[] selfSizes, DType selfType, double beta, double alpha) : BinaryNode
{
    public override string Name => nameof(AddrBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
    [
        NeedsInputGrad(0) ? OpHelpers.GradFor(beta == 0 ? Tensor.ZerosLike(grad) : grad * beta, selfSizes, selfType) : null,
        NeedsInputGrad(1) ? grad.Mv(B!.Unpack()) * alpha : null,
        NeedsInputGrad(2) ? grad.T.Mv(A!.Unpack()) * alpha : null,
    ];
}

/// <summary>block_diag: each input's block of the gradient, in its shape and dtype.</summary>
internal sealed class BlockDiagBackward0((int Rows, int Cols)[] blocks, int[][] sizes, DType[] types) : Node
{
    public override string Name => nameof(BlockDiagBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var grads = new Tensor?[blocks.Length];
        int r = 0, c = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            var (h, w) = blocks[i];
            if (NeedsInputGrad(i)) grads[i] = OpHelpers.GradFor(grad.Narrow(0, r, h).Narrow(1, c, w).Reshape(sizes[i]), sizes[i], types[i]);
            r += h;
            c += w;
        }
        return grads;
    }
}
