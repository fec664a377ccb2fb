using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.mode: the most frequent value along a dim and the index PyTorch's CPU kernel reports (ModeBackward0).</summary>
internal static class ModeOps
{
    public static (Tensor Values, Tensor Indices) Mode(Tensor x, int dim, bool keepDim)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        dim = Layout.WrapDim(dim, x.Dim);
        int r = x.Dim == 0 ? 1 : x.Sizes[dim];
        var outShape = ReduceOps.OutShape(x.Sizes, dim, keepDim);
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= x.Sizes[d];
        for (int d = dim + 1; d < x.Dim; d++) inner *= x.Sizes[d];
        if (r == 0 && outer * inner > 0) throw new ArgumentOutOfRangeException(nameof(dim), $"mode(): Expected reduction dim {dim} to have non-zero size.");
        var work = x.DType == DType.Bool ? OpHelpers.CastRaw(x, DType.Int64) : x;
        var src = OpHelpers.ContiguousRaw(work);
        var values = Tensor.Empty(work.DType, outShape);
        var indices = Tensor.Empty(DType.Int64, outShape);
        if (r > 0)
        {
            var idx = indices.Elements<long>();
            switch (work.DType)
            {
                case DType.Float32: ModeKernel.Run(src.Elements<float>(), src.Offset, outer, r, inner, values.Elements<float>(), idx); break;
                case DType.Float64: ModeKernel.Run(src.Elements<double>(), src.Offset, outer, r, inner, values.Elements<double>(), idx); break;
                case DType.Int32: ModeKernel.Run(src.Elements<int>(), src.Offset, outer, r, inner, values.Elements<int>(), idx); break;
                case DType.UInt8: ModeKernel.Run(src.Elements<byte>(), src.Offset, outer, r, inner, values.Elements<byte>(), idx); break;
                case DType.Int8: ModeKernel.Run(src.Elements<sbyte>(), src.Offset, outer, r, inner, values.Elements<sbyte>(), idx); break;
                case DType.Int16: ModeKernel.Run(src.Elements<short>(), src.Offset, outer, r, inner, values.Elements<short>(), idx); break;
                default: ModeKernel.Run(src.Elements<long>(), src.Offset, outer, r, inner, values.Elements<long>(), idx); break;
            }
        }
        if (x.DType == DType.Bool) values = OpHelpers.CastRaw(values, DType.Bool);
        if (Record.ShouldRecord(x))
            Record.SetHistory(values, Record.Connect(new ExtremeDimBackward("ModeBackward0", x.Sizes, dim, keepDim, indices), x));
        return (values, indices);
    }
}
