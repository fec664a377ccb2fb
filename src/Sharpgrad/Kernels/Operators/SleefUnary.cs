using System.Numerics;
using System.Runtime.InteropServices;
using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// The unary ops whose PyTorch CPU kernels run SLEEF (or the C library as glibc 2.41 computes it), for Float32 and
/// Float64: one element (a strided element, as ATen's loops take it) and a contiguous run. Other element types keep the
/// generic math.
/// </summary>
internal static class SleefUnary
{
    private delegate void SpanFunction<T>(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>One element of <paramref name="kind"/>, or false when it is not one of these ops (or not float/double).</summary>
    public static bool TryInvoke<T>(UnaryKind kind, T x, out T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        y = x;
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double)) return false;
        switch (kind)
        {
            case UnaryKind.Atan: y = One(x, SleefAtan.Atan, SleefAtan.Atan); return true;
            case UnaryKind.Tan: y = One(x, SleefTrig.Tan, SleefTrig.Tan); return true;
            case UnaryKind.Sinh: y = One(x, SleefHyperbolic.Sinh, SleefHyperbolic.Sinh); return true;
            case UnaryKind.Cosh: y = One(x, SleefHyperbolic.Cosh, SleefHyperbolic.Cosh); return true;
            case UnaryKind.Asinh: y = One(x, SleefHyperbolic.Asinh, SleefHyperbolic.Asinh); return true;
            case UnaryKind.Log2: y = One(x, SleefExp2Log.Log2, SleefExp2Log.Log2); return true;
            case UnaryKind.Log10: y = One(x, SleefExp2Log.Log10, SleefExp2Log.Log10); return true;
            case UnaryKind.Exp2: y = One(x, SleefExp2Log.Exp2, SleefExp2Log.Exp2); return true;
            default: return false;
        }
    }

    /// <summary>y = op(x) over a contiguous run, or false when <paramref name="kind"/> is not one of these ops.</summary>
    public static bool TryInvoke<T>(UnaryKind kind, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double)) return false;
        switch (kind)
        {
            case UnaryKind.Atan: Run(x, y, SleefAtan.Atan, SleefAtan.Atan); return true;
            case UnaryKind.Tan: Run(x, y, SleefTrig.Tan, SleefTrig.Tan); return true;
            case UnaryKind.Sinh: Run(x, y, SleefHyperbolic.Sinh, SleefHyperbolic.Sinh); return true;
            case UnaryKind.Cosh: Run(x, y, SleefHyperbolic.Cosh, SleefHyperbolic.Cosh); return true;
            case UnaryKind.Log2: Run(x, y, SleefExp2Log.Log2, SleefExp2Log.Log2); return true;
            case UnaryKind.Log10: Run(x, y, SleefExp2Log.Log10, SleefExp2Log.Log10); return true;
            case UnaryKind.Exp2: Run(x, y, SleefExp2Log.Exp2, SleefExp2Log.Exp2); return true;
            default: return false;
        }
    }

    private static readonly SplitKernel<float> Exp2Rows32 = SleefExp2Log.Exp2, SinhRows32 = SleefHyperbolic.Sinh, CoshRows32 = SleefHyperbolic.Cosh, SigmoidRows32 = SleefExp.Sigmoid;
    private static readonly SplitKernel<double> Exp2Rows64 = SleefExp2Log.Exp2, SinhRows64 = SleefHyperbolic.Sinh, CoshRows64 = SleefHyperbolic.Cosh, SigmoidRows64 = SleefExp.Sigmoid;

    /// <summary>
    /// y = op(x) over whole tensors for the cpu_kernel_vec ops among these (exp2, sinh, cosh) and sigmoid, whose SLEEF and C library
    /// forms round differently, in ATen's rows (a transposed input walked in memory order and vectorized, as PyTorch's
    /// is); false for any other op or dtype.
    /// </summary>
    public static bool TryMap(UnaryKind kind, StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32)
        {
            var f = kind switch { UnaryKind.Exp2 => Exp2Rows32, UnaryKind.Sinh => SinhRows32, UnaryKind.Cosh => CoshRows32, UnaryKind.Sigmoid => SigmoidRows32, _ => null };
            if (f is null) return false;
            AtenVecLoop.Map(x, y, f);
            return true;
        }
        if (x.DType == DType.Float64)
        {
            var d = kind switch { UnaryKind.Exp2 => Exp2Rows64, UnaryKind.Sinh => SinhRows64, UnaryKind.Cosh => CoshRows64, UnaryKind.Sigmoid => SigmoidRows64, _ => null };
            if (d is null) return false;
            AtenVecLoop.Map(x, y, d);
            return true;
        }
        return false;
    }

    private static T One<T>(T x, Func<float, float> f, Func<double, double> d) where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(f(float.CreateTruncating(x))) : T.CreateTruncating(d(double.CreateTruncating(x)));

    private static void Run<T>(ReadOnlySpan<T> x, Span<T> y, SpanFunction<float> f, SpanFunction<double> d) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) f(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        else d(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
    }
}
