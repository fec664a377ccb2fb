using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// silu and its gradient as ATen's CPU loop computes them: x / (1 + exp(−x)) and dy·s·(1 + x·(1 − s)) with
/// s = 1 / (1 + exp(−x)), the inner product and sum fused as GCC fuses them. Whole pairs of 64-byte vectors take
/// SLEEF's exp, the elements left over the C library's, in ATen's rows (<see cref="AtenVecLoop"/>).
/// </summary>
internal static class SiluKernels
{
    public static void Forward<T>(StridedArray x, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtenVecLoop.Map<T>(x, y, static (xs, ys, vectorPart) =>
        {
            TensorPrimitives.Negate(xs, ys);
            AtenMath.Exp(ys, vectorPart);
            TensorPrimitives.Add(ys, T.One, ys);
            TensorPrimitives.Divide(xs, ys, ys);
        });

    public static void Backward<T>(StridedArray dy, StridedArray x, StridedArray gi, int[] dyModel, int[] xModel) where T : unmanaged, IFloatingPointIeee754<T> =>
        AtenVecLoop.Map<T>(dy, x, gi, dyModel, xModel, static (dys, xs, sig, vectorPart) =>
        {
            var rented = ArrayPool<T>.Shared.Rent(xs.Length);
            var factor = rented.AsSpan(0, xs.Length);
            TensorPrimitives.Negate(xs, sig);
            AtenMath.Exp(sig, vectorPart);
            TensorPrimitives.Add(sig, T.One, sig);
            TensorPrimitives.Divide(T.One, sig, sig);
            TensorPrimitives.Subtract(T.One, sig, factor);
            TensorPrimitives.FusedMultiplyAdd(xs, factor, T.One, factor);
            TensorPrimitives.Multiply(dys, sig, sig);
            TensorPrimitives.Multiply(sig, factor, sig);
            ArrayPool<T>.Shared.Return(rented);
        });
}
