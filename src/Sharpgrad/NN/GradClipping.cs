namespace Sharpgrad.NN;

/// <summary>Gradient clipping for training loops. PyTorch: torch.nn.utils.clip_grad_norm_ / clip_grad_value_.</summary>
public static class GradClipping
{
    /// <summary>
    /// Scales the gradients of <paramref name="parameters"/> in place so that their combined <paramref name="normType"/>-norm
    /// (over all gradients as one vector; <see cref="double.PositiveInfinity"/> for the max norm) is at most
    /// <paramref name="maxNorm"/>, and returns that norm as it was before clipping. Parameters without a gradient are
    /// skipped. With <paramref name="errorIfNonfinite"/>, a NaN or infinite norm throws before anything changes.
    /// PyTorch: torch.nn.utils.clip_grad_norm_.
    /// </summary>
    public static Tensor ClipGradNorm_(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2, bool errorIfNonfinite = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToArray();
        using var noGrad = Autograd.NoGrad();
        if (grads.Length == 0) return Tensor.Scalar(0.0f);
        var norms = grads.Select(g => VectorNorm(g, normType)).ToArray();
        var total = VectorNorm(Tensor.Stack(norms), normType);
        foreach (var n in norms) n.Dispose();
        if (errorIfNonfinite && !double.IsFinite(total.To(DType.Float64).Item<double>()))
            throw new InvalidOperationException(
                $"The total norm of order {Module.PyFloat(normType)} for gradients from `parameters` is non-finite, so it cannot be clipped. " +
                "To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
        using var coefficient = (maxNorm / (total + 1e-6)).Clamp(max: 1.0);
        foreach (var g in grads) g.Mul_(coefficient.To(g.DType));
        return total;
    }

    /// <summary>Clamps every gradient of <paramref name="parameters"/> to [-clipValue, clipValue] in place. PyTorch: torch.nn.utils.clip_grad_value_.</summary>
    public static void ClipGradValue_(IEnumerable<Tensor> parameters, double clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var noGrad = Autograd.NoGrad();
        foreach (var g in parameters.Select(p => p.Grad).OfType<Tensor>())
            g.Clamp_(-clipValue, clipValue);
    }

    /// <summary>The p-norm of all elements as a 0-dim tensor of the input's dtype, accumulated in double as PyTorch does on the CPU.</summary>
    private static Tensor VectorNorm(Tensor x, double p)
    {
        using var scope = Tensor.NewScope();
        return x.To(DType.Float64).Norm(p).To(x.DType).MoveToOuterScope();
    }
}
