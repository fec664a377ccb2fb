using System.Numerics;
using static Sharpgrad.Kernels.Operators.SleefPair;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// sinh, cosh and asinh as PyTorch's CPU kernels compute them, bit for bit. sinh and cosh are cpu_kernel_vec loops:
/// whole pairs of 64-byte vectors through SLEEF's sinhf_u10/sinh_u10 and coshf_u10/cosh_u10 ((e ∓ 1/e)/2 with e =
/// exp(|x|) in double-word arithmetic, ∞ beyond 89 (floats) or 710 (doubles)), the elements left over and strided
/// inputs through the C library's. asinh has no vector form in ATen: the C library's everywhere. The C library is
/// PyTorch 2.6's glibc 2.41, whose sinhf, coshf and asinhf round correctly (the double function rounded once). The
/// algorithms follow SLEEF's published xsinhf/xsinh and xcoshf/xcosh (Boost Software License 1.0); no code is shared
/// with it.
/// </summary>
internal static class SleefHyperbolic
{
    public static void Sinh(ReadOnlySpan<float> x, Span<float> y) => SleefSplit.Map<float, SinhF>(x, y);
    public static void Sinh(ReadOnlySpan<double> x, Span<double> y) => SleefSplit.Map<double, SinhD>(x, y);
    public static void Cosh(ReadOnlySpan<float> x, Span<float> y) => SleefSplit.Map<float, CoshF>(x, y);
    public static void Cosh(ReadOnlySpan<double> x, Span<double> y) => SleefSplit.Map<double, CoshD>(x, y);

    /// <summary>The same over one row of ATen's loop: its first <paramref name="vectorPart"/> elements through SLEEF, the rest through the C library.</summary>
    public static void Sinh(ReadOnlySpan<float> x, Span<float> y, int vectorPart) => SleefSplit.Map<float, SinhF>(x, y, vectorPart);
    public static void Sinh(ReadOnlySpan<double> x, Span<double> y, int vectorPart) => SleefSplit.Map<double, SinhD>(x, y, vectorPart);
    public static void Cosh(ReadOnlySpan<float> x, Span<float> y, int vectorPart) => SleefSplit.Map<float, CoshF>(x, y, vectorPart);
    public static void Cosh(ReadOnlySpan<double> x, Span<double> y, int vectorPart) => SleefSplit.Map<double, CoshD>(x, y, vectorPart);

    /// <summary>The C library's functions, as ATen's scalar loop calls them.</summary>
    public static float Sinh(float x) => (float)Math.Sinh(x);
    public static double Sinh(double x) => Math.Sinh(x);
    public static float Cosh(float x) => (float)Math.Cosh(x);
    public static double Cosh(double x) => Math.Cosh(x);
    public static float Asinh(float x) => (float)Math.Asinh(x);
    public static double Asinh(double x) => Math.Asinh(x);

    private readonly struct SinhF : ISleefScalarKernel<float>
    {
        public static Vector<float> Invoke(Vector<float> x) => Hyperbolic(x, true);
        public static float Scalar(float x) => Sinh(x);
    }

    private readonly struct SinhD : ISleefScalarKernel<double>
    {
        public static Vector<double> Invoke(Vector<double> x) => Hyperbolic(x, true);
        public static double Scalar(double x) => Sinh(x);
    }

    private readonly struct CoshF : ISleefScalarKernel<float>
    {
        public static Vector<float> Invoke(Vector<float> x) => Hyperbolic(x, false);
        public static float Scalar(float x) => Cosh(x);
    }

    private readonly struct CoshD : ISleefScalarKernel<double>
    {
        public static Vector<double> Invoke(Vector<double> x) => Hyperbolic(x, false);
        public static double Scalar(double x) => Cosh(x);
    }

    /// <summary>sinh (odd) or cosh: (e ∓ 1/e)·0.5 with e = exp(|x|) as a double-float.</summary>
    private static Vector<float> Hyperbolic(Vector<float> x, bool sinh)
    {
        var a = Vector.Abs(x);
        var (dh, dl) = SleefTanh.ExpK2(a);
        var d = new SleefPair<float>(dh, dl);
        var e = Reciprocal(d);
        d = Add(d, sinh ? Negate(e) : e);
        var y = d.Sum * 0.5f;
        y = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<float>(89f)) | ~Vector.Equals(y, y), new Vector<float>(float.PositiveInfinity), y);
        if (sinh) y = MulSign(y, x);
        return y | ~Vector.Equals(x, x).As<int, float>();
    }

    private static Vector<double> Hyperbolic(Vector<double> x, bool sinh)
    {
        var a = Vector.Abs(x);
        var d = SleefExpm1.ExpK2(a);
        var e = Reciprocal(d);
        d = Add(d, sinh ? Negate(e) : e);
        var y = d.Sum * 0.5;
        y = Vector.ConditionalSelect(Vector.GreaterThan(a, new Vector<double>(710.0)) | ~Vector.Equals(y, y), new Vector<double>(double.PositiveInfinity), y);
        if (sinh) y = MulSign(y, x);
        return y | ~Vector.Equals(x, x).As<long, double>();
    }
}
