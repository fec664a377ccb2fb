using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>F.grid_sample and F.affine_grid: PyTorch 2.6 values, gradients (input and grid), node names and messages.</summary>
public class GridSampleTests
{
    /// <summary>
    /// With x = Det(xShape, 0.37) and grid = Det(gridShape, 0.53, 1.3) (points inside and outside [-1, 1]), w = Det(y.shape, 0.23):
    /// sum(y·w), sum(y²), y's first five values; after sum(y·w).backward(), for x's gradient and then the grid's:
    /// sum(g), sum(g²), sum(g · Det(shape, 0.11)).
    /// </summary>
    private static void Matches(int[] xShape, int[] gridShape, string mode, string padding, bool align, double[] s)
    {
        var x = Check.Det(xShape, 0.37).RequiresGrad_();
        var grid = Check.Det(gridShape, 0.53, 1.3).RequiresGrad_();
        var y = F.GridSample(x, grid, mode, padding, align);
        Assert.Equal(xShape.Length == 4 ? "GridSampler2DBackward0" : "GridSampler3DBackward0", y.GradFn!.Name);
        var w = Check.Det([.. y.Shape], 0.23);
        Check.Close(s[0], (y * w).Sum().Item<double>(), 1e-12);
        Check.Close(s[1], (y * y).Sum().Item<double>(), 1e-12);
        Check.Close(s[2..7], y.Flatten().Narrow(0, 0, 5), 1e-12);
        (y * w).Sum().Backward();
        int at = 7;
        foreach (var (g, shape) in new[] { (x.Grad!, xShape), (grid.Grad!, gridShape) })
        {
            Check.Close(s[at++], g.Sum().Item<double>(), 1e-12);
            Check.Close(s[at++], (g * g).Sum().Item<double>(), 1e-12);
            Check.Close(s[at++], (g * Check.Det(shape, 0.11)).Sum().Item<double>(), 1e-12);
        }
    }

    [Fact]
    public void Sample2dMatchesPyTorch()
    {
        foreach (var (mode, padding, align, s) in new (string, string, bool, double[])[]
        {
            ("bilinear", "zeros", false, [0.1990791289723206, 7.729070954094452, 0.0, -0.40298505665986556, 0.2036169606071361, 0.0, -0.6232981135466747, -0.6008154902737292, 8.733596795513886, -0.8351101539806549, 1.5210416441666395, 11.873418944586586, -4.481676265126556]),
            ("bilinear", "zeros", true, [-0.6403376967674519, 15.412803832555959, 0.23997873143543955, -0.4390484838308765, 0.7469460649434361, 0.3442902077944847, -0.6057788248586446, -1.8677950353498938, 20.29202775840011, -2.319272694976295, -3.1202180318258206, 12.51897205123535, -0.6270346339329049]),
            ("bilinear", "border", false, [-1.3979263469330463, 32.842290365027736, 0.7338563821173814, -0.40298505665986556, 0.9794631474032935, 1.0, -0.6232981135466747, -2.4286103310847045, 65.89594415033966, -2.789836902062926, 0.46189277477419444, 7.200205945655526, -3.073924005035833]),
            ("bilinear", "border", true, [-1.2541774934565821, 31.853638934741234, 0.7338563821173814, -0.4390484838308765, 0.9565014561650487, 1.0, -0.6057788248586446, -2.4286103310847027, 51.444677600602915, -3.0682086428733046, -0.6373648512951793, 4.437725894099195, -0.6121048706497796]),
            ("bilinear", "reflection", false, [-1.3938684473153302, 32.46866452849444, 0.7828526410922114, -0.40298505665986556, 0.9794631474032937, 0.983244033019633, -0.6232981135466747, -2.4286103310847045, 56.0275175457021, -2.758776718772211, -0.36660498555557486, 8.304327214108019, -2.949560148265109]),
            ("bilinear", "reflection", true, [-0.7074563662170594, 23.13224633015103, 0.7396508729254206, -0.4390484838308765, 0.6402427596244376, 0.7542246070748143, -0.6057788248586446, -2.4286103310847045, 30.799587923450165, -3.2411034292241423, -3.763451298303519, 12.607616861652613, -1.0549317611768958]),
            ("nearest", "zeros", false, [0.7646360392192764, 12.4663786918926, 0.0, -0.9823037763382317, 0.0, 0.0, -0.599109926407685, -0.8240027523582919, 15.561315009503968, -1.1517457959865636, 0.0, 0.0, 0.0]),
            ("nearest", "zeros", true, [-0.7179715115305068, 25.123316281067794, 0.0, -0.9835573130340064, 0.9323273456060345, 0.0, -0.599109926407685, -2.210701250099399, 34.46945105215829, -2.245159020254917, 0.0, 0.0, 0.0]),
            ("nearest", "border", false, [-1.0160994357667956, 37.78987364246849, 0.7338563821173814, -0.9823037763382317, 1.0, 1.0, -0.599109926407685, -2.428610331084706, 77.06095548887956, -2.8564857375397184, 0.0, 0.0, 0.0]),
            ("nearest", "border", true, [-0.9457112136299319, 37.78506375635574, 0.7338563821173814, -0.9835573130340064, 0.9323273456060345, 1.0, -0.599109926407685, -2.4286103310847063, 69.42552341184447, -2.54122181548453, 0.0, 0.0, 0.0]),
            ("nearest", "reflection", false, [-1.0160994357667956, 37.78987364246849, 0.7338563821173814, -0.9823037763382317, 1.0, 1.0, -0.599109926407685, -2.428610331084706, 77.06095548887956, -2.8564857375397184, 0.0, 0.0, 0.0]),
            ("nearest", "reflection", true, [-0.9597044561800717, 38.02503509919552, 0.9298414180167014, -0.9835573130340064, 0.9323273456060345, 0.9323273456060345, -0.599109926407685, -2.4286103310847054, 62.93172644850893, -2.475659426234297, 0.0, 0.0, 0.0]),
            ("bicubic", "zeros", false, [0.5176595648144209, 12.262153788472341, -0.019168741120511375, -0.6159573905445931, 0.24052931910790193, -0.03695054582775426, -0.9828941667908306, -0.3970194790174273, 13.155956250648416, -0.30124042935870055, -2.8654859523898746, 10.657599962068534, -1.4654419544454993]),
            ("bicubic", "zeros", true, [-0.782242285076683, 24.493231869768714, 0.23408243341072524, -0.6446605559220473, 0.9881783062064871, 0.3848185454274909, -0.9088999740692062, -1.9741030476598027, 33.26091298264275, -2.1200245158246345, -3.2908657697435086, 13.836989789094364, -0.9781068650905982]),
            ("bicubic", "border", false, [-1.164667658985615, 39.5029483393181, 0.7442561480098825, -0.5647034472637591, 1.024776117885953, 1.0630647762708632, -0.9013430946267565, -2.4286103310847054, 79.63950954269174, -2.549758518078935, -3.2606506215329762, 4.024220084037299, -0.9920050252455735]),
            ("bicubic", "border", true, [-1.2792766798968458, 41.052998567307604, 0.7420225459028658, -0.6262610801993221, 1.1213367579615292, 1.1040653839426375, -0.8905218003372654, -2.4286103310846996, 67.10138073928954, -2.9292298758272355, 0.010527087414609615, 3.1991448916617493, -0.7697797169439443]),
            ("bicubic", "reflection", false, [-1.2923828324276339, 44.31173593551071, 0.8319188712045555, -0.5647034472637591, 1.1565397756318823, 1.2048286639020747, -0.9013430946267565, -2.428610331084703, 76.47005352237878, -2.7055925426631777, -3.059786770057038, 6.875415481035599, -1.9475772135554954]),
            ("bicubic", "reflection", true, [-0.9107553700125252, 32.48502924228552, 0.8227348741584463, -0.6164023431981229, 0.8539498474724423, 0.9287796477360656, -0.8909490760035457, -2.4286103310847027, 44.48500029021644, -3.0035716605817138, -3.3477520082023844, 5.837327744127341, -2.1904915918436103]),
        })
            Matches([2, 3, 4, 5], [2, 3, 4, 2], mode, padding, align, s);
    }

    [Fact]
    public void Sample3dMatchesPyTorch()
    {
        foreach (var (mode, padding, align, s) in new (string, string, bool, double[])[]
        {
            ("bilinear", "zeros", false, [0.1210346497396953, 2.32468099227983, 0.0, 0.14719950558984984, 0.0, -0.14189464043858968, 0.0, -0.47772640158121293, 2.1313179327797327, 0.024772927332051164, 4.97992231339442, 11.410545222254365, 7.55891592078597]),
            ("bilinear", "zeros", true, [-0.6081714826906991, 16.297332694443334, -0.23953795071486852, -0.014654464617279206, 0.26532982415262063, -0.005634174783982274, -0.24546854636986726, 0.1765308958613393, 8.6631293156705, -0.9848922167334809, -3.7015170288910104, 30.685844778007684, -1.2589565993329348]),
            ("bilinear", "border", false, [-1.0208146742909712, 53.4405767427146, -0.9544297904926851, 0.5240006882454719, 0.9367125571932858, -0.5748474473230833, -0.861300007912747, 0.6139274507926629, 22.283285799653402, 0.019380504442302104, -4.058607492547842, 22.690306876262373, 3.7705023184542816]),
            ("bilinear", "border", true, [-0.9809080345859191, 40.866835640098735, -0.7325084720631423, -0.01716093711500155, 0.770657480653654, -0.00677815154358824, -0.6704219503431836, 0.6139274507926622, 18.26224611165794, -0.365082891376046, -0.1974779559530231, 34.14313167787854, -7.708910809225567]),
            ("bilinear", "reflection", false, [-0.9809968136523393, 51.73626103277009, -0.9204124218373342, 0.5240006882454719, 0.9119466356708139, -0.5748474473230833, -0.8208622101923752, 0.6139274507926631, 18.941655504340964, 0.037686789419615785, -8.304872120225657, 29.910161203688872, 5.102714709711233]),
            ("bilinear", "reflection", true, [-0.6389565545679129, 17.035260829105813, -0.360363311791589, -0.09455475426128168, 0.46782446041848147, 0.08642303532971972, -0.39958197402748585, 0.6139274507926641, 8.96477769538378, 0.14791515524895593, -0.927831125065167, 56.44365898180845, -6.582834711947409]),
            ("nearest", "zeros", false, [0.21110489092077445, 4.696490383224251, 0.0, 0.0, 0.0, 0.0, 0.0, -4.563677166986224, 6.812719990212576, -1.5954281574698845, 0.0, 0.0, 0.0]),
            ("nearest", "zeros", true, [-0.5255067556847193, 52.65730546763226, 0.0, 0.7384685587295879, 0.0, -0.6207098486409541, 0.0, -2.0211313176066055, 41.71829971147303, -0.47985682336251456, 0.0, 0.0, 0.0]),
            ("nearest", "border", false, [-1.2293849206264411, 62.22572307268642, -0.9870436432989189, 0.7384685587295879, 1.0, -0.6207098486409541, -0.9870436432989189, 0.6139274507926626, 57.69584088287464, 1.6572016023979037, 0.0, 0.0, 0.0]),
            ("nearest", "border", true, [-1.2237645679142406, 61.64692013993415, -0.9870436432989189, 0.7384685587295879, 1.0, -0.6207098486409541, -0.9870436432989189, 0.6139274507926635, 61.09125076072243, 7.403201666924421, 0.0, 0.0, 0.0]),
            ("nearest", "reflection", false, [-1.2293849206264411, 62.22572307268642, -0.9870436432989189, 0.7384685587295879, 1.0, -0.6207098486409541, -0.9870436432989189, 0.6139274507926626, 57.69584088287464, 1.6572016023979037, 0.0, 0.0, 0.0]),
            ("nearest", "reflection", true, [-1.0731170757493567, 59.174892338668705, -0.8622258585018747, 0.7384685587295879, 0.9323273456060345, -0.6207098486409541, -0.8622258585018747, 0.6139274507926631, 32.55405893707789, 7.733187120215089, 0.0, 0.0, 0.0]),
        })
            Matches([2, 2, 3, 4, 5], [2, 2, 3, 4, 3], mode, padding, align, s);
    }
    [Fact]
    public void NearestRoundsHalfToEvenAndDefaultsToUnalignedCorners()
    {
        // W = 4 without align_corners: x = 2(g + 1) - 0.5, so g = -0.5, 0, 0.5 land on 0.5, 1.5, 2.5 (-> 0, 2, 2)
        var x = Check.F64([10, 20, 30, 40], 1, 1, 1, 4);
        var gx = new double[] { -1.25, -1.0, -0.5, 0.0, 0.5, 0.75, 1.0, 1.25 };
        var grid = Check.F64(gx.SelectMany(v => new[] { v, 0.0 }).ToArray(), 1, 1, 8, 2);
        Check.Close([0.0, 10.0, 10.0, 30.0, 30.0, 40.0, 0.0, 0.0], F.GridSample(x, grid, "nearest", "zeros"), 0);
        Check.Close([10.0, 10.0, 10.0, 30.0, 30.0, 40.0, 40.0, 40.0], F.GridSample(x, grid, "nearest", "border"), 0);
        Check.Close([10.0, 10.0, 10.0, 30.0, 30.0, 40.0, 40.0, 40.0], F.GridSample(x, grid, "nearest", "reflection"), 0);
        // W = 3 with align_corners: x = g + 1
        Check.Close([10.0, 10.0, 10.0, 20.0, 30.0, 30.0, 30.0, 30.0],
            F.GridSample(Check.F64([10, 20, 30], 1, 1, 1, 3), grid, "nearest", alignCorners: true), 0);
        var x5 = x.Reshape(1, 1, 1, 1, 4);
        var grid5 = Check.F64(gx.SelectMany(v => new[] { v, 0.0, 0.0 }).ToArray(), 1, 1, 1, 8, 3);
        Check.Close([0.0, 10.0, 10.0, 30.0, 30.0, 40.0, 0.0, 0.0], F.GridSample(x5, grid5, "nearest", "zeros"), 0);
        Check.Close([10.0, 10.0, 10.0, 30.0, 30.0, 40.0, 40.0, 40.0], F.GridSample(x5, grid5, "nearest", "border"), 0);
        Check.Close([10.0, 10.0, 10.0, 30.0, 30.0, 40.0, 40.0, 40.0], F.GridSample(x5, grid5, "nearest", "reflection"), 0);
    }

    [Fact]
    public void Float32MatchesPyTorch()
    {
        foreach (var (mode, padding, y, gx, gg) in new (string, string, double[], double[], double[])[]
        {
            ("bilinear", "reflection", [-0.6240089535713196, -0.7461711168289185, 0.9903377890586853, 0.9933624863624573, -0.13295374810695648, -0.613707423210144, -0.5771833658218384, 0.7748821973800659, -0.21670623123645782, -0.23308691382408142, 0.8847799301147461, -0.5907468199729919],
                [1.4637155532836914, 0.2035830318927765, 0.008346602320671082, 0.028112169355154037, 0.3673376142978668, 0.17046141624450684, 0.21455739438533783, 0.7226502299308777, 0.0464610792696476, 0.0215600598603487, 0.12394815683364868, 1.2845392227172852, -0.6597617268562317, -0.08492870628833771, -0.00033598122536204755, -0.0011316175805404782, -0.4039948880672455, -0.18747206032276154, -0.008636719547212124, -0.029089313000440598, -0.05109751224517822, -0.02371157519519329, -0.029035603627562523, -0.6000581383705139],
                [-0.37363946437835693, 0.0, -0.47073474526405334, -1.9149574041366577, -0.31622231006622314, -0.0, 0.45528078079223633, -0.0, -0.41785115003585815, -0.24139121174812317, 0.740233302116394, -0.0]),
            ("bicubic", "border", [-0.5860751867294312, -0.7771536707878113, 1.0345191955566406, 1.0558030605316162, -0.1589237004518509, -0.6024113297462463, -0.6793169379234314, 0.8041322231292725, -0.2792668640613556, -0.342907190322876, 0.9768374562263489, -0.6416921019554138],
                [1.6115459203720093, 0.11032965034246445, -0.0035055233165621758, 0.022531971335411072, 0.33362463116645813, 0.1710834801197052, 0.19787544012069702, 0.7066532969474792, 0.039581138640642166, 0.019374968484044075, 0.011791476048529148, 1.4343863725662231, -0.7207827568054199, -0.02171427011489868, 0.0010902422945946455, -0.0009069942170754075, -0.41651058197021484, -0.22346231341362, 0.025412511080503464, -0.013979589566588402, -0.043531015515327454, -0.019567666575312614, -0.03796429932117462, -0.6073380708694458],
                [5.921511956330505e-07, 0.0008468193118460476, -0.3552658259868622, -1.3377995491027832, -0.1903502345085144, 0.4233374297618866, 8.883604323273175e-07, 0.4767652451992035, -0.4198024868965149, -1.162708044052124, 0.575013279914856, -0.4162139296531677]),
            ("nearest", "zeros", [0.0, -0.8516910076141357, 0.0, 0.0, 0.09067162126302719, 0.0, 0.0, 0.7338563799858093, 0.0, 0.0, 0.9347699880599976, 0.0],
                [0.0, 0.0, 0.0, 0.0, 0.6058201789855957, 0.0, 0.0, 0.9736663699150085, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.6662760376930237, 0.0, 0.0, -0.03919363021850586, 0.0, 0.0, 0.0, 0.0],
                [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
        })
        {
            var x = Check.Det([1, 2, 3, 4], 0.37).To(DType.Float32).RequiresGrad_();
            var grid = Check.Det([1, 2, 3, 2], 0.53, 1.3).To(DType.Float32).RequiresGrad_();
            var r = F.GridSample(x, grid, mode, padding);
            Assert.Equal(DType.Float32, r.DType);
            Check.Close(y, r, 1e-6);
            r.Backward(Check.Det([1, 2, 2, 3], 0.23).To(DType.Float32));
            Check.Close(gx, x.Grad!, 1e-6);
            Check.Close(gg, grid.Grad!, 1e-5);
        }
        var x5 = Check.Det([1, 2, 2, 3, 4], 0.37).To(DType.Float32).RequiresGrad_();
        var grid5 = Check.Det([1, 2, 2, 2, 3], 0.53, 1.3).To(DType.Float32).RequiresGrad_();
        var r5 = F.GridSample(x5, grid5, paddingMode: "border", alignCorners: true);
        Check.Close([-0.6079880595207214, 0.43436065316200256, 0.7408123016357422, 0.16625626385211945, -0.6075055003166199, 0.5737136602401733, 0.683337926864624, 0.031676992774009705, 0.2597682774066925, -0.696931004524231, -0.5316332578659058, -0.5388627052307129, 0.29605329036712646, -0.7843878865242004, -0.45987367630004883, -0.4582720398902893], r5, 1e-6);
        r5.Backward(Check.Det([1, 2, 2, 2, 2], 0.23).To(DType.Float32));
        Check.Close([0.8553621768951416, 0.5688518285751343, 0.40303322672843933, 0.0, 0.0, 0.23504987359046936, 0.1752188503742218, 0.0, 0.0, 0.0, 0.0, 0.319562703371048, 0.23033113777637482, 0.0, 0.0, 0.0, 0.0, 0.08166657388210297, 0.12597626447677612, 0.0, 0.0, 0.20800748467445374, 0.3164020776748657, 1.2862575054168701, -1.2783597707748413, -0.6918467283248901, -0.3859865665435791, 0.0, 0.0, -0.2445126473903656, -0.14491243660449982, 0.0, 0.0, 0.0, 0.0, -0.25884637236595154, -0.38484394550323486, 0.0, 0.0, 0.0, 0.0, -0.13378356397151947, -0.2839492857456207, 0.0, 0.0, -0.4110549986362457, -0.942764937877655, -0.9351902008056641],
            x5.Grad!, 1e-6);
        Check.Close([0.0, 0.0, 0.10312502831220627, -0.4330083727836609, -1.6631090641021729, -0.0, 0.0, -0.0, -1.096401572227478, -0.5782784819602966, -1.2981253862380981, -0.0, 0.0, 0.0, 0.37550485134124756, -0.2723313271999359, -1.3370295763015747, -0.0, 0.0, 0.0, -0.9101225733757019, -0.3265252113342285, -0.5463922619819641, -0.0],
            grid5.Grad!, 1e-5);
    }

    [Fact]
    public void AffineGridMatchesPyTorch()
    {
        foreach (var (size, align, shape, grid, grad) in new (int[], bool, int[], double[], double[])[]
        {
            ([2, 3, 3, 4], false, [2, 3, 4, 2], [-1.1053491140819862, 0.11670540817068353, -0.6053491140819862, -0.1485502606407888, -0.10534911408198622, -0.41380592945226125, 0.3946508859180138, -0.6790615982637336, -0.5997745300883142, -0.5198710027490674, -0.09977453008831416, -0.7851266715605397, 0.40022546991168584, -1.050382340372012, 0.9002254699116858, -1.3156380091834845, -0.0941999460946421, -1.1564474136688183, 0.4058000539053579, -1.4217030824802905, 0.9058000539053579, -1.6869587512917632, 1.405800053905358, -1.9522144201032354, 0.9815220296890643, -1.1581225379241495, 0.7629643090355503, -0.6609721716492423, 0.5444065883820364, -0.16382180537433474, 0.32584886772852245, 0.3333285609005728, 1.1513694522078928, -0.7017580936289454, 0.9328117315543789, -0.20460772735403784, 0.714254010900865, 0.2925426389208697, 0.49569629024735107, 0.7896930051957771, 1.3212168747267214, -0.24539364933374094, 1.1026591540732076, 0.2517567169411666, 0.8841014334196936, 0.748907083216074, 0.6655437127661796, 1.2460574494909815],
                [-0.2872428585028671, -2.575454366581257, -1.3373949044932658, -0.18630120756417745, -1.6703992608252525, -1.5159976318683799, -0.490692750167473, -4.399610812451123, -0.3181475259613042, -0.45555783841786834, -4.084586925150337, -0.6750370912878827]),
            ([2, 3, 3, 4], true, [2, 3, 4, 2], [-1.6081364060788224, 0.5676214480362951, -0.9414697394121556, 0.213947222954332, -0.274803072745489, -0.13972700212763112, 0.39186359392117764, -0.49340122720959434, -0.8497745300883142, -0.38724316834333117, -0.18310786342164753, -0.7409173934252944, 0.4835588032450192, -1.0945916185072575, 1.1502254699116858, -1.4482658435892208, -0.09141265409780597, -1.3421077847229577, 0.5752540125688607, -1.6957820098049208, 1.2419206792355273, -2.049456234886884, 1.908587345902194, -2.403130459968847, 1.005877178756407, -1.6348799432092056, 0.7144668845517217, -0.9720127881759958, 0.42305659034703635, -0.30914563314278565, 0.13164629614235124, 0.35372152189042433, 1.26064831253465, -0.9503332767663991, 0.9692380183299646, -0.2874661217331891, 0.6778277241252794, 0.37540103330002095, 0.38641742992059414, 1.038268188333231, 1.5154194463128927, -0.26578661032359246, 1.2240091521082075, 0.3970805447096175, 0.9325988579035223, 1.0599476997428277, 0.641188563698837, 1.7228148547760376],
                [-0.38299047800382285, -3.8631815498718853, -1.3373949044932658, -0.24840161008557016, -2.505598891237879, -1.5159976318683799, -0.6542570002232969, -6.599416218676685, -0.3181475259613042, -0.6074104512238246, -6.126880387725504, -0.6750370912878827]),
            ([2, 1, 1, 3], false, [2, 1, 3, 2], [-0.5164411967549808, -0.5640802808843128, 0.15022546991168584, -0.917754505966276, 0.8168921365783525, -1.271428731048239, 1.1149431654323072, -0.618899699249794, 0.823532871227622, 0.04396745578341591, 0.5321225770229367, 0.7068346108166258],
                [-0.2627865622376915, 0.0, 2.501872654168988, -0.3767859694141451, 0.0, 2.1533998508866388, -0.5706112350517725, 0.0, -0.7425990655909706, -0.5196939783362629, 0.0, -1.3366547752090898]),
            ([2, 1, 2, 1], true, [2, 2, 1, 2], [-0.6081364060788224, 0.03711011041335044, 0.908587345902194, -1.8726191223459023, 0.568761737449379, -0.6405792106593907, 1.078304005005865, 0.7285141222262225],
                [0.0, -0.10394750247447482, 1.8960524975255253, 0.0, -0.20242038000826834, 1.7449124100024815, 0.0, -0.4161793253456285, 0.795460987941297, 0.0, -0.44768107265714485, 0.3692938091111695]),
        })
        {
            var theta = Check.Det([2, 2, 3], 0.71).RequiresGrad_();
            var a = F.AffineGrid(theta, size, align);
            Assert.Equal(shape, a.Shape);
            Assert.Equal("AffineGridGeneratorBackward0", a.GradFn!.Name);
            Check.Close(grid, a, 1e-12);
            a.Backward(Check.Det(shape, 0.23));
            Check.Close(grad, theta.Grad!, 1e-12);
        }
        foreach (var (size, align, shape, dot, head, grad) in new (int[], bool, int[], double, double[], double[])[]
        {
            ([2, 1, 2, 3, 4], false, [2, 2, 3, 4, 3], 0.0369713492558148, [-1.8611986565724599, 1.8013136540273273, -1.5788226858919139, -1.3611986565724599, 1.323881345837514, -1.1670562502781026],
                [-1.3486085029653112, 1.5564669699143567, -2.0825346701710368, -0.21790908098530604, -1.2881308413013595, 1.4866680011323719, -1.9891444632213393, -0.8240027523582916, -1.159810922124961, 1.33857037655045, -1.79099156712821, -1.386698497741107, 0.805579912627182, -0.929742414402491, 1.2439845173381714, 2.1633258774348865, 0.5365327593334501, -0.619227534412929, 0.8285192259559522, 2.471830394012743, 0.23922792253779293, -0.27609966783731466, 0.3694181385201852, 2.650150500171334]),
            ([1, 1, 3, 1, 2], true, [1, 3, 1, 2, 3], -0.6110532677365217, [-1.6807368075346307, 1.6467511914648973, -1.4641120818870126, 0.3192631924653694, -0.2629780412943556, 0.18295366056823129],
                [-0.9218668648444199, 0.0, -3.652136939800744, -0.398730622667417, -0.8649232407834545, 0.0, -3.4265448062183355, -0.9730413559734722, -0.7624265227755638, 0.0, -3.0204861177892504, -1.496104715856248]),
        })
        {
            var theta = Check.Det([size[0], 3, 4], 0.71).RequiresGrad_();
            var a = F.AffineGrid(theta, size, align);
            Assert.Equal(shape, a.Shape);
            Assert.Equal("AffineGridGeneratorBackward0", a.GradFn!.Name);
            Check.Close(dot, (a * Check.Det(shape, 0.29)).Sum().Item<double>(), 1e-12);
            Check.Close(head, a.Flatten().Narrow(0, 0, 6), 1e-12);
            a.Backward(Check.Det(shape, 0.23));
            Check.Close(grad, theta.Grad!, 1e-12);
        }
        // float32 follows PyTorch's float linspace and scaling
        var tf = Check.Det([1, 2, 3], 0.71).To(DType.Float32);
        Check.Close([-1.086098313331604, 0.014401793479919434, -0.800383985042572, -0.13717293739318848, -0.5146697163581848, -0.28874754905700684, -0.2289554923772812, -0.44032222032546997, 0.056758806109428406, -0.5918968915939331, 0.3424730896949768, -0.7434715032577515, 0.6281874179840088, -0.8950462341308594, -0.32773643732070923, -0.9404628276824951, -0.04202212393283844, -1.092037558555603, 0.24369214475154877, -1.2436121702194214, 0.5294063687324524, -1.3951869010925293, 0.8151206374168396, -1.5467615127563477, 1.1008349657058716, -1.698336124420166, 1.3865493535995483, -1.849910855293274], F.AffineGrid(tf, [1, 1, 2, 7]), 1e-6);
        Check.Close([-1.6081362962722778, 0.5676213502883911, 0.3918635845184326, -0.4934012293815613, -1.3553489446640015, 0.24933314323425293, 0.644650936126709, -0.8116894960403442, -1.1025617122650146, -0.06895506381988525, 0.8974382281303406, -1.1299777030944824, -0.8497745394706726, -0.38724321126937866, 1.1502255201339722, -1.448265790939331, -0.5969873070716858, -0.7055313587188721, 1.403012752532959, -1.7665539979934692, -0.3442000150680542, -1.0238195657730103, 1.6557999849319458, -2.0848422050476074, -0.09141264855861664, -1.3421077728271484, 1.9085873365402222, -2.403130531311035], F.AffineGrid(tf, [1, 1, 7, 2], alignCorners: true), 1e-6);
    }

    [Fact]
    public void AffineGridThenGridSampleMatchesPyTorch()
    {
        var theta = Check.F64([0.8, -0.3, 0.1, 0.25, 0.9, -0.05], 1, 2, 3).RequiresGrad_();
        var img = Check.Det([1, 2, 5, 6], 0.37).RequiresGrad_();
        var y = F.GridSample(img, F.AffineGrid(theta, [1, 2, 4, 3]), paddingMode: "border");
        Check.Close([0.7627009070891437, 0.05244007124432634, -0.47105005323934596, -0.7246433876465435, -0.43932736645193615, 0.523772754020667, 0.10184515357123479, 0.45073191201927454, -0.1520092570795781, 0.571713069141036, -0.3697462400698512, -0.6525942788892133, 0.7112445469576227, 0.7024425161100903, -0.15176945504085748, 0.31254667422271176, -0.38527128652218934, -0.22723538021977735, -0.9438856651533741, 0.03497187011376211, 0.7320022919331333, 0.5599818499081693, 0.22540857006888654, -0.7595342039932793], y, 1e-12);
        y.Backward(Check.Det([1, 2, 4, 3], 0.23));
        Check.Close([-0.4289995615329285, 0.981558936238321, -1.7054682189217987, 3.984791117903062, -2.845741251563514, 4.1448933551198905], theta.Grad!, 1e-12);
        Check.Close(8.12900464589321, (img.Grad! * Check.Det([1, 2, 5, 6], 0.11)).Sum().Item<double>(), 1e-12);
    }
    [Fact]
    public void PassesGradCheckForInputAndGrid()
    {
        // grid points in general position (no source coordinate on an integer, a border or a reflection edge)
        var x = Check.Det([1, 2, 3, 4], 0.37).RequiresGrad_();
        var grid = Check.Det([1, 2, 3, 2], 0.53, 1.3).RequiresGrad_();
        foreach (var mode in new[] { "bilinear", "bicubic", "nearest" })
            foreach (var padding in new[] { "zeros", "border", "reflection" })
                foreach (var align in new[] { false, true })
                    Assert.True(Autograd.GradCheck(a => F.GridSample(a[0], a[1], mode, padding, align), [x, grid]), $"{mode} {padding} {align}");
        var x5 = Check.Det([1, 2, 2, 3, 4], 0.37).RequiresGrad_();
        var grid5 = Check.Det([1, 2, 2, 2, 3], 0.53, 1.3).RequiresGrad_();
        foreach (var mode in new[] { "bilinear", "nearest" })
            foreach (var padding in new[] { "zeros", "border", "reflection" })
                foreach (var align in new[] { false, true })
                    Assert.True(Autograd.GradCheck(a => F.GridSample(a[0], a[1], mode, padding, align), [x5, grid5]), $"3d {mode} {padding} {align}");
        var theta = Check.Det([2, 2, 3], 0.71).RequiresGrad_();
        var theta5 = Check.Det([1, 3, 4], 0.71).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => F.AffineGrid(a[0], [2, 1, 3, 4]), [theta]));
        Assert.True(Autograd.GradCheck(a => F.AffineGrid(a[0], [1, 1, 2, 3, 2], alignCorners: true), [theta5]));
        // through both: the image and the affine matrix
        var img = Check.Det([2, 1, 4, 5], 0.37).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => F.GridSample(a[0], F.AffineGrid(a[1] * 0.9, [2, 1, 3, 3]), "bicubic", "reflection"), [img, theta]));
    }

    [Fact]
    public void SecondOrderFollowsPyTorch()
    {
        // grid_sampler_2d_backward has no derivative: under create_graph both gradients hang off NotImplemented
        var x = Check.Det([1, 2, 3, 4], 0.37).RequiresGrad_();
        var grid = Check.Det([1, 2, 3, 2], 0.53, 1.3).RequiresGrad_();
        var y = F.GridSample(x, grid);
        Assert.Equal(2, y.GradFn!.NextFunctions.Count);
        var grads = Autograd.Grad([y.Sum()], [x, grid], createGraph: true);
        Assert.Equal("torch::autograd::NotImplemented", grads[0]!.GradFn!.Name);
        Assert.Equal("torch::autograd::NotImplemented", grads[1]!.GradFn!.Name);
        Assert.Equal("derivative for aten::grid_sampler_2d_backward is not implemented",
            Assert.Throws<InvalidOperationException>(() => grads[0]!.Sum().Backward()).Message);
        var x5 = Check.Det([1, 1, 2, 2, 2], 0.37).RequiresGrad_();
        var g5 = Autograd.Grad([F.GridSample(x5, Check.Det([1, 1, 1, 2, 3], 0.53)).Sum()], [x5], createGraph: true)[0]!;
        Assert.Equal("derivative for aten::grid_sampler_3d_backward is not implemented",
            Assert.Throws<InvalidOperationException>(() => g5.Sum().Backward()).Message);
        // only the input needs a gradient: the grid's is not formed; without create_graph nothing is recorded
        var gi = Autograd.Grad([F.GridSample(x, grid.Detach(), "nearest").Sum()], [x])[0]!;
        Assert.Null(gi.GradFn);
        Assert.Equal(x.Shape, gi.Shape);
        // affine_grid_generator_backward is built from bmm and transpose, so it differentiates again
        var theta = Check.Det([2, 2, 3], 0.71).RequiresGrad_();
        var a = F.AffineGrid(theta, [2, 1, 3, 4]);
        var go = Check.Det([2, 3, 4, 2], 0.23).RequiresGrad_();
        var gt = Autograd.Grad([a], [theta], [go], createGraph: true)[0]!;
        Assert.Equal("TransposeBackward0", gt.GradFn!.Name);
        Assert.Equal("BmmBackward0", gt.GradFn.NextFunctions[0].Node!.Name);
        // d sum(gt · v) / d go = affine_grid(v)
        var v = Check.Det([2, 2, 3], 0.19);
        var ggo = Autograd.Grad([(gt * v).Sum()], [go])[0]!;
        Check.Close(F.AffineGrid(v, [2, 1, 3, 4]), ggo, 1e-12);
    }

    [Fact]
    public void HandlesStridedAndEmptyTensors()
    {
        // a permuted input and a transposed grid read as their contiguous copies
        var xs = Check.Det([2, 5, 4, 3], 0.37).Permute(0, 3, 2, 1).RequiresGrad_();
        var gs = Check.Det([2, 2, 4, 3], 0.53, 1.3).Transpose(1, 3).RequiresGrad_();
        var xc = xs.Detach().Contiguous().RequiresGrad_();
        var gc = gs.Detach().Contiguous().RequiresGrad_();
        foreach (var mode in new[] { "bilinear", "bicubic" })
        {
            var w = Check.Det([2, 3, 3, 4], 0.23);
            var ys = F.GridSample(xs, gs, mode, "reflection");
            var yc = F.GridSample(xc, gc, mode, "reflection");
            Check.Close(yc, ys, 0);
            (ys * w).Sum().Backward();
            (yc * w).Sum().Backward();
            Check.Close(xc.Grad!, xs.Grad!, 0);
            Check.Close(gc.Grad!, gs.Grad!, 0);
        }
        // PyTorch accepts an empty batch, channel dim or grid
        Assert.Equal([0, 2, 2, 3], F.GridSample(Tensor.Zeros([0, 2, 3, 4], DType.Float64), Tensor.Zeros([0, 2, 3, 2], DType.Float64)).Shape);
        Assert.Equal([1, 2, 0, 3], F.GridSample(Tensor.Zeros([1, 2, 3, 4], DType.Float64), Tensor.Zeros([1, 0, 3, 2], DType.Float64)).Shape);
        Assert.Equal([1, 0, 2, 3], F.GridSample(Tensor.Zeros([1, 0, 3, 4], DType.Float64), Tensor.Zeros([1, 2, 3, 2], DType.Float64)).Shape);
        // align_corners with a spatial size of 1 skips the positive-size check (the channel count is not used)
        Assert.Equal([2, 1, 3, 2], F.AffineGrid(Tensor.Zeros([2, 2, 3]), [2, 0, 1, 3], alignCorners: true).Shape);
        Assert.Equal([2, 1, 4, 5, 3], F.AffineGrid(Tensor.Zeros([2, 3, 4]), [2, 3, 1, 4, 5]).Shape);
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var x = Check.Det([1, 2, 3, 4], 0.37);
        var g = Check.Det([1, 2, 3, 2], 0.53);
        var x5 = Check.Det([1, 2, 3, 4, 2], 0.37);
        var g5 = Check.Det([1, 2, 2, 3, 3], 0.53);
        string Msg<TE>(Func<Tensor> f) where TE : Exception => Assert.Throws<TE>(f).Message;
        Assert.Equal("nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: 'foo'",
            Msg<ArgumentException>(() => F.GridSample(x, g, "foo")));
        Assert.Equal("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: 'foo'",
            Msg<ArgumentException>(() => F.GridSample(x5, g5, "bicubic", "foo")));
        Assert.Equal("grid_sampler(): bicubic interpolation only supports 4D input", Msg<ArgumentException>(() => F.GridSample(x5, g5, "bicubic")));
        Assert.Equal("grid_sampler(): expected grid to have size 2 in last dimension, but got grid with sizes [1, 2, 2, 3, 3]",
            Msg<ArgumentException>(() => F.GridSample(x, g5)));
        Assert.Equal("grid_sampler(): expected grid to have size 3 in last dimension, but got grid with sizes [1, 2, 3, 2]",
            Msg<ArgumentException>(() => F.GridSample(x5, g)));
        Assert.Equal("grid_sampler(): expected grid and input to have same batch size, but got input with sizes [1, 2, 3, 4] and grid with sizes [2, 2, 3, 2]",
            Msg<ArgumentException>(() => F.GridSample(x, Tensor.Zeros([2, 2, 3, 2], DType.Float64))));
        Assert.Equal("grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes [1, 2, 0, 4] with dimension 2 being empty",
            Msg<ArgumentException>(() => F.GridSample(Tensor.Zeros([1, 2, 0, 4], DType.Float64), g)));
        Assert.Equal("grid_sampler(): expected grid to have size 1 in last dimension, but got grid with sizes [2, 3, 2]",
            Msg<ArgumentException>(() => F.GridSample(x.Select(0, 0), g.Select(0, 0))));
        Assert.Equal("grid_sampler(): expected 5D input and grid with same number of dimensions, but got input with sizes [2, 1, 2, 3, 4, 5] and grid with sizes [2, 1, 2, 3, 4, 4]",
            Msg<ArgumentException>(() => F.GridSample(Tensor.Zeros([2, 1, 2, 3, 4, 5]), Tensor.Zeros([2, 1, 2, 3, 4, 4]))));
        Assert.Equal("grid_sampler(): expected 5D input and grid with same number of dimensions, but got input with sizes [2, 1, 2] and grid with sizes [2, 1, 1]",
            Msg<ArgumentException>(() => F.GridSample(Tensor.Zeros([2, 1, 2]), Tensor.Zeros([2, 1, 1]), "bicubic")));
        Assert.Equal("expected scalar type Float but found Double", Msg<ArgumentException>(() => F.GridSample(x.To(DType.Float32), g)));
        Assert.Equal("expected scalar type Double but found Long", Msg<ArgumentException>(() => F.GridSample(x, g.To(DType.Int64))));
        Assert.Equal("\"grid_sampler_2d_cpu_kernel_impl\" not implemented for 'Long'", Msg<ArgumentException>(() => F.GridSample(x.To(DType.Int64), g)));
        Assert.Equal("\"grid_sampler3d_cpu\" not implemented for 'Long'", Msg<ArgumentException>(() => F.GridSample(x5.To(DType.Int64), g5.To(DType.Int64))));
        var theta = Check.Det([2, 2, 3], 0.71);
        Assert.Equal("Expected theta to have floating point type, but got torch.int64", Msg<ArgumentException>(() => F.AffineGrid(theta.To(DType.Int64), [2, 3, 4, 5])));
        Assert.Equal("Expected a batch of 3D affine matrices of shape Nx3x4 for size [2, 3, 4, 5, 6]. Got torch.Size([2, 2, 3]).",
            Msg<ArgumentException>(() => F.AffineGrid(theta, [2, 3, 4, 5, 6])));
        Assert.Equal("Expected a batch of 2D affine matrices of shape Nx2x3 for size [2, 3, 4, 5]. Got torch.Size([2, 2, 3, 1]).",
            Msg<ArgumentException>(() => F.AffineGrid(theta.Unsqueeze(-1), [2, 3, 4, 5])));
        Assert.Equal("affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size [2, 3, 4].",
            Msg<InvalidOperationException>(() => F.AffineGrid(theta, [2, 3, 4])));
        Assert.Equal("Expected non-zero, positive output size. Got [2, 3, 0, 5]", Msg<ArgumentException>(() => F.AffineGrid(theta, [2, 3, 0, 5])));
        Assert.Equal("Expected non-zero, positive output size. Got [2, 3, 0, 3]", Msg<ArgumentException>(() => F.AffineGrid(theta, [2, 3, 0, 3], alignCorners: true)));
        Assert.Equal("Expected size for first two dimensions of batch2 tensor to be: [3, 3] but got: [2, 3].",
            Msg<ArgumentException>(() => F.AffineGrid(theta, [3, 3, 4, 5])));
    }
    [Fact]
    public void NonFiniteAndFarCoordinatesMatchPyTorch()
    {
        // each kernel's own clip, reflection and index conversion: NaN, ±inf and ±1e10 along x, then along y
        double[] v = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e10, -1e10, 0.3];
        var x = Tensor.Arange(1, 13, dtype: DType.Float64).Reshape(1, 1, 3, 4);
        var grid = Check.F64([.. v.SelectMany(a => new[] { a, 0.2 }), .. v.SelectMany(a => new[] { 0.1, a })], 1, 2, 6, 2);
        var grid5 = Check.F64([.. v.SelectMany(a => new[] { a, 0.2, 0 }), .. v.SelectMany(a => new[] { 0.1, a, 0 })], 1, 1, 2, 6, 3);
        foreach (var (volumetric, mode, padding, expected) in new (bool, string, string, double[])[]
        {
            (false, "bilinear", "zeros", [double.NaN, double.NaN, double.NaN, 0.0, 0.0, 8.299999999999999, double.NaN, double.NaN, double.NaN, 0.0, 0.0, 8.5]),
            (false, "bilinear", "border", [6.199999999999999, 9.2, 6.199999999999999, 9.2, 6.199999999999999, 8.299999999999999, 2.7, 10.7, 2.7, 10.7, 2.7, 8.5]),
            (false, "bilinear", "reflection", [6.199999999999999, 6.199999999999999, 6.199999999999999, 7.699999999999999, 7.699999999999999, 8.299999999999999, 2.7, 2.7, 2.7, 6.7, 6.7, 8.5]),
            (false, "nearest", "zeros", [0.0, 0.0, 0.0, 0.0, 0.0, 7.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7.0]),
            (false, "nearest", "border", [5.0, 8.0, 5.0, 8.0, 5.0, 7.0, 3.0, 11.0, 3.0, 11.0, 3.0, 7.0]),
            (false, "nearest", "reflection", [5.0, 5.0, 5.0, 7.0, 7.0, 7.0, 3.0, 3.0, 3.0, 7.0, 7.0, 7.0]),
            (false, "bicubic", "zeros", [double.NaN, double.NaN, double.NaN, 0.0, 0.0, 9.2945819375, double.NaN, double.NaN, double.NaN, 0.0, 0.0, 9.731901062499993]),
            (false, "bicubic", "border", [double.NaN, double.NaN, double.NaN, 9.556999999999988, 6.556999999999991, 8.69975, double.NaN, double.NaN, double.NaN, 10.657999999999994, 2.6580000000000004, 8.841624999999999]),
            (false, "bicubic", "reflection", [double.NaN, double.NaN, double.NaN, 8.05699999999999, 8.05699999999999, 8.69975, double.NaN, double.NaN, double.NaN, 6.657999999999998, 6.657999999999998, 8.841624999999999]),
            (true, "bilinear", "zeros", [0.0, 0.0, 0.0, 0.0, 0.0, 8.299999999999999, 0.0, 0.0, 0.0, 0.0, 0.0, 8.5]),
            (true, "bilinear", "border", [9.2, 9.2, 6.199999999999999, 9.2, 6.199999999999999, 8.299999999999999, 10.7, 10.7, 2.7, 10.7, 2.7, 8.5]),
            (true, "bilinear", "reflection", [9.2, 9.2, 9.2, 7.699999999999999, 7.699999999999999, 8.299999999999999, 10.7, 10.7, 10.7, 6.7, 6.7, 8.5]),
            (true, "nearest", "zeros", [0.0, 0.0, 0.0, 0.0, 0.0, 7.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7.0]),
            (true, "nearest", "border", [8.0, 8.0, 5.0, 8.0, 5.0, 7.0, 11.0, 11.0, 3.0, 11.0, 3.0, 7.0]),
            (true, "nearest", "reflection", [8.0, 8.0, 8.0, 7.0, 7.0, 7.0, 11.0, 11.0, 11.0, 7.0, 7.0, 7.0]),
        })
            Check.Close(expected, volumetric ? F.GridSample(x.Reshape(1, 1, 1, 3, 4), grid5, mode, padding) : F.GridSample(x, grid, mode, padding), 1e-12);
    }
    [Fact]
    public void GradientsAtKinksMatchPyTorch()
    {
        // grid points on pixel centres, pixel edges, the borders and beyond: the one-sided conventions of each kernel
        // (floor picks the upper cell, clipped and reflected borders count as outside)
        double[] v = [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5];
        var pts = new List<double>();
        foreach (double a in v)
            foreach (double b in v) pts.AddRange([a, b]);
        var pts5 = new List<double>();
        foreach (double a in v)
            for (int j = 0; j < v.Length; j += 2)
                foreach (double c in new[] { -1.0, 0.0, 1.0 }) pts5.AddRange([a, v[j], c]);
        foreach (var (volumetric, mode, padding, align, y, gx, g1, g2, gsq) in new (bool, string, string, bool, double, double, double, double, double)[]
        {
            (false, "bilinear", "zeros", false, 0.14700625602365047, -0.3789407408048659,
                -1.4364188600017522, -1.919150235233272, 21.864205690398197),
            (false, "bilinear", "zeros", true, -0.40336614246581143, -2.8404829361720663,
                -0.024093314530051924, -0.6227066696069021, 24.066249281714082),
            (false, "bilinear", "border", false, 0.8490950640500117, -2.2588022060568695,
                -9.194757338879091, -0.18837730521201568, 20.680038106388498),
            (false, "bilinear", "border", true, 0.4761241551024411, -2.198262772237361,
                -6.398419703671049, -0.38883176625862115, 9.499587141623522),
            (false, "bilinear", "reflection", false, 0.5895191047436994, -2.4930367615059015,
                -2.401628863098475, 3.584578469738729, 37.79517176974983),
            (false, "bilinear", "reflection", true, -0.22183852783206026, -2.586433490449379,
                -1.575864299556899, 2.2396650033047627, 17.820806213689597),
            (false, "nearest", "zeros", false, 0.17792542646289644, -0.6651131982027794,
                0.0, 0.0, 0.0),
            (false, "nearest", "zeros", true, -1.372658589827307, -3.4368654600796607,
                0.0, 0.0, 0.0),
            (false, "nearest", "border", false, 0.8294919746067294, -2.3602038108090078,
                0.0, 0.0, 0.0),
            (false, "nearest", "border", true, 0.8230016237283245, -2.218143278045433,
                0.0, 0.0, 0.0),
            (false, "nearest", "reflection", false, 1.5484897911512698, -2.5369085813303576,
                0.0, 0.0, 0.0),
            (false, "nearest", "reflection", true, 1.1171394026132409, -2.558975146362311,
                0.0, 0.0, 0.0),
            (false, "bicubic", "zeros", false, 0.16842552212671758, -0.5286198057415784,
                -0.17569223002590906, -3.1288189935663198, 36.248687419729265),
            (false, "bicubic", "zeros", true, -0.4247427379163388, -2.971186097407921,
                -2.7962652247179136, 1.9935171817701054, 31.31606443583289),
            (false, "bicubic", "border", false, 1.0368407623768179, -2.258728894101207,
                -8.326874533990802, -0.11134542173181705, 27.926390733331296),
            (false, "bicubic", "border", true, 0.5926280404300603, -2.1961072536404744,
                -10.174229543123335, -2.9140618901379254, 18.91991516136327),
            (false, "bicubic", "reflection", false, 0.9828918357891627, -2.419040354067546,
                -4.043201646748977, 2.735012302277201, 44.36338740699702),
            (false, "bicubic", "reflection", true, 0.10869239064368369, -2.537489741710811,
                -2.781303291757439, 1.9204356490247099, 31.7493700160868),
            (true, "bilinear", "zeros", false, 0.005063231527250661, 0.13201844437692756,
                -1.3077590270663189, -1.769407233561814, 17.425680727372892),
            (true, "bilinear", "zeros", true, -0.0755248219577391, -0.5723252809107003,
                3.736267369789033, 0.734535815301327, 27.71572925499286),
            (true, "bilinear", "border", false, -0.15388396912730484, 0.28123087798463653,
                -0.8909863328166021, 2.326642073265752, 47.77306302644219),
            (true, "bilinear", "border", true, 0.08825645965286116, 0.3337205517724655,
                -1.1968476426692958, 1.2498574647416616, 20.05377178792711),
            (true, "bilinear", "reflection", false, 0.33250473213029774, 0.45001321744938055,
                7.385093148003637, 9.023558862103538, 75.07255920070601),
            (true, "bilinear", "reflection", true, 0.10881811621904991, 0.5610755310912454,
                5.297563573466179, 6.1054749722038695, 32.8944428445306),
            (true, "nearest", "zeros", false, -0.5767331767640798, 0.23859018839075607,
                0.0, 0.0, 0.0),
            (true, "nearest", "zeros", true, -1.0600620970335586, -1.4471568237860406,
                0.0, 0.0, 0.0),
            (true, "nearest", "border", false, 0.8589978488052057, 1.3753216485460742,
                0.0, 0.0, 0.0),
            (true, "nearest", "border", true, 1.3156457612148964, 0.9703070103915459,
                0.0, 0.0, 0.0),
            (true, "nearest", "reflection", false, 0.8372546793264231, 1.8305542732113718,
                0.0, 0.0, 0.0),
            (true, "nearest", "reflection", true, 2.0341698213322257, 1.4449958788875992,
                0.0, 0.0, 0.0),
        })
        {
            var x = (volumetric ? Check.Det([1, 1, 2, 3, 4], 0.37) : Check.Det([1, 1, 3, 4], 0.37)).RequiresGrad_();
            var grid = (volumetric ? Check.F64([.. pts5], 1, 1, 1, 84, 3) : Check.F64([.. pts], 1, 1, 49, 2)).RequiresGrad_();
            var r = F.GridSample(x, grid, mode, padding, align);
            Check.Close(y, (r * Check.Det([.. r.Shape], 0.29)).Sum().Item<double>(), 1e-12);
            r.Backward(Check.Det([.. r.Shape], 0.23));
            Check.Close(gx, (x.Grad! * Check.Det([.. x.Shape], 0.11)).Sum().Item<double>(), 1e-12);
            var gg = grid.Grad!;
            Check.Close(g1, (gg * Check.Det([.. gg.Shape], 0.13)).Sum().Item<double>(), 1e-12);
            Check.Close(g2, (gg * Check.Det([.. gg.Shape], 0.31)).Sum().Item<double>(), 1e-12);
            Check.Close(gsq, (gg * gg).Sum().Item<double>(), 1e-12);
        }
    }
}
