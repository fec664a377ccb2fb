using Sharpgrad.Kernels;
namespace Sharpgrad.Ops;

/// <summary>linalg.vector_norm: the p-norm over some dims (or all), as one recorded op.</summary>
internal static class VectorNormOps
{
    /// <summary>‖x‖_p over <paramref name="dims"/> (all when null). LinalgVectorNormBackward0.</summary>
    public static Tensor VectorNorm(Tensor x, double p, int[]? dims, bool keepDim)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint())
            throw new InvalidOperationException($"linalg.vector_norm: Expected a floating point or complex tensor as input. Got {Errors.Pretty(x.DType)}");
        var wrapped = ReduceOps.WrapDims(dims ?? Enumerable.Range(0, x.Dim).ToArray(), x.Dim);
        if (double.IsInfinity(p) && x.Numel == 0)
            throw new InvalidOperationException($"linalg.vector_norm cannot compute the {(p > 0 ? "inf" : "-inf")} norm on an empty tensor because the operation does not have an identity");
        Tensor y;
        if (p == 2 && x.IsContiguous && x.Dim > 0 && x.Numel > 0 && ReducesTrailingDims(wrapped, x.Dim))
            y = TwoNormOfTrailingDims(x, wrapped, keepDim);
        else
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var a = x.Abs();
            Tensor r;
            if (double.IsInfinity(p)) r = ReduceOps.ExtremeOver(a, wrapped, keepDim, p > 0);
            else if (p == 0) r = a.Ne(0.0).To(x.DType).Sum(wrapped, keepDim);
            else if (p == 1) r = a.Sum(wrapped, keepDim);
            else if (p == 2) r = (x * x).Sum(wrapped, keepDim).Sqrt();
            else r = a.Pow(p).Sum(wrapped, keepDim).Pow(1.0 / p);
            y = r.MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new LinalgVectorNormBackward0(p, wrapped, keepDim, x.Sizes), x);
            node.Self = SavedTensor.Input(x);
            node.Result = SavedTensor.Output(y, node);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>Whether the reduced dims are the last few (all of them, or the last one): PyTorch's vectorized 2-norm path.</summary>
    private static bool ReducesTrailingDims(int[] wrapped, int nd) =>
        wrapped.Length == nd || (wrapped.Length == 1 && wrapped[0] == nd - 1);

    private static Tensor TwoNormOfTrailingDims(Tensor x, int[] wrapped, bool keepDim)
    {
        int n = 1;
        foreach (int d in wrapped) n *= x.Sizes[d];
        int rows = x.Numel / n;
        var y = Tensor.Empty(x.DType, ReduceOps.OutShape(x.Sizes, wrapped, keepDim));
        Dispatch.TwoNormRows(x.Strided, rows, n, y.Strided);
        return y;
    }
}

/// <summary>
/// linalg_vector_norm: PyTorch's norm_backward: p=1 sgn(x)·g; p=2 x·g/‖x‖ (0 where the norm is 0); p=∞ sgn(x)·g shared
/// among the maxima; p&lt;1 sgn(x)·|x|^(p-1)·g·‖x‖^(1-p); else x·|x|^(p-2)·g/‖x‖^(p-1) (0 where the norm is 0); p=0 none.
/// </summary>
internal sealed class LinalgVectorNormBackward0(double p, int[] dims, bool keepDim, int[] inputSizes) : UnaryNode
{
    public override string Name => nameof(LinalgVectorNormBackward0);

    internal override Tensor?[] Apply(Tensor grad) =>
        [Grad(SelfValue, ReduceOps.Unsqueezed(ResultValue, dims, keepDim), ReduceOps.Unsqueezed(grad, dims, keepDim), p, dims, inputSizes)];

    /// <summary>norm_backward with the norm and its gradient kept over <paramref name="dims"/>; null for p = 0 (no gradient).</summary>
    internal static Tensor? Grad(Tensor x, Tensor norm, Tensor g, double p, int[] dims, int[] inputSizes)
    {
        if (p == 0) return null; // no gradient (PyTorch returns an undefined one)
        if (p == 1) return x.Sign() * g;
        var zeroNorm = norm.Eq(0.0);
        if (p == 2) return g * (x / norm).MaskedFill(zeroNorm.Expand(inputSizes), 0.0);
        if (double.IsInfinity(p))
        {
            var a = x.Abs();
            var mask = a.Eq(norm).LogicalOr(a.Ne(a)).To(x.DType);
            return x.Sign() * (g / mask.Sum(dims, keepDim: true) * mask);
        }
        if (p < 1)
        {
            var scaled = x.Sign() * x.Abs().Pow(p - 1).MaskedFill(x.Eq(0.0), 0.0);
            return scaled * g * norm.Pow(1 - p);
        }
        var selfScaled = p < 2 ? x.Sign() * x.Abs().Pow(p - 1) : x * x.Abs().Pow(p - 2);
        var scale = (g / norm.Pow(p - 1)).MaskedFill(zeroNorm, 0.0);
        return selfScaled * scale;
    }
}
