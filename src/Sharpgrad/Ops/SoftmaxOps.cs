using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>softmax and log_softmax along one dim: max-shifted, so large logits never overflow.</summary>
internal static class SoftmaxOps
{
    /// <summary>(outer, n, inner): the sizes before, at and after <paramref name="dim"/>.</summary>
    public static (int Outer, int N, int Inner) Split(int[] sizes, int dim)
    {
        if (sizes.Length == 0) return (1, 1, 1);
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= sizes[d];
        for (int d = dim + 1; d < sizes.Length; d++) inner *= sizes[d];
        return (outer, sizes[dim], inner);
    }

    /// <summary>
    /// Whether ATen takes its last-dim kernels: by the dim alone (a softmax over dim 1 of [4, 5, 1] takes the strided
    /// kernel with one inner position, whose results differ in the last bits).
    /// </summary>
    public static bool IsLast(int dim, int rank) => dim == Math.Max(rank, 1) - 1;

    /// <summary>softmax (SoftmaxBackward0) or log_softmax (LogSoftmaxBackward0) of x along dim.</summary>
    public static Tensor Softmax(Tensor x, int dim, bool log)
    {
        x.ThrowIfDisposed();
        int d = Layout.WrapDim(dim, x.Dim);
        if (!x.DType.IsFloatingPoint())
        {
            string kernel = IsLast(d, x.Dim) ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl";
            throw Errors.UnsupportedDType(log ? "log_" + kernel : kernel, x.DType);
        }
        var (outer, n, inner) = Split(x.Sizes, d);
        UnaryNode? node = null;
        if (Record.ShouldRecord(x))
            node = Record.Connect<UnaryNode>(log ? new LogSoftmaxBackward0(d) : new SoftmaxBackward0(d), x);
        var src = OpHelpers.ContiguousRaw(x);
        var y = Tensor.Empty(x.DType, x.Sizes);
        Dispatch.Softmax(src.Strided, outer, n, inner, y.Strided, log, IsLast(d, x.Dim));
        if (!ReferenceEquals(src, x)) src.Dispose();
        if (node is not null)
        {
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }
}

/// <summary>softmax: grad_input = result * (grad - sum(grad * result, dim)); one fused pass over the last dim unless a graph is being built.</summary>
internal sealed class SoftmaxBackward0(int dim) : UnaryNode
{
    public override string Name => nameof(SoftmaxBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var y = ResultValue;
        var (outer, n, inner) = SoftmaxOps.Split(y.Sizes, dim);
        if (GradMode.Current.Records) return [y * (grad - (grad * y).Sum(dim, keepDim: true))];
        var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, y.DType));
        var gi = Tensor.Empty(y.DType, y.Sizes);
        Dispatch.SoftmaxBackward(g.Strided, y.Strided, outer, n, inner, gi.Strided, SoftmaxOps.IsLast(dim, y.Dim));
        if (!ReferenceEquals(g, grad)) g.Dispose();
        return [gi];
    }
}

/// <summary>log_softmax: grad_input = grad - exp(result) * sum(grad, dim); one fused pass unless a graph is being built.</summary>
internal sealed class LogSoftmaxBackward0(int dim) : UnaryNode
{
    public override string Name => nameof(LogSoftmaxBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var y = ResultValue;
        if (GradMode.Current.Records) return [grad - y.Exp() * grad.Sum(dim, keepDim: true)];
        var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, y.DType));
        var (outer, n, inner) = SoftmaxOps.Split(y.Sizes, dim);
        var gi = Tensor.Empty(y.DType, y.Sizes);
        Dispatch.LogSoftmaxBackward(g.Strided, y.Strided, outer, n, inner, gi.Strided, SoftmaxOps.IsLast(dim, y.Dim));
        if (!ReferenceEquals(g, grad)) g.Dispose(); // also keeps g's buffer out of the pool until the kernel is done
        return [gi];
    }
}
