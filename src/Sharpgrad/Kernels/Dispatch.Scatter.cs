using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>scatter / scatter_reduce into the contiguous <paramref name="y"/>: src's values, or <paramref name="value"/> when src is null.</summary>
    public static void Scatter(StridedArray y, long[] index, int indexOffset, int[] shape, int dim, StridedArray? src, double value, ScatterMode mode, bool includeSelf, string op)
    {
        int[] strides = src?.Strides ?? [];
        int offset = src?.Offset ?? 0;
        switch (y.DType)
        {
            case DType.Float32: ScatterKernels.Scatter(y.Data<float>(), y.Shape, index, indexOffset, shape, dim, src?.Data<float>(), strides, offset, (float)value, mode, includeSelf); break;
            case DType.Float64: ScatterKernels.Scatter(y.Data<double>(), y.Shape, index, indexOffset, shape, dim, src?.Data<double>(), strides, offset, value, mode, includeSelf); break;
            case DType.Int64: ScatterKernels.Scatter(y.Data<long>(), y.Shape, index, indexOffset, shape, dim, src?.Data<long>(), strides, offset, (long)value, mode, includeSelf); break;
            case DType.Int32: ScatterKernels.Scatter(y.Data<int>(), y.Shape, index, indexOffset, shape, dim, src?.Data<int>(), strides, offset, unchecked((int)(long)value), mode, includeSelf); break;
            case DType.UInt8: ScatterKernels.Scatter(y.Data<byte>(), y.Shape, index, indexOffset, shape, dim, src?.Data<byte>(), strides, offset, unchecked((byte)(long)value), mode, includeSelf); break;
            case DType.Int8: ScatterKernels.Scatter(y.Data<sbyte>(), y.Shape, index, indexOffset, shape, dim, src?.Data<sbyte>(), strides, offset, unchecked((sbyte)(long)value), mode, includeSelf); break;
            case DType.Int16: ScatterKernels.Scatter(y.Data<short>(), y.Shape, index, indexOffset, shape, dim, src?.Data<short>(), strides, offset, unchecked((short)(long)value), mode, includeSelf); break;
            default: throw Errors.UnsupportedDType(op, y.DType);
        }
    }

    /// <summary>index_copy / index_fill / index_put into the contiguous [outer, size, inner] <paramref name="y"/>.</summary>
    public static void IndexWrite(StridedArray y, int outer, int size, int inner, long[] index, StridedArray? src, double value, bool accumulate, string op)
    {
        int offset = src?.Offset ?? 0;
        switch (y.DType)
        {
            case DType.Float32: ScatterKernels.IndexWrite(y.Data<float>(), outer, size, inner, index, src?.Data<float>(), offset, (float)value, accumulate); break;
            case DType.Float64: ScatterKernels.IndexWrite(y.Data<double>(), outer, size, inner, index, src?.Data<double>(), offset, value, accumulate); break;
            case DType.Int64: ScatterKernels.IndexWrite(y.Data<long>(), outer, size, inner, index, src?.Data<long>(), offset, (long)value, accumulate); break;
            case DType.Int32: ScatterKernels.IndexWrite(y.Data<int>(), outer, size, inner, index, src?.Data<int>(), offset, unchecked((int)(long)value), accumulate); break;
            case DType.UInt8: ScatterKernels.IndexWrite(y.Data<byte>(), outer, size, inner, index, src?.Data<byte>(), offset, unchecked((byte)(long)value), accumulate); break;
            case DType.Int8: ScatterKernels.IndexWrite(y.Data<sbyte>(), outer, size, inner, index, src?.Data<sbyte>(), offset, unchecked((sbyte)(long)value), accumulate); break;
            case DType.Int16: ScatterKernels.IndexWrite(y.Data<short>(), outer, size, inner, index, src?.Data<short>(), offset, unchecked((short)(long)value), accumulate); break;
            default: throw Errors.UnsupportedDType(op, y.DType);
        }
    }
}
