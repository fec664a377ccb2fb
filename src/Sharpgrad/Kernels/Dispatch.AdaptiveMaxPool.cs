using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>adaptive_max_pool2d over <paramref name="planes"/> contiguous [h, w] planes: maxima and their in-plane indices.</summary>
    public static void AdaptiveMaxPool2d(StridedArray x, int planes, int h, int w, int oh, int ow, StridedArray y, StridedArray indices)
    {
        if (x.DType == DType.Float32) AdaptiveMaxPoolKernels.AdaptiveMaxPool2d(x.Data<float>(), x.Offset, planes, h, w, oh, ow, y.Data<float>(), indices.Data<long>());
        else AdaptiveMaxPoolKernels.AdaptiveMaxPool2d(x.Data<double>(), x.Offset, planes, h, w, oh, ow, y.Data<double>(), indices.Data<long>());
    }
}
