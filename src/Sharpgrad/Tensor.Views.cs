using Sharpgrad.Kernels;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    internal StridedArray Strided => new(Buffer, DType, Sizes, Strides, Offset, ContiguousFlag);

    /// <summary>Same data with a new shape, sharing storage; one size may be -1. PyTorch: view.</summary>
    public Tensor View(params int[] shape) => ViewOps.View(this, shape);

    /// <summary>A view when the strides allow, else a copy. PyTorch: reshape.</summary>
    public Tensor Reshape(params int[] shape) => ViewOps.Reshape(this, shape);

    /// <summary>Swaps two dimensions (a view). PyTorch: transpose.</summary>
    public Tensor Transpose(int dim0, int dim1) => ViewOps.Transpose(this, dim0, dim1);

    /// <summary>Transpose of a tensor of at most 2 dimensions (a view). PyTorch: t().</summary>
    public Tensor T => ViewOps.T(this);

    /// <summary>Reorders dimensions (a view). PyTorch: permute.</summary>
    public Tensor Permute(params int[] dims) => ViewOps.Permute(this, dims);

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, removing it (a view). PyTorch: select.</summary>
    public Tensor Select(int dim, long index) => ViewOps.Select(this, dim, index);

    /// <summary>Elements [start, start+length) along <paramref name="dim"/> (a view). PyTorch: narrow.</summary>
    public Tensor Narrow(int dim, long start, long length) => ViewOps.Narrow(this, dim, start, length);

    /// <summary>Elements start, start+step, ... below end along <paramref name="dim"/> (a view). PyTorch: x[start:end:step].</summary>
    public Tensor Slice(int dim, long start, long end, long step = 1) => ViewOps.Slice(this, dim, start, end, step);

    /// <summary>Inserts a dimension of size 1 (a view). PyTorch: unsqueeze.</summary>
    public Tensor Unsqueeze(int dim) => ViewOps.Unsqueeze(this, dim);

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1 (a view). PyTorch: squeeze(dim).</summary>
    public Tensor Squeeze(int dim) => ViewOps.Squeeze(this, dim);

    /// <summary>Removes every dimension of size 1 (a view). PyTorch: squeeze().</summary>
    public Tensor Squeeze() => ViewOps.Squeeze(this);

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> with stride 0 (a view); -1 keeps a size. PyTorch: expand.</summary>
    public Tensor Expand(params int[] shape) => ViewOps.Expand(this, shape);

    /// <summary>Expands to the shape of <paramref name="other"/>. PyTorch: expand_as.</summary>
    public Tensor ExpandAs(Tensor other) => ViewOps.Expand(this, other.Sizes);

    /// <summary>Views with the shape of <paramref name="other"/>. PyTorch: view_as.</summary>
    public Tensor ViewAs(Tensor other) => ViewOps.View(this, other.Sizes);

    /// <summary>Merges dimensions startDim..endDim into one. PyTorch: flatten.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1) => ViewOps.Flatten(this, startDim, endDim);

    /// <summary>All slices along <paramref name="dim"/>, as views. PyTorch: unbind.</summary>
    public Tensor[] Unbind(int dim = 0) => ViewOps.Unbind(this, dim);

    /// <summary>Views of <paramref name="splitSize"/> elements along <paramref name="dim"/> (the last may be smaller). PyTorch: split.</summary>
    public Tensor[] Split(int splitSize, int dim = 0) => ViewOps.Split(this, splitSize, dim);

    /// <summary>Views with the given sizes along <paramref name="dim"/>. PyTorch: split(list).</summary>
    public Tensor[] Split(int[] splitSizes, int dim = 0) => ViewOps.SplitWithSizes(this, splitSizes, dim);

    /// <summary><paramref name="chunks"/> views of nearly equal size along <paramref name="dim"/>. PyTorch: chunk.</summary>
    public Tensor[] Chunk(int chunks, int dim = 0) => ViewOps.Chunk(this, chunks, dim);

    /// <summary>A view with arbitrary geometry over the same storage. PyTorch: as_strided.</summary>
    public Tensor AsStrided(int[] size, int[] stride, int? storageOffset = null) =>
        ViewOps.AsStrided(this, (int[])size.Clone(), (int[])stride.Clone(), storageOffset ?? Offset);

    /// <summary>
    /// Indexing along dim 0 (a view): <c>t[i]</c>; assigning copies the value (broadcast) into that row, in place.
    /// PyTorch: tensor[i], tensor[i] = value.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[long index]
    {
        get => ViewOps.Index(this, index);
        set => IndexingOps.Set(this, [index], value);
    }

    /// <summary>
    /// Python-style indexing, <c>t[0, 1..3, TensorIndex.None, TensorIndex.Ellipsis, idx]</c>: integers, ranges/slices,
    /// None and Ellipsis give a view (SelectBackward0, SliceBackward0, ...); Int64 tensors and Bool masks index as
    /// PyTorch's advanced indexing does and give a copy (IndexBackward0). Assigning writes the value (broadcast) there in
    /// place: copy_ into the view, or index_put_ at the tensor positions. PyTorch: tensor[...], tensor[...] = value.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params TensorIndex[] indices]
    {
        get => IndexingOps.Get(this, indices);
        set => IndexingOps.Set(this, indices, value);
    }

    /// <summary>The same as the indexer <c>t[indices]</c>. PyTorch: tensor[...] (C++: tensor.index({...})).</summary>
    public Tensor Index(params TensorIndex[] indices) => IndexingOps.Get(this, indices);

    /// <summary>
    /// <c>t[indices] = value</c> as a method (a copy into the selected view, or index_put_ at tensor positions); returns
    /// this tensor. PyTorch: tensor[...] = value (C++: tensor.index_put_({...}, value)).
    /// </summary>
    public Tensor IndexPut_(TensorIndex[] indices, Tensor value)
    {
        IndexingOps.Set(this, indices, value);
        return this;
    }

    /// <summary><c>t[indices] = value</c> with a number: fills the selected view, or writes it at tensor positions.</summary>
    public Tensor IndexPut_(TensorIndex[] indices, double value)
    {
        IndexingOps.Set(this, indices, value);
        return this;
    }
}
