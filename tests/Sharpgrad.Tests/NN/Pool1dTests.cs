using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool1d: values, gradients, graph, repr and messages from PyTorch 2.6.</summary>
public class Pool1dTests
{
    /// <summary>The grad_fn chain through first inputs, as the oracle lists it.</summary>
    private static string[] Chain(Tensor y)
    {
        var names = new List<string>();
        for (var f = y.GradFn; f is not null; f = f.NextFunctions.Count > 0 ? f.NextFunctions[0].Node : null) names.Add(f.Name);
        return [.. names];
    }

    private static void Matches(Func<Tensor, Tensor> f, string node, int[] shape, double[] y, double[] grad)
    {
        var x = Check.Det([2, 2, 8], 0.7).RequiresGrad_();
        var r = f(x);
        Assert.Equal(["SqueezeBackward1", node, "UnsqueezeBackward0"], Chain(r).Take(3));
        Assert.Equal(shape, r.Shape);
        Check.Close(y, r, 1e-12);
        (r * r.Detach().Cos()).Sum().Backward();
        Check.Close(grad, x.Grad!, 1e-12);
        Assert.True(Autograd.GradCheck(a => f(a[0]), [Check.Det([2, 2, 8], 0.7).RequiresGrad_()]));
    }

    [Fact]
    public void MaxPool1dMatchesPyTorch()
    {
        Matches(x => new MaxPool1d(3, 2, 1).Call(x), "MaxPool2DWithIndicesBackward0", [2, 2, 4],
            [1.0, 0.7648421872844885, -0.5048461045998571, 0.18651236942257488, 0.9998586363834151, 0.9998586363834151, 0.15337386203786524, -0.4755369279959925, 0.7860702961410383, 0.9994345855010047, 0.7427491727036707, -0.5335843865891177, 0.2194399632114593, 0.9987279672435017, 0.9987279672435017, 0.12006191504243026],
            [0.5403023058681398, 0.7214916395975273, 0.0, 0.8752489198018022, 0.0, 0.0, 0.0, 0.9826569315077914, 0.0, 1.0808425077015904, 0.0, 0.9882612676923097, 0.0, 0.0, 0.0, 0.8890470356311927, 0.0, 0.7066313518793512, 0.5407779993725029, 0.7366120364909265, 0.0, 0.8609895048741445, 0.0, 0.0, 0.0, 0.9760195129006697, 0.0, 1.082744494226208, 0.0, 0.992801221964525, 0.0, 0.0]);
        Matches(x => F.MaxPool1d(x, 2, dilation: 2, ceilMode: true), "MaxPool2DWithIndicesBackward0", [2, 2, 4],
            [1.0, 0.16996714290024104, -0.4902608213407002, -0.4902608213407002, 0.7755658785102496, 0.7539022543433046, -0.5192886541166841, -0.9304262721047539, 0.9994345855010047, 0.9994345855010047, 0.1367372182078336, -0.9529529168871798, 0.7963524702919231, 0.7963524702919231, 0.7313860956454992, -0.5477292602242684],
            [0.5403023058681398, 0.0, 0.9855903252188672, 0.0, 0.0, 0.0, 1.7644201586496464, 0.0, 0.7140249654013398, 0.0, 0.729023376891063, 0.0, 0.8681724137245286, 0.0, 0.5974922197626534, 0.0, 0.0, 0.0, 1.0815559987450059, 0.0, 0.9906660233496577, 0.0, 0.579278608519763, 0.0, 0.0, 0.0, 1.3986372930906217, 0.0, 0.7442493417064652, 0.0, 0.8537092098027929, 0.0]);
        var (_, idx) = F.MaxPool1dWithIndices(Check.Det([1, 2, 8], 0.7), 3, 2, 1);
        Assert.Equal([0L, 1, 3, 7, 1, 1, 3, 7], idx.Flatten().ToArray<long>());
        var u = F.MaxPool1d(Check.Det([2, 7], 0.7).RequiresGrad_(), 2); // unbatched [C, L]
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Check.Close([1.0, 0.16996714290024104, -0.9364566872907963, 0.7755658785102496, 0.9998586363834151, 0.15337386203786524], u, 1e-12);
    }

    [Fact]
    public void AvgAndAdaptiveAvgPool1dMatchPyTorch()
    {
        Matches(x => new AvgPool1d(3, 2, 1).Call(x), "AvgPool2DBackward0", [2, 2, 4],
            [0.5882807290948295, 0.1433210751949575, -0.7945083775197705, -0.4134017130696406, 0.5918081716312216, 0.6357115842548616, -0.4378787980699769, -0.7845616007439528, 0.32969171998659624, 0.8427513514485713, 0.1153006681074622, -0.8035567011831427, -0.08041287473330212, 0.6715068002489613, 0.6167253259771437, -0.46186071702785125],
            [0.2772986619543523, 0.6072143629807525, 0.32991570102640017, 0.5634609119584212, 0.233545210932021, 0.5387983991235967, 0.3052531881915757, 0.3052531881915757, 0.27664444168548996, 0.5448609073203721, 0.26821646563488216, 0.5701008425330703, 0.30188437689818814, 0.5377837345025112, 0.23589935760432304, 0.23589935760432304, 0.31538073152054463, 0.5371845739125163, 0.2218038423919716, 0.5529239219729729, 0.33112007958100126, 0.5625037085013275, 0.23138362892032624, 0.23138362892032624, 0.33225620886180846, 0.5932179003892936, 0.2609616915274851, 0.5328872882620472, 0.2719255967345622, 0.5703338917391134, 0.29840829500455124, 0.29840829500455124]);
        Matches(x => F.AvgPool1d(x, 3, 2, 1, ceilMode: true, countIncludePad: false), "AvgPool2DBackward0", [2, 2, 5],
            [0.8824210936422443, 0.1433210751949575, -0.7945083775197705, -0.4134017130696406, 0.18651236942257488, 0.8877122574468324, 0.6357115842548616, -0.4378787980699769, -0.7845616007439528, -0.4755369279959925, 0.49453757997989434, 0.8427513514485713, 0.1153006681074622, -0.8035567011831427, -0.9241328000731309, -0.12061931209995319, 0.6715068002489613, 0.6167253259771437, -0.46186071702785125, -0.9579148059017156],
            [0.31764162381516076, 0.6475573248415609, 0.32991570102640017, 0.5634609119584212, 0.233545210932021, 0.5387983991235967, 0.3052531881915757, 1.2879101196993672, 0.31559405901487775, 0.5838105246497599, 0.26821646563488216, 0.5701008425330703, 0.30188437689818814, 0.5377837345025112, 0.23589935760432304, 1.1249463932355157, 0.4400941399456267, 0.6618979823375983, 0.2218038423919716, 0.5529239219729729, 0.33112007958100126, 0.5625037085013275, 0.23138362892032624, 0.8339105587825363, 0.49636715312275087, 0.757328844650236, 0.2609616915274851, 0.5328872882620472, 0.2719255967345622, 0.5703338917391134, 0.29840829500455124, 0.8736352064208572]);
        Matches(x => new AdaptiveAvgPool1d(3).Call(x), "AdaptiveAvgPool2DBackward0", [2, 2, 3],
            [0.6449364433949099, -0.5533894974147676, -0.4134017130696406, 0.8431089230789898, -0.13993353496665656, -0.7845616007439528, 0.6628365818202645, 0.33633414745584783, -0.8035567011831427, 0.18503794869733892, 0.6616321120558386, -0.46186071702785125],
            [0.2663793251535681, 0.2663793251535681, 0.4790663204658633, 0.21268699531229518, 0.21268699531229518, 0.5179401835038708, 0.3052531881915757, 0.3052531881915757, 0.22171485524780296, 0.22171485524780296, 0.4692711724386051, 0.24755631719080215, 0.24755631719080215, 0.4834556747951252, 0.23589935760432304, 0.23589935760432304, 0.26274996649980703, 0.26274996649980703, 0.4987426771773179, 0.23599271067751085, 0.23599271067751085, 0.4673763395978371, 0.23138362892032624, 0.23138362892032624, 0.32764308979704687, 0.32764308979704687, 0.5248907158844245, 0.19724762608737756, 0.19724762608737756, 0.4956559210919288, 0.29840829500455124, 0.29840829500455124]);
        var x1 = Check.Det([2, 2, 8], 0.7).RequiresGrad_();
        var m1 = F.AdaptiveAvgPool1d(x1, 1);
        Assert.Equal(["SqueezeBackward1", "MeanBackward1", "UnsqueezeBackward0"], Chain(m1).Take(3));
        Check.Close([-0.09405803178658842, -0.02378410313421349, 0.05716575410285868, 0.11245571973718298], m1, 1e-12);
        Assert.Equal("SqueezeBackward1", F.AvgPool1d(Check.Det([2, 7], 0.7).RequiresGrad_(), 2).GradFn!.Name);
    }

    [Fact]
    public void AdaptiveMaxPool1dMatchesPyTorch()
    {
        Matches(x => new AdaptiveMaxPool1d(3).Call(x), "AdaptiveMaxPool2DBackward0", [2, 2, 3],
            [1.0, 0.16996714290024104, 0.18651236942257488, 0.9998586363834151, 0.7539022543433046, -0.4755369279959925, 0.9994345855010047, 0.9994345855010047, -0.5335843865891177, 0.7963524702919231, 0.9987279672435017, 0.12006191504243026],
            [0.5403023058681398, 0.0, 0.9855903252188672, 0.0, 0.0, 0.0, 0.0, 0.9826569315077914, 0.0, 0.5404212538507952, 0.729023376891063, 0.0, 0.0, 0.0, 0.0, 0.8890470356311927, 0.0, 0.0, 1.0815559987450059, 0.0, 0.0, 0.8609895048741445, 0.0, 0.0, 0.0, 0.0, 0.6993186465453108, 0.541372247113104, 0.0, 0.992801221964525, 0.0, 0.0]);
        var (_, idx) = F.AdaptiveMaxPool1dWithIndices(Check.Det([2, 2, 8], 0.7), 3);
        Assert.Equal([0L, 2, 7, 1, 2, 7, 2, 2, 5, 2, 3, 5], idx.Flatten().ToArray<long>());
        var u = F.AdaptiveMaxPool1d(Check.Det([2, 7], 0.7).RequiresGrad_(), 3);
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Check.Close([1.0, 0.16996714290024104, -0.4902608213407002, 0.9998586363834151, 0.9998586363834151, 0.15337386203786524], u, 1e-12);
        Assert.Equal([0, 2], F.AdaptiveMaxPool1d(Tensor.Zeros([0, 3]), 2).Shape); // an empty unbatched channel dim is allowed
        Assert.Equal("AdaptiveMaxPool1d(output_size=3)", new AdaptiveMaxPool1d(3).ToString());
        Assert.Equal("Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_max_pool1d)",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool1d(Check.Det([2, 2, 8, 1], 1), 2)).Message);
        Assert.Equal("adaptive_max_pool1d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [2, 0, 3] with dimension 1 being empty",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool1d(Tensor.Zeros([2, 0, 3]), 2)).Message);
        Assert.Equal("\"adaptive_max_pool2d\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool1d(Tensor.Zeros([2, 3], DType.Int64), 2)).Message);
    }

    [Fact]
    public void ReprAndMessagesMatchPyTorch()
    {
        Assert.Equal("MaxPool1d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False)", new MaxPool1d(3).ToString());
        Assert.Equal("MaxPool1d(kernel_size=3, stride=2, padding=1, dilation=2, ceil_mode=True)", new MaxPool1d(3, 2, 1, dilation: 2, ceilMode: true).ToString());
        Assert.Equal("AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))", new AvgPool1d(3).ToString());
        Assert.Equal("AvgPool1d(kernel_size=(3,), stride=(2,), padding=(1,))", new AvgPool1d(3, 2, 1, ceilMode: true, countIncludePad: false).ToString());
        Assert.Equal("AdaptiveAvgPool1d(output_size=4)", new AdaptiveAvgPool1d(4).ToString());
        string Msg(Action a) => Assert.Throws<ArgumentException>(a).Message;
        Assert.Equal("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 2, 8, 1]",
            Msg(() => F.MaxPool1d(Check.Det([2, 2, 8, 1], 1).RequiresGrad_(), 2)));
        Assert.Equal("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[2, 0]", Msg(() => F.MaxPool1d(Tensor.Zeros([2, 0]), 2)));
        Assert.Equal("max_pool1d() padding should be at most half of kernel size, but got padding=2 and kernel_size=3", Msg(() => F.MaxPool1d(Check.Det([1, 2, 8], 1), 3, 2, 2)));
        Assert.Equal("max_pool1d() Invalid computed output size: 0", Msg(() => F.MaxPool1d(Check.Det([1, 2, 2], 1), 3)));
        Assert.Equal("max_pool1d() kernel_size must be greater than zero, but got 0", Msg(() => F.MaxPool1d(Check.Det([1, 2, 8], 1), 0)));
        Assert.Equal("max_pool1d() stride must be greater than zero, but got 0", Msg(() => F.MaxPool1d(Check.Det([1, 2, 8], 1), 2, 0)));
        Assert.Equal("max_pool1d() dilation must be greater than zero, but got 0", Msg(() => F.MaxPool1d(Check.Det([1, 2, 8], 1), 2, dilation: 0)));
        Assert.Equal("max_pool1d() padding must be non-negative, but got -1", Msg(() => F.MaxPool1d(Check.Det([1, 2, 8], 1), 3, 1, -1)));
        Assert.Equal("\"max_pool1d_impl\" not implemented for 'Long'", Msg(() => F.MaxPool1d(Tensor.Zeros([1, 2, 8], DType.Int64), 2)));
        Assert.Equal("Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)",
            Msg(() => F.AvgPool1d(Check.Det([2, 2, 8, 1], 1), 2)));
        Assert.Equal("Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)",
            Msg(() => new AdaptiveAvgPool1d(2).Call(Check.Det([2], 1))));
        Assert.Equal("pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1", Msg(() => F.AvgPool1d(Check.Det([1, 2, 8], 1), 3, 2, 2)));
        Assert.Equal("Given input size: (2x1x2). Calculated output size: (2x1x0). Output size is too small", Msg(() => F.AvgPool1d(Check.Det([1, 2, 2], 1), 3)));
        Assert.Equal("stride should not be zero", Msg(() => F.AvgPool1d(Check.Det([1, 2, 8], 1), 0)));
    }
}
