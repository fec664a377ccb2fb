using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// PyTorch's CPU lerp (aten/src/ATen/native/cpu/LerpKernel.cpp) bit for bit: for |weight| &lt; 0.5
/// fma(weight, end - self, self), else fma(weight - 1, end - self, end), the fused form both its vectorized and
/// scalar loops compile to; each formulation is exact at its end point. Contiguous operands only: no tensors, no autograd.
/// </summary>
internal static class LerpKernels
{
    /// <summary>One element of lerp(self, end, weight) in the operands' precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Lerp<T>(T self, T end, T weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T diff = end - self;
        return T.Abs(weight) < T.CreateTruncating(0.5)
            ? T.FusedMultiplyAdd(weight, diff, self)
            : T.FusedMultiplyAdd(weight - T.One, diff, end);
    }

    /// <summary>y[i] = lerp(self[i], end[i], weight) over <paramref name="n"/> elements from each offset.</summary>
    public static void Lerp<T>(T[] self, int selfOff, T[] end, int endOff, T weight, T[] y, int yOff, int n) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.For(n, IntraOp.ElementwiseGrain / 2, (s, e) =>
        {
            for (int i = s; i < e; i++) y[yOff + i] = Lerp(self[selfOff + i], end[endOff + i], weight);
        });

    /// <summary>y[i] = lerp(self[i], end[i], weight[i]) over <paramref name="n"/> elements from each offset.</summary>
    public static void Lerp<T>(T[] self, int selfOff, T[] end, int endOff, T[] weight, int weightOff, T[] y, int yOff, int n) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.For(n, IntraOp.ElementwiseGrain / 2, (s, e) =>
        {
            for (int i = s; i < e; i++) y[yOff + i] = Lerp(self[selfOff + i], end[endOff + i], weight[weightOff + i]);
        });
}
