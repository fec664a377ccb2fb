using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>Adagrad and ReduceLROnPlateau against PyTorch 2.6.</summary>
public class AdagradPlateauTests
{
    private static double[] Run(Func<Tensor, Optimizer> make)
    {
        var p = Tensor.FromArray(new[] { 0.5, -1.0, 2.0, 0.25 }, [2, 2]).RequiresGrad_();
        var k = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
        var opt = make(p);
        for (int t = 0; t < 4; t++)
        {
            opt.ZeroGrad();
            ((p * p * p).Sum() + (p * k).Sum()).Backward();
            opt.Step();
        }
        return p.ToArray<double>();
    }

    [Fact]
    public void AdagradMatchesPyTorch()
    {
        double[] a = Run(p => new Adagrad([p], lr: 0.1));
        double[] expectedA = [0.24258390051800166, -1.3296693774335777, 1.7348340406152847, -0.024607160158470996];
        for (int i = 0; i < 4; i++) Assert.Equal(expectedA[i], a[i], 1e-13);
        double[] b = Run(p => new Adagrad([p], lr: 0.05, lrDecay: 0.1, weightDecay: 0.2, initialAccumulatorValue: 0.5, eps: 1e-6));
        double[] expectedB = [0.38421619573231686, -1.1178428157588491, 1.8772105398401893, 0.12756825179895107];
        for (int i = 0; i < 4; i++) Assert.Equal(expectedB[i], b[i], 1e-13);

        var fresh = new Adagrad([Tensor.Zeros([2], requiresGrad: true)], initialAccumulatorValue: 0.5);
        Assert.Equal(["step", "sum"], fresh.StateDict().Keys.Where(k => k.StartsWith("state.0.")).Select(k => k["state.0.".Length..]).Order());
        var z = Tensor.Zeros([1], requiresGrad: true);
        Assert.StartsWith("Invalid lr_decay value: -1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([z], lrDecay: -1)).Message);
        Assert.StartsWith("Invalid initial_accumulator_value value: -1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([z], initialAccumulatorValue: -1)).Message);
        Assert.StartsWith("Invalid epsilon value: -1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([z], eps: -1)).Message);
    }

    [Fact]
    public void PlateauScheduleMatchesPyTorch()
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0);
        var s = new ReduceLROnPlateau(opt, patience: 2, factor: 0.5, cooldown: 1, threshold: 0.1);
        var lrs = new List<double>();
        foreach (double m in new[] { 10, 9.5, 9.4, 9.3, 9.35, 5.0, 5.0, 5.0, 5.0, 5.0, 4.9, 4.8, 4.7 })
        {
            s.Step(m);
            lrs.Add(opt.LearningRate);
        }
        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.125], lrs);

        var opt2 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0);
        var s2 = new ReduceLROnPlateau(opt2, mode: "max", patience: 0, factor: 0.1, threshold: 0.5, thresholdMode: "abs", minLr: 0.005);
        var lrs2 = new List<double>();
        foreach (double m in new[] { 1, 1.2, 1.6, 1.7, 1.8, 3.0, 3.1 })
        {
            s2.Step(m);
            lrs2.Add(opt2.LearningRate);
        }
        Assert.Equal([1.0, 0.1, 0.1, 0.010000000000000002, 0.005, 0.005, 0.005], lrs2);

        // a checkpoint mid-run resumes the same decisions
        var opt3 = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 0.5);
        var s3 = new ReduceLROnPlateau(opt3, patience: 2, factor: 0.5, cooldown: 1, threshold: 0.1);
        var replay = new ReduceLROnPlateau(new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0), patience: 2, factor: 0.5, cooldown: 1, threshold: 0.1);
        foreach (double m in new[] { 10, 9.5, 9.4, 9.3, 9.35 }) replay.Step(m);
        s3.LoadStateDict(replay.StateDict());
        foreach (double m in new[] { 5.0, 5.0, 5.0, 5.0, 5.0 }) s3.Step(m);
        Assert.Equal(0.25, opt3.LearningRate);

        Assert.Equal("Factor should be < 1.0.", Assert.Throws<ArgumentException>(() => new ReduceLROnPlateau(opt, factor: 1.0)).Message);
        Assert.Equal("mode mid is unknown!", Assert.Throws<ArgumentException>(() => new ReduceLROnPlateau(opt, mode: "mid")).Message);
        Assert.Equal("threshold mode x is unknown!", Assert.Throws<ArgumentException>(() => new ReduceLROnPlateau(opt, thresholdMode: "x")).Message);
    }
}
