using System.Numerics;
using System.Runtime.InteropServices;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// The unary ops whose PyTorch CPU kernels run SLEEF (or the C library as glibc 2.41 computes it), for Float32 and
/// Float64: one element (a strided element, as ATen's loops take it) and a contiguous run. Other element types keep the
/// generic math.
/// </summary>
internal static class SleefUnary
{
    /// <summary>One element of <paramref name="kind"/>, or false when it is not one of these ops (or not float/double).</summary>
    public static bool TryInvoke<T>(UnaryKind kind, T x, out T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = float.CreateTruncating(x), r;
            switch (kind)
            {
                case UnaryKind.Atan: r = SleefAtan.Atan(f); break;
                default: y = x; return false;
            }
            y = T.CreateTruncating(r);
            return true;
        }
        if (typeof(T) == typeof(double))
        {
            double d = double.CreateTruncating(x), r;
            switch (kind)
            {
                case UnaryKind.Atan: r = SleefAtan.Atan(d); break;
                default: y = x; return false;
            }
            y = T.CreateTruncating(r);
            return true;
        }
        y = x;
        return false;
    }

    /// <summary>y = op(x) over a contiguous run, or false when <paramref name="kind"/> is not one of these ops.</summary>
    public static bool TryInvoke<T>(UnaryKind kind, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var xs = MemoryMarshal.Cast<T, float>(x);
            var ys = MemoryMarshal.Cast<T, float>(y);
            switch (kind)
            {
                case UnaryKind.Atan: SleefAtan.Atan(xs, ys); return true;
                default: return false;
            }
        }
        if (typeof(T) == typeof(double))
        {
            var xs = MemoryMarshal.Cast<T, double>(x);
            var ys = MemoryMarshal.Cast<T, double>(y);
            switch (kind)
            {
                case UnaryKind.Atan: SleefAtan.Atan(xs, ys); return true;
                default: return false;
            }
        }
        return false;
    }
}
