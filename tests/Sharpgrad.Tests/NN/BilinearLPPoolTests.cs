using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Bilinear / F.bilinear and LPPool1d / LPPool2d: values, gradients, node names, reprs and messages from PyTorch 2.6.</summary>
public class BilinearLPPoolTests
{
    [Fact]
    public void BilinearMatchesPyTorch()
    {
        var x1 = Check.Det([2, 3, 4], 0.7).RequiresGrad_();
        var x2 = Check.Det([2, 3, 5], 0.4).RequiresGrad_();
        var w = Check.Det([2, 4, 5], 0.3, 0.5).RequiresGrad_();
        var b = Check.Det([2], 0.5, 0.1).RequiresGrad_();
        var y = F.Bilinear(x1, x2, w, b);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        var view = y.GradFn.NextFunctions[0].Node!;
        Assert.Equal("ViewBackward0", view.Name);
        var tri = view.NextFunctions[0].Node!;
        Assert.Equal("TrilinearBackward0", tri.Name);
        Assert.Equal(["ViewBackward0", "AccumulateGrad", "ViewBackward0"], tri.NextFunctions.Select(e => e.Node!.Name));
        Assert.Equal([2, 3, 2], y.Shape);
        Check.Close([0.8340590270035374, 1.397971327651205, -0.5039161052116493, 0.16498097721960953, -0.4102452238171318, -0.4326069856133689, 1.2307258142447872, 0.9997145422586403, 1.3371062655912118, 1.4966034956003877, -0.6932396777339527, -0.6422504314220953], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([1.139374300161756, -0.24040227697643426, -1.1733850688574698, 0.07439832447714938, -2.918140226855791, 1.5552487400158646, 3.138168114387677, -1.111278278466672, -0.13780390555411431, -0.9833991515394787, -0.0013219026504775744, 0.9832121361507349, 1.4325726134160148, -0.3012160625708075, -1.47518697614326, 0.09251486531277794, -0.36793079341832124, 0.2966827631956014, 0.4099038103213185, -0.23869186620548338, -0.8791164229948224, -0.5134059257749088, 0.8064826259769557, 0.6275025740853701], x1.Grad!, 1e-12);
        Check.Close([0.44601686506316823, 0.2747871744216544, 0.07901156387428934, -0.12382191435768003, -0.31559474975284424, -0.6759947669754315, -0.3493714187130262, 0.008460237867162976, 0.3655361665953921, 0.6899598382201855, 0.18144336136318304, -0.07622435258186228, -0.3270831721260403, -0.5487246260400531, -0.7213501433496902, 0.13924357496149395, 0.21980442577956846, 0.2807308018755516, 0.31658033152684256, 0.32415068301859684, -0.13226341737022285, -0.13797733681594299, -0.1313661516950656, -0.11302041948466848, -0.08457890980490713, 0.9779116965401022, 0.9213584274039984, 0.7825029539847482, 0.5737488221764113, 0.3137434168511811], x2.Grad!, 1e-12);
        Check.Close([0.2889583710062006, 0.7532409712106651, 1.0986033843277871, 1.2705204791571045, 1.2418503265391427, 0.2701827547610067, 0.6179772202743685, 0.8682066707930922, 0.9813653781268733, 0.9395880705220188, 0.12433596722971407, 0.19206912648260743, 0.22947879388095835, 0.23065880550654924, 0.19542286346980348, -0.07998796849279244, -0.324172078656811, -0.5171765454984552, -0.62853020748676, -0.6406527698387342, -0.2650761205684772, 0.2793251286209002, 0.7796270818035772, 1.1568430612142422, 1.3514189579310838, -0.219254197488564, 0.2239646645136582, 0.6318244305255094, 0.9399330115166058, 1.099646837241712, -0.07031359938843884, 0.06327011914122688, 0.18686487704223753, 0.28095777964427265, 0.3306936265417582, 0.1116965831843667, -0.12718135188620588, -0.3459801479582455, -0.5101562860811681, -0.5937899639512361], w.Grad!, 1e-12);
        Check.Close([3.7988985439017173, 3.4816803640394727], b.Grad!, 1e-12);

        var v = F.Bilinear(Check.Det([4], 0.7), Check.Det([5], 0.4), Check.Det([2, 4, 5], 0.3, 0.5).RequiresGrad_());
        Assert.Equal("ViewBackward0", v.GradFn!.Name);
        Check.Close([0.7340590270035374, 1.3102130714621676], v, 1e-12);

        var m = new Bilinear(4, 5, 2, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(w);
            m.Bias!.Copy_(b);
        }
        Check.Close(y.Detach(), m.Forward(Check.Det([2, 3, 4], 0.7), Check.Det([2, 3, 5], 0.4)), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.Bilinear(a[0], a[1], a[2], a[3]),
            [Check.Det([3, 4], 0.7).RequiresGrad_(), Check.Det([3, 5], 0.4).RequiresGrad_(), Check.Det([2, 4, 5], 0.3, 0.5).RequiresGrad_(), Check.Det([2], 0.5, 0.1).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a =>
        {
            using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
            var r = F.Bilinear(a[0], a[1], a[2]);
            var g = Autograd.Grad([(r * r).Sum()], a, createGraph: true);
            return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
        }, [Check.Det([3, 2], 0.7).RequiresGrad_(), Check.Det([3, 3], 0.4).RequiresGrad_(), Check.Det([2, 2, 3], 0.3, 0.5).RequiresGrad_()]));
    }

    [Fact]
    public void BilinearModuleAndMessagesMatchPyTorch()
    {
        var m = new Bilinear(4, 5, 2);
        Assert.Equal("Bilinear(in1_features=4, in2_features=5, out_features=2, bias=True)", m.ToString());
        Assert.Equal("Bilinear(in1_features=4, in2_features=5, out_features=2, bias=False)", new Bilinear(4, 5, 2, bias: false).ToString());
        Assert.Equal(["weight", "bias"], m.NamedParameters().Select(p => p.Name));
        Assert.Equal([2, 4, 5], m.Weight.Shape);
        Assert.Equal([3, 2], m.Forward(Tensor.Ones([3, 4]), Tensor.Ones([3, 5])).Shape); // Float32
        Check.Close(m.Weight.Sum([1, 2]) + m.Bias!, m.Forward(Tensor.Ones([4]), Tensor.Ones([5])), 1e-5);
        var big = new Bilinear(4, 100, 50);
        Assert.True(big.Weight.Abs().Max().Item<float>() <= 0.5); // bound 1/√in1_features, not 1/√in2_features
        Assert.True(big.Weight.Abs().Max().Item<float>() > 0.45);
        Assert.True(big.Bias!.Abs().Max().Item<float>() <= 0.5);
        Assert.True(big.Bias!.Abs().Max().Item<float>() > 0.3);

        static string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        var w = Check.Det([2, 4, 5], 1);
        Assert.Equal("bilinear(): input dimensions do not match: got 2 and 1", Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([5], 1), w)));
        Assert.Equal("bilinear(): input batch dimensions do not match at dim 0: got 3 and 2", Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([2, 5], 1), w)));
        Assert.Equal("bilinear(): input1 size does not match weight size: got 3 but expected 4", Msg(() => F.Bilinear(Check.Det([3, 3], 1), Check.Det([3, 5], 1), w)));
        Assert.Equal("bilinear(): input2 size does not match weight size: got 6 but expected 5", Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([3, 6], 1), w)));
        Assert.Equal("bilinear(): bias size does not match weight size: got 3 but expected 2", Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([3, 5], 1), w, Check.Det([3], 1))));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
            Assert.Throws<ArgumentOutOfRangeException>(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([3, 5], 1), Check.Det([2, 4], 1))).Message);
        Assert.Equal("All tensors must have the same dtype, got input1: double, input2: double, weight: float",
            Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([3, 5], 1), w.To(DType.Float32))));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
            Msg(() => F.Bilinear(Check.Det([3, 4], 1), Check.Det([3, 5], 1), w, Check.Det([2, 1], 1))));
        Assert.Equal("bilinear(): input2 size does not match weight size: got 6 but expected 5", Msg(() => m.Forward(Tensor.Zeros([3, 4]), Tensor.Zeros([3, 6]))));
    }

    [Fact]
    public void LPPool1dMatchesPyTorch()
    {
        var x = (Check.Det([2, 3, 7], 0.7).Abs() + 0.1).Detach().RequiresGrad_();
        var y = F.LPPool1d(x, 2, 3, stride: 2);
        Assert.Equal(["PowBackward0", "MulBackward0", "MulBackward0", "SignBackward0", "SqueezeBackward1", "AvgPool2DBackward0", "UnsqueezeBackward0", "PowBackward0"], Chain(y));
        Assert.Equal("ReluBackward0", y.GradFn!.NextFunctions[0].Node!.NextFunctions[0].Node!.NextFunctions[1].Node!.Name);
        Assert.Equal([2, 3, 3], y.Shape);
        Check.Close([1.425073425179467, 1.2348880418419304, 1.583943720347559, 1.4347104117105822, 1.4152866826066532, 1.24315618755401, 1.2185372399843117, 1.4441914433332768, 1.405356569121613, 1.5996834100209831, 1.2104752623097155, 1.4535105046397185, 1.076653742405369, 1.6044319929560635, 1.2025028276678091, 1.6427743918244484, 1.0729973754885187, 1.6089273574690393], y, 1e-12);
        y.Sum().Backward();
        Check.Close([0.771890051813626, 0.6068755279578486, 0.40805756078601085, 0.48979833321382127, 1.5019732678053548, 0.6543519659040476, 0.3726526477917924, 0.1997004880455079, 0.610273593446866, 1.5437345227979915, 0.60334225202388, 0.382841515661033, 0.4981583652293719, 0.8427916078610941, 0.8456255896767015, 0.47231788172793343, 0.45847213218432553, 0.6135407464372847, 1.543597540687034, 0.5996692876530348, 0.16845348960499112, 0.3960686112140195, 0.6582258153651592, 1.4862681075999076, 0.4631888026703919, 0.4836676649149303, 0.6166811092391121, 0.7559133310260069, 0.7721944975439239, 0.20439432509730243, 1.005325851565055, 0.659370300858047, 1.480446231916186, 0.4537951910705053, 0.27926173080342004, 0.5517553100554516, 0.6682226036966603, 1.2630868103704496, 0.18951832665144322, 1.0279814438043244, 0.6604436560673091, 0.628222195361979], x.Grad!, 1e-12);

        var xc = (Check.Det([2, 3, 7], 0.7).Abs() + 0.1).Detach().RequiresGrad_();
        var yc = new LPPool1d(1.5, 3, stride: 2, ceilMode: true).Call(xc);
        Check.Close([1.638964843098203, 1.410216534011222, 1.8775388736744092, 1.6534478292026513, 1.6242644034413862, 1.4173088225329595, 1.395996950583396, 1.6677014459260762, 1.6093592922169355, 1.90108314266342, 1.3888704369072185, 1.6817145416113355, 1.2410721175397217, 1.9081815967786702, 1.381734300794697, 1.9654146153524863, 1.2348883094198235, 1.9148994672578563], yc, 1e-12);
        yc.Sum().Backward();
        Check.Close([0.8192407070106629, 0.7264130110056182, 0.8433895056179476, 0.6549068649677477, 1.6047314369161532, 0.742986820642164, 0.5606960674170569, 0.416271271888516, 0.7276946232971214, 1.63847918431268, 0.7250629551175707, 0.8177727996440753, 0.6610195686988886, 0.859786662700196, 0.8591445247729738, 0.642087717498309, 0.8921403484819089, 0.7289117251860504, 1.638472186510097, 0.7236401608219345, 0.38353655595881947, 0.5773001598657447, 0.7442244273357382, 1.592680255657172, 0.6353691416669179, 0.9154143416295573, 0.7300679277839957, 0.8082932459764461, 0.8184701952899437, 0.4210890368968238, 1.3050561552365725, 0.7445870800186694, 1.5884206929826103, 0.6284355263827559, 0.49298816835376535, 0.6791021919569556, 0.7473472703907363, 1.4606368736712771, 0.4057991161730653, 1.3198666346965549, 0.7449259704961757, 0.7265271813248045], xc.Grad!, 1e-12);

        // Odd p over signed input: a negative window mean gives NaN, as in PyTorch.
        var xu = Check.Det([2, 6], 0.9).RequiresGrad_();
        var yu = F.LPPool1d(xu, 3, 2);
        Assert.Equal([2, 3], yu.Shape);
        Check.Close([1.074391778731408, double.NaN, double.NaN, 1.078724059998846, 0.5950519211319856, double.NaN], yu, 1e-12);
        yu.Sum().Backward();
        Check.Close([0.8663126321460102, 0.3347422937316774, double.NaN, double.NaN, double.NaN, double.NaN, 0.3461836211954167, 0.8591252309078313, 1.0451994639578537, 0.16751191145175523, double.NaN, double.NaN], xu.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => F.LPPool1d(a[0], 1.5, 3, 2, ceilMode: true), [(Check.Det([2, 3, 7], 0.7).Abs() + 0.1).Detach().RequiresGrad_()]));
    }

    [Fact]
    public void LPPool2dMatchesPyTorch()
    {
        var x = (Check.Det([1, 2, 4, 5], 0.7).Abs() + 0.1).Detach().RequiresGrad_();
        var y = F.LPPool2d(x, 1.5, (2, 3), stride: (1, 2), ceilMode: true);
        Assert.Equal(["PowBackward0", "MulBackward0", "MulBackward0", "SignBackward0", "AvgPool2DBackward0", "PowBackward0"], Chain(y));
        Assert.Equal([1, 2, 3, 2], y.Shape);
        Check.Close([2.4181267607179584, 2.435463745264538, 2.11047227894107, 2.8185261270283744, 2.006129129470079, 3.0651330708438485, 2.4695468866231876, 2.7457127672387327, 2.8521372700954504, 2.3650624716283195, 3.07464314471197, 2.078449975876663], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.5055191812313848, -0.44823909190172295, -0.5037624252079586, -0.3791818057111526, -0.49774308538800505, -0.8508057126383911, -0.6420617485516144, -1.0106389126254478, -0.9847376767380186, -1.1036835639931195, -0.6019885050471601, -0.3279178244594043, -1.4053341129234953, -1.161097291486729, -1.1514739686588114, -0.22587767393734728, -0.16389341685290115, -0.8163575058559506, -0.597158108971855, -0.522821939880175, -0.24229057726099748, -0.39637429975064503, -1.0823545878877971, -0.5634964169425764, -0.41693658637365694, -0.6021899182264309, -1.0087377334525556, -2.1866920465892195, -0.930652036704772, -0.4788046920673191, -0.9146861979980719, -1.1689628665166258, -1.9545192417671386, -0.5917412859294668, -0.4642026754419885, -0.5417399097123551, -0.5961810278045969, -0.8205217983694266, -0.15205682207606885, -0.2742949842414202], x.Grad!, 1e-12);

        var xu = (Check.Det([2, 4, 5], 0.7).Abs() + 0.1).Detach().RequiresGrad_();
        var yu = new LPPool2d(2, 2).Call(xu);
        Assert.Equal([2, 2, 2], yu.Shape);
        Check.Close([1.8386414307163395, 1.1346479691688094, 1.1029061958849649, 1.8641662935985812, 1.1674602033942156, 2.013942358510431, 1.8882123749770967, 1.4306270070293454], yu, 1e-12);
        yu.Sum().Backward();
        Check.Close([0.5982678197191702, 0.4703702270798628, 0.2379303098722386, 0.533069393358135, 0.0, 0.5637078932171077, 0.3210309587719521, 0.2525121246481942, 0.7716630199864092, 0.0, 0.7742292658516973, 0.22973292106184942, 0.33220676515999603, 0.5620322638215892, 0.0, 0.5218366984820367, 0.2747331232241571, 0.47531719631652103, 0.589772805825525, 0.0, 0.20277969006528498, 0.5427031985733355, 0.5228317049083638, 0.508521406159116, 0.0, 0.27361957374027435, 0.7677798932125589, 0.5455607816184731, 0.4128152387938332, 0.0, 0.34303835141008704, 0.5602732086291659, 0.7112811693977678, 0.3814341528316633, 0.0, 0.48003577665528696, 0.5813641494667386, 0.5730468052063759, 0.1421423376637005, 0.0], xu.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => F.LPPool2d(a[0], 1.5, (2, 3), (1, 2), ceilMode: true), [(Check.Det([1, 2, 4, 5], 0.7).Abs() + 0.1).Detach().RequiresGrad_()]));
    }

    [Fact]
    public void LPPoolReprsAndMessagesMatchPyTorch()
    {
        Assert.Equal("LPPool1d(norm_type=2, kernel_size=3, stride=None, ceil_mode=False)", new LPPool1d(2, 3).ToString());
        Assert.Equal("LPPool1d(norm_type=1.5, kernel_size=3, stride=2, ceil_mode=True)", new LPPool1d(1.5, 3, stride: 2, ceilMode: true).ToString());
        Assert.Equal("LPPool2d(norm_type=2, kernel_size=(2, 3), stride=None, ceil_mode=False)", new LPPool2d(2, (2, 3)).ToString());
        Assert.Equal("LPPool2d(norm_type=2.0, kernel_size=2, stride=2, ceil_mode=False)", new LPPool2d(2.0, 2, stride: 2).ToString());
        Assert.Equal("LPPool2d(norm_type=2, kernel_size=(2, 2), stride=(1, 2), ceil_mode=False)", new LPPool2d(2, (2, 2), stride: (1, 2)).ToString());
        Assert.Equal("Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)",
            Assert.Throws<ArgumentException>(() => F.LPPool1d(Check.Det([1, 2, 3, 4], 1), 2, 2)).Message);
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got -3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => F.LPPool2d(Check.Det([4, 5], 1), 2, 2)).Message);
    }

    /// <summary>The first-input chain of node names from the output down to the leaf.</summary>
    private static List<string> Chain(Tensor t)
    {
        var names = new List<string>();
        for (var fn = t.GradFn; fn is not null;)
        {
            names.Add(fn.Name);
            fn = fn.NextFunctions.Select(e => e.Node).FirstOrDefault(n => n is not null && n.Name != "AccumulateGrad");
        }
        return names;
    }
}
