using System.Globalization;
using System.Numerics;

namespace Sharpgrad.Ops;

/// <summary>bincount and histc: counts of values per bin.</summary>
internal static class CountingOps
{
    /// <summary>
    /// bincount: Int64 counts of each value of a 1-D non-negative Int64 input, or with weights the sum of the weights per
    /// value (Float32 weights sum in Float32, any other weights in Float64); max(input) + 1 bins, at least
    /// <paramref name="minlength"/>. Weights that require grad record PyTorch's NotImplemented node.
    /// </summary>
    public static Tensor Bincount(Tensor x, Tensor? weights, long minlength)
    {
        x.ThrowIfDisposed();
        weights?.ThrowIfDisposed();
        if (!x.DType.IsIntegral()) throw Errors.UnsupportedDType("bincount_cpu", x.DType);
        if (minlength < 0) throw new ArgumentException("minlength should be >= 0");
        if (x.Dim == 1 && x.Numel == 0) return Tensor.Zeros([checked((int)minlength)], DType.Int64);
        var input = x.Dim == 1 ? x.Contiguous().ToArray<long>() : [];
        long max = -1;
        foreach (long v in input)
        {
            if (v < 0) { max = -2; break; }
            max = Math.Max(max, v);
        }
        if (x.Dim != 1 || max < 0) throw new ArgumentException("bincount only supports 1-d non-negative integral inputs.");
        if (weights is not null && (weights.Dim != 1 || weights.Sizes[0] != x.Sizes[0]))
            throw new ArgumentException("weights should be 1-d and have the same length as input");
        int bins = checked((int)Math.Max(minlength, max + 1));
        if (weights is null)
        {
            var counts = new long[bins];
            foreach (long v in input) counts[v]++;
            return Tensor.FromArray(counts);
        }
        Tensor y;
        using (Autograd.NoGrad())
        {
            y = weights.DType == DType.Float32
                ? Tensor.FromArray(WeightedCounts(input, weights.Contiguous().ToArray<float>(), bins))
                : Tensor.FromArray(WeightedCounts(input, weights.To(DType.Float64).Contiguous().ToArray<double>(), bins));
        }
        if (Record.ShouldRecord(weights)) Record.SetHistory(y, Record.Connect(new NotImplementedBackward("aten::bincount"), weights));
        return y;
    }

    private static T[] WeightedCounts<T>(long[] input, T[] weights, int bins) where T : INumber<T>
    {
        var sums = new T[bins];
        Array.Fill(sums, T.Zero);
        for (int i = 0; i < input.Length; i++) sums[input[i]] += weights[i];
        return sums;
    }

    /// <summary>
    /// histc: counts of the elements in <paramref name="bins"/> equal-width bins over [min, max] (the last bin closed),
    /// in the input's dtype; min = max takes the data's extremes, widened by 1 each way when those are equal too;
    /// elements outside the range and NaN are not counted. Not recorded (PyTorch's result does not require grad).
    /// </summary>
    public static Tensor Histc(Tensor x, long bins, double min, double max)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("histogram_cpu", x.DType);
        if (bins <= 0) throw new ArgumentException($"torch.histogram(): bins must be > 0, but got {bins} for dimension 0");
        double lo = min, hi = max;
        bool fromData = false;
        if (lo == hi && x.Numel > 0)
        {
            using (Autograd.NoGrad())
            {
                var all = x.To(DType.Float64).Contiguous().ToArray<double>();
                lo = double.PositiveInfinity;
                hi = double.NegativeInfinity;
                foreach (double v in all)
                {
                    if (double.IsNaN(v)) { lo = hi = double.NaN; break; }
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            }
            fromData = true;
        }
        if (lo == hi)
        {
            lo -= 1;
            hi += 1;
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
            throw new ArgumentException($"torch.histc: range of [{Show(lo, fromData)}, {Show(hi, fromData)}] is not finite");
        if (!(lo < hi)) throw new ArgumentException("torch.histc: max must be larger than min");
        int n = checked((int)bins);
        using (Autograd.NoGrad())
        {
            if (x.DType == DType.Float32)
                return Tensor.FromArray(Histogram(x.Contiguous().ToArray<float>(), n, (float)lo, (float)hi));
            return Tensor.FromArray(Histogram(x.Contiguous().ToArray<double>(), n, lo, hi));
        }
    }

    /// <summary>PyTorch's linear-interpolation histogram kernel, in the input's own precision.</summary>
    private static T[] Histogram<T>(T[] data, int bins, T lo, T hi) where T : IFloatingPointIeee754<T>
    {
        var counts = new T[bins];
        Array.Fill(counts, T.Zero);
        T width = T.CreateChecked(bins);
        foreach (T v in data)
        {
            if (!(v >= lo && v <= hi)) continue;
            long pos = long.CreateTruncating((v - lo) * width / (hi - lo));
            if (pos == bins) pos--;
            counts[pos] += T.One;
        }
        return counts;
    }

    /// <summary>A bound as C++'s ostream prints it (6 significant digits; a NaN from the data prints as -nan on x86).</summary>
    private static string Show(double v, bool fromData) =>
        double.IsNaN(v) ? (fromData ? "-nan" : "nan")
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e");
}

/// <summary>A recorded op whose derivative PyTorch does not implement (torch::autograd::NotImplemented): backward throws.</summary>
internal sealed class NotImplementedBackward(string op) : Node
{
    public override string Name => "torch::autograd::NotImplemented";
    internal override Tensor?[] Apply(Tensor grad) => throw new InvalidOperationException($"derivative for {op} is not implemented");
}
