using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// sin, cos and tan of whole tensors in the order ATen's vml loop takes them, strided ones included: their reduction is
/// chosen per vector, so which elements share a vector is part of the result.
/// </summary>
internal static partial class SleefTrig
{
    private static readonly VmlKernel<float> SinSpan32 = Sin, CosSpan32 = Cos, TanSpan32 = Tan;
    private static readonly VmlKernel<double> SinSpan64 = Sin, CosSpan64 = Cos, TanSpan64 = Tan;

    /// <summary>y = sin, cos or tan of x for Float32 and Float64, or false for any other op or dtype.</summary>
    public static bool TryMap(UnaryKind kind, StridedArray x, StridedArray y)
    {
        if (x.DType == DType.Float32)
        {
            var f = kind switch { UnaryKind.Sin => SinSpan32, UnaryKind.Cos => CosSpan32, UnaryKind.Tan => TanSpan32, _ => null };
            if (f is null) return false;
            AtenVml.Map(x, y, f);
            return true;
        }
        if (x.DType == DType.Float64)
        {
            var d = kind switch { UnaryKind.Sin => SinSpan64, UnaryKind.Cos => CosSpan64, UnaryKind.Tan => TanSpan64, _ => null };
            if (d is null) return false;
            AtenVml.Map(x, y, d);
            return true;
        }
        return false;
    }
}
