using Sharpgrad.Ops;

namespace Sharpgrad.Tests.Catalog;

/// <summary>
/// One row per differentiable op. Node names are PyTorch 2.6's (oracle FACTS sec 3 and
/// oracle runs for the rows FACTS does not list). OpCatalogTests drives every row.
/// </summary>
public static partial class OpCatalog
{
    public static readonly OpRow[] Rows = [.. Arithmetic(), .. Unary(), .. Activations(), .. Reductions(), .. Linalg(), .. Views(), .. Copies(), .. Indexing(), .. ShapeIndex()];

    public static OpRow Get(string name) => Rows.Single(r => r.Name == name);

    public static TheoryData<string> Names(Func<OpRow, bool>? where = null)
    {
        var data = new TheoryData<string>();
        foreach (var r in Rows) if (where is null || where(r)) data.Add(r.Name);
        return data;
    }

    // ---- input helpers ----
    internal static InputSpec In(params int[] shape) => new(shape);
    internal static InputSpec Pos(params int[] shape) => new(shape, 0.5, 2);
    internal static InputSpec Kinked(double[] kinks, params int[] shape) => new(shape, Kinks: kinks);
    internal static InputSpec Const(Func<Tensor> make) => new([], Grad: false, Const: make);
    internal static InputSpec Longs(long[] values, params int[] shape) => Const(() => Tensor.FromArray(values, shape));
    internal static InputSpec Mask(bool[] values, params int[] shape) => Const(() => Tensor.FromArray(values, shape));

    // ---- reference helpers ----
    internal static Func<double[][], double[]> Map(Func<double, double> f) => xs => xs[0].Select(f).ToArray();
    internal static Func<double[][], double[]> Zip(Func<double, double, double> f) => xs => xs[0].Zip(xs[1], f).ToArray();
    internal static Func<double[][], double[]> Total(Func<double[], double> f) => xs => [f(xs[0])];

    /// <summary>Abramowitz-Stegun 7.1.26 (|error| &lt; 1.5e-7): .NET has no Math.Erf.</summary>
    internal static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static OpRow Elementwise2(string name, string node, Func<Tensor, Tensor, Tensor> f, Func<double, double, double>? reference,
        InputSpec? a = null, InputSpec? b = null) => new()
    {
        Name = name,
        Node = node,
        F = xs => f(xs[0], xs[1]),
        Inputs = [a ?? In(2, 3), b ?? In(2, 3)],
        Reference = reference is null ? null : Zip(reference),
        Broadcasts =
        [
            [(a ?? In(2, 3)) with { Shape = [2, 3] }, (b ?? In(3)) with { Shape = [3] }],
            [(a ?? In(2, 1)) with { Shape = [2, 1] }, (b ?? In(1, 3)) with { Shape = [1, 3] }],
            [(a ?? In()) with { Shape = [] }, (b ?? In(2, 3)) with { Shape = [2, 3] }],
        ],
        Elementwise = true,
    };

    private static OpRow Elementwise1(string name, string node, Func<Tensor, Tensor> f, Func<double, double>? reference, InputSpec? input = null,
        double refTol = 1e-12) => new()
    {
        Name = name,
        Node = node,
        F = xs => f(xs[0]),
        Inputs = [input ?? In(2, 3)],
        Reference = reference is null ? null : Map(reference),
        Elementwise = true,
        RefTol = refTol,
    };

    private static IEnumerable<OpRow> Arithmetic()
    {
        yield return Elementwise2("add", "AddBackward0", (a, b) => a + b, (a, b) => a + b);
        yield return Elementwise2("add_alpha", "AddBackward0", (a, b) => a.Add(b, 2.5), (a, b) => a + 2.5 * b);
        yield return Elementwise2("sub", "SubBackward0", (a, b) => a - b, (a, b) => a - b);
        yield return Elementwise2("sub_alpha", "SubBackward0", (a, b) => a.Sub(b, 2), (a, b) => a - 2 * b);
        yield return Elementwise2("mul", "MulBackward0", (a, b) => a * b, (a, b) => a * b);
        yield return Elementwise2("div", "DivBackward0", (a, b) => a / b, (a, b) => a / b, b: Pos(2, 3));
        yield return Elementwise2("pow_tensor", "PowBackward1", (a, b) => a.Pow(b), Math.Pow, a: Pos(2, 3));
        yield return Elementwise2("maximum", "MaximumBackward0", (a, b) => a.Maximum(b), Math.Max);
        yield return Elementwise2("minimum", "MinimumBackward0", (a, b) => a.Minimum(b), Math.Min);
        yield return Elementwise1("add_scalar", "AddBackward0", x => x + 2.0, x => x + 2);
        yield return Elementwise1("add_scalar_method", "AddBackward0", x => x.Add(2.0), x => x + 2);
        yield return Elementwise1("scalar_add", "AddBackward0", x => 2.0 + x, x => 2 + x);
        yield return Elementwise1("sub_scalar", "SubBackward0", x => x - 2.0, x => x - 2);
        yield return Elementwise1("sub_scalar_method", "SubBackward0", x => x.Sub(2.0), x => x - 2);
        yield return Elementwise1("rsub_scalar", "RsubBackward1", x => 2.0 - x, x => 2 - x);
        yield return Elementwise1("mul_scalar", "MulBackward0", x => x * 3.0, x => x * 3);
        yield return Elementwise1("scalar_mul", "MulBackward0", x => 3.0 * x, x => 3 * x);
        yield return Elementwise1("mul_scalar_method", "MulBackward0", x => x.Mul(3.0), x => x * 3);
        yield return Elementwise1("div_scalar", "DivBackward0", x => x / 2.0, x => x / 2);
        yield return Elementwise1("div_scalar_method", "DivBackward0", x => x.Div(2.0), x => x / 2);
        yield return Elementwise1("rdiv_scalar", "MulBackward0", x => 2.0 / x, x => 2 / x, Pos(2, 3));
        yield return Elementwise1("pow_scalar", "PowBackward0", x => x.Pow(2), x => x * x);
        yield return Elementwise1("pow_half", "PowBackward0", x => x.Pow(0.5), Math.Sqrt, Pos(2, 3));
        yield return Elementwise1("pow_frac", "PowBackward0", x => x.Pow(-1.5), x => Math.Pow(x, -1.5), Pos(2, 3));
        yield return Elementwise1("square", "PowBackward0", x => x.Square(), x => x * x);
        yield return Elementwise1("scalar_pow", "PowBackward2", x => Tensor.Pow(2.0, x), x => Math.Pow(2, x));
        yield return Elementwise1("neg", "NegBackward0", x => -x, x => -x);
        yield return Elementwise1("neg_method", "NegBackward0", x => x.Neg(), x => -x);
    }

    private static IEnumerable<OpRow> Unary()
    {
        double[] zero = [0];
        yield return Elementwise1("exp", "ExpBackward0", x => x.Exp(), Math.Exp);
        yield return Elementwise1("log", "LogBackward0", x => x.Log(), Math.Log, Pos(2, 3));
        yield return Elementwise1("sqrt", "SqrtBackward0", x => x.Sqrt(), Math.Sqrt, Pos(2, 3));
        yield return Elementwise1("rsqrt", "RsqrtBackward0", x => x.Rsqrt(), x => 1 / Math.Sqrt(x), Pos(2, 3));
        yield return Elementwise1("abs", "AbsBackward0", x => x.Abs(), Math.Abs, Kinked(zero, 2, 3));
        yield return Elementwise1("sin", "SinBackward0", x => x.Sin(), Math.Sin);
        yield return Elementwise1("cos", "CosBackward0", x => x.Cos(), Math.Cos);
        yield return Elementwise1("sigmoid", "SigmoidBackward0", x => x.Sigmoid(), Sigmoid);
        yield return Elementwise1("tanh", "TanhBackward0", x => x.Tanh(), Math.Tanh);
        yield return Elementwise1("relu", "ReluBackward0", x => x.Relu(), x => Math.Max(x, 0), Kinked(zero, 2, 3));
        yield return Elementwise1("reciprocal", "ReciprocalBackward0", x => x.Reciprocal(), x => 1 / x, Pos(2, 3));
        yield return Elementwise1("clamp", "ClampBackward1", x => x.Clamp(-0.5, 0.5), x => Math.Clamp(x, -0.5, 0.5), Kinked([-0.5, 0.5], 2, 3));
        yield return Elementwise1("clamp_min", "ClampBackward1", x => x.Clamp(min: 0), x => Math.Max(x, 0), Kinked(zero, 2, 3));
        yield return Elementwise1("clamp_max", "ClampBackward1", x => x.Clamp(max: 0), x => Math.Min(x, 0), Kinked(zero, 2, 3));
        yield return Elementwise1("erf", "ErfBackward0", x => x.Erf(), Erf, refTol: 1e-6);
        yield return Elementwise1("log1p", "Log1PBackward0", x => x.Log1p(), x => Math.Log(1 + x), new InputSpec([2, 3], -0.5, 2));
        yield return Elementwise1("expm1", "Expm1Backward0", x => x.Expm1(), x => Math.Exp(x) - 1);
        yield return Elementwise1("gelu", "GeluBackward0", x => UnaryOps.Gelu(x, false), x => x * 0.5 * (1 + Erf(x / Math.Sqrt(2))), refTol: 1e-6);
        yield return Elementwise1("gelu_tanh", "GeluBackward0", x => UnaryOps.Gelu(x, true),
            x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
        yield return Elementwise1("silu", "SiluBackward0", x => UnaryOps.Silu(x), x => x * Sigmoid(x));
        yield return Elementwise1("leaky_relu", "LeakyReluBackward0", x => UnaryOps.LeakyRelu(x, 0.1), x => x > 0 ? x : 0.1 * x, Kinked(zero, 2, 3));
    }

    private static OpRow Reduction(string name, string node, Func<Tensor, Tensor> f, Func<double[], double>? total = null, InputSpec? input = null) => new()
    {
        Name = name,
        Node = node,
        F = xs => f(xs[0]),
        Inputs = [input ?? In(3, 4)],
        Reference = total is null ? null : Total(total),
    };

    private static double Variance(double[] v, int correction)
    {
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / (v.Length - correction);
    }

    private static IEnumerable<OpRow> Reductions()
    {
        yield return Reduction("sum", "SumBackward0", x => x.Sum(), v => v.Sum());
        yield return Reduction("sum_dim", "SumBackward1", x => x.Sum(1));
        yield return Reduction("sum_dim_keep", "SumBackward1", x => x.Sum(0, keepDim: true));
        yield return Reduction("sum_dims", "SumBackward1", x => x.Sum([0, 2]), input: In(2, 3, 2));
        yield return Reduction("sum_neg_dim", "SumBackward1", x => x.Sum(-1));
        yield return Reduction("mean", "MeanBackward0", x => x.Mean(), v => v.Average());
        yield return Reduction("mean_dim", "MeanBackward1", x => x.Mean(1));
        yield return Reduction("mean_dim_keep", "MeanBackward1", x => x.Mean(0, keepDim: true));
        yield return Reduction("max", "MaxBackward1", x => x.Max(), v => v.Max());
        yield return Reduction("max_dim", "MaxBackward0", x => x.Max(1).Values);
        yield return Reduction("max_dim_keep", "MaxBackward0", x => x.Max(0, keepDim: true).Values);
        yield return Reduction("min", "MinBackward1", x => x.Min(), v => v.Min());
        yield return Reduction("min_dim", "MinBackward0", x => x.Min(1).Values);
        yield return Reduction("var", "VarBackward0", x => x.Var(), v => Variance(v, 1));
        yield return Reduction("var_biased", "VarBackward0", x => x.Var(unbiased: false), v => Variance(v, 0));
        yield return Reduction("var_dim", "VarBackward0", x => x.Var(1));
        yield return Reduction("std", "StdBackward0", x => x.Std(), v => Math.Sqrt(Variance(v, 1)));
        yield return Reduction("std_dim", "StdBackward0", x => x.Std(0, keepDim: true));
        yield return Reduction("prod", "ProdBackward0", x => x.Prod(), v => v.Aggregate(1.0, (a, b) => a * b), new InputSpec([2, 3], 0.5, 1.5));
    }
}
