using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>Second derivatives (backward of the create_graph gradient) of the element-wise math functions: PyTorch 2.6 values.</summary>
public class UnaryMathDoubleBackwardTests
{
    [Fact]
    public void SecondDerivativesMatchPyTorch()
    {
        (Func<Tensor, Tensor> F, double[] X, double[] Expected)[] cases =
        [
            (x => x.Tan(), [0.3, -1.2], [0.6778725996094256, -39.17882814461443]),
            (x => x.Asin(), [0.3, -0.7], [0.3455884077105224, -1.921953056509033]),
            (x => x.Acos(), [0.3, -0.7], [-0.3455884077105224, 1.921953056509033]),
            (x => x.Atan(), [0.3, -1.7], [-0.505007995959936, 0.224687915094402]),
            (x => x.Sinh(), [0.3, -1.7], [0.3045202934471426, -2.6456319338372323]),
            (x => x.Cosh(), [0.3, -1.7], [1.0453385141288605, 2.828315457889967]),
            (x => x.Asinh(), [0.3, -1.7], [-0.26362191336361956, 0.22157691906369392]),
            (x => x.Acosh(), [1.3, 2.7], [-2.268139261036231, -0.17115429265803098]),
            (x => x.Atanh(), [0.3, -0.7], [0.7245501750996255, -5.382545174932718]),
            (x => x.Log2(), [0.3, 2.7], [-16.029944898766257, -0.1979005543057563]),
            (x => x.Log10(), [0.3, 2.7], [-4.825494243369465, -0.05957400300456129]),
            (x => x.Exp2(), [0.3, -1.7], [0.591507043960121, 0.14787676099003025]),
            (x => x.Erfc(), [0.3, -1.7], [0.6187565457713778, -0.21321753768935256]),
            (x => x.Erfinv(), [0.3, -0.7], [0.496486526010743, -3.370255885361794]),
            (x => x.Logit(), [0.3, 0.8], [-9.070294784580497, 23.437500000000014]),
            (x => x.Logit(0.2), [0.3, 0.1], [-9.070294784580497, 0.0]),
            (x => x.Sinc(), [0.3, -1.7], [-2.458485286266174, 0.9834568008957175]),
            (x => x.Lgamma(), [0.3, -1.7], [12.245364544940365, 14.632201633770636]),
            (x => x.Digamma(), [0.3, -1.7], [-75.27253658872601, -69.03454955011419]),
            (x => x.Polygamma(1), [0.3, -1.7], [743.1417646550497, 768.8497345301304]),
        ];
        foreach (var (f, xs, expected) in cases)
        {
            var x = Check.F64(xs, xs.Length).RequiresGrad_();
            var g = Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
            var gg = Autograd.Grad([g.Sum()], [x])[0]!;
            UnaryMathCheck.Same(expected, gg.ToArray<double>(), 1e-13, "second derivative");
        }
        var y = Check.F64([0.3, -1.7], 2).RequiresGrad_();
        Assert.False(Autograd.Grad([y.NanToNum().Sum()], [y], createGraph: true)[0]!.RequiresGrad); // grad · isfinite(x)
    }
}
