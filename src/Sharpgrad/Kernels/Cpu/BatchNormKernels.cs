using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// batch_norm's forward and backward over a contiguous [N, C, L] input as ATen's CPU kernels compute them, so results
/// agree with PyTorch bit for bit. An input with L = 1 ([N, C]) takes ATen's channels-last kernels, which reduce over
/// the batch into one buffer per at::parallel_for piece and add the pieces in order (so those sums depend on the thread
/// count as PyTorch's do); L &gt; 1 reduces each channel in one pass. Sums run in double (ATen's acc_type), the
/// gradient's per-row sums over 32-byte vectors (its AVX2 kernel). Which products GCC fuses was settled against
/// PyTorch's results: y = x·α + β, β, and the channels-last buffers' products are fused; the running-statistics
/// updates, the per-channel double sums and the per-row dot products are not.
/// </summary>
internal static class BatchNormKernels
{
    /// <summary>
    /// Training statistics: each channel's mean and 1/√(biased var + eps) into <paramref name="saveMean"/> /
    /// <paramref name="saveInvstd"/>, and the running buffers (when given, contiguous) moved toward the batch's mean and
    /// unbiased variance by <paramref name="momentum"/>.
    /// </summary>
    public static void Statistics<T>(T[] x, int xOff, int nb, int c, int l, double eps, double momentum, T[] saveMean, T[] saveInvstd,
        T[]? runningMean, int rmOff, T[]? runningVar, int rvOff) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var varSum = new T[c];
        if (l == 1) RowStatistics(x, xOff, nb, c, saveMean, varSum);
        else
        {
            long count = (long)nb * l;
            IntraOp.For(c, (int)Math.Max(1, IntraOp.ElementwiseGrain / ((long)nb * l)), (s, e) =>
            {
                for (int ch = s; ch < e; ch++)
                {
                    double sum = 0;
                    for (int n = 0; n < nb; n++)
                    {
                        int b = xOff + (n * c + ch) * l;
                        for (int i = 0; i < l; i++) sum += double.CreateTruncating(x[b + i]);
                    }
                    T mean = T.CreateTruncating(sum / count);
                    saveMean[ch] = mean;
                    double squares = 0;
                    for (int n = 0; n < nb; n++)
                    {
                        int b = xOff + (n * c + ch) * l;
                        for (int i = 0; i < l; i++)
                        {
                            T d = x[b + i] - mean;
                            squares += double.CreateTruncating(d * d);
                        }
                    }
                    varSum[ch] = T.CreateTruncating(squares);
                }
            });
        }
        long total = (long)nb * l;
        T momentumT = T.CreateTruncating(momentum);
        for (int ch = 0; ch < c; ch++)
        {
            T variance = varSum[ch] / T.CreateTruncating(total);
            double v = double.CreateTruncating(variance);
            saveInvstd[ch] = v != 0 || eps != 0 ? T.CreateTruncating(1 / Math.Sqrt(v + eps)) : T.Zero;
            if (runningMean is not null)
            {
                T rm = runningMean[rmOff + ch];
                runningMean[rmOff + ch] = momentumT * saveMean[ch] + (T.One - momentumT) * rm;
            }
            if (runningVar is not null)
            {
                double unbiased = double.CreateTruncating(varSum[ch] / T.CreateTruncating(total - 1));
                double kept = double.CreateTruncating((T.One - momentumT) * runningVar[rvOff + ch]);
                double m = double.CreateTruncating(momentumT);
                runningVar[rvOff + ch] = T.CreateTruncating(m * unbiased + kept);
            }
        }
    }

    /// <summary>ATen's channels-last statistics: per-piece column sums of x, then of (x − mean)², each added up in double.</summary>
    private static void RowStatistics<T>(T[] x, int xOff, int nb, int c, T[] mean, T[] varSum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = IntraOp.Threads;
        var buffer = new T[threads * c];
        IntraOp.ForAtenPieces(nb, 1, (long)nb * c >= IntraOp.ElementwiseGrain, (piece, start, end) =>
        {
            var acc = new Span<T>(buffer, piece * c, c);
            for (int i = start; i < end; i++) TensorPrimitives.Add(acc, new ReadOnlySpan<T>(x, xOff + i * c, c), acc);
        });
        for (int j = 0; j < c; j++)
        {
            double sum = 0;
            for (int t = 0; t < threads; t++) sum += double.CreateTruncating(buffer[t * c + j]);
            mean[j] = T.CreateTruncating(sum / nb);
        }
        Array.Clear(buffer);
        IntraOp.ForAtenPieces(nb, 1, (long)nb * c >= IntraOp.ElementwiseGrain, (piece, start, end) =>
        {
            var acc = new Span<T>(buffer, piece * c, c);
            var centered = new T[c];
            for (int i = start; i < end; i++)
            {
                TensorPrimitives.Subtract(new ReadOnlySpan<T>(x, xOff + i * c, c), new ReadOnlySpan<T>(mean, 0, c), centered);
                TensorPrimitives.FusedMultiplyAdd(centered, centered, acc, acc);
            }
        });
        for (int j = 0; j < c; j++)
        {
            double sum = 0;
            for (int t = 0; t < threads; t++) sum += double.CreateTruncating(buffer[t * c + j]);
            varSum[j] = T.CreateTruncating(sum);
        }
    }

    /// <summary>
    /// y = x·α + β per channel, α = invstd·w and β = b − mean·α, with the training statistics or (eval) the running
    /// ones, whose invstd is 1/√(var + eps) in the input's precision.
    /// </summary>
    public static void Forward<T>(T[] x, int xOff, int nb, int c, int l, T[]? weight, int wOff, T[]? bias, int bOff, T[] mean, int mOff,
        T[]? invstd, T[]? runningVar, int rvOff, double eps, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var alpha = new T[c];
        var beta = new T[c];
        for (int ch = 0; ch < c; ch++)
        {
            T inv = invstd is not null ? invstd[ch] : T.One / T.Sqrt(runningVar![rvOff + ch] + T.CreateTruncating(eps));
            T w = weight is null ? T.One : weight[wOff + ch];
            T b = bias is null ? T.Zero : bias[bOff + ch];
            alpha[ch] = inv * w;
            beta[ch] = T.FusedMultiplyAdd(-mean[mOff + ch], alpha[ch], b);
        }
        if (l == 1)
        {
            IntraOp.For(nb, Math.Max(1, IntraOp.ElementwiseGrain / c), (s, e) =>
            {
                for (int n = s; n < e; n++)
                    TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<T>(x, xOff + n * c, c), alpha, beta, new Span<T>(y, n * c, c));
            });
            return;
        }
        IntraOp.For(nb * c, Math.Max(1, IntraOp.ElementwiseGrain / l), (s, e) =>
        {
            for (int row = s; row < e; row++)
            {
                int ch = row % c;
                var dst = new Span<T>(y, row * l, l);
                dst.Fill(beta[ch]);
                TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<T>(x, xOff + row * l, l), alpha[ch], dst, dst);
            }
        });
    }

    /// <summary>The eval-mode invstd the backward uses: 1/√(var + eps) in double, rounded once (ATen's backward kernels).</summary>
    public static void BackwardInvstd<T>(T[] runningVar, int rvOff, int c, double eps, T[] invstd) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int ch = 0; ch < c; ch++) invstd[ch] = T.CreateTruncating(1 / Math.Sqrt(double.CreateTruncating(runningVar[rvOff + ch]) + eps));
    }

    /// <summary>
    /// The input, weight and bias gradients (each output null when not wanted) from the statistics the forward used:
    /// in training dx = (dy − Σdy/N − (x − mean)·k)·invstd·w with k = Σ(x − mean)·dy·invstd²/N; in eval dy·invstd·w.
    /// </summary>
    public static void Backward<T>(T[] dy, int dyOff, T[] x, int xOff, int nb, int c, int l, T[] mean, T[] invstd, T[]? weight, int wOff,
        bool training, T[]? dx, T[]? dweight, T[]? dbias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long total = (long)nb * l;
        var sums = new double[c];
        var dots = new double[c];
        if (l == 1) RowGradientSums(dy, dyOff, x, xOff, nb, c, mean, sums, dots);
        else
        {
            IntraOp.For(c, (int)Math.Max(1, IntraOp.ElementwiseGrain / ((long)nb * l)), (s, e) =>
            {
                for (int ch = s; ch < e; ch++)
                {
                    double sum = 0, dot = 0;
                    for (int n = 0; n < nb; n++)
                    {
                        int b = (n * c + ch) * l;
                        var dyRow = new ReadOnlySpan<T>(dy, dyOff + b, l);
                        sum += double.CreateTruncating(VecReduce.SumAll(dyRow, 32));
                        dot += double.CreateTruncating(CenteredDot(new ReadOnlySpan<T>(x, xOff + b, l), dyRow, mean[ch]));
                    }
                    sums[ch] = sum;
                    dots[ch] = dot;
                }
            });
        }
        for (int ch = 0; ch < c; ch++)
        {
            if (dweight is not null) dweight[ch] = l == 1 ? T.CreateTruncating(dots[ch]) * invstd[ch] : T.CreateTruncating(dots[ch] * double.CreateTruncating(invstd[ch]));
            if (dbias is not null) dbias[ch] = T.CreateTruncating(sums[ch]);
        }
        if (dx is null) return;
        var k = new T[c];
        var gradMean = new T[c];
        var scale = new T[c];
        T count = T.CreateTruncating(total);
        // GCC fuses dx's product into its difference, except (found against PyTorch) in the channels-last kernel's
        // partial last vector of doubles
        int unfusedFrom = l == 1 && typeof(T) == typeof(double) ? c - c % Vector256<double>.Count : c;
        for (int ch = 0; ch < c; ch++)
        {
            T w = weight is null ? T.One : weight[wOff + ch];
            k[ch] = T.CreateTruncating(dots[ch]) * invstd[ch] * invstd[ch] / count;
            gradMean[ch] = l == 1 ? T.CreateTruncating(sums[ch]) / count : T.CreateTruncating(sums[ch] / total);
            scale[ch] = w;
        }
        // a row is one sample's channels ([N, C]: per-channel terms vary along it) or one (sample, channel) plane
        int rows = l == 1 ? nb : nb * c, length = l == 1 ? c : l;
        IntraOp.For(rows, Math.Max(1, IntraOp.ElementwiseGrain / length), (s, e) =>
        {
            var difference = new T[length];
            for (int row = s; row < e; row++)
            {
                var g = new ReadOnlySpan<T>(dy, dyOff + row * length, length);
                var xr = new ReadOnlySpan<T>(x, xOff + row * length, length);
                var dst = new Span<T>(dx, row * length, length);
                if (l == 1) RowGrad(g, xr, mean, k, gradMean, invstd, scale, training, unfusedFrom, difference, dst);
                else
                {
                    int ch = row % c;
                    if (training)
                    {
                        TensorPrimitives.Subtract(g, gradMean[ch], difference);
                        TensorPrimitives.Subtract(xr, mean[ch], dst);
                        TensorPrimitives.FusedMultiplyAdd(dst, -k[ch], difference, dst);
                        TensorPrimitives.Multiply(dst, invstd[ch], dst);
                    }
                    else TensorPrimitives.Multiply(g, invstd[ch], dst);
                    TensorPrimitives.Multiply(dst, scale[ch], dst);
                }
            }
        });
    }

    /// <summary>One sample's dx across the channels of an [N, C] input.</summary>
    private static void RowGrad<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> x, T[] mean, T[] k, T[] gradMean, T[] invstd, T[] scale, bool training, int unfusedFrom,
        Span<T> difference, Span<T> dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (training)
        {
            TensorPrimitives.Subtract(g, gradMean, difference);
            TensorPrimitives.Subtract(x, new ReadOnlySpan<T>(mean, 0, dst.Length), dst);
            for (int j = unfusedFrom; j < dst.Length; j++) dst[j] = difference[j] - dst[j] * k[j];
            var fused = dst[..unfusedFrom];
            TensorPrimitives.Negate(fused, fused);
            TensorPrimitives.FusedMultiplyAdd(fused, k.AsSpan(0, unfusedFrom), difference[..unfusedFrom], fused);
            TensorPrimitives.Multiply(dst, new ReadOnlySpan<T>(invstd, 0, dst.Length), dst);
        }
        else TensorPrimitives.Multiply(g, new ReadOnlySpan<T>(invstd, 0, dst.Length), dst);
        TensorPrimitives.Multiply(dst, scale, dst);
    }

    /// <summary>ATen's channels-last gradient sums: per-piece column sums of dy and of (x − mean)·dy, added up in double.</summary>
    private static void RowGradientSums<T>(T[] dy, int dyOff, T[] x, int xOff, int nb, int c, T[] mean, double[] sums, double[] dots)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = IntraOp.Threads;
        var sumBuffer = new T[threads * c];
        var dotBuffer = new T[threads * c];
        IntraOp.ForAtenPieces(nb, 1, (long)nb * c >= IntraOp.ElementwiseGrain, (piece, start, end) =>
        {
            var sumAcc = new Span<T>(sumBuffer, piece * c, c);
            var dotAcc = new Span<T>(dotBuffer, piece * c, c);
            var centered = new T[c];
            for (int i = start; i < end; i++)
            {
                var g = new ReadOnlySpan<T>(dy, dyOff + i * c, c);
                TensorPrimitives.Add(sumAcc, g, sumAcc);
                TensorPrimitives.Subtract(new ReadOnlySpan<T>(x, xOff + i * c, c), new ReadOnlySpan<T>(mean, 0, c), centered);
                TensorPrimitives.FusedMultiplyAdd(centered, g, dotAcc, dotAcc);
            }
        });
        for (int j = 0; j < c; j++)
        {
            double sum = 0, dot = 0;
            for (int t = 0; t < threads; t++)
            {
                sum += double.CreateTruncating(sumBuffer[t * c + j]);
                dot += double.CreateTruncating(dotBuffer[t * c + j]);
            }
            // ATen stores the totals back into its T buffers
            sums[j] = double.CreateTruncating(T.CreateTruncating(sum));
            dots[j] = double.CreateTruncating(T.CreateTruncating(dot));
        }
    }

    /// <summary>ATen's vec::map2_reduce_all((x − mean)·dy, +) over 32-byte vectors, the products not fused into the sum.</summary>
    private static T CenteredDot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, T mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, width = Vector256<T>.Count;
        if (n < width)
        {
            T s = (x[0] - mean) * dy[0];
            for (int i = 1; i < n; i++) s += (x[i] - mean) * dy[i];
            return s;
        }
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T dr = ref MemoryMarshal.GetReference(dy);
        var mv = Vector256.Create(mean);
        var acc = (Vector256.LoadUnsafe(ref xr) - mv) * Vector256.LoadUnsafe(ref dr);
        int k = width;
        for (; k < n - n % width; k += width) acc += (Vector256.LoadUnsafe(ref xr, (nuint)k) - mv) * Vector256.LoadUnsafe(ref dr, (nuint)k);
        Span<T> lanes = stackalloc T[width];
        acc.CopyTo(lanes);
        for (int i = 0; k + i < n; i++) lanes[i] += (x[k + i] - mean) * dy[k + i];
        return VecReduce.Fold(lanes);
    }
}
