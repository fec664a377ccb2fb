using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>ChainedScheduler against PyTorch 2.6.</summary>
public class ChainedSchedulerTests
{
    private static (SGD Opt, ChainedScheduler Chain) Make()
    {
        var opt = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0, momentum: 0.9);
        return (opt, new ChainedScheduler([new ConstantLR(opt, factor: 0.1, totalIters: 2), new ExponentialLR(opt, gamma: 0.9)]));
    }

    [Fact]
    public void ChainMatchesPyTorch()
    {
        var (opt, chain) = Make();
        var lrs = new List<double> { chain.LastLearningRate };
        for (int i = 0; i < 6; i++)
        {
            opt.Step();
            chain.Step();
            lrs.Add(chain.LastLearningRate);
        }
        double[] expected = [0.1, 0.09000000000000001, 0.8100000000000002, 0.7290000000000002, 0.6561000000000002, 0.5904900000000002, 0.5314410000000002];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], lrs[i], 1e-15);
        var sd = chain.StateDict();
        Assert.Equal(0.5904900000000002, sd["_schedulers.0._last_lr"].ToArray<double>()[0], 1e-15);
        Assert.Equal(6L, sd["_schedulers.1.last_epoch"].Item<long>());
        Assert.Equal(1.0, sd["_schedulers.1.base_lrs"].ToArray<double>()[0]); // PyTorch: base_lrs come from initial_lr
        Assert.Equal(0.5314410000000002, sd["_last_lr"].ToArray<double>()[0], 1e-15);

        // a restored chain continues where the saved one stopped
        var (opt2, chain2) = Make();
        opt2.LoadStateDict(opt.StateDict());
        chain2.LoadStateDict(sd);
        opt.Step();
        chain.Step();
        chain2.Step();
        Assert.Equal(chain.LastLearningRate, chain2.LastLearningRate);

        var other = new SGD([Tensor.Zeros([1], requiresGrad: true)], lr: 1.0);
        Assert.StartsWith("ChainedScheduler expects all schedulers to belong to the same optimizer, but got scheduler ExponentialLR at index 1",
            Assert.Throws<ArgumentException>(() => new ChainedScheduler([new ConstantLR(opt, factor: 0.1), new ExponentialLR(other, gamma: 0.9)])).Message);
        Assert.StartsWith("ChainedScheduler expects all schedulers to belong to the same optimizer, but got scheduler ConstantLR at index 0",
            Assert.Throws<ArgumentException>(() => new ChainedScheduler([new ConstantLR(opt, factor: 0.1)], other)).Message);
    }
}
