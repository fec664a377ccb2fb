using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>grid_sampler_2d/3d over a contiguous input and grid of one floating dtype into <paramref name="y"/>.</summary>
    public static void GridSample(StridedArray x, StridedArray grid, in GridSampleGeometry g, StridedArray y)
    {
        if (x.DType == DType.Float32) GridSampleKernels.Forward(x.Data<float>(), x.Offset, grid.Data<float>(), grid.Offset, g, y.Data<float>());
        else GridSampleKernels.Forward(x.Data<double>(), x.Offset, grid.Data<double>(), grid.Offset, g, y.Data<double>());
    }

    /// <summary>grid_sampler_2d/3d_backward: grad_input into a zeroed <paramref name="gIn"/> when given, grad_grid into <paramref name="gGrid"/>.</summary>
    public static void GridSampleBackward(StridedArray gOut, StridedArray x, StridedArray grid, in GridSampleGeometry g, StridedArray? gIn, StridedArray gGrid)
    {
        if (x.DType == DType.Float32)
            GridSampleKernels.Backward(gOut.Data<float>(), gOut.Offset, x.Data<float>(), x.Offset, grid.Data<float>(), grid.Offset, g,
                gIn?.Data<float>(), gGrid.Data<float>());
        else
            GridSampleKernels.Backward(gOut.Data<double>(), gOut.Offset, x.Data<double>(), x.Offset, grid.Data<double>(), grid.Offset, g,
                gIn?.Data<double>(), gGrid.Data<double>());
    }
}
