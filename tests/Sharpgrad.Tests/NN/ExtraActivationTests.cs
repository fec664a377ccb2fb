using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// Hardtanh, ReLU6, Hardsigmoid, Hardswish, Mish, SELU, CELU, Softsign, LogSigmoid, Threshold, Tanhshrink, Hardshrink
/// and Softshrink: PyTorch 2.6 values, gradients (kinks included), node names, reprs and messages; gradcheck.
/// </summary>
public class ExtraActivationTests
{
    /// <summary>Holds every kink: ±1, -2, 3 (hardtanh), 0, 6 (relu6), ±3 (hardsigmoid, hardswish), 1 (threshold), ±0.5, ±2 (shrinks).</summary>
    private static Tensor X() => Check.F64([-4.0, -3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0, 7.0], 12).RequiresGrad_();

    public static TheoryData<string, string, double[], double[]> Cases() => new()
    {
        { "hardtanh", "HardtanhBackward0", [-1.0, -1.0, -1.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0] },
        { "hardtanh_m2_3", "HardtanhBackward0", [-2.0, -2.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 3.0, 3.0], [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0] },
        { "relu6", "HardtanhBackward0", [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0, 6.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0] },
        { "hardsigmoid", "HardsigmoidBackward0", [0.0, 0.0, 0.16666666666666666, 0.3333333333333333, 0.4166666666666667, 0.5, 0.5833333333333334, 0.6666666666666666, 0.8333333333333334, 1.0, 1.0, 1.0], [0.0, 0.0, 0.1666666716337204, 0.1666666716337204, 0.1666666716337204, 0.1666666716337204, 0.1666666716337204, 0.1666666716337204, 0.1666666716337204, 0.0, 0.0, 0.0] },
        { "hardswish", "HardswishBackward0", [-0.0, -0.0, -0.3333333333333333, -0.3333333333333333, -0.20833333333333334, 0.0, 0.2916666666666667, 0.6666666666666666, 1.6666666666666667, 3.0, 6.0, 7.0], [0.0, -0.5, -0.16666666666666663, 0.16666666666666669, 0.33333333333333337, 0.5, 0.6666666666666666, 0.8333333333333333, 1.1666666666666665, 1.5, 1.0, 1.0] },
        { "mish", "MishBackward0", [-0.07259174079202535, -0.1456474612756246, -0.2525014826957089, -0.30340146137410895, -0.22074377465173, 0.0, 0.3752452113048951, 0.8650983882673103, 1.9439589595339946, 2.9865350049679575, 5.999926634065252, 6.999988379809741], [-0.05377320979348033, -0.09339311453232084, -0.1083550924203939, 0.059216755877395014, 0.28951067791351226, 0.6, 0.8864243753577272, 1.0490362200997922, 1.0693179342794896, 1.0211069109294435, 1.00013414050621, 1.000021559160889] },
        { "selu", "EluBackward0", [-1.7258986281898945, -1.6705687287671118, -1.5201664685956948, -1.1113307378125625, -0.6917581878028713, 0.0, 0.5253504936777402, 1.0507009873554805, 2.101401974710961, 3.1521029620664414, 6.304205924132883, 7.354906911488364], [0.03220071265748214, 0.08753061208026487, 0.2379328722516818, 0.646768603034814, 1.0663411530445053, 1.7580993408473766, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805] },
        { "celu", "CeluBackward0", [-0.9816843611112658, -0.950212931632136, -0.8646647167633873, -0.6321205588285577, -0.3934693402873666, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0, 7.0], [0.01831563888873418, 0.049787068367863944, 0.1353352832366127, 0.36787944117144233, 0.6065306597126334, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0] },
        { "celu_a2", "CeluBackward0", [-1.7293294335267746, -1.5537396797031404, -1.2642411176571153, -0.7869386805747332, -0.44239843385719024, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0, 7.0], [0.1353352832366127, 0.22313016014842982, 0.36787944117144233, 0.6065306597126334, 0.7788007830714049, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0] },
        { "celu_a03", "CeluBackward0", [-0.29999951412096226, -0.29998638002107125, -0.29961820985959803, -0.2892978019958243, -0.24333731914873147, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0, 7.0], [1.619597586049035e-06, 4.539994599876715e-05, 0.0012726340879027293, 0.0356739966548857, 0.1888756078410563, 0.9999999602635717, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0] },
        { "softsign", "DivBackward0", [-0.8, -0.75, -0.6666666666666666, -0.5, -0.3333333333333333, 0.0, 0.3333333333333333, 0.5, 0.6666666666666666, 0.75, 0.8571428571428571, 0.875], [0.04000000000000001, 0.0625, 0.1111111111111111, 0.25, 0.4444444444444444, 1.0, 0.4444444444444444, 0.25, 0.1111111111111111, 0.0625, 0.020408163265306117, 0.015625] },
        { "logsigmoid", "LogSigmoidBackward0", [-4.0181499279178094, -3.048587351573742, -2.1269280110429727, -1.3132616875182228, -0.9740769841801067, -0.6931471805599453, -0.4740769841801067, -0.31326168751822286, -0.1269280110429725, -0.04858735157374206, -0.0024756851377304495, -0.0009114664537742447], [0.9820137900379085, 0.9525741268224333, 0.8807970779778824, 0.7310585786300049, 0.6224593312018545, 0.5, 0.37754066879814546, 0.2689414213699951, 0.11920292202211755, 0.04742587317756679, 0.0024726231566347748, 0.0009110511944006454] },
        { "threshold", "ThresholdBackward0", [20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 2.0, 3.0, 6.0, 7.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0] },
        { "tanhshrink", "SubBackward0", [-3.000670700260933, -2.0049452463132695, -1.035972419924183, -0.23840584404423515, -0.03788284273999026, 0.0, 0.03788284273999026, 0.23840584404423515, 1.035972419924183, 2.0049452463132695, 5.000012288349204, 6.0000016630560555], [0.9986590493169741, 0.9901339628345598, 0.9293491751468356, 0.5800256583859739, 0.2135522670340726, 0.0, 0.2135522670340726, 0.5800256583859739, 0.9293491751468356, 0.9901339628345598, 0.9999754234525947, 0.9999966738906552] },
        { "hardshrink", "HardshrinkBackward0", [-4.0, -3.0, -2.0, -1.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 6.0, 7.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0] },
        { "hardshrink_2", "HardshrinkBackward0", [-4.0, -3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 6.0, 7.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0] },
        { "softshrink", "SoftshrinkBackward0", [-3.5, -2.5, -1.5, -0.5, 0.0, 0.0, 0.0, 0.5, 1.5, 2.5, 5.5, 6.5], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0] },
        { "softshrink_2", "SoftshrinkBackward0", [-2.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 4.0, 5.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0] },
    };

    private static Tensor Apply(string name, Tensor x) => name switch
    {
        "hardtanh" => new Hardtanh().Call(x),
        "hardtanh_m2_3" => F.Hardtanh(x, -2, 3),
        "relu6" => new ReLU6().Call(x),
        "hardsigmoid" => new Hardsigmoid().Call(x),
        "hardswish" => new Hardswish().Call(x),
        "mish" => new Mish().Call(x),
        "selu" => new SELU().Call(x),
        "celu" => new CELU().Call(x),
        "celu_a2" => F.Celu(x, 2.0),
        "celu_a03" => F.Celu(x, 0.3),
        "softsign" => new Softsign().Call(x),
        "logsigmoid" => new LogSigmoid().Call(x),
        "threshold" => new Threshold(1.0, 20.0).Call(x),
        "tanhshrink" => new Tanhshrink().Call(x),
        "hardshrink" => new Hardshrink().Call(x),
        "hardshrink_2" => F.Hardshrink(x, 2.0),
        "softshrink" => new Softshrink().Call(x),
        "softshrink_2" => F.Softshrink(x, 2.0),
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(Cases))]
    public void MatchPyTorch(string name, string node, double[] y, double[] grad)
    {
        Check.MatchesPyTorch(x => Apply(name, x), X(), node, y, grad);
        // 3.3·cos(1.3·i): spread over [-3.3, 3.3], each value at least 0.1 away from every kink
        Assert.True(Autograd.GradCheck(a => Apply(name, a[0]), [Check.Det([9], 1.3, 3.3).RequiresGrad_()]));
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        Assert.Equal("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().ToString());
        Assert.Equal("Hardtanh(min_val=-2.5, max_val=3.5)", new Hardtanh(-2.5, 3.5).ToString());
        Assert.Equal("ReLU6()", new ReLU6().ToString());
        Assert.Equal("Hardsigmoid()", new Hardsigmoid().ToString());
        Assert.Equal("Hardswish()", new Hardswish().ToString());
        Assert.Equal("Mish()", new Mish().ToString());
        Assert.Equal("SELU()", new SELU().ToString());
        Assert.Equal("CELU(alpha=1.0)", new CELU().ToString());
        Assert.Equal("CELU(alpha=2.0)", new CELU(2.0).ToString());
        Assert.Equal("Softsign()", new Softsign().ToString());
        Assert.Equal("LogSigmoid()", new LogSigmoid().ToString());
        Assert.Equal("GLU(dim=-1)", new GLU().ToString());
        Assert.Equal("GLU(dim=0)", new GLU(0).ToString());
        Assert.Equal("Threshold(threshold=1.0, value=20.0)", new Threshold(1.0, 20.0).ToString());
        Assert.Equal("Softmin(dim=1)", new Softmin(1).ToString());
        Assert.Equal("Softmin(dim=-1)", new Softmin(-1).ToString());
        Assert.Equal("PReLU(num_parameters=1)", new PReLU().ToString());
        Assert.Equal("PReLU(num_parameters=3)", new PReLU(3, 0.1).ToString());
        Assert.Equal("Tanhshrink()", new Tanhshrink().ToString());
        Assert.Equal("Hardshrink(0.5)", new Hardshrink().ToString());
        Assert.Equal("Softshrink(0.5)", new Softshrink().ToString());
        Assert.Equal("Softshrink(1.5)", new Softshrink(1.5).ToString());
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        var x = Tensor.Zeros([2]);
        Assert.Equal("min_val cannot be greater than max_val", Assert.Throws<ArgumentException>(() => F.Hardtanh(x, 2.0, 1.0)).Message);
        Assert.Equal([1f, 1f], F.Hardtanh(x, 1.0, 1.0).ToArray<float>()); // F.hardtanh allows min == max ...
        Assert.Equal("", Assert.Throws<ArgumentException>(() => new Hardtanh(1.0, 1.0)).Message); // ... nn.Hardtanh asserts max > min, no message
        Assert.Equal("lambda must be greater or equal to 0, but found to be -0.5.", Assert.Throws<ArgumentException>(() => F.Softshrink(x, -0.5)).Message);
        Assert.Equal("lambda must be greater or equal to 0, but found to be -1.", Assert.Throws<ArgumentException>(() => F.Softshrink(x, -1.0)).Message);
        Assert.Equal("lambda must be greater or equal to 0, but found to be -1e-07.", Assert.Throws<ArgumentException>(() => F.Softshrink(x, -1e-7)).Message);
        Assert.Equal("lambda must be greater or equal to 0, but found to be -0.123457.", Assert.Throws<ArgumentException>(() => F.Softshrink(x, -0.123456789)).Message);
        F.Hardshrink(x, -0.5); // no check in PyTorch
        Assert.Equal("ZeroDivisionError: alpha cannot be 0 for CELU", Assert.Throws<ArgumentException>(() => F.Celu(x, 0.0)).Message);
        var ints = Check.I64(-3, 0, 3);
        foreach (var (kernel, f) in new (string, Func<Tensor, Tensor>)[]
        {
            ("hardsigmoid_cpu", F.Hardsigmoid), ("hardswish_cpu", F.Hardswish), ("mish_cpu", F.Mish), ("elu_cpu", F.Selu),
            ("elu_cpu", t => F.Celu(t)), ("log_sigmoid_cpu", F.LogSigmoid), ("hardshrink_cpu", t => F.Hardshrink(t)),
            ("softshrink_cpu", t => F.Softshrink(t)),
        })
            Assert.Equal($"\"{kernel}\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => f(ints)).Message);
        // hardtanh, relu6 and threshold keep integers; softsign and tanhshrink promote like their composites
        Assert.Equal([-2L, 0, 2], F.Hardtanh(ints, -2, 2).ToArray<long>());
        Assert.Equal([0L, 0, 3, 6], F.Relu6(Check.I64(-3, 0, 3, 9)).ToArray<long>());
        Assert.Equal([20L, 20, 3], F.Threshold(ints, 1, 20).ToArray<long>());
        Assert.Equal([-2L, 0, 2], F.Hardtanh(ints, -2.5, 2.5).ToArray<long>()); // fractional bounds truncate on integers
        Assert.Equal([2L, 2, 3], F.Threshold(ints, 0.5, 2.5).ToArray<long>());
        var bools = Tensor.FromArray(new[] { true, false });
        Assert.Equal("Bool inputs not supported for hardtanh", Assert.Throws<ArgumentException>(() => F.Hardtanh(bools)).Message);
        Assert.Equal("Bool inputs not supported for hardtanh", Assert.Throws<ArgumentException>(() => F.Relu6(bools)).Message);
        Assert.Equal("lambda must be greater or equal to 0, but found to be nan.", Assert.Throws<ArgumentException>(() => F.Softshrink(x, double.NaN)).Message);
        var nan = F.Hardtanh(Check.F32([float.NaN, 1f], 2)).ToArray<float>();
        Assert.True(float.IsNaN(nan[0]) && nan[1] == 1f);
        Check.Close([-0.75, 0.0, 0.75], F.Softsign(ints));
        Assert.Equal(DType.Float32, F.Tanhshrink(ints).DType);
    }

    [Fact]
    public void Float32AtLargeMagnitudesMatchPyTorch()
    {
        (string, Func<Tensor, Tensor>, double[], double[])[] cases =
        [
            ("mish", F.Mish, [-3.783505853677006e-42, -2.807286954981114e-12, 30.0, 100.0], [3.783505853677006e-44, -2.7137109833569317e-12, 1.0, 1.0]),
            ("logsigmoid", F.LogSigmoid, [-100.0, -30.0, -9.357622912219837e-14, -3.923635700109488e-44], [1.0, 1.0, 9.357622912219837e-14, 3.783505853677006e-44]),
            ("softsign", F.Softsign, [-0.9900990128517151, -0.9677419066429138, 0.9677419066429138, 0.9900990128517151], [9.802915155887604e-05, 0.0010405834764242172, 0.0010405834764242172, 9.802915155887604e-05]),
            ("selu", F.Selu, [-1.7580993175506592, -1.7580993175506592, 31.52103042602539, 105.07009887695312], [6.58610278232664e-44, 1.6451630910439136e-13, 1.0507010221481323, 1.0507010221481323]),
            ("celu", t => F.Celu(t), [-1.0, -1.0, 30.0, 100.0], [3.783505853677006e-44, 9.357622912219837e-14, 1.0, 1.0]),
        ];
        foreach (var (name, f, y, grad) in cases)
        {
            var x = Check.F32([-100f, -30f, 30f, 100f], 4).RequiresGrad_();
            var r = f(x);
            Assert.Equal(DType.Float32, r.DType);
            r.Sum().Backward();
            // about a float32 ulp; subnormals (~1e-44) carry only a few bits, hence the floor
            var values = r.To(DType.Float64).ToArray<double>();
            var grads = x.Grad!.To(DType.Float64).ToArray<double>();
            for (int i = 0; i < 4; i++)
            {
                Assert.True(Math.Abs(values[i] - y[i]) <= 2e-7 * Math.Abs(y[i]) + 1e-43, $"{name} y[{i}]: {values[i]:R}");
                Assert.True(Math.Abs(grads[i] - grad[i]) <= 2e-7 * Math.Abs(grad[i]) + 1e-43, $"{name} grad[{i}]: {grads[i]:R}");
            }
        }
    }

    /// <summary>
    /// Saturation, subnormal-free underflow and tiny inputs. (Tanhshrink is left out: it composes the tanh kernel, which
    /// near 0 is off by ~1e-7 relative, e.g. tanh(1e-10) = 1.0000000828e-10, where PyTorch's gives 1e-10 exactly.)
    /// </summary>
    [Fact]
    public void Float64AtExtremesMatchesPyTorch()
    {
        (string, Func<Tensor, Tensor>, double[], double[])[] cases =
        [
            ("logsigmoid", F.LogSigmoid, [-800.0, -30.000000000000092, -0.6931471806099453, -0.6931471805099453, -9.357622968839737e-14, 0.0], [1.0, 0.9999999999999064, 0.500000000025, 0.499999999975, 9.3576229688393e-14, 0.0]),
            ("mish", F.Mish, [-0.0, -2.807286890651921e-12, -5.99999999968e-11, 6.000000000320001e-11, 30.0, 800.0], [0.0, -2.713710660963392e-12, 0.5999999999360001, 0.600000000064, 1.0, 1.0]),
            ("selu", F.Selu, [-1.7580993408473766, -1.758099340847212, -1.7580994863131684e-10, 1.0507009873554805e-10, 31.521029620664414, 840.5607898843843], [0.0, 1.6451630773416182e-13, 1.7580993406715666, 1.0507009873554805, 1.0507009873554805, 1.0507009873554805]),
            ("celu", t => F.Celu(t), [-1.0, -0.9999999999999064, -1.000000082740371e-10, 1e-10, 30.0, 800.0], [0.0, 9.357622968840175e-14, 0.9999999999, 1.0, 1.0, 1.0]),
            ("softsign", F.Softsign, [-0.9987515605493134, -0.967741935483871, -9.999999999e-11, 9.999999999e-11, 0.967741935483871, 0.9987515605493134], [1.5586010620306876e-06, 0.00104058272632674, 0.9999999998, 0.9999999998, 0.00104058272632674, 1.5586010620306876e-06]),
        ];
        foreach (var (name, f, y, grad) in cases)
        {
            var x = Check.F64([-800.0, -30.0, -1e-10, 1e-10, 30.0, 800.0], 6).RequiresGrad_();
            var r = f(x);
            Assert.True(y.Zip(r.ToArray<double>()).All(p => Math.Abs(p.First - p.Second) <= 1e-12 * Math.Abs(p.First) + 1e-300), name);
            r.Sum().Backward();
            Check.Close(grad, x.Grad!, 1e-10);
        }
    }

    [Fact]
    public void SecondDerivativesMatchPyTorch()
    {
        foreach (var (f, expected) in new (Func<Tensor, Tensor>, double[])[]
        {
            (F.Mish, [0.5633946590020673, 0.5962019915845516, -0.05772466740829399]),
            (F.LogSigmoid, [-0.24445831169074586, -0.24026074574152914, -0.10499358540350662]),
        })
        {
            var x = Check.F64([0.3, -0.4, 2.0], 3).RequiresGrad_();
            var g = Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
            Check.Close(expected, Autograd.Grad([g.Sum()], [x])[0]!, 1e-12);
        }
    }

    [Fact]
    public void HardsigmoidSlopeIsASinglePrecisionSixth()
    {
        var x = Check.F32([-2f, 0.5f, 1f], 3).RequiresGrad_();
        var y = F.Hardswish(x);
        y.Sum().Backward();
        Assert.Equal(new[] { -0.3333333432674408f, 0.2916666567325592f, 0.6666666865348816f }, y.ToArray<float>());
        Assert.Equal(new[] { -0.1666666865348816f, 0.6666666865348816f, 0.8333333730697632f }, x.Grad!.ToArray<float>());
        x = Check.F32([-2f, 0.5f, 1f], 3).RequiresGrad_();
        y = F.Hardsigmoid(x);
        y.Sum().Backward();
        Assert.Equal(new[] { 0.1666666716337204f, 0.5833333134651184f, 0.6666666865348816f }, y.ToArray<float>());
        Assert.All(x.Grad!.ToArray<float>(), g => Assert.Equal(0.1666666716337204f, g));
    }
}
