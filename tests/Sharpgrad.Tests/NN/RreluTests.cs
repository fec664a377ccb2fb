using Sharpgrad.NN;
using F = Sharpgrad.NN.Functional;

namespace Sharpgrad.Tests.NN;

/// <summary>F.rrelu and nn.RReLU against PyTorch 2.6 (evaluation exactly; training by the properties of its noise).</summary>
[Collection("Seed")]
public class RreluTests
{
    [Fact]
    public void EvaluationIsTheMeanSlopeAsInPyTorch()
    {
        var x = Check.Det([3, 4], 0.37, 2).RequiresGrad_();
        var y = F.Rrelu(x, 0.1, 0.4);
        Assert.Equal("RreluWithNoiseBackward0", y.GradFn!.Name);
        Check.Close([2.0, 1.864654691212069, 1.4769371174591759, 0.8893230334834139, 0.18134324892861936, -0.13779512341225647, -0.30227613552896465, -0.4258454907432828, -0.4917786565170032, -0.49115188816911587, -0.424050015855204, -0.2995549632038425], y, 1e-12);
        (y * Check.Det([3, 4], 0.53)).Sum().Backward();
        Check.Close([1.0, 0.862807070514761, 0.4888720818605275, -0.01920249290169265, -0.5220081751547073, -0.22039554896957153, -0.24981563213318023, -0.21068983848967338, -0.11375373253582617, 0.014394789030961728, 0.13859358404479039, 0.22476425945269196], x.Grad!, 1e-12);
        Check.Close([2.0, 1.8646546602249146, 1.476937174797058, 0.8893230557441711, 0.18134324252605438, -0.12631219625473022, -0.277086466550827, -0.3903583884239197, -0.45079711079597473, -0.45022258162498474, -0.3887125253677368, -0.2745920717716217],
            F.Rrelu(Check.Det([3, 4], 0.37, 2).To(DType.Float32)), 1e-7);
        Assert.True(Autograd.GradCheck(t => F.Rrelu(t[0], 0.1, 0.4), [Check.Det([3, 4], 0.37, 2).RequiresGrad_()]));
    }

    [Fact]
    public void EdgeValuesMatchPyTorch()
    {
        // PyTorch 2.6: evaluation gives the slope 11/48 to 0, NaN and -inf (leaky_relu's backward); training keeps NaN
        // with a gradient of 1 and gives 0 and -inf a random slope.
        var x = Tensor.FromArray([-2.0, -0.5, 0.0, 0.5, 3.0, double.NaN, double.NegativeInfinity]).RequiresGrad_();
        var y = F.Rrelu(x);
        Check.Close([-0.4583333333333333, -0.11458333333333333, 0.0, 0.5, 3.0, double.NaN], y.Narrow(0, 0, 6), 1e-15);
        Assert.Equal(double.NegativeInfinity, y.ToArray<double>()[6]);
        y.Sum().Backward();
        Check.Close([0.22916666666666666, 0.22916666666666666, 0.22916666666666666, 1.0, 1.0, 0.22916666666666666, 0.22916666666666666], x.Grad!, 1e-15);
        x.Grad = null;
        var yt = F.Rrelu(x, training: true);
        Assert.Equal("RreluWithNoiseBackward0", yt.GradFn!.Name);
        yt.Sum().Backward();
        var g = x.Grad!.ToArray<double>();
        foreach (int i in new[] { 0, 1, 2, 6 }) Assert.InRange(g[i], 0.125, 1.0 / 3);
        Assert.Equal([1.0, 1.0, 1.0], new[] { g[3], g[4], g[5] });
        var v = yt.ToArray<double>();
        Assert.True(double.IsNaN(v[5]));
        Assert.Equal(double.NegativeInfinity, v[6]);
        Assert.Equal(0.0, v[2]);
        // equal bounds: every slope is the bound, and training's backward still uses the noise (1 for NaN), as PyTorch 2.6
        Check.Close([-0.2, 2.0], F.Rrelu(Tensor.FromArray([-1f, 2f]), 0.2, 0.2, training: true), 1e-7);
        var xe = Tensor.FromArray([-1.0, 2.0, double.NaN, 0.0]).RequiresGrad_();
        F.Rrelu(xe, 0.2, 0.2, training: true).Sum().Backward();
        Check.Close([0.2, 1.0, 1.0, 0.2], xe.Grad!, 1e-15);
    }

    [Fact]
    public void TrainingDrawsSlopesInRangeAndTheGradientIsTheSlope()
    {
        Tensor.ManualSeed(3);
        var x = Check.Det([40, 25], 0.37, 2).RequiresGrad_();
        var y = F.Rrelu(x, 0.1, 0.4, training: true);
        y.Sum().Backward();
        var (xs, ys, gs) = (x.Detach().ToArray<double>(), y.ToArray<double>(), x.Grad!.ToArray<double>());
        var slopes = new List<double>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (xs[i] > 0)
            {
                Assert.Equal(xs[i], ys[i]);
                Assert.Equal(1.0, gs[i]);
                continue;
            }
            double slope = ys[i] / xs[i];
            Assert.InRange(slope, 0.1, 0.4);
            Assert.Equal(slope, gs[i], 1e-12);
            slopes.Add(slope);
        }
        // the slopes really vary, uniformly: their mean is about 0.25 and their spread spans most of the range
        Assert.True(slopes.Count > 400);
        Assert.InRange(slopes.Average(), 0.23, 0.27);
        Assert.True(slopes.Min() < 0.11 && slopes.Max() > 0.39);

        // GradCheck with the same noise in every evaluation
        Assert.True(Autograd.GradCheck(t => { Tensor.ManualSeed(5); return F.Rrelu(t[0], 0.1, 0.4, training: true); }, [Check.Det([3, 4], 0.37, 2).RequiresGrad_()]));
    }

    [Fact]
    public void DoubleBackwardIsRecordedAsInPyTorch()
    {
        var x = Check.Det([3, 4], 0.37, 2).RequiresGrad_();
        var y = F.Rrelu(x, 0.1, 0.4);
        var g = Autograd.Grad([(y * y).Sum()], [x], createGraph: true)[0]!;
        Assert.Equal("RreluWithNoiseBackwardBackward0", g.GradFn!.Name);
        Assert.Equal("AddBackward0", g.GradFn.NextFunctions[0].Node!.Name);
        Assert.Equal("AccumulateGrad", g.GradFn.NextFunctions[1].Node!.Name);
        var gg = Autograd.Grad([(g * Check.Det([3, 4], 0.29)).Sum()], [x])[0]!;
        Check.Close([2.0, 1.9164877510253944, 1.6729252998303739, 1.2896530944800026, 0.7986790588125464, 0.015062846170920827, -0.0210496809936346, -0.055404301958213616, -0.08513198506339406, -0.10775010463625793, -0.12136977064369882, -0.12485357414715233], gg, 1e-12);
        Assert.True(Autograd.GradCheck(t => FirstGrad(t[0]), [Check.Det([3, 4], 0.37, 2).RequiresGrad_()]));
    }

    /// <summary>d/da sum(rrelu(a)³), itself differentiable (GradCheck also evaluates it without recording).</summary>
    private static Tensor FirstGrad(Tensor a)
    {
        using (Autograd.EnableGrad())
        {
            var leaf = a.RequiresGrad ? a : a.Detach().RequiresGrad_();
            return Autograd.Grad([F.Rrelu(leaf, 0.1, 0.4).Pow(3).Sum()], [leaf], createGraph: a.RequiresGrad)[0]!;
        }
    }

    [Fact]
    public void ModuleFollowsTrainingModeAndPyTorchRepr()
    {
        Assert.Equal("RReLU(lower=0.125, upper=0.3333333333333333)", new RReLU().ToString());
        Assert.Equal("RReLU(lower=0.1, upper=0.3)", new RReLU(0.1, 0.3).ToString());
        var m = new RReLU(0.1, 0.3);
        var x = Check.Det([50], 0.37, 2);
        var slopes = m.Call(x).Div(x).ToArray<double>().Where((_, i) => x.ToArray<double>()[i] < 0).Distinct().Count();
        Assert.True(slopes > 10); // training: random slopes
        m.Eval();
        Check.Close(F.Rrelu(x, 0.1, 0.3), m.Call(x), 0);
        Assert.Equal("Lower bound should be less than or equal to the upper bound", Assert.Throws<ArgumentException>(() => F.Rrelu(x, 0.5, 0.2)).Message);
        Assert.Equal("Lower bound should be less than or equal to the upper bound", Assert.Throws<ArgumentException>(() => new RReLU(0.5, 0.2).Call(x)).Message);
        Assert.Equal("\"leaky_relu_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => F.Rrelu(Check.I64(1, -2))).Message);
        Assert.Equal("\"rrelu_with_noise_out_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => F.Rrelu(Check.I64(1, -2), training: true)).Message);
        // negative bounds flip the sign of negative inputs (PyTorch: rrelu(x, -1, -0.5) of -2 is 1.5)
        Check.Close([1.5, 0.0, 3.0], F.Rrelu(Tensor.FromArray([-2.0, 0.0, 3.0]), -1, -0.5), 1e-15);
    }
}
