using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>CosineAnnealingWarmRestarts and CyclicLR against PyTorch 2.6 (get_last_lr and momentum per epoch).</summary>
public class CyclicSchedulerTests
{
    private static (List<double> Lrs, List<double> Moms, LRScheduler Sched) Run(Optimizer opt, Func<Optimizer, LRScheduler> make, int n, string? mom = null)
    {
        var s = make(opt);
        var moms = new List<double>();
        var lrs = ScheduleAssert.Record(opt, s.Step, () => s.LastLearningRate, n, () => moms.Add(mom is null ? 0 : opt.GetHyperparameter(mom)));
        return (lrs, moms, s);
    }

    private static SGD Sgd() => new([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5, momentum: 0.9);

    private static void AssertClose(double[] expected, List<double> actual) => ScheduleAssert.Close(expected, actual);

    [Fact]
    public void WarmRestartsMatchPyTorch()
    {
        var (a, _, _) = Run(Sgd(), o => new CosineAnnealingWarmRestarts(o, t0: 3), 12);
        AssertClose([0.5, 0.375, 0.12500000000000006, 0.5, 0.375, 0.12500000000000006, 0.5, 0.375, 0.12500000000000006, 0.5, 0.375,
            0.12500000000000006, 0.5], a);
        var (b, _, s) = Run(Sgd(), o => new CosineAnnealingWarmRestarts(o, t0: 2, tMult: 2, etaMin: 0.05), 16);
        AssertClose([0.5, 0.275, 0.5, 0.4340990257669732, 0.275, 0.11590097423302682, 0.5, 0.48287289481503953, 0.4340990257669732,
            0.3611037722821452, 0.275, 0.1888962277178548, 0.11590097423302682, 0.06712710518496048, 0.5, 0.49567668809072685, 0.48287289481503953], b);
        var sd = s.StateDict();
        Assert.Equal((2L, 16L, 2L, 2L), (sd["T_0"].Item<long>(), sd["T_i"].Item<long>(), sd["T_mult"].Item<long>(), sd["T_cur"].Item<long>()));
        Assert.Equal(0.05, sd["eta_min"].Item<double>());

        // resuming mid-period continues the same schedule
        var (_, _, mid) = Run(Sgd(), o => new CosineAnnealingWarmRestarts(o, t0: 2, tMult: 2, etaMin: 0.05), 9);
        var resumed = new CosineAnnealingWarmRestarts(Sgd(), t0: 5);
        resumed.LoadStateDict(mid.StateDict());
        resumed.Step();
        Assert.Equal(0.275, resumed.LastLearningRate, 1e-15);

        var opt = Sgd();
        Assert.Equal("Expected positive integer T_0, but got 0", Assert.Throws<ArgumentException>(() => new CosineAnnealingWarmRestarts(opt, t0: 0)).Message);
        Assert.Equal("Expected integer T_mult >= 1, but got 0", Assert.Throws<ArgumentException>(() => new CosineAnnealingWarmRestarts(opt, t0: 2, tMult: 0)).Message);
    }

    [Fact]
    public void CyclicLRMatchesPyTorch()
    {
        var (a, am, s) = Run(Sgd(), o => new CyclicLR(o, baseLr: 0.1, maxLr: 1.0, stepSizeUp: 3), 14, "momentum");
        AssertClose([0.1, 0.40000000000000013, 0.6999999999999998, 1.0, 0.7000000000000003, 0.3999999999999998, 0.1, 0.4000000000000006,
            0.6999999999999995, 1.0, 0.6999999999999995, 0.4000000000000006, 0.1, 0.3999999999999998, 0.7000000000000003], a);
        AssertClose([0.9, 0.8666666666666667, 0.8333333333333334, 0.8, 0.8333333333333334, 0.8666666666666667, 0.9, 0.8666666666666666,
            0.8333333333333335, 0.8, 0.8333333333333335, 0.8666666666666666, 0.9, 0.8666666666666667, 0.8333333333333334], am);
        var sd = s.StateDict();
        Assert.Equal(0.1, sd["base_lrs"].ToArray<double>()[0]);
        Assert.Equal((6.0, 0.5, 1.0), (sd["total_size"].Item<double>(), sd["step_ratio"].Item<double>(), sd["max_lrs"].Item<double>()));

        var (b, bm, _) = Run(Sgd(), o => new CyclicLR(o, baseLr: 0.1, maxLr: 1.0, stepSizeUp: 2, stepSizeDown: 3, mode: "triangular2",
            baseMomentum: 0.7, maxMomentum: 0.95), 14, "momentum");
        AssertClose([0.1, 0.5499999999999999, 0.9999999999999998, 0.6999999999999998, 0.3999999999999999, 0.1, 0.3250000000000002,
            0.5499999999999999, 0.3999999999999999, 0.2500000000000001, 0.1, 0.2125000000000001, 0.32499999999999996, 0.24999999999999997,
            0.17500000000000007], b);
        AssertClose([0.95, 0.825, 0.7, 0.7833333333333333, 0.8666666666666667, 0.95, 0.8875, 0.825, 0.8666666666666667, 0.9083333333333332,
            0.95, 0.91875, 0.8875, 0.9083333333333333, 0.9291666666666666], bm);

        // Adam cycles beta1
        var (c, cm, _) = Run(new Adam([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5),
            o => new CyclicLR(o, baseLr: 0.1, maxLr: 1.0, stepSizeUp: 2, mode: "exp_range", gamma: 0.9), 10, "beta1");
        AssertClose([0.1, 0.505, 0.8290000000000001, 0.42805000000000004, 0.1, 0.3657205, 0.5782969000000001, 0.3152336050000001, 0.1,
            0.27433922005000005, 0.41381059609000015], c);
        AssertClose([0.9, 0.855, 0.8190000000000001, 0.86355, 0.9, 0.8704755000000001, 0.8468559, 0.8760851550000001, 0.9, 0.88062897555,
            0.86513215599], cm);

        var (d, _, _) = Run(new Adagrad([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5),
            o => new CyclicLR(o, baseLr: 0.1, maxLr: 1.0, stepSizeUp: 2, cycleMomentum: false), 6);
        AssertClose([0.1, 0.55, 1.0, 0.55, 0.1, 0.55, 1.0], d);

        var z = Tensor.Zeros([1], requiresGrad: true);
        Assert.Equal("optimizer must support momentum or beta1 with `cycle_momentum` option enabled",
            Assert.Throws<ArgumentException>(() => new CyclicLR(new Adagrad([z], lr: 1), 0.1, 1)).Message);
        Assert.Equal("mode is invalid and scale_fn is None", Assert.Throws<ArgumentException>(() => new CyclicLR(Sgd(), 0.1, 1, mode: "foo")).Message);
    }
}
