using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>RNNCell / LSTMCell / GRUCell against PyTorch 2.6 with the same (deterministic) weights.</summary>
public class RecurrentCellTests
{
    // FACTS (torch 2.6, float64): parameter i of each cell set to det(shape, 0.37 + 0.11 i, 0.3); x = det([2, 3], 0.53),
    // h0 = det([2, 4], 0.7), c0 = det([2, 4], 0.9); the unbatched input is det([3], 0.53) (x's first row).
    private static T WithWeights<T>(T cell) where T : Module => WithWeights(cell, 0.37, 0.11);

    /// <summary>Sets parameter i of <paramref name="m"/> to det(shape, k0 + dk·i, 0.3), as the oracle scripts do.</summary>
    internal static T WithWeights<T>(T m, double k0, double dk) where T : Module
    {
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in m.NamedParameters()) p.Copy_(Check.Det(p.Shape.ToArray(), k0 + dk * i++, 0.3));
        }
        return m;
    }

    internal static Tensor Param(Module m, string name) => m.NamedParameters().First(p => p.Name == name).Parameter;

    [Theory]
    [InlineData("tanh", "TanhBackward0",
        new[] { 0.9427976459145656, 0.39856606865221716, -0.6499815557969609, -0.3537541954027444, -0.34167062742901433, 0.7288107683652197, 0.7179398385312161, -0.49197025180627557 },
        new[] { 0.005684924968289651, -0.19195755423474364, -0.34621567695898287, -0.4222255410636777, -0.6048863606441179, -0.6151333016433258, -0.486353870136058, -0.24765352532615204 },
        new[] { 0.47087635504842074, 0.42615876869630864, 0.32376259220230996, 0.0036808097725590516, -0.13825115298287224, -0.26147147074754906 },
        new[] { -0.39401769954068955, 1.3538875773256636, -0.05498658076522012, -1.364762084797593 },
        new[] { 0.848180018384807, 0.5336140612825594, -0.3634035001283883, -0.6711880656542657, 0.2476693114465209, 0.489087719464375, 0.5096472596583413, 0.08589012009787012 })]
    [InlineData("relu", "ReluBackward0",
        new[] { 1.7626446229474704, 0.4219430322382253, 0.0, 0.0, 0.0, 0.9261860925329561, 0.9033803484437359, 0.0 },
        new[] { 0.9709661769969655, 0.7513912145578364, 0.36199420767055585, -0.10921716599925074, -0.6052581934556441, -0.6170481988935576, -0.4893790456017313, -0.2511052586330574 },
        new[] { 1.1701598709846686, 1.0089720256342805, 0.7112245499160363, -0.08058079715399094, -0.41125325883330394, -0.6862645212057803 },
        new[] { 3.5252892458949407, 2.696258249542363, 1.8067606968874719, 0.0 },
        new[] { 1.2496305862553467, 0.5951844372311005, 0.0, 0.0, 0.2529282831539298, 0.5348605147497087, 0.5622531446397014, 0.08610226694407183 })]
    public void RnnCellMatchesPyTorch(string nonlinearity, string node, double[] h, double[] h0Grad, double[] xGrad, double[] biasGrad, double[] fromZero)
    {
        var cell = WithWeights(new RNNCell(3, 4, nonlinearity: nonlinearity, dtype: DType.Float64));
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], cell.NamedParameters().Select(p => p.Name));
        var x = Check.Det([2, 3], 0.53).RequiresGrad_();
        var h0 = Check.Det([2, 4], 0.7).RequiresGrad_();
        var y = cell.Forward(x, h0);
        Assert.Equal(node, y.GradFn!.Name);
        Check.Close(h, y, 1e-12);
        y.Pow(2).Sum().Backward();
        Check.Close(h0Grad, h0.Grad!, 1e-12);
        Check.Close(xGrad, x.Grad!, 1e-12);
        Check.Close(biasGrad, cell.BiasIh!.Grad!, 1e-12);
        Check.Close(biasGrad, cell.BiasHh!.Grad!, 1e-12);
        Check.Close(fromZero, cell.Forward(x.Detach()), 1e-12);
        var unbatched = cell.Forward(Check.Det([3], 0.53).RequiresGrad_());
        Assert.Equal([4], unbatched.Shape);
        Assert.Equal("SqueezeBackward1", unbatched.GradFn!.Name);
        Check.Close(fromZero[..4], unbatched, 1e-12);
    }

    [Fact]
    public void RnnCellWeightGradientsMatchPyTorch()
    {
        var cell = WithWeights(new RNNCell(3, 4, dtype: DType.Float64));
        cell.Forward(Check.Det([2, 3], 0.53), Check.Det([2, 4], 0.7)).Pow(2).Sum().Backward();
        Check.Close([0.22114113086353415, 0.49587002550952225, 0.6345391972683674, 0.6573811100442059, 0.22178347669895998, -0.2746684064057892, -0.7641204478989922, -1.0109602640360935, -0.98040687974063, -0.6046482743774456, -0.1447412326114006, 0.3548807565931695], Param(cell, "weight_ih").Grad!, 1e-12);
        Check.Close([0.7782471171093691, 0.7254895690465466, 0.33152294057391435, -0.2183641070394705, 0.026604303790016215, -0.12712974503833419, -0.22107268831809426, -0.21104169192581176, -1.4063330000138428, -1.2257743643808985, -0.46871489192683746, 0.5087885180726287, 0.08373321847202808, 0.22498871551831817, 0.26042850411068824, 0.17338469791217373], Param(cell, "weight_hh").Grad!, 1e-12);
    }

    [Fact]
    public void LstmCellMatchesPyTorch()
    {
        var cell = WithWeights(new LSTMCell(3, 4, dtype: DType.Float64));
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], cell.NamedParameters().Select(p => p.Name));
        Assert.Equal([16, 3], cell.WeightIh.Shape);
        Assert.Equal([16, 4], cell.WeightHh.Shape);
        var x = Check.Det([2, 3], 0.53).RequiresGrad_();
        var h0 = Check.Det([2, 4], 0.7).RequiresGrad_();
        var c0 = Check.Det([2, 4], 0.9).RequiresGrad_();
        var (h, c) = cell.ForwardWithState(x, (h0, c0));
        Assert.Equal("MulBackward0", h.GradFn!.Name);
        Assert.Equal("AddBackward0", c.GradFn!.Name);
        Check.Close([-0.110276972775119, 0.11751501126485737, 0.03162777245852027, -0.0573318665113045, 0.012799079621069026, 0.07746782276084892, -0.019007965375484152, 0.2844268235000116], h, 1e-12);
        Check.Close([-0.20934212354380932, 0.25211863498914455, 0.13309156352183915, -0.22763100903803848, 0.02442707170310343, 0.21326068417214117, -0.03335090726765105, 0.6260890087146793], c, 1e-12);
        (h.Pow(2).Sum() + c.Sum()).Backward();
        Check.Close([-0.244521196597265, -0.1545403191935449, -0.029631760381463094, 0.10197387717080494, 0.2427247862503757, 0.23569571443053466, 0.17539701779106576, 0.07545681407207128], h0.Grad!, 1e-12);
        Check.Close([0.3573483846727744, 0.425147628179786, 0.5988740199467033, 0.5066603744059537, 0.37262081961723054, 0.4169232647656709, 0.23827805509459055, 0.5570617558620682], c0.Grad!, 1e-12);
        Check.Close([-0.2887157477923069, -0.1873081568889169, -0.06054928565289809, 0.012450131121523022, 0.06702210493137961, 0.11252295125368163], x.Grad!, 1e-12);
        Check.Close([0.1315237008341711, 0.09441264684684283, 0.13261665873897127, 0.2633324984597001, 0.00211900717232269, 0.10945843881776433, 0.05862811545936581, 0.07942557843025555, 0.4766202676510983, 1.2929818963166007, 0.7379951909097976, 0.612696952227322, 0.011479008657345753, 0.022050847898963506, 0.0018330116989967579, 0.08382168453399498], cell.BiasIh!.Grad!, 1e-12);
        var wHh = cell.WeightHh.Grad!;
        Check.Close([-0.2784030341235181, -0.2584823934407027, -0.11699344422391554, 0.07951934988437204], wHh.Select(0, 0), 1e-12);
        Check.Close([-0.06948184347247785, -0.07017659219600231, -0.03786619307024613, 0.012253268332034774], wHh.Select(0, 15), 1e-12);
        var (hz, cz) = cell.ForwardWithState(x.Detach());
        Check.Close([-0.17890140990117162, 0.005307936957537782, 0.06519378979703537, 0.08100611517567388, 0.15317069648691276, 0.17832516642854634, 0.07225215721987788, -0.014290832627959018], hz, 1e-12);
        Check.Close([-0.3087665953676369, 0.014992926667546345, 0.2610872422175035, 0.23600484542134634, 0.32313289310711085, 0.3545148246924644, 0.14672435378970927, -0.035210055680085534], cz, 1e-12);
        var (hu, cu) = cell.ForwardWithState(Check.Det([3], 0.53).RequiresGrad_());
        Assert.Equal("SqueezeBackward1", hu.GradFn!.Name);
        Assert.Equal("SqueezeBackward1", cu.GradFn!.Name);
        Check.Close([-0.17890140990117162, 0.005307936957537782, 0.06519378979703537, 0.08100611517567388], hu, 1e-12);
        Check.Close([-0.3087665953676369, 0.014992926667546345, 0.2610872422175035, 0.23600484542134634], cu, 1e-12);
        Check.Close(hz.Select(0, 0), cell.Forward(x.Detach().Select(0, 0)), 1e-12);
    }

    [Fact]
    public void GruCellMatchesPyTorch()
    {
        var cell = WithWeights(new GRUCell(3, 4, dtype: DType.Float64));
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], cell.NamedParameters().Select(p => p.Name));
        var x = Check.Det([2, 3], 0.53).RequiresGrad_();
        var h0 = Check.Det([2, 4], 0.7).RequiresGrad_();
        var h = cell.Forward(x, h0);
        Assert.Equal("AddBackward0", h.GradFn!.Name);
        Check.Close([-0.014646283810747951, 0.23499927620991712, 0.3632957952899891, 0.06878834560491454, 0.0662195458149254, -0.1348693429282345, -0.26147836443352535, 0.14137659379917206], h, 1e-12);
        h.Pow(2).Sum().Backward();
        Check.Close([-0.054794572887200604, 0.16085193432000994, 0.4363309910212774, 0.1050966437515169, -0.06276049528088457, -0.19773401591946216, -0.17751491362856406, 0.1332314560833973], h0.Grad!, 1e-12);
        Check.Close([-0.058386907719657676, -0.007976231176805477, 0.0435139908376354, 0.07692900174543238, 0.0235694751393248, -0.03298006935748402], x.Grad!, 1e-12);
        Check.Close([0.010427249448403581, 0.017494279161486784, 0.04865463062931687, 0.018167386863690897, -0.061079858065139166, 0.18128743228840088, -0.053753699421967144, -0.03521567367443503, 0.039128578386019436, 0.14809708818633988, -0.20641964616508446, 0.1842826991591543], cell.BiasIh!.Grad!, 1e-12);
        Check.Close([0.010427249448403581, 0.017494279161486784, 0.04865463062931687, 0.018167386863690897, -0.061079858065139166, 0.18128743228840088, -0.053753699421967144, -0.03521567367443503, 0.012167989778925746, 0.07389400102444996, -0.21633570226477455, 0.06928046181749051], cell.BiasHh!.Grad!, 1e-12);
        Check.Close([0.266429945756989, 0.22517002368492678, 0.07800912109517001, -0.10584069007178606], cell.WeightHh.Grad!.Select(0, 9), 1e-12);
        Check.Close([8.32988105641118e-05, -0.005057873066705695, -0.008811236098003817], cell.WeightIh.Grad!.Select(0, 0), 1e-10);
        Check.Close([-0.27232309017873846, -0.04083048955489204, 0.2634889980805816, 0.4235840032867494, 0.32731909150283967, 0.3512619103755601, 0.0997269310072971, -0.04255444459137346], cell.Forward(x.Detach()), 1e-12);
        var unbatched = cell.Forward(Check.Det([3], 0.53).RequiresGrad_());
        Assert.Equal("SqueezeBackward1", unbatched.GradFn!.Name);
        Check.Close([-0.27232309017873846, -0.04083048955489204, 0.2634889980805816, 0.4235840032867494], unbatched, 1e-12);
    }

    [Fact]
    public void ReprsInitAndMessages()
    {
        Assert.Equal("LSTMCell(10, 20)", new LSTMCell(10, 20).ToString());
        Assert.Equal("RNNCell(3, 4, nonlinearity=relu)", new RNNCell(3, 4, nonlinearity: "relu").ToString());
        Assert.Equal("RNNCell(3, 4)", new RNNCell(3, 4).ToString());
        Assert.Equal("GRUCell(3, 4, bias=False)", new GRUCell(3, 4, bias: false).ToString());
        Assert.Equal("RNNCell(3, 4, bias=False, nonlinearity=relu)", new RNNCell(3, 4, bias: false, nonlinearity: "relu").ToString());
        Assert.Equal(["weight_ih", "weight_hh"], new GRUCell(3, 4, bias: false).NamedParameters().Select(p => p.Name));
        Tensor.ManualSeed(3);
        var init = new LSTMCell(3, 16);
        foreach (var p in init.Parameters())
        {
            Assert.Equal(DType.Float32, p.DType);
            Assert.True(p.Abs().Max().Item<float>() <= 0.25f);
            Assert.True(p.Abs().Max().Item<float>() > 0.2f);
        }
        var c = new RNNCell(3, 4);
        Assert.Equal("input has inconsistent input_size: got 2 expected 3", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 2]))).Message);
        Assert.Equal("Input batch size 2 doesn't match hidden0 batch size 3", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 3]), Tensor.Zeros([3, 4]))).Message);
        Assert.Equal("hidden0 has inconsistent hidden_size: got 5, expected 4", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 3]), Tensor.Zeros([2, 5]))).Message);
        Assert.Equal("RNNCell: Expected input to be 1D or 2D, got 3D instead", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 2, 3]))).Message);
        Assert.Equal("RNNCell: Expected hidden to be 1D or 2D, got 3D instead", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 3]), Tensor.Zeros([1, 2, 4]))).Message);
        Assert.Equal("Input batch size 2 doesn't match hidden0 batch size 4", Assert.Throws<ArgumentException>(() => c.Forward(Tensor.Zeros([2, 3]), Tensor.Zeros([4]))).Message);
        var lstm = new LSTMCell(3, 4);
        Assert.Equal("hidden1 has inconsistent hidden_size: got 5, expected 4",
            Assert.Throws<ArgumentException>(() => lstm.ForwardWithState(Tensor.Zeros([2, 3]), (Tensor.Zeros([2, 4]), Tensor.Zeros([2, 5])))).Message);
        Assert.Equal("LSTMCell: Expected input to be 1D or 2D, got 3D instead", Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros([3, 3, 3]))).Message);
        var (hu, cu) = lstm.ForwardWithState(Tensor.Zeros([3]), (Tensor.Zeros([4]), Tensor.Zeros([4])));
        Assert.Equal([4], hu.Shape);
        Assert.Equal([4], cu.Shape);
        Assert.Equal("hidden0 has inconsistent hidden_size: got 2, expected 4", Assert.Throws<ArgumentException>(() => new GRUCell(3, 4).Forward(Tensor.Zeros([3]), Tensor.Zeros([2, 4]))).Message);
        Assert.Equal("Unknown nonlinearity: sig", Assert.Throws<ArgumentException>(() => new RNNCell(3, 4, nonlinearity: "sig").Forward(Tensor.Zeros([2, 3]))).Message);
    }

    [Fact]
    public void GradCheck()
    {
        Tensor.ManualSeed(5);
        var rnn = new RNNCell(2, 3, dtype: DType.Float64);
        var lstm = new LSTMCell(2, 3, dtype: DType.Float64);
        var gru = new GRUCell(2, 3, dtype: DType.Float64);
        Tensor X() => Tensor.Randn([2, 2], DType.Float64, requiresGrad: true);
        Tensor H() => Tensor.Randn([2, 3], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => rnn.Forward(a[0], a[1]), [X(), H()]));
        Assert.True(Autograd.GradCheck(a => { var (h, c) = lstm.ForwardWithState(a[0], (a[1], a[2])); return h * 2 + c; }, [X(), H(), H()]));
        Assert.True(Autograd.GradCheck(a => gru.Forward(a[0], a[1]), [X(), H()]));
    }
}
