using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>AdaptiveMaxPool2d and adaptive_max_pool2d: values, indices, gradients, repr and messages from PyTorch 2.6.</summary>
public class AdaptiveMaxPoolTests
{
    [Fact]
    public void ValuesIndicesAndGradientsMatchPyTorch()
    {
        var x = Check.Det([2, 2, 2, 4], 0.7).RequiresGrad_();
        var y = new AdaptiveMaxPool2d((2, 3)).Call(x);
        Assert.Equal("AdaptiveMaxPool2DBackward0", y.GradFn!.Name);
        Assert.Equal([2, 2, 2, 3], y.Shape);
        Check.Close([1.0, 0.7648421872844885, 0.16996714290024104, -0.9364566872907963, -0.4902608213407002, 0.18651236942257488, 0.9998586363834151, 0.9998586363834151, 0.7539022543433046, -0.5192886541166841, -0.9304262721047539, -0.4755369279959925, 0.7860702961410383, 0.9994345855010047, 0.9994345855010047, 0.1367372182078336, -0.5335843865891177, -0.9241328000731309, 0.2194399632114593, 0.7963524702919231, 0.9987279672435017, 0.7313860956454992, 0.12006191504243026, -0.5477292602242684], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([0.5403023058681398, 0.7214916395975273, 0.9855903252188672, 0.0, 0.0, 0.5926457475145044, 0.8822100793248232, 0.9826569315077914, 0.0, 1.0808425077015904, 0.729023376891063, 0.0, 0.8681724137245286, 0.0, 0.5974922197626534, 0.8890470356311927, 0.0, 0.7066313518793512, 1.0815559987450059, 0.0, 0.9906660233496577, 0.8609895048741445, 0.0, 0.60252692986221, 0.0, 0.9760195129006697, 0.6993186465453108, 0.541372247113104, 0.7442493417064652, 0.992801221964525, 0.8537092098027929, 0.0], x.Grad!, 1e-12);

        var x1 = Check.Det([2, 2, 2, 4], 0.7).RequiresGrad_();
        var y1 = F.AdaptiveMaxPool2d(x1, 1); // a 1×1 output stays AdaptiveMaxPool2DBackward0 (no max reduction)
        Assert.Equal("AdaptiveMaxPool2DBackward0", y1.GradFn!.Name);
        Check.Close([1.0, 0.9998586363834151, 0.9994345855010047, 0.9987279672435017], y1, 1e-12);
        (y1 * y1.Detach().Cos()).Sum().Backward();
        Check.Close([0.5403023058681398, 0.5404212538507952, 0.5407779993725029, 0.541372247113104], x1.Grad!.Flatten().IndexSelect(0, Check.I64(0, 9, 18, 27)), 1e-12);
        Assert.Equal(4, x1.Grad!.Ne(0).Sum().Item<long>());

        var (v, i) = F.AdaptiveMaxPool2dWithIndices(Check.Det([1, 2, 3, 5], 0.7), (2, 2));
        Check.Close([1.0, 0.9998586363834151, 0.7539022543433046, 0.9998586363834151, 0.7860702961410383, 0.9994345855010047, 0.9987279672435017, 0.9987279672435017], v, 1e-12);
        Assert.Equal([0L, 9, 10, 9, 2, 3, 12, 12], i.Flatten().ToArray<long>());
        Assert.Equal([2, 3, 3], F.AdaptiveMaxPool2d(Check.Det([2, 3, 5], 0.7), (null, 3)).Shape); // unbatched, None keeps the height
        Assert.True(Autograd.GradCheck(a => F.AdaptiveMaxPool2d(a[0], (2, 3)), [Check.Det([2, 2, 3, 5], 0.7).RequiresGrad_()]));
    }

    [Fact]
    public void ReprAndMessagesMatchPyTorch()
    {
        Assert.Equal("AdaptiveMaxPool2d(output_size=(2, 3))", new AdaptiveMaxPool2d((2, 3)).ToString());
        Assert.Equal("AdaptiveMaxPool2d(output_size=2)", new AdaptiveMaxPool2d(2).ToString());
        Assert.Equal("AdaptiveMaxPool2d(output_size=(None, 3))", new AdaptiveMaxPool2d((null, 3)).ToString());
        Assert.Equal("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [2, 3]",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool2d(Check.Det([2, 3], 1), 2)).Message);
        Assert.Equal("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 2, 0, 3] with dimension 2 being empty",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool2d(Tensor.Zeros([1, 2, 0, 3]), 2)).Message);
        Assert.Equal("\"adaptive_max_pool2d\" not implemented for 'Long'",
            Assert.Throws<ArgumentException>(() => F.AdaptiveMaxPool2d(Tensor.Zeros([1, 2, 2, 2], DType.Int64), 1)).Message);
    }

    [Fact]
    public void LastNaNOfAWindowGivesTheIndexAsInPyTorch()
    {
        // PyTorch 2.6 (CPU): max_pool2d of [[1, nan, 3, nan], [5, 2, nan, 0]] with a 2x2 window gives indices [1, 6],
        // max_pool1d of [1, nan, 3, nan, 2] over 5 gives 3, adaptive_max_pool2d to 1x1 gives 6; the values are NaN.
        var x = Tensor.FromArray([1, double.NaN, 3, double.NaN, 5, 2, double.NaN, 0], [1, 1, 2, 4]);
        var (v, i) = F.MaxPool2dWithIndices(x, (2, 2));
        Assert.Equal([1L, 6L], i.Flatten().ToArray<long>());
        Assert.All(v.Flatten().ToArray<double>(), d => Assert.True(double.IsNaN(d)));
        var (_, i1) = F.MaxPool1dWithIndices(Tensor.FromArray([1, double.NaN, 3, double.NaN, 2], [1, 1, 5]), 5);
        Assert.Equal(3L, i1.Flatten().Item<long>());
        var (_, ia) = F.AdaptiveMaxPool2dWithIndices(x, (1, 1));
        Assert.Equal(6L, ia.Flatten().Item<long>());
    }
}
