using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// Activations with their own backward node in PyTorch (hardtanh, hardsigmoid, hardswish, mish, the elu family,
/// log_sigmoid, threshold, the shrinks, glu, prelu). Each op's forward and derivatives.yaml formula sit together.
/// </summary>
internal static class ActivationOps
{
    /// <summary>
    /// The shared path of a one-input activation: checks the dtype (<paramref name="kernel"/> names PyTorch's CPU kernel
    /// in its "not implemented" message; null accepts integers too), records a <paramref name="node"/> saving the input,
    /// and computes <paramref name="forward"/> unrecorded. <paramref name="backward"/> maps (grad, self) to the input's gradient.
    /// </summary>
    private static Tensor Pointwise(Tensor x, string? kernel, string node, Func<Tensor, Tensor> forward, Func<Tensor, Tensor, Tensor> backward)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (kernel is not null && !x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(kernel, x.DType);
        return Recorded(x, () => new PointwiseBackward(node, backward), forward);
    }

    /// <summary>Records (when needed) a node over x that saves x, and computes <paramref name="forward"/> unrecorded.</summary>
    private static Tensor Recorded(Tensor x, Func<UnaryNode> makeNode, Func<Tensor, Tensor> forward)
    {
        x.ThrowIfDisposed();
        UnaryNode? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(makeNode(), x);
            node.Self = SavedTensor.Input(x);
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = forward(x).MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>
    /// clamp(x, min, max); integers stay integers (fractional bounds truncate, as PyTorch's kernel does), Bool is refused.
    /// HardtanhBackward0: grad where min &lt; x &lt; max, 0 elsewhere (also at the kinks).
    /// </summary>
    public static Tensor Hardtanh(Tensor x, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType == DType.Bool) throw new ArgumentException("Bool inputs not supported for hardtanh");
        return Pointwise(x, null, "HardtanhBackward0",
            x => KeepDType(x.Clamp(min, max), x.DType),
            (g, x) => g.MaskedFill(x.Le(min).LogicalOr(x.Ge(max)), 0.0));
    }

    /// <summary><paramref name="y"/> in <paramref name="dtype"/> (truncating toward zero for integers), y itself when it already is.</summary>
    private static Tensor KeepDType(Tensor y, DType dtype) => y.DType == dtype ? y : y.To(dtype);

    /// <summary>PyTorch's hardsigmoid_backward multiplies by 1/6 computed in single precision, for Float64 too.</summary>
    private const double OneSixthF = (double)(1f / 6f);

    /// <summary>min(max(x + 3, 0), 6) / 6. HardsigmoidBackward0: grad · (float)(1/6) where -3 &lt; x &lt; 3, else 0.</summary>
    public static Tensor Hardsigmoid(Tensor x) => Pointwise(x, "hardsigmoid_cpu", "HardsigmoidBackward0",
        x => (x + 3.0).Clamp(0.0, 6.0) / 6.0,
        (g, x) => (g * OneSixthF).MaskedFill(x.Le(-3.0).LogicalOr(x.Ge(3.0)), 0.0));

    /// <summary>
    /// x · min(max(x + 3, 0), 6) / 6. HardswishBackward0: 0 for x &lt; -3, grad · (x/3 + 1/2) for -3 &lt;= x &lt;= 3
    /// (so -0.5 at x = -3 and 1.5 at x = 3), grad above.
    /// </summary>
    public static Tensor Hardswish(Tensor x) => Pointwise(x, "hardswish_cpu", "HardswishBackward0",
        x => x * (x + 3.0).Clamp(0.0, 6.0) / 6.0,
        (g, x) => Tensor.Where(x.Gt(3.0), g, (g * (x / 3.0 + 0.5)).MaskedFill(x.Lt(-3.0), 0.0)));

    /// <summary>x · tanh(log1p(exp(x))). MishBackward0: grad · (t + x·σ(x)·(1 - t²)), t = tanh(softplus(x)).</summary>
    public static Tensor Mish(Tensor x) => Pointwise(x, "mish_cpu", "MishBackward0",
        x => OpHelpers.Fused(x, Dispatch.Mish),
        (g, x) =>
        {
            if (!GradMode.Current.Records) return OpHelpers.FusedGradient(g, x, Dispatch.MishBackward);
            var t = TanhSoftplus(x);
            return g * (t + x * x.Sigmoid() * (1.0 - t * t));
        });

    /// <summary>
    /// tanh(log(1 + e)) = n / (n + 2) with n = e·(e + 2), e = exp(x): as exact as the composed form, and keeps full
    /// relative precision where softplus(x) is tiny (x ≪ 0), where a tanh kernel's absolute error would swamp it;
    /// 1 above x = 20, where it is 1 to double precision and n may overflow.
    /// </summary>
    private static Tensor TanhSoftplus(Tensor x)
    {
        var e = x.Exp();
        var n = e * (e + 2.0);
        return (n / (n + 2.0)).MaskedFill(x.Gt(20.0), 1.0);
    }

    /// <summary>SELU's α and scale (Klambauer et al.), as PyTorch spells them.</summary>
    internal const double SeluAlpha = 1.6732632423543772848170429916717, SeluScale = 1.0507009873554804934193349852946;

    /// <summary>
    /// PyTorch's elu(x, α, scale, input_scale): scale·x for x &gt; 0, else α·scale·(exp(input_scale·x) - 1), with
    /// exp - 1 as PyTorch's kernel computes it (not expm1: selu(-1e-10) is -1.7580994863131684e-10). Its backward
    /// (named <paramref name="node"/>) is grad·scale for x &gt; 0, else grad·input_scale·α·scale·exp(input_scale·x), where
    /// <paramref name="backwardInputScale"/> may differ from the forward's (celu's backward rounds α to float).
    /// </summary>
    private static Tensor Elu(Tensor x, double alpha, double scale, double inputScale, double backwardInputScale, string node) =>
        Pointwise(x, "elu_cpu", node,
            x => OpHelpers.Fused(x, (src, dst) => Dispatch.Elu(src, dst, alpha, scale, inputScale)),
            (g, x) => Tensor.Where(x.Gt(0.0), g * scale, g * (backwardInputScale * alpha * scale) * (x * backwardInputScale).Exp()));

    /// <summary>x for x &gt; 0, else α·(exp(x) - 1). EluBackward0.</summary>
    public static Tensor Elu(Tensor x, double alpha) => Elu(x, alpha, 1, 1, 1, "EluBackward0");

    /// <summary>scale · elu(x, α) with the fixed SELU constants: PyTorch calls elu, so the node is EluBackward0.</summary>
    public static Tensor Selu(Tensor x) => Elu(x, SeluAlpha, SeluScale, 1, 1, "EluBackward0");

    /// <summary>max(0, x) + min(0, α·(exp(x/α) - 1)). CeluBackward0 (elu's formula with input_scale 1/float(α)).</summary>
    public static Tensor Celu(Tensor x, double alpha)
    {
        if (alpha == 0) throw new ArgumentException("ZeroDivisionError: alpha cannot be 0 for CELU");
        return Elu(x, alpha, 1, 1 / alpha, 1 / (double)(float)alpha, "CeluBackward0");
    }

    /// <summary>
    /// log σ(x) = min(x, 0) - log1p(exp(-|x|)), stable for large |x|, every element through SLEEF's exp and log1p as
    /// PyTorch's kernel takes them (partial last vector included). LogSigmoidBackward0, as PyTorch's CPU kernel:
    /// z = exp(-|x|); grad · (1 - z/(1+z)) for x &lt; 0, grad · z/(1+z) otherwise.
    /// </summary>
    public static Tensor LogSigmoid(Tensor x) => Pointwise(x, "log_sigmoid_cpu", "LogSigmoidBackward0",
        x => x.Clamp(max: 0.0) - (-x.Abs()).Exp().Log1p(),
        (g, x) =>
        {
            var z = (-x.Abs()).Exp();
            var q = z / (1.0 + z);
            return g * Tensor.Where(x.Lt(0.0), 1.0 - q, q);
        });

    /// <summary>
    /// log(1 + z) to full relative precision for tiny z, where log of the rounded 1 + z loses it: log(u)·z/(u - 1),
    /// u = 1 + z (Kahan's trick), and z itself where u rounds to 1. For finite z &gt; -1.
    /// </summary>
    internal static Tensor Log1p(Tensor z)
    {
        var u = z + 1.0;
        var d = u - 1.0;
        return Tensor.Where(d.Eq(0.0), z, u.Log() * (z / d));
    }

    /// <summary>x where x &gt; threshold, else value (truncated for integer x). ThresholdBackward0: grad where x &gt; threshold, else 0.</summary>
    public static Tensor Threshold(Tensor x, double threshold, double value) => Pointwise(x, null, "ThresholdBackward0",
        x => x.MaskedFill(x.Le(threshold), x.DType.IsFloatingPoint() ? value : Math.Truncate(value)),
        (g, x) => g.MaskedFill(x.Le(threshold), 0.0));

    /// <summary>The band -λ &lt;= x &lt;= λ both shrinks zero, where their gradient is 0 too.</summary>
    private static Tensor InBand(Tensor x, double lambd) => x.Ge(-lambd).LogicalAnd(x.Le(lambd));

    /// <summary>0 on -λ &lt;= x &lt;= λ, else x. HardshrinkBackward0: 0 on the band, else grad.</summary>
    public static Tensor Hardshrink(Tensor x, double lambd) => Pointwise(x, "hardshrink_cpu", "HardshrinkBackward0",
        x => x.MaskedFill(InBand(x, lambd), 0.0),
        (g, x) => g.MaskedFill(InBand(x, lambd), 0.0));

    /// <summary>x - λ above λ, x + λ below -λ, else 0; λ must be &gt;= 0. SoftshrinkBackward0: 0 on the band, else grad.</summary>
    public static Tensor Softshrink(Tensor x, double lambd)
    {
        if (!(lambd >= 0)) throw new ArgumentException($"lambda must be greater or equal to 0, but found to be {CppScalar(lambd)}.");
        return Pointwise(x, "softshrink_cpu", "SoftshrinkBackward0",
            x => Tensor.Where(x.Gt(lambd), x - lambd, Tensor.Where(x.Lt(-lambd), x + lambd, x * 0.0)),
            (g, x) => g.MaskedFill(InBand(x, lambd), 0.0));
    }

    /// <summary>A double as a C++ ostream prints a Scalar in PyTorch's messages (6 significant digits: -0.5, -1, 1e-07).</summary>
    internal static string CppScalar(double v) => double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
        : v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e");

    /// <summary>a · σ(b), a and b the two halves of x along <paramref name="dim"/> (GluBackward0).</summary>
    public static Tensor Glu(Tensor x, int dim)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.ThrowIfDisposed();
        if (x.Dim == 0) throw new ArgumentException("glu does not support scalars because halving size must be even");
        int d = Layout.WrapDim(dim, x.Dim);
        int n = x.Sizes[d];
        if (n % 2 != 0) throw new ArgumentException($"Halving dimension must be even, but dimension {d} is size {n}");
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("glu_cpu", x.DType);
        return Recorded(x, () => new GluBackward0(d), x => x.Narrow(d, 0, n / 2) * x.Narrow(d, n / 2, n / 2).Sigmoid());
    }

    /// <summary>
    /// x for x &gt; 0, else w·x, with one weight per channel (dim 1) or one shared. Like PyTorch's prelu, the weight is
    /// viewed to broadcast over x (ViewBackward0 when it needs reshaping), then _prelu_kernel records PreluKernelBackward0.
    /// </summary>
    public static Tensor Prelu(Tensor x, Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        OpHelpers.CheckSameDevice(x, weight);
        if (x.DType != weight.DType)
            throw new ArgumentException($"prelu: Type promoting not supported. Got {Errors.Pretty(x.DType)} and {Errors.Pretty(weight.DType)}");
        int ndim = x.Dim;
        if (weight.Numel != 1)
        {
            if (ndim == 0) throw new ArgumentException("Not allow zero-dim input tensor.");
            int channels = ndim > 1 ? x.Sizes[1] : 1;
            if (channels != weight.Numel)
                throw new ArgumentException($"Mismatch of parameter numbers and input channel size. Found parameter numbers = {weight.Numel} and channel size = {channels}.");
        }
        if (weight.Dim > 1) throw new ArgumentException($"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.Dim}");
        if (ndim != weight.Dim)
        {
            var shape = Enumerable.Repeat(1, ndim).ToArray();
            if (ndim > 1) shape[1] = weight.Numel;
            weight = weight.View(shape);
        }
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("prelu_cpu", x.DType);
        return PointwiseBinaryOps.Recorded(x, weight, static () => new PreluKernelBackward0(), () => Tensor.Where(x.Gt(0.0), x, weight * x));
    }
}

/// <summary>An element-wise activation's node: PyTorch's node name and its formula (grad, self) → input gradient.</summary>
internal sealed class PointwiseBackward(string name, Func<Tensor, Tensor, Tensor> formula) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [formula(grad, SelfValue)];
}

/// <summary>glu: the halves' gradients grad·σ(b) and grad·a·σ(b)·(1 - σ(b)), concatenated along dim.</summary>
internal sealed class GluBackward0(int dim) : UnaryNode
{
    public override string Name => nameof(GluBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        int h = x.Sizes[dim] / 2;
        var a = x.Narrow(dim, 0, h);
        var s = x.Narrow(dim, h, h).Sigmoid();
        return [Tensor.Cat([grad * s, grad * a * s * (1.0 - s)], dim)];
    }
}

/// <summary>_prelu_kernel: self: grad where x &gt; 0 else w·grad; weight: x·grad where x &lt;= 0, summed to its shape.</summary>
internal sealed class PreluKernelBackward0 : BinaryNode
{
    public override string Name => nameof(PreluKernelBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = A!.Unpack();
        var positive = x.Gt(0.0);
        return
        [
            NeedsInputGrad(0) ? GradA(Tensor.Where(positive, grad, B!.Unpack() * grad)) : null,
            NeedsInputGrad(1) ? GradB((x * grad).MaskedFill(positive, 0.0)) : null,
        ];
    }
}
