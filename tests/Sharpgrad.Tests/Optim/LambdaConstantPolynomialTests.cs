using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>LambdaLR, ConstantLR and PolynomialLR against PyTorch 2.6 (get_last_lr per epoch, state dicts).</summary>
public class LambdaConstantPolynomialTests
{
    private static (List<double> Lrs, LRScheduler Sched) Lrs(Func<Optimizer, LRScheduler> make, int n = 10)
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var s = make(opt);
        return (ScheduleAssert.Record(opt, s.Step, () => s.LastLearningRate, n), s);
    }

    private static void AssertClose(double[] expected, List<double> actual) => ScheduleAssert.Close(expected, actual);

    private static string[] Keys(LRScheduler s) => s.StateDict().Keys.Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void LambdaLRMatchesPyTorch()
    {
        var (lrs, s) = Lrs(o => new LambdaLR(o, e => Math.Pow(0.9, e) + 1.0 / (e + 1)));
        AssertClose([1.0, 0.7, 0.5716666666666667, 0.48950000000000005, 0.42805000000000004, 0.37857833333333335, 0.3371490714285714,
            0.30164845000000007, 0.2707891605555556, 0.24371024450000006, 0.2197937655045455], lrs);
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "last_epoch"], Keys(s));
        Assert.Equal(11L, s.StateDict()["_step_count"].Item<long>());
    }

    [Fact]
    public void ConstantLRMatchesPyTorch()
    {
        var (a, s) = Lrs(o => new ConstantLR(o));
        AssertClose([0.16666666666666666, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666, 0.16666666666666666,
            0.5, 0.5, 0.5, 0.5, 0.5, 0.5], a);
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "factor", "last_epoch", "total_iters"], Keys(s));
        var (b, _) = Lrs(o => new ConstantLR(o, factor: 0.25, totalIters: 3));
        AssertClose([0.125, 0.125, 0.125, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], b);
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1);
        Assert.Equal("Constant multiplicative factor expected to be between 0 and 1.", Assert.Throws<ArgumentException>(() => new ConstantLR(opt, factor: 1.5)).Message);
        Assert.Equal("Constant multiplicative factor expected to be between 0 and 1.", Assert.Throws<ArgumentException>(() => new ConstantLR(opt, factor: -0.5)).Message);

        // resuming from a state dict continues the schedule
        var (_, mid) = Lrs(o => new ConstantLR(o, factor: 0.25, totalIters: 3), n: 2);
        var opt2 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var resumed = new ConstantLR(opt2, factor: 0.9, totalIters: 9);
        resumed.LoadStateDict(mid.StateDict());
        opt2.LoadStateDict(mid.Optimizer.StateDict());
        Assert.Equal(0.125, opt2.LearningRate);
        resumed.Step();
        Assert.Equal(0.5, resumed.LastLearningRate);
    }

    [Fact]
    public void PolynomialLRMatchesPyTorch()
    {
        var (a, s) = Lrs(o => new PolynomialLR(o));
        AssertClose([0.5, 0.4, 0.3, 0.2, 0.09999999999999998, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], a);
        Assert.Equal(["_last_lr", "_step_count", "base_lrs", "last_epoch", "power", "total_iters"], Keys(s));
        var (b, _) = Lrs(o => new PolynomialLR(o, totalIters: 7, power: 2.5));
        AssertClose([0.5, 0.3400971795082843, 0.21560057518584605, 0.12341697077852315, 0.06012125547318158, 0.021817244237748928,
            0.0038567803368288536, 0.0, 0.0, 0.0, 0.0], b);
    }
}
