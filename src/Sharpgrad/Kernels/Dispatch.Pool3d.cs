using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>max_pool3d over <paramref name="planes"/> contiguous volumes (floating or integer): maxima and their in-volume indices.</summary>
    public static void MaxPool3d(StridedArray x, int planes, in Pool3dGeometry g, StridedArray y, StridedArray indices)
    {
        switch (x.DType)
        {
            case DType.Float32: MaxPool3dTyped<float>(x, planes, g, y, indices); break;
            case DType.Float64: MaxPool3dTyped<double>(x, planes, g, y, indices); break;
            case DType.Int64: MaxPool3dTyped<long>(x, planes, g, y, indices); break;
            case DType.Int32: MaxPool3dTyped<int>(x, planes, g, y, indices); break;
            case DType.Int16: MaxPool3dTyped<short>(x, planes, g, y, indices); break;
            case DType.Int8: MaxPool3dTyped<sbyte>(x, planes, g, y, indices); break;
            case DType.UInt8: MaxPool3dTyped<byte>(x, planes, g, y, indices); break;
            default: throw Errors.UnsupportedDType("max_pool3d", x.DType);
        }
    }

    private static void MaxPool3dTyped<T>(StridedArray x, int planes, in Pool3dGeometry g, StridedArray y, StridedArray indices) where T : unmanaged, System.Numerics.INumber<T> =>
        Pool3dKernels.MaxPool3d(x.Data<T>(), x.Offset, planes, g, y.Data<T>(), indices.Data<long>());

    /// <summary>avg_pool3d (or, with <paramref name="adjoint"/>, avg_pool3d_backward into a zeroed output) over contiguous volumes.</summary>
    public static void AvgPool3d(StridedArray a, int planes, in Pool3dGeometry g, bool countIncludePad, int divisorOverride, StridedArray b, bool adjoint)
    {
        if (a.DType == DType.Float32) Pool3dKernels.AvgPool3d(a.Data<float>(), a.Offset, planes, g, countIncludePad, divisorOverride, b.Data<float>(), adjoint);
        else Pool3dKernels.AvgPool3d(a.Data<double>(), a.Offset, planes, g, countIncludePad, divisorOverride, b.Data<double>(), adjoint);
    }
}
