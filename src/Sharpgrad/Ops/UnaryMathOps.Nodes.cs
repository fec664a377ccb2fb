namespace Sharpgrad.Ops;

// derivatives.yaml formulas of the trigonometric, hyperbolic, logarithmic and special element-wise functions.

/// <summary>tan: grad * (1 + result²).</summary>
internal sealed class TanBackward0 : UnaryNode
{
    public override string Name => nameof(TanBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var r = ResultValue;
        return [grad * (1.0 + r * r)];
    }
}

/// <summary>asin: grad * (1 - self²)^-½.</summary>
internal sealed class AsinBackward0 : UnaryNode
{
    public override string Name => nameof(AsinBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [grad * (1.0 - x * x).Rsqrt()];
    }
}

/// <summary>acos: grad * -(1 - self²)^-½.</summary>
internal sealed class AcosBackward0 : UnaryNode
{
    public override string Name => nameof(AcosBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [grad * -(1.0 - x * x).Rsqrt()];
    }
}

/// <summary>atan: grad / (self² + 1).</summary>
internal sealed class AtanBackward0 : UnaryNode
{
    public override string Name => nameof(AtanBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [grad / (x * x + 1.0)];
    }
}

/// <summary>sinh: grad * cosh(self).</summary>
internal sealed class SinhBackward0 : UnaryNode
{
    public override string Name => nameof(SinhBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Cosh()];
}

/// <summary>cosh: grad * sinh(self).</summary>
internal sealed class CoshBackward0 : UnaryNode
{
    public override string Name => nameof(CoshBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Sinh()];
}

/// <summary>asinh: grad * (self² + 1)^-½.</summary>
internal sealed class AsinhBackward0 : UnaryNode
{
    public override string Name => nameof(AsinhBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * (SelfValue.Pow(2.0) + 1.0).Rsqrt()];
}

/// <summary>acosh: grad * (self² - 1)^-½.</summary>
internal sealed class AcoshBackward0 : UnaryNode
{
    public override string Name => nameof(AcoshBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * (SelfValue.Pow(2.0) - 1.0).Rsqrt()];
}

/// <summary>atanh: grad * 1 / (1 - self²).</summary>
internal sealed class AtanhBackward0 : UnaryNode
{
    public override string Name => nameof(AtanhBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * (1.0 / (1.0 - SelfValue.Pow(2.0)))];
}

/// <summary>
/// The in-place asinh_/acosh_/atanh_ nodes (AsinhBackward1, ...): derivatives.yaml has not_implemented("inplace
/// version of asinh") for them, so backward throws.
/// </summary>
internal sealed class InPlaceNotImplementedBackward(string name, string op) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => throw new InvalidOperationException($"the derivative for 'inplace version of {op}' is not implemented.");
}

/// <summary>log2 / log10: grad / (self * ln(base)).</summary>
internal sealed class LogBaseBackward(string name, double lnBase) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad / (SelfValue * lnBase)];
}

/// <summary>exp2: grad * result * ln 2.</summary>
internal sealed class Exp2Backward0 : UnaryNode
{
    public override string Name => nameof(Exp2Backward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * ResultValue * 0.6931471805599453];
}

/// <summary>frac, and the linear deg2rad / rad2deg: grad times a constant (1 for frac).</summary>
internal sealed class ScaleBackward(string name, double factor) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [factor == 1.0 ? grad : grad * factor];
}

/// <summary>erfc: -2/√π * exp(-self²) * grad.</summary>
internal sealed class ErfcBackward0 : UnaryNode
{
    public override string Name => nameof(ErfcBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [(-(x.Pow(2.0))).Exp() * (-2.0 / Math.Sqrt(Math.PI)) * grad];
    }
}

/// <summary>erfinv: 0.5 * √π * exp(erfinv(self)²) * grad.</summary>
internal sealed class ErfinvBackward0 : UnaryNode
{
    public override string Name => nameof(ErfinvBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [SelfValue.Erfinv().Pow(2.0).Exp() * (0.5 * Math.Sqrt(Math.PI)) * grad];
}

/// <summary>
/// logit(eps): grad / (self (1 - self)), but 0 below eps or above 1 - eps; without eps NaN below 0 or above 1.
/// </summary>
internal sealed class LogitBackward0(double? eps) : UnaryNode
{
    public override string Name => nameof(LogitBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        double lo = eps ?? 0, hi = 1 - (eps ?? 0);
        var outside = x.Lt(lo).LogicalOr(x.Gt(hi)); // NaN is inside: its gradient is NaN
        var g = grad / (x * (1.0 - x));
        return [Tensor.Where(outside, Tensor.Full([], eps is null ? double.NaN : 0.0, g.DType), g)];
    }
}

/// <summary>sinc: grad * (πx cos(πx) - sin(πx)) / (πx²), 0 where πx² == 0.</summary>
internal sealed class SincBackward0 : UnaryNode
{
    public override string Name => nameof(SincBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        var xPi = x * Math.PI;
        var x2Pi = x * x * Math.PI;
        var g = grad * (xPi * xPi.Cos() - xPi.Sin()) / x2Pi;
        return [Tensor.Where(x2Pi.Eq(0.0), Tensor.Zeros([], g.DType), g)];
    }
}

/// <summary>lgamma: grad * digamma(self).</summary>
internal sealed class LgammaBackward0 : UnaryNode
{
    public override string Name => nameof(LgammaBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Digamma()];
}

/// <summary>digamma (n = 0, DigammaBackward0) and polygamma(n) (PolygammaBackward0): grad * polygamma(n + 1, self).</summary>
internal sealed class PolygammaNode(string name, int n) : UnaryNode
{
    public override string Name => name;
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.Polygamma(n + 1)];
}

/// <summary>nan_to_num: grad * isfinite(self).</summary>
internal sealed class NanToNumBackward0 : UnaryNode
{
    public override string Name => nameof(NanToNumBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * SelfValue.IsFinite()];
}
