using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>RMSNorm and F.RmsNorm: PyTorch 2.6 values, gradients, node graph, reprs and messages; gradcheck.</summary>
public class RmsNormTests
{
    private static Tensor X() => Check.F64([0.5, -1.0, 2.0, 0.25, 3.0, -0.75, 0.1, 1.5, -2.0, 0.3, 0.9, -0.4], 3, 4);

    [Fact]
    public void WeightedMatchesPyTorch()
    {
        var x = X().RequiresGrad_();
        var w = Check.F64([0.5, 1.5, -1.0, 2.0], 4).RequiresGrad_();
        var y = F.RmsNorm(x, [4], w, 1e-5);
        Check.Close([0.21692964114389737, -1.3015778468633843, -1.735437129151179, 0.43385928228779475, 0.8725008499192453, -0.6543756374394339,
            -0.05816672332794969, 1.7450016998384905, -0.8891049347069654, 0.4000972206181344, -0.8001944412362688, -0.7112839477655724], y, 1e-12);
        var inner = y.GradFn!.NextFunctions[0].Node!;
        var rsqrt = inner.NextFunctions[1].Node!;
        var add = rsqrt.NextFunctions[0].Node!;
        var mean = add.NextFunctions[0].Node!;
        Assert.Equal(["MulBackward0", "MulBackward0", "RsqrtBackward0", "AddBackward1", "MeanBackward1", "PowBackward0"],
            new[] { y.GradFn.Name, inner.Name, rsqrt.Name, add.Name, mean.Name, mean.NextFunctions[0].Node!.Name });
        (y * Tensor.Arange(0, 12, dtype: DType.Float64).Reshape(3, 4)).Sum().Backward();
        Check.Close([0.3266680588101321, 0.6482417292431201, -0.42876489391065054, 5.369645416858603, -1.9030463884979263, 5.129099463360457,
            -3.592216094845545, 6.610150838384497, -4.087010878272594, 13.149431211109102, -5.451505569374449, 18.031622440133148], x.Grad!, 1e-12);
        Check.Close([-7.245672155957484, -0.6483873656648957, 11.821819010632744, 2.8462331601557618], w.Grad!, 1e-12);
    }

    [Fact]
    public void DefaultEpsAndSeveralDimsMatchPyTorch()
    {
        Check.MatchesPyTorch(x => F.RmsNorm(x, [4]), X().RequiresGrad_(), "MulBackward0",
            [0.43386091563731227, -0.8677218312746245, 1.735443662549249, 0.21693045781865614, 1.7450046518371773, -0.43625116295929434,
                0.05816682172790592, 0.8725023259185887, -1.7782168978975479, 0.26673253468463215, 0.8001976040538966, -0.3556433795795096],
            [0.7248029414176276, 1.1535596109886184, 0.2960462718466368, 0.7962623863461261, 0.013407028057394466, 0.7237335145844753,
                0.562726177638337, 0.2975376226682268, 0.4673969316608181, 0.9523651765419673, 1.078878631728354, 0.8047661454911827]);
        Check.MatchesPyTorch(x => F.RmsNorm(x, [3, 4]), X().RequiresGrad_(), "MulBackward0",
            [0.36764871526070264, -0.7352974305214053, 1.4705948610428106, 0.18382435763035132, 2.205892291564216, -0.551473072891054,
                0.07352974305214054, 1.102946145782108, -1.4705948610428106, 0.22058922915642157, 0.6617676874692647, -0.29411897220856215],
            [0.6624137023327551, 0.8810648868987057, 0.4437625177668044, 0.6988555664270801, 0.297995061389504, 0.8446230228043806,
                0.7207206848836752, 0.5166462459554546, 1.026832343276006, 0.6915671936082152, 0.6041067197818348, 0.7936044130723254]);
    }

    [Fact]
    public void ModuleUsesFloat32EpsilonAndWeightOnes()
    {
        var m = new RMSNorm(4);
        Assert.Equal(new float[] { 1, 1, 1, 1 }, m.Weight!.ToArray<float>());
        var x = (X() * 1e-4).To(DType.Float32).RequiresGrad_(); // small values: eps = 2^-23 visibly matters
        var y = m.Call(x);
        Assert.Equal("MulBackward0", y.GradFn!.Name);
        Check.Close([0.137365460395813, -0.274730920791626, 0.549461841583252, 0.0686827301979065, 0.7778037786483765, -0.19445094466209412,
            0.02592679299414158, 0.38890188932418823, -0.5507754683494568, 0.08261632919311523, 0.24784895777702332, -0.11015509814023972], y, 1e-6);
        y.Sum().Backward();
        Check.Close([0.36439377069473267, -0.38656553626060486, 0.8232375383377075, 0.3474295139312744], m.Weight.Grad!, 1e-6);
    }

    [Fact]
    public void GradCheckFloat64()
    {
        Tensor.ManualSeed(3);
        var x = Tensor.Randn([2, 3, 4], DType.Float64, requiresGrad: true);
        var w = Tensor.Randn([3, 4], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.RmsNorm(a[0], [3, 4], a[1], 1e-3), [x, w]));
        Assert.True(Autograd.GradCheck(a => F.RmsNorm(a[0], [4]), [x]));
    }

    [Fact]
    public void ReprsAndMessagesMatchPyTorch()
    {
        Assert.Equal("RMSNorm((8,), eps=None, elementwise_affine=True)", new RMSNorm(8).ToString());
        var plain = new RMSNorm([2, 3], eps: 1e-3, elementwiseAffine: false);
        Assert.Equal("RMSNorm((2, 3), eps=0.001, elementwise_affine=False)", plain.ToString());
        Assert.Null(plain.Weight);
        var x = X();
        Assert.Equal("Given normalized_shape=[5], expected input with shape [*, 5], but got input of size[3, 4]",
            Assert.Throws<ArgumentException>(() => F.RmsNorm(x, [5])).Message);
        Assert.Equal("Given normalized_shape=[2, 3, 4], expected input with shape [*, 2, 3, 4], but got input of size[3, 4]",
            Assert.Throws<ArgumentException>(() => F.RmsNorm(x, [2, 3, 4])).Message);
        Assert.Equal("Expected weight to be of same shape as normalized_shape, but got weight of shape [3] and normalized_shape = [4]",
            Assert.Throws<ArgumentException>(() => F.RmsNorm(x, [4], Tensor.Ones([3], DType.Float64))).Message);
        Assert.Equal("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []",
            Assert.Throws<ArgumentException>(() => F.RmsNorm(x, [])).Message);
    }
}
