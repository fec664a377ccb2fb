using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Small pieces every op family uses: raw (unrecorded) casts and output allocation.</summary>
internal static class OpHelpers
{
    /// <summary>
    /// A fused element-wise kernel from x as it is laid out into a fresh contiguous y: the kernel walks x in ATen's
    /// order (<see cref="Kernels.Cpu.AtenVecLoop"/>), since where its vector/scalar split falls depends on x's strides.
    /// </summary>
    internal static Tensor Fused(Tensor x, Action<StridedArray, StridedArray> kernel)
    {
        var y = Tensor.Empty(x.DType, x.Sizes);
        kernel(x.Strided, y.Strided);
        return y;
    }

    /// <summary>
    /// A fused gradient kernel from grad (in x's dtype) and x as they are laid out into a fresh contiguous result, given
    /// the strides ATen's iterator sees for them (grad first, as the backward ops hand it to the iterator), since where
    /// the kernel's vector/scalar split falls depends on them.
    /// </summary>
    internal static Tensor FusedGradient(Tensor grad, Tensor x, Action<StridedArray, StridedArray, StridedArray, int[], int[]> kernel)
    {
        var g = OpHelpers.CastRaw(grad, x.DType);
        var gi = Tensor.Empty(x.DType, x.Sizes);
        kernel(g.Strided, x.Strided, gi.Strided, IteratorStrides(grad, x.DType, x.Sizes), IteratorStrides(x, x.DType, x.Sizes));
        if (!ReferenceEquals(g, grad)) g.Dispose();
        return gi;
    }

    /// <summary><paramref name="t"/> converted to <paramref name="dtype"/> without recording (t itself when already that dtype).</summary>
    public static Tensor CastRaw(Tensor t, DType dtype)
    {
        if (t.DType == dtype) return t;
        var y = Tensor.Empty(dtype, t.Sizes);
        Dispatch.Copy(t.Strided, y.Strided);
        return y;
    }

    /// <summary>
    /// An input's strides as ATen's iterator sees them, broadcast to <paramref name="shape"/>: its own, or those of its
    /// copy in the op's dtype (<see cref="Kernels.Cpu.AtenIteration.CastStrides"/>). For kernels whose bits depend on the
    /// order ATen walks their inputs in, which read the values from a contiguous cast.
    /// </summary>
    public static int[] IteratorStrides(Tensor t, DType dtype, int[] shape) =>
        Layout.BroadcastStrides(t.Sizes, t.DType == dtype ? t.Strides : Kernels.Cpu.AtenIteration.CastStrides(t.Sizes, t.Strides), shape);

    /// <summary>A contiguous copy of t's data, or t when already contiguous (no recording).</summary>
    public static Tensor ContiguousRaw(Tensor t)
    {
        if (t.IsContiguous) return t;
        var y = Tensor.Empty(t.DType, t.Sizes);
        Dispatch.Copy(t.Strided, y.Strided);
        return y;
    }

    /// <summary>Saves a copy of self's current values (an in-place op's formula needs the original).</summary>
    public static SavedTensor SaveCopy(Tensor self)
    {
        var copy = Tensor.Empty(self.DType, self.Sizes);
        Dispatch.Copy(self.Strided, copy.Strided);
        var saved = SavedTensor.Input(copy);
        copy.Dispose(); // the saved slot holds its own reference
        return saved;
    }

    /// <summary>Shape of a binary op's result; throws PyTorch's broadcast message.</summary>
    public static int[] BroadcastShape(Tensor a, Tensor b) =>
        a.Sizes.AsSpan().SequenceEqual(b.Sizes) ? a.Sizes : Layout.Broadcast(a.Sizes, b.Sizes);

    /// <summary>Gradient for an input of the given shape and dtype from a (possibly broadcast, promoted) output gradient.</summary>
    public static Tensor GradFor(Tensor grad, int[] shape, DType dtype)
    {
        var g = ViewGrad.SumTo(grad, shape);
        return g.DType == dtype ? g : g.To(dtype);
    }

    public static void CheckSameDevice(Tensor a, Tensor b)
    {
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
    }
}

/// <summary>A node of a one-input op, with optional saved input and output.</summary>
internal abstract class UnaryNode : Node
{
    internal SavedTensor? Self;
    internal SavedTensor? Result;

    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            if (Self is not null) yield return Self;
            if (Result is not null) yield return Result;
        }
    }

    protected Tensor SelfValue => Self!.Unpack();
    protected Tensor ResultValue => Result!.Unpack();
}

/// <summary>A node of a two-input op: shapes and dtypes of both inputs, optional saved inputs, an optional scalar.</summary>
internal abstract class BinaryNode : Node
{
    internal SavedTensor? A;
    internal SavedTensor? B;
    internal SavedTensor? Result;
    internal int[] ASizes = [];
    internal int[] BSizes = [];
    internal DType ADType;
    internal DType BDType;
    internal double Scalar;

    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            if (A is not null) yield return A;
            if (B is not null) yield return B;
            if (Result is not null) yield return Result;
        }
    }

    protected Tensor GradA(Tensor g) => OpHelpers.GradFor(g, ASizes, ADType);
    protected Tensor GradB(Tensor g) => OpHelpers.GradFor(g, BSizes, BDType);
}
