using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>clamp(x, minVal, maxVal) (HardtanhBackward0: zero gradient at and beyond the bounds). PyTorch: F.hardtanh.</summary>
    public static Tensor Hardtanh(Tensor x, double minVal = -1, double maxVal = 1) => minVal > maxVal
        ? throw new ArgumentException("min_val cannot be greater than max_val")
        : ActivationOps.Hardtanh(x, minVal, maxVal);

    /// <summary>min(max(x, 0), 6): PyTorch implements it as hardtanh(x, 0, 6), hence HardtanhBackward0. PyTorch: F.relu6.</summary>
    public static Tensor Relu6(Tensor x) => ActivationOps.Hardtanh(x, 0, 6);

    /// <summary>A piecewise-linear sigmoid, min(max(x + 3, 0), 6) / 6 (HardsigmoidBackward0). PyTorch: F.hardsigmoid.</summary>
    public static Tensor Hardsigmoid(Tensor x) => ActivationOps.Hardsigmoid(x);

    /// <summary>x · hardsigmoid(x), MobileNetV3's swish (HardswishBackward0). PyTorch: F.hardswish.</summary>
    public static Tensor Hardswish(Tensor x) => ActivationOps.Hardswish(x);

    /// <summary>x · tanh(softplus(x)) (MishBackward0). PyTorch: F.mish.</summary>
    public static Tensor Mish(Tensor x) => ActivationOps.Mish(x);

    /// <summary>scale · elu(x, α) with α ≈ 1.6733, scale ≈ 1.0507, self-normalizing (EluBackward0, as PyTorch records it). PyTorch: F.selu.</summary>
    public static Tensor Selu(Tensor x) => ActivationOps.Selu(x);

    /// <summary>max(0, x) + min(0, α·(exp(x/α) - 1)); α must not be 0 (CeluBackward0). PyTorch: F.celu.</summary>
    public static Tensor Celu(Tensor x, double alpha = 1) => ActivationOps.Celu(x, alpha);

    /// <summary>x / (1 + |x|), composed as PyTorch does (DivBackward0). PyTorch: F.softsign.</summary>
    public static Tensor Softsign(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x / (x.Abs() + 1.0);
    }

    /// <summary>log σ(x), computed stably (LogSigmoidBackward0). PyTorch: F.logsigmoid.</summary>
    public static Tensor LogSigmoid(Tensor x) => ActivationOps.LogSigmoid(x);

    /// <summary>Gated linear unit a · σ(b), a and b the halves of x along <paramref name="dim"/> (GluBackward0). PyTorch: F.glu.</summary>
    public static Tensor Glu(Tensor x, int dim = -1) => ActivationOps.Glu(x, dim);

    /// <summary>x where x &gt; threshold, else <paramref name="value"/> (ThresholdBackward0). PyTorch: F.threshold.</summary>
    public static Tensor Threshold(Tensor x, double threshold, double value) => ActivationOps.Threshold(x, threshold, value);

    /// <summary>softmax(-x) along <paramref name="dim"/>, composed as PyTorch does (SoftmaxBackward0). PyTorch: F.softmin.</summary>
    public static Tensor Softmin(Tensor x, int dim)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Softmax(-x, dim);
    }

    /// <summary>
    /// x for x &gt; 0, else weight · x, with one weight shared or one per channel (dim 1); the weight's dtype must be
    /// x's (PreluKernelBackward0). PyTorch: F.prelu.
    /// </summary>
    public static Tensor Prelu(Tensor x, Tensor weight) => ActivationOps.Prelu(x, weight);

    /// <summary>x - tanh(x), composed as PyTorch does (SubBackward0). PyTorch: F.tanhshrink.</summary>
    public static Tensor Tanhshrink(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x - x.Tanh();
    }

    /// <summary>0 where -λ &lt;= x &lt;= λ, else x (HardshrinkBackward0). PyTorch: F.hardshrink.</summary>
    public static Tensor Hardshrink(Tensor x, double lambd = 0.5) => ActivationOps.Hardshrink(x, lambd);

    /// <summary>x shrunk toward 0 by λ &gt;= 0, 0 within [-λ, λ] (SoftshrinkBackward0). PyTorch: F.softshrink.</summary>
    public static Tensor Softshrink(Tensor x, double lambd = 0.5) => ActivationOps.Softshrink(x, lambd);
}
