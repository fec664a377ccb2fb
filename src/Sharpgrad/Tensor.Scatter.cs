using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// A copy with <paramref name="src"/>'s values written at <paramref name="index"/> along <paramref name="dim"/>
    /// (ScatterBackward0); <paramref name="reduce"/> "add" or "multiply" combines instead (PyTorch gives that no
    /// derivative). PyTorch: scatter.
    /// </summary>
    public Tensor Scatter(int dim, Tensor index, Tensor src, string? reduce = null) => ScatterOps.Scatter(this, dim, index, src, reduce, false);

    /// <summary>A copy with <paramref name="value"/> written at <paramref name="index"/> along <paramref name="dim"/> (ScatterBackward1). PyTorch: scatter.</summary>
    public Tensor Scatter(int dim, Tensor index, double value, string? reduce = null) => ScatterOps.Scatter(this, dim, index, value, reduce, false);

    /// <summary>torch.scatter as a static function: see <see cref="Scatter(int, Tensor, Tensor, string?)"/>.</summary>
    public static Tensor Scatter(Tensor input, int dim, Tensor index, Tensor src, string? reduce = null) => ScatterOps.Scatter(input, dim, index, src, reduce, false);

    /// <summary>torch.scatter as a static function: see <see cref="Scatter(int, Tensor, double, string?)"/>.</summary>
    public static Tensor Scatter(Tensor input, int dim, Tensor index, double value, string? reduce = null) => ScatterOps.Scatter(input, dim, index, value, reduce, false);

    /// <summary>In-place <see cref="Scatter(int, Tensor, Tensor, string?)"/>. PyTorch: scatter_.</summary>
    public Tensor Scatter_(int dim, Tensor index, Tensor src, string? reduce = null) => ScatterOps.Scatter(this, dim, index, src, reduce, true);

    /// <summary>In-place <see cref="Scatter(int, Tensor, double, string?)"/>. PyTorch: scatter_.</summary>
    public Tensor Scatter_(int dim, Tensor index, double value, string? reduce = null) => ScatterOps.Scatter(this, dim, index, value, reduce, true);

    /// <summary>
    /// A copy with <paramref name="src"/> reduced into the positions <paramref name="index"/> names along
    /// <paramref name="dim"/>: "sum", "prod", "mean", "amax" or "amin", counting self's values unless
    /// <paramref name="includeSelf"/> is false (ScatterReduceBackward0). PyTorch: scatter_reduce.
    /// </summary>
    public Tensor ScatterReduce(int dim, Tensor index, Tensor src, string reduce, bool includeSelf = true) =>
        ScatterOps.ScatterReduce(this, dim, index, src, reduce, includeSelf, false);

    /// <summary>torch.scatter_reduce as a static function: see <see cref="ScatterReduce(int, Tensor, Tensor, string, bool)"/>.</summary>
    public static Tensor ScatterReduce(Tensor input, int dim, Tensor index, Tensor src, string reduce, bool includeSelf = true) =>
        ScatterOps.ScatterReduce(input, dim, index, src, reduce, includeSelf, false);

    /// <summary>In-place <see cref="ScatterReduce(int, Tensor, Tensor, string, bool)"/>. PyTorch: scatter_reduce_.</summary>
    public Tensor ScatterReduce_(int dim, Tensor index, Tensor src, string reduce, bool includeSelf = true) =>
        ScatterOps.ScatterReduce(this, dim, index, src, reduce, includeSelf, true);

    /// <summary>A copy with the slices at <paramref name="index"/> along <paramref name="dim"/> set to <paramref name="value"/>; negative indices count from the end (IndexFillBackward0). PyTorch: index_fill.</summary>
    public Tensor IndexFill(int dim, Tensor index, double value) => IndexWriteOps.IndexFill(this, dim, index, value, null, false);

    /// <summary>torch.index_fill as a static function: see <see cref="IndexFill(int, Tensor, double)"/>.</summary>
    public static Tensor IndexFill(Tensor input, int dim, Tensor index, double value) => IndexWriteOps.IndexFill(input, dim, index, value, null, false);

    /// <summary>In-place <see cref="IndexFill(int, Tensor, double)"/>. PyTorch: index_fill_.</summary>
    public Tensor IndexFill_(int dim, Tensor index, double value) => IndexWriteOps.IndexFill(this, dim, index, value, null, true);

    /// <summary>A copy with the slices at <paramref name="index"/> along <paramref name="dim"/> set to the 0-dim <paramref name="value"/>, which takes their gradient's sum (IndexFillBackward1). PyTorch: index_fill.</summary>
    public Tensor IndexFill(int dim, Tensor index, Tensor value) => IndexWriteOps.IndexFill(this, dim, index, value, false);

    /// <summary>torch.index_fill as a static function: see <see cref="IndexFill(int, Tensor, Tensor)"/>.</summary>
    public static Tensor IndexFill(Tensor input, int dim, Tensor index, Tensor value) => IndexWriteOps.IndexFill(input, dim, index, value, false);

    /// <summary>In-place <see cref="IndexFill(int, Tensor, Tensor)"/>. PyTorch: index_fill_.</summary>
    public Tensor IndexFill_(int dim, Tensor index, Tensor value) => IndexWriteOps.IndexFill(this, dim, index, value, true);

    /// <summary>A copy with <paramref name="source"/>'s slices written at <paramref name="index"/> along <paramref name="dim"/> (IndexCopyBackward0). PyTorch: index_copy.</summary>
    public Tensor IndexCopy(int dim, Tensor index, Tensor source) => IndexWriteOps.IndexCopy(this, dim, index, source, false);

    /// <summary>torch.index_copy as a static function: see <see cref="IndexCopy(int, Tensor, Tensor)"/>.</summary>
    public static Tensor IndexCopy(Tensor input, int dim, Tensor index, Tensor source) => IndexWriteOps.IndexCopy(input, dim, index, source, false);

    /// <summary>In-place <see cref="IndexCopy(int, Tensor, Tensor)"/>. PyTorch: index_copy_.</summary>
    public Tensor IndexCopy_(int dim, Tensor index, Tensor source) => IndexWriteOps.IndexCopy(this, dim, index, source, true);

    /// <summary>
    /// A copy with <paramref name="values"/> (broadcast) written at the positions the Int64 index tensors (broadcast
    /// together) or Bool masks name in the leading dims, or added when <paramref name="accumulate"/>
    /// (IndexPutBackward0). PyTorch: index_put.
    /// </summary>
    public Tensor IndexPut(Tensor[] indices, Tensor values, bool accumulate = false) => IndexWriteOps.IndexPut(this, indices, values, accumulate, false);

    /// <summary>torch.index_put as a static function: see <see cref="IndexPut(Tensor[], Tensor, bool)"/>.</summary>
    public static Tensor IndexPut(Tensor input, Tensor[] indices, Tensor values, bool accumulate = false) => IndexWriteOps.IndexPut(input, indices, values, accumulate, false);

    /// <summary>In-place <see cref="IndexPut(Tensor[], Tensor, bool)"/>. PyTorch: index_put_.</summary>
    public Tensor IndexPut_(Tensor[] indices, Tensor values, bool accumulate = false) => IndexWriteOps.IndexPut(this, indices, values, accumulate, true);

    /// <summary>
    /// A copy with <paramref name="source"/>'s slices along <paramref name="dim"/> reduced ("prod", "mean", "amax" or
    /// "amin") into the slices <paramref name="index"/> names, with or without this tensor's own values
    /// (IndexReduceBackward0). PyTorch: index_reduce.
    /// </summary>
    public Tensor IndexReduce(int dim, Tensor index, Tensor source, string reduce, bool includeSelf = true) =>
        ScatterOps.IndexReduce(this, dim, index, source, reduce, includeSelf, false);

    /// <summary>In-place <see cref="IndexReduce(int, Tensor, Tensor, string, bool)"/>. PyTorch: index_reduce_.</summary>
    public Tensor IndexReduce_(int dim, Tensor index, Tensor source, string reduce, bool includeSelf = true) =>
        ScatterOps.IndexReduce(this, dim, index, source, reduce, includeSelf, true);
}
