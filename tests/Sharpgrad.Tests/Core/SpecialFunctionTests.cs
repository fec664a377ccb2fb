namespace Sharpgrad.Tests.Core;

/// <summary>
/// torch.special's Bessel, normal-tail, incomplete gamma and zeta functions: PyTorch 2.6's values in Float64 and
/// Float32 (to a few units in the last place), nodes, gradients, dtypes and messages.
/// </summary>
public class SpecialFunctionTests
{
    private static readonly double[] BesselX =
        [0.0, -0.0, 1e-10, 0.25, -1.5, 3.0, 7.99, 8.0, 8.5, -12.0, 30.0, 100.0, 700.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    private static readonly double[] GradX = [0.0, 1e-20, -0.7, 2.5, -9.0, 15.0];
    private static readonly double[] GradWeights = [1.0, 2.0, 1.0, 0.5, 1.0, 1.0];

    /// <summary>
    /// Each element of <paramref name="actual"/> within <paramref name="maxUlps"/> units in the last place of its own
    /// dtype from PyTorch's (Float32 expectations are the float values written as doubles); NaN matches NaN, infinities
    /// and the sign of zero match exactly.
    /// </summary>
    private static void Ulps(double[] expected, Tensor actual, int maxUlps, string what = "value")
    {
        var got = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        bool single = actual.DType == DType.Float32;
        for (int i = 0; i < got.Length; i++)
        {
            double e = expected[i], g = got[i];
            string at = $"{what}[{i}] ({actual.DType}): expected {e:R}, got {g:R}";
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(g), at); continue; }
            if (double.IsInfinity(e) || e == 0) { Assert.True(e.Equals(g) && double.IsNegative(e) == double.IsNegative(g), at); continue; }
            long distance = single
                ? Math.Abs((long)Ordered(BitConverter.SingleToInt32Bits((float)e)) - Ordered(BitConverter.SingleToInt32Bits((float)g)))
                : Math.Abs(Ordered(BitConverter.DoubleToInt64Bits(e)) - Ordered(BitConverter.DoubleToInt64Bits(g)));
            Assert.True(distance <= maxUlps, $"{at}, {distance} ulps");
        }
    }

    private static long Ordered(long bits) => bits < 0 ? long.MinValue - bits : bits;
    private static int Ordered(int bits) => bits < 0 ? int.MinValue - bits : bits;

    private static Tensor F64(params double[] v) => Tensor.FromArray(v);
    private static Tensor F32(params double[] v) => Tensor.FromArray(v).To(DType.Float32);

    /// <summary>f's values in both dtypes, and f(x)·w's gradient (with f's node) in both dtypes.</summary>
    private static void Unary(Func<Tensor, Tensor> f, double[] x, double[] y64, double[] y32, string node, double[] gx, double[] w, double[] g64, double[] g32, int ulps64 = 1, int gradUlps = 4)
    {
        Ulps(y64, f(F64(x)), ulps64);
        Ulps(y32, f(F32(x)), 1);
        foreach (var (dtype, expected) in new[] { (DType.Float64, g64), (DType.Float32, g32) })
        {
            var t = Tensor.FromArray(gx).To(dtype).RequiresGrad_();
            var y = f(t);
            Assert.Equal(node, y.GradFn!.Name);
            y.Backward(Tensor.FromArray(w).To(dtype));
            Ulps(expected, t.Grad!, gradUlps, "grad");
        }
    }

    [Fact]
    public void I0MatchesPyTorch()
    {
        Unary(Special.I0, BesselX,
            [1.0, 1.0, 0.9999999999999998, 1.015686141223608, 1.6467231897728907, 4.880792585865024, 423.58420367467363, 427.56411572180474, 683.1619269901155, 18948.92534929631, 781672297823.9775, 1.0737517071310738e+42, 1.5295933476718735e+302, double.NaN, double.NaN, double.NaN],
            [0.9999999403953552, 0.9999999403953552, 0.9999999403953552, 1.015686273574829, 1.6467232704162598, 4.880792617797852, 423.58416748046875, 427.564208984375, 683.1619873046875, 18948.92578125, 781672185856.0, double.PositiveInfinity, double.PositiveInfinity, double.NaN, double.NaN, double.NaN],
            "I0Backward0", GradX, GradWeights,
            [0.0, 1.0000000000000001e-20, -0.37187967777700853, 1.2583581226443492, -1030.9147225169565, 328124.92197020643],
            [0.0, 9.999999682655225e-21, -0.3718796670436859, 1.2583580017089844, -1030.914794921875, 328124.90625]);
    }

    [Fact]
    public void I0eMatchesPyTorch()
    {
        Unary(Special.I0e, BesselX,
            [1.0, 1.0, 0.9999999998999998, 0.7910171621397194, 0.36743360905415834, 0.24300035416182536, 0.14352476537933484, 0.1434317818568503, 0.13900184305484758, 0.11642622121344044, 0.0731459464822373, 0.03994437929909668, 0.015081295651531355, 0.0, 0.0, double.NaN],
            [0.9999999403953552, 0.9999999403953552, 0.9999999403953552, 0.7910172343254089, 0.3674336373806, 0.2430003583431244, 0.14352478086948395, 0.14343181252479553, 0.13900184631347656, 0.11642621457576752, 0.07314594089984894, 0.039944376796483994, 0.015081293880939484, 0.0, 0.0, double.NaN],
            "SpecialI0EBackward0", GradX, GradWeights,
            [0.0, -2.0, 0.37463554374432106, -0.03173089604046811, 0.007734540645831789, -0.0035253564036560603],
            [0.0, -1.9999998807907104, 0.37463557720184326, -0.03173092007637024, 0.007734537124633789, -0.003525346517562866]);
    }

    [Fact]
    public void I1MatchesPyTorch()
    {
        // the gradient at |x| ≤ eps is the limit 1/2 (i1_backward), not the 0/0 of i0(x) - i1(x)/x
        Unary(Special.I1, BesselX,
            [0.0, 0.0, 5e-11, 0.12597910894546793, -0.9816664285779075, 3.9533702174026093, 396.11522620740124, 399.8731367825599, 641.6199025400667, -18141.348781638833, 768532038938.9569, 1.0683693903381625e+42, 1.5285003902339006e+302, double.NaN, double.NaN, double.NaN],
            [0.0, 0.0, 5.00000006675716e-11, 0.12597911059856415, -0.9816664457321167, 3.9533705711364746, 396.11529541015625, 399.87353515625, 641.6199340820312, -18141.349609375, 768532021248.0, double.PositiveInfinity, double.PositiveInfinity, double.NaN, double.NaN, double.NaN],
            "SpecialI1Backward0", GradX, GradWeights,
            [0.5, 1.0, 0.5950463357682256, 1.141576322967322, 979.0422742317127, 317774.37849990005],
            [0.5, 1.0, 0.5950464010238647, 1.1415765285491943, 979.0422973632812, 317774.34375]);
    }

    [Fact]
    public void I1eMatchesPyTorch()
    {
        Unary(Special.I1e, BesselX,
            [0.0, 0.0, 4.9999999995e-11, 0.09811262869736825, -0.21903938742092566, 0.19682671329730084, 0.13421733957828097, 0.13414249329269812, 0.13054935509459586, -0.111464299290181, 0.07191633059864755, 0.03974415302513025, 0.015070519444716846, 0.0, -0.0, double.NaN],
            [0.0, 0.0, 5.00000006675716e-11, 0.09811262786388397, -0.2190394103527069, 0.1968267261981964, 0.13421739637851715, 0.13414262235164642, 0.130549356341362, -0.11146429926156998, 0.07191632688045502, 0.03974415361881256, 0.015070520341396332, 0.0, -0.0, double.NaN],
            "SpecialI1EBackward0", GradX, GradWeights,
            [0.5, 1.0, 0.11082128265468205, -0.009586033865785187, -0.006401568680378361, -0.0031662552660217114],
            [0.5, 1.0, 0.11082127690315247, -0.00958600640296936, -0.006401583552360535, -0.0031662732362747192]);
    }

    [Fact]
    public void BesselIntegerInputsAndInPlace()
    {
        var ints = Tensor.FromArray(new long[] { 0, 1, -2, 3 });
        var bools = Tensor.FromArray(new[] { true, false });
        foreach (var (f, yInt, yBool) in new (Func<Tensor, Tensor>, double[], double[])[]
        {
            (x => x.I0(), [0.9999999403953552, 1.2660659551620483, 2.279585123062134, 4.880792617797852], [1.2660659551620483, 0.9999999403953552]),
            (Special.I0e, [0.9999999403953552, 0.46575963497161865, 0.3085083067417145, 0.2430003583431244], [0.46575963497161865, 0.9999999403953552]),
            (Special.I1, [0.0, 0.5651590824127197, -1.5906368494033813, 3.9533705711364746], [0.5651590824127197, 0.0]),
            (Special.I1e, [0.0, 0.207910418510437, -0.2152692824602127, 0.1968267261981964], [0.207910418510437, 0.0]),
        })
        {
            var r = f(ints);
            Assert.Equal(DType.Float32, r.DType);
            Ulps(yInt, r, 0);
            Ulps(yBool, f(bools), 0);
        }

        var x = F32(0.5, -1.5).RequiresGrad_();
        var y = (x * 2).I0_();
        Assert.Equal("I0Backward0", y.GradFn!.Name);
        Ulps([1.2660659551620483, 4.880792617797852], y, 0);
        y.Sum().Backward();
        Ulps([1.1303181648254395, -7.906741142272949], x.Grad!, 1, "grad");
        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Long", () => ints.Clone().I0_());
        Check.Throws<InvalidOperationException>("a leaf Variable that requires grad is being used in an in-place operation.", () => F64(1.0).RequiresGrad_().I0_());
    }

    [Fact]
    public void BesselGradCheck()
    {
        foreach (var f in new Func<Tensor, Tensor>[] { Special.I0, Special.I0e, Special.I1, Special.I1e })
            Assert.True(Autograd.GradCheck(t => f(t[0]), [F64(0.3, -1.2, 2.0, 9.5, -8.25).RequiresGrad_()]));
    }

    private static readonly double[] TailWeights = [1.0, 2.0, 1.0, 0.5, 1.0, -1.0];

    [Fact]
    public void ErfcxMatchesPyTorch()
    {
        // erfcx stays finite where erfc underflows; -26.8 overflows 2e^(x²); float's e^100 overflows at -10
        Unary(Special.Erfcx,
            [0.0, -0.0, 1e-20, 0.5, -0.5, 1.0, -3.0, 5.0, -6.2, 12.0, -10.0, 26.0, -26.8, 49.0, 51.0, 1000.0, 60000000.0, 1e+300, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 1.0, 0.6156903441929258, 1.952360489182557, 0.427583576155807, 16205.988853999586, 0.11070463773306861, 9.892587038335056e+16, 0.04685422101489376, 5.376234283632271e+43, 0.02168358485056291, double.PositiveInfinity, 0.011511676863882964, 0.011060415485327721, 0.0005641893014533876, 9.403159725795938e-09, 5.641895835477562e-301, 0.0, double.PositiveInfinity, double.NaN],
            [1.0, 1.0, 1.0, 0.6156902313232422, 1.9523606300354004, 0.42758357524871826, 16205.9892578125, 0.11070463061332703, 9.892573262066483e+16, 0.04685422033071518, double.PositiveInfinity, 0.02168358489871025, double.PositiveInfinity, 0.01151167694479227, 0.011060415767133236, 0.0005641893367283046, 9.40316002839836e-09, 0.0, 0.0, double.PositiveInfinity, double.NaN],
            "SpecialErfcxBackward0", [0.0, 0.7, -1.3, 4.0, -5.0, 60.0], TailWeights,
            [-1.1283791670955126, -0.7841533896125905, -28.379807894153956, -0.016191753047510637, -1440097986747.7388, 0.00015665407434606315],
            [-1.128379225730896, -0.7841534614562988, -28.379802703857422, -0.01619178056716919, -1440098025472.0, 0.00015664100646972656]);
    }

    [Fact]
    public void LogNdtrMatchesPyTorch()
    {
        // log(erfcx(-x/√2)/2) - x²/2 below -1 keeps the lower tail; above, log1p(-erfc(x/√2)/2) the upper one
        Unary(Special.LogNdtr,
            [0.0, -0.0, 0.5, -0.5, -1.0, -1.0000001, 1.0, -3.0, 3.0, 6.0, 8.5, -10.0, -40.0, -100000.0, 38.0, 40.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [-0.6931471805599453, -0.6931471805599453, -0.36894641528865635, -1.1759117615936185, -1.841021645009264, -1.8410217975227958, -0.17275377902344985, -6.60772622151035, -0.0013508099647481923, -9.865876455243713e-10, -9.479534822203253e-18, -53.23128515051248, -804.6084420137539, -5000000012.431865, -2.88542835e-316, -0.0, -0.0, double.NegativeInfinity, double.NaN],
            [-0.6931471824645996, -0.6931471824645996, -0.3689464330673218, -1.175911784172058, -1.8410214185714722, -1.8410217761993408, -0.17275378108024597, -6.607725620269775, -0.001350810518488288, -9.865892547367139e-10, -9.479556821487314e-18, -53.231285095214844, -804.6084594726562, -5000000000.0, -0.0, -0.0, -0.0, double.NegativeInfinity, double.NaN],
            "SpecialLogNdtrBackward0", [0.0, 0.7, -1.3, 4.0, -5.0, -30.0], TailWeights,
            [0.7978845608028654, 0.8238495008385813, 1.7703278323596503, 6.691723223428757e-05, 5.18650396712585, -30.03325966743577],
            [0.7978845834732056, 0.8238494992256165, 1.7703272104263306, 6.691722228424624e-05, 5.186505317687988, -30.03369903564453]);
    }

    [Fact]
    public void NdtriMatchesPyTorch()
    {
        Unary(Special.Ndtri,
            [0.0, -0.0, 1.0, 0.5, 0.025, 0.975, 0.1, 0.135, 0.2, 0.8, 0.9, 0.001, 1e-10, 1e-20, 1e-100, 1e-300, 0.999999999999, -0.5, 1.5, double.PositiveInfinity, double.NaN],
            [double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, 0.0, -1.9599639845400545, 1.959963984540054, -1.2815515655446004, -1.1030625561995973, -0.8416212335729142, 0.8416212335729143, 1.2815515655446004, -3.090232306167813, -6.361340902404056, -9.262340089798409, -21.273453560965322, -37.0470962993612, 7.0344869100478356, double.NaN, double.NaN, double.NaN, double.NaN],
            [double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, 0.0, -1.9599637985229492, 1.959964394569397, -1.2815515995025635, -1.103062391281128, -0.8416212201118469, 0.8416212201118469, 1.2815511226654053, -3.0902323722839355, -6.3613409996032715, -9.262340545654297, double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.NaN],
            "SpecialNdtriBackward0", [0.5, 0.7, 0.01, 0.999, 1e-08, 0.3], TailWeights,
            [2.5066282746310002, 5.752207318528584, 37.52043615729513, 148.49617579461534, 17300007.889603764, -2.876103659264292],
            [2.5066282749176025, 5.752207279205322, 37.52043533325195, 148.49795532226562, 17299978.0, -2.876103639602661]);
    }

    [Fact]
    public void NormalTailIntegerInputsAndGradCheck()
    {
        var ints = Tensor.FromArray(new long[] { 0, 1, -2, 3 });
        var bools = Tensor.FromArray(new[] { true, false });
        foreach (var (f, yInt, yBool) in new (Func<Tensor, Tensor>, double[], double[])[]
        {
            (Special.Erfcx, [1.0, 0.42758357524871826, 108.94090270996094, 0.17900115251541138], [0.42758357524871826, 1.0]),
            (Special.LogNdtr, [-0.6931471824645996, -0.17275378108024597, -3.78318452835083, -0.001350810518488288], [-0.17275378108024597, -0.6931471824645996]),
            (Special.Ndtri, [double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN], [double.PositiveInfinity, double.NegativeInfinity]),
        })
        {
            var r = f(ints);
            Assert.Equal(DType.Float32, r.DType);
            Ulps(yInt, r, 0);
            Ulps(yBool, f(bools), 0);
        }
        Assert.True(Autograd.GradCheck(t => Special.Erfcx(t[0]), [F64(0.3, -1.2, 2.0, 9.5, 60.0).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => Special.LogNdtr(t[0]), [F64(0.3, -1.2, 2.0, 9.5, -20.0).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => Special.Ndtri(t[0]), [F64(0.3, 0.01, 0.6, 0.99, 0.999).RequiresGrad_()]));
    }

    private static readonly double[] GammaA =
        [0.0, 0.0, 1.0, 0.5, 0.5, 2.0, 3.5, 10.0, 25.0, 150.0, 0.1, 5.0, 0.001, -1.0, 1.0, double.PositiveInfinity, double.PositiveInfinity, 2.0, double.NaN, 30.0, 250.0, 0.7];

    private static readonly double[] GammaX =
        [0.0, 2.0, 0.0, 0.25, 3.0, 1.05, 10.0, 9.0, 27.0, 140.0, 1e-05, 0.3, 5.0, 1.0, -1.0, 1.0, double.PositiveInfinity, double.PositiveInfinity, 1.0, 1.09, 260.0, 1.1];

    /// <summary>f(a, x) in both dtypes over (GammaA, GammaX), and x's gradient of f(a, x)·w with f's node.</summary>
    private static void IncompleteGamma(Func<Tensor, Tensor, Tensor> f, string node, double[] y64, double[] y32, double[] g64, double[] g32)
    {
        // every branch: the boundary values, the series, the complement series, the continued fraction, Temme's expansion
        // (a few of PyTorch's series values differ in the last bit or two from any evaluation order tried here)
        Ulps(y64, f(F64(GammaA), F64(GammaX)), 2);
        Ulps(y32, f(F32(GammaA), F32(GammaX)), 2);
        foreach (var (dtype, expected) in new[] { (DType.Float64, g64), (DType.Float32, g32) })
        {
            var x = Tensor.FromArray(new[] { 0.3, 1.5, 4.0, 12.0, 2.0 }).To(dtype).RequiresGrad_();
            var y = f(Tensor.FromArray(new[] { 0.5, 2.0, 3.5, 10.0, 1.0 }).To(dtype), x);
            Assert.Equal(node, y.GradFn!.Name);
            y.Backward(Tensor.FromArray(new[] { 1.0, 2.0, -1.0, 0.5, 1.0 }).To(dtype));
            // exp((a - 1) log x - x - lgamma a) magnifies the last-bit differences of the log and exp kernels
            Ulps(expected, x.Grad!, dtype == DType.Float64 ? 64 : 4, "grad");
        }
    }

    [Fact]
    public void GammaincMatchesPyTorch()
    {
        IncompleteGamma(Special.Gammainc, "IgammaBackward0",
            [double.NaN, 1.0, 0.0, 0.5204998778130466, 0.9856941215645704, 0.28262761432213157, 0.9944303169270544, 0.4125917556680583, 0.6758419549577984, 0.20954362381019084, 0.33239840504050333, 1.578504054165997e-05, 0.9999988490186603, double.NaN, double.NaN, 0.0, double.NaN, 1.0, double.NaN, 1.7429350979960248e-32, 0.7406105172969886, 0.7877758428401752],
            [double.NaN, 1.0, 0.0, 0.5204998254776001, 0.9856941103935242, 0.2826276123523712, 0.9944303035736084, 0.4125913083553314, 0.6758419275283813, 0.20954358577728271, 0.332398384809494, 1.578503542987164e-05, 0.9999988675117493, double.NaN, double.NaN, 0.0, double.NaN, 1.0, double.NaN, 1.7429298654719853e-32, 0.7406103610992432, 0.7877761125564575],
            [0.763090578768186, 0.6693904804452895, -0.17635827502158552, 0.043682189951524814, 0.1353352832366127],
            [0.7630906105041504, 0.6693904995918274, -0.17635826766490936, 0.043682221323251724, 0.1353352814912796]);
        // Tensor.Igamma, as torch.igamma; a 0-dim Float64 does not promote a Float32 tensor
        var r = Tensor.Scalar(2.0, DType.Float64).Igamma(F32(1.5));
        Assert.Equal(DType.Float32, r.DType);
        Ulps([0.44217461347579956], r, 0);
    }

    [Fact]
    public void GammainccMatchesPyTorch()
    {
        IncompleteGamma(Special.Gammaincc, "IgammacBackward0",
            [double.NaN, 0.0, 1.0, 0.47950012218695337, 0.014305878435429645, 0.7173723856778684, 0.0055696830729455755, 0.5874082443319417, 0.3241580450422016, 0.7904563761898091, 0.6676015949594967, 0.9999842149594583, 1.1509813397308622e-06, double.NaN, double.NaN, 1.0, double.NaN, 0.0, double.NaN, 1.0, 0.2593894827030114, 0.21222415715982482],
            [double.NaN, 0.0, 1.0, 0.4795001745223999, 0.014305876567959785, 0.7173724174499512, 0.005569683387875557, 0.5874086618423462, 0.32415810227394104, 0.7904564142227173, 0.6676015853881836, 0.9999842047691345, 1.1509818023114349e-06, double.NaN, double.NaN, 1.0, double.NaN, 0.0, double.NaN, 1.0, 0.25938960909843445, 0.21222400665283203],
            [-0.763090578768186, -0.6693904804452895, 0.17635827502158552, -0.043682189951524814, -0.1353352832366127],
            [-0.7630906105041504, -0.6693904995918274, 0.17635826766490936, -0.043682221323251724, -0.1353352814912796]);
    }

    [Fact]
    public void IncompleteGammaBroadcastPromotionAndMessages()
    {
        var x = F64(0.5, 2.0, 6.0).RequiresGrad_();
        var y = Tensor.Igamma(Tensor.FromArray(new[] { 1.5, 4.0 }, [2, 1]), x);
        Check.Shape(y, 2, 3);
        Ulps([0.19874804309879915, 0.7385358700508888, 0.9926168394946402, 0.001751622556290824, 0.14287653950145296, 0.8487961172233521], y, 1);
        y.Sum().Backward();
        Ulps([0.49657750444896653, 0.3964109103682358, 0.09608623336020945], x.Grad!, 4, "grad");

        // the shape parameter has no derivative in PyTorch: the node is recorded, backward through it throws
        var a = F64(2.0, 3.0).RequiresGrad_();
        var q = Tensor.Igammac(a, Tensor.FromArray(new[] { 1.0, 2.0 }, [2, 1]));
        Assert.Equal("IgammacBackward0", q.GradFn!.Name);
        Ulps([0.7357588823428847, 0.9196986029286058, 0.40600584970983794, 0.6766764161830636], q, 1);
        Check.Throws<InvalidOperationException>("the derivative for 'igammac: input' is not implemented.", () => q.Sum().Backward());
        Check.Throws<InvalidOperationException>("the derivative for 'igamma: input' is not implemented.", () => Special.Gammainc(F64(2.0).RequiresGrad_(), F64(1.0)).Backward());

        // integers promote with the other operand, but igamma itself takes floating dtypes only
        var mixed = Tensor.Igamma(Tensor.FromArray(new long[] { 1, 2 }), F32(1.5, 0.5));
        Assert.Equal(DType.Float32, mixed.DType);
        Ulps([0.7768698334693909, 0.09020400792360306], mixed, 0);
        Assert.Equal(DType.Float64, Tensor.Igamma(F32(2.0), F64(1.5)).DType);
        Check.Throws<ArgumentException>("\"igamma_cpu\" not implemented for 'Long'", () => Tensor.Igamma(Tensor.FromArray(new long[] { 1, 2 }), Tensor.FromArray(new long[] { 1, 2 })));
        Check.Throws<ArgumentException>("\"igammac_cpu\" not implemented for 'Bool'", () => Tensor.Igammac(Tensor.FromArray(new[] { true }), Tensor.FromArray(new[] { false })));
        Check.Throws<ArgumentException>("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", () => Tensor.Igamma(F32(1, 1), F32(1, 1, 1)));
    }

    [Fact]
    public void IncompleteGammaInPlace()
    {
        // computed in the promoted Float64, then stored into the Float32 self
        var self = F32(1.0, 2.0, 3.0);
        Assert.Same(self, self.Igamma_(F64(0.5, 2.5, 1.0)));
        Ulps([0.39346933364868164, 0.7127025127410889, 0.08030139654874802], self, 0);

        var x = F32(0.7, 3.0).RequiresGrad_();
        var y = F32(1.0, 2.0).Igamma_(x);
        Assert.Equal("IgammaBackward0", y.GradFn!.Name);
        Ulps([0.5034146308898926, 0.8008517026901245], y, 0);
        y.Sum().Backward();
        Ulps([0.49658530950546265, 0.14936120808124542], x.Grad!, 1, "grad");
        var b = F32(1.0, 2.0).RequiresGrad_();
        var z = (b * 1).Igammac_(F32(0.7, 3.0));
        Assert.Equal("IgammacBackward0", z.GradFn!.Name);
        Ulps([0.4965853691101074, 0.1991482824087143], z, 0);

        Check.Throws<ArgumentException>("result type Float can't be cast to the desired output type Long", () => Tensor.FromArray(new long[] { 1, 2 }).Igamma_(F32(1, 2)));
        Check.Throws<ArgumentException>("\"igamma_cpu\" not implemented for 'Long'", () => Tensor.FromArray(new long[] { 1, 2 }).Igamma_(Tensor.FromArray(new long[] { 1, 2 })));
        Check.Throws<ArgumentException>("output with shape [3] doesn't match the broadcast shape [2, 3]", () => Tensor.Ones([3]).Igammac_(Tensor.Ones([2, 1])));
    }

    [Fact]
    public void IncompleteGammaGradCheck()
    {
        var a = F64(0.5, 2.0, 3.0, 30.0);
        Assert.True(Autograd.GradCheck(t => Special.Gammainc(a, t[0]), [F64(0.3, 1.7, 4.0, 28.0).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => Special.Gammaincc(a, t[0]), [F64(0.3, 1.7, 4.0, 28.0).RequiresGrad_()]));
    }

    [Fact]
    public void ZetaMatchesPyTorch()
    {
        // Riemann's ζ(x, 1), poles at x = 1 and non-positive integer q, NaN for x < 1 or a fractional x at negative q,
        // the long tail at small q, the Euler-Maclaurin tail at large q; Float32 is computed in double as ATen does
        double[] x = [2.0, 2.0, 3.0, 1.0, 0.5, 4.0, 4.5, 2.0, 2.0, 3.0, 1.5, 10.0, 30.0, 2.0, double.NaN, 2.0, double.PositiveInfinity, 1.0000001, 6.0, 2.5];
        double[] q = [1.0, 0.5, 2.0, 3.0, 1.0, -1.5, -1.5, -2.0, 0.0, 0.001, 100.0, 1.0, 0.7, double.PositiveInfinity, 1.0, double.NaN, 2.0, 1.0, 9.5, 1000000.0];
        Ulps([1.6449340668482266, 4.93480220054468, 0.2020569031595943, double.PositiveInfinity, double.NaN, 32.4323793698646, double.NaN, double.PositiveInfinity, double.PositiveInfinity, 1000000001.1988161, 0.20050124998177188, 1.0009945751278182, 44366.870862485186, double.NaN, double.NaN, double.NaN, double.NaN, 10000000.571377, 3.3357731009736272e-06, 6.666671666668751e-10],
            Special.Zeta(F64(x), F64(q)), 0);
        Ulps([1.644934058189392, 4.934802055358887, 0.2020568996667862, double.PositiveInfinity, double.NaN, 32.43238067626953, double.NaN, double.PositiveInfinity, double.PositiveInfinity, 999999872.0, 0.2005012482404709, 1.0009945631027222, 44366.89453125, double.NaN, double.NaN, double.NaN, double.NaN, 8388609.0, 3.3357730444549816e-06, 6.666671659161238e-10],
            Special.Zeta(F32(x), F32(q)), 0);

        double[] w = [1.0, 2.0, -1.0, 0.5];
        foreach (var (dtype, expected) in new[]
        {
            (DType.Float64, new[] { -2.404113806319188, -97.40909103400242, 0.24706584293142045, -0.02614633329222173 }),
            (DType.Float32, new[] { -2.40411376953125, -97.40908813476562, 0.24706584215164185, -0.026146341115236282 }),
        })
        {
            var qt = Tensor.FromArray(new[] { 1.0, 0.5, 3.0, -1.5 }).To(dtype).RequiresGrad_();
            var y = Special.Zeta(Tensor.FromArray(new[] { 2.0, 3.0, 1.5, 4.0 }).To(dtype), qt);
            Assert.Equal("SpecialZetaBackward0", y.GradFn!.Name);
            y.Backward(Tensor.FromArray(w).To(dtype));
            Ulps(expected, qt.Grad!, 2, "grad");
        }
    }

    [Fact]
    public void ZetaNumberOverloadsPromotionAndMessages()
    {
        foreach (var (dtype, values, grad) in new[]
        {
            (DType.Float64, new[] { 1.3414872572509176, 6.247110634568814, 0.1647105619542803, double.NaN }, new[] { -2.8168346682926417, -58.104023317209496, 0.09586379917184548, double.NaN }),
            (DType.Float32, new[] { 1.3414872884750366, 6.247110366821289, 0.16471056640148163, double.NaN }, new[] { -2.8168346881866455, -58.10402297973633, 0.09586379677057266, double.NaN }),
        })
        {
            var q = Tensor.FromArray(new[] { 1.0, 0.5, 3.0, -1.5 }).To(dtype).RequiresGrad_();
            var y = Special.Zeta(2.5, q);
            Assert.Equal("SpecialZetaBackward1", y.GradFn!.Name);
            Assert.Equal(dtype, y.DType);
            Ulps(values, y, 0);
            y.Backward(Tensor.FromArray(new[] { 1.0, 2.0, -1.0, 0.5 }).To(dtype));
            Ulps(grad, q.Grad!, 2, "grad");
        }

        // x is the one input of SpecialZetaBackward2 and has no derivative; neither has x of SpecialZetaBackward0
        var xs = F64(2.0, 3.0, 1.5, 4.0).RequiresGrad_();
        var z = Special.Zeta(xs, 2.0);
        Assert.Equal("SpecialZetaBackward2", z.GradFn!.Name);
        Ulps([0.6449340668482266, 0.2020569031595943, 1.6123753486854886, 0.08232323371113821], z, 0);
        Check.Throws<InvalidOperationException>("the derivative for 'zeta' is not implemented.", () => z.Sum().Backward());
        Check.Throws<InvalidOperationException>("the derivative for 'zeta' is not implemented.", () => Special.Zeta(xs, F64(1.0, 0.5, 3.0, -1.5).RequiresGrad_()).Sum().Backward());

        var ints = Tensor.FromArray(new long[] { 0, 1, 2 });
        foreach (var (r, expected) in new[]
        {
            (Special.Zeta(2.0, ints), new[] { double.PositiveInfinity, 1.644934058189392, 0.6449340581893921 }),
            (Special.Zeta(ints, 2.0), new[] { double.NaN, double.PositiveInfinity, 0.6449340581893921 }),
            (Special.Zeta(ints + 1, ints), new[] { double.PositiveInfinity, 1.644934058189392, 0.2020568996667862 }),
            (Special.Zeta(Tensor.FromArray(new[] { true, false }), Tensor.FromArray(new[] { true, true })), new[] { double.PositiveInfinity, double.NaN }),
            (Special.Zeta(Tensor.Scalar(2.0, DType.Float64), F32(1.5)), new[] { 0.9348021745681763 }),
        })
        {
            Assert.Equal(DType.Float32, r.DType);
            Ulps(expected, r, 0);
        }
        Assert.Equal(DType.Float64, Special.Zeta(2.0, F64(1.5)).DType);
        var b = Special.Zeta(Tensor.FromArray(new[] { 2.0f, 3.0f }, [2, 1]), F32(1.0, 2.0, 4.0));
        Check.Shape(b, 2, 3);
        Ulps([1.644934058189392, 0.6449340581893921, 0.2838229537010193, 1.202056884765625, 0.2020568996667862, 0.040019866079092026], b, 0);
        Assert.True(Autograd.GradCheck(t => Special.Zeta(F64(2.0, 3.5, 1.5), t[0]), [F64(0.7, 1.3, 5.0).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => Special.Zeta(3.0, t[0]), [F64(0.7, 1.3, 5.0).RequiresGrad_()]));
    }

    [Fact]
    public void SecondDerivativesMatchPyTorch()
    {
        // the backward formulas are themselves recorded, so create_graph gives PyTorch's second derivatives
        (Func<Tensor, Tensor> F, double[] X, double[] Expected)[] cases =
        [
            (Special.I0, [0.3, -1.7], [0.5169807460062873, 1.160231688171203]),
            (Special.I0e, [0.3, -1.7], [0.9158142602859549, 0.11536528829825277]),
            (Special.I1, [0.3, -1.7], [0.11391179780033323, -0.9278180866529728]),
            (Special.I1e, [0.3, -1.7], [-0.5692120167652329, 0.03586054267741352]),
            (Special.Erfcx, [0.3, -1.7], [1.0566269293223591, 487.86009125382736]),
            (Special.LogNdtr, [0.3, -1.7], [-0.5661278382182531, -0.8660020913671396]),
            (Special.Ndtri, [0.3, 0.9], [-4.337826493638953, 41.60927029199775]),
            (x => Special.Gammainc(F64(2.5, 0.7), x), [0.3, 1.7], [0.36628347780872916, -0.1412058121333654]),
            (x => Special.Gammaincc(F64(2.5, 0.7), x), [0.3, 1.7], [-0.36628347780872916, 0.1412058121333654]),
            (x => Special.Zeta(F64(2.5, 3.0), x), [0.3, 1.7], [1975.2081466599554, 0.9553049020739759]),
            (x => Special.Zeta(2.5, x), [0.3, 1.7], [1975.2081466599554, 0.9438620852711508]),
        ];
        foreach (var (f, xs, expected) in cases)
        {
            var x = F64(xs).RequiresGrad_();
            var g = Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
            Ulps(expected, Autograd.Grad([g.Sum()], [x])[0]!, 64, "second derivative");
        }
    }
}
