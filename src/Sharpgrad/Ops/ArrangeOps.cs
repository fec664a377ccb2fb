using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// cross, kron, diff, rot90, take_along_dim and logcumsumexp. kron, diff and take_along_dim compose recorded ops as
/// PyTorch does (their node names follow); cross, rot90 and logcumsumexp run unrecorded and record their own node
/// (in ArrangeOps.Nodes.cs).
/// </summary>
internal static class ArrangeOps
{
    // ---- cross ----

    /// <summary>linalg.cross: the 3-vector cross product along dim, broadcast over the other dims (LinalgCrossBackward0).</summary>
    public static Tensor LinalgCross(Tensor a, Tensor b, int dim)
    {
        OpHelpers.CheckSameDevice(a, b);
        if (a.Dim != b.Dim) throw new ArgumentException("linalg.cross: inputs must have the same number of dimensions.");
        int d = Layout.WrapDim(dim, a.Dim);
        if (a.Sizes[d] != 3 || b.Sizes[d] != 3)
            throw new ArgumentException($"linalg.cross: inputs dimension {dim} must have length 3. Got {a.Sizes[d]} and {b.Sizes[d]}");
        if (a.DType != b.DType) throw new ArgumentException($"expected scalar type {Errors.Pretty(a.DType)} but found {Errors.Pretty(b.DType)}");
        OpHelpers.BroadcastShape(a, b);
        return PointwiseBinaryOps.Recorded(a, b, () => new LinalgCrossBackward0(d), () => CrossCore(a, b, d));
    }

    /// <summary>torch.cross: <see cref="LinalgCross"/> along dim, or (deprecated default) along the first dim of size 3.</summary>
    public static Tensor Cross(Tensor a, Tensor b, int? dim)
    {
        a.ThrowIfDisposed();
        if (dim is null)
        {
            int first = Array.IndexOf(a.Sizes, 3);
            if (first < 0) throw new ArgumentException("no dimension of size 3 in input");
            dim = first;
        }
        return LinalgCross(a, b, dim.Value);
    }

    /// <summary>y_i = a_{i+1}·b_{i+2} - a_{i+2}·b_{i+1} (indices mod 3) along d; called by forward and backward.</summary>
    internal static Tensor CrossCore(Tensor a, Tensor b, int d)
    {
        var next = Tensor.FromArray(new long[] { 1, 2, 0 });
        var after = Tensor.FromArray(new long[] { 2, 0, 1 });
        return a.IndexSelect(d, next) * b.IndexSelect(d, after) - a.IndexSelect(d, after) * b.IndexSelect(d, next);
    }

    // ---- kron ----

    /// <summary>kron: a viewed as [a0, 1, a1, 1, ...] times b viewed as [1, b0, 1, b1, ...], unsafe-viewed to [a0·b0, ...] (UnsafeViewBackward0).</summary>
    public static Tensor Kron(Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        int n = Math.Max(a.Dim, b.Dim), padA = n - a.Dim, padB = n - b.Dim;
        var aShape = new int[2 * n];
        var bShape = new int[2 * n];
        var shape = new int[n];
        for (int i = 0; i < n; i++)
        {
            int sa = i >= padA ? a.Sizes[i - padA] : 1, sb = i >= padB ? b.Sizes[i - padB] : 1;
            aShape[2 * i] = sa;
            aShape[2 * i + 1] = 1;
            bShape[2 * i] = 1;
            bShape[2 * i + 1] = sb;
            shape[i] = sa * sb;
        }
        return ViewOps.UnsafeView(a.Reshape(aShape) * b.Reshape(bShape), shape);
    }

    // ---- diff ----

    /// <summary>diff: n-th forward difference along dim after prepend/append are concatenated (SubBackward0; logical_xor for Bool).</summary>
    public static Tensor Diff(Tensor x, int n, int dim, Tensor? prepend, Tensor? append)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 1) throw new ArgumentException("diff expects input to be at least one-dimensional");
        if (n < 0) throw new ArgumentException($"order must be non-negative but got {n}");
        CheckDiffOperand(x, prepend, dim);
        CheckDiffOperand(x, append, dim);
        if (prepend is not null || append is not null)
        {
            var parts = new List<Tensor>(3);
            if (prepend is not null) parts.Add(prepend);
            parts.Add(x);
            if (append is not null) parts.Add(append);
            x = Tensor.Cat(parts.ToArray(), dim);
        }
        if (n == 0) return Tensor.ZerosLike(x).Copy_(x);
        int d = Layout.WrapDim(dim, x.Dim);
        int length = x.Sizes[d] - 1;
        n = Math.Min(n, x.Sizes[d]);
        var r = x;
        for (int i = 0; i < n; i++, length--)
            r = x.DType == DType.Bool
                ? r.Narrow(d, 1, length).LogicalXor(r.Narrow(d, 0, length))
                : r.Narrow(d, 1, length) - r.Narrow(d, 0, length);
        return r;
    }

    private static void CheckDiffOperand(Tensor x, Tensor? other, int dim)
    {
        if (other is null) return;
        int d = Layout.WrapDim(dim, x.Dim);
        if (other.Dim != x.Dim) throw new ArgumentException("diff expects prepend or append to be the same dimension as input");
        for (int i = 0; i < x.Dim; i++)
            if (i != d && other.Sizes[i] != x.Sizes[i])
                throw new ArgumentException("diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension;" +
                                            $" input.size({i}) = {x.Sizes[i]}, but got tensor.size({i}) = {other.Sizes[i]}");
    }

    // ---- rot90 ----

    /// <summary>rot90: k quarter turns from dims[0] towards dims[1]: flips and a transpose, always a copy (Rot90Backward0).</summary>
    public static Tensor Rot90(Tensor x, int k, int[] dims)
    {
        x.ThrowIfDisposed();
        int n = x.Dim;
        if (dims.Length != 2) throw new ArgumentException($"expected total rotation dims == 2, but got dims = {dims.Length}");
        if (n < 2) throw new ArgumentException($"expected total dims >= 2, but got total dims = {n}");
        if (dims[0] == dims[1] || Math.Abs(dims[0] - dims[1]) == n)
            throw new ArgumentException($"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}");
        if (dims[0] >= n || dims[0] < -n) throw new ArgumentException($"Rotation dim0 out of range, dim0 = {dims[0]}");
        if (dims[1] >= n || dims[1] < -n) throw new ArgumentException($"Rotation dim1 out of range, dim1 = {dims[1]}");
        int d0 = Layout.WrapDim(dims[0], n), d1 = Layout.WrapDim(dims[1], n);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var r = (((k % 4) + 4) % 4) switch
            {
                1 => x.Flip(d1).Transpose(d0, d1),
                2 => x.Flip(d0, d1),
                3 => x.Flip(d0).Transpose(d0, d1),
                _ => x,
            };
            y = r.Clone().MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new Rot90Backward0(k, dims), x));
        return y;
    }

    // ---- take_along_dim ----

    /// <summary>take_along_dim: input and indices broadcast apart from dim, then gather (GatherBackward0); without dim, over the flattened input.</summary>
    public static Tensor TakeAlongDim(Tensor x, Tensor indices, int? dim)
    {
        OpHelpers.CheckSameDevice(x, indices);
        if (dim is null) return x.Reshape(-1).Gather(0, indices.Reshape(-1));
        if (x.Dim != indices.Dim)
            throw new ArgumentException("torch.take_along_dim(): input and indices should have the same number of dimensions, " +
                                        $"but got {x.Dim} dimensions for input, and {indices.Dim} dimensions for indices");
        if (indices.DType != DType.Int64)
            throw new ArgumentException($"torch.take_along_dim(): dtype of indices should be Long but got {Errors.Pretty(indices.DType)}");
        int d = Layout.WrapDim(dim.Value, x.Dim);
        var selfSizes = (int[])x.Sizes.Clone();
        selfSizes[d] = indices.Sizes[d];
        var indexShape = Layout.Broadcast(selfSizes, indices.Sizes);
        var indexSizes = (int[])indices.Sizes.Clone();
        indexSizes[d] = x.Sizes[d];
        var selfShape = Layout.Broadcast(indexSizes, x.Sizes);
        var xb = x.Sizes.AsSpan().SequenceEqual(selfShape) ? x : x.Expand(selfShape);
        var ib = indices.Sizes.AsSpan().SequenceEqual(indexShape) ? indices : indices.Expand(indexShape);
        return xb.Gather(d, ib);
    }

    // ---- logcumsumexp ----

    /// <summary>logcumsumexp: running log(Σ exp) along dim with PyTorch's log-add-exp step; floating inputs only (LogcumsumexpBackward0).</summary>
    public static Tensor Logcumsumexp(Tensor x, int dim)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("logcumsumexp_out_cpu", x.DType);
        int d = Layout.WrapDim(dim, x.Dim);
        var y = ScanSortOps.Scan(x, d, static (_, _, _) => { }, RunningLogAddExp);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LogcumsumexpBackward0(d), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>PyTorch's _log_add_exp_helper folded along a row: NaN propagates, equal infinities stay.</summary>
    private static void RunningLogAddExp(double[] v, int start, int n)
    {
        for (int i = start + 1; i < start + n; i++)
        {
            double acc = v[i - 1], y = v[i];
            double min = Math.Min(acc, y), max = Math.Max(acc, y);
            v[i] = min != max || double.IsFinite(min) ? max + double.LogP1(Math.Exp(min - max)) : acc;
        }
    }

    /// <summary>
    /// logcumsumexp's gradient (PyTorch's logcumsumexp_backward): the positive and negative parts of grad in log space,
    /// each through a reversed logcumsumexp, exp(· + x), subtracted. Built from recorded ops.
    /// </summary>
    internal static Tensor LogcumsumexpGrad(Tensor x, Tensor y, Tensor grad, int dim)
    {
        if (grad.Numel <= 1 || x.Numel <= 1) return grad;
        double lowest = grad.DType == DType.Float32 ? float.MinValue : double.MinValue;
        var min = Tensor.Full([], lowest, grad.DType);
        var logAbs = grad.Abs().Log();
        var positive = Tensor.Where(grad.Gt(0.0), logAbs, min);
        var negative = Tensor.Where(grad.Lt(0.0), logAbs, min);
        Tensor Part(Tensor logGrad) => ((logGrad - y).Flip(dim).Logcumsumexp(dim).Flip(dim) + x).Exp();
        return Part(positive) - Part(negative);
    }
}
