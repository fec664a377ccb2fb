using Sharpgrad.Ops;
using Sharpgrad.Shapes;

namespace Sharpgrad;

// Small conveniences of PyTorch's Tensor API: dtype facts, new_* factories in this tensor's dtype, matrix transposes,
// shape-matching views, and the identities a real tensor gives for complex-number operations.
public sealed partial class Tensor
{
    /// <summary>Bytes per element. PyTorch: element_size() / itemsize.</summary>
    public int ElementSize() => DType.ElementSize();
    /// <summary>Bytes per element. PyTorch: itemsize.</summary>
    public int Itemsize => DType.ElementSize();
    /// <summary>Bytes the elements take (numel · element size, not the storage's). PyTorch: nbytes.</summary>
    public long Nbytes => (long)Numel * DType.ElementSize();
    /// <summary>Whether the dtype is floating point. PyTorch: is_floating_point().</summary>
    public bool IsFloatingPoint() => DType.IsFloatingPoint();
    /// <summary>Whether the dtype is signed (floats and signed integers; not bool or uint8). PyTorch: is_signed().</summary>
    public bool IsSigned() => DType is not (DType.Bool or DType.UInt8);
    /// <summary>Always false: Sharpgrad has no complex dtypes. PyTorch: is_complex().</summary>
    public bool IsComplex() => false;
    /// <summary>Whether <paramref name="other"/> has the same shape. PyTorch: is_same_size().</summary>
    public bool IsSameSize(Tensor other) => Sizes.AsSpan().SequenceEqual(other.Sizes);

    /// <summary>The truth of a one-element tensor (non-zero). PyTorch: is_nonzero().</summary>
    /// <exception cref="InvalidOperationException">The tensor has no element or more than one.</exception>
    public bool IsNonzero()
    {
        ThrowIfDisposed();
        if (Numel == 0) throw new InvalidOperationException("Boolean value of Tensor with no values is ambiguous");
        if (Numel > 1) throw new InvalidOperationException("Boolean value of Tensor with more than one value is ambiguous");
        return Item<double>() != 0;
    }

    /// <summary>Zeros of <paramref name="shape"/> in this tensor's dtype. PyTorch: new_zeros.</summary>
    public Tensor NewZeros(params int[] shape) => Zeros(shape, DType);
    /// <summary>Ones of <paramref name="shape"/> in this tensor's dtype. PyTorch: new_ones.</summary>
    public Tensor NewOnes(params int[] shape) => Ones(shape, DType);
    /// <summary><paramref name="value"/> everywhere (converted to this tensor's dtype). PyTorch: new_full.</summary>
    public Tensor NewFull(int[] shape, double value) => Full(shape, value, DType);
    /// <summary>An uninitialized tensor of <paramref name="shape"/> in this tensor's dtype. PyTorch: new_empty.</summary>
    public Tensor NewEmpty(params int[] shape) => Empty(shape, DType);
    /// <summary><paramref name="data"/> as a new tensor in this tensor's dtype (floats truncated for integers). PyTorch: new_tensor.</summary>
    public Tensor NewTensor(double[] data, int[]? shape = null)
    {
        var t = FromArray(data, shape);
        if (DType == DType.Float64) return t;
        using (t) return t.To(DType);
    }

    /// <summary>The last two dims swapped (TransposeBackward0). PyTorch: mT.</summary>
    public Tensor MT => Dim >= 2 ? Transpose(-2, -1)
        : throw new ArgumentException($"tensor.mT is only supported on matrices or batches of matrices. Got {Dim}-D tensor.");
    /// <summary>The conjugate transpose of the last two dims; for real dtypes <see cref="MT"/>. PyTorch: mH.</summary>
    public Tensor MH => Dim >= 2 ? Transpose(-2, -1)
        : throw new ArgumentException($"tensor.mH is only supported on matrices or batches of matrices. Got {Dim}-D tensor.");
    /// <summary>The conjugate transpose of a matrix (2-D only). PyTorch: H.</summary>
    public Tensor H => Dim == 2 ? Transpose(0, 1) : Dim == 0 ? this
        : throw new ArgumentException($"tensor.H is only supported on matrices (2-D tensors). Got {Dim}-D tensor.{(Dim > 2 ? " For batches of matrices, consider using tensor.mH" : "")}");
    /// <summary>Alias of <see cref="MH"/>. PyTorch: adjoint().</summary>
    public Tensor Adjoint() => MH;

    /// <summary>Expanded to <paramref name="shape"/> (ExpandBackward0). PyTorch: broadcast_to.</summary>
    public Tensor BroadcastTo(params int[] shape) => Expand(shape);
    /// <summary>Reshaped to <paramref name="other"/>'s shape. PyTorch: reshape_as.</summary>
    public Tensor ReshapeAs(Tensor other) => Reshape(other.Sizes);
    /// <summary>Alias of <see cref="Split(int[], int)"/> (SplitWithSizesBackward0). PyTorch: split_with_sizes.</summary>
    public Tensor[] SplitWithSizes(int[] splitSizes, int dim = 0) => Split(splitSizes, dim);

    /// <summary>
    /// Summed down to <paramref name="size"/>, which this tensor's shape must expand from (sum over the broadcast dims,
    /// keeping size-1 dims). PyTorch: sum_to_size.
    /// </summary>
    public Tensor SumToSize(params int[] size)
    {
        ThrowIfDisposed();
        bool expandable = size.Length <= Dim;
        for (int i = 1; expandable && i <= size.Length; i++)
            expandable = size[^i] == Sizes[^i] || size[^i] == 1;
        if (!expandable)
            throw new ArgumentException($"size {{[{string.Join(", ", size)}]}} is not expandable to size {{[{string.Join(", ", Sizes)}]}}.");
        return ViewGrad.SumTo(this, size);
    }

    /// <summary>
    /// Fills the main diagonal (all dims equal for more than 2 dims) with <paramref name="value"/>; with <paramref name="wrap"/>
    /// a tall matrix's diagonal restarts every columns + 1 rows. PyTorch: fill_diagonal_.
    /// </summary>
    public Tensor FillDiagonal_(double value, bool wrap = false) => ShapeCopyOps.FillDiagonal_(this, value, wrap);

    /// <summary>
    /// Every window of <paramref name="size"/> elements along <paramref name="dimension"/>, <paramref name="step"/> apart, as a
    /// view with the window in a new last dim (UnfoldBackward0). PyTorch: Tensor.unfold.
    /// </summary>
    public Tensor Unfold(int dimension, int size, int step) => ViewOps.Unfold(this, dimension, size, step);

    /// <summary>This tensor: the conjugate of a real tensor is itself. PyTorch: conj().</summary>
    public Tensor Conj() => this;
    /// <summary>This tensor (no lazy conjugation exists for real dtypes). PyTorch: resolve_conj().</summary>
    public Tensor ResolveConj() => this;
    /// <summary>This tensor (no lazy negation bit exists for real dtypes). PyTorch: resolve_neg().</summary>
    public Tensor ResolveNeg() => this;
    /// <summary>Always false for real dtypes. PyTorch: is_conj().</summary>
    public bool IsConj() => false;
    /// <summary>Always false for real dtypes. PyTorch: is_neg().</summary>
    public bool IsNeg() => false;
    /// <summary>This tensor: the real part of a real tensor. PyTorch: real.</summary>
    public Tensor Real => this;
    /// <summary>Refused, as PyTorch refuses it for real dtypes. PyTorch: imag.</summary>
    public Tensor Imag => throw new InvalidOperationException("imag is not implemented for tensors with non-complex dtypes.");
}
