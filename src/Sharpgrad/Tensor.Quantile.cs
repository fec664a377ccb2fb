using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- quantile / nanquantile, mode, msort, argwhere ----

    /// <summary>
    /// The q-th quantile (q in [0, 1]) of all elements (<paramref name="dim"/> null) or along <paramref name="dim"/>;
    /// NaN where a reduced slice has NaN. <paramref name="interpolation"/>: linear, lower, higher, midpoint or nearest.
    /// Floating input only. Recorded as PyTorch composes it (SqueezeBackward4 over LerpBackward1/GatherBackward0/SortBackward0).
    /// PyTorch: torch.quantile.
    /// </summary>
    public Tensor Quantile(double q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(this, q, dim, keepDim, interpolation, ignoreNan: false);

    /// <summary>
    /// Quantiles for each q of a 1-D tensor (of this dtype): the q dim comes first in the result. A q that requires grad
    /// gets one in linear mode, as in PyTorch. PyTorch: torch.quantile.
    /// </summary>
    public Tensor Quantile(Tensor q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(this, q, dim, keepDim, interpolation, ignoreNan: false);

    /// <summary>torch.quantile as a static function: see <see cref="Quantile(double, int?, bool, string)"/>.</summary>
    public static Tensor Quantile(Tensor input, double q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(input, q, dim, keepDim, interpolation, ignoreNan: false);

    /// <summary>torch.quantile with a tensor of q values: see <see cref="Quantile(Tensor, int?, bool, string)"/>.</summary>
    public static Tensor Quantile(Tensor input, Tensor q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(input, q, dim, keepDim, interpolation, ignoreNan: false);

    /// <summary>As <see cref="Quantile(double, int?, bool, string)"/>, ignoring NaN (NaN only where a slice is all NaN). PyTorch: torch.nanquantile.</summary>
    public Tensor Nanquantile(double q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(this, q, dim, keepDim, interpolation, ignoreNan: true);

    /// <summary>As <see cref="Quantile(Tensor, int?, bool, string)"/>, ignoring NaN. PyTorch: torch.nanquantile.</summary>
    public Tensor Nanquantile(Tensor q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(this, q, dim, keepDim, interpolation, ignoreNan: true);

    /// <summary>torch.nanquantile as a static function: see <see cref="Nanquantile(double, int?, bool, string)"/>.</summary>
    public static Tensor Nanquantile(Tensor input, double q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(input, q, dim, keepDim, interpolation, ignoreNan: true);

    /// <summary>torch.nanquantile with a tensor of q values: see <see cref="Nanquantile(Tensor, int?, bool, string)"/>.</summary>
    public static Tensor Nanquantile(Tensor input, Tensor q, int? dim = null, bool keepDim = false, string interpolation = "linear") =>
        QuantileOps.Quantile(input, q, dim, keepDim, interpolation, ignoreNan: true);

    /// <summary>
    /// The most frequent value along <paramref name="dim"/> (the smallest among equally frequent ones; each NaN counts
    /// once) and the Int64 index PyTorch's CPU kernel reports: the last occurrence for slices of up to 16 elements
    /// (ModeBackward0). PyTorch: torch.mode.
    /// </summary>
    public (Tensor Values, Tensor Indices) Mode(int dim = -1, bool keepDim = false) => ModeOps.Mode(this, dim, keepDim);

    /// <summary>torch.mode as a static function: see <see cref="Mode(int, bool)"/>.</summary>
    public static (Tensor Values, Tensor Indices) Mode(Tensor input, int dim = -1, bool keepDim = false) => ModeOps.Mode(input, dim, keepDim);

    /// <summary>Sorted along dim 0, NaN last (SortBackward0). PyTorch: torch.msort.</summary>
    public Tensor Msort() => Sort(0).Values;

    /// <summary>torch.msort as a static function: see <see cref="Msort()"/>.</summary>
    public static Tensor Msort(Tensor input) => input.Msort();

    /// <summary>Int64 [count, Dim] coordinates of the non-zero elements (NaN counts). PyTorch: torch.argwhere.</summary>
    public Tensor Argwhere() => Nonzero();

    /// <summary>torch.argwhere as a static function: see <see cref="Argwhere()"/>.</summary>
    public static Tensor Argwhere(Tensor input) => input.Nonzero();
}
