namespace Sharpgrad.Tests.Core;

/// <summary>var_mean / std_mean and cdist: PyTorch 2.6 values, gradients, node names and messages; gradcheck in Float64.</summary>
public class VarMeanCdistTests
{
    private static Tensor X() => Tensor.FromArray(new[] { 0.5, -2.0, 1.5, 3.0, 0.0, 4.0, -1.0, 2.5, -3.0, 0.25, 2.0, -0.5 }, [3, 4]).RequiresGrad_();
    private static Tensor A() => Tensor.FromArray(new[] { 0.5, -1.0, 2.0, 1.5, 0.0, -0.5, -2.0, 1.0, 0.25, 0.0, 0.0, 1.0 }, [4, 3]);
    private static Tensor B() => Tensor.FromArray(new[] { 1.0, -1.0, 0.0, 0.5, -1.0, 2.0, 2.0, 3.0, -1.0 }, [3, 3]);
    private static void Close(double[] expected, Tensor actual) => NN.Check.Close(expected, actual, 1e-12);
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    /// <summary>The pair's node names and values, and x's gradient of 2·Σspread + Σmean² (the oracle's loss).</summary>
    private static void Check(Func<Tensor, (Tensor, Tensor)> f, string node, int[] shape, double[] spread, double[] mean, double[] grad)
    {
        var x = X();
        var (s, m) = f(x);
        Assert.Equal(node, s.GradFn!.Name);
        Assert.Same(s.GradFn, m.GradFn);
        Assert.Equal(shape, s.Shape);
        Assert.Equal(shape, m.Shape);
        Close(spread, s);
        Close(mean, m);
        (s.Sum() * 2.0 + (m * m).Sum()).Backward();
        Close(grad, x.Grad!);
    }

    [Fact]
    public void VarMeanAndStdMeanMatchPyTorch()
    {
        Check(x => x.StdMean(), "StdMeanBackward0", [], [2.0820071536569675], [0.6041666666666665],
            [0.09159774470154124, -0.12672304912813534, 0.17892606223341187, 0.3099185385312178, 0.04793358593560591, 0.39724685606308846, -0.03939473159626472, 0.26625437976528255, -0.21405136666000596, 0.06976566531857357, 0.2225902209993472, 0.004269427169670603]);
        Check(x => x.VarMean(), "VarMeanBackward0", [], [4.334753787878787], [0.6041666666666665],
            [0.06281565656565655, -0.8462752525252525, 0.4264520202020202, 0.9719065656565657, -0.11900252525252528, 1.3355429292929293, -0.48263888888888884, 0.7900883838383839, -1.2099116161616161, -0.028093434343434365, 0.6082702020202021, -0.30082070707070707]);
        Check(x => x.StdMean(1), "StdMeanBackward0", [3], [2.101586702153082, 2.286737122335374, 2.075401567568712], [0.75, 1.375, -0.3125],
            [0.2956948414281856, -0.49735674428995846, 0.6129154757154431, 1.0887464271463296, 0.28663771560654805, 1.4527825429329537, -0.00489849122505337, 1.0154782326855516, -1.0195367463647362, 0.024437923657735505, 0.5865781305929126, -0.21647930788591183]);
        Check(x => x.VarMean(0, keepDim: true), "VarMeanBackward0", [1, 4], [3.583333333333334, 9.1875, 2.583333333333333, 3.583333333333334], [-0.8333333333333333, 0.75, 0.8333333333333334, 1.6666666666666667],
            [2.1111111111111116, -5.0, 1.8888888888888888, 3.7777777777777777, 1.1111111111111112, 7.0, -3.1111111111111116, 2.7777777777777777, -4.888888888888888, -0.5, 2.8888888888888884, -3.2222222222222228]);
        double[] stdBiased = [1.8200274723201295, 1.9803724397193574, 1.7973504805685507];
        double[] gradBiased = [0.3063197180256555, -0.38048310171778965, 0.5810408459230336, 0.9931225377691006, 0.3403430782962083, 1.3502541232526932, 0.087865317057087, 0.9715374813940114, -0.9038782531022751, 0.00023033204466221813, 0.48705803173916684, -0.20841011068155407];
        Check(x => x.StdMean(1, unbiased: false), "StdMeanBackward0", [3], stdBiased, [0.75, 1.375, -0.3125], gradBiased);
        Check(x => x.StdMean([1], correction: 0, keepDim: true), "StdMeanBackward0", [3, 1], stdBiased, [0.75, 1.375, -0.3125], gradBiased);
        Check(x => x.VarMean([0, 1], correction: 2), "VarMeanBackward0", [], [4.768229166666666], [0.6041666666666665],
            [0.05902777777777776, -0.9409722222222223, 0.4590277777777778, 1.059027777777778, -0.14097222222222225, 1.4590277777777778, -0.5409722222222222, 0.8590277777777778, -1.3409722222222222, -0.04097222222222224, 0.6590277777777779, -0.34097222222222223]);
        Check(x => x.VarMean(unbiased: false), "VarMeanBackward0", [], [3.973524305555555], [0.6041666666666665],
            [0.06597222222222221, -0.767361111111111, 0.3993055555555555, 0.8993055555555556, -0.10069444444444445, 1.2326388888888888, -0.4340277777777777, 0.7326388888888888, -1.1006944444444444, -0.01736111111111112, 0.5659722222222222, -0.26736111111111105]);
    }

    [Fact]
    public void VarMeanEdgesAndMessages()
    {
        // only one output's gradient flowing
        var x = Tensor.FromArray(new[] { 1.0, 2, 3, 4 }, [2, 2]).RequiresGrad_();
        x.VarMean(1).Mean.Sum().Backward();
        Close([0.5, 0.5, 0.5, 0.5], x.Grad!);
        var y = Tensor.FromArray(new[] { 1.0, 2, 3, 4 }, [2, 2]).RequiresGrad_();
        y.StdMean(0, keepDim: true).Std.Sum().Backward();
        Close([-0.7071067811865475, -0.7071067811865475, 0.7071067811865475, 0.7071067811865475], y.Grad!);
        // a zero std has a zero gradient
        var c = Tensor.FromArray(new[] { 2.0, 2.0, 2.0 }).RequiresGrad_();
        c.StdMean().Std.Backward();
        Close([0, 0, 0], c.Grad!);
        var (v, m) = Tensor.FromArray(new[] { 1f, 2, 4 }).VarMean();
        Assert.Equal(DType.Float32, v.DType);
        NN.Check.Close(2.3333333333333335, v.Item<float>(), 1e-7);
        NN.Check.Close(2.3333333333333335, m.Item<float>(), 1e-7);
        Assert.True(float.IsNaN(Tensor.FromArray(new[] { 5f }).StdMean().Std.Item<float>()));
        Assert.Equal(0f, Tensor.FromArray(new[] { 5f }).VarMean(null, correction: 0).Var.Item<float>());
        Assert.True(float.IsPositiveInfinity(Tensor.FromArray(new[] { 1f, 2 }).VarMean(null, correction: 3).Var.Item<float>()));
        var (ev, em) = Tensor.Zeros([2, 0]).StdMean(1);
        Close([double.NaN, double.NaN], ev);
        Close([double.NaN, double.NaN], em);
        var (sv, sm) = Tensor.Scalar(3.0, DType.Float64, requiresGrad: true).VarMean();
        Assert.True(double.IsNaN(sv.Item<double>()));
        Assert.Equal(3.0, sm.Item<double>());
        Assert.Equal("VarMeanBackward0", sm.GradFn!.Name);
        var (dv, dm) = Tensor.FromArray(new[] { 1.0, 2, 3, 4 }, [2, 2]).VarMean([], null);
        NN.Check.Close(1.6666666666666667, dv.Item<double>(), 1e-15);
        Assert.Equal(2.5, dm.Item<double>());

        Assert.Equal("var_mean only support floating point and complex dtypes", Message<ArgumentException>(() => Tensor.FromArray(new long[] { 1, 2, 3 }).VarMean()));
        Assert.Equal("std_mean only support floating point and complex dtypes", Message<ArgumentException>(() => Tensor.FromArray(new[] { true }).StdMean()));
        Assert.StartsWith("Dimension out of range (expected to be in range of [-2, 1], but got 2)", Message<ArgumentOutOfRangeException>(() => X().VarMean(2)));
        Assert.Equal("dim 0 appears multiple times in the list of dims", Message<ArgumentException>(() => X().VarMean([0, 0], null)));
    }

    [Fact]
    public void VarMeanGradCheck()
    {
        var r = Tensor.FromArray(new[] { 0.3, -1.2, 0.7, 2.1, -0.4, 1.6, 0.9, -2.2, 1.1, 0.05, -0.8, 1.9 }, [3, 4]).RequiresGrad_();
        Assert.True(Autograd.GradCheck(a => { var (s, m) = a[0].StdMean(1); return s * 2.0 + m * m; }, [r]));
        Assert.True(Autograd.GradCheck(a => { var (v, m) = a[0].VarMean([0], 0, keepDim: true); return v * m; }, [r]));
        Assert.True(Autograd.GradCheck(a => { var (s, m) = a[0].StdMean(); return s + m * 3.0; }, [r]));
    }

    private static readonly double[] PValues = [0, 1, 2, 3, 0.5, double.PositiveInfinity];

    private static readonly double[][] Distances =
    [
        [2.0, 0.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        [2.5, 0.0, 8.5, 2.0, 4.5, 4.0, 5.25, 6.25, 7.25, 3.0, 2.5, 7.0],
        [2.0615528128088303, 0.0, 5.220153254455275, 1.224744871391589, 2.8722813232690143, 3.082207001484488, 3.61420807370024, 3.648629879831606, 4.643543905251677, 1.7320508075688772, 1.5, 4.123105625617661],
        [2.010362879294529, 0.0, 4.552874245617287, 1.077217345015942, 2.6024139316971007, 3.0092308274032264, 3.2715530035911278, 3.0717649455184715, 4.197449793496125, 1.4422495703074083, 1.2856407953291176, 3.503398060386724],
        [4.500000000000001, 0.0, 24.56982340296115, 5.82842712474619, 12.824555320336762, 9.898979485566354, 13.29524385550833, 18.647093474443896, 20.541267864660337, 9.0, 7.32842712474619, 20.79795897113271],
        [2.0, 0.0, 4.0, 1.0, 2.5, 3.0, 3.0, 2.5, 4.0, 1.0, 1.0, 3.0],
    ];

    private static readonly double[][] GradsA =
    [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [-2.0, -2.0, 2.0, 2.0, 2.0, -2.0, -21.0, 5.0, 7.0, -30.0, 8.0, 10.0],
        [-0.5746957711326908, -1.5325220563538422, 1.1493915422653815, 1.8062590133833591, -1.0245316434941154, -3.8951908848517336, -16.66795345497298, 3.7116420284190763, -0.7888683916025983, -13.86526950683929, 3.8591434631743127, 3.86526950683929],
        [-0.2170906925062547, -1.5437560356000335, 0.8683627700250188, 1.09891106030127, -1.7934316158770502, -4.199659574663773, -16.9469686095622, 3.3935265059052124, -1.52743209352162, -9.424139727546455, 2.310860065643576, 1.8615468138457616],
        [-8.094413448457093, -4.956795678960466, 5.723614639131597, 2.319747293540157, 12.484713102817418, 2.945163770527195, -49.87763102036513, 11.205664100691315, 53.33538096895251, -100.75646483276938, 25.108143031455505, 35.401125773442],
        [0.0, -2.0, 0.0, 0.0, -2.0, -4.0, -21.0, 0.0, 0.0, -9.0, 8.0, -1.0],
    ];

    private static readonly double[][] GradsB =
    [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [12.0, -18.0, -12.0, 13.0, -21.0, 21.0, 26.0, 26.0, -26.0],
        [8.951751691150779, -10.96587159204697, -4.386436229634688, 6.737033054480473, -11.896344689346428, 13.505644463935528, 13.612874973930346, 17.848484489647966, -9.449810006951182],
        [8.725704863667655, -9.154419921073817, -3.7154550161331814, 5.558526150957733, -9.608133948630197, 12.013388513063989, 11.205056954688253, 16.395354949632306, -5.300751412616195],
        [29.38838960601595, -49.712430259028466, -60.51253175218439, 43.07732644986308, -62.76976148030589, 58.98062710702352, 83.94304595217241, 68.64046718333057, -95.87338050689243],
        [15.0, -12.0, -9.0, 7.0, -10.0, 14.0, 8.0, 18.0, 0.0],
    ];

    [Fact]
    public void CdistMatchesPyTorchForEachP()
    {
        for (int k = 0; k < PValues.Length; k++)
        {
            var a = A().RequiresGrad_();
            var b = B().RequiresGrad_();
            var d = Tensor.Cdist(a, b, PValues[k]);
            Assert.Equal("CdistBackward0", d.GradFn!.Name);
            Assert.Equal([4, 3], d.Shape);
            Close(Distances[k], d);
            (d * Tensor.Arange(12).To(DType.Float64).View(4, 3)).Sum().Backward();
            Close(GradsA[k], a.Grad!);
            Close(GradsB[k], b.Grad!);
        }
        // zero distances and ∞-norm ties
        var z = Tensor.FromArray(new[] { 1.0, 2.0 }, [1, 2]);
        var other = Tensor.FromArray(new[] { 1.0, 2.0, 1.0, 3.0 }, [2, 2]);
        for (int k = 0; k < PValues.Length; k++)
        {
            if (PValues[k] == 0.5) continue;
            var zz = z.Clone().RequiresGrad_();
            var d = Tensor.Cdist(zz, other, PValues[k]);
            Close([0.0, 1.0], d);
            d.Sum().Backward();
            Close(PValues[k] == 0 ? [0.0, 0.0] : [0.0, -1.0], zz.Grad!);
        }
        var t = Tensor.FromArray(new[] { 1.0, 2.0 }, [1, 2]).RequiresGrad_();
        var dt = t.Cdist(Tensor.FromArray(new[] { 3.0, 0.0 }, [1, 2]), double.PositiveInfinity);
        Close([2.0], dt);
        dt.Sum().Backward();
        Close([-1.0, 1.0], t.Grad!);
    }

    [Fact]
    public void CdistBatchedLargeEmptyAndMessages()
    {
        var a = (Tensor.Arange(12).To(DType.Float64).Cos().View(2, 3, 2)).RequiresGrad_();
        var b = (Tensor.Arange(8).To(DType.Float64).Sin().View(1, 4, 2)).RequiresGrad_();
        var d = Tensor.Cdist(a, b);
        Assert.Equal([2, 3, 4], d.Shape);
        Assert.Equal("CdistBackward0", d.GradFn!.Name);
        Close([1.0443670682161126, 0.409357378904955, 2.3095530622377294, 1.284725356342616, 1.8781471383522002, 1.7424746751407476, 0.34206945531586225, 1.6526450312468974, 0.8593024145910658, 1.5694275997608165, 1.2468612048925045, 0.5285998536944042, 0.9641552063446146, 0.6148903391881493, 2.425236123030882, 1.243368634921102, 1.7586305438455998, 1.4899088272639116, 0.6131679762451631, 1.5738245900073309, 1.1851944326118031, 1.753704462093978, 0.9668564338743647, 0.8596805232527368], d);
        d.Sum().Backward();
        Close([2.935625485489995, 1.2450865381068421, -0.06910872772169974, -2.7116811059023513, -2.381760894734065, -0.2679969771143824, 2.783520439463006, 1.6899447718659053, 0.2913508441586142, -2.6212503484358924, -2.4410125162709484, -0.5468978765637929], a.Grad!);
        Close([-0.18044793839197903, 3.7063069104093525, 3.1571453994629093, -0.6292007576524817, -3.4590989807884354, -3.3354595414603443, -0.6362131106673968, 3.471148386747145], b.Grad!);

        // p = 2 with more than 25 rows: PyTorch's matrix-product path, a view of EuclideanDistBackward0
        var big = Tensor.Arange(78).To(DType.Float64).Cos().View(26, 3).RequiresGrad_();
        var big2 = Tensor.Arange(12).To(DType.Float64).Sin().View(4, 3).RequiresGrad_();
        var e = Tensor.Cdist(big, big2);
        Assert.Equal("ViewBackward0", e.GradFn!.Name);
        Assert.Equal("EuclideanDistBackward0", e.GradFn.NextFunctions[0].Node!.Name);
        Close([1.6874552048816722, 1.6476538025680194, 1.9041963606854846, 1.3646373247937496, 1.8991767381294746, 1.6834721151432577, 1.6494478390894585, 1.9041259841771605, 1.4290531637703279, 1.9012446436710155, 1.6834098963029265, 1.6477619046321403], e.Narrow(0, 0, 3));
        NN.Check.Close(164.48496735130408, e.Sum().Item<double>(), 1e-12);
        (e * Tensor.Arange(104).To(DType.Float64).Cos().View(26, 4)).Sum().Backward();
        Close([0.1681624840282801, -0.5142605672634122, -0.7238748246472385, -0.8186401395050988, -0.27438319314875637, 0.5221403956056265, -1.106654242592015, -0.7598767639016137, 0.2855279071686913], big.Grad!.Narrow(0, 0, 3));
        NN.Check.Close(0.3421196310953636, big.Grad!.Sum().Item<double>(), 1e-12);
        Close([-0.2668044286486867, 0.4359789790001911, 0.7379253239763677, 0.9828394873999426, 0.13821170061321353, -0.8334872863213905, -0.4641717153765231, -0.6457507071762003, -0.23362947683004132, -0.6340869413082482, -0.09287276719577453, 0.5337282007717845], big2.Grad!);
        Assert.Equal("CdistBackward0", Tensor.Cdist(big, big2, 1).GradFn!.Name);

        var f = Tensor.Cdist(A().To(DType.Float32), B().To(DType.Float32));
        Assert.Equal(DType.Float32, f.DType);
        NN.Check.Close([2.0615528128088303, 0.0, 5.220153254455275, 1.224744871391589, 2.8722813232690143, 3.082207001484488, 3.61420807370024, 3.648629879831606, 4.643543905251677, 1.7320508075688772, 1.5, 4.123105625617661], f, 1e-6);
        Assert.Equal([0, 2], Tensor.Cdist(Tensor.Zeros([0, 3]), Tensor.Zeros([2, 3])).Shape);
        var ez = Tensor.Cdist(Tensor.Zeros([2, 0]), Tensor.Zeros([3, 0]));
        Assert.Equal([2, 3], ez.Shape);
        Close([0, 0, 0, 0, 0, 0], ez);

        Assert.Equal("cdist only supports non-negative p values", Message<ArgumentException>(() => Tensor.Cdist(A(), B(), -1)));
        Assert.Equal("cdist only supports at least 2D tensors, X1 got: 1D", Message<ArgumentException>(() => Tensor.Cdist(A()[0], B())));
        Assert.Equal("X1 and X2 must have the same number of columns. X1: 3 X2: 2", Message<ArgumentException>(() => Tensor.Cdist(A(), B().Narrow(1, 0, 2))));
        Assert.Equal("cdist only supports floating-point dtypes, X1 got: Long", Message<ArgumentException>(() => Tensor.Cdist(A().To(DType.Int64), B().To(DType.Int64))));
        Assert.Equal("expected scalar type Float but found Double", Message<ArgumentException>(() => Tensor.Cdist(A().To(DType.Float32), B())));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
            Message<ArgumentException>(() => Tensor.Cdist(Tensor.Zeros([2, 3, 2]), Tensor.Zeros([3, 4, 2]))));
    }

    [Fact]
    public void CdistGradCheck()
    {
        var a = Tensor.FromArray(new[] { 0.3, -1.2, 0.7, 2.1, -0.4, 1.6, 0.9, -2.2, 1.1, 0.05, -0.8, 1.9 }, [2, 2, 3]).RequiresGrad_();
        var b = Tensor.FromArray(new[] { 1.3, 0.25, -0.7, 0.4, 1.4, -1.6, 0.1, 0.6, 0.35 }, [1, 3, 3]).RequiresGrad_();
        foreach (double p in new[] { 1.0, 2.0, 3.0, 0.5, 1.5, double.PositiveInfinity })
            Assert.True(Autograd.GradCheck(t => Tensor.Cdist(t[0], t[1], p), [a, b], raiseException: false), $"p = {p}");
        var big = Tensor.Arange(81).To(DType.Float64).Cos().View(27, 3).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => Tensor.Cdist(t[0], t[1]), [big, b[0]]));
    }
}
