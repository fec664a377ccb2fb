using Sharpgrad.Ops;

namespace Sharpgrad;

// Reductions with PyTorch's dtype= argument: the input is converted first, so the sum, product or softmax is computed
// (and accumulates, and wraps) in that dtype. The conversion is recorded as ToCopyBackward0 in front of the reduction.
public sealed partial class Tensor
{
    /// <summary>Product along <paramref name="dim"/>; integers and bool give Int64 (ProdBackward1). PyTorch: torch.prod(dim, keepdim).</summary>
    public Tensor Prod(int dim, bool keepDim = false) => ReduceOps.Prod(this, dim, keepDim);

    /// <summary>Sum of all elements computed in <paramref name="dtype"/>. PyTorch: torch.sum(dtype=).</summary>
    public Tensor Sum(DType dtype) => ReduceOps.Sum(To(dtype));
    /// <summary>Sum over <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.sum(dim, keepdim, dtype=).</summary>
    public Tensor Sum(int dim, bool keepDim, DType dtype) => ReduceOps.Sum(To(dtype), [dim], keepDim);
    /// <summary>Sum over <paramref name="dims"/> computed in <paramref name="dtype"/>. PyTorch: torch.sum(dims, keepdim, dtype=).</summary>
    public Tensor Sum(int[] dims, bool keepDim, DType dtype) => ReduceOps.Sum(To(dtype), dims, keepDim);

    /// <summary>Mean of all elements computed in the floating <paramref name="dtype"/>. PyTorch: torch.mean(dtype=).</summary>
    public Tensor Mean(DType dtype) => ReduceOps.Mean(To(CheckMeanDType(dtype)));
    /// <summary>Mean over <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.mean(dim, keepdim, dtype=).</summary>
    public Tensor Mean(int dim, bool keepDim, DType dtype) => ReduceOps.Mean(To(CheckMeanDType(dtype)), [dim], keepDim);
    /// <summary>Mean over <paramref name="dims"/> computed in <paramref name="dtype"/>. PyTorch: torch.mean(dims, keepdim, dtype=).</summary>
    public Tensor Mean(int[] dims, bool keepDim, DType dtype) => ReduceOps.Mean(To(CheckMeanDType(dtype)), dims, keepDim);

    /// <summary>Product of all elements computed in <paramref name="dtype"/>. PyTorch: torch.prod(dtype=).</summary>
    public Tensor Prod(DType dtype) => ReduceOps.Prod(To(dtype));
    /// <summary>Product along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: torch.prod(dim, keepdim, dtype=).</summary>
    public Tensor Prod(int dim, bool keepDim, DType dtype) => ReduceOps.Prod(To(dtype), dim, keepDim);

    /// <summary>Running sums along <paramref name="dim"/> in <paramref name="dtype"/>. PyTorch: torch.cumsum(dim, dtype=).</summary>
    public Tensor Cumsum(int dim, DType dtype) => ScanSortOps.Cumsum(To(dtype), dim);
    /// <summary>Running products along <paramref name="dim"/> in <paramref name="dtype"/>. PyTorch: torch.cumprod(dim, dtype=).</summary>
    public Tensor Cumprod(int dim, DType dtype) => SelectionOps.Cumprod(To(dtype), dim);

    /// <summary>Softmax along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: Tensor.softmax(dim, dtype=).</summary>
    public Tensor Softmax(int dim, DType dtype) => SoftmaxOps.Softmax(To(dtype), dim, log: false);
    /// <summary>Log-softmax along <paramref name="dim"/> computed in <paramref name="dtype"/>. PyTorch: Tensor.log_softmax(dim, dtype=).</summary>
    public Tensor LogSoftmax(int dim, DType dtype) => SoftmaxOps.Softmax(To(dtype), dim, log: true);

    private static DType CheckMeanDType(DType dtype) => dtype.IsFloatingPoint()
        ? dtype
        : throw new ArgumentException($"mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: {Errors.Pretty(dtype)}");
}
