using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    public static void IndexSelect(StridedArray x, int outer, int size, int inner, long[] index, int indexOffset, int count, StridedArray y)
    {
        switch (x.DType)
        {
            case DType.Float32: Indexing.IndexSelect(x.Data<float>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<float>()); break;
            case DType.Float64: Indexing.IndexSelect(x.Data<double>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<double>()); break;
            case DType.Int64: Indexing.IndexSelect(x.Data<long>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<long>()); break;
            case DType.Int32: Indexing.IndexSelect(x.Data<int>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<int>()); break;
            case DType.UInt8: Indexing.IndexSelect(x.Data<byte>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<byte>()); break;
            case DType.Int8: Indexing.IndexSelect(x.Data<sbyte>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<sbyte>()); break;
            case DType.Int16: Indexing.IndexSelect(x.Data<short>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<short>()); break;
            default: Indexing.IndexSelect(x.Data<bool>(), x.Offset, outer, size, inner, index, indexOffset, count, y.Data<bool>()); break;
        }
    }

    public static void IndexAdd(StridedArray src, int outer, int count, int inner, long[] index, int indexOffset, StridedArray y, int size)
    {
        switch (y.DType)
        {
            case DType.Float32: Indexing.IndexAdd(src.Data<float>(), outer, count, inner, index, indexOffset, y.Data<float>(), size); break;
            case DType.Float64: Indexing.IndexAdd(src.Data<double>(), outer, count, inner, index, indexOffset, y.Data<double>(), size); break;
            case DType.Int64: Indexing.IndexAdd(src.Data<long>(), outer, count, inner, index, indexOffset, y.Data<long>(), size); break;
            case DType.Int32: Indexing.IndexAdd(src.Data<int>(), outer, count, inner, index, indexOffset, y.Data<int>(), size); break;
            case DType.UInt8: Indexing.IndexAdd(src.Data<byte>(), outer, count, inner, index, indexOffset, y.Data<byte>(), size); break;
            case DType.Int8: Indexing.IndexAdd(src.Data<sbyte>(), outer, count, inner, index, indexOffset, y.Data<sbyte>(), size); break;
            case DType.Int16: Indexing.IndexAdd(src.Data<short>(), outer, count, inner, index, indexOffset, y.Data<short>(), size); break;
            default: throw Errors.UnsupportedDType("index_add", y.DType);
        }
    }

    public static void Gather(StridedArray x, long[] index, int indexOffset, int[] shape, int dim, StridedArray y)
    {
        switch (x.DType)
        {
            case DType.Float32: GatherScatter.Gather(x.Data<float>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<float>()); break;
            case DType.Float64: GatherScatter.Gather(x.Data<double>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<double>()); break;
            case DType.Int64: GatherScatter.Gather(x.Data<long>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<long>()); break;
            case DType.Int32: GatherScatter.Gather(x.Data<int>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<int>()); break;
            case DType.UInt8: GatherScatter.Gather(x.Data<byte>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<byte>()); break;
            case DType.Int8: GatherScatter.Gather(x.Data<sbyte>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<sbyte>()); break;
            case DType.Int16: GatherScatter.Gather(x.Data<short>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<short>()); break;
            default: GatherScatter.Gather(x.Data<bool>(), x.Offset, x.Strides, x.Shape, index, indexOffset, shape, dim, y.Data<bool>()); break;
        }
    }
}
