using Sharpgrad.Optim;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Optim;

/// <summary>LBFGS against PyTorch 2.6 (float64): the Rosenbrock function and a least-squares fit, fixed steps and strong Wolfe.</summary>
public class LBFGSTests
{
    private static Tensor Rosenbrock(Tensor[] ps)
    {
        var (x, y) = (ps[0].Select(0, 0), ps[0].Select(0, 1));
        return (1 - x).Pow(2) + 100 * (y - x * x).Pow(2);
    }

    private static readonly Tensor A = Tensor.FromArray(new[] { 1.0, 2.0, -1.0, 0.5, -1.0, 3.0, 2.0, 0.0, 1.0, -1.0, 1.5, 0.5, 0.0, 1.0, 1.0 }, [5, 3]);
    private static readonly Tensor B = Tensor.FromArray(new[] { 1.0, -2.0, 0.5, 3.0, 1.0 });

    private static Tensor LeastSquares(Tensor[] ps)
    {
        var r = A.MatMul(ps[0]) + ps[1] - B;
        return (r * r).Sum();
    }

    private static Tensor[] RosenbrockStart() => [Tensor.FromArray(new[] { -1.5, 2.0 }).RequiresGrad_()];

    private static Tensor[] LeastSquaresStart() => [Tensor.FromArray(new[] { 0.5, -0.5, 1.0 }).RequiresGrad_(), Tensor.FromArray(new[] { 0.25 }).RequiresGrad_()];

    /// <summary>Runs <paramref name="returns"/>.Length steps, checking each step's returned loss and the parameters after it.</summary>
    private static LBFGS Run(Tensor[] ps, Func<Tensor[], Tensor> f, Func<Tensor[], LBFGS> make, double[] returns, double[][] after)
    {
        var opt = make(ps);
        Tensor Closure()
        {
            opt.ZeroGrad();
            var loss = f(ps);
            loss.Backward();
            return loss;
        }
        for (int s = 0; s < returns.Length; s++)
        {
            Assert.Equal(returns[s], opt.Step(Closure).Item(), 1e-12);
            var got = ps.SelectMany(p => p.ToArray<double>()).ToArray();
            Assert.Equal(after[s].Length, got.Length);
            for (int i = 0; i < got.Length; i++) Assert.Equal(after[s][i], got[i], 1e-12);
        }
        return opt;
    }

    private static readonly string[] AllKeys = ["H_diag", "al", "d", "func_evals", "n_iter", "old_dirs", "old_stps", "prev_flat_grad", "prev_loss", "ro", "t"];

    /// <summary>Checks the state PyTorch reports: counters, t, H_diag, prev_loss, the history length and ro.</summary>
    private static void StateIs(LBFGS opt, int funcEvals, int nIter, double t, double hDiag, double prevLoss, double[] ro)
    {
        var sd = opt.StateDict();
        Assert.Equal(AllKeys, sd.Keys.Where(k => k.StartsWith("state.0.")).Select(k => k["state.0.".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(funcEvals, sd["state.0.func_evals"].Item());
        Assert.Equal(nIter, sd["state.0.n_iter"].Item());
        Assert.Equal(t, sd["state.0.t"].Item(), 1e-12);
        Assert.Equal(hDiag, sd["state.0.H_diag"].Item(), 1e-12);
        Assert.Equal(prevLoss, sd["state.0.prev_loss"].Item(), 1e-12);
        Assert.Equal(ro.Length, sd["state.0.old_dirs"].Size(0));
        var gotRo = sd["state.0.ro"].ToArray<double>();
        Assert.Equal(ro.Length, gotRo.Length);
        for (int i = 0; i < ro.Length; i++) Assert.Equal(ro[i], gotRo[i], 1e-9 * Math.Abs(ro[i]));
    }

    [Fact]
    public void FixedStepsMatchPyTorch()
    {
        var opt = Run(RosenbrockStart(), Rosenbrock, ps => new LBFGS(ps, lr: 0.02, maxIter: 5, historySize: 3), [12.5, 9.555094478820173, 8.90136934363149],
            [[-1.4801698439775164, 2.0064074547806636], [-1.474713898465896, 2.0081329360930305], [-1.4697021024784869, 2.0096108116850164]]);
        StateIs(opt, 15, 15, 0.02, 0.000502749339854247, 8.4616163212195, [442.91376462967617, 460.2641237448063, 478.3030194041618]);

        // two parameters as one flat vector; the last iteration of a step does not re-evaluate
        opt = Run(LeastSquaresStart(), LeastSquares, ps => new LBFGS(ps, maxIter: 4), [56.4375, 3.602950991236297],
            [[-0.4457244240166661, 0.9296728432498695, -0.15241200099785362, 0.37182109286812315],
             [-0.4407450783593168, 0.8888280378366976, -0.18474154918855082, 0.4368372997256346]]);
        StateIs(opt, 8, 8, 1.0, 0.03927881362343779, 3.5946551404530886,
            [0.10059997357747343, 0.02038407734681589, 3.6832377501845084, 2.087252087388923, 40.49728932607655, 490.34419637190547, 5648.240805213715]);
    }

    [Fact]
    public void StrongWolfeMatchesPyTorch()
    {
        var opt = Run(RosenbrockStart(), Rosenbrock, ps => new LBFGS(ps, lineSearchFn: "strong_wolfe"), [12.5, 1.3070983150500495, 1.884048137837783e-07],
            [[-0.08511855589860293, -0.028757058413769698], [0.9995835472529905, 0.9991550319577943], [0.9999979943196398, 0.9999973438921637]]);
        var sd = opt.StateDict();
        Assert.Equal(53, sd["state.0.func_evals"].Item());
        Assert.Equal(41, sd["state.0.n_iter"].Item());
        Assert.Equal(40, sd["state.0.old_dirs"].Size(0));

        opt = Run(LeastSquaresStart(), LeastSquares, ps => new LBFGS(ps, maxIter: 3, historySize: 2, lineSearchFn: "strong_wolfe"), [56.4375, 4.222292502911706],
            [[-0.14286487650119717, 0.8307064231483754, -0.2753125981625252, 0.30018524756591625],
             [-0.447559304708738, 0.9293817263074249, -0.15302509683329338, 0.3709846688154508]]);
        StateIs(opt, 6, 4, 1.0, 0.07163980335045583, 3.8046353903888366, [0.02038407734681589, 3.6832377501845084]);

        // maxEval stops the step; the line search leaves a fractional t
        opt = Run(RosenbrockStart(), Rosenbrock, ps => new LBFGS(ps, lr: 0.5, maxIter: 6, maxEval: 8, historySize: 2, lineSearchFn: "strong_wolfe"),
            [12.5, 5.770397177387449], [[-1.3993856192579441, 1.9467276971423193], [-0.8726481778322545, 0.7084006330862297]]);
        StateIs(opt, 17, 12, 0.1639412662091821, 0.0013060182497135401, 4.041361812786959, [1.6308476724016356, 9.054898236215005]);
    }

    [Fact]
    public void CheckpointResumesTheSameTrajectory()
    {
        double[] after2 = [-0.447559304708738, 0.9293817263074249, -0.15302509683329338, 0.3709846688154508];
        var ps = LeastSquaresStart();
        var opt = Run(ps, LeastSquares, p => new LBFGS(p, maxIter: 3, historySize: 2, lineSearchFn: "strong_wolfe"), [56.4375],
            [[-0.14286487650119717, 0.8307064231483754, -0.2753125981625252, 0.30018524756591625]]);
        StateIs(opt, 3, 2, 1.0, 0.03394824726113247, 29.797790121965946, [0.10059997357747343]);
        var saved = SafeTensors.Deserialize(SafeTensors.Serialize(opt.StateDict()));
        Assert.Equal([1, 4], saved["state.0.old_dirs"].Shape);
        var copy = ps.Select(p => p.Detach().Clone().RequiresGrad_()).ToArray();
        var resumed = Run(copy, LeastSquares, p =>
        {
            var o = new LBFGS(p);
            o.LoadStateDict(saved);
            return o;
        }, [4.222292502911706], [after2]);
        Assert.Equal((3, 2, "strong_wolfe"), (resumed.MaxIter, resumed.HistorySize, resumed.LineSearchFn));
    }

    [Fact]
    public void OptimalStartReturnsAtOnceAndMessagesMatch()
    {
        var opt = Run([Tensor.FromArray(new[] { 1.0, 1.0 }).RequiresGrad_()], Rosenbrock, ps => new LBFGS(ps), [0.0], [[1.0, 1.0]]);
        var sd = opt.StateDict();
        Assert.Equal(["func_evals", "n_iter"], sd.Keys.Where(k => k.StartsWith("state.0.")).Select(k => k["state.0.".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal((1.0, 0.0), (sd["state.0.func_evals"].Item(), sd["state.0.n_iter"].Item()));

        var z = new[] { Tensor.Zeros([1], DType.Float64, requiresGrad: true) };
        var d = new LBFGS(z);
        Assert.Equal((1.0, 20, 25, 1e-7, 1e-9, 100, (string?)null), (d.LearningRate, d.MaxIter, d.MaxEval, d.ToleranceGrad, d.ToleranceChange, d.HistorySize, d.LineSearchFn));
        Assert.Equal(8, new LBFGS(z, maxIter: 7).MaxEval);
        Assert.StartsWith("Invalid learning rate: -1", Assert.Throws<ArgumentOutOfRangeException>(() => new LBFGS(z, lr: -1)).Message);
        Assert.Throws<InvalidOperationException>(() => d.Step());

        // an unknown line search fails inside the first iteration, as in PyTorch
        var bad = new LBFGS(z, lineSearchFn: "foo");
        Tensor Closure()
        {
            bad.ZeroGrad();
            var loss = ((z[0] - 1).Pow(2)).Sum();
            loss.Backward();
            return loss;
        }
        Assert.Equal("only 'strong_wolfe' is supported", Assert.Throws<InvalidOperationException>(() => bad.Step(Closure)).Message);
        var state = bad.StateDict();
        Assert.Equal((1.0, 1.0), (state["state.0.func_evals"].Item(), state["state.0.n_iter"].Item()));
        Assert.False(state.ContainsKey("state.0.d"));
    }

    [Fact]
    public void Float32RunsCloseToPyTorchAndBadStateShapesAreRejected()
    {
        var a = A.To(DType.Float32);
        var b = B.To(DType.Float32);
        Tensor[] ps = [Tensor.FromArray(new[] { 0.5f, -0.5f, 1f }).RequiresGrad_(), Tensor.FromArray(new[] { 0.25f }).RequiresGrad_()];
        var opt = new LBFGS(ps, maxIter: 4, historySize: 3, lineSearchFn: "strong_wolfe");
        Tensor Closure()
        {
            opt.ZeroGrad();
            var r = a.MatMul(ps[0]) + ps[1] - b;
            var loss = (r * r).Sum();
            loss.Backward();
            return loss;
        }
        // the scalars are kept in double, so float32 agrees with PyTorch to float32 rounding, not bit for bit
        float[][] expected = [[-0.44572433829307556f, 0.9296728372573853f, -0.1524120420217514f, 0.3718210756778717f],
                              [-0.440206915140152f, 0.8868315815925598f, -0.18713289499282837f, 0.4396432340145111f]];
        foreach (var e in expected)
        {
            opt.Step(Closure);
            Sharpgrad.Tests.NN.Check.Close(e.Select(v => (double)v).ToArray(), Tensor.Cat([ps[0], ps[1]]), 1e-5);
        }
        Assert.Equal(DType.Float32, opt.StateDict()["state.0.d"].DType);

        var saved = new Dictionary<string, Tensor>(opt.StateDict()) { ["state.0.d"] = Tensor.Zeros([3]) };
        var e2 = Assert.Throws<ArgumentException>(() => new LBFGS(ps).LoadStateDict(saved));
        Assert.StartsWith("state d of parameter 0 has shape [3] but LBFGS expects [4]", e2.Message);
    }
}
