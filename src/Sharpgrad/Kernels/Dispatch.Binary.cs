using System.Numerics;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels;

internal static partial class Dispatch
{
    /// <summary>y = a (op) b; a and b have y's dtype and broadcast to y's shape. alpha scales b for Add/Sub.</summary>
    public static void Binary(BinaryKind kind, StridedArray a, StridedArray b, StridedArray y, double alpha = 1)
    {
        switch (y.DType)
        {
            case DType.Float32: BinaryFloat<float>(kind, a, b, y, (float)alpha); break;
            case DType.Float64: BinaryFloat<double>(kind, a, b, y, alpha); break;
            case DType.Int64: BinaryInteger(kind, a, b, y, (long)alpha); break;
            case DType.Int32: BinaryInteger(kind, a, b, y, unchecked((int)(long)alpha)); break;
            case DType.UInt8: BinaryInteger(kind, a, b, y, unchecked((byte)(long)alpha)); break;
            case DType.Int8: BinaryInteger(kind, a, b, y, unchecked((sbyte)(long)alpha)); break;
            case DType.Int16: BinaryInteger(kind, a, b, y, unchecked((short)(long)alpha)); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    /// <summary>
    /// The per-op fast path: same dtype, same shape, contiguous, small. Skips geometry entirely, since
    /// for a 16x16 op the bookkeeping costs more than the arithmetic.
    /// </summary>
    public static void BinaryContiguous(BinaryKind kind, Array a, int pa, Array b, int pb, Array y, int n, DType dtype, double alpha)
    {
        if (dtype == DType.Float32) ContiguousFloat(kind, (float[])a, pa, (float[])b, pb, (float[])y, n, (float)alpha);
        else ContiguousFloat(kind, (double[])a, pa, (double[])b, pb, (double[])y, n, alpha);
    }

    private static void ContiguousFloat<T>(BinaryKind kind, T[] a, int pa, T[] b, int pb, T[] y, int n, T alpha) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case BinaryKind.Add when alpha == T.One: Elementwise.BinaryRun(default(AddOperator<T>), a, pa, 1, b, pb, 1, y, 0, 1, n); break;
            case BinaryKind.Sub when alpha == T.One: Elementwise.BinaryRun(default(SubOperator<T>), a, pa, 1, b, pb, 1, y, 0, 1, n); break;
            case BinaryKind.Mul: Elementwise.BinaryRun(default(MulOperator<T>), a, pa, 1, b, pb, 1, y, 0, 1, n); break;
            case BinaryKind.Div: Elementwise.BinaryRun(default(DivOperator<T>), a, pa, 1, b, pb, 1, y, 0, 1, n); break;
            default:
                var shape = new[] { n };
                var strides = new[] { 1 };
                BinaryFloat(kind, new StridedArray(a, DTypeExtensions.Of<T>(), shape, strides, pa, true),
                    new StridedArray(b, DTypeExtensions.Of<T>(), shape, strides, pb, true),
                    new StridedArray(y, DTypeExtensions.Of<T>(), shape, strides, 0, true), alpha);
                break;
        }
    }

    private static void BinaryFloat<T>(BinaryKind kind, StridedArray a, StridedArray b, StridedArray y, T alpha) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case BinaryKind.Add when alpha != T.One: RunBinary<T, T, AddScaledOperator<T>>(new(alpha), a, b, y); break;
            case BinaryKind.Sub when alpha != T.One: RunBinary<T, T, AddScaledOperator<T>>(new(-alpha), a, b, y); break;
            case BinaryKind.Add: RunBinary<T, T, AddOperator<T>>(default, a, b, y); break;
            case BinaryKind.Sub: RunBinary<T, T, SubOperator<T>>(default, a, b, y); break;
            case BinaryKind.Mul: RunBinary<T, T, MulOperator<T>>(default, a, b, y); break;
            case BinaryKind.Div: RunBinary<T, T, DivOperator<T>>(default, a, b, y); break;
            case BinaryKind.Pow: PowTensorKernel.Run(a, b, y); break;
            case BinaryKind.Maximum: RunBinary<T, T, MaximumOperator<T>>(default, a, b, y); break;
            case BinaryKind.Minimum: RunBinary<T, T, MinimumOperator<T>>(default, a, b, y); break;
            case BinaryKind.ThresholdBackward: RunBinary<T, T, ThresholdBackwardOperator<T>>(default, a, b, y); break;
        }
    }

    private static void BinaryInteger<T>(BinaryKind kind, StridedArray a, StridedArray b, StridedArray y, T alpha) where T : unmanaged, IBinaryInteger<T>
    {
        switch (kind)
        {
            case BinaryKind.Add when alpha != T.One: RunBinary<T, T, AddScaledOperator<T>>(new(alpha), a, b, y); break;
            case BinaryKind.Sub when alpha != T.One: RunBinary<T, T, AddScaledOperator<T>>(new(T.Zero - alpha), a, b, y); break;
            case BinaryKind.Add: RunBinary<T, T, AddOperator<T>>(default, a, b, y); break;
            case BinaryKind.Sub: RunBinary<T, T, SubOperator<T>>(default, a, b, y); break;
            case BinaryKind.Mul: RunBinary<T, T, MulOperator<T>>(default, a, b, y); break;
            case BinaryKind.Maximum: RunBinary<T, T, MaximumOperator<T>>(default, a, b, y); break;
            case BinaryKind.Minimum: RunBinary<T, T, MinimumOperator<T>>(default, a, b, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    /// <summary>y = a (op) scalar, or scalar (op) a when <paramref name="scalarFirst"/>.</summary>
    public static void BinaryScalar(BinaryKind kind, StridedArray a, double scalar, bool scalarFirst, StridedArray y)
    {
        switch (y.DType)
        {
            case DType.Float32 when kind == BinaryKind.Pow && !scalarFirst: RunScalar<float, float, PowScalarOperator<float>>(new(scalar), a, (float)scalar, false, y); break;
            case DType.Float64 when kind == BinaryKind.Pow && !scalarFirst: RunScalar<double, double, PowScalarOperator<double>>(new(scalar), a, scalar, false, y); break;
            // number ** tensor is PyTorch's pow with the number as a 0-dim base of the tensor's dtype
            case DType.Float32 when kind == BinaryKind.Pow: PowTensorKernel.Run(ZeroDim((float)scalar), a, y); break;
            case DType.Float64 when kind == BinaryKind.Pow: PowTensorKernel.Run(ZeroDim(scalar), a, y); break;
            case DType.Float32: BinaryScalarFloat(kind, a, (float)scalar, scalarFirst, y); break;
            case DType.Float64: BinaryScalarFloat(kind, a, scalar, scalarFirst, y); break;
            case DType.Int64: BinaryScalarInteger(kind, a, (long)scalar, scalarFirst, y); break;
            case DType.Int32: BinaryScalarInteger(kind, a, unchecked((int)(long)scalar), scalarFirst, y); break;
            case DType.UInt8: BinaryScalarInteger(kind, a, unchecked((byte)(long)scalar), scalarFirst, y); break;
            case DType.Int8: BinaryScalarInteger(kind, a, unchecked((sbyte)(long)scalar), scalarFirst, y); break;
            case DType.Int16: BinaryScalarInteger(kind, a, unchecked((short)(long)scalar), scalarFirst, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    private static StridedArray ZeroDim<T>(T value) where T : unmanaged => new(new[] { value }, DTypeExtensions.Of<T>(), [], [], 0, true);

    private static void BinaryScalarInteger<T>(BinaryKind kind, StridedArray a, T s, bool scalarFirst, StridedArray y) where T : unmanaged, IBinaryInteger<T>
    {
        switch (kind)
        {
            case BinaryKind.Add: RunScalar<T, T, AddOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Sub: RunScalar<T, T, SubOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Mul: RunScalar<T, T, MulOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Maximum: RunScalar<T, T, MaximumOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Minimum: RunScalar<T, T, MinimumOperator<T>>(default, a, s, scalarFirst, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    private static void BinaryScalarFloat<T>(BinaryKind kind, StridedArray a, T s, bool scalarFirst, StridedArray y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (kind)
        {
            case BinaryKind.Add: RunScalar<T, T, AddOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Sub: RunScalar<T, T, SubOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Mul: RunScalar<T, T, MulOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Div: RunScalar<T, T, DivOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Maximum: RunScalar<T, T, MaximumOperator<T>>(default, a, s, scalarFirst, y); break;
            case BinaryKind.Minimum: RunScalar<T, T, MinimumOperator<T>>(default, a, s, scalarFirst, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), y.DType);
        }
    }

    /// <summary>y (Bool) = a (cmp) b, with a and b of one dtype broadcast to y's shape.</summary>
    public static void Compare(Comparison cmp, StridedArray a, StridedArray b, StridedArray y)
    {
        switch (a.DType)
        {
            case DType.Float32: RunBinary<float, bool, CompareOperator<float>>(new(cmp), a, b, y); break;
            case DType.Float64: RunBinary<double, bool, CompareOperator<double>>(new(cmp), a, b, y); break;
            case DType.Int64: RunBinary<long, bool, CompareOperator<long>>(new(cmp), a, b, y); break;
            case DType.Int32: RunBinary<int, bool, CompareOperator<int>>(new(cmp), a, b, y); break;
            case DType.UInt8: RunBinary<byte, bool, CompareOperator<byte>>(new(cmp), a, b, y); break;
            case DType.Int8: RunBinary<sbyte, bool, CompareOperator<sbyte>>(new(cmp), a, b, y); break;
            case DType.Int16: RunBinary<short, bool, CompareOperator<short>>(new(cmp), a, b, y); break;
            default: RunBinary<bool, bool, BoolCompareOperator>(new(cmp), a, b, y); break;
        }
    }

    public static void CompareScalar(Comparison cmp, StridedArray a, double s, StridedArray y)
    {
        bool pythonInt = Shapes.TypePromotion.IsPythonInt(s);
        switch (a.DType)
        {
            case DType.Float32: RunScalar<float, bool, CompareOperator<float>>(new(cmp), a, (float)s, false, y); break;
            case DType.Float64: RunScalar<double, bool, CompareOperator<double>>(new(cmp), a, s, false, y); break;
            // A Python int is converted to the tensor's dtype first, as PyTorch's scalar conversion does: exactly for int64,
            // wrapping for the narrower ones (uint8: x < -1 is x < 255; int8: x < 200 is x < -56; int32: x < 2^40 is x < 0).
            case DType.Int64 when pythonInt: RunScalar<long, bool, CompareOperator<long>>(new(cmp), a, (long)s, false, y); break;
            case DType.Int32 when pythonInt: CompareWrapped<int>(cmp, a, s, y); break;
            case DType.Int16 when pythonInt: CompareWrapped<short>(cmp, a, s, y); break;
            case DType.Int8 when pythonInt: CompareWrapped<sbyte>(cmp, a, s, y); break;
            case DType.UInt8 when pythonInt: CompareWrapped<byte>(cmp, a, s, y); break;
            case DType.Int64 or DType.Int32 or DType.Int16 or DType.Int8 or DType.UInt8:
                // compare in double so that x < 2.5 means what it says on integers
                var tmp = new double[a.Numel];
                Copy(a, new StridedArray(tmp, DType.Float64, a.Shape, Shapes.Layout.ContiguousStrides(a.Shape), 0));
                RunScalar<double, bool, CompareOperator<double>>(new(cmp), new StridedArray(tmp, DType.Float64, a.Shape, Shapes.Layout.ContiguousStrides(a.Shape), 0), s, false, y);
                break;
            default: RunScalar<bool, bool, BoolCompareOperator>(new(cmp), a, s != 0, false, y); break;
        }
    }

    private static void CompareWrapped<T>(Comparison cmp, StridedArray a, double s, StridedArray y) where T : unmanaged, IBinaryInteger<T> =>
        RunScalar<T, bool, CompareOperator<T>>(new(cmp), a, T.CreateTruncating((long)s), false, y);

    public static void Logical(Logical kind, StridedArray a, StridedArray b, StridedArray y) =>
        RunBinary<bool, bool, LogicalOperator>(new(kind), a, b, y);

    private static void RunBinary<T, TOut, TOp>(TOp op, StridedArray a, StridedArray b, StridedArray y) where TOp : struct, IBinaryOperator<T, TOut>
    {
        int n = y.Numel;
        if (n == 0) return;
        var ad = a.Data<T>();
        var bd = b.Data<T>();
        var yd = y.Data<TOut>();
        if (n < IntraOp.ElementwiseGrain && y.Contiguous)
        {
            bool sameA = ReferenceEquals(a.Shape, y.Shape) || a.Shape.AsSpan().SequenceEqual(y.Shape);
            bool sameB = ReferenceEquals(b.Shape, y.Shape) || b.Shape.AsSpan().SequenceEqual(y.Shape);
            if (sameA && sameB && a.Contiguous && b.Contiguous)
            {
                Elementwise.BinaryRun(op, ad, a.Offset, 1, bd, b.Offset, 1, yd, y.Offset, 1, n);
                return;
            }
            if (sameA && a.IsContiguous && b.Numel == 1)
            {
                Elementwise.BinaryRun(op, ad, a.Offset, 1, bd, b.Offset, 0, yd, y.Offset, 1, n);
                return;
            }
        }
        var ab = a.BroadcastTo(y.Shape);
        var bb = b.BroadcastTo(y.Shape);
        var g = LoopGeometry.Create(y.Shape, y.Strides, y.Offset, ab.Strides, ab.Offset, bb.Strides, bb.Offset, 3);
        Elementwise.Binary(op, g, ad, bd, yd);
    }

    private static void RunScalar<T, TOut, TOp>(TOp op, StridedArray a, T s, bool scalarFirst, StridedArray y) where TOp : struct, IBinaryOperator<T, TOut>
    {
        int n = y.Numel;
        if (n == 0) return;
        var ab = a.BroadcastTo(y.Shape);
        var g = LoopGeometry.Create(y.Shape, y.Strides, y.Offset, ab.Strides, ab.Offset, default, 0, 2);
        Elementwise.BinaryScalar(op, g, a.Data<T>(), s, scalarFirst, y.Data<TOut>());
    }

    /// <summary>y = cond ? a : b, all broadcast to y's (contiguous) shape.</summary>
    public static void Where(StridedArray cond, StridedArray a, StridedArray b, StridedArray y)
    {
        var c = cond.BroadcastTo(y.Shape);
        var ab = a.BroadcastTo(y.Shape);
        var bb = b.BroadcastTo(y.Shape);
        switch (y.DType)
        {
            case DType.Float32: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<float>(), ab.Strides, ab.Offset, bb.Data<float>(), bb.Strides, bb.Offset, y.Data<float>()); break;
            case DType.Float64: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<double>(), ab.Strides, ab.Offset, bb.Data<double>(), bb.Strides, bb.Offset, y.Data<double>()); break;
            case DType.Int64: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<long>(), ab.Strides, ab.Offset, bb.Data<long>(), bb.Strides, bb.Offset, y.Data<long>()); break;
            case DType.Int32: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<int>(), ab.Strides, ab.Offset, bb.Data<int>(), bb.Strides, bb.Offset, y.Data<int>()); break;
            case DType.UInt8: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<byte>(), ab.Strides, ab.Offset, bb.Data<byte>(), bb.Strides, bb.Offset, y.Data<byte>()); break;
            case DType.Int8: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<sbyte>(), ab.Strides, ab.Offset, bb.Data<sbyte>(), bb.Strides, bb.Offset, y.Data<sbyte>()); break;
            case DType.Int16: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<short>(), ab.Strides, ab.Offset, bb.Data<short>(), bb.Strides, bb.Offset, y.Data<short>()); break;
            default: Elementwise.Where(y.Shape, c.Data<bool>(), c.Strides, c.Offset, ab.Data<bool>(), ab.Strides, ab.Offset, bb.Data<bool>(), bb.Strides, bb.Offset, y.Data<bool>()); break;
        }
    }
}
