using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>amax/amin over a list of dims, nansum, nanmean and count_nonzero, with PyTorch's nodes and messages.</summary>
internal static class NanReduceOps
{
    /// <summary>The dims to reduce: all of them when <paramref name="dims"/> is null or empty.</summary>
    private static int[] AllOr(int[]? dims, Tensor x)
    {
        var wrapped = ReduceOps.WrapDims(dims ?? [], x.Dim);
        if (wrapped.Length > 0) return wrapped;
        var all = new int[x.Dim];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        return all;
    }

    /// <summary>A copy of <paramref name="t"/> with its own storage and no history.</summary>
    private static Tensor Fresh(Tensor t)
    {
        var y = Tensor.Empty(t.DType, t.Sizes);
        Dispatch.Copy(t.Strided, y.Strided);
        return y;
    }

    /// <summary>
    /// Max (or min) over <paramref name="dims"/> (all when empty), NaN propagating; the gradient is split evenly
    /// among the elements equal to the result (AmaxBackward0 / AminBackward0).
    /// </summary>
    public static Tensor Amax(Tensor x, int[]? dims, bool keepDim, bool max)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        string name = max ? "amax" : "amin";
        bool all = dims is null || dims.Length == 0;
        var wrapped = AllOr(dims, x);
        if (all && x.Numel == 0)
            throw new ArgumentException($"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        foreach (int d in wrapped)
            if (x.Dim > 0 && x.Sizes[d] == 0) throw new ArgumentOutOfRangeException("dim", $"{name}(): Expected reduction dim {d} to have non-zero size.");
        if (x.Dim == 0) wrapped = []; // a 0-d tensor's only dim is itself
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var src = x.DType == DType.Bool ? x.To(DType.Int64) : x;
            var r = ReduceOps.ExtremeOver(src, wrapped, keepDim, max);
            y = Fresh(x.DType == DType.Bool ? r.To(DType.Bool) : r).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new AmaxBackward(max ? "AmaxBackward0" : "AminBackward0", wrapped, keepDim), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
            node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    /// <summary>Sum over <paramref name="dims"/> (all when null) with NaN counted as zero (NansumBackward0).</summary>
    public static Tensor Nansum(Tensor x, int[]? dims, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) return dims is null ? x.Sum() : x.Sum(dims, keepDim);
        var wrapped = AllOr(dims, x);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var zeroed = x.MaskedFill(x.Ne(x), 0);
            y = (dims is null ? zeroed.Sum() : zeroed.Sum(wrapped, keepDim)).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x))
        {
            var node = Record.Connect(new NansumBackward0(x.Sizes, wrapped, dims is not null && keepDim), x);
            node.Self = SavedTensor.Input(x);
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>nansum divided by the count of non-NaN elements, recorded as PyTorch composes it (DivBackward0 over NansumBackward0).</summary>
    public static Tensor Nanmean(Tensor x, int[]? dims, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint())
            throw new ArgumentException($"nanmean(): expected input to have floating point or complex dtype but got {Errors.Pretty(x.DType)}");
        Tensor count;
        using (Autograd.NoGrad())
        {
            var present = x.Eq(x);
            count = dims is null ? present.Sum() : present.Sum(dims, keepDim);
        }
        return Nansum(x, dims, keepDim) / count;
    }

    /// <summary>The Int64 count of non-zero elements over <paramref name="dims"/> (all when null); NaN counts. Never recorded.</summary>
    public static Tensor CountNonzero(Tensor x, int[]? dims)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        using (Autograd.NoGrad())
        {
            var nonzero = x.Ne(0.0);
            return dims is null ? nonzero.Sum() : nonzero.Sum(ReduceOps.WrapDims(dims, x.Dim), false);
        }
    }
}

/// <summary>amax/amin(self, dim, keepdim): scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result) == self, dim).</summary>
internal sealed class AmaxBackward(string name, int[] dims, bool keepDim) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad)
    {
        var mask = SelfValue.Eq(ReduceOps.Unsqueezed(ResultValue, dims, keepDim)).To(grad.DType);
        return [ReduceOps.Unsqueezed(grad, dims, keepDim) / mask.Sum(dims, keepDim: true) * mask];
    }
}

/// <summary>nansum(self, dim, keepdim): sum_backward(grad) * self.isnan().logical_not().</summary>
internal sealed class NansumBackward0(int[] inputSizes, int[] dims, bool keepDim) : UnaryNode
{
    public override string Name => nameof(NansumBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var self = SelfValue;
        return [ReduceOps.Unsqueezed(grad, dims, keepDim).Expand(inputSizes) * self.Eq(self).To(grad.DType)];
    }
}
