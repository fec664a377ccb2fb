using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>
    /// adaptive_max_pool2d/3d over <paramref name="planes"/> contiguous [d, h, w] volumes (d = od = 1 for 2-D): maxima
    /// and their flat in-volume indices.
    /// </summary>
    public static void AdaptiveMaxPool(StridedArray x, int planes, int d, int h, int w, int od, int oh, int ow, StridedArray y, StridedArray indices)
    {
        if (x.DType == DType.Float32) AdaptiveMaxPool3dKernels.AdaptiveMaxPool3d(x.Data<float>(), x.Offset, planes, d, h, w, od, oh, ow, y.Data<float>(), indices.Data<long>());
        else AdaptiveMaxPool3dKernels.AdaptiveMaxPool3d(x.Data<double>(), x.Offset, planes, d, h, w, od, oh, ow, y.Data<double>(), indices.Data<long>());
    }
}
