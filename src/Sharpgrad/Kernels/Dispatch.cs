using System.Numerics;
using Sharpgrad.Kernels.Cpu;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels;

/// <summary>
/// The backend seam: one switch from (device, dtype, primitive) to a specialized kernel.
/// A GPU backend adds an arm here; nothing above this layer changes.
/// </summary>
internal static partial class Dispatch
{
    // ---- unary ----
    public static void Unary(UnaryKind kind, StridedArray x, StridedArray y)
    {
        if (SleefTrig.TryMap(kind, x, y) || SleefUnary.TryMap(kind, x, y)) return;
        switch (x.DType)
        {
            case DType.Float32: RunUnary<float, float, FloatUnaryOperator<float>>(new(kind), x, y); break;
            case DType.Float64: RunUnary<double, double, FloatUnaryOperator<double>>(new(kind), x, y); break;
            case DType.Int64: RunUnary<long, long, IntegerUnaryOperator<long>>(new(kind), x, y); break;
            case DType.Int32: RunUnary<int, int, IntegerUnaryOperator<int>>(new(kind), x, y); break;
            case DType.UInt8: RunUnary<byte, byte, IntegerUnaryOperator<byte>>(new(kind), x, y); break;
            case DType.Int8: RunUnary<sbyte, sbyte, IntegerUnaryOperator<sbyte>>(new(kind), x, y); break;
            case DType.Int16: RunUnary<short, short, IntegerUnaryOperator<short>>(new(kind), x, y); break;
            default: throw Errors.UnsupportedDType(kind.ToString().ToLowerInvariant(), x.DType);
        }
    }

    public static void Clamp(StridedArray x, StridedArray y, double? min, double? max)
    {
        switch (x.DType)
        {
            case DType.Float32: RunUnary<float, float, ClampOperator<float>>(new((float)(min ?? 0), (float)(max ?? 0), min.HasValue, max.HasValue), x, y); break;
            case DType.Float64: RunUnary<double, double, ClampOperator<double>>(new(min ?? 0, max ?? 0, min.HasValue, max.HasValue), x, y); break;
            case DType.Int64: RunUnary<long, long, ClampOperator<long>>(new((long)Math.Ceiling(min ?? 0), (long)Math.Floor(max ?? 0), min.HasValue, max.HasValue), x, y); break;
            case DType.Int32: ClampNarrow<int>(x, y, min, max); break;
            case DType.Int16: ClampNarrow<short>(x, y, min, max); break;
            case DType.Int8: ClampNarrow<sbyte>(x, y, min, max); break;
            case DType.UInt8: ClampNarrow<byte>(x, y, min, max); break;
            default: throw Errors.UnsupportedDType("clamp", x.DType);
        }
    }

    // The bounds of a narrow integer tensor are integral numbers the caller checked against the dtype's range (c10's
    // checked conversion); they wrap into it as that conversion does (-10 on uint8 is 246).
    private static void ClampNarrow<T>(StridedArray x, StridedArray y, double? min, double? max) where T : unmanaged, IBinaryInteger<T> =>
        RunUnary<T, T, ClampOperator<T>>(new(T.CreateTruncating((long)(min ?? 0)), T.CreateTruncating((long)(max ?? 0)), min.HasValue, max.HasValue), x, y);

    /// <summary>dst = src, converting dtype and honoring both geometries (src broadcast to dst's shape).</summary>
    public static void Copy(StridedArray src, StridedArray dst)
    {
        src = src.BroadcastTo(dst.Shape);
        if (src.DType == dst.DType && TransposeCopy.Applies(src, dst))
        {
            switch (src.DType)
            {
                case DType.Float32: TransposeCopy.Run<float>(src, dst); return;
                case DType.Float64: TransposeCopy.Run<double>(src, dst); return;
                case DType.Int64: TransposeCopy.Run<long>(src, dst); return;
                case DType.Int32: TransposeCopy.Run<int>(src, dst); return;
            }
        }
        if (src.DType == dst.DType)
        {
            switch (src.DType)
            {
                case DType.Float32: RunUnary<float, float, CopyOperator<float>>(default, src, dst); return;
                case DType.Float64: RunUnary<double, double, CopyOperator<double>>(default, src, dst); return;
                case DType.Int64: RunUnary<long, long, CopyOperator<long>>(default, src, dst); return;
                case DType.Int32: RunUnary<int, int, CopyOperator<int>>(default, src, dst); return;
                case DType.UInt8: RunUnary<byte, byte, CopyOperator<byte>>(default, src, dst); return;
                case DType.Int8: RunUnary<sbyte, sbyte, CopyOperator<sbyte>>(default, src, dst); return;
                case DType.Int16: RunUnary<short, short, CopyOperator<short>>(default, src, dst); return;
                default: RunUnary<bool, bool, CopyOperator<bool>>(default, src, dst); return;
            }
        }
        switch (src.DType)
        {
            case DType.Float32: CastFrom<float>(src, dst); break;
            case DType.Float64: CastFrom<double>(src, dst); break;
            case DType.Int64: CastFrom<long>(src, dst); break;
            case DType.Int32: CastFrom<int>(src, dst); break;
            case DType.UInt8: CastFrom<byte>(src, dst); break;
            case DType.Int8: CastFrom<sbyte>(src, dst); break;
            case DType.Int16: CastFrom<short>(src, dst); break;
            default: CastFrom<bool>(src, dst); break;
        }
    }

    private static void CastFrom<TIn>(StridedArray src, StridedArray dst) where TIn : unmanaged
    {
        switch (dst.DType)
        {
            case DType.Float32: RunUnary<TIn, float, CastOperator<TIn, float>>(default, src, dst); break;
            case DType.Float64: RunUnary<TIn, double, CastOperator<TIn, double>>(default, src, dst); break;
            case DType.Int64: RunUnary<TIn, long, CastOperator<TIn, long>>(default, src, dst); break;
            case DType.Int32: RunUnary<TIn, int, CastOperator<TIn, int>>(default, src, dst); break;
            case DType.UInt8: RunUnary<TIn, byte, CastOperator<TIn, byte>>(default, src, dst); break;
            case DType.Int8: RunUnary<TIn, sbyte, CastOperator<TIn, sbyte>>(default, src, dst); break;
            case DType.Int16: RunUnary<TIn, short, CastOperator<TIn, short>>(default, src, dst); break;
            default: RunUnary<TIn, bool, CastOperator<TIn, bool>>(default, src, dst); break;
        }
    }

    private static void RunUnary<T, TOut, TOp>(TOp op, StridedArray x, StridedArray y) where TOp : struct, IUnaryOperator<T, TOut>
    {
        var xs = x.Data<T>();
        var ys = y.Data<TOut>();
        int n = y.Numel;
        if (n == 0) return;
        if (n < IntraOp.ElementwiseGrain && x.IsContiguous && y.IsContiguous)
        {
            Elementwise.UnaryRun(op, xs, x.Offset, 1, ys, y.Offset, 1, n);
            return;
        }
        var g = LoopGeometry.Create(y.Shape, y.Strides, y.Offset, x.Strides, x.Offset, default, 0, 2);
        Elementwise.Unary(op, g, xs, ys);
    }

    // ---- fill ----
    public static void Fill(StridedArray y, double value)
    {
        switch (y.DType)
        {
            case DType.Float32: FillTyped(y, (float)value); break;
            case DType.Float64: FillTyped(y, value); break;
            case DType.Int64: FillTyped(y, (long)value); break;
            case DType.Int32: FillTyped(y, unchecked((int)(long)value)); break;
            case DType.UInt8: FillTyped(y, unchecked((byte)(long)value)); break;
            case DType.Int8: FillTyped(y, unchecked((sbyte)(long)value)); break;
            case DType.Int16: FillTyped(y, unchecked((short)(long)value)); break;
            default: FillTyped(y, value != 0); break;
        }
    }

    private static void FillTyped<T>(StridedArray y, T value)
    {
        var data = y.Data<T>();
        int n = y.Numel;
        if (n == 0) return;
        if (y.IsContiguous)
        {
            data.AsSpan(y.Offset, n).Fill(value);
            return;
        }
        var g = LoopGeometry.Create(y.Shape, y.Strides, y.Offset, default, 0, default, 0, 1);
        int r = g.Rank - 1, inner = g.Inner, s = g.Strides[0][r];
        for (int row = 0; row < g.OuterCount; row++)
        {
            g.RowOffsets(row, out int p, out _, out _);
            for (int i = 0; i < inner; i++) data[p + i * s] = value;
        }
    }
}

internal static partial class Dispatch
{
    /// <summary>
    /// Integer matrix products (PyTorch's CPU mm takes int32 and int64 too) with wrapping arithmetic, through the
    /// generic unpacked kernel: no blocked micro-kernel, since integer GEMM is rare and not a hot path.
    /// </summary>
    private static unsafe void IntegerGemm<T>(bool transA, bool transB, int m, int n, int k, double alpha, StridedArray a, int lda, StridedArray b, int ldb, double beta,
        StridedArray c, int ldc, StridedArray? rowBias) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        T beta0 = T.CreateTruncating((long)beta);
        fixed (T* pa = &a.Data<T>()[a.Offset], pb = &b.Data<T>()[b.Offset], pc = &c.Data<T>()[c.Offset])
        {
            if (rowBias is { } bias)
            {
                fixed (T* pbias = &bias.Data<T>()[bias.Offset]) Cpu.GemmSmall.FillRows(m, n, pbias, pc, ldc);
                beta0 = T.One;
            }
            Cpu.GemmSmall.Direct(transA, transB, m, n, k, T.CreateTruncating((long)alpha), pa, lda, pb, ldb, beta0, pc, ldc);
        }
    }

    /// <summary>
    /// C = alpha * op(A) * op(B) + beta * C over row-major buffers starting at each array's offset;
    /// with a contiguous <paramref name="rowBias"/> of n values (beta 0), C = alpha * op(A) * op(B) + bias per row.
    /// </summary>
    public static void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, StridedArray a, int lda, StridedArray b, int ldb, double beta, StridedArray c, int ldc, StridedArray? rowBias = null)
    {
        switch (c.DType)
        {
            case DType.Float32:
                Cpu.Gemm.Sgemm(transA, transB, m, n, k, (float)alpha, a.Data<float>().AsSpan(a.Offset), lda, b.Data<float>().AsSpan(b.Offset), ldb, (float)beta, c.Data<float>().AsSpan(c.Offset), ldc,
                    rowBias is { } bf ? bf.Data<float>().AsSpan(bf.Offset, n) : default);
                break;
            case DType.Float64:
                Cpu.Gemm.Dgemm(transA, transB, m, n, k, alpha, a.Data<double>().AsSpan(a.Offset), lda, b.Data<double>().AsSpan(b.Offset), ldb, beta, c.Data<double>().AsSpan(c.Offset), ldc,
                    rowBias is { } bd ? bd.Data<double>().AsSpan(bd.Offset, n) : default);
                break;
            case DType.Int64: IntegerGemm<long>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias); break;
            case DType.Int32: IntegerGemm<int>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias); break;
            case DType.Int16: IntegerGemm<short>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias); break;
            case DType.Int8: IntegerGemm<sbyte>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias); break;
            case DType.UInt8: IntegerGemm<byte>(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias); break;
            default:
                throw Errors.UnsupportedDType("addmm_impl_cpu_", c.DType);
        }
    }
}
