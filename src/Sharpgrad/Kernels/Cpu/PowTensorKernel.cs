using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Float32/Float64 tensor ** tensor (and number ** tensor, which PyTorch turns into a 0-dim base) bit for bit as
/// PyTorch 2.6's pow_tensor_tensor_kernel computes it: a cpu_kernel_vec loop over TensorIterator's walk
/// (<see cref="AtenVecLoop"/>), whose vectorized rows take SLEEF's pow for whole pairs of 64-byte vectors and the C
/// library's powf/pow for the rest, and whose other rows take the C library throughout.
/// </summary>
internal static class PowTensorKernel
{
    /// <summary>
    /// y = a ** b, a and b of y's dtype and broadcastable to y's shape. <paramref name="aModel"/> and
    /// <paramref name="bModel"/> are their strides as PyTorch's iterator sees them, broadcast (null: their own), and
    /// <paramref name="yModel"/> those of the output the iterator is given rather than allocating (pow_'s), whose values y receives.
    /// </summary>
    public static void Run(StridedArray a, StridedArray b, StridedArray y, int[]? aModel = null, int[]? bModel = null, int[]? yModel = null)
    {
        a = a.BroadcastTo(y.Shape);
        b = b.BroadcastTo(y.Shape);
        aModel ??= a.Strides;
        bModel ??= b.Strides;
        if (y.DType == DType.Float32)
            AtenVecLoop.Map<float>(a, b, y, aModel, bModel, static (x, e, r, vectorPart) => SleefSplit.Map<float, SleefPow.TensorF>(x, e, r, vectorPart), yModel);
        else
            AtenVecLoop.Map<double>(a, b, y, aModel, bModel, static (x, e, r, vectorPart) => SleefSplit.Map<double, SleefPow.TensorD>(x, e, r, vectorPart), yModel);
    }
}
