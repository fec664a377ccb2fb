using Sharpgrad.Ops;
using Sharpgrad.Shapes;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>Moves dim <paramref name="source"/> to position <paramref name="destination"/>, the others keeping their order (a view, PermuteBackward0). PyTorch: movedim.</summary>
    public Tensor Movedim(int source, int destination) => ShapeExtraOps.Movedim(this, [source], [destination]);

    /// <summary>Moves each dim of <paramref name="source"/> to the matching position of <paramref name="destination"/> (a view). PyTorch: movedim.</summary>
    public Tensor Movedim(int[] source, int[] destination) => ShapeExtraOps.Movedim(this, source, destination);

    /// <summary>torch.movedim as a static function: see <see cref="Movedim(int, int)"/>.</summary>
    public static Tensor Movedim(Tensor input, int source, int destination) => ShapeExtraOps.Movedim(input, [source], [destination]);

    /// <summary>torch.movedim as a static function: see <see cref="Movedim(int[], int[])"/>.</summary>
    public static Tensor Movedim(Tensor input, int[] source, int[] destination) => ShapeExtraOps.Movedim(input, source, destination);

    /// <summary>Alias of <see cref="Movedim(int, int)"/>. PyTorch: moveaxis.</summary>
    public Tensor Moveaxis(int source, int destination) => ShapeExtraOps.Movedim(this, [source], [destination]);

    /// <summary>Alias of <see cref="Movedim(int[], int[])"/>. PyTorch: moveaxis.</summary>
    public Tensor Moveaxis(int[] source, int[] destination) => ShapeExtraOps.Movedim(this, source, destination);

    /// <summary>torch.moveaxis as a static function: see <see cref="Movedim(int, int)"/>.</summary>
    public static Tensor Moveaxis(Tensor input, int source, int destination) => ShapeExtraOps.Movedim(input, [source], [destination]);

    /// <summary>torch.moveaxis as a static function: see <see cref="Movedim(int[], int[])"/>.</summary>
    public static Tensor Moveaxis(Tensor input, int[] source, int[] destination) => ShapeExtraOps.Movedim(input, source, destination);

    /// <summary>Alias of <see cref="Transpose(int, int)"/> (a view, TransposeBackward0). PyTorch: swapaxes.</summary>
    public Tensor Swapaxes(int axis0, int axis1) => ViewOps.Transpose(this, axis0, axis1);

    /// <summary>torch.swapaxes as a static function: see <see cref="Swapaxes(int, int)"/>.</summary>
    public static Tensor Swapaxes(Tensor input, int axis0, int axis1) => ViewOps.Transpose(input, axis0, axis1);

    /// <summary>Alias of <see cref="Transpose(int, int)"/> (a view, TransposeBackward0). PyTorch: swapdims.</summary>
    public Tensor Swapdims(int dim0, int dim1) => ViewOps.Transpose(this, dim0, dim1);

    /// <summary>torch.swapdims as a static function: see <see cref="Swapdims(int, int)"/>.</summary>
    public static Tensor Swapdims(Tensor input, int dim0, int dim1) => ViewOps.Transpose(input, dim0, dim1);

    /// <summary>A copy reversed along dim 0; needs at least 1 dim (FlipBackward0). PyTorch: flipud.</summary>
    public Tensor Flipud() => ShapeExtraOps.FlipDim(this, 0);

    /// <summary>torch.flipud as a static function: see <see cref="Flipud()"/>.</summary>
    public static Tensor Flipud(Tensor input) => ShapeExtraOps.FlipDim(input, 0);

    /// <summary>A copy reversed along dim 1; needs at least 2 dims (FlipBackward0). PyTorch: fliplr.</summary>
    public Tensor Fliplr() => ShapeExtraOps.FlipDim(this, 1);

    /// <summary>torch.fliplr as a static function: see <see cref="Fliplr()"/>.</summary>
    public static Tensor Fliplr(Tensor input) => ShapeExtraOps.FlipDim(input, 1);

    /// <summary>Converted to the dtype of <paramref name="other"/> (this tensor when already of it). PyTorch: type_as.</summary>
    public Tensor TypeAs(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CopyOps.To(this, other.DType);
    }

    /// <summary>Repeats the tensor reps[i] times along each dim; fewer reps than dims are padded with leading 1s (RepeatBackward0). PyTorch: tile.</summary>
    public Tensor Tile(params int[] reps) => ShapeExtraOps.Tile(this, reps);

    /// <summary>torch.tile as a static function: see <see cref="Tile(int[])"/>.</summary>
    public static Tensor Tile(Tensor input, int[] reps) => ShapeExtraOps.Tile(input, reps);

    /// <summary>Contracts the last <paramref name="dims"/> dims of <paramref name="a"/> with the first of <paramref name="b"/> (ViewBackward0 over an mm). PyTorch: torch.tensordot(a, b, dims).</summary>
    public static Tensor Tensordot(Tensor a, Tensor b, int dims = 2) => ShapeExtraOps.Tensordot(a, b, dims);

    /// <summary>Contracts dims <paramref name="dimsA"/> of <paramref name="a"/> with the paired <paramref name="dimsB"/> of <paramref name="b"/>. PyTorch: torch.tensordot(a, b, dims=(dims_a, dims_b)).</summary>
    public static Tensor Tensordot(Tensor a, Tensor b, int[] dimsA, int[] dimsB) => ShapeExtraOps.Tensordot(a, b, dimsA, dimsB);

    // ---- in-place views: change this tensor's geometry, keep its storage, bump the version counter once ----

    /// <summary>In-place <see cref="Squeeze()"/>: removes every size-1 dim of this tensor (SqueezeBackward3). PyTorch: squeeze_.</summary>
    public Tensor Squeeze_() => ShapeExtraOps.Squeeze_(this);

    /// <summary>In-place <see cref="Squeeze(int)"/> (SqueezeBackward4). PyTorch: squeeze_(dim).</summary>
    public Tensor Squeeze_(int dim) => ShapeExtraOps.Squeeze_(this, dim);

    /// <summary>In-place <see cref="Unsqueeze(int)"/> (UnsqueezeBackward1). PyTorch: unsqueeze_.</summary>
    public Tensor Unsqueeze_(int dim) => ShapeExtraOps.Unsqueeze_(this, dim);

    /// <summary>In-place <see cref="Transpose(int, int)"/> (TransposeBackward1). PyTorch: transpose_.</summary>
    public Tensor Transpose_(int dim0, int dim1) => ShapeExtraOps.Transpose_(this, dim0, dim1);

    /// <summary>In-place <see cref="T"/> of a tensor of at most 2 dims (TBackward1). PyTorch: t_.</summary>
    public Tensor T_() => ShapeExtraOps.T_(this);

    /// <summary>Gives this tensor a new geometry over the same storage and offset (the in-place view ops).</summary>
    internal void SetGeometry(int[] sizes, int[] strides)
    {
        Sizes = sizes;
        Strides = strides;
        ContiguousFlag = Layout.IsContiguous(sizes, strides);
    }
}
