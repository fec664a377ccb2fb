using Sharpgrad.Kernels.Cpu;
using static Sharpgrad.Ops.DecompositionOps;

namespace Sharpgrad.Ops;

// linalg.qr.
internal static partial class DecompositionOps
{
    /// <summary>Householder QR with LAPACK's signs; <paramref name="mode"/> "reduced", "complete" or "r" (Q empty) (LinalgQrBackward0).</summary>
    public static (Tensor Q, Tensor R) Qr(Tensor x, string mode)
    {
        x.ThrowIfDisposed();
        if (mode is not ("reduced" or "complete" or "r"))
            throw new ArgumentException($"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', or 'complete'");
        if (x.Dim < 2) throw new ArgumentException("linalg.qr: The input tensor A must have at least 2 dimensions.");
        CheckDType(x, "geqrf_cpu", "linalg.qr");
        int m = x.Sizes[^2], n = x.Sizes[^1], k = Math.Min(m, n);
        bool complete = mode == "complete", computeQ = mode != "r";
        int qCols = complete ? m : k, rRows = complete ? m : k;
        var (data, batch) = Matrices(x);
        var q = new double[computeQ ? batch * m * qCols : 0];
        var r = new double[batch * rRows * n];
        for (int b = 0; b < batch; b++)
        {
            var a = data.AsSpan(b * m * n, m * n).ToArray();
            var qb = computeQ ? q.AsSpan(b * m * qCols, m * qCols) : [];
            DecompositionKernels.Householder(a, m, n, r.AsSpan(b * rRows * n, rRows * n), rRows, qb, qCols);
        }
        int[] batchDims = x.Sizes[..^2];
        var qT = Result(q, x, computeQ ? [.. batchDims, m, qCols] : [0]);
        var rT = Result(r, x, [.. batchDims, rRows, n]);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LinalgQrBackward0(mode), x);
            Record.SetHistory(qT, node, 0);
            Record.SetHistory(rT, node, 1);
            node.Q = SavedTensor.Output(qT, node);
            node.R = SavedTensor.Output(rT, node);
        }
        return (qT, rT);
    }


    /// <summary>The inverses of a batch of square upper triangular matrices.</summary>
    internal static Tensor InvertUpper(Tensor r)
    {
        int n = r.Sizes[^1];
        var (data, batch) = Matrices(r);
        var inv = new double[data.Length];
        for (int b = 0; b < batch; b++)
            DecompositionKernels.InvertUpper(data.AsSpan(b * n * n, n * n), n, inv.AsSpan(b * n * n, n * n));
        return Result(inv, r, r.Sizes);
    }
}

/// <summary>
/// linalg.qr (linalg_qr_backward): for m ≥ n, gA = (gQ + Q·copyltu(M))·R⁻ᵀ with M = R·gRᵀ - gQᵀ·Q; for m &lt; n,
/// A = [X | Y] with Y = Q·R[:, m:], the square case on X with gQ + Y·gR[:, m:]ᵀ and gY = Q·gR[:, m:].
/// </summary>
internal sealed class LinalgQrBackward0(string mode) : DecompositionNode
{
    internal SavedTensor? Q;
    internal SavedTensor? R;
    public override string Name => nameof(LinalgQrBackward0);
    internal override int NumOutputs => 2;
    protected override SavedTensor?[] SavedOutputs => [Q, R];

    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        if (mode == "r")
            throw new InvalidOperationException("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
        var q = Q!.Unpack();
        var r = R!.Unpack();
        int m = q.Sizes[^2], n = r.Sizes[^1];
        if (mode == "complete" && m > n)
            throw new InvalidOperationException("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.");
        var (gQ, gR) = (grads[0], grads[1]);
        if (m >= n) return [Square(gQ, gR, q, r)];
        var rLeft = r.Narrow(r.Dim - 1, 0, m);
        if (gR is null) return [Tensor.Cat([Square(gQ, null, q, rLeft), Tensor.ZerosLike(r.Narrow(r.Dim - 1, m, n - m))], -1)];
        var gRight = gR.Narrow(gR.Dim - 1, m, n - m);
        var y = q.MatMul(r.Narrow(r.Dim - 1, m, n - m));
        var gQx = y.MatMul(MT(gRight));
        if (gQ is not null) gQx = gQx + gQ;
        return [Tensor.Cat([Square(gQx, gR.Narrow(gR.Dim - 1, 0, m), q, rLeft), q.MatMul(gRight)], -1)];
    }

    /// <summary>The m ≥ n case: (gQ + Q·copyltu(M))·R⁻ᵀ with M = R·gRᵀ - gQᵀ·Q and copyltu(M) = tril(M) + tril(M, -1)ᵀ.</summary>
    private static Tensor Square(Tensor? gQ, Tensor? gR, Tensor q, Tensor r)
    {
        Tensor m = gQ is null ? r.MatMul(MT(gR!)) : gR is null ? -MT(gQ).MatMul(q) : r.MatMul(MT(gR)) - MT(gQ).MatMul(q);
        var gA = q.MatMul(m.Tril() + MT(m.Tril(-1)));
        if (gQ is not null) gA = gA + gQ;
        Tensor rInv;
        using (Autograd.NoGrad()) rInv = InvertUpper(r);
        return gA.MatMul(MT(rInv));
    }
}