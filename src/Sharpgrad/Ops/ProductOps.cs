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
        return Recorded(y, [a, b], a, b, static () => new VdotBackward0());
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
        return Recorded(y, [self, u, v], u, v, makeNode);
    }

    /// <summary>y recorded as the output of makeNode's node over <paramref name="inputs"/>, saving two of them as A and B.</summary>
    private static Tensor Recorded(Tensor y, Tensor[] inputs, Tensor saveA, Tensor saveB, Func<BinaryNode> makeNode)
    {
        if (!Record.ShouldRecord(inputs)) return y;
        var node = Record.Connect(makeNode(), inputs);
        node.A = SavedTensor.Input(saveA);
        node.B = SavedTensor.Input(saveB);
        Record.SetHistory(y, node);
        return y;
    }

    /// <summary>addbmm: beta * self + alpha * the sum over the batch of batch1[b] @ batch2[b] (AddbmmBackward0).</summary>
    public static Tensor Addbmm(Tensor self, Tensor batch1, Tensor batch2, double beta, double alpha)
    {
        self.ThrowIfDisposed();
        batch1.ThrowIfDisposed();
        batch2.ThrowIfDisposed();
        if (batch1.Dim != 3) throw new ArgumentException("batch1 must be a 3D tensor");
        if (batch2.Dim != 3) throw new ArgumentException("batch2 must be a 3D tensor");
        if (batch1.Sizes[0] != batch2.Sizes[0])
            throw new ArgumentException($"batch1 and batch2 must have same number of batches, got {batch1.Sizes[0]} and {batch2.Sizes[0]}");
        if (batch1.Sizes[2] != batch2.Sizes[1])
            throw new ArgumentException($"Incompatible matrix sizes for bmm ({batch1.Sizes[1]}x{batch1.Sizes[2]} and {batch2.Sizes[1]}x{batch2.Sizes[2]})");
        int[] shape = [batch1.Sizes[1], batch2.Sizes[2]];
        Layout.Broadcast(self.Sizes, shape);
        return AddProduct(self, batch1, batch2, b2 => batch1.Bmm(b2).Sum([0]), beta, alpha, shape, () => new AddbmmBackward0(self.Sizes, self.DType, beta, alpha, batch1.Sizes[0]));
    }

    /// <summary>dist: the p-norm of self - other (broadcast) (DistBackward0).</summary>
    public static Tensor Dist(Tensor self, Tensor other, double p)
    {
        self.ThrowIfDisposed();
        other.ThrowIfDisposed();
        var dtype = TypePromotion.Result(self, other);
        if (dtype.IsIntegral())
            throw new InvalidOperationException($"norm(): input dtype should be either floating point or complex. Got {Errors.Pretty(dtype)} instead.");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = (self - other).Norm(p).MoveToOuterScope();
        if (Record.ShouldRecord(self, other))
        {
            var node = Record.Connect(new DistBackward0(p, self.Sizes, self.DType, other.Sizes, other.DType), self, other);
            node.A = SavedTensor.Input(self);
            node.B = SavedTensor.Input(other);
            node.Result = SavedTensor.Output(y, node);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// linalg.multi_dot: the chain product in the cheapest order (ATen's matrix-chain order; the two orders of three
    /// compared directly); a 1-D first or last operand is a row or column vector, dropped from the result's shape.
    /// </summary>
    public static Tensor MultiDot(Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        int n = tensors.Length;
        if (n < 2) throw new ArgumentException($"multi_dot(): expected at least 2 tensors but got {n}");
        var first = tensors[0];
        var last = tensors[^1];
        if (first.Dim is < 1 or > 2) throw new ArgumentException($"multi_dot(): the first tensor must be 1D or 2D but got {first.Dim}D");
        if (last.Dim is < 1 or > 2) throw new ArgumentException($"multi_dot(): the last tensor must be 1D or 2D but got {last.Dim}D");
        for (int i = 1; i < n - 1; i++)
            if (tensors[i].Dim != 2) throw new ArgumentException($"multi_dot(): tensor {i} must be 2D but got {tensors[i].Dim}D");
        for (int i = 1; i < n; i++)
            if (tensors[i].DType != first.DType)
                throw new ArgumentException($"multi_dot(): all tensors must have be the same dtype but tensor 0 is {Errors.Pretty(first.DType)} and tensor {i} is {Errors.Pretty(tensors[i].DType)}");
        var outShape = new List<int>();
        var ms = (Tensor[])tensors.Clone();
        if (first.Dim == 1) ms[0] = first.Unsqueeze(0);
        else outShape.Add(first.Sizes[0]);
        if (last.Dim == 1) ms[^1] = last.Unsqueeze(1);
        else outShape.Add(last.Sizes[1]);
        for (int i = 1; i < n; i++)
            if (ms[i - 1].Sizes[1] != ms[i].Sizes[0])
                throw new ArgumentException($"multi_dot(): tensors {i - 1} and {i} with shapes {Errors.Shape(tensors[i - 1].Sizes)} and {Errors.Shape(tensors[i].Sizes)} cannot be multiplied");
        Tensor result;
        if (n == 2) result = ms[0].Mm(ms[1]);
        else if (n == 3)
        {
            long a = ms[0].Sizes[0], b = ms[1].Sizes[0], c = ms[2].Sizes[0], d = ms[2].Sizes[1];
            long cost1 = a * c * (b + d), cost2 = b * d * (a + c);
            result = cost1 > cost2 ? ms[0].Mm(ms[1].Mm(ms[2])) : ms[0].Mm(ms[1]).Mm(ms[2]);
        }
        else
        {
            var order = ChainOrder(ms);
            result = Chain(ms, order, 0, n - 1);
        }
        return result.View([.. outShape]);
    }

    /// <summary>The split points of the cheapest parenthesization (Cormen's matrix-chain order; the first minimum wins).</summary>
    private static int[,] ChainOrder(Tensor[] ms)
    {
        int n = ms.Length;
        var p = new long[n + 1];
        for (int i = 0; i < n; i++) p[i] = ms[i].Sizes[0];
        p[n] = ms[^1].Sizes[1];
        var m = new long[n, n];
        var s = new int[n, n];
        for (int l = 1; l < n; l++)
            for (int i = 0; i < n - l; i++)
            {
                int j = i + l;
                m[i, j] = long.MaxValue;
                for (int k = i; k < j; k++)
                {
                    long q = m[i, k] + m[k + 1, j] + p[i] * p[k + 1] * p[j + 1];
                    if (q < m[i, j])
                    {
                        m[i, j] = q;
                        s[i, j] = k;
                    }
                }
            }
        return s;
    }

    private static Tensor Chain(Tensor[] ms, int[,] order, int i, int j) =>
        i == j ? ms[i] : Chain(ms, order, i, order[i, j]).Mm(Chain(ms, order, order[i, j] + 1, j));

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

/// <summary>addbmm: self: beta * grad; batch1: alpha * grad @ batch2ᵀ per batch; batch2: alpha * batch1ᵀ @ grad per batch.</summary>
internal sealed class AddbmmBackward0(int[] selfSizes, DType selfType, double beta, double alpha, int batches) : BinaryNode
{
    public override string Name => nameof(AddbmmBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var g = grad.Unsqueeze(0).Expand(batches, grad.Sizes[0], grad.Sizes[1]);
        return
        [
            NeedsInputGrad(0) ? OpHelpers.GradFor(beta == 0 ? Tensor.ZerosLike(grad) : grad * beta, selfSizes, selfType) : null,
            NeedsInputGrad(1) ? g.Bmm(B!.Unpack().Transpose(1, 2)) * alpha : null,
            NeedsInputGrad(2) ? A!.Unpack().Transpose(1, 2).Bmm(g) * alpha : null,
        ];
    }
}

/// <summary>dist(self, other, p): norm_backward of self - other, to self, and negated to other (each summed to its shape).</summary>
internal sealed class DistBackward0(double p, int[] selfSizes, DType selfType, int[] otherSizes, DType otherType) : BinaryNode
{
    public override string Name => nameof(DistBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var diff = A!.Unpack() - B!.Unpack();
        var all = Enumerable.Range(0, diff.Dim).ToArray();
        var g = LinalgVectorNormBackward0.Grad(diff, Result!.Unpack(), grad, p, all, diff.Sizes) ?? Tensor.ZerosLike(diff);
        return
        [
            NeedsInputGrad(0) ? OpHelpers.GradFor(g, selfSizes, selfType) : null,
            NeedsInputGrad(1) ? OpHelpers.GradFor(-g, otherSizes, otherType) : null,
        ];
    }
}
