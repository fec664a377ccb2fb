using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>F.interpolate / nn.Upsample (nearest, nearest-exact, linear, bilinear, bicubic, trilinear, area; 3-D, 4-D and 5-D input): PyTorch 2.6 values, gradients, node names, reprs and messages.</summary>
public class InterpolateTests
{
    /// <summary>
    /// With x = Det(shape, 0.37) and w = Det(y.shape, 0.23): y's shape and node, sum(y·w), sum(y²), y's first five values;
    /// then after sum(y·w).backward(), sum(g), sum(g²) and sum(g · Det(shape, 0.11)) of x's gradient g.
    /// </summary>
    private static void Matches(int[] shape, Func<Tensor, Tensor> f, int[] outShape, string node, double[] s)
    {
        var x = Check.Det(shape, 0.37).RequiresGrad_();
        var y = f(x);
        Assert.Equal(outShape, y.Shape);
        Assert.Equal(node, y.GradFn!.Name);
        var w = Check.Det(outShape, 0.23);
        Check.Close(s[0], (y * w).Sum().Item<double>(), 1e-12);
        Check.Close(s[1], (y * y).Sum().Item<double>(), 1e-12);
        int n = Math.Min(5, y.Numel);
        Check.Close(s[2..(2 + n)], y.Flatten().Narrow(0, 0, n), 1e-12);
        (y * w).Sum().Backward();
        var g = x.Grad!;
        Check.Close(s[2 + n], g.Sum().Item<double>(), 1e-12);
        Check.Close(s[3 + n], (g * g).Sum().Item<double>(), 1e-12);
        Check.Close(s[4 + n], (g * Check.Det(shape, 0.11)).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void NearestMatchesPyTorch()
    {
        int[] x4 = [2, 2, 3, 4], x3 = [2, 3, 5];
        Matches(x4, x => F.Interpolate(x, scaleFactor: 2), [2, 2, 6, 8], "UpsampleNearest2DBackward0",
            [0.637743819039746, 95.45576082830124, 1.0, 1.0, 0.9323273456060345, 0.9323273456060345, 0.7384685587295879, 0.7730439157508521, 136.91332345260304, 0.6654083106275136]);
        Matches(x4, x => F.Interpolate(x, size: [5, 7]), [2, 2, 5, 7], "UpsampleNearest2DBackward0",
            [4.121293030172164, 69.71707382027398, 1.0, 1.0, 0.9323273456060345, 0.9323273456060345, 0.7384685587295879, 3.2027336926404244, 122.30942773857453, 4.248185247634903]);
        // the scale (1/1.7 in float) picks the sources, not in/out: 4 -> 6 columns read 0,0,1,1,2,2
        Matches(x4, x => F.Interpolate(x, scaleFactor: 1.7), [2, 2, 5, 6], "UpsampleNearest2DBackward0",
            [-4.698355740591248, 60.15655699199032, 1.0, 1.0, 0.9323273456060345, 0.9323273456060345, 0.7384685587295879, 3.5932669211479484, 123.2215739993928, 0.05285628446007118]);
        Matches(x4, x => F.Interpolate(x, size: [2, 3]), [2, 2, 2, 3], "UpsampleNearest2DBackward0",
            [2.185053369269975, 11.796208439046548, 1.0, 0.9323273456060345, 0.7384685587295879, 0.09067162446430968, -0.27559024682451294, -2.8533925363616452, 11.172228784772715, 10.701735996090388]);
        Matches(x4, x => F.Interpolate(x, scaleFactor: [0.6, 1.5]), [2, 2, 1, 6], "UpsampleNearest2DBackward0",
            [7.011196306272755, 11.6865634730208, 1.0, 1.0, 0.9323273456060345, 0.7384685587295879, 0.7384685587295879, -2.8533925363616457, 18.591639279671412, 9.885068395027414]);
        Matches(x3, x => F.Interpolate(x, scaleFactor: 2), [2, 3, 10], "UpsampleNearest1DBackward0",
            [2.975246632986742, 30.72185447826261, 1.0, 1.0, 0.9323273456060345, 0.9323273456060345, 0.7384685587295879, 4.419513743192907, 61.46394905174954, -3.614055776066569]);
        Matches(x3, x => F.Interpolate(x, 8), [2, 3, 8], "UpsampleNearest1DBackward0",
            [24.40681253978343, 25.070885810974048, 1.0, 1.0, 0.9323273456060345, 0.9323273456060345, 0.7384685587295879, -3.8465771536108333, 42.89559700193413, 5.1827539162110705]);
    }

    [Fact]
    public void LinearMatchesPyTorch()
    {
        int[] x4 = [2, 2, 3, 4], x3 = [2, 3, 5];
        Matches(x4, x => F.Interpolate(x, 2.0, "bilinear"), [2, 2, 6, 8], "UpsampleBilinear2DBackward0",
            [6.788756752570092, 72.2432618532842, 1.0, 0.9830818364015086, 0.9492455092045259, 0.8838626488869229, 0.7869332554486995, 0.7730439157508531, 48.89019633245806, -1.0820831277278018]);
        Matches(x4, x => F.Interpolate(x, [5, 7], mode: "bilinear"), [2, 2, 5, 7], "UpsampleBilinear2DBackward0",
            [0.6606080652688863, 56.51764567136591, 1.0, 0.975831194859298, 0.9371611066341748, 0.8353979521678112, 0.7174823414447394, 3.2027336926404253, 91.51461337253977, 2.9694641765720764]);
        Matches(x4, x => F.Interpolate(x, [5, 7], mode: "bilinear", alignCorners: true), [2, 2, 5, 7], "UpsampleBilinear2DBackward0",
            [1.938685421800541, 56.21063390187841, 1.0, 0.9661636728030172, 0.9323273456060345, 0.8353979521678112, 0.7384685587295879, 3.2027336926404244, 88.70653941332662, 3.6551002600654443]);
        Matches(x4, x => F.Interpolate(x, 1.7, "bilinear"), [2, 2, 5, 6], "UpsampleBilinear2DBackward0",
            [-1.1965891910910285, 47.95671088128155, 1.0, 0.9741251615552484, 0.9343177177940922, 0.8239944941162555, 0.6952616407901937, 3.5932669211479493, 79.39683547106631, 1.3782399835802583]);
        Matches(x4, x => F.Interpolate(x, 1.7, "bilinear", alignCorners: true), [2, 2, 5, 6], "UpsampleBilinear2DBackward0",
            [-0.8314830230501219, 48.010619329345865, 1.0, 0.9593964073636206, 0.8935555882307451, 0.7772403161048773, 0.6209457419344355, 3.593266921147948, 73.32228292440041, 1.5416715288742544]);
        Matches(x4, x => F.Interpolate(x, [2, 3], mode: "bilinear"), [2, 2, 2, 3], "UpsampleBilinear2DBackward0",
            [-0.3881564056645931, 7.624257135956342, 0.7489479130131308, 0.5165306493905532, 0.1675967187009839, -0.7301042978761565, -0.7964192427535453, -2.8533925363616452, 5.666474992931512, 10.838081410601466]);
        Matches(x4, x => F.Interpolate(x, [1, 1], mode: "bilinear", alignCorners: true), [2, 2, 1, 1], "UpsampleBilinear2DBackward0",
            [0.5341098420362599, 2.335565744028101, 1.0, -0.2690331031173999, -0.855242378854045, 0.7292101253186201, 3.6409649075280064, 3.3457567427334114, -0.07109256969688987]);
        Matches(x3, x => F.Interpolate(x, 2.5, "linear"), [2, 3, 12], "UpsampleLinear1DBackward0",
            [-3.2959091366485427, 36.476329438705704, 1.0, 0.9932327345606035, 0.9661636728030172, 0.939094611045431, 0.8741697095431005, -2.4286103310847036, 87.52000556285915, 3.4406125230479856]);
        Matches(x3, x => F.Interpolate(x, 3, "linear", alignCorners: true), [2, 3, 3], "UpsampleLinear1DBackward0",
            [1.3540334442073734, 9.160396534050168, 1.0, 0.7384685587295879, 0.09067162446430968, -0.27559024682451294, -0.8516909814865656, -2.8678766944971374, 10.325599274448876, 9.393313987422871]);
        Matches(x3, x => F.Interpolate(x, 8, "linear"), [2, 3, 8], "UpsampleLinear1DBackward0",
            [24.250593601084848, 24.172023888026562, 1.0, 0.9703932137026401, 0.9202111714262565, 0.7990494296284775, 0.6466538581083752, -3.846577153610833, 38.4336126221719, 5.203683723485514]);
    }

    [Fact]
    public void RecomputeScaleFactorAndFloat32MatchPyTorch()
    {
        var x = Check.Det([1, 1, 3, 4], 0.37);
        // recompute_scale_factor=True: the sources come from in/out (4 -> 6 columns read 0,0,1,2,2,3)
        Check.Close([1.0, 1.0, 0.9323273456060345, 0.7384685587295879, 0.7384685587295879, 0.44466151674170695, 1.0, 1.0, 0.9323273456060345, 0.7384685587295879, 0.7384685587295879, 0.44466151674170695, 0.09067162446430968, 0.09067162446430968, -0.27559024682451294, -0.6045522710579293, -0.6045522710579293, -0.8516909814865656, 0.09067162446430968, 0.09067162446430968, -0.27559024682451294, -0.6045522710579293, -0.6045522710579293, -0.8516909814865656, -0.9835573130340064, -0.9835573130340064, -0.9823037763382317, -0.848100031710408, -0.848100031710408, -0.599109926407685],
            F.Interpolate(x, 1.7, recomputeScaleFactor: true), 1e-15);
        Check.Close([1.0, 0.9661636728030172, 0.9000175477932935, 0.7707783565423291, 0.5915650377356474, 0.44466151674170695, 0.636268649785724, 0.5427144792097697, 0.40784362833060983, 0.24257690711778687, 0.06369037213248951, -0.07387948254960201, 0.09067162446430968, -0.0924593111801016, -0.3304172508634156, -0.5497252670190266, -0.7281216262722474, -0.8516909814865656, -0.5538657380346799, -0.6267420512837119, -0.7081287916855229, -0.7421705002966378, -0.725411637944327, -0.7001423484392374, -0.9835573130340064, -0.982930544686119, -0.9599364855669277, -0.8704673224817121, -0.7236049790590465, -0.599109926407685],
            F.Interpolate(x, 1.7, "bilinear", recomputeScaleFactor: true), 1e-12);
        var xf = x.To(DType.Float32);
        var yf = F.Interpolate(xf, 1.7, "bilinear");
        Assert.Equal(DType.Float32, yf.DType);
        Check.Close([1.0, 0.9741251468658447, 0.9343177080154419, 0.823994517326355, 0.6952616572380066, 0.5224339365959167, 0.652315616607666, 0.5827888250350952, 0.4758246839046478, 0.3332764506340027, 0.18437771499156952, 0.022046342492103577, 0.11741649359464645, -0.01926698535680771, -0.22954928874969482, -0.42167457938194275, -0.6015976667404175, -0.7477807402610779, -0.5096328258514404, -0.5711479187011719, -0.6657865643501282, -0.709710955619812, -0.7362245917320251, -0.7185129523277283, -0.9835572838783264, -0.9830780029296875, -0.9823406934738159, -0.9073076248168945, -0.8114838004112244, -0.6650190353393555],
            yf, 1e-6);
        Check.Close([1.0, 1.0, 0.9323273301124573, 0.9323273301124573, 0.738468587398529, 0.738468587398529, 1.0, 1.0, 0.9323273301124573, 0.9323273301124573, 0.738468587398529, 0.738468587398529, 0.09067162126302719, 0.09067162126302719, -0.2755902409553528, -0.2755902409553528, -0.6045522689819336, -0.6045522689819336, 0.09067162126302719, 0.09067162126302719, -0.2755902409553528, -0.2755902409553528, -0.6045522689819336, -0.6045522689819336, -0.9835572838783264, -0.9835572838783264, -0.9823037981987, -0.9823037981987, -0.8481000065803528, -0.8481000065803528],
            F.Interpolate(xf, 1.7), 0);
        Assert.Equal([0, 2, 6, 8], F.Interpolate(Tensor.Zeros([0, 2, 3, 4], DType.Float64), 2.0).Shape);
    }

    [Fact]
    public void PassesGradCheckTwice()
    {
        Tensor.ManualSeed(5);
        var x4 = Tensor.Randn([1, 2, 3, 4], DType.Float64, requiresGrad: true);
        var x3 = Tensor.Randn([2, 2, 5], DType.Float64, requiresGrad: true);
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], 1.7), [x4]));
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], [5, 3], mode: "bilinear"), [x4]));
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], 2.5, "bilinear", alignCorners: true), [x4]));
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], 3), [x3]));
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], 7, "linear"), [x3]));
        Assert.True(Autograd.GradCheck(a => F.Interpolate(a[0], 3, "linear", alignCorners: true), [x3]));
        foreach (var (f, x, node) in new (Func<Tensor, Tensor>, Tensor, string)[]
        {
            (t => F.Interpolate(t, 2.0, "bilinear"), x4, "UpsampleBilinear2DBackwardBackward0"),
            (t => F.Interpolate(t, 2.0), x4, "UpsampleNearest2DBackwardBackward0"),
            (t => F.Interpolate(t, 2.0, "linear"), x3, "UpsampleLinear1DBackwardBackward0"),
            (t => F.Interpolate(t, 2.0), x3, "UpsampleNearest1DBackwardBackward0"),
        })
        {
            var y = f(x);
            var go = Tensor.OnesLike(y).RequiresGrad_();
            var g = Autograd.Grad([y], [x], [go], createGraph: true)[0]!;
            Assert.Equal(node, g.GradFn!.Name);
            // g = Uᵀ go, so d sum(g·g)/d go = 2·U(g)
            var gg = Autograd.Grad([(g * g).Sum()], [go])[0]!;
            Check.Close(f(g.Detach()) * 2.0, gg, 1e-12);
        }
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var x = Check.Det([1, 1, 3, 4], 0.37);
        var x3 = Check.Det([2, 3, 5], 0.37);
        string Msg<TE>(Func<Tensor> f) where TE : Exception => Assert.Throws<TE>(f).Message;
        Assert.Equal("either size or scale_factor should be defined", Msg<ArgumentException>(() => F.Interpolate(x)));
        Assert.Equal("only one of size or scale_factor should be defined", Msg<ArgumentException>(() => F.Interpolate(x, [2, 2], [2.0, 2.0])));
        Assert.Equal("Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and output size of [3, 4]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.",
            Msg<ArgumentException>(() => F.Interpolate(x3, size: [3, 4])));
        Assert.Equal("Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [5] and scale_factor of shape [2.0, 3.0]. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.",
            Msg<ArgumentException>(() => F.Interpolate(x3, scaleFactor: [2.0, 3.0])));
        Assert.Equal("recompute_scale_factor is not meaningful with an explicit size.",
            Msg<ArgumentException>(() => F.Interpolate(x3, size: [3], recomputeScaleFactor: true)));
        Assert.Equal("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear",
            Msg<ArgumentException>(() => F.Interpolate(x, 3, "nearest", alignCorners: true)));
        Assert.Equal("Got 4D input, but linear mode needs 3D input", Msg<InvalidOperationException>(() => F.Interpolate(x, 3, "linear")));
        Assert.Equal("Got 3D input, but bilinear mode needs 4D input", Msg<InvalidOperationException>(() => F.Interpolate(x3, 3, "bilinear")));
        Assert.Equal("Input Error: Only 3D, 4D and 5D input Tensors supported (got 4D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got foo)",
            Msg<InvalidOperationException>(() => F.Interpolate(x, 3, "foo")));
        Assert.Equal("Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got nearest)",
            Msg<InvalidOperationException>(() => F.Interpolate(x.Reshape(3, 4), 3)));
        Assert.Equal("Input and output sizes should be greater than 0, but got input (H: 3, W: 4) output (H: 0, W: 0)",
            Msg<ArgumentException>(() => F.Interpolate(x, 0.1)));
        Assert.Equal("Input and output sizes should be greater than 0, but got input (H: 3, W: 4) output (H: -3, W: -4)",
            Msg<ArgumentException>(() => F.Interpolate(x, -1.0)));
        Assert.Equal("Input and output sizes should be greater than 0, but got input (H: 3, W: 4) output (H: 3, W: -1)",
            Msg<ArgumentException>(() => F.Interpolate(x, size: [3, -1])));
        Assert.Equal("Input and output sizes should be greater than 0, but got input (W: 5) and output (W: 0)",
            Msg<ArgumentException>(() => F.Interpolate(x3, 0)));
        Assert.Equal("Non-empty 3D data tensor expected but got a tensor with sizes [2, 0, 5]",
            Msg<ArgumentException>(() => F.Interpolate(x3.Narrow(1, 0, 0), 3)));
        Assert.Equal("\"upsample_nearest2d_channels_last\" not implemented for 'Long'", Msg<ArgumentException>(() => F.Interpolate(x.To(DType.Int64), 3)));
        Assert.Equal("\"upsample_bilinear2d_channels_last\" not implemented for 'Long'", Msg<ArgumentException>(() => F.Interpolate(x.To(DType.Int64), 3, "bilinear")));
        Assert.Equal("\"compute_indices_weights_nearest\" not implemented for 'Long'", Msg<ArgumentException>(() => F.Interpolate(x3.To(DType.Int64), 3)));
        Assert.Equal("\"compute_indices_weights_linear\" not implemented for 'Long'", Msg<ArgumentException>(() => F.Interpolate(x3.To(DType.Int64), 3, "linear")));
    }

    [Fact]
    public void UpsampleModuleMatchesPyTorch()
    {
        Assert.Equal("Upsample(scale_factor=2.0, mode='bilinear')", new Upsample(scaleFactor: 2, mode: "bilinear").ToString());
        Assert.Equal("Upsample(size=(3, 4), mode='nearest')", new Upsample([3, 4]).ToString());
        Assert.Equal("Upsample(size=5, mode='nearest')", new Upsample(5).ToString());
        Assert.Equal("Upsample(scale_factor=2.0, mode='nearest')", new Upsample(2.0).ToString());
        Assert.Equal("Upsample(size=5, mode='linear')", new Upsample(5, "linear", alignCorners: true).ToString());
        Assert.Equal("Upsample(scale_factor=(2.0, 1.5), mode='nearest')", new Upsample([2.0, 1.5]).ToString());
        Assert.Equal("Upsample(scale_factor=(2.0,), mode='nearest')", new Upsample([2.0]).ToString());
        Assert.Equal("Upsample(size=(4,), mode='nearest')", new Upsample([4]).ToString());
        var x = Check.Det([2, 2, 3, 4], 0.37);
        Check.Close(F.Interpolate(x, 1.7, "bilinear", alignCorners: true), new Upsample(1.7, "bilinear", true).Forward(x), 0);
        Check.Close(F.Interpolate(x, [5, 7]), new Upsample([5, 7]).Forward(x), 0);
        Assert.Equal([2, 2, 5, 5], new Upsample(5).Forward(x).Shape);
        Assert.Equal("UpsamplingNearest2d(scale_factor=2.0, mode='nearest')", new UpsamplingNearest2d(2.0).ToString());
        Assert.Equal("UpsamplingBilinear2d(size=4, mode='bilinear')", new UpsamplingBilinear2d(4).ToString());
        Assert.Equal("UpsamplingBilinear2d(scale_factor=(2.0, 3.0), mode='bilinear')", new UpsamplingBilinear2d([2.0, 3.0]).ToString());
        Assert.Equal("UpsamplingNearest2d(size=(3, 5), mode='nearest')", new UpsamplingNearest2d([3, 5]).ToString());
        // UpsamplingBilinear2d is bilinear with align_corners=True
        var x1 = Check.Det([1, 2, 3, 4], 0.37);
        var y1 = new UpsamplingBilinear2d(1.5).Forward(x1);
        Assert.Equal([1, 2, 4, 6], y1.Shape);
        Check.Close(7.893116807746022, (y1 * Check.Det([1, 2, 4, 6], 0.23)).Sum().Item<double>(), 1e-12);
        // a non-contiguous (transposed) input
        var yt = F.Interpolate(Check.Det([1, 2, 4, 3], 0.37).Transpose(2, 3), [4, 5], mode: "bilinear");
        Check.Close(6.424816689919307, (yt * Check.Det([1, 2, 4, 5], 0.23)).Sum().Item<double>(), 1e-12);
    }

    [Fact]
    public void AreaMatchesPyTorch()
    {
        // PyTorch 2.6: area mode is adaptive average pooling to the output size; a scale factor sets that size (floor).
        var x = Tensor.Arange(42, DType.Float64).Reshape(2, 3, 7).Sin().RequiresGrad_();
        var y = F.Interpolate(x, 3, "area");
        Assert.Equal([2, 3, 3], y.Shape);
        Assert.Equal("SqueezeBackward1", y.GradFn!.Name);
        Check.Close([-0.6878332187654221, 0.20554194387882455, 0.5167619593195759], y.Select(0, 1).Select(0, 2), 1e-14);
        Check.Close(-0.27653281954506215, y.Sum().Item<double>(), 1e-13);
        Check.Close([0.6861544435279758, -0.3772976107327722, -0.37213202924149913], F.Interpolate(x, 0.5, "area").Select(0, 0).Select(0, 1), 1e-14);
        var up = F.Interpolate(x, 1.7, "area");
        Assert.Equal([2, 3, 11], up.Shape);
        Check.Close([0.0, 0.42073549240394825, 0.8414709848078965, 0.8753842058167891, 0.5252087174427744, 0.1411200080598672,
            -0.3078412436240305, -0.8578633849855333, -0.9589242746631385, -0.6191698864310322, -0.27941549819892586], up.Select(0, 0).Select(0, 0), 1e-14);

        var x2 = Tensor.Arange(60, DType.Float64).Reshape(1, 2, 5, 6).Cos().RequiresGrad_();
        var y2 = F.Interpolate(x2, [2, 4], mode: "area");
        Assert.Equal("AdaptiveAvgPool2DBackward0", y2.GradFn!.Name);
        Check.Close([0.31026202609038805, 0.8374016707453329, -0.19483301789450633, -0.8051755388479845,
            -0.16526781429908047, 0.6159770077314345, 0.2818924037281736, -0.5262811780950929], y2.Select(0, 0).Select(0, 1).Flatten(), 1e-14);
        var s2 = F.Interpolate(x2, scaleFactor: [0.5, 0.7], mode: "area");
        Assert.Equal([1, 2, 2, 4], s2.Shape);
        Check.Close(0.20939495479150994, s2.Sum().Item<double>(), 1e-13);
        Assert.Equal("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear",
            Assert.Throws<ArgumentException>(() => F.Interpolate(x2, [2, 4], mode: "area", alignCorners: true)).Message);
        Assert.Equal("Upsample(scale_factor=0.5, mode='area')", new Upsample(0.5, "area").ToString());
        Check.Close(y2.Detach(), new Upsample([2, 4], "area").Call(x2.Detach()), 0);

        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], 3, "area"), [Check.Det([1, 2, 7], 0.37).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], scaleFactor: [0.5, 1.5], mode: "area"), [Check.Det([1, 2, 5, 4], 0.37).RequiresGrad_()]));
    }

    [Fact]
    public void NearestExactMatchesPyTorch()
    {
        // PyTorch 2.6: source index min(floorf((i + 0.5) · scale), in - 1), scale as float (1/scale_factor when given).
        var x = Tensor.Arange(42, DType.Float64).Reshape(2, 3, 7).Sin().RequiresGrad_();
        double a = -0.428182669496151, b = -0.9917788534431158, c = -0.6435381333569995, d = 0.2963685787093853,
            e = 0.9637953862840878, f = 0.7451131604793488, g = -0.158622668804709;
        Tensor Row(Tensor y) => y.Select(0, 1).Select(0, 2);
        var y3 = F.Interpolate(x, 3, "nearest-exact");
        Assert.Equal("UpsampleNearestExact1DBackward0", y3.GradFn!.Name);
        Check.Close([b, d, f], Row(y3), 1e-15);
        Check.Close([a, b, b, c, d, d, e, f, f, g], Row(F.Interpolate(x, 10, "nearest-exact")), 1e-15);
        Check.Close([a, a, b, c, c, d, d, e, f, f, g], Row(F.Interpolate(x, 1.7, "nearest-exact")), 1e-15);
        Check.Close([b, d, f], Row(F.Interpolate(x, 0.45, "nearest-exact")), 1e-15);
        Check.Close([a, a, b, b, c, c, d, d, e, e, f, f, g, g], Row(F.Interpolate(x, 14, "nearest-exact")), 1e-15);
        var y10 = F.Interpolate(x, 10, "nearest-exact");
        (y10 * Tensor.Arange(60, DType.Float64).Reshape(2, 3, 10).Cos()).Sum().Backward();
        Check.Close([0.9649660284921133, 0.5791634160180771, -0.9182827862121189, -0.8071830766011945, 0.8532201077225842,
            1.019046962418013, -0.7710802229758452], x.Grad!.Select(0, 1).Select(0, 2), 1e-15);
        var xf = Tensor.Arange(42, DType.Float32).Reshape(2, 3, 7).Sin();
        Check.Close([0.0, 0.0, 0.8414709568023682, 0.9092974066734314, 0.9092974066734314, 0.14112000167369843, 0.14112000167369843,
            -0.756802499294281, -0.9589242339134216, -0.9589242339134216, -0.279415488243103],
            F.Interpolate(xf, 1.7, "nearest-exact").Select(0, 0).Select(0, 0), 2e-7); // float sin itself may differ by an ulp

        var x2 = Tensor.Arange(60, DType.Float64).Reshape(1, 2, 5, 6).Cos().RequiresGrad_();
        var z = F.Interpolate(x2, [3, 4], mode: "nearest-exact");
        Assert.Equal("UpsampleNearestExact2DBackward0", z.GradFn!.Name);
        Check.Close([0.15425144988758405, 0.8342233605065102, -0.013276747223059479, -0.9036922050915067, -0.39998531498835127,
            0.9998433086476912, 0.5253219888177297, -0.9923354691509287, -0.8293098328631502, 0.8532201077225842, 0.8998668269691937,
            -0.7710802229758452], z.Select(0, 0).Select(0, 1).Flatten(), 1e-15);
        var zs = F.Interpolate(x2, scaleFactor: [1.5, 0.7], mode: "nearest-exact");
        Assert.Equal([1, 2, 7, 4], zs.Shape);
        Check.Close([0.15425144988758405, 0.8342233605065102, -0.013276747223059479, -0.9036922050915067, -0.12796368962740468,
            0.9550736440472949, 0.26664293235993725, -0.9873392775238264], zs.Select(0, 0).Select(0, 1).Flatten().Narrow(0, 0, 8), 1e-15);
        var z79 = F.Interpolate(x2, [7, 9], mode: "nearest-exact");
        (z79 * Tensor.Arange(126, DType.Float64).Reshape(1, 2, 7, 9).Cos()).Sum().Backward();
        Check.Close([0.9858965815825497, -0.17059662080862203, -0.99964745596635, -0.0776267772934644, 0.9933903797222716,
            0.32429647492022917], x2.Grad!.Select(0, 0).Select(0, 1).Flatten().Narrow(0, 0, 6), 1e-15);

        Assert.Equal("\"compute_indices_weights_nearest\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.Interpolate(x.Detach().To(DType.Int64), 3, "nearest-exact")).Message);
        Assert.Equal("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear",
            Assert.Throws<ArgumentException>(() => F.Interpolate(x2, [3, 4], mode: "nearest-exact", alignCorners: true)).Message);
        Assert.Equal("Upsample(scale_factor=2.0, mode='nearest-exact')", new Upsample(2.0, "nearest-exact").ToString());
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [4, 7], mode: "nearest-exact"), [Check.Det([1, 2, 3, 5], 0.37).RequiresGrad_()]));
    }

    [Fact]
    public void BicubicMatchesPyTorch()
    {
        // With x = cos(arange) of shape (1, 2, 5, 6) and w = cos(arange) of y's shape: y's node and shape, sum(y·w), sum(y²),
        // y's first five values, then for g = d sum(y·w) / dx: sum(g), sum(g²) and g's first four values (PyTorch 2.6).
        var x = Tensor.Arange(60, DType.Float64).Reshape(1, 2, 5, 6).Cos();
        void Case(Func<Tensor, Tensor> f, int[] shape, double[] e)
        {
            var xg = x.Detach().RequiresGrad_();
            var y = f(xg);
            Assert.Equal("UpsampleBicubic2DBackward0", y.GradFn!.Name);
            Assert.Equal(shape, y.Shape);
            var w = Tensor.Arange(y.Numel, DType.Float64).Reshape(shape).Cos();
            Check.Close(e[0], (y * w).Sum().Item<double>(), 1e-13);
            Check.Close(e[1], (y * y).Sum().Item<double>(), 1e-12);
            int n = Math.Min(5, y.Numel);
            Check.Close(e[2..(2 + n)], y.Flatten().Narrow(0, 0, n), 1e-14);
            (y * w).Sum().Backward();
            var g = xg.Grad!;
            Check.Close(e[2 + n], g.Sum().Item<double>(), 1e-13);
            Check.Close(e[3 + n], (g * g).Sum().Item<double>(), 1e-12);
            Check.Close(e[(4 + n)..(8 + n)], g.Flatten().Narrow(0, 0, 4), 1e-14);
        }
        Case(t => F.Interpolate(t, [3, 4], mode: "bicubic"), [1, 2, 3, 4], [-0.6903543547256655, 11.583864547989231, 0.9376971589403474,
            -0.08013578015188336, -1.0111792767593173, 0.013020291005540276, 0.8853569657122113, -0.5409145400193033, 7.098881314323393,
            0.5169328220591658, 0.276215958929913, 0.33136193475570447, -0.26580706860888914]);
        Case(t => F.Interpolate(t, [7, 9], mode: "bicubic"), [1, 2, 7, 9], [0.33332225091297435, 64.34454180752878, 1.0447713050688296,
            0.8533998975738688, 0.35364015252643266, -0.25936344590265975, -0.8403970501043457, 0.33003000776064734, 15.499096840906198,
            0.793444270886193, -0.5302663418679237, -0.8830516249284552, 0.41495566838375925]);
        Case(t => F.Interpolate(t, [7, 9], mode: "bicubic", alignCorners: true), [1, 2, 7, 9], [0.2759058459199946, 63.80569913443112, 1.0,
            0.8110337293606941, 0.2952973173479567, -0.2797299532815482, -0.8242694807755547, 0.3300300077606488, 13.369724765431535,
            0.7550474786903785, -0.3317926200649675, -0.9843567763505031, 0.4233375630230601]);
        Case(t => F.Interpolate(t, scaleFactor: [1.5, 0.7], mode: "bicubic"), [1, 2, 7, 4], [-0.025102376302295004, 27.35562084894671,
            0.9378372894251588, -0.07999306344428876, -1.0053783699392642, -0.1311394864033748, 0.9482678370344206, -0.4039564066447492,
            6.226509578486024, 0.5650447076712258, 0.483424174480848, 0.5850392028237043, 0.07380954717792702]);
        Case(t => F.Interpolate(t, 2.0, "bicubic", alignCorners: false), [1, 2, 10, 12], [-0.4121772254411735, 122.3849993130493,
            1.0555035959469967, 0.9278314510421141, 0.729490278862518, 0.26787586820341663, -0.18534445469706864, 1.2024222210502344,
            386.67592097288593, 3.36644940508267, -2.1957837304880066, -1.5895676849053175, 3.540222794068794]);
        Case(t => F.Interpolate(t, [1, 1], mode: "bicubic"), [1, 2, 1, 1], [0.11788326069448862, 0.9326593603805842, -0.36516953442966255,
            0.8940417056854829, 1.5403023058681398, 0.9336188188257396, 0.0, 0.0, 0.0, 0.0]);
        Case(t => F.Interpolate(t, [1, 1], mode: "bicubic", alignCorners: true), [1, 2, 1, 1], [1.0833424140577654, 1.0237935097924218, 1.0,
            0.15425144988758405, 1.5403023058681398, 1.291926581726429, 1.0, 0.0, 0.0, 0.0]);

        var yf = F.Interpolate(x.To(DType.Float32), [7, 9], mode: "bicubic");
        Check.Close([1.044771671295166, 0.8533996939659119, 0.35364025831222534, -0.259363055229187, -0.8403970003128052, -1.009845495223999],
            yf.Flatten().Narrow(0, 0, 6), 1e-6);
        Check.Close(1.5652430057525635, yf.Sum().Item<double>(), 1e-5);

        Assert.Equal("Input Error: Only 3D, 4D and 5D input Tensors supported (got 3D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got bicubic)",
            Assert.Throws<InvalidOperationException>(() => F.Interpolate(Tensor.Zeros([2, 3, 5]), 3, "bicubic")).Message);
        Assert.Equal("\"compute_indices_weights_cubic\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.Interpolate(x.To(DType.Int64), [3, 4], mode: "bicubic")).Message);
        Assert.Equal("Upsample(scale_factor=2.0, mode='bicubic')", new Upsample(2.0, "bicubic", alignCorners: true).ToString());
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [4, 7], mode: "bicubic"), [Check.Det([1, 2, 3, 5], 0.37).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [2, 3], mode: "bicubic", alignCorners: true), [Check.Det([1, 1, 4, 5], 0.37).RequiresGrad_()]));
    }

    [Fact]
    public void FiveDimensionalModesMatchPyTorch()
    {
        // x = cos(arange) of shape (1, 2, 3, 4, 5), w = cos(arange) of y's shape: node, shape, sum(y·w), sum(y²), y's first
        // five values; g = d sum(y·w) / dx: sum(g), sum(g²), g's first four values (PyTorch 2.6).
        var x = Tensor.Arange(120, DType.Float64).Reshape(1, 2, 3, 4, 5).Cos();
        void Case(Func<Tensor, Tensor> f, string node, int[] shape, double[] e)
        {
            var xg = x.Detach().RequiresGrad_();
            var y = f(xg);
            Assert.Equal(node, y.GradFn!.Name);
            Assert.Equal(shape, y.Shape);
            var w = Tensor.Arange(y.Numel, DType.Float64).Reshape(shape).Cos();
            Check.Close(e[0], (y * w).Sum().Item<double>(), 1e-12);
            Check.Close(e[1], (y * y).Sum().Item<double>(), 1e-12);
            Check.Close(e[2..7], y.Flatten().Narrow(0, 0, 5), 1e-14);
            (y * w).Sum().Backward();
            var g = xg.Grad!;
            Check.Close(e[7], g.Sum().Item<double>(), 1e-12);
            Check.Close(e[8], (g * g).Sum().Item<double>(), 1e-12);
            Check.Close(e[9..13], g.Flatten().Narrow(0, 0, 4), 1e-14);
        }
        Case(t => F.Interpolate(t, [5, 3, 7], mode: "trilinear"), "UpsampleTrilinear3DBackward0", [1, 2, 5, 3, 7], [1.4150039426348344,
            61.52586161819895, 0.8806103642438711, 0.7261360433417604, 0.37273202912310727, -0.22113865473206795, -0.66978515335331,
            1.3700152391131666, 28.60529391939708, 0.5381564925181125, -0.46642023852505654, -0.8021348583777557, 0.28483874365642886]);
        Case(t => F.Interpolate(t, [5, 3, 7], mode: "trilinear", alignCorners: true), "UpsampleTrilinear3DBackward0", [1, 2, 5, 3, 7],
            [2.5336299112637026, 71.74485336652812, 1.0, 0.6935348705787598, 0.2214859250630458, -0.4161468365471424, -0.798710609916011,
            1.3700152391131666, 30.307974161852044, 0.7395760007781396, -0.42816096936201337, -1.0581048468138523, 0.29938642113044767]);
        Case(t => F.Interpolate(t, scaleFactor: [1.5, 0.8, 2.0], mode: "trilinear"), "UpsampleTrilinear3DBackward0", [1, 2, 4, 3, 10],
            [0.446950072699031, 63.05626772550847, 0.9104577731829033, 0.8310397807536569, 0.6722037958951643, 0.3771166775529794,
            -0.05422157427289791, 1.202422221050241, 48.531227139319775, 1.5974192932671087, -0.6709616709694274, -0.839733224397952,
            1.3698663207229058]);
        Case(t => F.Interpolate(t, [5, 3, 7]), "UpsampleNearest3DBackward0", [1, 2, 5, 3, 7], [1.07069569491993, 104.92654961418616, 1.0, 1.0,
            0.5403023058681398, -0.4161468365471424, -0.4161468365471424, 1.3700152391131655, 77.74354347410609, -0.007387780750765738,
            -0.9489798568805399, -0.228254298263587, 0.9305815077918667]);
        Case(t => F.Interpolate(t, 2.0), "UpsampleNearest3DBackward0", [1, 2, 6, 8, 10], [-0.3186729513640696, 482.5625640944212, 1.0, 1.0,
            0.5403023058681398, 0.5403023058681398, -0.4161468365471424, -0.508779920961433, 107.59186521633094, -0.07048586409504976,
            1.2353634765003445, -0.9576993413679469, -0.4382763739532388]);
        Case(t => F.Interpolate(t, [5, 3, 7], mode: "nearest-exact"), "UpsampleNearestExact3DBackward0", [1, 2, 5, 3, 7], [0.12996716372867434,
            109.70903358515096, 1.0, 0.5403023058681398, 0.5403023058681398, -0.4161468365471424, -0.9899924966004454, 1.3700152391131657,
            76.97571416689894, 0.4522707397757316, -1.4086383774070372, -0.5658134892634484, 1.2681406987917283]);

        string Msg<TE>(Func<Tensor> f) where TE : Exception => Assert.Throws<TE>(f).Message;
        Assert.Equal("\"compute_indices_weights_nearest\" not implemented for 'Long'", Msg<ArgumentException>(() => F.Interpolate(x.To(DType.Int64), [2, 2, 2])));
        Assert.Equal("\"compute_indices_weights_linear\" not implemented for 'Long'",
            Msg<ArgumentException>(() => F.Interpolate(x.To(DType.Int64), [2, 2, 2], mode: "trilinear")));
        Assert.Equal("Got 4D input, but trilinear mode needs 5D input", Msg<InvalidOperationException>(() => F.Interpolate(Tensor.Zeros([1, 2, 3, 4]), 2, "trilinear")));
        Assert.Equal("Got 5D input, but bilinear mode needs 4D input", Msg<InvalidOperationException>(() => F.Interpolate(x, 2, "bilinear")));
        Assert.Equal("Input and output sizes should be greater than 0, but got input (D: 3, H: 4, W: 5) output (D: 2, H: 0, W: 2)",
            Msg<ArgumentException>(() => F.Interpolate(x, [2, 0, 2], mode: "trilinear")));
        Assert.Equal("Upsample(scale_factor=(2.0, 1.0, 2.0), mode='trilinear')", new Upsample([2.0, 1.0, 2.0], "trilinear").ToString());
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [3, 2, 4], mode: "trilinear"), [Check.Det([1, 1, 2, 3, 3], 0.37).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [3, 2, 4], mode: "trilinear", alignCorners: true), [Check.Det([1, 1, 2, 3, 3], 0.37).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => F.Interpolate(t[0], [3, 5, 4]), [Check.Det([1, 1, 2, 3, 3], 0.37).RequiresGrad_()]));
    }
}
