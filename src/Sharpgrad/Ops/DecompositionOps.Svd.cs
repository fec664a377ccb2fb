using Sharpgrad.Kernels.Cpu;
using static Sharpgrad.Ops.DecompositionOps;

namespace Sharpgrad.Ops;

// linalg.svd, svdvals and pinv.
internal static partial class DecompositionOps
{
    /// <summary>U, S (descending), Vh of each matrix; <paramref name="fullMatrices"/> completes U and Vh to square orthogonal matrices (LinalgSvdBackward0).</summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor x, bool fullMatrices)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 2) throw new ArgumentException("linalg.svd: The input tensor A must have at least 2 dimensions.");
        CheckDType(x, "linalg_svd_cpu", "linalg.svd");
        int m = x.Sizes[^2], n = x.Sizes[^1], k = Math.Min(m, n);
        int uCols = fullMatrices ? m : k, vRows = fullMatrices ? n : k;
        var (data, batch) = Matrices(x);
        var u = new double[batch * m * uCols];
        var s = new double[batch * k];
        var vh = new double[batch * vRows * n];
        for (int b = 0; b < batch; b++)
        {
            var ub = u.AsSpan(b * m * uCols, m * uCols);
            var vhb = vh.AsSpan(b * vRows * n, vRows * n);
            if (m >= n)
            {
                var a = data.AsSpan(b * m * n, m * n).ToArray();
                var v = new double[n * n];
                DecompositionKernels.TallSvd(a, m, n, s.AsSpan(b * k, k), ub, uCols, v);
                Transpose(v, n, n, vhb);
            }
            else
            {
                var at = new double[n * m];
                Transpose(data.AsSpan(b * m * n, m * n), m, n, at);
                var left = new double[n * vRows];
                DecompositionKernels.TallSvd(at, n, m, s.AsSpan(b * k, k), left, vRows, ub);
                Transpose(left, n, vRows, vhb);
            }
        }
        int[] batchDims = x.Sizes[..^2];
        var uT = Result(u, x, [.. batchDims, m, uCols]);
        var sT = Result(s, x, [.. batchDims, k]);
        var vhT = Result(vh, x, [.. batchDims, vRows, n]);
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LinalgSvdBackward0(fullMatrices), x);
            Record.SetHistory(uT, node, 0);
            Record.SetHistory(sT, node, 1);
            Record.SetHistory(vhT, node, 2);
            node.U = SavedTensor.Output(uT, node);
            node.S = SavedTensor.Output(sT, node);
            node.Vh = SavedTensor.Output(vhT, node);
        }
        return (uT, sT, vhT);
    }

    /// <summary>
    /// The pseudo-inverse V·diag(1/S)·Uᴴ keeping the singular values above max(atol, rtol·S_max), rtol defaulting to
    /// eps·max(m, n) when neither tolerance is given and to 0 when only atol is (LinalgPinvBackward0).
    /// </summary>
    public static Tensor Pinv(Tensor x, double? atol, double? rtol)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 2 || x.DType is not (DType.Float32 or DType.Float64)) throw new ArgumentException("linalg.pinv(" + Errors.Pretty(x.DType) + "{[" + string.Join(", ", x.Sizes) + "]}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types");
        double eps = x.DType == DType.Float32 ? 1.1920928955078125e-07 : 2.220446049250313e-16;
        double r = rtol ?? (atol is null ? eps * Math.Max(x.Sizes[^2], x.Sizes[^1]) : 0);
        double a = atol ?? 0;
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var (u, s, vh) = Svd(x, false);
            var cutoff = s.Dim > 0 && s.Sizes[^1] > 0 ? (s.Max(s.Dim - 1, keepDim: true).Values * r).Clamp(min: a) : Tensor.Full([], a, x.DType);
            var keep = s.Gt(cutoff);
            var inverse = Tensor.Where(keep, s.Reciprocal(), Tensor.Zeros([], x.DType));
            y = MT(vh).MatMul(inverse.Unsqueeze(inverse.Dim) * MT(u)).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LinalgPinvBackward0(), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }
}

/// <summary>
/// linalg.svd (svd_backward): U·diag(gS)·Vh alone when only S has a gradient; otherwise
/// (skew(Uᵀ gU)·S + S·skew(Vh gVhᵀ)) / E + diag(gS) with E_ij = S_j² - S_i², plus the parts of gU (m &gt; n) or
/// gVh (m &lt; n) outside the spans of U and V; full matrices use their first min(m, n) vectors.
/// </summary>
internal sealed class LinalgSvdBackward0(bool fullMatrices) : DecompositionNode
{
    internal SavedTensor? U;
    internal SavedTensor? S;
    internal SavedTensor? Vh;
    public override string Name => nameof(LinalgSvdBackward0);
    internal override int NumOutputs => 3;
    protected override SavedTensor?[] SavedOutputs => [U, S, Vh];

    internal override Tensor?[] ApplyAll(Tensor?[] grads)
    {
        var (gU, gS, gVh) = (grads[0], grads[1], grads[2]);
        var u = U!.Unpack();
        var s = S!.Unpack();
        var vh = Vh!.Unpack();
        int m = u.Sizes[^2], n = vh.Sizes[^1], k = s.Sizes[^1];
        if (fullMatrices)
        {
            u = u.Narrow(u.Dim - 1, 0, k);
            vh = vh.Narrow(vh.Dim - 2, 0, k);
            gU = gU?.Narrow(gU.Dim - 1, 0, k);
            gVh = gVh?.Narrow(gVh.Dim - 2, 0, k);
        }
        var sRow = s.Unsqueeze(s.Dim - 1); // [..., 1, k]
        var sCol = s.Unsqueeze(s.Dim);     // [..., k, 1]
        if (gU is null && gVh is null)
            return [m >= n ? u.MatMul(gS!.Unsqueeze(gS.Dim) * vh) : (u * gS!.Unsqueeze(gS.Dim - 1)).MatMul(vh)];
        var s2 = s * s;
        var e = s2.Unsqueeze(s2.Dim - 1) - s2.Unsqueeze(s2.Dim) + Tensor.Eye(k, s.DType);
        Tensor? uhgu = gU is null ? null : Skew(MT(u).MatMul(gU));
        Tensor? vhgv = gVh is null ? null : Skew(vh.MatMul(MT(gVh)));
        var gA = uhgu is not null && vhgv is not null ? (uhgu * sRow + sCol * vhgv) / e
            : uhgu is null ? sCol * vhgv! / e : uhgu * sRow / e;
        if (gS is not null) gA = gA + DiagEmbed(gS);
        if (m > n && gU is not null)
        {
            gA = u.MatMul(gA);
            var gUSinv = gU / sRow;
            gA = gA + gUSinv - u.MatMul(MT(u).MatMul(gUSinv));
            return [gA.MatMul(vh)];
        }
        if (m < n && gVh is not null)
        {
            gA = gA.MatMul(vh);
            var sinvgVh = gVh / sCol;
            gA = gA + sinvgVh - sinvgVh.MatMul(MT(vh)).MatMul(vh);
            return [u.MatMul(gA)];
        }
        return [m >= n ? u.MatMul(gA.MatMul(vh)) : u.MatMul(gA).MatMul(vh)];
    }

    private static Tensor Skew(Tensor x) => x - MT(x);
}

/// <summary>linalg.pinv (pinv_backward): the derivative of A⁺ through A⁺'s own expression in A, for m ≤ n and m &gt; n.</summary>
internal sealed class LinalgPinvBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgPinvBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var a = SelfValue;
        var pinv = ResultValue;
        int m = a.Sizes[^2], n = a.Sizes[^1];
        var pinvH = MT(pinv);
        var gradH = MT(grad);
        if (m <= n)
        {
            var k = gradH.MatMul(pinv);
            var kPinvH = k.MatMul(pinvH);
            return [-MT(pinv.MatMul(k)) + kPinvH - a.MatMul(pinv).MatMul(kPinvH) + pinvH.MatMul(pinv).MatMul(gradH - k.MatMul(a))];
        }
        var k2 = pinv.MatMul(gradH);
        var pinvHK = pinvH.MatMul(k2);
        return [-MT(k2.MatMul(pinv)) + (gradH - a.MatMul(k2)).MatMul(pinv).MatMul(pinvH) + pinvHK - pinvHK.MatMul(pinv).MatMul(a)];
    }
}

