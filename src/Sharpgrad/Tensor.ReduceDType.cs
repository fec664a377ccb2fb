using Sharpgrad.Ops;

namespace Sharpgrad;

// Reductions with PyTorch's dtype= argument: the input is converted first, so the sum, product or softmax is computed
// (and accumulates, and wraps) in that dtype, and the result has it (an int8 sum is an int8, not int64). PyTorch records sum/mean/prod/cumsum/cumprod as one node on the input itself
// whose gradient the engine casts back to the input's dtype (InDType); softmax and log_softmax convert through a
// recorded ToCopyBackward0, as PyTorch's composite does.
public sealed partial class Tensor
{
    /// <summary>Product along <paramref name="dim"/>; integers and bool give Int64 (ProdBackward1). PyTorch: torch.prod(dim, keepdim).</summary>
    public Tensor Prod(int dim, bool keepDim = false) => ReduceOps.Prod(this, dim, keepDim);

    /// <summary>Sum of all elements computed in <paramref name="dtype"/>. PyTorch: torch.sum(dtype=).</summary>
    public Tensor Sum(DType dtype) => InDType(dtype, x => ReduceOps.Sum(x));
    /// <summary>Sum over <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.sum(dim, keepdim, dtype=).</summary>
    public Tensor Sum(int dim, bool keepDim, DType dtype) => InDType(dtype, x => ReduceOps.Sum(x, [dim], keepDim));
    /// <summary>Sum over <paramref name="dims"/> computed in <paramref name="dtype"/>. PyTorch: torch.sum(dims, keepdim, dtype=).</summary>
    public Tensor Sum(int[] dims, bool keepDim, DType dtype) => InDType(dtype, x => ReduceOps.Sum(x, dims, keepDim));

    /// <summary>Mean of all elements computed in the floating <paramref name="dtype"/>. PyTorch: torch.mean(dtype=).</summary>
    public Tensor Mean(DType dtype) => InDType(CheckMeanDType(dtype), x => ReduceOps.Mean(x));
    /// <summary>Mean over <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.mean(dim, keepdim, dtype=).</summary>
    public Tensor Mean(int dim, bool keepDim, DType dtype) => InDType(CheckMeanDType(dtype), x => ReduceOps.Mean(x, [dim], keepDim));
    /// <summary>Mean over <paramref name="dims"/> computed in <paramref name="dtype"/>. PyTorch: torch.mean(dims, keepdim, dtype=).</summary>
    public Tensor Mean(int[] dims, bool keepDim, DType dtype) => InDType(CheckMeanDType(dtype), x => ReduceOps.Mean(x, dims, keepDim));

    /// <summary>Product of all elements computed in <paramref name="dtype"/>. PyTorch: torch.prod(dtype=).</summary>
    public Tensor Prod(DType dtype) => InDType(dtype, x => ReduceOps.Prod(x));
    /// <summary>Product along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.prod(dim, keepdim, dtype=).</summary>
    public Tensor Prod(int dim, bool keepDim, DType dtype) => InDType(dtype, x => ReduceOps.Prod(x, dim, keepDim));

    /// <summary>Running sums along <paramref name="dim"/> in <paramref name="dtype"/>. PyTorch: torch.cumsum(dim, dtype=).</summary>
    public Tensor Cumsum(int dim, DType dtype) => InDType(dtype, x => ScanSortOps.Cumsum(x, dim));
    /// <summary>Running products along <paramref name="dim"/> in <paramref name="dtype"/>. PyTorch: torch.cumprod(dim, dtype=).</summary>
    public Tensor Cumprod(int dim, DType dtype) => InDType(dtype, x => SelectionOps.Cumprod(x, dim));

    /// <summary>Softmax along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: Tensor.softmax(dim, dtype=).</summary>
    public Tensor Softmax(int dim, DType dtype) => SoftmaxOps.Softmax(To(dtype), dim, log: false);
    /// <summary>Log-softmax along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: Tensor.log_softmax(dim, dtype=).</summary>
    public Tensor LogSoftmax(int dim, DType dtype) => SoftmaxOps.Softmax(To(dtype), dim, log: true);

    /// <summary>
    /// <paramref name="reduce"/> applied to this tensor converted to <paramref name="dtype"/>, recorded as PyTorch records it: the
    /// reduction's node takes this tensor's gradient edge directly (no ToCopyBackward0) and its gradient is cast back to this
    /// tensor's dtype on the way.
    /// </summary>
    private Tensor InDType(DType dtype, Func<Tensor, Tensor> reduce)
    {
        var converted = To(dtype);
        var result = reduce(converted);
        if (!ReferenceEquals(converted, this) && converted.Fn is ToCopyBackward0 copy && result.Fn is { } node)
        {
            var edges = node.Edges;
            DType?[]? dtypes = null;
            for (int i = 0; i < edges.Length; i++)
            {
                if (!ReferenceEquals(edges[i].Node, copy)) continue;
                edges[i] = copy.Edges[0];
                (dtypes ??= new DType?[edges.Length])[i] = DType;
            }
            node.InputDTypes = dtypes;
        }
        // an integer dtype's sum or product widens to int64; asked for a narrower one, PyTorch wraps into it
        if (result.DType == dtype) return result;
        using (result) return result.To(dtype);
    }

    private static DType CheckMeanDType(DType dtype) => dtype.IsFloatingPoint()
        ? dtype
        : throw new ArgumentException($"mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: {Errors.Pretty(dtype)}");
}
