using System.Numerics;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Float32/Float64 tensor ** tensor (and number ** tensor, which PyTorch turns into a 0-dim base) bit for bit as
/// PyTorch 2.6's pow_tensor_tensor_kernel computes it: a cpu_kernel_vec loop over TensorIterator's walk
/// (<see cref="AtenIteration"/>). Along each run of the innermost dim, when every operand is contiguous there or one
/// input is a single broadcast element, whole pairs of 64-byte vectors go through SLEEF's pow and the rest through the
/// C library's powf/pow; any other layout goes through the C library throughout.
/// </summary>
internal static class PowTensorKernel
{
    /// <summary>
    /// y = a ** b, a and b of y's dtype and broadcastable to y's shape. y may be a itself (pow_); an output ATen is given
    /// rather than allocating (<paramref name="outputGiven"/>, or one that is also an input) orders the walk by its strides.
    /// </summary>
    public static void Run<T>(StridedArray a, StridedArray b, StridedArray y, bool outputGiven = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool given = outputGiven || ReferenceEquals(y.Buffer, a.Buffer) || ReferenceEquals(y.Buffer, b.Buffer);
        if (typeof(T) == typeof(float)) Run<float, SleefPow.TensorF>(a, b, y, given);
        else Run<double, SleefPow.TensorD>(a, b, y, given);
    }

    private static void Run<T, TKernel>(StridedArray a, StridedArray b, StridedArray y, bool given) where T : unmanaged where TKernel : ISleefKernel2<T>
    {
        int n = y.Numel;
        if (n == 0) return;
        var it = AtenIteration.Create(y.Shape, a.Shape, a.Strides, b.Shape, b.Strides, given ? y.Strides : null);
        bool direct = given || (y.IsContiguous && Shapes.Layout.IsContiguous(y.Shape, it.OutputStrides));
        var target = direct ? y.Data<T>() : new T[n];
        var (sy, sa, sb) = it.InnerStrides;
        var rows = new Rows<T, TKernel>
        {
            Y = target, A = a.Data<T>(), B = b.Data<T>(),
            Y0 = direct ? y.Offset : 0, A0 = a.Offset, B0 = b.Offset,
            Sy = sy, Sa = sa, Sb = sb,
        };
        IntraOp.ForAtenPieces(n, (start, end) =>
        {
            var piece = rows;
            it.Walk(ref piece, start, end);
        });
        // ATen's output is laid out in its walk's order; ours is contiguous, so that one is copied over
        if (!direct) Dispatch.Copy(new StridedArray(target, y.DType, y.Shape, it.OutputStrides, 0), y);
    }

    /// <summary>One vectorized_loop call (or basic_loop, when ATen cannot vectorize the layout) per run.</summary>
    private struct Rows<T, TKernel> : IAtenRowKernel where T : unmanaged where TKernel : ISleefKernel2<T>
    {
        public T[] Y, A, B;
        public int Y0, A0, B0, Sy, Sa, Sb;

        public readonly void Row(int y, int a, int b, int count)
        {
            y += Y0;
            a += A0;
            b += B0;
            if (Sy == 1 && Sa == 1 && Sb == 1)
                SleefSplit.Map<T, TKernel>(A.AsSpan(a, count), B.AsSpan(b, count), Y.AsSpan(y, count), SleefSplit.VectorPart<T>(count));
            else if (Sy == 1 && Sa == 0 && Sb == 1)
                SleefSplit.Map<T, TKernel>(A[a], B.AsSpan(b, count), Y.AsSpan(y, count), SleefSplit.VectorPart<T>(count));
            else if (Sy == 1 && Sa == 1 && Sb == 0)
                SleefSplit.Map<T, TKernel>(A.AsSpan(a, count), B[b], Y.AsSpan(y, count), SleefSplit.VectorPart<T>(count));
            else
                for (int i = 0; i < count; i++) Y[y + i * Sy] = TKernel.Scalar(A[a + i * Sa], B[b + i * Sb]);
        }
    }
}
