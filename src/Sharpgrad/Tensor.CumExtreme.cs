using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// Running maxima along <paramref name="dim"/> and the Int64 position of each: a NaN takes over and stays, and an
    /// equal value moves the position to the later element (CummaxBackward0). PyTorch: torch.cummax.
    /// </summary>
    public (Tensor Values, Tensor Indices) Cummax(int dim) => CumExtremeOps.CumExtreme(this, dim, max: true);

    /// <summary>
    /// Running minima along <paramref name="dim"/> and the Int64 position of each: a NaN takes over and stays, and an
    /// equal value moves the position to the later element (CumminBackward0). PyTorch: torch.cummin.
    /// </summary>
    public (Tensor Values, Tensor Indices) Cummin(int dim) => CumExtremeOps.CumExtreme(this, dim, max: false);

    /// <summary>torch.cummax as a static function: see <see cref="Cummax(int)"/>.</summary>
    public static (Tensor Values, Tensor Indices) Cummax(Tensor input, int dim) => input.Cummax(dim);

    /// <summary>torch.cummin as a static function: see <see cref="Cummin(int)"/>.</summary>
    public static (Tensor Values, Tensor Indices) Cummin(Tensor input, int dim) => input.Cummin(dim);
}
