using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// layer_norm's forward as ATen's CPU kernel computes it, so results agree with PyTorch bit for bit: each row's mean
/// and variance by Welford's method over 32-byte vectors (ATen runs its AVX2 kernel here even on AVX-512 machines) in chunks of 16 (ATen's RowwiseMoments), the chunks merged up
/// a binary stack and then lane by lane, then y = (x − mean)·rstd·γ + β with the last product and sum fused, as GCC
/// compiles the vectorized expressions.
/// </summary>
internal static class LayerNormKernels
{
    private const int ChunkSize = 16;

    /// <summary>
    /// Normalizes <paramref name="rows"/> rows of <paramref name="n"/> contiguous elements; <paramref name="gamma"/>
    /// and <paramref name="beta"/> (contiguous, n each) may be null.
    /// </summary>
    public static void Forward<T>(T[] x, int xOff, int rows, int n, T[]? gamma, int gOff, T[]? beta, int bOff, T eps, T[] y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int grain = Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, n));
        IntraOp.For(rows, grain, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                var row = new ReadOnlySpan<T>(x, xOff + r * n, n);
                var (m, variance) = RowwiseMoments(row);
                T inv = T.One / T.Sqrt(variance + eps);
                T bias = -m;
                var dst = new Span<T>(y, r * n, n);
                for (int j = 0; j < n; j++)
                {
                    T g = gamma is null ? T.One : gamma[gOff + j];
                    T b = beta is null ? T.Zero : beta[bOff + j];
                    dst[j] = T.FusedMultiplyAdd((row[j] + bias) * inv, g, b);
                }
            }
        });
    }

    /// <summary>ATen's RowwiseMoments: (mean, biased variance) of one row.</summary>
    internal static (T Mean, T Variance) RowwiseMoments<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count, total = x.Length;
        int vectors = total / width;
        int chunks = (vectors + ChunkSize - 1) / ChunkSize;
        int depth = chunks <= 2 ? 1 : BitOperations.Log2((uint)(chunks - 1)) + 1;
        Span<long> m0Stack = stackalloc long[depth];
        var m1Stack = new Vector256<T>[depth];
        var m2Stack = new Vector256<T>[depth];
        m0Stack.Clear();
        ref T xr = ref MemoryMarshal.GetReference(x);
        for (int i = 0; i < chunks; i++)
        {
            int count = Math.Min(ChunkSize, vectors - i * ChunkSize);
            var m1 = Vector256<T>.Zero;
            var m2 = Vector256<T>.Zero;
            for (int j = 0; j < count; j++)
            {
                var v = Vector256.LoadUnsafe(ref xr, (nuint)((i * ChunkSize + j) * width));
                var delta = v - m1;
                m1 = Fma(delta, Vector256.Create(T.One / T.CreateTruncating(j + 1)), m1);
                m2 = Fma(delta, v - m1, m2);
            }
            AddMoments(count, m1, m2, ref m0Stack[0], ref m1Stack[0], ref m2Stack[0]);
            int mask = i + 1;
            for (int j = 1; j < depth && (mask & 1) == 0; j++)
            {
                AddMoments(m0Stack[j - 1], m1Stack[j - 1], m2Stack[j - 1], ref m0Stack[j], ref m1Stack[j], ref m2Stack[j]);
                m0Stack[j - 1] = 0;
                m1Stack[j - 1] = Vector256<T>.Zero;
                m2Stack[j - 1] = Vector256<T>.Zero;
                mask >>= 1;
            }
        }
        for (int i = 1; i < depth; i++)
            AddMoments(m0Stack[i], m1Stack[i], m2Stack[i], ref m0Stack[0], ref m1Stack[0], ref m2Stack[0]);

        long n0 = 0;
        T mean = T.Zero, m2s = T.Zero;
        for (int i = vectors * width; i < total; i++)
        {
            T delta = x[i] - mean;
            n0++;
            mean += delta / T.CreateTruncating(n0);
            m2s = T.FusedMultiplyAdd(delta, x[i] - mean, m2s);
        }
        for (int lane = 0; lane < width; lane++)
            AddMoments(vectors, m1Stack[0].GetElement(lane), m2Stack[0].GetElement(lane), ref n0, ref mean, ref m2s);
        return (mean, m2s / T.CreateTruncating(total));
    }

    /// <summary>ATen's AddMoments: merges (count, mean, M2) into the running moments (its two products fused as GCC fuses them).</summary>
    private static void AddMoments<T>(long countAdd, T meanAdd, T m2Add, ref long count, ref T mean, ref T m2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = count + countAdd;
        T c = n == 0 ? T.Zero : T.CreateTruncating(countAdd) / T.CreateTruncating(n);
        T delta = meanAdd - mean;
        mean = T.FusedMultiplyAdd(c, delta, mean);
        m2 += T.FusedMultiplyAdd(delta * delta * c, T.CreateTruncating(count), m2Add);
        count = n;
    }

    private static void AddMoments<T>(long countAdd, Vector256<T> meanAdd, Vector256<T> m2Add, ref long count, ref Vector256<T> mean, ref Vector256<T> m2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long n = count + countAdd;
        T c = n == 0 ? T.Zero : T.CreateTruncating(countAdd) / T.CreateTruncating(n);
        var cv = Vector256.Create(c);
        var delta = meanAdd - mean;
        mean = Fma(cv, delta, mean);
        m2 += Fma(delta * delta * cv, Vector256.Create(T.CreateTruncating(count)), m2Add);
        count = n;
    }

    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
