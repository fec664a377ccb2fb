using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// torch.mode's CPU kernel: each slice's (value, index) pairs sorted by value with libstdc++'s std::sort (introsort,
/// then insertion sort), then the longest run of equal values wins (the first such run, so the smallest value), reported
/// with the index of the run's last pair. NaN never equals itself, so each NaN is a run of one.
/// </summary>
internal static class ModeKernel
{
    /// <summary>x is contiguous [outer, r, inner]; writes the mode and its index per (outer, inner).</summary>
    public static void Run<T>(T[] x, int offset, int outer, int r, int inner, T[] values, long[] indices) where T : unmanaged, INumber<T>
    {
        var vals = new T[r];
        var idx = new long[r];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < r; k++)
                {
                    vals[k] = x[offset + (o * r + k) * inner + i];
                    idx[k] = k;
                }
                StdSort<T, PlainLess<T>>.Sort(vals, idx, 0, r);
                T mode = T.Zero;
                long modeIndex = 0;
                int freq = 0, maxFreq = 0;
                for (int k = 0; k < r; k++)
                {
                    freq++;
                    if (k == r - 1 || vals[k] != vals[k + 1])
                    {
                        if (freq > maxFreq)
                        {
                            mode = vals[k];
                            modeIndex = idx[k];
                            maxFreq = freq;
                        }
                        freq = 0;
                    }
                }
                values[o * inner + i] = mode;
                indices[o * inner + i] = modeIndex;
            }
    }
}
