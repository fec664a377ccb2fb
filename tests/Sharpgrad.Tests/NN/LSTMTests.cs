using Sharpgrad.NN;

namespace Sharpgrad.Tests.NN;

/// <summary>LSTM against PyTorch 2.6 with the same (deterministic) weights: outputs, final states, gradients.</summary>
public class LSTMTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 0.3);

    private static LSTM Net()
    {
        var lstm = new LSTM(3, 4, numLayers: 2, batchFirst: true, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in lstm.NamedParameters())
                p.Copy_(Det(p.Shape.ToArray(), 0.37 + 0.11 * i++));
        }
        return lstm;
    }

    [Fact]
    public void MatchesPyTorch()
    {
        var lstm = Net();
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"],
            lstm.NamedParameters().Select(p => p.Name));
        var x = Det([2, 5, 3], 0.53).RequiresGrad_();
        var (output, (h, c)) = lstm.ForwardWithState(x);
        Assert.Equal([2, 5, 4], output.Shape);
        Check.Close(-3.560308525670042, output.Sum().Item<double>(), 1e-12);
        Check.Close([-0.15448409606804067, -0.12289845351162042, -0.019904735571735038, 0.0648526673616581], output.Select(0, 0).Select(0, 0), 1e-12);
        Check.Close([-0.2480116542769043, -0.22838976509105163, -0.09925706683205165, 0.14989904075117724], output.Select(0, 1).Select(0, 4), 1e-12);
        Check.Close([-0.011404237040586815, 0.1707761734870529, 0.153536422334635, 0.09461539067636146, 0.08870088676649339, 0.21053142432460353, 0.16970397290374029, 0.06360337857746122, -0.24835269339393398, -0.22770802340605423, -0.09989283504697334, 0.15207095801980805, -0.2480116542769043, -0.22838976509105163, -0.09925706683205165, 0.14989904075117724], h, 1e-12);
        Check.Close([-0.020902245963780666, 0.4070525947716157, 0.49656186284937337, 0.25547027656919485, 0.17472140985965812, 0.4565181587556013, 0.4374390519733165, 0.1597078434411282, -0.48609820495457123, -0.44553846937661423, -0.2637906982510337, 0.38255835494951906, -0.48299570662842145, -0.44816682573012057, -0.2619344712497504, 0.3757453212707563], c, 1e-12);
        (output.Pow(2).Sum() + h.Sum() + c.Sum()).Backward();
        Check.Close(-0.6472507501744503, x.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(0.25224412592106155, (x.Grad * x.Grad).Sum().Item<double>(), 1e-10);
        var named = lstm.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        Check.Close(-2.6909476048317416, named["weight_hh_l1"].Grad!.Sum().Item<double>(), 1e-10);
        Check.Close([0.07328344749952477, 0.43156099842741236, 0.5555207334548518, 0.3200377180608794, 0.05575500748421848, 0.3618205341286307, 0.46716218434351364, 0.23042437575005395, 2.492451713740516, 1.740640556350756, 1.727004475320798, 2.2269852638287775, 0.013268676385369237, 0.1199504956038838, 0.17429084206615708, 0.10405148791511777], named["bias_ih_l0"].Grad!, 1e-10);
    }

    [Fact]
    public void InitialStateUnbatchedInputAndRepr()
    {
        var lstm = Net();
        var (o, (h, _)) = lstm.ForwardWithState(Det([2, 5, 3], 0.53), (Det([2, 2, 4], 0.7), Det([2, 2, 4], 0.9)));
        Check.Close(-3.4777851023130832, o.Sum().Item<double>(), 1e-12);
        Check.Close([-0.010899974092611564, 0.1704790758594127, 0.1537444357449057, 0.09245459760057631], h.Flatten().Narrow(0, 0, 4), 1e-12);
        var single = new LSTM(3, 4, dtype: DType.Float64);
        var (ou, (hu, cu)) = single.ForwardWithState(Det([5, 3], 0.53));
        Assert.Equal([5, 4], ou.Shape);
        Assert.Equal([1, 4], hu.Shape);
        Assert.Equal([1, 4], cu.Shape);
        Assert.Equal("LSTM(3, 4, num_layers=2, batch_first=True)", lstm.ToString());
        Assert.Equal("LSTM(3, 4)", new LSTM(3, 4).ToString());
        Assert.Equal("input.size(-1) must be equal to input_size. Expected 3, got 2", Assert.Throws<ArgumentException>(() => single.Forward(Tensor.Zeros([5, 2], DType.Float64))).Message);
        Tensor.ManualSeed(8);
        var small = new LSTM(2, 3, dtype: DType.Float64);
        Assert.True(Autograd.GradCheck(a => small.Forward(a[0]), [Tensor.Randn([4, 2, 2], DType.Float64, requiresGrad: true)]));
    }
}

/// <summary>GRU against PyTorch 2.6 with the same (deterministic) weights.</summary>
public class GRUTests
{
    private static Tensor Det(int[] shape, double k) => Check.Det(shape, k, 0.3);

    [Fact]
    public void MatchesPyTorch()
    {
        var gru = new GRU(3, 4, numLayers: 2, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in gru.NamedParameters())
                p.Copy_(Det(p.Shape.ToArray(), 0.29 + 0.07 * i++));
        }
        var x = Det([5, 2, 3], 0.41).RequiresGrad_();
        var (output, h) = gru.ForwardWithState(x, Det([2, 2, 4], 0.8));
        Assert.Equal([5, 2, 4], output.Shape);
        Check.Close(7.0193909610558745, output.Sum().Item<double>(), 1e-12);
        Check.Close([0.15487184041448954, 0.4312981990111763, 0.40114311146934517, -0.24810659420461528], output.Select(0, 4).Select(0, 1), 1e-12);
        Check.Close([-0.44884433697450965, -0.32266613475629735, 0.051154699030731374, 0.2994792657668478, -0.3944076426593628, -0.3705210429436889, -0.0839369614754512, 0.20136263126455645, 0.211087025140076, 0.3848367964339505, 0.43022872240362103, -0.30425828307311686, 0.15487184041448954, 0.4312981990111763, 0.40114311146934517, -0.24810659420461528], h, 1e-12);
        (output.Pow(2).Sum() + h.Sum()).Backward();
        Check.Close(-2.8476441455946975, x.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(0.8013884075548332, (x.Grad * x.Grad).Sum().Item<double>(), 1e-10);
        Check.Close(-1.9734448844988597, gru.NamedParameters().First(p => p.Name == "weight_hh_l0").Parameter.Grad!.Sum().Item<double>(), 1e-10);
        Assert.Equal("GRU(3, 4, num_layers=2)", gru.ToString());
        Assert.Equal("Expected hidden size (2, 2, 4), got [1, 2, 4]", Assert.Throws<ArgumentException>(() => gru.ForwardWithState(x, Det([1, 2, 4], 0.1))).Message);
        Tensor.ManualSeed(12);
        var small = new GRU(2, 3, batchFirst: true, dtype: DType.Float64);
        Assert.True(Autograd.GradCheck(a => small.Forward(a[0]), [Tensor.Randn([2, 4, 2], DType.Float64, requiresGrad: true)]));
    }
}

/// <summary>Bidirectional two-layer LSTM and GRU against PyTorch 2.6 with the same weights.</summary>
public class BidirectionalRnnTests
{
    private static T WithWeights<T>(T m) where T : Module
    {
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in m.NamedParameters()) p.Copy_(Check.Det(p.Shape.ToArray(), 0.31 + 0.05 * i++, 0.3));
        }
        return m;
    }

    private static readonly string[] s_names = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
        "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"];

    [Fact]
    public void BidirectionalLstmMatchesPyTorch()
    {
        var m = WithWeights(new LSTM(3, 4, numLayers: 2, dtype: DType.Float64, bidirectional: true));
        Assert.Equal(s_names, m.NamedParameters().Select(p => p.Name));
        Assert.Equal([16, 4], m.NamedParameters().First(p => p.Name == "weight_hh_l1_reverse").Parameter.Shape);
        Assert.Equal([16, 8], m.NamedParameters().First(p => p.Name == "weight_ih_l1").Parameter.Shape);
        var x = Check.Det([5, 2, 3], 0.47, 0.3).RequiresGrad_();
        var (o, (h, _)) = m.ForwardWithState(x);
        Assert.Equal([5, 2, 8], o.Shape);
        Assert.Equal([4, 2, 4], h.Shape);
        Check.Close(-6.801050990059436, o.Sum().Item<double>(), 1e-12);
        Check.Close([0.1106047199447822, 0.04050660179597969, -0.10279086425992973, -0.15487752158070725, -0.10543272159135213, -0.24108777793903138, -0.17153392877607423, -0.004162084638667511], o.Select(0, 0).Select(0, 1), 1e-12);
        Check.Close([0.23005245940443966, 0.15682323402715512, 0.11748517801101292, 0.12796819239595056, 0.14319119022895965, 0.1736111491990977, 0.18762582129192162, 0.12294705830128093], h.Select(0, 1), 1e-12);
        (o.Pow(2).Sum() + h.Sum()).Backward();
        Check.Close(-1.7138706469986884, x.Grad!.Sum().Item<double>(), 1e-10);
        Assert.Equal("LSTM(3, 4, num_layers=2, bidirectional=True)", m.ToString());
        Assert.Equal("LSTM(3, 4, num_layers=2, dropout=0.5)", new LSTM(3, 4, numLayers: 2, dropout: 0.5).ToString());
    }

    [Fact]
    public void ProjectedLstmMatchesPyTorch()
    {
        // FACTS (torch 2.6): LSTM(3, 5, num_layers=2, proj_size=2, bidirectional=True, dtype=float64), parameter i set to
        // det(shape, 0.21 + 0.13 i, 0.5); x = det([4, 2, 3], 0.37), h0 = det([4, 2, 2], 0.41), c0 = det([4, 2, 5], 0.29)
        var m = new LSTM(3, 5, numLayers: 2, dtype: DType.Float64, bidirectional: true, projSize: 2);
        string[] names = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_hr_l0"];
        Assert.Equal(names.Concat(names.Select(n => n + "_reverse")).Concat(names.Select(n => n.Replace("l0", "l1")))
            .Concat(names.Select(n => n.Replace("l0", "l1") + "_reverse")), m.NamedParameters().Select(p => p.Name));
        Assert.Equal([[20, 3], [20, 2], [20], [20], [2, 5]], m.Parameters().Take(5).Select(p => p.Shape.ToArray()));
        Assert.Equal([20, 4], m.NamedParameters().First(p => p.Name == "weight_ih_l1").Parameter.Shape);
        Assert.Equal("LSTM(3, 5, proj_size=2, num_layers=2, bidirectional=True)", m.ToString());
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in m.NamedParameters()) p.Copy_(Check.Det(p.Shape.ToArray(), 0.21 + 0.13 * i++, 0.5));
        }
        var x = Check.Det([4, 2, 3], 0.37, 0.5).RequiresGrad_();
        var h0 = Check.Det([4, 2, 2], 0.41, 0.5).RequiresGrad_();
        var c0 = Check.Det([4, 2, 5], 0.29, 0.5).RequiresGrad_();
        var (o, (h, c)) = m.ForwardWithState(x, (h0, c0));
        Assert.Equal([4, 2, 4], o.Shape);
        Assert.Equal([4, 2, 2], h.Shape);
        Assert.Equal([4, 2, 5], c.Shape);
        Check.Close(2.8205873073762096, o.Sum().Item<double>(), 1e-12);
        Check.Close([0.20599977670947103, -0.013398581876184298, 0.06578063110883833, -0.004335226681253624], o.Select(0, 3).Select(0, 1), 1e-12);
        Check.Close(1.60487972490132, h.Sum().Item<double>(), 1e-12);
        Check.Close(10.853752956989789, c.Sum().Item<double>(), 1e-12);
        (o.Pow(2).Sum() + h.Sum() + c.Pow(2).Sum()).Backward();
        Check.Close(-0.16072144582846956, x.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(-0.44244754296805033, h0.Grad!.Sum().Item<double>(), 1e-10);
        Check.Close(2.942672202696257, c0.Grad!.Sum().Item<double>(), 1e-10);
        double G(string name) => m.NamedParameters().First(p => p.Name == name).Parameter.Grad!.Sum().Item<double>();
        Check.Close(5.226136121212962, G("weight_hr_l0"), 1e-10);
        Check.Close(2.7366893793659592, G("weight_hr_l1_reverse"), 1e-10);
        Check.Close(0.9354494742576004, G("weight_hh_l1"), 1e-10);

        var (o2, (h2, c2)) = m.ForwardWithState(x.Detach().Select(1, 0)); // unbatched, zero state
        Assert.Equal([4, 4], o2.Shape);
        Assert.Equal([4, 2], h2.Shape);
        Assert.Equal([4, 5], c2.Shape);
        Check.Close(1.6981200287182734, o2.Sum().Item<double>(), 1e-12);

        Assert.Equal("proj_size has to be smaller than hidden_size", Assert.Throws<ArgumentException>(() => new LSTM(3, 5, projSize: 5)).Message);
        Assert.Equal("proj_size should be a positive integer or zero to disable projections", Assert.Throws<ArgumentException>(() => new LSTM(3, 5, projSize: -1)).Message);
        Assert.Equal("Expected hidden[0] size (4, 2, 2), got [4, 2, 5]",
            Assert.Throws<ArgumentException>(() => m.ForwardWithState(x.Detach(), (Check.Det([4, 2, 5], 0.41, 0.5), c0.Detach()))).Message);
        Assert.Equal("Expected hidden[1] size (4, 2, 5), got [4, 2, 2]",
            Assert.Throws<ArgumentException>(() => m.ForwardWithState(x.Detach(), (h0.Detach(), Check.Det([4, 2, 2], 0.29, 0.5)))).Message);
        Assert.Equal("LSTM(3, 5, proj_size=2)", new LSTM(3, 5, projSize: 2).ToString());
        Tensor.ManualSeed(8);
        var small = new LSTM(2, 3, dtype: DType.Float64, projSize: 1);
        Assert.True(Autograd.GradCheck(a => small.Forward(a[0]), [Tensor.Randn([3, 2, 2], DType.Float64, requiresGrad: true)]));
    }

    [Fact]
    public void BidirectionalGruMatchesPyTorch()
    {
        var m = WithWeights(new GRU(3, 4, numLayers: 2, dtype: DType.Float64, bidirectional: true));
        var x = Check.Det([5, 2, 3], 0.47, 0.3).RequiresGrad_();
        var (o, h) = m.ForwardWithState(x);
        Check.Close(-4.702487685102704, o.Sum().Item<double>(), 1e-12);
        Check.Close([0.38383747100367127, 0.10376464851464828, -0.12657550557157604, -0.17750530177169055, 0.07756763097253762, -0.3130278498152754, -0.3011048991980602, -0.2025841284198759], o.Select(0, 0).Select(0, 1), 1e-12);
        Check.Close([0.4164465484359129, 0.24261261163617406, 0.2891077743760816, 0.4347895091434217, 0.3247652106373382, 0.2683843871646985, 0.42497145008729176, 0.4259703456782801], h.Select(0, 1), 1e-12);
        (o.Pow(2).Sum() + h.Sum()).Backward();
        Check.Close(-1.5811948583648925, x.Grad!.Sum().Item<double>(), 1e-10);
        Assert.Equal("GRU(3, 4, num_layers=2, bidirectional=True)", m.ToString());
    }

    [Fact]
    public void DropoutBetweenLayersOnlyInTraining()
    {
        Tensor.ManualSeed(1);
        var m = new LSTM(3, 4, numLayers: 2, dtype: DType.Float64, dropout: 0.5);
        var x = Check.Det([5, 2, 3], 0.47, 0.3);
        m.Eval();
        var a = m.Forward(x);
        Assert.True(a.Equal(m.Forward(x)));          // deterministic in eval
        m.Train();
        Assert.False(a.Equal(m.Forward(x)));         // dropout between the layers in training
    }
}

/// <summary>nn.RNN (tanh and relu, bidirectional, batch_first) against PyTorch 2.6.</summary>
public class ElmanRnnTests
{
    [Theory]
    [InlineData("tanh", 3.793763532025072, new[] { 0.7960617905754205, 0.11137262157860021, -0.49610249950417024, -0.32131003131108726, 0.8256763597161403, -0.2143739266745367, -0.7327157690155407, 0.4693902458725058 }, new[] { 0.7516544928850336, 0.5763577444210023, 0.0655675621384738, -0.14533708610844917 }, 6.150440463221179)]
    [InlineData("relu", 30.856554318780155, new[] { 1.3146430328903567, 0.21804434810565687, 0.0, 0.0, 1.1382294250447071, 0.0, 0.0, 0.4726764910339976 }, new[] { 1.1761810607914096, 0.6472966229455972, 0.0, 0.0 }, 26.811796516788917)]
    public void MatchesPyTorch(string nonlinearity, double sum, double[] last, double[] h4, double gx)
    {
        var m = new RNN(3, 4, numLayers: 2, nonlinearity: nonlinearity, batchFirst: true, dtype: DType.Float64, bidirectional: true);
        using (Autograd.NoGrad())
        {
            int i = 0;
            foreach (var (_, p) in m.NamedParameters()) p.Copy_(Check.Det(p.Shape.ToArray(), 0.23 + 0.09 * i++, 0.3));
        }
        var x = Check.Det([2, 5, 3], 0.61, 0.3).RequiresGrad_();
        var (o, h) = m.ForwardWithState(x);
        Assert.Equal([2, 5, 8], o.Shape);
        Assert.Equal([4, 2, 4], h.Shape);
        Check.Close(sum, o.Sum().Item<double>(), 1e-12);
        Check.Close(last, o.Select(0, 1).Select(0, 4), 1e-12);
        Check.Close(h4, h.Flatten().Narrow(0, 0, 4), 1e-12);
        (o.Pow(2).Sum() + h.Sum()).Backward();
        Check.Close(gx, x.Grad!.Sum().Item<double>(), 1e-10);
        Assert.Equal("RNN(3, 4, num_layers=2, batch_first=True, bidirectional=True)", m.ToString());
        Assert.Equal("Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'.", Assert.Throws<ArgumentException>(() => new RNN(3, 4, nonlinearity: "gelu")).Message);
    }
}
