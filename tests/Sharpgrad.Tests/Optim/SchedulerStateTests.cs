using Sharpgrad.Optim;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Optim;

/// <summary>Scheduler checkpoints: a restored schedule continues exactly where the saved one was.</summary>
public class SchedulerStateTests
{
    private static readonly double[] s_cosine = [1.0, 0.8681980515339464, 0.55, 0.23180194846605368, 0.1, 0.2318019484660536, 0.55, 0.8681980515339467, 1.0000000000000004, 0.8681980515339468];

    [Fact]
    public void CosineScheduleResumesFromASafetensorsCheckpoint()
    {
        var opt = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s = new CosineAnnealingLR(opt, tMax: 4, etaMin: 0.1);
        for (int i = 0; i < 4; i++) s.Step();
        var optBytes = SafeTensors.Serialize(opt.StateDict());
        var schedBytes = SafeTensors.Serialize(s.StateDict());

        // a fresh run built with other settings takes the checkpoint's
        var opt2 = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s2 = new CosineAnnealingLR(opt2, tMax: 10);
        opt2.LoadStateDict(SafeTensors.Deserialize(optBytes));
        s2.LoadStateDict(SafeTensors.Deserialize(schedBytes));
        Assert.Equal(4, s2.LastEpoch);
        Assert.Equal(4, s2.TMax);
        Assert.Equal(0.1, s2.EtaMin);
        var lrs = new List<double> { opt2.LearningRate };
        for (int i = 5; i < s_cosine.Length; i++)
        {
            s2.Step();
            lrs.Add(opt2.LearningRate);
        }
        Assert.Equal(s_cosine[4..], lrs);
    }

    [Fact]
    public void StepLRStateDictHasPyTorchsKeys()
    {
        var opt = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s = new StepLR(opt, stepSize: 2, gamma: 0.5);
        s.Step();
        s.Step();
        s.Step();
        var d = s.StateDict();
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "gamma", "last_epoch", "step_size"], d.Keys.Order());
        Assert.Equal(3L, d["last_epoch"].Item<long>());
        Assert.Equal(4L, d["_step_count"].Item<long>());
        Assert.Equal(0.5, d["_last_lr"].ToArray<double>()[0]);
        Assert.Equal(1.0, d["base_lrs"].ToArray<double>()[0]);
        Assert.Equal(2L, d["step_size"].Item<long>());
        Assert.Equal(DType.Int64, d["step_size"].DType);

        var opt2 = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 0.5);
        var s2 = new StepLR(opt2, stepSize: 7, gamma: 0.9);
        s2.LoadStateDict(d);
        s2.Step(); // epoch 4: decays
        Assert.Equal(0.25, opt2.LearningRate);
        Assert.Equal(2, s2.StepSize);
    }

    [Fact]
    public void BadSchedulerStateIsRejectedAndChangesNothing()
    {
        var opt = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s = new StepLR(opt, stepSize: 2, gamma: 0.5);
        var good = s.StateDict();

        var extra = new Dictionary<string, Tensor>(good) { ["T_max"] = Tensor.Scalar(3L, DType.Int64) };
        Assert.Equal("unexpected key in StepLR state_dict: \"T_max\" (Parameter 'stateDict')", Assert.Throws<ArgumentException>(() => s.LoadStateDict(extra)).Message);
        var missing = new Dictionary<string, Tensor>(good);
        missing.Remove("gamma");
        Assert.Equal("missing key in StepLR state_dict: \"gamma\" (Parameter 'stateDict')", Assert.Throws<ArgumentException>(() => s.LoadStateDict(missing)).Message);
        var zero = new Dictionary<string, Tensor>(good) { ["step_size"] = Tensor.Scalar(0L, DType.Int64), ["last_epoch"] = Tensor.Scalar(9L, DType.Int64) };
        Assert.Throws<ArgumentException>(() => s.LoadStateDict(zero));
        var fractional = new Dictionary<string, Tensor>(good) { ["last_epoch"] = Tensor.Scalar(1.5, DType.Float64) };
        Assert.Throws<ArgumentException>(() => s.LoadStateDict(fractional));
        Assert.Equal(0, s.LastEpoch);
        Assert.Equal(2, s.StepSize);
    }
}

/// <summary>ExponentialLR, MultiStepLR and LinearLR: PyTorch 2.6's rate sequences, settings and state.</summary>
public class MoreSchedulerTests
{
    private static (List<double> Rates, LRScheduler Scheduler) Run(Func<Optimizer, LRScheduler> make, int steps = 9)
    {
        var opt = new SGD([Tensor.Scalar(0.0, requiresGrad: true)], lr: 1.0);
        var s = make(opt);
        var rates = new List<double> { opt.LearningRate };
        for (int i = 0; i < steps; i++)
        {
            opt.Step();
            s.Step();
            rates.Add(opt.LearningRate);
        }
        return (rates, s);
    }

    [Fact]
    public void SequencesMatchPyTorch()
    {
        Assert.Equal([1.0, 0.9, 0.81, 0.7290000000000001, 0.6561000000000001, 0.5904900000000002, 0.5314410000000002, 0.47829690000000014, 0.43046721000000016, 0.38742048900000015],
            Run(o => new ExponentialLR(o, 0.9)).Rates);
        Assert.Equal([1.0, 1.0, 0.1, 0.1, 0.1, 0.0010000000000000002, 0.0010000000000000002, 0.00010000000000000003, 0.00010000000000000003, 0.00010000000000000003],
            Run(o => new MultiStepLR(o, [2, 5, 5, 7], 0.1)).Rates);
        Assert.Equal([0.25, 0.4375, 0.625, 0.8125, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], Run(o => new LinearLR(o, 0.25, 1.0, 4)).Rates);
        Assert.Equal([0.3333333333333333, 0.4666666666666667, 0.6000000000000001, 0.7333333333333335, 0.8666666666666669, 1.0000000000000002, 1.0000000000000002, 1.0000000000000002, 1.0000000000000002, 1.0000000000000002],
            Run(o => new LinearLR(o)).Rates);
    }

    [Fact]
    public void FactorsAreValidatedAsInPyTorch()
    {
        var opt = new SGD([Tensor.Scalar(0.0, requiresGrad: true)], lr: 1.0);
        Assert.Equal("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.", Assert.Throws<ArgumentException>(() => new LinearLR(opt, 0.0)).Message);
        Assert.Equal("Ending multiplicative factor expected to be between 0 and 1.", Assert.Throws<ArgumentException>(() => new LinearLR(opt, 0.5, 1.5)).Message);
    }

    [Fact]
    public void MultiStepStateRoundTripsWithItsMilestones()
    {
        var (_, s) = Run(o => new MultiStepLR(o, [5, 2, 5, 7], 0.1), steps: 4);
        var d = s.StateDict();
        Assert.Equal(new long[] { 2, 5, 5, 7 }, d["milestones"].ToArray<long>());
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "gamma", "last_epoch", "milestones"], d.Keys.Order());

        var opt = new SGD([Tensor.Scalar(0.0, requiresGrad: true)], lr: 0.1);
        var resumed = new MultiStepLR(opt, [1], 0.5);
        resumed.LoadStateDict(d);
        Assert.Equal([2L, 5L, 5L, 7L], resumed.Milestones);
        resumed.Step(); // epoch 5: two milestones
        Assert.Equal(0.1 * Math.Pow(0.1, 2), opt.LearningRate, 15);

        var linear = Run(o => new LinearLR(o, 0.25, 1.0, 4), steps: 2).Scheduler;
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "end_factor", "last_epoch", "start_factor", "total_iters"], linear.StateDict().Keys.Order());
    }
}

/// <summary>OneCycleLR against PyTorch 2.6: rates and momentum, linear, three-phase, the step limit.</summary>
public class OneCycleTests
{
    [Fact]
    public void SequencesMatchPyTorch()
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.1, momentum: 0.9);
        var s = new OneCycleLR(opt, maxLr: 1.0, totalSteps: 10);
        var lrs = new List<double> { opt.LearningRate };
        var moms = new List<double> { opt.Momentum };
        for (int i = 0; i < 9; i++)
        {
            opt.Step();
            s.Step();
            lrs.Add(opt.LearningRate);
            moms.Add(opt.Momentum);
        }
        Assert.Equal([0.040000000000000036, 0.52, 1.0, 0.9504846320134737, 0.8117456539497631, 0.6112620219362893, 0.38874197806371075, 0.18825834605023697, 0.049519367986526286, 4e-06], lrs);
        Assert.Equal([0.95, 0.8999999999999999, 0.85, 0.854951556604879, 0.8688255099070633, 0.8888739533021842, 0.9111260466978157, 0.9311744900929366, 0.945048443395121, 0.95], moms);

        var opt2 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.1);
        var s2 = new OneCycleLR(opt2, maxLr: 2.0, totalSteps: 8, pctStart: 0.25, annealStrategy: "linear", divFactor: 10, finalDivFactor: 100, cycleMomentum: false);
        var lin = new List<double> { opt2.LearningRate };
        for (int i = 0; i < 7; i++)
        {
            s2.Step();
            lin.Add(opt2.LearningRate);
        }
        Assert.Equal([0.2, 2.0, 1.667, 1.334, 1.001, 0.6680000000000001, 0.33499999999999996, 0.0020000000000000018], lin);
        s2.Step(); // step 8 is still allowed
        Assert.Equal("Tried to step 9 times. The specified number of total steps is 8", Assert.Throws<ArgumentException>(() => s2.Step()).Message);

        var opt3 = new Adam([Tensor.Zeros([1], requiresGrad: true)], lr: 0.1);
        var s3 = new OneCycleLR(opt3, maxLr: 1.0, totalSteps: 9, threePhase: true);
        var three = new List<double> { opt3.LearningRate };
        for (int i = 0; i < 8; i++)
        {
            s3.Step();
            three.Add(opt3.LearningRate);
        }
        Assert.Equal([0.040000000000000036, 0.6513582352345999, 0.9281042251502147, 0.16527571973408342, 0.03834439160750605, 0.029202380624547573, 0.01593328665097343, 0.004489325608493011, 4e-06], three);
        Assert.Equal(0.95, opt3.Beta1, 12); // beta1 cycles like SGD's momentum
    }
}
