using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>max_pool3d over <paramref name="planes"/> contiguous volumes: maxima and their in-volume indices.</summary>
    public static void MaxPool3d(StridedArray x, int planes, in Pool3dGeometry g, StridedArray y, StridedArray indices)
    {
        if (x.DType == DType.Float32) Pool3dKernels.MaxPool3d(x.Data<float>(), x.Offset, planes, g, y.Data<float>(), indices.Data<long>());
        else Pool3dKernels.MaxPool3d(x.Data<double>(), x.Offset, planes, g, y.Data<double>(), indices.Data<long>());
    }

    /// <summary>avg_pool3d (or, with <paramref name="adjoint"/>, avg_pool3d_backward into a zeroed output) over contiguous volumes.</summary>
    public static void AvgPool3d(StridedArray a, int planes, in Pool3dGeometry g, bool countIncludePad, int divisorOverride, StridedArray b, bool adjoint)
    {
        if (a.DType == DType.Float32) Pool3dKernels.AvgPool3d(a.Data<float>(), a.Offset, planes, g, countIncludePad, divisorOverride, b.Data<float>(), adjoint);
        else Pool3dKernels.AvgPool3d(a.Data<double>(), a.Offset, planes, g, countIncludePad, divisorOverride, b.Data<double>(), adjoint);
    }
}
