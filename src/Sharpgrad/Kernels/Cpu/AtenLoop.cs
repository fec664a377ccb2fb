using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// ATen's cpu_kernel_vec split for element-wise kernels whose vector and scalar forms round differently, one element
/// function at a time: within each of the iterator's rows (<see cref="AtenVecLoop"/>), whole pairs of 64-byte vectors
/// take the vector form and the elements left over the scalar one; a row ATen cannot vectorize (strided) takes the
/// scalar form throughout.
/// </summary>
internal static class AtenLoop
{
    /// <summary>
    /// y = f(x, vectorized) over a whole tensor in ATen's rows (<see cref="AtenVecLoop"/>): a transposed input is walked
    /// in memory order and vectorized as PyTorch's is, a broadcast one row by row, a strided one element by element.
    /// </summary>
    public static void Map<T>(StridedArray x, StridedArray y, Func<T, bool, T> f) where T : unmanaged =>
        AtenVecLoop.Map<T>(x, y, (xs, ys, vectorPart) =>
        {
            for (int i = 0; i < xs.Length; i++) ys[i] = f(xs[i], i < vectorPart);
        });

    /// <summary>
    /// y = f(a, b, vectorized) in ATen's rows, for a kernel of two inputs (a gradient and its input):
    /// <paramref name="aModel"/> and <paramref name="bModel"/> are their strides as PyTorch's iterator sees them.
    /// </summary>
    public static void Map<T>(StridedArray a, StridedArray b, StridedArray y, int[] aModel, int[] bModel, Func<T, T, bool, T> f) where T : unmanaged =>
        AtenVecLoop.Map<T>(a, b, y, aModel, bModel, (av, bv, yv, vectorPart) =>
        {
            for (int i = 0; i < yv.Length; i++) yv[i] = f(av[i], bv[i], i < vectorPart);
        });

    /// <summary>How many of a piece's <paramref name="count"/> elements take the vector form: its whole pairs of vectors.</summary>
    public static int VectorPart<T>(int count) where T : unmanaged => count / (2 * Vector512<T>.Count) * (2 * Vector512<T>.Count);
}

/// <summary>
/// The element functions behind ATen's two forms: SLEEF's (the vector form, same bits one element at a time) and the
/// C library's as PyTorch 2.6's glibc 2.41 computes them (its expf, tanhf and log1pf round correctly, so the float
/// result is the double function rounded once).
/// </summary>
internal static class AtenMath
{
    public static T Exp<T>(T v, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = float.CreateTruncating(v);
            return T.CreateTruncating(vectorized ? SleefExp.Exp(f) : MathF.Exp(f));
        }
        double d = double.CreateTruncating(v);
        return T.CreateTruncating(vectorized ? SleefExp.Exp(d) : Math.Exp(d));
    }

    /// <summary>exp in place: the first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Exp<T>(Span<T> v, int vectorPart) where T : unmanaged, IFloatingPointIeee754<T> => Exp(v, v, vectorPart);

    /// <summary>y = exp(x): the first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Exp<T>(ReadOnlySpan<T> x, Span<T> y, int vectorPart) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var xs = MemoryMarshal.Cast<T, float>(x);
            var ys = MemoryMarshal.Cast<T, float>(y);
            SleefExp.Exp(xs[..vectorPart], ys[..vectorPart]);
            for (int i = vectorPart; i < xs.Length; i++) ys[i] = MathF.Exp(xs[i]);
        }
        else
        {
            var xd = MemoryMarshal.Cast<T, double>(x);
            var yd = MemoryMarshal.Cast<T, double>(y);
            SleefExp.Exp(xd[..vectorPart], yd[..vectorPart]);
            for (int i = vectorPart; i < xd.Length; i++) yd[i] = Math.Exp(xd[i]);
        }
    }

    public static T Log1p<T>(T v, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = float.CreateTruncating(v);
            return T.CreateTruncating(vectorized ? SleefLog.Log1p(f) : (float)LibmMath.Log1p(f));
        }
        double d = double.CreateTruncating(v);
        return T.CreateTruncating(vectorized ? SleefLog.Log1p(d) : LibmMath.Log1p(d));
    }

    public static T Tanh<T>(T v, bool vectorized) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = float.CreateTruncating(v);
            return T.CreateTruncating(vectorized ? SleefTanh.Tanh(f) : (float)Math.Tanh(f));
        }
        double d = double.CreateTruncating(v);
        return T.CreateTruncating(vectorized ? SleefExpm1.Tanh(d) : Math.Tanh(d));
    }
}

/// <summary>softplus and elu as ATen's loops compute them, through <see cref="AtenLoop"/>'s vector/scalar split.</summary>
internal static class ActivationKernels
{
    /// <summary>β·x &gt; threshold ? x : log1p(exp(β·x)) / β, with β and the threshold in the tensor's dtype.</summary>
    public static void Softplus<T>(StridedArray x, StridedArray y, double beta, double threshold) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T b = T.CreateTruncating(beta), t = T.CreateTruncating(threshold);
        AtenLoop.Map<T>(x, y, (v, vectorized) =>
        {
            T bx = v * b;
            return bx > t ? v : AtenMath.Log1p(AtenMath.Exp(bx, vectorized), vectorized) / b;
        });
    }

    /// <summary>x &gt; 0 ? scale·x : (exp(inputScale·x) − 1)·(α·scale), the coefficients in the tensor's dtype.</summary>
    public static void Elu<T>(StridedArray x, StridedArray y, double alpha, double scale, double inputScale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T negCoef = T.CreateTruncating(alpha) * T.CreateTruncating(scale), posCoef = T.CreateTruncating(scale), negInputCoef = T.CreateTruncating(inputScale);
        AtenLoop.Map<T>(x, y, (v, vectorized) =>
            v > T.Zero ? v * posCoef : (AtenMath.Exp(v * negInputCoef, vectorized) - T.One) * negCoef);
    }
}
