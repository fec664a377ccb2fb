using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>
/// torch.nn.utils.spectral_norm / remove_spectral_norm (the hook form), against PyTorch 2.6's numbers. The random start
/// vectors u and v differ from PyTorch's (another generator), so each test sets them to the oracle's first.
/// </summary>
[Collection("Seed")]
public class SpectralNormTests
{
    private static Tensor Buffer(Module m, string name) => m.NamedBuffers().Single(b => b.Name == name).Buffer;

    private static void Set(Tensor target, double[] values)
    {
        using (Autograd.NoGrad()) target.Copy_(Tensor.FromArray(values).To(target.DType));
    }

    [Fact]
    public void LinearSpectralNormMatchesPyTorch()
    {
        var lin = SpectralNormalization.SpectralNorm(WeightNormTests.DetLinear());
        Assert.Equal(["bias", "weight_orig"], lin.NamedParameters().Select(p => p.Name));
        Assert.Equal(["weight_u", "weight_v"], lin.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["bias", "weight_orig", "weight_u", "weight_v"], lin.StateDict().Keys);
        Assert.False(lin.Weight.RequiresGrad);
        Assert.True(lin.Weight.IsLeaf);
        Check.Close(Check.Det([3, 4], 0.7), lin.Weight, 1e-6); // w_orig's values until the first forward
        Check.Close(1, Buffer(lin, "weight_u").Norm().Item<float>(), 1e-6);
        Check.Close(1, Buffer(lin, "weight_v").Norm().Item<float>(), 1e-6);
        Assert.Equal("Linear(in_features=4, out_features=3, bias=True)", lin.ToString());

        Set(Buffer(lin, "weight_u"), [0.6746286749839783, 0.6074674129486084, 0.4193558990955353]);
        Set(Buffer(lin, "weight_v"), [0.7181788682937622, 0.6122651100158691, 0.32576313614845276, -0.05682295188307762]);
        var x = Check.Det([2, 4], 0.9).To(DType.Float32);
        var y = lin.Call(x);
        Assert.Equal("DivBackward0", lin.Weight.GradFn!.Name);
        double[] expectedY = [1.8114912509918213, 0.2774348258972168, 1.2913126945495605, 0.37639832496643066, 1.3486738204956055, 0.7077149152755737];
        Check.Close(expectedY, y, 1e-5);
        double[] u1 = [0.5795079469680786, -0.6001203060150146, 0.5513857007026672];
        Check.Close(u1, Buffer(lin, "weight_u"), 1e-5);
        Check.Close([0.7112517952919006, 0.6096242070198059, 0.22128064930438995, -0.27113455533981323], Buffer(lin, "weight_v"), 1e-5);
        Check.Close([0.42862701416015625, 0.32783204317092896, 0.07285251468420029, -0.2163906842470169, -0.40386196970939636, -0.4013906419277191,
            -0.21013903617858887, 0.07994423806667328, 0.3324284851551056, 0.42856642603874207, 0.3231428861618042, 0.0657401829957962], lin.Weight, 1e-5);
        (y * Check.Det([2, 3], 1.1).To(DType.Float32)).Sum().Backward();
        Check.Close([0.6948868632316589, 0.2585471272468567, -0.4012754261493683, -0.7675186395645142, 0.42988717555999756, 0.24919146299362183,
            -0.09127841889858246, -0.3522135317325592, -0.6324465870857239, -0.31323039531707764, 0.21656283736228943, 0.5728577971458435],
            WeightNormTests.Param(lin, "weight_orig").Grad!, 1e-5);

        // evaluation mode runs no power iteration: u stays, the output is the same
        lin.Eval();
        Check.Close(expectedY, lin.Call(x), 1e-5);
        Check.Close(u1, Buffer(lin, "weight_u"), 1e-5);
    }

    [Fact]
    public void ConvTransposeNormalizesAlongDim1AndRemoves()
    {
        var ct = new ConvTranspose2d(2, 3, 2, dtype: DType.Float64);
        using (Autograd.NoGrad()) ct.Weight.Copy_(Check.Det([2, 3, 2, 2], 0.5));
        SpectralNormalization.SpectralNorm(ct, nPowerIterations: 3);
        Assert.Equal([3], Buffer(ct, "weight_u").Shape);
        Assert.Equal([8], Buffer(ct, "weight_v").Shape);
        using (Autograd.NoGrad())
        {
            Buffer(ct, "weight_u").Copy_(Functional.Normalize(Check.Det([3], 0.45), dim: 0));
            Buffer(ct, "weight_v").Copy_(Functional.Normalize(Check.Det([8], 0.55), dim: 0));
        }
        var output = ct.Call(Check.Det([1, 2, 2, 2], 0.4));
        (output * Check.Det([.. output.Shape], 0.8)).Sum().Backward();
        double[] weight = [0.5378849730030563, 0.4720384726103561, 0.2906204912053734, 0.038048477809344124, -0.22383912994146696, -0.4309231120200333,
            -0.5325020873071589, -0.5037059799619414, -0.35158508136184385, -0.11338389288598259, 0.1525776269698754, 0.3811828224127363,
            0.5164611687132689, 0.5252918086998367, 0.40551269372439164, 0.1864499285755987, -0.07826228175708987, -0.32381315602314487,
            -0.49008327631610704, -0.5363639183150885, -0.45132396676492076, -0.25578416767708073, 0.002380516442822377, 0.2599623671141092];
        Check.Close(weight, ct.Weight, 1e-12);
        Check.Close([0.4796160905236511, 0.37621403828962635, -0.7927366543213581], Buffer(ct, "weight_u"), 1e-12);
        Check.Close([0.3953785562370487, 0.08331425413097975, -0.24914828307254713, -0.5206106312297673, 0.5332970417269252, 0.26781522319016265,
            -0.06323710236599532, -0.3788067797919105], Buffer(ct, "weight_v"), 1e-12);
        Check.Close([0.04795380258127574, -0.21796800878922912, -0.4777678598290356, 0.10295899437299161, -0.5088804923326115, -0.710955046837778,
            -0.12171494116949685, 0.6392829571499317, -0.08177393140745337, -0.5237107165108411, -0.03917329435944461, -0.09587701052781972,
            0.13553820158203794, 0.47613519828371204, -0.13448036074846798, -0.3000567756783747, 0.3125656220852161, 0.10995774068854566,
            -0.6410129994830712, -0.40812620573608893, 1.0342780130954348, 0.05413631248689188, -0.7390608765872195, -0.757313956627002],
            WeightNormTests.Param(ct, "weight_orig").Grad!, 1e-12);

        SpectralNormalization.RemoveSpectralNorm(ct);
        Assert.Equal(["bias", "weight"], ct.NamedParameters().Select(p => p.Name));
        Assert.Empty(ct.NamedBuffers());
        Assert.True(ct.Weight.IsLeaf);
        Assert.True(ct.Weight.RequiresGrad);
        Check.Close(weight, ct.Weight, 1e-12);
    }

    [Fact]
    public void EvalLayerCalledTwiceInOneGraphMatchesPyTorch()
    {
        var lin = new Linear(3, 3, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            lin.Weight.Copy_(Check.Det([3, 3], 0.7));
            lin.Bias!.Copy_(Check.Det([3], 0.3));
        }
        SpectralNormalization.SpectralNorm(lin).Eval();
        using (Autograd.NoGrad())
        {
            Buffer(lin, "weight_u").Copy_(Functional.Normalize(Check.Det([3], 0.45), dim: 0));
            Buffer(lin, "weight_v").Copy_(Functional.Normalize(Check.Det([3], 0.55), dim: 0));
        }
        var x = Check.Det([2, 3], 0.9).RequiresGrad_();
        var y = lin.Call(lin.Call(x));
        (y * Check.Det([2, 3], 1.1)).Sum().Backward();
        Check.Close([166.63015258403746, 59.678344031501084, -75.34112221889852, -172.60777429354079, -59.6806231273618, 81.31525763107557], x.Grad!, 1e-11);
        Check.Close([108.80614374320574, 55.76245464194069, -162.31912833588177, -37.075445954636514, -113.53736798379352, 154.503173286058], y, 1e-11);
        Check.Close([-3870.9786534707073, -3950.4156341906123, -2142.0845697346194, -3867.1640462363375, -3535.1622997713575, -1885.9704693032163,
            -3245.932622885641, -2333.96495796789, -1223.4864411983983], WeightNormTests.Param(lin, "weight_orig").Grad!, 1e-11);
    }

    [Fact]
    public void GradCheckTreatsUAndVAsConstants()
    {
        var lin = SpectralNormalization.SpectralNorm(new Linear(4, 3, dtype: DType.Float64));
        lin.Eval(); // no power iteration: w_orig / (uᵀ W v) with u, v fixed, the function PyTorch differentiates
        var x = Check.Det([2, 4], 0.9);
        Assert.True(Autograd.GradCheck(_ => lin.Call(x), [WeightNormTests.Param(lin, "weight_orig"), WeightNormTests.Param(lin, "bias")]));
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var e = Assert.Throws<ArgumentException>(() => SpectralNormalization.RemoveSpectralNorm(new Linear(2, 2)));
        Assert.Equal("spectral_norm of 'weight' not found in Linear(in_features=2, out_features=2, bias=True)", e.Message);
        Assert.Equal("Cannot register two spectral_norm hooks on the same parameter weight",
            Assert.Throws<InvalidOperationException>(() => SpectralNormalization.SpectralNorm(SpectralNormalization.SpectralNorm(new Linear(2, 2)))).Message);
        Assert.Equal("Expected n_power_iterations to be positive, but got n_power_iterations=0",
            Assert.Throws<ArgumentException>(() => SpectralNormalization.SpectralNorm(new Linear(2, 2), nPowerIterations: 0)).Message);
        Assert.Equal("'foo'", Assert.Throws<KeyNotFoundException>(() => SpectralNormalization.SpectralNorm(new Linear(2, 2), name: "foo")).Message);
    }
}
