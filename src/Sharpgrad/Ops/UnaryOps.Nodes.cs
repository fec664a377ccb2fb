using Sharpgrad.Kernels;
namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the element-wise functions.

/// <summary>neg: -grad.</summary>
internal sealed class NegBackward0 : UnaryNode
{
    public override string Name => nameof(NegBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [-grad];
}

/// <summary>exp: grad * result.</summary>
internal sealed class ExpBackward0 : UnaryNode
{
    public override string Name => nameof(ExpBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * ResultValue];
}

/// <summary>log: grad / self.</summary>
internal sealed class LogBackward0 : UnaryNode
{
    public override string Name => nameof(LogBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad / SelfValue];
}

/// <summary>sqrt: grad / (2 * result).</summary>
internal sealed class SqrtBackward0 : UnaryNode
{
    public override string Name => nameof(SqrtBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad / (ResultValue * 2.0)];
}

/// <summary>rsqrt: -0.5 * grad * result³.</summary>
internal sealed class RsqrtBackward0 : UnaryNode
{
    public override string Name => nameof(RsqrtBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var r = ResultValue;
        return [grad * r * r * r * -0.5];
    }
}

/// <summary>abs: grad * sign(self).</summary>
internal sealed class AbsBackward0 : UnaryNode
{
    public override string Name => nameof(AbsBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Sign()];
}

/// <summary>sin: grad * cos(self).</summary>
internal sealed class SinBackward0 : UnaryNode
{
    public override string Name => nameof(SinBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Cos()];
}

/// <summary>cos: grad * -sin(self).</summary>
internal sealed class CosBackward0 : UnaryNode
{
    public override string Name => nameof(CosBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * -SelfValue.Sin()];
}

/// <summary>sigmoid: grad * result * (1 - result).</summary>
internal sealed class SigmoidBackward0 : UnaryNode
{
    public override string Name => nameof(SigmoidBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var r = ResultValue;
        return [grad * r * (1.0 - r)];
    }
}

/// <summary>tanh: grad * (1 - result²), 1 − result² rounded once (PyTorch's tanh_backward compiles it to an fma).</summary>
internal sealed class TanhBackward0 : UnaryNode
{
    public override string Name => nameof(TanhBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var r = ResultValue;
        if (r.DType is not (DType.Float32 or DType.Float64)) return [grad * (1.0 - r * r)];
        return [grad * Tensor.Full([], 1.0, r.DType).Addcmul(r, r, -1)];
    }
}

/// <summary>relu: threshold_backward(grad, result, 0).</summary>
internal sealed class ReluBackward0 : UnaryNode
{
    public override string Name => nameof(ReluBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [Tensor.ThresholdBackward(grad, ResultValue)];
}

/// <summary>reciprocal: -grad * result².</summary>
internal sealed class ReciprocalBackward0 : UnaryNode
{
    public override string Name => nameof(ReciprocalBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var r = ResultValue;
        return [-grad * r * r];
    }
}

/// <summary>log1p: grad / (1 + self).</summary>
internal sealed class Log1PBackward0 : UnaryNode
{
    public override string Name => nameof(Log1PBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad / (SelfValue + 1.0)];
}

/// <summary>expm1: grad * (result + 1).</summary>
internal sealed class Expm1Backward0 : UnaryNode
{
    public override string Name => nameof(Expm1Backward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * (ResultValue + 1.0)];
}

/// <summary>erf: grad * 2/√π * exp(-self²).</summary>
internal sealed class ErfBackward0 : UnaryNode
{
    public override string Name => nameof(ErfBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        // PyTorch: 2/√π · exp(−x²) · grad, in that order (the constant times exp first, then grad)
        return [(-(x * x)).Exp() * (2.0 / Math.Sqrt(Math.PI)) * grad];
    }
}

/// <summary>Piecewise-constant functions (sign, floor, ceil, round): zero gradient.</summary>
internal sealed class ZeroGradNode(string name) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [Tensor.ZerosLike(grad)];
}

/// <summary>clamp(min, max): grad where min &lt;= self &lt;= max, else 0.</summary>
internal sealed class ClampBackward1(double? min, double? max) : UnaryNode
{
    public override string Name => nameof(ClampBackward1);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        Tensor? mask = null;
        if (min is { } lo) mask = x.Ge(lo);
        if (max is { } hi) mask = mask is null ? x.Le(hi) : mask.LogicalAnd(x.Le(hi));
        return [grad * mask!.To(grad.DType)];
    }
}

/// <summary>gelu: grad * (Φ(x) + x φ(x)) (or the derivative of the tanh form).</summary>
internal sealed class GeluBackward0(bool tanhApproximation) : UnaryNode
{
    public override string Name => nameof(GeluBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        if (!GradMode.Current.Records && UnaryOps.GeluTakesOneDnn(x, tanhApproximation))
        {
            var g = OpHelpers.ContiguousRaw(OpHelpers.CastRaw(grad, DType.Float32));
            var gi = Tensor.Empty(DType.Float32, x.Sizes);
            Dispatch.GeluBackwardOneDnn(g.Strided, x.Strided, gi.Strided);
            if (!ReferenceEquals(g, grad)) g.Dispose();
            return [gi];
        }
        if (tanhApproximation)
        {
            double k = Math.Sqrt(2.0 / Math.PI);
            var inner = (x + x * x * x * 0.044715) * k;
            var t = inner.Tanh();
            var dInner = (1.0 + x * x * (3 * 0.044715)) * k;
            return [grad * (0.5 * (1.0 + t) + x * 0.5 * (1.0 - t * t) * dInner)];
        }
        if (!GradMode.Current.Records) return [OpHelpers.FusedGradient(grad, x, Dispatch.GeluErfBackward)];
        var cdf = (1.0 + (x * (1.0 / Math.Sqrt(2.0))).Erf()) * 0.5;
        var pdf = (x * x * -0.5).Exp() * (1.0 / Math.Sqrt(2 * Math.PI));
        return [grad * (cdf + x * pdf)];
    }
}

/// <summary>silu: grad * s * (1 + x (1 - s)), s = sigmoid(x).</summary>
internal sealed class SiluBackward0 : UnaryNode
{
    public override string Name => nameof(SiluBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        if (!GradMode.Current.Records && x.DType.IsFloatingPoint()) return [OpHelpers.FusedGradient(grad, x, Dispatch.SiluBackward)];
        var s = x.Sigmoid();
        return [grad * s * (1.0 + x * (1.0 - s))];
    }
}

/// <summary>leaky_relu: grad where self &gt; 0 else grad * slope.</summary>
internal sealed class LeakyReluBackward0(double slope) : UnaryNode
{
    public override string Name => nameof(LeakyReluBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [Tensor.Where(x.Gt(0.0), grad, grad * slope)];
    }
}

/// <summary>softplus: grad where β·x &gt; threshold, else grad · σ(β·x).</summary>
internal sealed class SoftplusBackward0(double beta, double threshold) : UnaryNode
{
    public override string Name => nameof(SoftplusBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var bx = SelfValue * beta;
        return [Tensor.Where(bx.Gt(threshold), grad, grad * bx.Sigmoid())];
    }
}

