using Sharpgrad.Shapes;
using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;

namespace Sharpgrad.Ops;

/// <summary>Which tensors a unary node keeps for backward.</summary>
[Flags]
internal enum SaveUnary : byte { None = 0, Self = 1, Result = 2 }

/// <summary>Element-wise math: exp, log, sigmoid, tanh, relu, clamp, ... Integer inputs of math functions become Float32, as in PyTorch.</summary>
internal static class UnaryOps
{
    public static Tensor Unary(UnaryKind kind, Tensor x, Func<UnaryNode>? makeNode, SaveUnary save, bool keepIntegers = false)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint() && !(keepIntegers && x.DType.IsIntegral()))
            x = OpHelpers.CastRaw(x, DTypeDefaults.Float);
        UnaryNode? node = null;
        if (makeNode is not null && Record.ShouldRecord(x))
        {
            node = Record.Connect(makeNode(), x);
            if ((save & SaveUnary.Self) != 0) node.Self = SavedTensor.Input(x);
        }
        var y = Tensor.Empty(x.DType, x.Sizes);
        Dispatch.Unary(kind, x.Strided, y.Strided);
        if (node is not null)
        {
            Record.SetHistory(y, node);
            if ((save & SaveUnary.Result) != 0) node.Result = SavedTensor.Output(y, node);
        }
        return y;
    }

    public static Tensor Neg(Tensor x)
    {
        if (x.DType == DType.Bool) throw new ArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        return Unary(UnaryKind.Neg, x, static () => new NegBackward0(), SaveUnary.None, keepIntegers: true);
    }

    public static Tensor Exp(Tensor x) => Unary(UnaryKind.Exp, x, static () => new ExpBackward0(), SaveUnary.Result);
    public static Tensor Log(Tensor x) => Unary(UnaryKind.Log, x, static () => new LogBackward0(), SaveUnary.Self);
    public static Tensor Sqrt(Tensor x) => Unary(UnaryKind.Sqrt, x, static () => new SqrtBackward0(), SaveUnary.Result);
    public static Tensor Rsqrt(Tensor x) => Unary(UnaryKind.Rsqrt, x, static () => new RsqrtBackward0(), SaveUnary.Result);
    public static Tensor Abs(Tensor x) => Unary(UnaryKind.Abs, x, static () => new AbsBackward0(), SaveUnary.Self, keepIntegers: true);
    public static Tensor Sin(Tensor x) => Unary(UnaryKind.Sin, x, static () => new SinBackward0(), SaveUnary.Self);
    public static Tensor Cos(Tensor x) => Unary(UnaryKind.Cos, x, static () => new CosBackward0(), SaveUnary.Self);
    public static Tensor Sigmoid(Tensor x) => Unary(UnaryKind.Sigmoid, x, static () => new SigmoidBackward0(), SaveUnary.Result);
    public static Tensor Tanh(Tensor x) => Unary(UnaryKind.Tanh, x, static () => new TanhBackward0(), SaveUnary.Result);
    public static Tensor Relu(Tensor x) => Unary(UnaryKind.Relu, x, static () => new ReluBackward0(), SaveUnary.Result, keepIntegers: true);
    public static Tensor Reciprocal(Tensor x) => Unary(UnaryKind.Reciprocal, x, static () => new ReciprocalBackward0(), SaveUnary.Result);
    public static Tensor Log1p(Tensor x) => Unary(UnaryKind.Log1p, x, static () => new Log1PBackward0(), SaveUnary.Self);
    public static Tensor Expm1(Tensor x) => Unary(UnaryKind.Expm1, x, static () => new Expm1Backward0(), SaveUnary.Result);
    public static Tensor Sign(Tensor x) => Unary(UnaryKind.Sign, x, static () => new ZeroGradNode("SignBackward0"), SaveUnary.None, keepIntegers: true);
    public static Tensor Floor(Tensor x) => Unary(UnaryKind.Floor, x, static () => new ZeroGradNode("FloorBackward0"), SaveUnary.None, keepIntegers: true);
    public static Tensor Ceil(Tensor x) => Unary(UnaryKind.Ceil, x, static () => new ZeroGradNode("CeilBackward0"), SaveUnary.None, keepIntegers: true);
    public static Tensor Round(Tensor x) => Unary(UnaryKind.Round, x, static () => new ZeroGradNode("RoundBackward0"), SaveUnary.None, keepIntegers: true);

    /// <summary>
    /// round(decimals): nearbyint(x·10^d)/10^d, or nearbyint(x/10^-d)·10^-d for d &lt; 0, each step rounded to the
    /// tensor's precision as in PyTorch's kernel (so Float32 rounds 1234.5678 to 1234.5699). RoundBackward1.
    /// </summary>
    public static Tensor Round(Tensor x, int decimals)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(decimals == 0 ? "round_vml_cpu" : "round_cpu", x.DType);
        double tenPow = Math.Pow(10, Math.Abs(decimals));
        Tensor y;
        using (Autograd.NoGrad())
            y = decimals >= 0 ? (x * tenPow).Round() / tenPow : (x / tenPow).Round() * tenPow;
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new ZeroGradNode("RoundBackward1"), x));
        return y;
    }
    public static Tensor Erf(Tensor x) => Unary(UnaryKind.Erf, x, static () => new ErfBackward0(), SaveUnary.Self);

    /// <summary>clamp(min, max): ClampBackward1 passes the gradient where min &lt;= x &lt;= max.</summary>
    public static Tensor Clamp(Tensor x, double? min, double? max)
    {
        x.ThrowIfDisposed();
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        if (x.DType == DType.Bool) throw Errors.UnsupportedDType("clamp", x.DType);
        // an integer tensor with a fractional bound promotes like tensor op Python float; integral bounds must fit its dtype
        bool fractional = (min is { } lo && !TypePromotion.IsPythonInt(lo)) || (max is { } hi && !TypePromotion.IsPythonInt(hi));
        if (!fractional) CheckIntegerBounds(x.DType, min, max);
        ClampBackward1? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new ClampBackward1(min, max), x);
            node.Self = SavedTensor.Input(x);
        }
        var src = fractional ? OpHelpers.CastRaw(x, TypePromotion.WithDouble(x.DType)) : x;
        var y = Tensor.Empty(src.DType, x.Sizes);
        Dispatch.Clamp(src.Strided, y.Strided, min, max);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>c10's checked conversion of integral clamp bounds to an integer tensor's dtype, with its message.</summary>
    internal static void CheckIntegerBounds(DType dtype, double? min, double? max)
    {
        if (!dtype.IsIntegral()) return;
        if (min is { } lo) Errors.CheckScalarFits(dtype, lo);
        if (max is { } hi) Errors.CheckScalarFits(dtype, hi);
    }

    /// <summary>x * Φ(x) with the exact erf (approximate: "none") or the tanh form ("tanh"). GeluBackward0.</summary>
    public static Tensor Gelu(Tensor x, bool tanhApproximation)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("GeluKernelImpl", x.DType);
        GeluBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new GeluBackward0(tanhApproximation), x);
            node.Self = SavedTensor.Input(x);
        }
        var y = GeluTakesOneDnn(x, tanhApproximation) ? GeluOneDnn(x) : OpHelpers.Fused(x, tanhApproximation ? Dispatch.GeluTanh : Dispatch.GeluErf);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>
    /// PyTorch hands exact Float32 gelu to oneDNN when the input is contiguous and has more than one element (its
    /// use_mkldnn test); its minimax erf differs from ATen's in the last bits, so Sharpgrad takes the same route.
    /// </summary>
    internal static bool GeluTakesOneDnn(Tensor x, bool tanhApproximation) =>
        !tanhApproximation && x.DType == DType.Float32 && x.IsContiguous && x.Numel > 1;

    private static Tensor GeluOneDnn(Tensor x)
    {
        var y = Tensor.Empty(DType.Float32, x.Sizes);
        Dispatch.GeluOneDnn(x.Strided, y.Strided);
        return y;
    }

    /// <summary>x * sigmoid(x). SiluBackward0.</summary>
    public static Tensor Silu(Tensor x)
    {
        x.ThrowIfDisposed();
        SiluBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new SiluBackward0(), x);
            node.Self = SavedTensor.Input(x);
        }
        Tensor y;
        if (x.DType.IsFloatingPoint()) y = OpHelpers.Fused(x, Dispatch.Silu);
        else
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = (x * x.Sigmoid()).MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>log(1 + exp(β·x)) / β, or x where β·x &gt; threshold (numerical stability). SoftplusBackward0.</summary>
    public static Tensor Softplus(Tensor x, double beta, double threshold)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("softplus", x.DType);
        SoftplusBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new SoftplusBackward0(beta, threshold), x);
            node.Self = SavedTensor.Input(x);
        }
        var y = OpHelpers.Fused(x, (src, dst) => Dispatch.Softplus(src, dst, beta, threshold));
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>x where x &gt; 0 else slope * x. LeakyReluBackward0.</summary>
    public static Tensor LeakyRelu(Tensor x, double slope)
    {
        x.ThrowIfDisposed();
        if (!x.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("leaky_relu_cpu", x.DType);
        LeakyReluBackward0? node = null;
        if (Record.ShouldRecord(x))
        {
            node = Record.Connect(new LeakyReluBackward0(slope), x);
            node.Self = SavedTensor.Input(x);
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) y = Tensor.Where(x.Gt(0.0), x, x * slope).MoveToOuterScope();
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}
