using Sharpgrad.NN;
using Sharpgrad.Optim;
using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Optim;

/// <summary>AveragedModel, the SWA/EMA averaging functions and SWALR against PyTorch 2.6 (torch.optim.swa_utils).</summary>
public class SwaTests
{
    private static Sequential Make() => new(new Linear(3, 2), new BatchNorm1d(2));

    private static Tensor F(int[] shape, double k, double scale = 1) => Check.Det(shape, k, scale).To(DType.Float32);

    /// <summary>The oracle's setm(m, i): parameters and buffers as deterministic functions of i.</summary>
    private static void Set(Module m, int i) => m.LoadStateDict(new Dictionary<string, Tensor>
    {
        ["0.weight"] = F([2, 3], 0.3 + i, 1 + i),
        ["0.bias"] = F([2], 0.7 * i + 0.1, 2.0),
        ["1.weight"] = F([2], 1.1 + i),
        ["1.bias"] = F([2], 0.5 + i, 0.5),
        ["1.running_mean"] = F([2], 0.9 + i, 3.0),
        ["1.running_var"] = F([2], 0.2 + i).Add(2),
        ["1.num_batches_tracked"] = Tensor.Scalar(3L * i + 1, DType.Int64),
    });

    private static AveragedModel Run(Func<Tensor, Tensor, long, Tensor>? avgFn = null,
        Action<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, long>? multiAvgFn = null, bool useBuffers = false)
    {
        var m = Make();
        Set(m, 0);
        var a = new AveragedModel(m, Make(), avgFn, multiAvgFn, useBuffers);
        for (int i = 0; i < 4; i++)
        {
            Set(m, i);
            a.UpdateParameters(m);
        }
        return a;
    }

    private static void AssertState(AveragedModel a, float[] weight, float[] bias, float[] bnWeight, float[] bnBias,
        float[] runningMean, float[] runningVar, long tracked)
    {
        var sd = a.StateDict();
        Assert.Equal(["n_averaged", "module.0.weight", "module.0.bias", "module.1.weight", "module.1.bias", "module.1.running_mean",
            "module.1.running_var", "module.1.num_batches_tracked"], sd.Keys.ToArray());
        Assert.Equal(4L, sd["n_averaged"].Item<long>());
        Assert.Equal(4L, a.NAveraged);
        Assert.Equal(weight, sd["module.0.weight"].ToArray<float>());
        Assert.Equal(bias, sd["module.0.bias"].ToArray<float>());
        Assert.Equal(bnWeight, sd["module.1.weight"].ToArray<float>());
        Assert.Equal(bnBias, sd["module.1.bias"].ToArray<float>());
        Assert.Equal(runningMean, sd["module.1.running_mean"].ToArray<float>());
        Assert.Equal(runningVar, sd["module.1.running_var"].ToArray<float>());
        Assert.Equal(DType.Int64, sd["module.1.num_batches_tracked"].DType);
        Assert.Equal(tracked, sd["module.1.num_batches_tracked"].Item<long>());
    }

    private static readonly float[] SwaWeight = [2.5f, -1.1146032810211182f, 0.644007682800293f, -0.48496097326278687f, 0.39959901571273804f, 0.16605961322784424f];
    private static readonly float[] SwaBias = [2.0f, 0.5869734883308411f];
    private static readonly float[] SwaBnWeight = [1.0f, -0.406302273273468f];
    private static readonly float[] SwaBnBias = [0.5f, -0.09866006672382355f];
    private static readonly float[] LastMean = [3.0f, -2.1777968406677246f];
    private static readonly float[] LastVar = [3.0f, 1.0017051696777344f];

    [Fact]
    public void RunningMeanMatchesPyTorch()
    {
        AssertState(Run(), SwaWeight, SwaBias, SwaBnWeight, SwaBnBias, LastMean, LastVar, 10);
        AssertState(Run(useBuffers: true), SwaWeight, SwaBias, SwaBnWeight, SwaBnBias,
            [3.0f, -1.0489275455474854f], [3.0f, 1.9389071464538574f], 4);
    }

    private static readonly float[] EmaBias = [2.0f, 1.4586150646209717f];
    private static readonly float[] EmaBnWeight = [1.0f, 0.14237448573112488f];
    private static readonly float[] EmaBnBias = [0.5f, 0.2398694008588791f];

    [Fact]
    public void EmaMultiAvgFnMatchesPyTorch()
    {
        float[] w = [1.561000108718872f, 0.16488869488239288f, 0.8126655220985413f, 0.2001219391822815f, 0.3992043137550354f, 0.05930808186531067f];
        AssertState(Run(multiAvgFn: SwaUtils.GetEmaMultiAvgFn(0.9)), w, EmaBias, EmaBnWeight, EmaBnBias, LastMean, LastVar, 10);
        AssertState(Run(multiAvgFn: SwaUtils.GetEmaMultiAvgFn(0.9), useBuffers: true), w, EmaBias, EmaBnWeight, EmaBnBias,
            [3.0f, 0.8009632229804993f], [3.0f, 2.591024875640869f], 1);
        // a weight of 0.5 or more takes the other branch of the lerp
        AssertState(Run(multiAvgFn: SwaUtils.GetEmaMultiAvgFn(0.3)),
            [3.5829999446868896f, -3.1251981258392334f, 2.5043110847473145f, -2.0505123138427734f, 1.7111402750015259f, -1.5372698307037354f],
            [2.0f, -0.6526766419410706f], [1.0f, -0.6317533850669861f], [0.5f, -0.397804319858551f], LastMean, LastVar, 10);
    }

    [Fact]
    public void EmaAvgFnMatchesPyTorch()
    {
        float[] w = [1.560999870300293f, 0.1648886501789093f, 0.8126654624938965f, 0.20012187957763672f, 0.399204283952713f, 0.05930808186531067f];
        float[] b = [2.0f, 1.4586149454116821f];
        float[] bnb = [0.5f, 0.2398693710565567f];
        AssertState(Run(avgFn: SwaUtils.GetEmaAvgFn(0.9)), w, b, EmaBnWeight, bnb, LastMean, LastVar, 10);
        AssertState(Run(avgFn: SwaUtils.GetEmaAvgFn(0.9), useBuffers: true), w, b, EmaBnWeight, bnb,
            [2.999999761581421f, 0.8009632229804993f], [2.999999761581421f, 2.591024875640869f], 1);
    }

    [Fact]
    public void WrapsTheModule()
    {
        var m = Make();
        var a = new AveragedModel(m, Make());
        Assert.Equal("AveragedModel(\n  (module): Sequential(\n    (0): Linear(in_features=3, out_features=2, bias=True)\n"
            + "    (1): BatchNorm1d(2, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n  )\n)", a.ToString());
        Assert.Equal("Only one of avg_fn and multi_avg_fn should be provided", Assert.Throws<ArgumentException>(() =>
            new AveragedModel(m, Make(), SwaUtils.GetEmaAvgFn(), SwaUtils.GetEmaMultiAvgFn())).Message);
        Assert.Throws<ArgumentException>(() => new AveragedModel(m, m));
        Assert.Equal(0L, a.NAveraged);
        m.Eval();
        a.Eval();
        Set(m, 2);
        a.UpdateParameters(m);
        var y = a.Call(F([4, 3], 0.45));
        Check.Close([0.4948127567768097, -3.570554733276367, 0.6862018704414368, -3.2127525806427, -0.31506583094596863,
            -2.474522590637207, -0.9450236558914185, -2.508970260620117], y);
    }

    private static (List<double> Lrs, SWALR Sched) Lrs(double swaLr, int annealEpochs = 10, string annealStrategy = "cos", int n = 8)
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var s = new SWALR(opt, swaLr, annealEpochs, annealStrategy);
        return (ScheduleAssert.Record(opt, s.Step, () => s.LastLearningRate, n), s);
    }

    [Fact]
    public void SWALRMatchesPyTorch()
    {
        var (cos, s) = Lrs(0.05, 5);
        ScheduleAssert.Close([0.5, 0.45702882373436315, 0.34452882373436317, 0.20547117626563682, 0.09297117626563683, 0.05, 0.05, 0.05, 0.05], cos);
        ScheduleAssert.Close([0.5, 0.41000000000000003, 0.32, 0.23, 0.13999999999999999, 0.05, 0.05, 0.05, 0.05], Lrs(0.05, 5, "linear").Lrs);
        ScheduleAssert.Close([0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], Lrs(0.05, 0).Lrs);
        ScheduleAssert.Close([0.5, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], Lrs(0.05, 1, "linear").Lrs);
        ScheduleAssert.Close([0.5, 0.507341522555727, 0.5286474508437579, 0.561832212156129, 0.6036474508437578, 0.6499999999999999,
            0.6963525491562421, 0.7381677878438709, 0.7713525491562422], Lrs(0.8).Lrs);
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        Assert.Equal("anneal_strategy must by one of 'cos' or 'linear', instead got exp",
            Assert.Throws<ArgumentException>(() => new SWALR(opt, 0.1, annealStrategy: "exp")).Message);
        Assert.Equal("anneal_epochs must be equal or greater than 0, got -1",
            Assert.Throws<ArgumentException>(() => new SWALR(opt, 0.1, annealEpochs: -1)).Message);

        // resuming from a state dict continues the annealing
        var (_, mid) = Lrs(0.05, 5, n: 2);
        var opt2 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var resumed = new SWALR(opt2, 0.9, 2, "linear");
        resumed.LoadStateDict(mid.StateDict());
        opt2.LoadStateDict(mid.Optimizer.StateDict());
        var rest = ScheduleAssert.Record(opt2, resumed.Step, () => opt2.LearningRate, 4);
        ScheduleAssert.Close([0.34452882373436317, 0.20547117626563682, 0.09297117626563683, 0.05, 0.05], rest);
        Assert.Contains("anneal_epochs", s.StateDict().Keys);
    }
}
