using Sharpgrad.NN;
using Sharpgrad.Optim;
using Sharpgrad.Serialization;
using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Optim;

/// <summary>Optimizers step by step against PyTorch 2.6 (FACTS sec 6: p = 1, loss = p², three steps).</summary>
[Collection("Seed")]
public class OptimizerTests
{
    private static double[] Run(Func<Tensor, Optimizer> make, int steps = 3)
    {
        var p = Tensor.Scalar(1.0, requiresGrad: true);
        var opt = make(p);
        var values = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            opt.ZeroGrad();
            (p * p).Backward();
            opt.Step();
            values[i] = p.Item<float>();
        }
        return values;
    }

    public static TheoryData<string, double[]> Scalar => new()
    {
        { "sgd", [0.800000011920929, 0.6399999856948853, 0.5119999647140503] },
        { "sgd momentum", [0.800000011920929, 0.46000000834465027, 0.06199999898672104] },
        { "sgd nesterov", [0.6200000047683716, 0.2224000096321106, -0.10835198312997818] },
        { "sgd dampening", [0.800000011920929, 0.5400000214576721, 0.25200003385543823] },
        { "sgd momentum wd", [0.7990000247955322, 0.45750102400779724, 0.05819422006607056] },
        { "sgd wd", [0.7990000247955322, 0.6384010314941406, 0.5100824236869812] },
        { "adam", [0.9000000357627869, 0.8004122376441956, 0.7015863060951233] },
        { "adam wd", [0.8999999761581421, 0.8004121780395508, 0.7015862464904785] },
        { "adamw wd", [0.8990000486373901, 0.7985190749168396, 0.6989112496376038] },
        { "adamw default", [0.8990000486373901, 0.7985190749168396, 0.6989112496376038] },
    };

    private static Optimizer Make(string name, Tensor p) => name switch
    {
        "sgd" => new SGD([p], lr: 0.1),
        "sgd momentum" => new SGD([p], lr: 0.1, momentum: 0.9),
        "sgd nesterov" => new SGD([p], lr: 0.1, momentum: 0.9, nesterov: true),
        "sgd dampening" => new SGD([p], lr: 0.1, momentum: 0.9, dampening: 0.5),
        "sgd momentum wd" => new SGD([p], lr: 0.1, momentum: 0.9, weightDecay: 0.01),
        "sgd wd" => new SGD([p], lr: 0.1, weightDecay: 0.01),
        "adam" => new Adam([p], lr: 0.1),
        "adam wd" => new Adam([p], lr: 0.1, weightDecay: 0.01),
        "adamw wd" => new AdamW([p], lr: 0.1, weightDecay: 0.01),
        _ => new AdamW([p], lr: 0.1),
    };

    [Theory]
    [MemberData(nameof(Scalar))]
    public void StepsMatchPyTorchBitForBit(string name, double[] expected) =>
        Assert.Equal(expected.Select(v => (float)v), Run(p => Make(name, p)).Select(v => (float)v));

    [Fact]
    public void VectorAdamAndAdamWMatchPyTorch()
    {
        double[][] adam = [[0.9000000357627869, -1.899999976158142], [0.8004122376441956, -1.8001664876937866], [0.7015863060951233, -1.7006233930587769]];
        double[][] adamw = [[0.8990000486373901, -1.8980000019073486], [0.7985190749168396, -1.7962726354599], [0.6989112496376038, -1.6949446201324463]];
        foreach (var (make, expected) in new (Func<Tensor, Optimizer>, double[][])[] { (p => new Adam([p], lr: 0.1), adam), (p => new AdamW([p], lr: 0.1, weightDecay: 0.01), adamw) })
        {
            var p = Tensor.FromArray(new float[] { 1, -2 }, requiresGrad: true);
            var opt = make(p);
            var scale = Tensor.FromArray(new float[] { 1, 3 });
            for (int i = 0; i < 3; i++)
            {
                opt.ZeroGrad();
                (p * p * scale).Sum().Backward();
                opt.Step();
                Assert.Equal(expected[i].Select(v => (float)v), p.ToArray<float>());
            }
        }
    }

    [Fact]
    public void StepIsInPlaceUnderNoGradAndKeepsLeaves()
    {
        var p = Tensor.FromArray(new float[] { 1, 2 }, requiresGrad: true);
        var q = Tensor.FromArray(new float[] { 3 }, requiresGrad: true);
        foreach (var opt in new Optimizer[] { new SGD([p, q], 0.1, momentum: 0.9), new Adam([p, q]), new AdamW([p, q]) })
        {
            opt.ZeroGrad();
            (p * p).Sum().Backward(); // q gets no gradient
            long version = p.Version;
            var qBefore = q.ToArray<float>();
            var before = p.ToArray<float>();
            opt.Step();
            Assert.True(p.IsLeaf && p.RequiresGrad && p.GradFn is null);
            Assert.Equal(version + 1, p.Version);
            Assert.NotEqual(before, p.ToArray<float>());
            Assert.Equal(qBefore, q.ToArray<float>()); // null grad: skipped
            opt.ZeroGrad();
            Assert.Null(p.Grad);
        }
    }

    [Fact]
    public void NonContiguousParametersGetTheSameUpdate()
    {
        foreach (Func<Tensor, Optimizer> make in new Func<Tensor, Optimizer>[]
                 { p => new SGD([p], 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01), p => new Adam([p], 0.1, weightDecay: 0.01) })
        {
            Tensor.ManualSeed(8);
            var data = Tensor.Randn([2, 3]);
            var contiguous = data.T.Contiguous().RequiresGrad_();
            var strided = data.Clone().T.RequiresGrad_();
            Assert.False(strided.IsContiguous);
            var a = make(contiguous);
            var b = make(strided);
            for (int i = 0; i < 3; i++)
            {
                foreach (var (p, o) in new[] { (contiguous, a), (strided, b) })
                {
                    o.ZeroGrad();
                    (p * p * p).Sum().Backward();
                    o.Step();
                }
                Assert.False(strided.IsContiguous);
                Check.Close(contiguous, strided, 1e-6);
            }
        }
    }

    [Fact]
    public void StateDictsHoldPyTorchsState()
    {
        var p = Tensor.Scalar(1.0, requiresGrad: true);
        var adam = new Adam([p], lr: 0.1);
        (p * p).Backward();
        adam.Step();
        var s = adam.StateDict();
        Assert.Equal(1f, s["state.0.step"].Item<float>());
        Check.Close(0.2, s["state.0.exp_avg"].Item<float>());
        Check.Close(0.004, s["state.0.exp_avg_sq"].Item<float>());
        Assert.Equal(0.1, s["param_groups.0.lr"].Item<double>());
        Assert.Equal(0.999, s["param_groups.0.beta2"].Item<double>());

        var r = Tensor.Scalar(1.0, requiresGrad: true);
        var sgd = new SGD([r], lr: 0.1, momentum: 0.9);
        (r * r).Backward();
        sgd.Step();
        Assert.Equal(2f, sgd.StateDict()["state.0.momentum_buffer"].Item<float>());
        Assert.False(new SGD([r], 0.1).StateDict().ContainsKey("state.0.momentum_buffer"));
    }

    [Fact]
    public void ResumingFromSavedStateContinuesExactly()
    {
        string dir = Directory.CreateTempSubdirectory("sharpgrad-resume-").FullName;
        try
        {
            foreach (Func<IEnumerable<Tensor>, Optimizer> make in new Func<IEnumerable<Tensor>, Optimizer>[]
                     { ps => new SGD(ps, 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-3), ps => new AdamW(ps, 0.01) })
            {
                Tensor.ManualSeed(4);
                var x = Tensor.Randn([16, 3]);
                var y = Tensor.RandInt(0, 2, [16]);
                var model = new Sequential(new Linear(3, 8), new Tanh(), new Linear(8, 2));
                var opt = make(model.Parameters());
                void Train(Module m, Optimizer o, int steps)
                {
                    for (int i = 0; i < steps; i++)
                    {
                        o.ZeroGrad();
                        Functional.CrossEntropy(m.Forward(x), y).Backward();
                        o.Step();
                    }
                }
                Train(model, opt, 3);
                model.Save(Path.Combine(dir, "model.safetensors"));
                SafeTensors.Save(opt.StateDict(), Path.Combine(dir, "optim.safetensors"));
                Train(model, opt, 4);

                Tensor.ManualSeed(99);
                var resumed = new Sequential(new Linear(3, 8), new Tanh(), new Linear(8, 2));
                resumed.Load(Path.Combine(dir, "model.safetensors"));
                var opt2 = make(resumed.Parameters());
                opt2.LoadStateDict(SafeTensors.Load(Path.Combine(dir, "optim.safetensors")));
                Train(resumed, opt2, 4);
                foreach (var (a, b) in model.Parameters().Zip(resumed.Parameters()))
                    Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void LoadStateDictRejectsMismatchesWithoutChangingAnything()
    {
        var p = Tensor.Ones([2], requiresGrad: true);
        var opt = new SGD([p], 0.1, momentum: 0.5);
        var bad = new Dictionary<string, Tensor>(opt.StateDict()) { ["state.0.momentum_buffer"] = Tensor.Ones([3]), ["param_groups.0.lr"] = Tensor.Scalar(9, DType.Float64) };
        Assert.Throws<ArgumentException>(() => opt.LoadStateDict(bad));
        Assert.Equal(0.1, opt.LearningRate);
        var twoParams = new SGD([p, Tensor.Ones([1], requiresGrad: true)], 0.1).StateDict();
        Assert.Equal("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
            Assert.Throws<ArgumentException>(() => opt.LoadStateDict(twoParams)).Message);
    }

    [Fact]
    public void ArgumentErrorsMatchPyTorch()
    {
        var p = Tensor.Randn([3], requiresGrad: true);
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD([p], -1)).Message);
        Assert.StartsWith("Nesterov momentum requires a momentum and zero dampening", Assert.Throws<ArgumentException>(() => new SGD([p], 0.1, nesterov: true)).Message);
        Assert.StartsWith("Invalid beta parameter at index 0: 1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], 0.1, beta1: 1.0)).Message);
        Assert.StartsWith("optimizer got an empty parameter list", Assert.Throws<ArgumentException>(() => new SGD([], 0.1)).Message);
        Assert.StartsWith("can't optimize a non-leaf Tensor", Assert.Throws<ArgumentException>(() => new SGD([p * 2], 0.1)).Message);
        _ = new SGD([Tensor.Randn([3])], 0.1); // a tensor that does not require grad is accepted, as in PyTorch
    }

    [Fact]
    public void StepLRMatchesPyTorch()
    {
        var opt = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s = new StepLR(opt, stepSize: 2, gamma: 0.5);
        var lrs = new List<double> { opt.LearningRate };
        for (int i = 0; i < 5; i++)
        {
            opt.Step();
            s.Step();
            lrs.Add(opt.LearningRate);
        }
        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25, 0.25], lrs);
        Assert.Equal(0.25, s.LastLearningRate);
    }

    [Theory]
    [InlineData(0.0, new[] { 1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 0.0, 0.1464466094067262, 0.5000000000000001 })]
    [InlineData(0.1, new[] { 1.0, 0.8681980515339464, 0.55, 0.23180194846605368, 0.1, 0.2318019484660536, 0.55, 0.8681980515339467, 1.0000000000000004, 0.8681980515339468 })]
    public void CosineAnnealingLRUsesPyTorchsRecursiveForm(double etaMin, double[] expected)
    {
        var opt = new SGD([Tensor.Scalar(1.0, requiresGrad: true)], lr: 1.0);
        var s = new CosineAnnealingLR(opt, tMax: 4, etaMin: etaMin);
        var lrs = new List<double> { opt.LearningRate };
        for (int i = 1; i < expected.Length; i++)
        {
            s.Step();
            lrs.Add(opt.LearningRate);
        }
        Assert.Equal(expected, lrs); // exact: the closed form differs in the last digits (0.14644660940672616)
        Assert.Equal(expected[^1], s.LastLearningRate);
    }
}
