using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>MultiplicativeLR against PyTorch 2.6 (get_last_lr per epoch, state dict, resume).</summary>
public class MultiplicativeLRTests
{
    private static double Lambda(int e) => Math.Pow(0.9, e) + 1.0 / (e + 1);

    private static (List<double> Lrs, MultiplicativeLR Sched) Lrs(Func<int, double> lambda, int n = 10)
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var s = new MultiplicativeLR(opt, lambda);
        return (ScheduleAssert.Record(opt, s.Step, () => s.LastLearningRate, n), s);
    }

    [Fact]
    public void MatchesPyTorch()
    {
        var (a, s) = Lrs(Lambda);
        ScheduleAssert.Close([0.5, 0.7, 0.8003333333333332, 0.7835263333333333, 0.6707768939666667, 0.5078831971128215,
            0.34246469660152373, 0.20660788981913986, 0.11189435409655919, 0.05453960079008405, 0.023974928453534515], a);
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "last_epoch"], s.StateDict().Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(10L, s.StateDict()["last_epoch"].Item<long>());
        Assert.Equal(11L, s.StateDict()["_step_count"].Item<long>());
        var (b, _) = Lrs(_ => 0.95);
        ScheduleAssert.Close([0.5, 0.475, 0.45125, 0.42868749999999994, 0.40725312499999994, 0.38689046874999994, 0.3675459453124999,
            0.34916864804687486, 0.3317102156445311, 0.31512470486230454, 0.2993684696191893], b);
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1);
        Assert.Throws<ArgumentNullException>(() => new MultiplicativeLR(opt, null!));
    }

    [Fact]
    public void ResumesFromStateDict()
    {
        var (_, mid) = Lrs(Lambda, n: 3);
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var resumed = new MultiplicativeLR(opt, Lambda);
        resumed.LoadStateDict(mid.StateDict());
        opt.LoadStateDict(mid.Optimizer.StateDict());
        Assert.Equal(3, resumed.LastEpoch);
        var lrs = ScheduleAssert.Record(opt, resumed.Step, () => opt.LearningRate, 3);
        ScheduleAssert.Close([0.7835263333333333, 0.6707768939666667, 0.5078831971128215, 0.34246469660152373], lrs);
    }
}
