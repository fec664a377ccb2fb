using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>tan, asin, acos, atan, sinh, cosh, asinh, acosh, atanh: PyTorch 2.6 values, gradients, nodes and dtypes.</summary>
public class TrigHyperbolicTests
{
    [Fact]
    public void TanMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Tan(), "TanBackward0",
            [0.0, -0.0, 0.5, -1.2, 1.5707963267948966, 3.0, 100.0, 1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.5463024898437905, -2.5721516221263188, 1.633123935319537e+16, -0.1425465430742778, -0.5872139151569291, 1e-300, double.NaN, double.NaN, double.NaN],
            [1.0, 1.0, 1.2984464104095248, 7.615963967207053, 2.6670937881135714e+32, 1.0203195169424268, 1.3448201821539292, 1.0, double.NaN, double.NaN, double.NaN],
            [0.0f, -0f, 0.5463024973869324f, -2.5721518993377686f, -22877332.0f, -0.14254654943943024f, -0.587213933467865f, 0.0f, float.NaN, float.NaN, float.NaN],
            [1.5574077367782593f, -2.185039758682251f, -1.5574077367782593f, 0.0f]);
    }

    [Fact]
    public void AsinMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Asin(), "AsinBackward0",
            [0.0, -0.0, 0.5, -0.9, 1.0, -1.0, 1.5, -2.0, 1e-300, double.PositiveInfinity, double.NaN],
            [0.0, -0.0, 0.5235987755982989, -1.1197695149986342, 1.5707963267948966, -1.5707963267948966, double.NaN, double.NaN, 1e-300, double.NaN, double.NaN],
            [1.0, 1.0, 1.1547005383792517, 2.294157338705618, double.PositiveInfinity, double.PositiveInfinity, double.NaN, double.NaN, 1.0, double.NaN, double.NaN],
            [0.0f, -0f, 0.5235987901687622f, -1.1197694540023804f, 1.5707963705062866f, -1.5707963705062866f, float.NaN, float.NaN, 0.0f, float.NaN, float.NaN],
            [1.5707963705062866f, float.NaN, -1.5707963705062866f, 0.0f]);
    }

    [Fact]
    public void AcosMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Acos(), "AcosBackward0",
            [0.0, -0.0, 0.5, -0.9, 1.0, -1.0, 1.5, -2.0, 1e-300, double.PositiveInfinity, double.NaN],
            [1.5707963267948966, 1.5707963267948966, 1.0471975511965976, 2.6905658417935308, 0.0, 3.141592653589793, double.NaN, double.NaN, 1.5707963267948966, double.NaN, double.NaN],
            [-1.0, -1.0, -1.1547005383792517, -2.294157338705618, double.NegativeInfinity, double.NegativeInfinity, double.NaN, double.NaN, -1.0, double.NaN, double.NaN],
            [1.5707963705062866f, 1.5707963705062866f, 1.0471975803375244f, 2.690565824508667f, 0.0f, 3.1415927410125732f, float.NaN, float.NaN, 1.5707963705062866f, float.NaN, float.NaN],
            [0.0f, float.NaN, 3.1415927410125732f, 1.5707963705062866f]);
    }

    [Fact]
    public void AtanMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Atan(), "AtanBackward0",
            [0.0, -0.0, 0.5, -3.0, 10000000000.0, 1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.4636476090008061, -1.2490457723982544, 1.5707963266948965, 1e-300, 1.5707963267948966, -1.5707963267948966, double.NaN],
            [1.0, 1.0, 0.8, 0.1, 1e-20, 1.0, 0.0, 0.0, double.NaN],
            [0.0f, -0f, 0.46364760398864746f, -1.249045729637146f, 1.5707963705062866f, 0.0f, 1.5707963705062866f, -1.5707963705062866f, float.NaN],
            [0.7853981256484985f, 1.1071487665176392f, -0.7853981256484985f, 0.0f]);
    }

    [Fact]
    public void SinhMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Sinh(), "SinhBackward0",
            [0.0, -0.0, 0.5, -3.0, 1e-08, 20.0, 710.0, -711.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.5210953054937474, -10.017874927409903, 1.0000000000000002e-08, 242582597.70489514, 1.1169973830808557e+308, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 1.1276259652063807, 10.067661995777765, 1.0, 242582597.70489514, 1.1169973830808557e+308, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.NaN],
            [0.0f, -0f, 0.5210952758789062f, -10.017874717712402f, 9.99999993922529e-09f, 242582592.0f, float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.NegativeInfinity, float.NaN],
            [1.175201177597046f, 3.6268603801727295f, -1.175201177597046f, 0.0f]);
    }

    [Fact]
    public void CoshMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Cosh(), "CoshBackward0",
            [0.0, -0.0, 0.5, -3.0, 1e-08, 20.0, 710.0, -711.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 1.1276259652063807, 10.067661995777765, 1.0, 242582597.70489514, 1.1169973830808557e+308, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.NaN],
            [0.0, -0.0, 0.5210953054937474, -10.017874927409903, 1.0000000000000002e-08, 242582597.70489514, 1.1169973830808557e+308, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0f, 1.0f, 1.1276259422302246f, 10.067662239074707f, 1.0f, 242582592.0f, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity, float.NaN],
            [1.5430806875228882f, 3.762195587158203f, 1.5430806875228882f, 1.0f]);
    }

    [Fact]
    public void AsinhMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Asinh(), "AsinhBackward0",
            [0.0, -0.0, 0.5, -3.0, 1e-08, 10000000000.0, 1e+300, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, -0.0, 0.48121182505960347, -1.8184464592320668, 9.999999999999999e-09, 23.7189981105004, 691.4686750787736, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [1.0, 1.0, 0.8944271909999159, 0.31622776601683794, 1.0, 1e-10, 0.0, 0.0, 0.0, double.NaN],
            [0.0f, -0f, 0.4812118113040924f, -1.8184465169906616f, 9.99999993922529e-09f, 23.718997955322266f, float.PositiveInfinity, float.PositiveInfinity, float.NegativeInfinity, float.NaN],
            [0.8813735842704773f, 1.4436354637145996f, -0.8813735842704773f, 0.0f]);
    }

    [Fact]
    public void AcoshMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Acosh(), "AcoshBackward0",
            [1.0, 0.5, 1.5, 3.0, 1.0000001, 10000000000.0, 1e+300, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN],
            [0.0, double.NaN, 0.9624236501192069, 1.762747174039086, 0.0004472135919037347, 23.7189981105004, 691.4686750787736, double.NaN, double.PositiveInfinity, double.NaN, double.NaN],
            [double.PositiveInfinity, double.NaN, 0.8944271909999159, 0.35355339059327373, 2236.06792098999, 1e-10, 0.0, double.NaN, 0.0, 0.0, double.NaN],
            [0.0f, float.NaN, 0.9624236226081848f, 1.7627471685409546f, 0.00048828125f, 23.718997955322266f, float.PositiveInfinity, float.NaN, float.PositiveInfinity, float.NaN, float.NaN],
            [0.0f, 1.316957950592041f, float.NaN, float.NaN]);
    }

    [Fact]
    public void AtanhMatchesPyTorch()
    {
        UnaryMathCheck.Row(x => x.Atanh(), "AtanhBackward0",
            [0.0, -0.0, 0.5, -0.9, 1.0, -1.0, 1.5, 1e-10, 0.999999, double.PositiveInfinity, double.NaN],
            [0.0, -0.0, 0.5493061443340548, -1.4722194895832204, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-10, 7.254328619247669, double.NaN, double.NaN],
            [1.0, 1.0, 1.3333333333333333, 5.263157894736843, double.PositiveInfinity, double.PositiveInfinity, -0.8, 1.0, 500000.24998021673, -0.0, double.NaN],
            [0.0f, -0f, 0.5493061542510986f, -1.4722193479537964f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1.000000013351432e-10f, 7.247732639312744f, float.NaN, float.NaN],
            [float.PositiveInfinity, float.NaN, float.NegativeInfinity, 0.0f]);
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        Func<Tensor, Tensor>[] fs = [x => x.Tan(), x => x.Atan(), x => x.Sinh(), x => x.Cosh(), x => x.Asinh()];
        foreach (var f in fs) Assert.True(Autograd.GradCheck(a => f(a[0]), [Check.Det([7], 1.3, 1.4).RequiresGrad_()]));
        Func<Tensor, Tensor>[] unit = [x => x.Asin(), x => x.Acos(), x => x.Atanh()];
        foreach (var f in unit) Assert.True(Autograd.GradCheck(a => f(a[0]), [Check.Det([7], 1.3, 0.9).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(a => a[0].Acosh(), [(Check.Det([7], 1.3, 0.9) + 2.0).RequiresGrad_()]));
    }
}
