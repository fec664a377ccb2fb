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
