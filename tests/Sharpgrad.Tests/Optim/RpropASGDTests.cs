using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>Rprop and ASGD against PyTorch 2.6 (foreach=False; 8 steps of sum(p³) + sum(p·k), float64).</summary>
public class RpropASGDTests
{
    private static readonly Tensor[] Z = [Tensor.Zeros([1], requiresGrad: true)];

    private static void StateIs(Optimizer opt, string name, double[] expected)
    {
        var got = opt.StateDict()[$"state.0.{name}"].To(DType.Float64).Reshape(-1).ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++) Assert.Equal(expected[i], got[i], 1e-12);
    }

    [Fact]
    public void RpropMatchesPyTorch()
    {
        string[] keys = ["prev", "step", "step_size"];
        MoreOptimizerTests.Check(p => new Rprop([p]), [0.335009152, -1.1649908480000002, 1.8350091519999998, 0.085009152], keys);
        MoreOptimizerTests.Check(p => new Rprop([p], lr: 0.3, etaMinus: 0.3, etaPlus: 1.5, stepSizeMin: 1e-3, stepSizeMax: 0.4),
            [-2.5999999999999996, -4.1, -1.1000000000000003, -2.8499999999999996], keys);
        // maximizing: the second element's gradient flips sign, so its step size shrinks and its remembered gradient is zero
        MoreOptimizerTests.Check(p => new Rprop([p], lr: 0.05, maximize: true), [1.32495424, -0.8266399999999999, 2.8249542399999994, 1.0749542399999998], keys);
        var opt = MoreOptimizerTests.Run(p => new Rprop([p], lr: 0.05, maximize: true)).Opt;
        StateIs(opt, "prev", [-4.938539921029121, 0.0, -21.500696721029108, -5.40734712102912]);
        StateIs(opt, "step_size", [0.17915903999999996, 0.025919999999999995, 0.17915903999999996, 0.17915903999999996]);
        StateIs(MoreOptimizerTests.Run(p => new Rprop([p])).Opt, "prev", [1.412569052841165, 1.8250004128411663, 11.000137692841161, 3.0438076128411646]);

        var d = new Rprop(Z);
        Assert.Equal((0.01, 0.5, 1.2, 1e-6, 50.0, false), (d.LearningRate, d.EtaMinus, d.EtaPlus, d.StepSizeMin, d.StepSizeMax, d.Maximize));
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Rprop(Z, lr: -1)).Message);
        Assert.StartsWith("Invalid eta values: 1.0, 1.2", Assert.Throws<ArgumentOutOfRangeException>(() => new Rprop(Z, etaMinus: 1.0)).Message);
        Assert.StartsWith("Invalid eta values: 0.5, 1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Rprop(Z, etaPlus: 1.0)).Message);
        Assert.StartsWith("Invalid eta values: 0.0, 1.2", Assert.Throws<ArgumentOutOfRangeException>(() => new Rprop(Z, etaMinus: 0.0)).Message);
    }

    [Fact]
    public void ASGDMatchesPyTorch()
    {
        string[] keys = ["ax", "eta", "mu", "step"];
        // t0 = 1e6: mu stays 1, so ax just copies the parameter
        MoreOptimizerTests.Check(p => new ASGD([p]), [0.37276408180107634, -1.0995686403910057, 1.299351234590101, 0.004030400704106154], keys);
        MoreOptimizerTests.Check(p => new ASGD([p], lr: 0.05, lambd: 0.01, alpha: 0.5, t0: 3, weightDecay: 0.1),
            [-0.0109770566892586, -2.3211629184166394, 0.39822551886010293, -1.23078324926344], keys);
        MoreOptimizerTests.Check(p => new ASGD([p], lr: 0.02, lambd: 0.001, t0: 5, maximize: true),
            [0.8615828794678418, -0.8915147190401399, 10.090190096510021, 0.8605709797733392], keys);

        // eta and mu are float32 scalars, as in PyTorch
        var sd = MoreOptimizerTests.Run(p => new ASGD([p], lr: 0.05, lambd: 0.01, alpha: 0.5, t0: 3, weightDecay: 0.1)).Opt.StateDict();
        Assert.Equal(DType.Float32, sd["state.0.eta"].DType);
        Assert.Equal(0.049900300800800323, sd["state.0.eta"].To(DType.Float64).Item<double>());
        Assert.Equal(0.20000000298023224, sd["state.0.mu"].To(DType.Float64).Item<double>());
        var opt = MoreOptimizerTests.Run(p => new ASGD([p], lr: 0.02, lambd: 0.001, t0: 5, maximize: true)).Opt;
        StateIs(opt, "ax", [0.8322533849008649, -0.8958312479122361, 8.583219837806805, 0.8130065765258445]);
        StateIs(opt, "eta", [0.019997600466012955]);
        StateIs(opt, "mu", [0.3333333432674408]);

        var d = new ASGD(Z);
        Assert.Equal((0.01, 1e-4, 0.75, 1e6, 0.0, false), (d.LearningRate, d.Lambd, d.Alpha, d.T0, d.WeightDecay, d.Maximize));
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new ASGD(Z, lr: -1)).Message);
        Assert.StartsWith("Invalid weight_decay value: -0.5", Assert.Throws<ArgumentOutOfRangeException>(() => new ASGD(Z, weightDecay: -0.5)).Message);
    }

    [Fact]
    public void Float32TrajectoriesMatchPyTorch()
    {
        static float[] Run(Func<Tensor, Optimizer> make)
        {
            var p = Tensor.FromArray(new[] { 0.5f, -1f, 2f, 0.25f }, [2, 2]).RequiresGrad_();
            var k = Tensor.FromArray(new[] { 1f, -2f, 0.5f, 3f }, [2, 2]);
            var opt = make(p);
            for (int t = 0; t < 8; t++)
            {
                opt.ZeroGrad();
                ((p * p * p).Sum() + (p * k).Sum()).Backward();
                opt.Step();
            }
            return p.ToArray<float>();
        }
        Assert.Equal([1.6928843259811401f, -0.8083584308624268f, 3.1928844451904297f, 1.4428844451904297f],
            Run(p => new Rprop([p], lr: 0.05, etaMinus: 0.3, etaPlus: 1.3, maximize: true)));
        Assert.Equal([-0.010977081954479218f, -2.3211629390716553f, 0.3982255756855011f, -1.230783224105835f],
            Run(p => new ASGD([p], lr: 0.05, lambd: 0.01, alpha: 0.5, t0: 3, weightDecay: 0.1)));
    }
}
