namespace Sharpgrad.Ops;

// derivatives.yaml formulas of torch.special's modified Bessel and normal-tail functions.

/// <summary>i0: grad · i1(self).</summary>
internal sealed class I0Backward0 : UnaryNode
{
    public override string Name => nameof(I0Backward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * UnaryMathOps.I1(SelfValue)];
}

/// <summary>special_i0e: grad · (i1e(self) - sgn(self) · result).</summary>
internal sealed class SpecialI0EBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialI0EBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var x = SelfValue;
        return [grad * (UnaryMathOps.I1e(x) - x.Sgn() * ResultValue)];
    }
}

/// <summary>special_i1: i1_backward, grad · (i0(x) - result / x), 1/2 where |x| ≤ eps (where the quotient is 0/0).</summary>
internal sealed class SpecialI1Backward0 : UnaryNode
{
    public override string Name => nameof(SpecialI1Backward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [BesselGrad.DividedByX(grad, SelfValue, ResultValue, UnaryMathOps.I0, static x => x.Reciprocal())];
}

/// <summary>special_i1e: i1e_backward, grad · (i0e(x) - result · (sgn(x) + 1/x)), 1/2 where |x| ≤ eps.</summary>
internal sealed class SpecialI1EBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialI1EBackward0);
    internal override Tensor?[] Apply(Tensor grad) =>
        [BesselGrad.DividedByX(grad, SelfValue, ResultValue, UnaryMathOps.I0e, static x => x.Sgn() + x.Reciprocal())];
}

/// <summary>special_erfcx: (2 · self · result - 2/√π) · grad.</summary>
internal sealed class SpecialErfcxBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialErfcxBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [(SelfValue * 2.0 * ResultValue - 2.0 / Math.Sqrt(Math.PI)) * grad];
}

/// <summary>special_log_ndtr: grad / √(2π) · exp(-(result + self²/2)), the normal density over Φ.</summary>
internal sealed class SpecialLogNdtrBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialLogNdtrBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad / Math.Sqrt(2 * Math.PI) * (-(ResultValue + SelfValue.Pow(2.0) / 2.0)).Exp()];
}

/// <summary>special_ndtri: grad · √(2π) · exp(result²/2), the reciprocal of the normal density at the result.</summary>
internal sealed class SpecialNdtriBackward0 : UnaryNode
{
    public override string Name => nameof(SpecialNdtriBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad * Math.Sqrt(2 * Math.PI) * (ResultValue.Square() / 2.0).Exp()];
}

internal static class BesselGrad
{
    /// <summary>
    /// ATen's i1 / i1e backward: grad · (lead(x) - result · shift(x)) with x replaced by eps where |x| ≤ eps (the dtype's
    /// machine epsilon), whose slope is then the limit 1/2 (the replacement keeps the unused branch finite).
    /// </summary>
    public static Tensor DividedByX(Tensor grad, Tensor self, Tensor result, Func<Tensor, Tensor> lead, Func<Tensor, Tensor> shift)
    {
        double eps = self.DType == DType.Float32 ? 1.1920928955078125e-07 : 2.220446049250313e-16;
        var notTiny = self.Abs().Gt(eps);
        var safe = Tensor.Where(notTiny, self, Tensor.Full([], eps, self.DType));
        var slope = lead(safe) - result * shift(safe);
        return grad * Tensor.Where(notTiny, slope, Tensor.Full([], 0.5, self.DType));
    }
}
