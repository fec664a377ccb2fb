using System.Numerics;
using System.Numerics.Tensors;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// y = a·b + c rounded once, as PyTorch's addcmul compiles to (fma(value·t1, t2, self) in both its vectorized and
/// scalar loops). Contiguous operands only: no tensors, no autograd.
/// </summary>
internal static class FusedMultiplyAddKernels
{
    /// <summary>y[i] = fma(a[i], b[i], c[i]) over <paramref name="n"/> elements from each offset.</summary>
    public static void Run<T>(T[] a, int aOff, T[] b, int bOff, T[] c, int cOff, T[] y, int yOff, int n) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.For(n, IntraOp.ElementwiseGrain, (s, e) =>
            TensorPrimitives.FusedMultiplyAdd(a.AsSpan(aOff + s, e - s), b.AsSpan(bOff + s, e - s), c.AsSpan(cOff + s, e - s), y.AsSpan(yOff + s, e - s)));
}
