using Sharpgrad.Optim;

namespace Sharpgrad.Tests.Optim;

/// <summary>Adamax, NAdam, RAdam and Adadelta against PyTorch 2.6 (8 steps of sum(p³) + sum(p·k), float64).</summary>
public class MoreOptimizerTests
{
    internal static (double[] Values, Optimizer Opt) Run(Func<Tensor, Optimizer> make)
    {
        var p = Tensor.FromArray(new[] { 0.5, -1.0, 2.0, 0.25 }, [2, 2]).RequiresGrad_();
        var k = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
        var opt = make(p);
        for (int t = 0; t < 8; t++)
        {
            opt.ZeroGrad();
            ((p * p * p).Sum() + (p * k).Sum()).Backward();
            opt.Step();
        }
        return (p.ToArray<double>(), opt);
    }

    internal static void Check(Func<Tensor, Optimizer> make, double[] expected, string[] stateKeys)
    {
        var (values, opt) = Run(make);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], values[i], 1e-12);
        var sd = opt.StateDict();
        Assert.Equal(stateKeys, sd.Keys.Where(k => k.StartsWith("state.0.")).Select(k => k["state.0.".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(8.0, sd["state.0.step"].To(DType.Float64).Item<double>());

        // a checkpoint taken after 8 steps resumes the same trajectory as an uninterrupted run
        var (_, twin) = Run(make);
        var q = twin.Parameters[0];
        var copy = make(Tensor.FromArray(q.ToArray<double>(), [2, 2]).RequiresGrad_());
        copy.LoadStateDict(sd);
        var k2 = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
        foreach (var o in new[] { opt, copy })
        {
            var p = o.Parameters[0];
            o.ZeroGrad();
            ((p * p * p).Sum() + (p * k2).Sum()).Backward();
            o.Step();
        }
        Assert.Equal(opt.Parameters[0].ToArray<double>(), copy.Parameters[0].ToArray<double>());
    }

    private static readonly Tensor[] Z = [Tensor.Zeros([1], requiresGrad: true)];

    [Fact]
    public void AdamaxMatchesPyTorch()
    {
        Check(p => new Adamax([p], lr: 0.1),
            [-0.1396884326403648, -1.5991770834897365, 1.3262649076654114, -0.5189554727775809], ["exp_avg", "exp_inf", "step"]);
        Check(p => new Adamax([p], lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.2),
            [0.05114456351023268, -1.3281106315616016, 1.568729931892662, -0.15602633897436416], ["exp_avg", "exp_inf", "step"]);
        var d = new Adamax(Z);
        Assert.Equal((0.002, 0.9, 0.999, 1e-8, 0.0), (d.LearningRate, d.Beta1, d.Beta2, d.Eps, d.WeightDecay));
        Assert.Equal("Invalid epsilon value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax(Z, eps: -1)).Message.Split(" (")[0]);
        Assert.StartsWith("Invalid beta parameter at index 0: 1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax(Z, beta1: 1.0)).Message);
        Assert.StartsWith("Invalid beta parameter at index 1: -0.5", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax(Z, beta2: -0.5)).Message);
        Assert.StartsWith("Invalid weight_decay value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax(Z, weightDecay: -1)).Message);
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adamax(Z, lr: -1)).Message);
    }

    [Fact]
    public void NAdamMatchesPyTorch()
    {
        string[] keys = ["exp_avg", "exp_avg_sq", "mu_product", "step"];
        Check(p => new NAdam([p], lr: 0.1), [-0.0652380530468017, -1.8245324919427905, 1.4244014411594175, -0.3908956033476716], keys);
        // PyTorch keeps mu_product as a float32 scalar (after 8 steps)
        var mu = Run(p => new NAdam([p], lr: 0.1)).Opt.StateDict()["state.0.mu_product"];
        Assert.Equal(DType.Float32, mu.DType);
        Assert.Equal(0.0016914170701056719, mu.To(DType.Float64).Item<double>());
        Check(p => new NAdam([p], lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.2, momentumDecay: 0.01),
            [0.16386979292779116, -1.432365856120389, 1.653713578372728, -0.10918225604330231], keys);
        Check(p => new NAdam([p], lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.2, decoupledWeightDecay: true),
            [0.13803421073376215, -1.3269462829406253, 1.5198712713389366, -0.11714519247161916], keys);
        var d = new NAdam(Z);
        Assert.Equal((0.002, 0.9, 0.999, 1e-8, 0.0, 4e-3, false), (d.LearningRate, d.Beta1, d.Beta2, d.Eps, d.WeightDecay, d.MomentumDecay, d.DecoupledWeightDecay));
        Assert.StartsWith("Invalid momentum_decay value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new NAdam(Z, momentumDecay: -1)).Message);
        Assert.StartsWith("Invalid beta parameter at index 0: 1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new NAdam(Z, beta1: 1.0)).Message);
        Assert.StartsWith("Invalid epsilon value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new NAdam(Z, eps: -1)).Message);
        Assert.StartsWith("Invalid weight_decay value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new NAdam(Z, weightDecay: -1)).Message);
    }

    [Fact]
    public void RAdamMatchesPyTorch()
    {
        string[] keys = ["exp_avg", "exp_avg_sq", "step"];
        // beta2 0.999 stays in the un-rectified branch for 8 steps; beta2 0.9 crosses into the rectified one
        Check(p => new RAdam([p], lr: 0.1), [-0.2186763971950165, -1.9979722174520613, -1.1174942707766335, -1.4944540848875711], keys);
        Check(p => new RAdam([p], lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.2),
            [0.05799462028272701, -1.332267496979824, 0.10100408676430367, -0.5840914976285003], keys);
        Check(p => new RAdam([p], lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.2, decoupledWeightDecay: true),
            [0.05815111338285901, -1.2916449915236035, 0.11304142214642954, -0.5615010069147466], keys);
        var d = new RAdam(Z);
        Assert.Equal((0.001, 0.9, 0.999, 1e-8, 0.0, false), (d.LearningRate, d.Beta1, d.Beta2, d.Eps, d.WeightDecay, d.DecoupledWeightDecay));
        Assert.StartsWith("Invalid beta parameter at index 0: 1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new RAdam(Z, beta1: 1.0)).Message);
        Assert.StartsWith("Invalid epsilon value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new RAdam(Z, eps: -1)).Message);
        // FACTS (torch 2.6): RAdam/NAdam/Adamax(eps=-1, betas=(2, 0.9)) report eps first
        foreach (Func<Optimizer> make in new Func<Optimizer>[] { () => new RAdam(Z, eps: -1, beta1: 2), () => new NAdam(Z, eps: -1, beta1: 2), () => new Adamax(Z, eps: -1, beta1: 2) })
            Assert.StartsWith("Invalid epsilon value: -1", Assert.Throws<ArgumentOutOfRangeException>(make).Message);
        Assert.StartsWith("Invalid weight_decay value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new RAdam(Z, weightDecay: -1)).Message);
    }

    [Fact]
    public void AdadeltaMatchesPyTorch()
    {
        string[] keys = ["acc_delta", "square_avg", "step"];
        Check(p => new Adadelta([p]), [0.4735938384572148, -1.027977289025248, 1.973444535063128, 0.22334154479137952], keys);
        Check(p => new Adadelta([p], lr: 0.5, rho: 0.8, eps: 1e-3, weightDecay: 0.2),
            [0.22053852905534588, -1.4751573938040135, 1.7062575228233914, -0.059410174507284884], keys);
        var d = new Adadelta(Z);
        Assert.Equal((1.0, 0.9, 1e-6, 0.0), (d.LearningRate, d.Rho, d.Eps, d.WeightDecay));
        Assert.StartsWith("Invalid rho value: 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new Adadelta(Z, rho: 1.5)).Message);
        Assert.StartsWith("Invalid epsilon value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adadelta(Z, eps: -1)).Message);
        Assert.StartsWith("Invalid weight_decay value: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adadelta(Z, weightDecay: -1)).Message);
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adadelta(Z, lr: -1)).Message);
    }
}
