namespace Sharpgrad.Ops;

/// <summary>instance_norm, composed as ATen composes it: batch_norm over [1, N·C, *] with repeated parameters, viewed back.</summary>
internal static class InstanceNormOps
{
    /// <summary>
    /// instance_norm over [N, C, *]: each (sample, channel) normalized over its positions with its own statistics
    /// (<paramref name="useInputStats"/>) or with the running ones. The running statistics are updated with the mean of
    /// the per-sample updates. The graph is ViewBackward0 over NativeBatchNormBackward0, the parameters reaching it
    /// through RepeatBackward0, as in PyTorch.
    /// </summary>
    public static Tensor InstanceNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool useInputStats, double momentum, double eps)
    {
        x.ThrowIfDisposed();
        if (x.Dim < 2) throw Errors.DimOutOfRange(1, x.Dim);
        int nb = x.Sizes[0], c = x.Sizes[1];
        if (useInputStats)
        {
            long spatial = 1;
            for (int d = 2; d < x.Dim; d++) spatial *= x.Sizes[d];
            if (spatial == 1)
                throw new ArgumentException($"Expected more than 1 spatial element when training, got input size {Errors.Size(x.Sizes)}");
        }
        int[] shape = [1, nb * c, .. x.Sizes.AsSpan(2).ToArray()];
        Tensor? rm = null, rv = null;
        using (Autograd.NoGrad())
        {
            rm = runningMean?.Repeat(nb);
            rv = runningVar?.Repeat(nb);
        }
        var y = NormOps.BatchNorm(x.Contiguous().View(shape), rm, rv, weight?.Repeat(nb), bias?.Repeat(nb), useInputStats, momentum, eps);
        using (Autograd.NoGrad())
        {
            if (runningMean is not null) runningMean.Copy_(rm!.View(nb, c).Mean(0));
            if (runningVar is not null) runningVar.Copy_(rv!.View(nb, c).Mean(0));
        }
        return y.View(x.Sizes);
    }
}
