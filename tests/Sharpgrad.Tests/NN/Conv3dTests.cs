using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>Conv3d and conv3d: values, gradients, graph, parameters, repr and messages from PyTorch 2.6.</summary>
public class Conv3dTests
{
    [Fact]
    public void GroupedStridedDilatedMatchesPyTorch()
    {
        var x = Check.Det([2, 4, 3, 3, 2], 0.7).RequiresGrad_();
        var w = Check.Det([4, 2, 2, 2, 2], 0.3, 0.5).RequiresGrad_();
        var b = Check.Det([4], 0.5, 0.1).RequiresGrad_();
        var y = F.Conv3d(x, w, b, (2, 1, 1), (1, 0, 1), (1, 2, 1), groups: 2);
        Assert.Equal("ConvolutionBackward0", y.GradFn!.Name);
        Assert.Equal(["AccumulateGrad", "AccumulateGrad", "AccumulateGrad"], y.GradFn.NextFunctions.Select(e => e.Node!.Name));
        Assert.Equal([2, 4, 2, 1, 3], y.Shape);
        Check.Close([0.11088555020315244, 0.26493187414556824, 0.23845547609987228, 0.05160676858357857, 0.05347911832589593, 0.08703966467651045, 0.30205070187461786, 0.47567987753545055, 0.23817386563568194, 0.052072673447569634, -0.0049158751976826065, 0.014410861707133016, 0.07224460470700435, -0.05903807987969075, -0.06288921346662435, 0.09046222052967604, 0.07400882027458518, 0.048745285187417275, -0.20531682886210578, -0.391004012284135, -0.1538634730108509, 0.05371940231320915, 0.11106097198529336, 0.08302742836608262, 0.12804890356129145, 0.292794402681708, 0.24390974585681216, 0.06163147448293921, 0.07156211442538625, 0.0966599806392601, 0.303647013575683, 0.4547080048269791, 0.21766046301306313, 0.0430856261294687, -0.020095266688857583, 0.007696172595076267, 0.055234231769793585, -0.0894779056289663, -0.07085660543517855, 0.07856190047263086, 0.053135870018798714, 0.038022064224995794, -0.20793881238370493, -0.3719890407562375, -0.1335216850814836, 0.060239803367238304, 0.12164549775492034, 0.08715588416690306], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([1.114092589164903, 1.121147336998566, 0.0, 0.0, 0.4512572792741834, 0.47028357813700217, 1.2087991397714664, 1.2078240943487009, 0.0, 0.0, 1.4566023084004316, 1.4561311007663087, 1.1955723839935875, 1.195769620531435, 0.0, 0.0, 0.5168946290243239, 0.5176914093369407, -1.3816685569914409, -1.371075455760893, 0.0, 0.0, -1.219970379974611, -1.2236545359828088, -0.3423492910149868, -0.3412313052143112, 0.0, 0.0, -1.082000754251817, -1.080952107567912, -1.4436782246713316, -1.4430652395606398, 0.0, 0.0, -1.301037356329835, -1.3010741661272132, -0.9850856141625856, -0.9899279406529514, 0.0, 0.0, -0.2318921936418624, -0.2405820851921512, -1.329289500321155, -1.3297473263524853, 0.0, 0.0, -1.4287585354464207, -1.4284994198667205, -1.0291211084990908, -1.0282355678351511, 0.0, 0.0, -0.26998207035283184, -0.26877944943573207, 1.4215874482055346, 1.4195436529563348, 0.0, 0.0, 1.1204690819974128, 1.124089949684784, 0.5834694724006045, 0.5845690634849006, 0.0, 0.0, 1.2330983419223887, 1.2337107843727024, 1.451970484148636, 1.4518818341969926, 0.0, 0.0, 1.1636275628086454, 1.162868788433629, 1.1169092325346002, 1.1275684007426423, 0.0, 0.0, 0.45692045089290384, 0.4784066516475082, 1.208035737461453, 1.2068106044597893, 0.0, 0.0, 1.4560779113236901, 1.4553601518674393, 1.1954701791360227, 1.1955105272533224, 0.0, 0.0, 0.5172503194831353, 0.5180346804157898, -1.3797517999425564, -1.372432598876645, 0.0, 0.0, -1.2219244520051151, -1.2293056587554831, -0.34165995815034084, -0.3404055842423132, 0.0, 0.0, -1.0812185827831884, -1.0799323847944258, -1.4430764495959265, -1.442207733488052, 0.0, 0.0, -1.3008261949946702, -1.3006784282972839, -0.9880647717982645, -0.9949164663120013, 0.0, 0.0, -0.2349165156968864, -0.245187964559817, -1.3301302705379912, -1.330192437447736, 0.0, 0.0, -1.4288337807773037, -1.4282835606739277, -1.0284045435851212, -1.0274341441806651, 0.0, 0.0, -0.26872401193416146, -0.26767242165916794, 1.4231077507893262, 1.42263757884756, 0.0, 0.0, 1.1232770870871556, 1.1289064199337948, 0.5848295483237663, 0.5855949787317996, 0.0, 0.0, 1.2340853217004515, 1.2342972053784276, 1.452239587349536, 1.4518239072328059, 0.0, 0.0, 1.1630847839421605, 1.1621867490546904], x.Grad!, 1e-10);
        Check.Close([-0.3566436587857509, -0.35582877217651143, 1.5822847225652774, 1.5831967185094529, 0.24111012172025426, 0.2854033452646394, -1.4358768229019634, -1.4751008374197319, -0.23135511971053951, -0.23037209085552962, 1.4675474083471132, 1.4682908487968693, 0.11965579446031827, 0.16417590986449881, -1.3234721283395987, -1.3634102335119107, -0.3560533368428169, -0.35516425143903063, 1.5855619953026656, 1.5840814155741436, 0.10028248390051075, 0.10691357234033139, -1.3037446461794633, -1.2746963765309554, -0.23038036114824856, -0.22955630321558743, 1.4704536398175356, 1.4690246798539284, -0.021148301575500073, -0.01097824971570538, -1.1897756301889402, -1.1641564960242605, -0.10344016474409434, -0.10299898892163828, 1.350957957220142, 1.3488842869248447, 0.09820564666521558, 0.10310807001062439, -1.3208055133972922, -1.3242924305693942, 0.022432619424868128, 0.022707132469458047, 1.2328141439530163, 1.230893475393383, -0.025132788325450073, -0.020119491415292456, -1.205004922439779, -1.2086521649299624, -0.10187442746797237, -0.1076594182317559, 1.3448567952480395, 1.3515182685575375, -0.038222136712474875, -0.021009625140321453, -1.179585221261567, -1.1720211544411594, 0.023533166940734374, 0.017872968676073964, 1.2271362743068546, 1.2337446389898281, -0.16021123419257977, -0.14062142713214, -1.0635265427655871, -1.0584097336643274], w.Grad!, 1e-10);
        Check.Close([11.834655394499489, 11.641896534632647, 11.972404932736675, 11.768826126389264], b.Grad!, 1e-10);

        var m = new Conv3d(4, 4, (2, 2, 2), stride: (2, 1, 1), padding: (1, 0, 1), dilation: (1, 2, 1), groups: 2, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(w);
            m.Bias!.Copy_(b);
        }
        Check.Close(y.Detach(), m.Call(Check.Det([2, 4, 3, 3, 2], 0.7)), 1e-12);
        Assert.True(Autograd.GradCheck(a => F.Conv3d(a[0], a[1], a[2], (2, 1, 1), (1, 0, 1), (1, 2, 1), groups: 2),
            [Check.Det([2, 4, 3, 3, 2], 0.7).RequiresGrad_(), Check.Det([4, 2, 2, 2, 2], 0.3, 0.5).RequiresGrad_(), Check.Det([4], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void PaddingStringsAndUnbatchedInputMatchPyTorch()
    {
        // Even kernel width with odd dilation: PyTorch batches, pads the extra element explicitly, convolves, then squeezes.
        var x = Check.Det([2, 3, 4, 3], 0.4).RequiresGrad_();
        var w = Check.Det([3, 2, 2, 3, 2], 0.6).RequiresGrad_();
        var y = F.Conv3d(x, w, null, "same", dilation: (1, 1, 2));
        Assert.Equal("SqueezeBackward1", y.GradFn!.Name);
        var conv = y.GradFn.NextFunctions[0].Node!;
        Assert.Equal("ConvolutionBackward0", conv.Name);
        Assert.Equal("ConstantPadNdBackward0", conv.NextFunctions[0].Node!.Name);
        Assert.Equal("UnsqueezeBackward0", conv.NextFunctions[0].Node!.NextFunctions[0].Node!.Name);
        Assert.Equal([3, 3, 4, 3], y.Shape);
        Check.Close([2.913825509551543, 6.040960006390368, 2.9309755773814525, 2.821195103521397, 3.440623415800472, 0.4529932396783063, -2.1467372688615813, -6.387204770189684, -4.021825954786125, -2.839332936358706, -5.196861664920016, -2.095401729699556, -0.7927534854583704, 0.14118228893192392, 0.8907936746239349, 3.6339036104108957, 8.460217666127331, 4.513608400791139, 3.6588662767197, 5.592159557026014, 1.6898608223075466, -0.4983484253636261, -2.7391065207396084, -2.100281553376626, -1.3253182445893568, -3.1746175906141065, -1.7188840855356948, -2.4195242339104834, -3.9851712035722446, -1.4092951901596167, 0.260380739036809, 2.028274331760863, 1.7240524432757063, 1.5695421424043243, 3.373427415815214, 1.6128904271341789, -1.6567901035651174, -1.6671281565132867, 0.08467181524148312, 2.4744019299690176, 6.833269158663629, 4.067744352450446, 4.405815156370121, 7.738529454444514, 3.0503659927478033, 0.31357416586627185, -1.0418062570977433, -1.3537812477123574, -2.436444043547499, -5.5588669867185105, -2.8445729411264473, -3.5341261353762112, -5.0266002147802835, -1.3289213194636496, 1.3238270930454208, 4.983477523208531, 3.4331429618422984, 3.017986379132183, 5.86736916092924, 2.6579519693719535, 1.4133110472389032, 2.1669156705440145, 0.6062236098675418, -0.37632721316319223, -2.2901053826321687, -1.7825202168220464, -2.6486180035820825, -5.303059001228419, -2.4361294162455103, -0.9507715752171806, -0.9911613581259585, -0.011400375003888574, -2.0528998605327393, -5.1746623462007815, -2.974973991745176, -4.106980238830926, -6.991427270002434, -2.566734406492529, -0.14267722292757684, 2.365996242517583, 2.4367498993459606, 2.6763889148540883, 5.738220359732185, 2.798873459044326, 2.058814385372898, 2.747397959134335, 0.5873451676173868, -1.7974489923721269, -5.848221709031914, -3.823054753112858, -4.346772787518106, -8.181747466687447, -3.473841078007007, -1.0699020588668704, -0.30978216590590557, 0.719117446125894, 0.590912764986745, 2.0486129892963003, 1.4038692543554063, 2.615076917101187, 5.175189455505007, 2.335554570424165, 1.1159331155848955, 0.7273792073285908, -0.45815503462877005, -1.0754882283320948, -2.8583855685161708, -1.6069663965474663], y, 1e-12);
        y.Sum().Backward();
        Check.Close([-0.6023756598535019, -1.3906841123706122, -0.78830845251711, -0.8236696619738488, -1.553881007331265, -0.730211345357416, -0.8236696619738488, -1.553881007331265, -0.730211345357416, -0.6988624229399043, -1.0641460655715473, -0.36528364263164315, 0.16598641752606014, 0.12240940868864236, -0.04357700883741761, -0.04553174588492015, -0.2941217711621421, -0.2485900252772219, -0.04553174588492015, -0.2941217711621421, -0.2485900252772219, -0.23791773229556357, -0.5870646792223025, -0.3491469469267391, 0.16598641752606014, 0.12240940868864236, -0.04357700883741761, -0.04553174588492015, -0.2941217711621421, -0.2485900252772219, -0.04553174588492015, -0.2941217711621421, -0.2485900252772219, -0.23791773229556357, -0.5870646792223025, -0.3491469469267391, -0.7756946595107208, -1.3230745870505016, -0.5473799275397808, -0.5719337886690705, -0.7055183878474134, -0.1335845991783428, -0.5719337886690705, -0.7055183878474134, -0.1335845991783428, -0.1278496386598008, 0.208492568601445, 0.3363422072612458, -0.15283530804690543, -0.46321156535902885, -0.31037625731212337, -0.3242988276082678, -0.6999185196551994, -0.3756196920469315, -0.3242988276082678, -0.6999185196551994, -0.3756196920469315, -0.3594938503172283, -0.6425237490207429, -0.28302989870351464, -0.15283530804690543, -0.46321156535902885, -0.31037625731212337, -0.3242988276082678, -0.6999185196551994, -0.3756196920469315, -0.3242988276082678, -0.6999185196551994, -0.3756196920469315, -0.3594938503172283, -0.6425237490207429, -0.28302989870351464], x.Grad!, 1e-12);
        Check.Close([3.958547020735452, 3.7745925707898387, 2.3953512654529487, 1.6761206551429686, 1.742034001580818, 0.2143261884859722, 3.383943850767086, 4.542688342751631, 3.3711501326823416, 3.4051929179467924, 4.638893862813097, 3.5611661546398463, -0.709779425585314, -2.1757355135393732, -1.9369751139230722, -2.547091129771995, -3.8999342871301343, -3.885963898109429, 2.6565843012335657, 0.8038958331044794, -0.13156826773304375, -1.4668723121001228, -2.969697280108582, -4.294834546403358, 3.958547020735452, 3.7745925707898387, 2.3953512654529487, 1.6761206551429686, 1.742034001580818, 0.2143261884859722, 3.383943850767086, 4.542688342751631, 3.3711501326823416, 3.4051929179467924, 4.638893862813097, 3.5611661546398463, -0.709779425585314, -2.1757355135393732, -1.9369751139230722, -2.547091129771995, -3.8999342871301343, -3.885963898109429, 2.6565843012335657, 0.8038958331044794, -0.13156826773304375, -1.4668723121001228, -2.969697280108582, -4.294834546403358, 3.958547020735452, 3.7745925707898387, 2.3953512654529487, 1.6761206551429686, 1.742034001580818, 0.2143261884859722, 3.383943850767086, 4.542688342751631, 3.3711501326823416, 3.4051929179467924, 4.638893862813097, 3.5611661546398463, -0.709779425585314, -2.1757355135393732, -1.9369751139230722, -2.547091129771995, -3.8999342871301343, -3.885963898109429, 2.6565843012335657, 0.8038958331044794, -0.13156826773304375, -1.4668723121001228, -2.969697280108582, -4.294834546403358], w.Grad!, 1e-12);
        Check.Close([4.987384173811522, 1.7274275851886522, 7.768516707395725, 8.839212969933637, 5.562406986445051, 7.813008454638042, -6.393752467246491, -3.495895202373652, -7.8778039286176815, -5.787337986708208, -4.446100982745405, -7.022624471771493], F.Conv3d(Check.Det([1, 2, 3, 4, 3], 0.4), w.Detach(), null, "valid", stride: (1, 2, 1)), 1e-12);

        var u = F.Conv3d(Check.Det([2, 3, 4, 3], 0.4).RequiresGrad_(), w.Detach(), null, (1, 1, 1), (0, 1, 1), (1, 1, 2));
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Assert.Equal("ConvolutionBackward0", u.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("UnsqueezeBackward0", u.GradFn.NextFunctions[0].Node!.NextFunctions[0].Node!.Name);
        Check.Close(F.Conv3d(Check.Det([1, 2, 3, 4, 3], 0.4), w.Detach(), null, (1, 1, 1), (0, 1, 1), (1, 1, 2)).Squeeze(0), u.Detach(), 0);

        var m = new Conv3d(2, 3, (2, 3, 2), "same", dilation: (1, 1, 2), bias: false, dtype: DType.Float64);
        using (Autograd.NoGrad()) m.Weight.Copy_(w);
        Check.Close(y.Detach(), m.Call(Check.Det([2, 3, 4, 3], 0.4)), 1e-12);
        Assert.Equal((0, 1, 1), m.Padding);
        Assert.True(Autograd.GradCheck(a => F.Conv3d(a[0], a[1], a[2], "same", dilation: (2, 1, 1)),
            [Check.Det([1, 2, 3, 2, 3], 0.4).RequiresGrad_(), Check.Det([2, 2, 2, 1, 2], 0.6).RequiresGrad_(), Check.Det([2], 0.5).RequiresGrad_()]));
    }

    [Fact]
    public void Float32ModuleMatchesPyTorch()
    {
        var m = new Conv3d(2, 3, 2, stride: 2, padding: 1);
        using (Autograd.NoGrad())
        {
            m.Weight.Copy_(Check.Det([3, 2, 2, 2, 2], 0.35).To(DType.Float32));
            m.Bias!.Copy_(Check.Det([3], 0.8).To(DType.Float32));
        }
        var y = m.Call(Check.Det([1, 2, 3, 3, 3], 0.9).To(DType.Float32));
        Assert.Equal(DType.Float32, y.DType);
        Check.Close([0.574325680732727, 1.3379099369049072, 0.6454605460166931, 1.1460411548614502, 0.6545997858047485, 0.2267659306526184, 1.4595869779586792, 0.6301438212394714, 0.404337078332901, 0.2795043885707855, 0.37610119581222534, 0.9966375827789307, 0.22428905963897705, 0.44754642248153687, 0.9234215021133423, -0.18083155155181885, -0.05702897906303406, -1.0142452716827393, -0.17196151614189148, 0.2899913191795349, -0.41658127307891846, 0.35755425691604614, -0.137122243642807, -1.020520806312561], y, 1e-6);
        Assert.Equal([0, 6, 3, 3, 3], F.Conv3d(Tensor.Zeros([0, 4, 5, 5, 5], DType.Float64), Check.Det([6, 2, 3, 3, 3], 1), groups: 2).Shape);
    }

    [Fact]
    public void BackwardIsDifferentiable()
    {
        Assert.True(Autograd.GradCheck(a =>
        {
            using var scope = Autograd.EnableGrad(); // GradCheck's numeric pass runs under no_grad
            var y = F.Conv3d(a[0], a[1], a[2], (1, 2, 1), (1, 0, 0), (1, 1, 2), groups: 2);
            var g = Autograd.Grad([(y * Check.Det(y.Shape.ToArray(), 0.37)).Sum()], a, createGraph: true);
            return Tensor.Cat(g.Select(t => t!.Flatten()).ToArray(), 0);
        }, [Check.Det([1, 2, 2, 3, 3], 0.7).RequiresGrad_(), Check.Det([2, 1, 2, 1, 2], 0.3, 0.5).RequiresGrad_(), Check.Det([2], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void ParametersAndReprMatchPyTorch()
    {
        var c = new Conv3d(4, 6, 3, stride: 2, padding: 1, groups: 2);
        Assert.Equal("Conv3d(4, 6, kernel_size=(3, 3, 3), stride=(2, 2, 2), padding=(1, 1, 1), groups=2)", c.ToString());
        Assert.Equal(["weight", "bias"], c.NamedParameters().Select(p => p.Name));
        Assert.Equal([6, 2, 3, 3, 3], c.Weight.Shape);
        Assert.Equal([6], c.Bias!.Shape);
        double bound = 1 / Math.Sqrt(2 * 27);
        Assert.True(c.Weight.Abs().Max().Item<float>() <= bound);
        Assert.True(c.Weight.Abs().Max().Item<float>() > 0.8 * bound);
        Assert.True(c.Bias.Abs().Max().Item<float>() <= bound);
        Assert.Equal("Conv3d(4, 6, kernel_size=(1, 2, 3), stride=(1, 2, 1), padding=(0, 1, 0), dilation=(2, 1, 1), bias=False)",
            new Conv3d(4, 6, (1, 2, 3), stride: (1, 2, 1), padding: (0, 1, 0), dilation: (2, 1, 1), bias: false).ToString());
        Assert.Equal("Conv3d(4, 6, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=same, dilation=(2, 2, 2))", new Conv3d(4, 6, 3, "same", dilation: 2).ToString());
        Assert.Equal("Conv3d(4, 6, kernel_size=(3, 3, 3), stride=(1, 1, 1), padding=valid)", new Conv3d(4, 6, 3, "valid").ToString());
        Assert.Equal("Conv3d(4, 6, kernel_size=(3, 3, 3), stride=(1, 1, 1))", new Conv3d(4, 6, 3).ToString());
        Assert.Equal("out_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new Conv3d(4, 5, 3, groups: 2)).Message);
        Assert.Equal("in_channels must be divisible by groups", Assert.Throws<ArgumentException>(() => new Conv3d(3, 4, 3, groups: 2)).Message);
        Assert.Equal("padding='same' is not supported for strided convolutions", Assert.Throws<ArgumentException>(() => new Conv3d(3, 4, 3, "same", stride: 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv3d(2, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv3d(2, 3, (1, 2, 3), stride: (1, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv3d(2, 3, 3, padding: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Conv3d(2, 3, 3, "same", dilation: 0));
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        static string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        var x = Check.Det([1, 4, 5, 5, 5], 1);
        var w = Check.Det([6, 2, 3, 3, 3], 1);
        Assert.Equal("Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: [4, 5, 5]", Msg(() => F.Conv3d(Check.Det([4, 5, 5], 1), w)));
        Assert.Equal("Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: [1, 1, 4, 5, 5, 5]", Msg(() => F.Conv3d(Check.Det([1, 1, 4, 5, 5, 5], 1), w)));
        Assert.Equal("weight should have at least three dimensions", Msg(() => F.Conv3d(x, Check.Det([6, 2], 1), groups: 0)));
        Assert.Equal("non-positive groups is not supported", Msg(() => F.Conv3d(x, w, groups: 0)));
        Assert.Equal("expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 1, 1]",
            Msg(() => F.Conv3d(x, Check.Det([6, 4, 3, 3], 1))));
        Assert.Equal("Given groups=1, weight of size [6, 3, 3, 3, 3], expected input[1, 4, 5, 5, 5] to have 3 channels, but got 4 channels instead",
            Msg(() => F.Conv3d(x, Check.Det([6, 3, 3, 3, 3], 1))));
        Assert.Equal("Given groups=1, weight of size [6, 3, 3, 3, 3], expected input[1, 4, 5, 5, 5] to have 3 channels, but got 4 channels instead",
            Msg(() => F.Conv3d(Check.Det([4, 5, 5, 5], 1), Check.Det([6, 3, 3, 3, 3], 1))));
        Assert.Equal("Given groups=3, weight of size [6, 2, 3, 3, 3], expected input[1, 4, 5, 5, 5] to have 6 channels, but got 4 channels instead",
            Msg(() => F.Conv3d(x, w, groups: 3)));
        Assert.Equal("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3, 3]] instead",
            Msg(() => F.Conv3d(x, Check.Det([3, 2, 3, 3, 3], 1), groups: 2)));
        Assert.Equal("Given groups=4, expected weight to be at least 4 at dimension 0, but got weight of size [3, 2, 3, 3, 3] instead",
            Msg(() => F.Conv3d(x, Check.Det([3, 2, 3, 3, 3], 1), groups: 4)));
        Assert.Equal("Given weight of size [6, 2, 3, 3, 3], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead",
            Msg(() => F.Conv3d(x, w, Check.Det([5], 1), groups: 2)));
        Assert.Equal("Calculated padded input size per channel: (7 x 2 x 5). Kernel size: (3 x 3 x 3). Kernel size can't be greater than actual input size",
            Msg(() => F.Conv3d(Check.Det([1, 4, 5, 2, 5], 1), w, null, (1, 1, 1), (1, 0, 0), groups: 2)));
        Assert.Equal("non-positive stride is not supported", Msg(() => F.Conv3d(x, w, null, (1, 0, 1), (0, 0, 0), groups: 2)));
        Assert.Equal("negative padding is not supported", Msg(() => F.Conv3d(x, w, stride: 0, padding: -1, groups: 2)));
        Assert.Equal("dilation should be greater than zero", Msg(() => F.Conv3d(x, w, dilation: -1, groups: 2)));
        Assert.Equal("dilation should be greater than zero, but got [1, 0, 1]", Msg(() => F.Conv3d(x, w, null, (1, 1, 1), (0, 0, 0), (1, 0, 1), groups: 2)));
        Assert.Equal("Given groups=1, weight of size [6, 2, 3, 3, 3], expected input[1, 4, 5, 5, 5] to have 2 channels, but got 4 channels instead",
            Msg(() => F.Conv3d(x, w, dilation: 0)));
        Assert.Equal("expected scalar type Double but found Float", Msg(() => F.Conv3d(x, w.To(DType.Float32), groups: 2)));
        Assert.Equal("dilation should be greater than zero, but got [0, 0, 0]", Msg(() => F.Conv3d(x, w.To(DType.Float32), dilation: 0, groups: 2)));
        Assert.Equal("Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor",
            Msg(() => F.Conv3d(x.To(DType.Float32), w, dilation: 0, groups: 2)));
        Assert.Equal("\"compute_columns3d\" not implemented for 'Bool'", Msg(() => F.Conv3d(x.To(DType.Bool), w.To(DType.Bool), groups: 2)));
        Assert.Equal("Input type (double) and bias type (float) should be the same", Msg(() => F.Conv3d(Check.Det([4, 5, 5], 1), w, Check.Det([6], 1).To(DType.Float32))));
        Assert.Equal("padding='same' is not supported for strided convolutions",
            Assert.Throws<InvalidOperationException>(() => F.Conv3d(x, w, null, "same", stride: (1, 1, 2), groups: 2)).Message);
        Assert.Equal("Invalid padding string: 'foo'", Assert.Throws<InvalidOperationException>(() => F.Conv3d(x, w, null, "foo", groups: 2)).Message);
    }
}
