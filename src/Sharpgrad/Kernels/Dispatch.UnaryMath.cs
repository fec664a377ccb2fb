using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels;

// Element-wise functions with a parameter or a Bool result (logit, polygamma, nan_to_num, isnan, ...); floating inputs only.
internal static partial class Dispatch
{
    public static void Classify(FloatClass kind, StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) RunUnary<float, bool, ClassifyOperator<float>>(new(kind), x, y);
        else RunUnary<double, bool, ClassifyOperator<double>>(new(kind), x, y);
    }

    public static void Logit(StridedArray x, StridedArray y, double? eps)
    {
        double lo = eps ?? 0;
        if (x.DType == DType.Float32) RunUnary<float, float, LogitOperator<float>>(new((float)lo, 1f - (float)lo, eps.HasValue), x, y);
        else RunUnary<double, double, LogitOperator<double>>(new(lo, 1 - lo, eps.HasValue), x, y);
    }

    public static void Polygamma(int n, StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32) RunUnary<float, float, PolygammaOperator<float>>(new(n), x, y);
        else RunUnary<double, double, PolygammaOperator<double>>(new(n), x, y);
    }

    /// <summary>Null replacements for ±∞ are the dtype's largest / lowest finite values.</summary>
    public static void NanToNum(StridedArray x, StridedArray y, double nan, double? posinf, double? neginf)
    {
        if (x.DType == DType.Float32)
            RunUnary<float, float, NanToNumOperator<float>>(new((float)nan, posinf is { } p ? (float)p : float.MaxValue, neginf is { } m ? (float)m : float.MinValue), x, y);
        else
            RunUnary<double, double, NanToNumOperator<double>>(new(nan, posinf ?? double.MaxValue, neginf ?? double.MinValue), x, y);
    }
}
