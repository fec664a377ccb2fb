using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- amax / amin, nansum / nanmean, count_nonzero ----

    /// <summary>
    /// Largest values over <paramref name="dims"/> (all dims when null or empty), NaN propagating; the gradient is split
    /// evenly among tied maxima (AmaxBackward0). PyTorch: torch.amax.
    /// </summary>
    public Tensor Amax(int[]? dims = null, bool keepDim = false) => NanReduceOps.Amax(this, dims, keepDim, true);

    /// <summary>Largest values along <paramref name="dim"/> (AmaxBackward0). PyTorch: torch.amax(x, dim).</summary>
    public Tensor Amax(int dim, bool keepDim = false) => NanReduceOps.Amax(this, [dim], keepDim, true);

    /// <summary>torch.amax as a static function: see <see cref="Amax(int[], bool)"/>.</summary>
    public static Tensor Amax(Tensor input, int[]? dims = null, bool keepDim = false) => NanReduceOps.Amax(input, dims, keepDim, true);

    /// <summary>
    /// Smallest values over <paramref name="dims"/> (all dims when null or empty), NaN propagating; the gradient is split
    /// evenly among tied minima (AminBackward0). PyTorch: torch.amin.
    /// </summary>
    public Tensor Amin(int[]? dims = null, bool keepDim = false) => NanReduceOps.Amax(this, dims, keepDim, false);

    /// <summary>Smallest values along <paramref name="dim"/> (AminBackward0). PyTorch: torch.amin(x, dim).</summary>
    public Tensor Amin(int dim, bool keepDim = false) => NanReduceOps.Amax(this, [dim], keepDim, false);

    /// <summary>torch.amin as a static function: see <see cref="Amin(int[], bool)"/>.</summary>
    public static Tensor Amin(Tensor input, int[]? dims = null, bool keepDim = false) => NanReduceOps.Amax(input, dims, keepDim, false);

    /// <summary>Sum of all elements with NaN counted as zero; integral input gives Int64 (NansumBackward0). PyTorch: torch.nansum.</summary>
    public Tensor Nansum() => NanReduceOps.Nansum(this, null, false);

    /// <summary>Sum over <paramref name="dims"/> (all when empty) with NaN counted as zero (NansumBackward0). PyTorch: torch.nansum(x, dim, keepdim).</summary>
    public Tensor Nansum(int[] dims, bool keepDim = false) => NanReduceOps.Nansum(this, dims, keepDim);

    /// <summary>Sum along <paramref name="dim"/> with NaN counted as zero (NansumBackward0). PyTorch: torch.nansum(x, dim).</summary>
    public Tensor Nansum(int dim, bool keepDim = false) => NanReduceOps.Nansum(this, [dim], keepDim);

    /// <summary>torch.nansum as a static function: see <see cref="Nansum()"/>.</summary>
    public static Tensor Nansum(Tensor input) => NanReduceOps.Nansum(input, null, false);

    /// <summary>
    /// Mean of the non-NaN elements (NaN when there are none); floating input only. Recorded as PyTorch composes it:
    /// nansum / count (DivBackward0). PyTorch: torch.nanmean.
    /// </summary>
    public Tensor Nanmean() => NanReduceOps.Nanmean(this, null, false);

    /// <summary>Mean of the non-NaN elements over <paramref name="dims"/> (all when empty). PyTorch: torch.nanmean(x, dim, keepdim).</summary>
    public Tensor Nanmean(int[] dims, bool keepDim = false) => NanReduceOps.Nanmean(this, dims, keepDim);

    /// <summary>Mean of the non-NaN elements along <paramref name="dim"/>. PyTorch: torch.nanmean(x, dim).</summary>
    public Tensor Nanmean(int dim, bool keepDim = false) => NanReduceOps.Nanmean(this, [dim], keepDim);

    /// <summary>torch.nanmean as a static function: see <see cref="Nanmean()"/>.</summary>
    public static Tensor Nanmean(Tensor input) => NanReduceOps.Nanmean(input, null, false);

    /// <summary>The Int64 count of non-zero elements (NaN counts; -0.0 does not), a 0-d tensor. PyTorch: torch.count_nonzero.</summary>
    public Tensor CountNonzero() => NanReduceOps.CountNonzero(this, null);

    /// <summary>The Int64 counts of non-zero elements along <paramref name="dim"/>. PyTorch: torch.count_nonzero(x, dim).</summary>
    public Tensor CountNonzero(int dim) => NanReduceOps.CountNonzero(this, [dim]);

    /// <summary>The Int64 counts of non-zero elements over <paramref name="dims"/>. PyTorch: torch.count_nonzero(x, dims).</summary>
    public Tensor CountNonzero(int[] dims) => NanReduceOps.CountNonzero(this, dims);

    /// <summary>torch.count_nonzero as a static function: see <see cref="CountNonzero()"/>.</summary>
    public static Tensor CountNonzero(Tensor input) => NanReduceOps.CountNonzero(input, null);
}
