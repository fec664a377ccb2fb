using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>
    /// vol2col (a contiguous [n, c, D, H, W] into [c·KD·KH·KW, n·OutD·OutH·OutW] columns) or, with
    /// <paramref name="adjoint"/>, col2vol (contiguous columns added back into a zeroed volume).
    /// </summary>
    public static void Vol2Col(StridedArray vol, int n, int c, in Pool3dGeometry g, StridedArray cols, bool adjoint)
    {
        if (vol.DType == DType.Float32) Conv3dKernels.Vol2Col(vol.Data<float>(), vol.Offset, n, c, g, cols.Data<float>(), cols.Offset, adjoint);
        else Conv3dKernels.Vol2Col(vol.Data<double>(), vol.Offset, n, c, g, cols.Data<double>(), cols.Offset, adjoint);
    }
}
