using System.Numerics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels;

/// <summary>Binary element-wise math beyond the arithmetic of <see cref="BinaryKind"/>.</summary>
internal enum PointwiseBinaryKind : byte { Remainder, Fmod, FloorDivide, Fmin, Fmax, Hypot, Xlogy, CopySign, LogAddExp2 }

internal static partial class Dispatch
{
    /// <summary>y = kind(a, b); a and b have y's dtype (Float32, Float64 or Int64) and broadcast to y's shape.</summary>
    public static void PointwiseBinary(PointwiseBinaryKind kind, StridedArray a, StridedArray b, StridedArray y)
    {
        switch (y.DType)
        {
            case DType.Float32: PointwiseBinaryFloat<float>(kind, a, b, y); break;
            case DType.Float64: PointwiseBinaryFloat<double>(kind, a, b, y); break;
            default:
                switch (kind)
                {
                    case PointwiseBinaryKind.Remainder: RunBinary<long, long, RemainderOperator<long>>(default, a, b, y); break;
                    case PointwiseBinaryKind.Fmod: RunBinary<long, long, FmodOperator<long>>(default, a, b, y); break;
                    case PointwiseBinaryKind.FloorDivide: RunBinary<long, long, FloorDivideIntOperator>(default, a, b, y); break;
                    case PointwiseBinaryKind.Fmin: RunBinary<long, long, FminOperator<long>>(default, a, b, y); break;
                    case PointwiseBinaryKind.Fmax: RunBinary<long, long, FmaxOperator<long>>(default, a, b, y); break;
                    default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
                }
                break;
        }
    }

    private static void PointwiseBinaryFloat<T>(PointwiseBinaryKind kind, StridedArray a, StridedArray b, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case PointwiseBinaryKind.Remainder: RunBinary<T, T, RemainderOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmod: RunBinary<T, T, FmodOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.FloorDivide: RunBinary<T, T, FloorDivideOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmin: RunBinary<T, T, FminOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmax: RunBinary<T, T, FmaxOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Hypot: RunBinary<T, T, HypotOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Xlogy: RunBinary<T, T, XlogyOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.CopySign: RunBinary<T, T, CopySignOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.LogAddExp2: RunBinary<T, T, LogAddExp2Operator<T>>(default, a, b, y); break;
        }
    }
}
