using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

/// <summary>Reduction primitives.</summary>
internal enum ReduceKind : byte { Sum, Prod, Max, Min, Any, All }

internal static partial class Dispatch
{
    /// <summary>
    /// Reduces a contiguous x viewed as [outer, r, inner] along r into y (contiguous [outer, inner]);
    /// for Max/Min also writes Int64 indices when <paramref name="indices"/> is given.
    /// </summary>
    public static void Reduce(ReduceKind kind, StridedArray x, int outer, int r, int inner, StridedArray y, StridedArray? indices = null)
    {
        long[]? idx = indices is { } ix ? ix.Data<long>() : null;
        switch (x.DType)
        {
            case DType.Float32: ReduceTyped(kind, x.Data<float>(), x.Offset, outer, r, inner, y.Data<float>(), idx); break;
            case DType.Float64: ReduceTyped(kind, x.Data<double>(), x.Offset, outer, r, inner, y.Data<double>(), idx); break;
            case DType.Int64: ReduceTyped(kind, x.Data<long>(), x.Offset, outer, r, inner, y.Data<long>(), idx); break;
            case DType.Int32: ReduceTyped(kind, x.Data<int>(), x.Offset, outer, r, inner, y.Data<int>(), idx); break;
            case DType.UInt8: ReduceTyped(kind, x.Data<byte>(), x.Offset, outer, r, inner, y.Data<byte>(), idx); break;
            case DType.Int8: ReduceTyped(kind, x.Data<sbyte>(), x.Offset, outer, r, inner, y.Data<sbyte>(), idx); break;
            case DType.Int16: ReduceTyped(kind, x.Data<short>(), x.Offset, outer, r, inner, y.Data<short>(), idx); break;
            default:
                if (kind is ReduceKind.Any or ReduceKind.All) Cpu.Reduce.BoolAny(x.Data<bool>(), x.Offset, outer, r, inner, kind == ReduceKind.All, y.Data<bool>());
                else throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), DType.Bool);
                break;
        }
    }

    private static void ReduceTyped<T>(ReduceKind kind, T[] x, int offset, int outer, int r, int inner, T[] y, long[]? idx) where T : unmanaged, System.Numerics.INumber<T>
    {
        switch (kind)
        {
            case ReduceKind.Sum: Cpu.Reduce.Sum(x, offset, outer, r, inner, y); break;
            case ReduceKind.Prod: Cpu.Reduce.Prod(x, offset, outer, r, inner, y); break;
            case ReduceKind.Max: Cpu.Reduce.ArgExtreme(x, offset, outer, r, inner, true, y, idx); break;
            case ReduceKind.Min: Cpu.Reduce.ArgExtreme(x, offset, outer, r, inner, false, y, idx); break;
            default: throw new NotSupportedException(kind.ToString());
        }
    }

    /// <summary>Indices of the max/min along r, without the values (argmax/argmin).</summary>
    public static void ArgReduce(bool max, StridedArray x, int outer, int r, int inner, StridedArray indices)
    {
        switch (x.DType)
        {
            case DType.Float32: Cpu.Reduce.ArgExtreme<float>(x.Data<float>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.Float64: Cpu.Reduce.ArgExtreme<double>(x.Data<double>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.Int64: Cpu.Reduce.ArgExtreme<long>(x.Data<long>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.Int32: Cpu.Reduce.ArgExtreme<int>(x.Data<int>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.UInt8: Cpu.Reduce.ArgExtreme<byte>(x.Data<byte>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.Int8: Cpu.Reduce.ArgExtreme<sbyte>(x.Data<sbyte>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            case DType.Int16: Cpu.Reduce.ArgExtreme<short>(x.Data<short>(), x.Offset, outer, r, inner, max, null, indices.Data<long>()); break;
            default: throw Errors.UnsupportedDType(max ? "argmax" : "argmin", x.DType);
        }
    }

    /// <summary>Running sums of a contiguous float or double x viewed as [outer, r, inner] along r into y (the same layout).</summary>
    public static void Cumsum(StridedArray x, int outer, int r, int inner, StridedArray y)
    {
        if (x.DType == DType.Float32) CumsumKernels.Run(x.Data<float>(), x.Offset, outer, r, inner, y.Data<float>());
        else CumsumKernels.Run(x.Data<double>(), x.Offset, outer, r, inner, y.Data<double>());
    }

    /// <summary>var/std of every element of a contiguous x, given its mean (PyTorch's std_var_all_cpu).</summary>
    public static double VarAll(StridedArray x, double mean, double correction, bool sqrt) =>
        x.DType == DType.Float32
            ? VarianceKernels.All(x.Data<float>(), x.Offset, x.Numel, mean, correction, sqrt)
            : VarianceKernels.All(x.Data<double>(), x.Offset, x.Numel, mean, correction, sqrt);

    /// <summary>var/std of each row of n contiguous elements into y (PyTorch's WelfordOps).</summary>
    public static void VarRows(StridedArray x, int rows, int n, double correction, bool sqrt, StridedArray y)
    {
        if (x.DType == DType.Float32) VarianceKernels.Rows(x.Data<float>(), x.Offset, rows, n, correction, sqrt, y.Data<float>());
        else VarianceKernels.Rows(x.Data<double>(), x.Offset, rows, n, correction, sqrt, y.Data<double>());
    }

    /// <summary>2-norms of rows of n contiguous elements into y (PyTorch's vectorized norm over the last dim).</summary>
    public static void TwoNormRows(StridedArray x, int rows, int n, StridedArray y)
    {
        if (x.DType == DType.Float32) NormKernels.TwoNormRows(x.Data<float>(), x.Offset, rows, n, y.Data<float>());
        else NormKernels.TwoNormRows(x.Data<double>(), x.Offset, rows, n, y.Data<double>());
    }
}
