using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// var and std in double as ATen's CPU kernels compute them, so results agree with PyTorch bit for bit: over every
/// element, Σ(x − mean)² with the float mean and one fused multiply-add per term (std_var_all_cpu, its range split
/// between threads above 32768 elements); over some dims, Welford's update per output (WelfordOps, unfused).
/// </summary>
internal static class VarianceKernels
{
    /// <summary>The corrected variance (or its square root) of all <paramref name="n"/> elements from <paramref name="offset"/>.</summary>
    public static double All<T>(T[] x, int offset, int n, double mean, double correction, bool sqrt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum;
        if (n <= IntraOp.AtenGrain || IntraOp.Threads == 1) sum = SquaredDeviations(x, offset, n, mean);
        else
        {
            // at::parallel_reduce: one partial per thread, added in thread order to the identity
            var partials = new double[IntraOp.Threads];
            IntraOp.ForAtenPieces(n, (t, start, end) => partials[t] = SquaredDeviations(x, offset + start, end - start, mean));
            sum = 0;
            foreach (double p in partials) sum += p;
        }
        double variance = sum / Math.Max(0.0, n - correction);
        return sqrt ? Math.Sqrt(variance) : variance;
    }

    private static double SquaredDeviations<T>(T[] x, int offset, int n, double mean) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double d = double.CreateTruncating(x[offset + i]) - mean;
            s = Math.FusedMultiplyAdd(d, d, s);
        }
        return 0.0 + s;
    }

    /// <summary>Per row of <paramref name="n"/> contiguous elements: Welford's mean and M2 in double, then M2 / max(0, n − correction).</summary>
    public static void Rows<T>(T[] x, int offset, int rows, int n, double correction, bool sqrt, T[] y) where T : unmanaged, IFloatingPointIeee754<T> =>
        IntraOp.For(rows, Math.Max(1, IntraOp.ElementwiseGrain / Math.Max(1, n)), (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                double mean = 0, m2 = 0;
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = double.CreateTruncating(x[offset + r * n + i]);
                    count++;
                    double delta = v - mean;
                    mean += delta / count;
                    m2 += delta * (v - mean);
                }
                double divisor = count > correction ? count - correction : 0;
                double variance = m2 / divisor;
                y[r] = T.CreateTruncating(sqrt ? Math.Sqrt(variance) : variance);
            }
        });
}
