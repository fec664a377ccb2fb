using Sharpgrad.NN;
using Sharpgrad.Optim;

namespace Sharpgrad.Tests.NN;

/// <summary>nn.LazyBatchNorm1d/2d/3d and nn.LazyInstanceNorm1d/2d/3d: sized by the first input's dim 1; PyTorch 2.6's reprs, keys and values.</summary>
public class LazyNormTests
{
    private static Tensor X() => Check.F32([1, 2, 3, 5, 0, -1, 2, 2.5f, -3, 4, 7, 1], 2, 3, 2);

    [Fact]
    public void BatchNormIsSizedByTheFirstInput()
    {
        var m = new LazyBatchNorm1d(momentum: 0.3);
        Assert.Equal("LazyBatchNorm1d(0, eps=1e-05, momentum=0.3, affine=True, track_running_stats=True)", m.ToString());
        Assert.True(m.HasUninitializedParams);
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], m.StateDict().Keys);
        Assert.Equal(LazyLinearTests.ShapeMessage, Assert.Throws<InvalidOperationException>(() => m.RunningMean!.Shape).Message);
        Assert.Equal(0L, m.NumBatchesTracked!.Item<long>()); // exists from the start
        var weight = m.Weight!;
        var opt = new SGD(m.Parameters(), lr: 0.1);
        var y = m.Call(X());
        Assert.Equal("BatchNorm1d(3, eps=1e-05, momentum=0.3, affine=True, track_running_stats=True)", m.ToString());
        Assert.False(m.HasUninitializedParams);
        Assert.Same(weight, m.Weight);
        Check.Close([-1.6058831214904785, 0.22941184043884277, 0.24096566438674927, 0.8835408091545105, -0.5622532367706299, -0.8835408091545105,
            0.22941184043884277, 1.1470593214035034, -1.6867597103118896, 0.5622532367706299, 1.6867597103118896, -0.24096566438674927], y, 1e-6);
        Check.Close([0.5625, 0.675000011920929, 0.5250000357627869], m.RunningMean!, 1e-6);
        Check.Close([0.8187500238418579, 4.575000286102295, 4.575000286102295], m.RunningVar!, 1e-6);
        Assert.Equal(1L, m.NumBatchesTracked.Item<long>());
        Check.Close([1, 1, 1], m.Weight!, 0);
        Check.Close([0, 0, 0], m.Bias!, 0);
        y.Mul(Tensor.Arange(12).Reshape([2, 3, 2])).Sum().Backward();
        opt.Step();
        Assert.NotEqual(1f, m.Weight!.ToArray<float>()[0]);
    }

    [Fact]
    public void EvalBeforeTheFirstInputUsesTheResetStatistics()
    {
        var m = new LazyBatchNorm1d();
        m.Eval();
        Check.Close([0.9999949932098389, 1.9999899864196777, 2.9999849796295166, 4.999975204467773, 0.0, -0.9999949932098389,
            1.9999899864196777, 2.4999876022338867, -2.9999849796295166, 3.9999799728393555, 6.999964714050293, 0.9999949932098389], m.Call(X()), 1e-6);
        Assert.Equal(0L, m.NumBatchesTracked!.Item<long>());
    }

    [Fact]
    public void InstanceNormDefaultsToAffineAndTracking()
    {
        var m = new LazyInstanceNorm1d();
        Assert.Equal("LazyInstanceNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        var y = m.Call(X());
        Assert.Equal("InstanceNorm1d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        Check.Close([-0.9999799728393555, 0.9999799728393555, -0.9999949932098389, 0.9999949932098389, 0.9999799728393555, -0.9999799728393555,
            -0.9999198913574219, 0.999920129776001, -0.9999996423721313, 0.9999996423721313, 0.9999994039535522, -0.9999994039535522], y, 1e-5);
        Check.Close([0.1875, 0.22500000894069672, 0.17499999701976776], m.RunningMean!, 1e-6);
        Check.Close([0.9312499761581421, 2.2249999046325684, 1.8250000476837158], m.RunningVar!, 1e-6);
        Assert.Equal(0L, m.NumBatchesTracked!.Item<long>());
    }

    [Fact]
    public void UnbatchedInstanceNormInputIsSizedByDimOneAsInPyTorch()
    {
        // PyTorch 2.6 takes num_features from shape[1] even for unbatched input, then the eager check rejects it.
        var m = new LazyInstanceNorm1d();
        Assert.Equal("expected input's size at dim=0 to match num_features (4), but got: 3.",
            Assert.Throws<ArgumentException>(() => m.Call(Tensor.Zeros([3, 4]))).Message);
        Assert.Equal("InstanceNorm1d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        Core.Check.Shape(m.Weight!, 4);
        var m2 = new LazyInstanceNorm2d();
        Assert.Equal("expected input's size at dim=0 to match num_features (4), but got: 3.",
            Assert.Throws<ArgumentException>(() => m2.Call(Tensor.Zeros([3, 4, 5]))).Message);
        // The eager dim check runs after sizing: the module is an InstanceNorm3d of 4 features afterwards.
        var m3 = new LazyInstanceNorm3d();
        Assert.Equal("expected 4D or 5D input (got 3D input)", Assert.Throws<ArgumentException>(() => m3.Call(Tensor.Zeros([3, 4, 5]))).Message);
        Assert.Equal("InstanceNorm3d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m3.ToString());
    }

    [Fact]
    public void BadInputFailsAsInPyTorch()
    {
        var m = new LazyBatchNorm1d();
        Assert.Equal("tuple index out of range",
            Assert.Throws<ArgumentOutOfRangeException>(() => m.Call(Tensor.Zeros([3]))).Message.Split(" (Parameter")[0]);
        Assert.True(m.HasUninitializedParams);
        Assert.Equal("LazyBatchNorm1d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        var m2 = new LazyBatchNorm2d();
        Assert.Equal("expected 4D input (got 3D input)", Assert.Throws<ArgumentException>(() => m2.Call(Tensor.Zeros([3, 4, 5]))).Message);
        Assert.Equal("BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m2.ToString());
    }

    [Fact]
    public void WithoutAffineOrTrackingThereIsNothingToSize()
    {
        var m = new LazyInstanceNorm1d(affine: false, trackRunningStats: false);
        Assert.False(m.HasUninitializedParams);
        Assert.Empty(m.StateDict());
        Assert.Equal("LazyInstanceNorm1d(0, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", m.ToString());
        Core.Check.Shape(m.Call(X()), 2, 3, 2);
        Assert.Equal("InstanceNorm1d(0, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)", m.ToString());
        var bn = new LazyBatchNorm2d(affine: false);
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], bn.StateDict().Keys);
        bn.Call(X().Reshape([2, 3, 2, 1]));
        Assert.Equal("BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=False, track_running_stats=True)", bn.ToString());
        var bn3 = new LazyBatchNorm3d(dtype: DType.Float64);
        bn3.Call(Tensor.Randn([2, 3, 2, 2, 2], DType.Float64));
        Assert.Equal("BatchNorm3d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", bn3.ToString());
        Assert.Equal(DType.Float64, bn3.RunningVar!.DType);
    }

    [Fact]
    public void MatchesTheEagerNorm()
    {
        var x = Tensor.Randn([4, 3, 2, 2]);
        var eager = new BatchNorm2d(3);
        var m = new LazyBatchNorm2d();
        Check.Close(eager.Call(x), m.Call(x), 0);
        Check.Close(eager.RunningVar!, m.RunningVar!, 0);
        Assert.Equal(eager.NamedParameters().Select(p => p.Name), m.NamedParameters().Select(p => p.Name));
        Assert.Equal(eager.NamedBuffers().Select(p => p.Name), m.NamedBuffers().Select(p => p.Name));
        var inEager = new InstanceNorm2d(3, affine: true, trackRunningStats: true);
        var inLazy = new LazyInstanceNorm2d();
        Check.Close(inEager.Call(x), inLazy.Call(x), 0);
        Check.Close(inEager.RunningMean!, inLazy.RunningMean!, 0);
    }

    [Fact]
    public void LoadingACheckpointSizesThePlaceholders()
    {
        var source = new BatchNorm2d(3);
        source.Call(Tensor.Randn([4, 3, 2, 2]));
        var m = new LazyBatchNorm2d();
        m.LoadStateDict(source.StateDict());
        // As PyTorch: num_features stays 0, the module lazy until its first call.
        Assert.Equal("LazyBatchNorm2d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        Assert.False(m.HasUninitializedParams);
        Check.Close(source.RunningMean!, m.RunningMean!, 0);
        Assert.Equal(1L, m.NumBatchesTracked!.Item<long>());
        m.Eval();
        source.Eval();
        var x = Tensor.Randn([2, 3, 2, 2]);
        Check.Close(source.Call(x), m.Call(x), 0);
        Assert.Equal("BatchNorm2d(0, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)", m.ToString());
        var inst = new LazyInstanceNorm1d();
        inst.LoadStateDict(new InstanceNorm1d(3, affine: true, trackRunningStats: true).StateDict());
        Assert.Equal("expected input's size at dim=1 to match num_features (0), but got: 3.",
            Assert.Throws<ArgumentException>(() => inst.Call(X())).Message);
    }
}
