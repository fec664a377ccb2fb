using System.Numerics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels;

/// <summary>Binary element-wise math beyond the arithmetic of <see cref="BinaryKind"/>.</summary>
internal enum PointwiseBinaryKind : byte { Remainder, Fmod, FloorDivide, TruncDivide, Fmin, Fmax, Hypot, Xlogy, CopySign, LogAddExp2, Igamma, Igammac, Zeta }

internal static partial class Dispatch
{
    /// <summary>y = kind(a, b); a and b have y's dtype (Float32, Float64, Int64 or Int32) and broadcast to y's shape.</summary>
    public static void PointwiseBinary(PointwiseBinaryKind kind, StridedArray a, StridedArray b, StridedArray y)
    {
        switch (y.DType)
        {
            case DType.Float32: PointwiseBinaryFloat<float>(kind, a, b, y); break;
            case DType.Float64: PointwiseBinaryFloat<double>(kind, a, b, y); break;
            case DType.Int64: PointwiseBinaryInteger<long>(kind, a, b, y); break;
            case DType.Int32: PointwiseBinaryInteger<int>(kind, a, b, y); break;
            case DType.UInt8: PointwiseBinaryInteger<byte>(kind, a, b, y); break;
            case DType.Int8: PointwiseBinaryInteger<sbyte>(kind, a, b, y); break;
            case DType.Int16: PointwiseBinaryInteger<short>(kind, a, b, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    private static void PointwiseBinaryInteger<T>(PointwiseBinaryKind kind, StridedArray a, StridedArray b, StridedArray y) where T : unmanaged, IBinaryInteger<T>
    {
        switch (kind)
        {
            case PointwiseBinaryKind.Remainder: RunBinary<T, T, RemainderOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmod: RunBinary<T, T, FmodOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.FloorDivide: RunBinary<T, T, FloorDivideIntOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.TruncDivide: RunBinary<T, T, TruncDivideIntOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmin: RunBinary<T, T, FminOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmax: RunBinary<T, T, FmaxOperator<T>>(default, a, b, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    private static void PointwiseBinaryFloat<T>(PointwiseBinaryKind kind, StridedArray a, StridedArray b, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case PointwiseBinaryKind.Remainder: RunBinary<T, T, RemainderOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmod: RunBinary<T, T, FmodOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.FloorDivide: RunBinary<T, T, FloorDivideOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.TruncDivide: RunBinary<T, T, TruncDivideOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmin: RunBinary<T, T, FminOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Fmax: RunBinary<T, T, FmaxOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Hypot: RunBinary<T, T, HypotOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Xlogy: RunBinary<T, T, XlogyOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.CopySign: RunBinary<T, T, CopySignOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.LogAddExp2: RunBinary<T, T, LogAddExp2Operator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Igamma: RunBinary<T, T, IgammaOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Igammac: RunBinary<T, T, IgammacOperator<T>>(default, a, b, y); break;
            case PointwiseBinaryKind.Zeta: RunBinary<T, T, ZetaOperator<T>>(default, a, b, y); break;
        }
    }
}
