using Sharpgrad.NN;
using Sharpgrad.Optim;
using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Optim;

/// <summary>SwaUtils.UpdateBn against PyTorch 2.6 (torch.optim.swa_utils.update_bn).</summary>
public class UpdateBnTests
{
    private static Tensor F32(int[] shape, double k, double scale = 1) => Check.Det(shape, k, scale).To(DType.Float32);

    /// <summary>The oracle's model: Linear(3, 4), BatchNorm1d(4, momentum 0.3), ReLU, Linear(4, 2), BatchNorm1d(2).</summary>
    private static Sequential Make()
    {
        var m = new Sequential(new Linear(3, 4), new BatchNorm1d(4, momentum: 0.3), new ReLU(), new Linear(4, 2), new BatchNorm1d(2));
        var l0 = (Linear)m[0];
        var l3 = (Linear)m[3];
        var bn = (BatchNorm1d)m[1];
        using (Autograd.NoGrad())
        {
            l0.Weight.Copy_(F32([4, 3], 0.3));
            l0.Bias!.Copy_(F32([4], 0.8, 0.5));
            l3.Weight.Copy_(F32([2, 4], 1.3));
            l3.Bias!.Copy_(F32([2], 0.2));
            bn.RunningMean!.Fill_(5);
            bn.RunningVar!.Fill_(7);
            bn.NumBatchesTracked!.Fill_(9);
        }
        return m;
    }

    private static Tensor[] Loader() => [F32([5, 3], 0.5, 1), F32([5, 3], 1.5, 2), F32([5, 3], 2.5, 3)];

    [Fact]
    public void RecomputesRunningStatsAndRestoresMomentaAndModeAsPyTorch()
    {
        var m = Make();
        m.Eval();
        m[2].Train();
        SwaUtils.UpdateBn(Loader(), m);
        var sd = m.StateDict();
        Check.Close([0.7390382289886475, 0.50426185131073, -0.059809472411870956, -0.5808110237121582], sd["1.running_mean"], 1e-6);
        Check.Close([2.9485504627227783, 0.8833456039428711, 1.167575716972351, 3.103625535964966], sd["1.running_var"], 1e-6);
        Assert.Equal(3L, sd["1.num_batches_tracked"].Item<long>());
        Check.Close([0.8508963584899902, 1.2043588161468506], sd["4.running_mean"], 1e-6);
        Check.Close([2.3070805072784424, 1.4297646284103394], sd["4.running_var"], 1e-6);
        Assert.Equal(3L, sd["4.num_batches_tracked"].Item<long>());
        Assert.Equal(0.3, ((BatchNorm1d)m[1]).Momentum);
        Assert.Equal(0.1, ((BatchNorm1d)m[4]).Momentum);
        Assert.All(m.Modules(), x => Assert.False(x.Training)); // train(was_training) reaches every submodule
        Assert.Equal(1f, sd["1.weight"].ToArray<float>()[0]);
        Assert.Null(((BatchNorm1d)m[1]).Weight!.Grad);
    }

    [Fact]
    public void UpdatesAnAveragedModelAsPyTorch()
    {
        var m = Make();
        var a = new AveragedModel(m, Make());
        a.UpdateParameters(m);
        SwaUtils.UpdateBn(Loader().Take(2), a);
        var sd = a.StateDict();
        Check.Close([0.8696820735931396, 0.6011974811553955, -0.0699409693479538, -0.6903423070907593], sd["module.1.running_mean"], 1e-6);
        Check.Close([3.6483967304229736, 0.9303375482559204, 1.2816271781921387, 3.8400590419769287], sd["module.1.running_var"], 1e-6);
        Assert.Equal(2L, sd["module.1.num_batches_tracked"].Item<long>());
        Check.Close([0.8418657779693604, 1.1988632678985596], sd["module.4.running_mean"], 1e-6);
        Check.Close([2.3604798316955566, 1.483748197555542], sd["module.4.running_var"], 1e-6);
        Assert.Equal(1L, a.NAveraged);
        Assert.All(a.Modules(), x => Assert.True(x.Training));
    }

    [Fact]
    public void ModelWithoutBatchNormIsLeftAlone()
    {
        var m = new Sequential(new Linear(3, 2));
        m.Eval();
        SwaUtils.UpdateBn(Loader().Select<Tensor, Tensor>(_ => throw new InvalidOperationException("loader read")), m); // PyTorch returns before reading the loader
        Assert.False(m.Training);
    }
}
