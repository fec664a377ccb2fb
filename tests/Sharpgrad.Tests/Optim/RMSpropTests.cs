using Sharpgrad.Optim;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Optim;

/// <summary>RMSprop: four steps on a cubic, against PyTorch 2.6 (plain, weight decay, momentum, centered).</summary>
public class RMSpropTests
{
    private static double[] Run(Func<Tensor, RMSprop> make, int steps = 4, Action<RMSprop, Tensor>? midway = null)
    {
        var p = Tensor.FromArray(new[] { 0.5, -1.0, 2.0, 0.25 }, [2, 2]).RequiresGrad_();
        var k = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
        var opt = make(p);
        for (int t = 0; t < steps; t++)
        {
            opt.ZeroGrad();
            ((p * p * p).Sum() + (p * k).Sum()).Backward();
            opt.Step();
            if (t == 1) midway?.Invoke(opt, p);
        }
        return p.ToArray<double>();
    }

    public static TheoryData<double, double, double, double, double, bool, double[]> Cases() => new()
    {
        { 0.01, 0.99, 1e-8, 0, 0, false, [0.24174510988638964, -1.330310134078865, 1.733995228542346, -0.02546026800801504] },
        { 0.05, 0.9, 1e-6, 0.1, 0, false, [0.09497539205928844, -1.554861266732345, 1.5794957663050253, -0.19761841293708818] },
        { 0.02, 0.99, 1e-8, 0, 0.8, false, [-0.623680930962618, -2.53613861774171, 0.896357105987595, -1.010212851157318] },
        { 0.02, 0.99, 1e-8, 0, 0.5, true, [-0.29789307540932025, -2.1364321695057873, 1.1979714359445175, -0.660543733111798] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(double lr, double alpha, double eps, double wd, double momentum, bool centered, double[] expected)
    {
        var got = Run(p => new RMSprop([p], lr, alpha, eps, wd, momentum, centered));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], got[i], 1e-13);
    }

    [Fact]
    public void CheckpointMidwayResumesExactly()
    {
        var straight = Run(p => new RMSprop([p], 0.02, momentum: 0.5, centered: true));
        IReadOnlyDictionary<string, Tensor>? saved = null;
        double[]? midParams = null;
        Run(p => new RMSprop([p], 0.02, momentum: 0.5, centered: true), steps: 2, midway: (o, p) =>
        {
            saved = SafeTensors.Deserialize(SafeTensors.Serialize(o.StateDict()));
            midParams = p.ToArray<double>();
        });
        Assert.Equal(["param_groups.0.alpha", "param_groups.0.centered", "param_groups.0.eps", "param_groups.0.lr", "param_groups.0.momentum", "param_groups.0.params", "param_groups.0.weight_decay",
            "state.0.grad_avg", "state.0.momentum_buffer", "state.0.square_avg", "state.0.step"], saved!.Keys.Order());
        var q = Tensor.FromArray(midParams!, [2, 2]).RequiresGrad_();
        var k = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0 }, [2, 2]);
        var resumed = new RMSprop([q]);
        resumed.LoadStateDict(saved!);
        Assert.True(resumed.Centered);
        for (int t = 0; t < 2; t++)
        {
            resumed.ZeroGrad();
            ((q * q * q).Sum() + (q * k).Sum()).Backward();
            resumed.Step();
        }
        Assert.Equal(straight, q.ToArray<double>());
    }

    [Fact]
    public void BadHyperparametersAreRejected()
    {
        var p = Tensor.Zeros([1], requiresGrad: true);
        Assert.StartsWith("Invalid alpha value: -0.1", Assert.Throws<ArgumentOutOfRangeException>(() => new RMSprop([p], alpha: -0.1)).Message);
        Assert.StartsWith("Invalid epsilon value: -1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new RMSprop([p], eps: -1.0)).Message);
        Assert.StartsWith("Invalid momentum value: -1.0", Assert.Throws<ArgumentOutOfRangeException>(() => new RMSprop([p], momentum: -1.0)).Message);
    }
}
