using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>The variance and the mean of all elements, with Bessel's correction unless <paramref name="unbiased"/> is false (VarMeanBackward0). PyTorch: torch.var_mean.</summary>
    public (Tensor Var, Tensor Mean) VarMean(bool unbiased = true) => VarMeanOps.VarMean(this, null, unbiased ? 1 : 0, false, std: false);

    /// <summary>The variance and the mean along <paramref name="dim"/> (VarMeanBackward0). PyTorch: torch.var_mean(dim, unbiased, keepdim).</summary>
    public (Tensor Var, Tensor Mean) VarMean(int dim, bool unbiased = true, bool keepDim = false) => VarMeanOps.VarMean(this, [dim], unbiased ? 1 : 0, keepDim, std: false);

    /// <summary>
    /// The variance and the mean over <paramref name="dims"/> (all when null), dividing by N - <paramref name="correction"/>
    /// (1 when null; a count at or below 0 gives inf or NaN) (VarMeanBackward0). PyTorch: torch.var_mean(dim, correction=, keepdim=).
    /// </summary>
    public (Tensor Var, Tensor Mean) VarMean(int[]? dims, double? correction, bool keepDim = false) => VarMeanOps.VarMean(this, dims, correction, keepDim, std: false);

    /// <summary>The standard deviation and the mean of all elements, with Bessel's correction unless <paramref name="unbiased"/> is false (StdMeanBackward0). PyTorch: torch.std_mean.</summary>
    public (Tensor Std, Tensor Mean) StdMean(bool unbiased = true) => VarMeanOps.VarMean(this, null, unbiased ? 1 : 0, false, std: true);

    /// <summary>The standard deviation and the mean along <paramref name="dim"/> (StdMeanBackward0). PyTorch: torch.std_mean(dim, unbiased, keepdim).</summary>
    public (Tensor Std, Tensor Mean) StdMean(int dim, bool unbiased = true, bool keepDim = false) => VarMeanOps.VarMean(this, [dim], unbiased ? 1 : 0, keepDim, std: true);

    /// <summary>
    /// The standard deviation and the mean over <paramref name="dims"/> (all when null), dividing by N - <paramref name="correction"/>
    /// (1 when null); where the std is 0 its gradient is 0 (StdMeanBackward0). PyTorch: torch.std_mean(dim, correction=, keepdim=).
    /// </summary>
    public (Tensor Std, Tensor Mean) StdMean(int[]? dims, double? correction, bool keepDim = false) => VarMeanOps.VarMean(this, dims, correction, keepDim, std: true);
}
