using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>
/// Every scheduler over an optimizer with two parameter groups (lr 0.1 and 0.01; SGD momentum 0.9 and 0.5, or Adam
/// betas (0.9, 0.999) and (0.8, 0.99)): each group's rate, and the cycled momentum, per epoch against PyTorch 2.6.
/// </summary>
public class SchedulerParamGroupTests
{
    private static Optimizer TwoGroups(bool adam)
    {
        var (a, b) = (Tensor.Zeros([2], requiresGrad: true), Tensor.Zeros([3], requiresGrad: true));
        return adam
            ? new Adam([new ParamGroup([a]), new ParamGroup([b]) { LearningRate = 0.01, ["beta1"] = 0.8, ["beta2"] = 0.99 }], lr: 0.1)
            : new SGD([new ParamGroup([a]), new ParamGroup([b]) { LearningRate = 0.01, ["momentum"] = 0.5 }], lr: 0.1, momentum: 0.9);
    }

    /// <summary>Each group's rate (and momentum, or beta1 and beta2) flattened epoch by epoch, epoch 0 included.</summary>
    private static (List<double> Rates, List<double> Momenta) Record(Optimizer opt, Action step, Func<IReadOnlyList<double>> lastLrs, int n, bool adam)
    {
        var (rates, momenta) = (new List<double>(), new List<double>());
        for (int i = 0; i <= n; i++)
        {
            if (i > 0)
            {
                opt.Step();
                step();
            }
            rates.AddRange(lastLrs());
            Assert.Equal(lastLrs(), opt.ParamGroups.Select(g => g.LearningRate));
            foreach (var g in opt.ParamGroups)
                if (adam) momenta.AddRange([g["beta1"], g["beta2"]]);
                else momenta.Add(g["momentum"]);
        }
        return (rates, momenta);
    }

    private static readonly Dictionary<string, (bool Adam, int Steps, Func<Optimizer, LRScheduler> Make, double[] Rates, double[]? Momenta)> Cases = new()
    {
        ["StepLR"] = (Adam: false, 5, o => new StepLR(o, 2, 0.5),
            new[] { 0.1, 0.01, 0.1, 0.01, 0.05, 0.005, 0.05, 0.005, 0.025, 0.0025, 0.025, 0.0025 },
            null),
        ["CosineAnnealingLR"] = (Adam: false, 9, o => new CosineAnnealingLR(o, 4, etaMin: 0.001),
            new[] { 0.1, 0.01, 0.0855017856687341, 0.008681980515339464, 0.0505, 0.0055000000000000005, 0.0154982143312659, 0.0023180194846605367, 0.001, 0.001, 0.015498214331265896, 0.002318019484660536, 0.05050000000000001, 0.0055000000000000005, 0.08550178566873413, 0.008681980515339466, 0.10000000000000003, 0.010000000000000002, 0.08550178566873413, 0.008681980515339464 },
            null),
        ["ExponentialLR"] = (Adam: false, 4, o => new ExponentialLR(o, 0.9),
            new[] { 0.1, 0.01, 0.09000000000000001, 0.009000000000000001, 0.08100000000000002, 0.008100000000000001, 0.07290000000000002, 0.007290000000000001, 0.06561000000000002, 0.006561000000000002 },
            null),
        ["MultiStepLR"] = (Adam: false, 5, o => new MultiStepLR(o, [2, 4, 4], 0.5),
            new[] { 0.1, 0.01, 0.1, 0.01, 0.05, 0.005, 0.05, 0.005, 0.0125, 0.00125, 0.0125, 0.00125 },
            null),
        ["LinearLR"] = (Adam: false, 6, o => new LinearLR(o, 0.25, 1.0, 4),
            new[] { 0.025, 0.0025, 0.043750000000000004, 0.004375, 0.06250000000000001, 0.00625, 0.08125000000000002, 0.008125, 0.10000000000000002, 0.01, 0.10000000000000002, 0.01, 0.10000000000000002, 0.01 },
            null),
        ["OneCycleLR"] = (Adam: false, 7, o => new OneCycleLR(o, maxLr: 0.5, totalSteps: 8),
            new[] { 0.020000000000000018, 0.020000000000000018, 0.409637552446096, 0.409637552446096, 0.4859708886937616, 0.4859708886937616, 0.4058728269748815, 0.4058728269748815, 0.2779920070613508, 0.2779920070613508, 0.14153049910434962, 0.14153049910434962, 0.0383207969171282, 0.0383207969171282, 2e-06, 2e-06 },
            new[] { 0.95, 0.95, 0.8688255099070633, 0.8688255099070633, 0.8528058334845816, 0.8528058334845816, 0.8688255099070633, 0.8688255099070633, 0.8944017761948346, 0.8944017761948346, 0.9216941869558779, 0.9216941869558779, 0.9423362099614142, 0.9423362099614142, 0.95, 0.95 }),
        ["OneCycleLRAdam"] = (Adam: true, 7, o => new OneCycleLR(o, maxLr: 0.5, totalSteps: 8, threePhase: true, annealStrategy: "linear"),
            new[] { 0.02, 0.02, 0.3628571428571429, 0.3628571428571429, 0.29428571428571426, 0.29428571428571426, 0.019047714285714286, 0.019047714285714286, 0.014286285714285713, 0.014286285714285713, 0.009524857142857142, 0.009524857142857142, 0.004763428571428571, 0.004763428571428571, 1.9999999999985307e-06, 1.9999999999985307e-06 },
            new[] { 0.95, 0.999, 0.95, 0.99, 0.8785714285714286, 0.999, 0.8785714285714286, 0.99, 0.8928571428571428, 0.999, 0.8928571428571428, 0.99, 0.95, 0.999, 0.95, 0.99, 0.95, 0.999, 0.95, 0.99, 0.95, 0.999, 0.95, 0.99, 0.95, 0.999, 0.95, 0.99, 0.95, 0.999, 0.95, 0.99 }),
        ["CosineAnnealingWarmRestarts"] = (Adam: false, 8, o => new CosineAnnealingWarmRestarts(o, 2, 2, etaMin: 0.001),
            new[] { 0.1, 0.010000000000000002, 0.0505, 0.0055000000000000005, 0.1, 0.010000000000000002, 0.0855017856687341, 0.008681980515339464, 0.0505, 0.0055000000000000005, 0.0154982143312659, 0.0023180194846605367, 0.1, 0.010000000000000002, 0.0962320368593087, 0.009657457896300792, 0.0855017856687341, 0.008681980515339464 },
            null),
        ["CyclicLR"] = (Adam: false, 8, o => new CyclicLR(o, 0.01, 0.1, stepSizeUp: 2, stepSizeDown: 3, mode: "triangular2"),
            new[] { 0.01, 0.01, 0.055, 0.055, 0.09999999999999999, 0.09999999999999999, 0.06999999999999999, 0.06999999999999999, 0.039999999999999994, 0.039999999999999994, 0.01, 0.01, 0.03250000000000002, 0.03250000000000002, 0.055, 0.055, 0.039999999999999994, 0.039999999999999994 },
            new[] { 0.9, 0.9, 0.8500000000000001, 0.8500000000000001, 0.8, 0.8, 0.8333333333333334, 0.8333333333333334, 0.8666666666666667, 0.8666666666666667, 0.9, 0.9, 0.875, 0.875, 0.8500000000000001, 0.8500000000000001, 0.8666666666666667, 0.8666666666666667 }),
        ["CyclicLRAdam"] = (Adam: true, 5, o => new CyclicLR(o, 0.01, 0.1, stepSizeUp: 2),
            new[] { 0.01, 0.01, 0.05500000000000001, 0.05500000000000001, 0.1, 0.1, 0.05500000000000001, 0.05500000000000001, 0.01, 0.01, 0.05500000000000001, 0.05500000000000001 },
            new[] { 0.9, 0.999, 0.9, 0.99, 0.8500000000000001, 0.999, 0.8500000000000001, 0.99, 0.8, 0.999, 0.8, 0.99, 0.8500000000000001, 0.999, 0.8500000000000001, 0.99, 0.9, 0.999, 0.9, 0.99, 0.8500000000000001, 0.999, 0.8500000000000001, 0.99 }),
        ["LambdaLR"] = (Adam: false, 4, o => new LambdaLR(o, e => Math.Pow(0.9, e)),
            new[] { 0.1, 0.01, 0.09000000000000001, 0.009000000000000001, 0.08100000000000002, 0.008100000000000001, 0.0729, 0.007290000000000001, 0.06561, 0.006561 },
            null),
        ["ConstantLR"] = (Adam: false, 4, o => new ConstantLR(o, 0.5, 3),
            new[] { 0.05, 0.005, 0.05, 0.005, 0.05, 0.005, 0.1, 0.01, 0.1, 0.01 },
            null),
        ["PolynomialLR"] = (Adam: false, 5, o => new PolynomialLR(o, 4, 2.0),
            new[] { 0.1, 0.01, 0.05625, 0.005625, 0.024999999999999998, 0.0024999999999999996, 0.0062499999999999995, 0.0006249999999999999, 0.0, 0.0, 0.0, 0.0 },
            null),
        ["MultiplicativeLR"] = (Adam: false, 4, o => new MultiplicativeLR(o, _ => 0.95),
            new[] { 0.1, 0.01, 0.095, 0.0095, 0.09025, 0.009025, 0.0857375, 0.00857375, 0.08145062499999998, 0.0081450625 },
            null),
        ["SWALR"] = (Adam: false, 5, o => new SWALR(o, swaLr: 0.05, annealEpochs: 3),
            new[] { 0.1, 0.01, 0.08750000000000001, 0.019999999999999997, 0.06250000000000001, 0.04, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05 },
            null),
    };

    public static TheoryData<string> Schedulers => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void EachGroupFollowsItsOwnSchedule(string name)
    {
        var (adam, steps, make, expected, expectedMomenta) = Cases[name];
        var opt = TwoGroups(adam);
        var s = make(opt);
        var (rates, momenta) = Record(opt, s.Step, () => s.LastLearningRates, steps, adam);
        ScheduleAssert.Close(expected, rates);
        if (expectedMomenta is not null) ScheduleAssert.Close(expectedMomenta, momenta);
        Assert.Equal(s.LastLearningRates[0], s.LastLearningRate);
        Assert.Equal(opt.ParamGroups.Select(g => g["initial_lr"]), s.BaseLearningRates);
    }

    [Fact]
    public void ReduceLROnPlateauLowersEachGroup()
    {
        var opt = TwoGroups(adam: false);
        var s = new ReduceLROnPlateau(opt, factor: 0.5, patience: 1, minLr: 0.004);
        double[] metrics = [1, 1, 1, 1, 0.5, 1, 1];
        int epoch = 0;
        var (rates, _) = Record(opt, () => s.Step(metrics[epoch++]), () => s.LastLearningRates, metrics.Length, adam: false);
        ScheduleAssert.Close(new[] { 0.1, 0.01, 0.1, 0.01, 0.1, 0.01, 0.05, 0.005, 0.05, 0.005, 0.05, 0.005, 0.05, 0.005, 0.025, 0.004 }, rates);
    }

    [Fact]
    public void SequentialAndChainedSchedulersStepEachGroup()
    {
        var opt = TwoGroups(adam: false);
        var seq = new SequentialLR(opt, [new ConstantLR(opt, 0.5, 2), new ExponentialLR(opt, 0.9)], [3]);
        ScheduleAssert.Close(new[] { 0.05, 0.005, 0.05, 0.005, 0.1, 0.01, 0.1, 0.01, 0.09000000000000001, 0.009000000000000001, 0.08100000000000002, 0.008100000000000001, 0.07290000000000002, 0.007290000000000001 }, Record(opt, seq.Step, () => seq.LastLearningRates, 6, adam: false).Rates);

        opt = TwoGroups(adam: false);
        var chained = new ChainedScheduler([new ConstantLR(opt, 0.5, 2), new ExponentialLR(opt, 0.9)]);
        ScheduleAssert.Close(new[] { 0.05, 0.005, 0.045000000000000005, 0.0045000000000000005, 0.08100000000000002, 0.008100000000000001, 0.07290000000000002, 0.007290000000000001, 0.06561000000000002, 0.006561000000000002 }, Record(opt, chained.Step, () => chained.LastLearningRates, 4, adam: false).Rates);
    }

    [Fact]
    public void ALaterSchedulerStartsFromEachGroupsInitialRate()
    {
        var opt = TwoGroups(adam: false);
        _ = new ExponentialLR(opt, 0.5);
        foreach (var g in opt.ParamGroups) g.LearningRate *= 0.5;
        var s = new LambdaLR(opt, e => 1.0 + e);
        Assert.Equal([0.1, 0.01], s.BaseLearningRates);
        Assert.Equal([0.1, 0.01], s.LastLearningRates);
    }

    [Fact]
    public void StateDictHoldsOneRatePerGroup()
    {
        var opt = TwoGroups(adam: false);
        var s = new StepLR(opt, 2, 0.5);
        for (int i = 0; i < 3; i++) s.Step();
        var sd = s.StateDict();
        Assert.Equal([0.1, 0.01], sd["base_lrs"].ToArray<double>());
        Assert.Equal([0.05, 0.005], sd["_last_lr"].ToArray<double>());
        var twin = new StepLR(TwoGroups(adam: false), 2, 0.5);
        twin.LoadStateDict(sd);
        Assert.Equal(s.LastLearningRates, twin.LastLearningRates);
        var single = new StepLR(new SGD([Tensor.Zeros([1], requiresGrad: true)], 0.1), 2, 0.5);
        Assert.StartsWith("StepLR state_dict entry \"base_lrs\" must hold one value per parameter group (1)",
            Assert.Throws<ArgumentException>(() => single.LoadStateDict(sd)).Message);
    }
}
