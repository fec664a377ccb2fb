using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>InstanceNorm1d/2d and instance_norm: values, gradients, buffers, graph, repr and messages from PyTorch 2.6.</summary>
public class InstanceNormTests
{
    [Fact]
    public void InstanceNorm1dMatchesPyTorch()
    {
        var x = Check.Det([2, 3, 4], 0.7).RequiresGrad_();
        var y = new InstanceNorm1d(3, dtype: DType.Float64).Call(x);
        Assert.Equal("ViewBackward0", y.GradFn!.Name);
        Assert.Equal("NativeBatchNormBackward0", y.GradFn.NextFunctions[0].Node!.Name);
        Check.Close([1.1028745146089265, 0.6992233900227613, -0.3218865526200559, -1.4802113520116322, -0.8608005491124905, -0.8482869737219355, 0.12012115656202386, 1.5889663662724016, 0.3342388067814099, 1.0489573564012555, 0.2652067337402285, -1.6484028969228937, 0.8983018220154668, -1.036118820099402, -0.9580285528353417, 1.0958455509192766, -1.6343348986259074, 0.3517105170765529, 1.0784748650678555, 0.2041495164814992, 1.6043309910760164, 0.07939259697600821, -0.8746437470002886, -0.8090798410517358], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.474488962443684, 0.16780137140498455, 0.7424200898843929, -0.4357324988456939, -0.30843771112542334, -0.28094786354090423, 0.9806663633468602, -0.39128078868053306, 0.8280532888499438, -1.2897072462942558, 0.9602102544725066, -0.49855629702819354, 0.3874197852021986, -0.1643358367378172, 0.13332978822492117, -0.3564137366893023, -0.6063951943487526, 0.8734527203619745, -1.42199206784393, 1.1549345418307075, -0.3832386082756742, 1.0120582797613744, -0.39042101927779077, -0.23839865220790882], x.Grad!, 1e-10);
        var u = new InstanceNorm1d(3).Call(Check.Det([3, 4], 0.7).To(DType.Float32).RequiresGrad_()); // unbatched [C, L]
        Assert.Equal("SqueezeBackward1", u.GradFn!.Name);
        Assert.Equal([3, 4], u.Shape);
        Check.Close([1.102874517440796, 0.6992234587669373, -0.3218865394592285, -1.4802113771438599, -0.8608006238937378, -0.848287045955658, 0.12012112885713577, 1.5889663696289062, 0.3342387080192566, 1.0489572286605835, 0.2652066946029663, -1.6484028100967407], u, 1e-5);
        Assert.True(Autograd.GradCheck(a => F.InstanceNorm(a[0], weight: a[1], bias: a[2]),
            [Check.Det([2, 3, 3], 0.7).RequiresGrad_(), (Check.Det([3], 0.3) + 0.5).RequiresGrad_(), Check.Det([3], 0.5, 0.1).RequiresGrad_()]));
    }

    [Fact]
    public void InstanceNorm2dWithAffineAndRunningStatsMatchesPyTorch()
    {
        var m = new InstanceNorm2d(3, affine: true, trackRunningStats: true, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            m.Weight!.Copy_(Check.Det([3], 0.3) + 0.5);
            m.Bias!.Copy_(Check.Det([3], 0.5, 0.1));
        }
        var x = Check.Det([2, 3, 2, 2], 0.9).RequiresGrad_();
        var y = m.Call(x);
        Assert.Equal("ViewBackward0", y.GradFn!.Name);
        Assert.Equal("NativeBatchNormBackward0", y.GradFn.NextFunctions[0].Node!.Name);
        Check.Close([1.8765605241758423, 1.1104099847558657, -0.6082341796629189, -1.9787363292687892, -1.9389739252270168, -0.5872461197706093, 1.078836730137447, 1.7984163396163282, 2.1233079511519963, 0.3007750115634302, -1.127449127938918, -1.080512912429253, -2.327454974761904, 0.5663935411434105, 1.775723449068081, 0.3853379845504115, 1.3622126356664712, -1.4390342768102564, -1.2834246305579224, 1.7112792964578583, 0.5314043119107446, 1.486018583465875, 0.3085699542870608, -2.1098719273164246], y, 1e-12);
        (y * y.Detach().Cos()).Sum().Backward();
        Check.Close([-0.9596021057658304, 0.5766506356217669, 1.3996319582231131, -1.0166804880790492, -0.9458786362275288, 1.3252935587843317, 0.5189217313458108, -0.8983366539026136, -0.6424910842347621, 1.4740355766088586, -0.4741192033217995, -0.35742528905229715, -1.2774808430646472, 1.7905207122181506, -2.7254073756566712, 2.2123675065031687, 0.7225100001585293, -0.3774732892243471, 0.31293787911033355, -0.6579745900445161, 1.0927939382147807, -1.8230986139805112, 1.5173130274101918, -0.7870083516444614], x.Grad!, 1e-10);
        Check.Close([1.4273355991729162, -0.20820247935478056, -0.003960092882115074], m.Weight!.Grad!, 1e-10);
        Check.Close([1.4477329692837295, 1.2011153149508966, 2.716320220473217], m.Bias!.Grad!, 1e-10);
        Check.Close([0.031724467657124444, -0.021374155019403457, 0.006610439154237202], m.RunningMean!, 1e-12);
        Check.Close([0.9492835913270161, 0.9441550536398068, 0.9402996352130051], m.RunningVar!, 1e-12);
        Assert.Equal(0L, m.NumBatchesTracked!.Item<long>()); // PyTorch never counts for instance norm
        m.Eval();
        Check.Close([1.5906989386033012, 1.0081523391739469, -0.29862780663033645, -1.3406963371412517, -1.2233489112355727, -0.19594809612772715, 1.070382944132835, 1.6173101245380392, 0.8764621151631714, -0.28786961648063575, -1.2002957512300347, -1.170310380928024, -0.24801975708371932, 1.0481593965191596, 1.589828460350604, 0.967063085910657, -0.26937015464171205, -1.2550598289702728, -1.2003046337557133, -0.1465422091071968, 0.9474860366415335, 1.4100110551154894, 0.8395194280880869, -0.3322521547362333], m.Call(Check.Det([2, 3, 2, 2], 0.9)), 1e-12);
    }

    [Fact]
    public void ParametersReprAndMessagesMatchPyTorch()
    {
        var plain = new InstanceNorm2d(3);
        Assert.Equal("InstanceNorm1d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", new InstanceNorm1d(3).ToString());
        Assert.Equal("InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", plain.ToString());
        Assert.Empty(plain.NamedParameters());
        Assert.Empty(plain.NamedBuffers());
        var full = new InstanceNorm2d(4, eps: 1e-3, momentum: 0.2, affine: true, trackRunningStats: true);
        Assert.Equal("InstanceNorm2d(4, eps=0.001, momentum=0.2, affine=True, track_running_stats=True)", full.ToString());
        Assert.Equal(["weight", "bias"], full.NamedParameters().Select(p => p.Name));
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], full.NamedBuffers().Select(p => p.Name));
        Assert.Equal([4], full.RunningVar!.Shape);
        Assert.Equal("expected 2D or 3D input (got 4D input)", Assert.Throws<ArgumentException>(() => new InstanceNorm1d(3).Call(Check.Det([2, 3, 4, 5], 1))).Message);
        Assert.Equal("expected 3D or 4D input (got 2D input)", Assert.Throws<ArgumentException>(() => plain.Call(Check.Det([3, 4], 1))).Message);
        Assert.Equal("Expected more than 1 spatial element when training, got input size torch.Size([2, 3, 1, 1])",
            Assert.Throws<ArgumentException>(() => plain.Call(Check.Det([2, 3, 1, 1], 1))).Message);
        Assert.Equal("expected input's size at dim=1 to match num_features (3), but got: 4.",
            Assert.Throws<ArgumentException>(() => new InstanceNorm2d(3, affine: true).Call(Tensor.Zeros([2, 4, 2, 2]))).Message);
        Assert.Equal("Expected more than 1 spatial element when training, got input size torch.Size([1, 3, 1])",
            Assert.Throws<ArgumentException>(() => new InstanceNorm1d(3).Call(Check.Det([3, 1], 1))).Message);
        Assert.Equal([2, 4, 2, 2], plain.Call(Check.Det([2, 4, 2, 2], 1)).Shape); // affine=False: PyTorch only warns
    }
}
