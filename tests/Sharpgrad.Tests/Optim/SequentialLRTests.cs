using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>SequentialLR against PyTorch 2.6 (get_last_lr per epoch, sub-scheduler state, messages).</summary>
public class SequentialLRTests
{
    private static (List<double> Lrs, SequentialLR Seq, SGD Opt) Run(Func<SGD, SequentialLR> make, int n = 12)
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0, momentum: 0.9);
        var s = make(opt);
        return (ScheduleAssert.Record(opt, s.Step, () => s.LastLearningRate, n), s, opt);
    }

    private static void AssertClose(double[] expected, List<double> actual) => ScheduleAssert.Close(expected, actual);

    private static SequentialLR WarmupThenDecay(SGD o) =>
        new(o, [new LinearLR(o, startFactor: 0.1, totalIters: 4), new ExponentialLR(o, gamma: 0.9)], milestones: [4]);

    [Fact]
    public void SequentialMatchesPyTorch()
    {
        var (a, s, _) = Run(WarmupThenDecay);
        AssertClose([0.1, 0.325, 0.55, 0.7750000000000001, 1.0, 0.9, 0.81, 0.7290000000000001, 0.6561000000000001, 0.5904900000000002,
            0.5314410000000002, 0.47829690000000014, 0.43046721000000016], a);
        var sd = s.StateDict();
        Assert.Equal((12L, 3L, 8L), (sd["last_epoch"].Item<long>(), sd["_schedulers.0.last_epoch"].Item<long>(), sd["_schedulers.1.last_epoch"].Item<long>()));
        Assert.Equal(1.0, sd["_schedulers.1.base_lrs"].ToArray<double>()[0]);
        Assert.Equal([4L], sd["_milestones"].ToArray<long>());

        var (b, _, _) = Run(o => new SequentialLR(o,
            [new ConstantLR(o, factor: 0.5, totalIters: 2), new MultiStepLR(o, [0, 2], gamma: 0.5), new CosineAnnealingLR(o, tMax: 3, etaMin: 0.1)],
            milestones: [3, 7]));
        AssertClose([0.5, 0.5, 1.0, 0.5, 0.5, 0.25, 0.25, 1.0, 0.775, 0.3250000000000001, 0.1, 0.32499999999999996, 0.7750000000000005], b);

        var (c, _, _) = Run(o => new SequentialLR(o, [new LambdaLR(o, e => 1.0 / (e + 1)), new StepLR(o, 2, 0.5)], milestones: [3]));
        AssertClose([1.0, 0.5, 0.3333333333333333, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625], c);

        // resuming from a checkpoint continues the sequence
        var (_, mid, midOpt) = Run(WarmupThenDecay, n: 3);
        var opt2 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0, momentum: 0.9);
        var resumed = WarmupThenDecay(opt2);
        opt2.LoadStateDict(midOpt.StateDict());
        resumed.LoadStateDict(mid.StateDict());
        var rest = new List<double>();
        for (int i = 0; i < 4; i++)
        {
            resumed.Step();
            rest.Add(resumed.LastLearningRate);
        }
        AssertClose([1.0, 0.9, 0.81, 0.7290000000000001], rest);

        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0);
        var other = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0);
        Assert.Equal("Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers 2 and the number of milestones to be equal to 0",
            Assert.Throws<ArgumentException>(() => new SequentialLR(opt, [new ConstantLR(opt), new ExponentialLR(opt, 0.9)], milestones: [])).Message);
        Assert.StartsWith("SequentialLR expects all schedulers to belong to the same optimizer, but got scheduler ExponentialLR at index 1 has SGD",
            Assert.Throws<ArgumentException>(() => new SequentialLR(opt, [new ConstantLR(opt), new ExponentialLR(other, 0.9)], milestones: [2])).Message);
        Assert.Equal("SequentialLR expects at least one scheduler, but got no scheduler.",
            Assert.Throws<ArgumentException>(() => new SequentialLR(opt, [], milestones: [])).Message);
    }
}
