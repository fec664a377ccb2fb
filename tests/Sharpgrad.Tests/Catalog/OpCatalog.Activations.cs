using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.Catalog;

public static partial class OpCatalog
{
    /// <summary>Inputs over [lo, hi] kept away from the op's kinks.</summary>
    private static InputSpec Around(double lo, double hi, params double[] kinks) => new([2, 3], lo, hi, kinks);

    private static double Elu(double x, double alpha, double scale, double inputScale) =>
        x > 0 ? scale * x : alpha * scale * (Math.Exp(inputScale * x) - 1);

    /// <summary>The activations and pointwise ops of Functional.Activations and Tensor.Pointwise (node names from the oracle).</summary>
    private static IEnumerable<OpRow> Activations()
    {
        yield return Elementwise1("hardtanh", "HardtanhBackward0", x => F.Hardtanh(x), x => Math.Clamp(x, -1, 1), Around(-2, 2, -1, 1));
        yield return Elementwise1("hardtanh_m2_3", "HardtanhBackward0", x => F.Hardtanh(x, -2, 3), x => Math.Clamp(x, -2, 3), Around(-4, 4, -2, 3));
        yield return Elementwise1("relu6", "HardtanhBackward0", F.Relu6, x => Math.Clamp(x, 0, 6), Around(-2, 8, 0, 6));
        yield return Elementwise1("hardsigmoid", "HardsigmoidBackward0", F.Hardsigmoid, x => Math.Clamp(x + 3, 0, 6) / 6, Around(-4, 4, -3, 3));
        yield return Elementwise1("hardswish", "HardswishBackward0", F.Hardswish, x => x * Math.Clamp(x + 3, 0, 6) / 6, Around(-4, 4, -3, 3));
        yield return Elementwise1("mish", "MishBackward0", F.Mish, x => x * Math.Tanh(Math.Log(1 + Math.Exp(x))));
        yield return Elementwise1("selu", "EluBackward0", F.Selu,
            x => Elu(x, 1.6732632423543772848170429916717, 1.0507009873554804934193349852946, 1), Around(-2, 2, 0));
        yield return Elementwise1("celu", "CeluBackward0", x => F.Celu(x, 0.7), x => Elu(x, 0.7, 1, 1 / 0.7));
        yield return Elementwise1("softsign", "DivBackward0", F.Softsign, x => x / (1 + Math.Abs(x)), Around(-2, 2, 0));
        yield return Elementwise1("logsigmoid", "LogSigmoidBackward0", F.LogSigmoid, x => Math.Log(Sigmoid(x)));
        yield return Elementwise1("threshold", "ThresholdBackward0", x => F.Threshold(x, 0.5, -1), x => x > 0.5 ? x : -1, Around(-2, 2, 0.5));
        yield return Elementwise1("tanhshrink", "SubBackward0", F.Tanhshrink, x => x - Math.Tanh(x));
        yield return Elementwise1("hardshrink", "HardshrinkBackward0", x => F.Hardshrink(x), x => Math.Abs(x) <= 0.5 ? 0 : x, Around(-2, 2, -0.5, 0.5));
        yield return Elementwise1("softshrink", "SoftshrinkBackward0", x => F.Softshrink(x), x => x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0, Around(-2, 2, -0.5, 0.5));
        yield return new OpRow { Name = "softmin", Node = "SoftmaxBackward0", F = xs => F.Softmin(xs[0], 1), Inputs = [In(2, 3)] };
        yield return new OpRow { Name = "glu", Node = "GluBackward0", F = xs => F.Glu(xs[0], 0), Inputs = [In(4, 3)] };
        yield return new OpRow
        {
            Name = "prelu",
            Node = "PreluKernelBackward0",
            F = xs => F.Prelu(xs[0], xs[1]),
            Inputs = [Kinked([0], 2, 3, 2), In(3)],
        };
        yield return Elementwise2("atan2", "Atan2Backward0", (a, b) => a.Atan2(b), Math.Atan2);
        yield return Elementwise2("logaddexp", "LogaddexpBackward0", (a, b) => a.LogAddExp(b),
            (a, b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b))));
        yield return Elementwise2("lerp_scalar", "LerpBackward0", (a, b) => a.Lerp(b, 0.3), (a, b) => a + 0.3 * (b - a));
        yield return Elementwise2("lerp_scalar_high", "LerpBackward0", (a, b) => a.Lerp(b, 0.7), (a, b) => a + 0.7 * (b - a));
        yield return new OpRow
        {
            Name = "lerp_tensor",
            Node = "LerpBackward1",
            F = xs => xs[0].Lerp(xs[1], xs[2]),
            Inputs = [In(2, 3), In(2, 3), In(2, 3)],
            Reference = xs => xs[0].Select((s, i) => s + xs[2][i] * (xs[1][i] - s)).ToArray(),
            Broadcasts = [[In(2, 3), In(3), In(2, 1)], [In(), In(2, 1), In(1, 3)]],
            Elementwise = true,
        };
    }
}
