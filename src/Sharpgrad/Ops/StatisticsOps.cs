namespace Sharpgrad.Ops;

/// <summary>cov and corrcoef, composed as ATen composes them; aminmax.</summary>
internal static class StatisticsOps
{
    /// <summary>
    /// cov: rows are variables, columns observations; optional integer frequency weights and float observation weights;
    /// divided by (weight sum - correction), or by its reliability-weights form when both are given. A result of one
    /// variable is 0-dim.
    /// </summary>
    public static Tensor Cov(Tensor self, int correction, Tensor? fweights, Tensor? aweights)
    {
        self.ThrowIfDisposed();
        if (self.Dim > 2) throw new ArgumentException($"cov(): expected input to have two or fewer dimensions but got an input with {self.Dim} dimensions");
        if (self.DType == DType.Bool) throw new ArgumentException("cov(): bool dtype is not supported for input");
        var input = self.Dim < 2 ? self.View(1, -1) : self;
        int observations = input.Sizes[1];
        Tensor? w = null;
        if (fweights is not null)
        {
            CheckWeights(fweights, "fweights", observations, integral: true);
            w = fweights;
        }
        if (aweights is not null)
        {
            CheckWeights(aweights, "aweights", observations, integral: false);
            w = w is null ? aweights : w * aweights;
        }
        var wSum = w is null ? Tensor.Scalar(observations, DType.Int64) : w.Sum();
        if (w is not null)
        {
            bool zero;
            using (Autograd.NoGrad()) zero = wSum.Eq(0.0).Item<bool>();
            if (zero) throw new InvalidOperationException("cov(): weights sum to zero, can't be normalized");
        }
        var avg = (w is null ? input : input * w).Sum([1]) / wSum;
        Tensor normFactor = w is not null && correction != 0
            ? (aweights is null ? wSum - correction : wSum - correction * (w * aweights).Sum() / wSum)
            : wSum - correction;
        bool nonPositive;
        using (Autograd.NoGrad()) nonPositive = normFactor.Le(0.0).Item<bool>();
        // PyTorch warns ("degrees of freedom is <= 0") and divides by zero.
        if (nonPositive) using (Autograd.NoGrad()) normFactor = Tensor.ZerosLike(normFactor);
        var centered = input - avg.Unsqueeze(1);
        var c = centered.Mm((w is null ? centered : centered * w).T);
        return (c / normFactor).Squeeze();
    }

    private static void CheckWeights(Tensor weights, string name, int observations, bool integral)
    {
        weights.ThrowIfDisposed();
        if (weights.Dim > 1)
            throw new ArgumentException($"cov(): expected {name} to have one or fewer dimensions but got {name} with {weights.Dim} dimensions");
        if (integral ? !weights.DType.IsIntegral() : !weights.DType.IsFloatingPoint())
            throw new ArgumentException($"cov(): expected {name} to have {(integral ? "integral" : "floating point")} dtype but got {name} with {Errors.Pretty(weights.DType)} dtype");
        if (weights.Numel != observations)
            throw new ArgumentException($"cov(): expected {name} to have the same numel as there are observations in the input but got {weights.Numel} != {observations}");
        bool negative;
        using (Autograd.NoGrad()) negative = weights.Numel > 0 && weights.Min().To(DType.Float64).Item<double>() < 0;
        if (negative) throw new InvalidOperationException($"cov(): {name} cannot be negative");
    }

    /// <summary>corrcoef: cov divided by the outer product of the standard deviations, clipped to [-1, 1]; c / c for one variable.</summary>
    public static Tensor Corrcoef(Tensor self)
    {
        var c = Cov(self, 1, null, null);
        if (c.Dim == 0) return c / c;
        var stddev = c.Diagonal().Sqrt();
        c = c / stddev.View(-1, 1);
        c = c / stddev.View(1, -1);
        return c.Clamp(-1, 1);
    }

    /// <summary>aminmax: (amin, amax) over all elements or along one dim; PyTorch records no derivative for it.</summary>
    public static (Tensor Min, Tensor Max) Aminmax(Tensor self, int? dim, bool keepDim)
    {
        self.ThrowIfDisposed();
        if ((dim is null && self.Numel == 0) || (dim is int d && self.Dim > 0 && self.Sizes[Shapes.Layout.WrapDim(d, self.Dim)] == 0))
            throw new InvalidOperationException("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.");
        Tensor min, max;
        using (Autograd.NoGrad())
        {
            int[] dims = dim is int dd && self.Dim > 0 ? [dd] : [.. Enumerable.Range(0, self.Dim)];
            min = self.Dim == 0 ? self.Clone() : self.Amin(dims, dim is not null && keepDim);
            max = self.Dim == 0 ? self.Clone() : self.Amax(dims, dim is not null && keepDim);
        }
        if (Record.ShouldRecord(self))
        {
            Record.SetHistory(min, Record.Connect(new NotImplementedBackward("aten::aminmax"), self));
            Record.SetHistory(max, Record.Connect(new NotImplementedBackward("aten::aminmax"), self));
        }
        return (min, max);
    }

    /// <summary>
    /// histogram with <paramref name="bins"/> equal bins over <paramref name="range"/> (default: the data's extremes,
    /// widened by 0.5 each way when equal): ATen's histogramdd with linear interpolation and a local search against the
    /// edges, the last bin closed; optional weights; density divides by the total and the bin widths.
    /// </summary>
    public static (Tensor Hist, Tensor BinEdges) Histogram(Tensor self, int bins, (double Min, double Max)? range, Tensor? weight, bool density)
    {
        self.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("histogramdd", self.DType);
        if (bins <= 0) throw new ArgumentException($"torch.histogramdd(): bins must be > 0, but got {bins} for dimension 0");
        double lo, hi;
        if (range is { } r) (lo, hi) = r;
        else if (self.Numel == 0) (lo, hi) = (0, 0);
        else
        {
            using (Autograd.NoGrad())
            {
                lo = self.Min().To(DType.Float64).Item<double>();
                hi = self.Max().To(DType.Float64).Item<double>();
            }
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
            throw new ArgumentException($"torch.histogramdd(): dimension 0's range [{lo.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {hi.ToString(System.Globalization.CultureInfo.InvariantCulture)}] is not finite");
        if (lo > hi) throw new ArgumentException($"torch.histogramdd(): min should not exceed max, but got min {lo} max {hi} for dimension 0");
        if (lo == hi)
        {
            lo -= 0.5;
            hi += 0.5;
        }
        var edges = Tensor.Linspace(lo, hi, bins + 1, self.DType);
        return (Count(self, edges, weight, density, interpolate: true), edges);
    }

    /// <summary>histogram over explicit increasing <paramref name="binEdges"/> (binary search; the last bin closed).</summary>
    public static (Tensor Hist, Tensor BinEdges) Histogram(Tensor self, Tensor binEdges, Tensor? weight, bool density)
    {
        self.ThrowIfDisposed();
        binEdges.ThrowIfDisposed();
        if (!self.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("histogramdd", self.DType);
        if (binEdges.Dim != 1 || binEdges.Numel < 1)
            throw new ArgumentException($"torch.histogramdd(): bins tensor should have one dimension and at least 1 element, but got {binEdges.Dim} dimensions and {binEdges.Numel} elements");
        if (binEdges.DType != self.DType)
            throw new ArgumentException($"torch.histogramdd(): input tensor and bins tensors should have the same dtype, but got input {Errors.Pretty(self.DType).ToLowerInvariant()} and bins {Errors.Pretty(binEdges.DType).ToLowerInvariant()}");
        var edges = binEdges.Detach().Contiguous();
        return (Count(self, edges, weight, density, interpolate: false), edges);
    }

    private static Tensor Count(Tensor self, Tensor edges, Tensor? weight, bool density, bool interpolate)
    {
        if (weight is not null)
        {
            weight.ThrowIfDisposed();
            if (!weight.Sizes.AsSpan().SequenceEqual(self.Sizes))
                throw new ArgumentException("torch.histogramdd(): if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension");
        }
        using (Autograd.NoGrad())
        {
            var e = edges.To(DType.Float64).ToArray<double>();
            var x = self.To(DType.Float64).Contiguous().ToArray<double>();
            var w = weight?.To(DType.Float64).Contiguous().ToArray<double>();
            bool single = self.DType == DType.Float32;
            int nb = e.Length - 1;
            var hist = new double[Math.Max(nb, 0)];
            double left = e[0], right = e[^1];
            for (int i = 0; i < x.Length && nb > 0; i++)
            {
                double v = x[i];
                if (!(v >= left && v <= right)) continue;
                long pos;
                if (interpolate)
                {
                    // the division in the input's precision, then a local search against the edges
                    pos = single ? (long)((float)((float)((float)v - (float)left) * nb) / (float)((float)right - (float)left)) : (long)((v - left) * nb / (right - left));
                    int from = (int)Math.Max(0, pos - 1), to = (int)Math.Min(pos + 2, e.Length);
                    pos = UpperBound(e, from, to, v) - 1;
                }
                else pos = UpperBound(e, 0, e.Length, v) - 1;
                if (pos == nb) pos--;
                hist[pos] += w is null ? 1 : w[i];
            }
            if (density)
            {
                double total = hist.Sum();
                for (int b = 0; b < nb; b++) hist[b] /= total * (e[b + 1] - e[b]);
            }
            return Tensor.FromArray(hist).To(self.DType);
        }
    }

    /// <summary>std::upper_bound over e[from, to): the first position whose edge is greater than v.</summary>
    private static int UpperBound(double[] e, int from, int to, double v)
    {
        while (from < to)
        {
            int mid = from + (to - from) / 2;
            if (e[mid] <= v) from = mid + 1;
            else to = mid;
        }
        return from;
    }
}
