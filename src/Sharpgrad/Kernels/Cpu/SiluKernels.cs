using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// silu and its gradient as ATen's CPU loop computes them: x / (1 + exp(−x)) and dy·s·(1 + x·(1 − s)) with
/// s = 1 / (1 + exp(−x)), the inner product and sum fused as GCC fuses them. Whole pairs of 64-byte vectors take
/// SLEEF's exp, the elements left over the C library's; a strided input takes the C library's for every element.
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

    public static void Backward<T>(T[] dy, int dyOff, T[] x, int xOff, T[] gi, int n, bool contiguous) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.ForAtenPieces(n, (s, e) =>
        {
            var xs = new ReadOnlySpan<T>(x, xOff + s, e - s);
            var dys = new ReadOnlySpan<T>(dy, dyOff + s, e - s);
            var sig = new Span<T>(gi, s, e - s);
            var rented = ArrayPool<T>.Shared.Rent(e - s);
            var factor = rented.AsSpan(0, e - s);
            TensorPrimitives.Negate(xs, sig);
            AtenMath.Exp(sig, contiguous ? AtenLoop.VectorPart<T>(e - s) : 0);
            TensorPrimitives.Add(sig, T.One, sig);
            TensorPrimitives.Divide(T.One, sig, sig);
            TensorPrimitives.Subtract(T.One, sig, factor);
            TensorPrimitives.FusedMultiplyAdd(xs, factor, T.One, factor);
            TensorPrimitives.Multiply(dys, sig, sig);
            TensorPrimitives.Multiply(sig, factor, sig);
            ArrayPool<T>.Shared.Return(rented);
        });
}
