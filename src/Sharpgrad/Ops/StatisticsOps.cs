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
        if (integral ? weights.DType != DType.Int64 : !weights.DType.IsFloatingPoint())
            throw new ArgumentException($"cov(): expected {name} to have {(integral ? "integral" : "floating point")} dtype but got {name} with {ScatterOps.TypeName(weights.DType)} dtype");
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
}
