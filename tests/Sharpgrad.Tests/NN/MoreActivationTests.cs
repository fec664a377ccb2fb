using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>SiLU, LeakyReLU, Softplus and ELU: PyTorch 2.6 values, gradients, node names and reprs; gradcheck.</summary>
public class MoreActivationTests
{
    private static Tensor X() => Check.F64([-3.0, -0.5, 0.0, 0.7, 12.0, 25.0], 6).RequiresGrad_();

    public static TheoryData<string, string, double[], double[]> Cases() => new()
    {
        { "softplus", "SoftplusBackward0", [0.04858735157374206, 0.4740769841801067, 0.6931471805599453, 1.103186048885458, 12.000006144193478, 25.0], [0.04742587317756679, 0.37754066879814546, 0.5, 0.6681877721681662, 0.9999938558253978, 1.0] },
        { "softplus_b2_t5", "SoftplusBackward0", [0.0012378425688652247, 0.15663084375911143, 0.34657359027997264, 0.8102087049592255, 12.0, 25.0], [0.0024726231566347748, 0.2689414213699951, 0.5, 0.8021838885585817, 1.0, 1.0] },
        { "elu", "EluBackward0", [-0.950212931632136, -0.3934693402873666, 0.0, 0.7, 12.0, 25.0], [0.049787068367863944, 0.6065306597126334, 1.0, 1.0, 1.0, 1.0] },
        { "elu_a05", "EluBackward0", [-0.475106465816068, -0.1967346701436833, 0.0, 0.7, 12.0, 25.0], [0.024893534183931972, 0.3032653298563167, 0.5, 1.0, 1.0, 1.0] },
        { "silu", "SiluBackward0", [-0.14227761953270035, -0.1887703343990727, 0.0, 0.46773144051771626, 11.999926269904773, 24.9999999996528], [-0.08810410601516962, 0.2600388126973482, 0.5, 0.8233867834733425, 1.0000675854676138, 1.000000000333312] },
        { "leaky", "LeakyReluBackward0", [-0.6000000000000001, -0.1, 0.0, 0.7, 12.0, 25.0], [0.2, 0.2, 0.2, 1.0, 1.0, 1.0] },
    };

    private static Tensor Apply(string name, Tensor x) => name switch
    {
        "softplus" => new Softplus().Call(x),
        "softplus_b2_t5" => F.Softplus(x, beta: 2, threshold: 5),
        "elu" => new ELU().Call(x),
        "elu_a05" => F.Elu(x, 0.5),
        "silu" => new SiLU().Call(x),
        _ => new LeakyReLU(0.2).Call(x),
    };

    [Theory, MemberData(nameof(Cases))]
    public void MatchPyTorch(string name, string node, double[] y, double[] grad)
    {
        Check.MatchesPyTorch(x => Apply(name, x), X(), node, y, grad);
        Tensor.ManualSeed(4);
        Assert.True(Autograd.GradCheck(a => Apply(name, a[0]), [Tensor.Randn([7], DType.Float64, requiresGrad: true) * 3.0]));
    }

    [Fact]
    public void EluComputesExpMinusOneAsPyTorchDoes()
    {
        // PyTorch 2.6's kernel: (exp(x) - 1)·α, not expm1 (which gives -0.0018447415 here)
        var x = Tensor.FromArray(new[] { -0.0018464451422914863f, -0.0018464451422914863f });
        Assert.Equal(-0.0018447637557983398f, F.Elu(x).ToArray<float>()[0]);
        Assert.Equal(-1.9963997122118826e-10, F.Elu(Tensor.FromArray(new[] { -1.9964e-10 })).Item<double>());
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        Assert.Equal("SiLU()", new SiLU().ToString());
        Assert.Equal("LeakyReLU(negative_slope=0.01)", new LeakyReLU().ToString());
        Assert.Equal("LeakyReLU(negative_slope=0.2)", new LeakyReLU(0.2).ToString());
        Assert.Equal("Softplus(beta=1.0, threshold=20.0)", new Softplus().ToString());
        Assert.Equal("ELU(alpha=1.0)", new ELU().ToString());
        Assert.Equal("ELU(alpha=0.5)", new ELU(0.5).ToString());
    }
}

/// <summary>Dropout2d: whole channels dropped and the rest scaled, identity in eval.</summary>
[Collection("Seed")]
public class Dropout2dTests
{
    [Fact]
    public void DropsWholeChannels()
    {
        Tensor.ManualSeed(17);
        var x = Tensor.Ones([8, 16, 3, 3], DType.Float64, requiresGrad: true);
        var d = new Dropout2d(0.25);
        var y = d.Call(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        var v = y.ToArray<double>();
        int dropped = 0;
        for (int c = 0; c < 8 * 16; c++)
        {
            var plane = v.Skip(c * 9).Take(9).Distinct().ToArray();
            Assert.Single(plane); // a channel is all zero or all 1/(1-p)
            Assert.Contains(plane[0], new[] { 0.0, 1 / 0.75 });
            if (plane[0] == 0) dropped++;
        }
        Assert.InRange(dropped, 16, 48); // ~32 of 128 expected
        d.Eval();
        Assert.Same(x, d.Call(x));
        Assert.Equal("Dropout2d(p=0.25, inplace=False)", d.ToString());
        // PyTorch 2.6 draws one mask value per [dim 0, dim 1] entry at any rank: a 2-D input varies along both dims, a
        // 3-D [A, B, L] input is constant along L only.
        var flat = Functional.Dropout2d(Tensor.Ones([64, 5], DType.Float64), 0.5).ToArray<double>();
        Assert.Contains(Enumerable.Range(0, 64), r => flat.Skip(r * 5).Take(5).Distinct().Count() > 1);
        var three = Functional.Dropout2d(Tensor.Ones([16, 8, 6], DType.Float64), 0.5).ToArray<double>();
        for (int r = 0; r < 16 * 8; r++) Assert.Single(three.Skip(r * 6).Take(6).Distinct());
        Assert.Contains(Enumerable.Range(0, 16), a => three.Skip(a * 48).Take(48).Distinct().Count() > 1);
        Assert.Equal("Feature dropout requires at least 2 dimensions in the input", Assert.Throws<InvalidOperationException>(() => Functional.Dropout2d(Tensor.Scalar(1.0))).Message);
    }
}
