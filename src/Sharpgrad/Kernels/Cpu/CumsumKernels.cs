using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Running sums of float and double tensors as ATen's cpu_cum_base_kernel computes them: along the dim, in a double
/// accumulator (the CPU acc_type of both), each output the running double rounded once to the tensor's dtype.
/// </summary>
internal static class CumsumKernels
{
    // Rows summed side by side: each keeps its own chain of additions (so its own bits), and the chains overlap.
    private const int Interleave = 4;

    /// <summary>Scans a contiguous x viewed as [outer, r, inner] along r into y (contiguous, the same shape).</summary>
    public static void Run<T>(T[] x, int xOff, int outer, int r, int inner, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inner == 1)
        {
            int groups = (outer + Interleave - 1) / Interleave;
            IntraOp.For(groups, Math.Max(1, IntraOp.SliceGrain / Math.Max(1, Interleave * r)), (s, e) =>
            {
                for (int g = s; g < e; g++)
                {
                    int first = g * Interleave;
                    if (first + Interleave <= outer) Rows4(x, xOff + first * r, r, y, first * r);
                    else
                        for (int o = first; o < outer; o++) Row(x, xOff + o * r, r, y, o * r);
                }
            });
            return;
        }
        IntraOp.For(outer, Math.Max(1, IntraOp.SliceGrain / Math.Max(1, r * inner)), (s, e) =>
        {
            var acc = new double[inner];
            for (int o = s; o < e; o++)
            {
                Array.Clear(acc);
                int src = xOff + o * r * inner, dst = o * r * inner;
                for (int k = 0; k < r; k++, src += inner, dst += inner)
                    for (int i = 0; i < inner; i++)
                    {
                        acc[i] += double.CreateTruncating(x[src + i]);
                        y[dst + i] = T.CreateTruncating(acc[i]);
                    }
            }
        });
    }

    private static void Row<T>(T[] x, int src, int r, T[] y, int dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector128<double> acc = default;
        for (int k = 0; k < r; k++)
        {
            acc += Widen(x[src + k]);
            y[dst + k] = Narrow<T>(acc);
        }
    }

    private static void Rows4<T>(T[] x, int src, int r, T[] y, int dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector128<double> a0 = default, a1 = default, a2 = default, a3 = default;
        ref T xs = ref x.AsSpan(src, Interleave * r)[0];
        ref T ys = ref y.AsSpan(dst, Interleave * r)[0];
        for (nint k = 0; k < r; k++)
        {
            a0 += Widen(Unsafe.Add(ref xs, k));
            a1 += Widen(Unsafe.Add(ref xs, r + k));
            a2 += Widen(Unsafe.Add(ref xs, 2 * r + k));
            a3 += Widen(Unsafe.Add(ref xs, 3 * r + k));
            Unsafe.Add(ref ys, k) = Narrow<T>(a0);
            Unsafe.Add(ref ys, r + k) = Narrow<T>(a1);
            Unsafe.Add(ref ys, 2 * r + k) = Narrow<T>(a2);
            Unsafe.Add(ref ys, 3 * r + k) = Narrow<T>(a3);
        }
    }

    // The running sums live in lane 0 of vectors, and floats are widened and narrowed by vector conversions: the scalar
    // ones merge into their destination register, which the JIT shared between all four rows, chaining them into one
    // dependency (1.5 ns an element).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Widen<T>(T v) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? Vector128.WidenLower(Vector128.CreateScalar(Unsafe.As<T, float>(ref v))) : Vector128.CreateScalar(Unsafe.As<T, double>(ref v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Narrow<T>(Vector128<double> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = Vector128.Narrow(v, v).ToScalar();
            return Unsafe.As<float, T>(ref f);
        }
        double d = v.ToScalar();
        return Unsafe.As<double, T>(ref d);
    }
}
