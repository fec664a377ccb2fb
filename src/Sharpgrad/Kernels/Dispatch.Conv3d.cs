using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>
    /// vol2col (a contiguous [n, c, D, H, W] into [c·KD·KH·KW, n·OutD·OutH·OutW] columns) or, with
    /// <paramref name="adjoint"/>, col2vol (contiguous columns added back into a zeroed volume); floating or integer.
    /// </summary>
    public static void Vol2Col(StridedArray vol, int n, int c, in Pool3dGeometry g, StridedArray cols, bool adjoint)
    {
        switch (vol.DType)
        {
            case DType.Float32: Vol2ColTyped<float>(vol, n, c, g, cols, adjoint); break;
            case DType.Float64: Vol2ColTyped<double>(vol, n, c, g, cols, adjoint); break;
            case DType.Int64: Vol2ColTyped<long>(vol, n, c, g, cols, adjoint); break;
            case DType.Int32: Vol2ColTyped<int>(vol, n, c, g, cols, adjoint); break;
            case DType.Int16: Vol2ColTyped<short>(vol, n, c, g, cols, adjoint); break;
            case DType.Int8: Vol2ColTyped<sbyte>(vol, n, c, g, cols, adjoint); break;
            case DType.UInt8: Vol2ColTyped<byte>(vol, n, c, g, cols, adjoint); break;
            default: throw Errors.UnsupportedDType("compute_columns3d", vol.DType);
        }
    }

    private static void Vol2ColTyped<T>(StridedArray vol, int n, int c, in Pool3dGeometry g, StridedArray cols, bool adjoint) where T : unmanaged, System.Numerics.INumber<T> =>
        Conv3dKernels.Vol2Col(vol.Data<T>(), vol.Offset, n, c, g, cols.Data<T>(), cols.Offset, adjoint);
}
