using Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.UnaryMath;

/// <summary>
/// The in-place forms (floor_, ceil_, round_, trunc_, tan_, ..., logit_, polygamma_, nan_to_num_): PyTorch 2.6 nodes,
/// values and gradients through a non-leaf, Float32 values, integer and Bool handling and messages.
/// </summary>
public class UnaryMathInPlaceTests
{
    /// <summary>f on y = x·1 (Float64) returns y itself with PyTorch's node, values and gradient for x; Float32 values.</summary>
    private static void InPlace(Func<Tensor, Tensor> f, string node, double[] x, double[] y, double[] grad, float[] y32)
    {
        var leaf = Check.F64(x, x.Length).RequiresGrad_();
        var t = leaf * 1.0;
        long version = t.Version;
        var r = f(t);
        Assert.Same(t, r);
        Assert.Equal(version + 1, t.Version);
        Assert.Equal(node, r.GradFn!.Name);
        UnaryMathCheck.Same(y, r.ToArray<double>(), 4e-15, "value");
        r.Sum().Backward();
        UnaryMathCheck.Same(grad, leaf.Grad!.ToArray<double>(), 4e-15, "grad");
        var r32 = f(Check.F64(x, x.Length).To(DType.Float32));
        UnaryMathCheck.Same(Array.ConvertAll(y32, v => (double)v), Array.ConvertAll(r32.ToArray<float>(), v => (double)v), 5e-7, "float32", 3e-45);
    }

    [Fact]
    public void FloorInPlaceMatchesPyTorch() => InPlace(x => x.Floor_(), "FloorBackward0",
        [0.5, -1.5, 2.7, -0.0, double.PositiveInfinity, double.NaN],
        [0.0, -2.0, 2.0, -0.0, double.PositiveInfinity, double.NaN],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0f, -2.0f, 2.0f, -0f, float.PositiveInfinity, float.NaN]);

    [Fact]
    public void CeilInPlaceMatchesPyTorch() => InPlace(x => x.Ceil_(), "CeilBackward0",
        [0.5, -1.5, 2.7, -0.3, double.PositiveInfinity, double.NaN],
        [1.0, -1.0, 3.0, -0.0, double.PositiveInfinity, double.NaN],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [1.0f, -1.0f, 3.0f, -0f, float.PositiveInfinity, float.NaN]);

    [Fact]
    public void RoundInPlaceMatchesPyTorch() => InPlace(x => x.Round_(), "RoundBackward0",
        [0.5, 1.5, -2.5, 2.7, -0.3, double.NaN],
        [0.0, 2.0, -2.0, 3.0, -0.0, double.NaN],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0f, 2.0f, -2.0f, 3.0f, -0f, float.NaN]);

    [Fact]
    public void TruncInPlaceMatchesPyTorch() => InPlace(x => x.Trunc_(), "TruncBackward0",
        [0.5, -1.5, 2.7, -0.3, double.PositiveInfinity, double.NaN],
        [0.0, -1.0, 2.0, -0.0, double.PositiveInfinity, double.NaN],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0f, -1.0f, 2.0f, -0f, float.PositiveInfinity, float.NaN]);

    [Fact]
    public void FixInPlaceMatchesPyTorch() => InPlace(x => x.Fix_(), "TruncBackward0",
        [0.5, -1.5, 2.7, -0.3],
        [0.0, -1.0, 2.0, -0.0],
        [0.0, 0.0, 0.0, 0.0],
        [0.0f, -1.0f, 2.0f, -0f]);

    [Fact]
    public void TanInPlaceMatchesPyTorch() => InPlace(x => x.Tan_(), "TanBackward0",
        [0.3, -1.2, 3.0, -0.0, double.NaN],
        [0.30933624960962325, -2.5721516221263188, -0.1425465430742778, -0.0, double.NaN],
        [1.095688915322547, 7.615963967207053, 1.0203195169424268, 1.0, double.NaN],
        [0.30933627486228943f, -2.5721518993377686f, -0.14254654943943024f, -0f, float.NaN]);

    [Fact]
    public void AsinInPlaceMatchesPyTorch() => InPlace(x => x.Asin_(), "AsinBackward0",
        [0.3, -0.9, 1.0, 1.5],
        [0.30469265401539747, -1.1197695149986342, 1.5707963267948966, double.NaN],
        [1.0482848367219182, 2.294157338705618, double.PositiveInfinity, double.NaN],
        [0.30469265580177307f, -1.1197694540023804f, 1.5707963705062866f, float.NaN]);

    [Fact]
    public void AcosInPlaceMatchesPyTorch() => InPlace(x => x.Acos_(), "AcosBackward0",
        [0.3, -0.9, 1.0, 1.5],
        [1.2661036727794992, 2.6905658417935308, 0.0, double.NaN],
        [-1.0482848367219182, -2.294157338705618, double.NegativeInfinity, double.NaN],
        [1.2661036252975464f, 2.690565824508667f, 0.0f, float.NaN]);

    [Fact]
    public void AtanInPlaceMatchesPyTorch() => InPlace(x => x.Atan_(), "AtanBackward0",
        [0.3, -3.0, double.PositiveInfinity],
        [0.2914567944778671, -1.2490457723982544, 1.5707963267948966],
        [0.9174311926605504, 0.1, 0.0],
        [0.29145681858062744f, -1.249045729637146f, 1.5707963705062866f]);

    [Fact]
    public void SinhInPlaceMatchesPyTorch() => InPlace(x => x.Sinh_(), "SinhBackward0",
        [0.3, -3.0, 20.0],
        [0.3045202934471426, -10.017874927409903, 242582597.70489514],
        [1.0453385141288605, 10.067661995777765, 242582597.70489514],
        [0.30452030897140503f, -10.017874717712402f, 242582592.0f]);

    [Fact]
    public void CoshInPlaceMatchesPyTorch() => InPlace(x => x.Cosh_(), "CoshBackward0",
        [0.3, -3.0, 20.0],
        [1.0453385141288605, 10.067661995777765, 242582597.70489514],
        [0.3045202934471426, -10.017874927409903, 242582597.70489514],
        [1.04533851146698f, 10.067662239074707f, 242582592.0f]);

    [Fact]
    public void Log2InPlaceMatchesPyTorch() => InPlace(x => x.Log2_(), "Log2Backward0",
        [0.3, 8.0, 0.0, -1.0],
        [-1.7369655941662063, 3.0, double.NegativeInfinity, double.NaN],
        [4.808983469629878, 0.18033688011112042, double.PositiveInfinity, -1.4426950408889634],
        [-1.736965537071228f, 3.0f, float.NegativeInfinity, float.NaN]);

    [Fact]
    public void Log10InPlaceMatchesPyTorch() => InPlace(x => x.Log10_(), "Log10Backward0",
        [0.3, 1000.0, 0.0, -1.0],
        [-0.5228787452803376, 3.0, double.NegativeInfinity, double.NaN],
        [1.4476482730108395, 0.00043429448190325184, double.PositiveInfinity, -0.43429448190325187],
        [-0.5228787064552307f, 3.0f, float.NegativeInfinity, float.NaN]);

    [Fact]
    public void Exp2InPlaceMatchesPyTorch() => InPlace(x => x.Exp2_(), "Exp2Backward0",
        [0.3, -3.0, 10.5],
        [1.2311444133449163, 0.125, 1448.1546878700494],
        [0.8533642789721566, 0.08664339756999316, 1003.7843389117924],
        [1.2311444282531738f, 0.125f, 1448.1546630859375f]);

    [Fact]
    public void FracInPlaceMatchesPyTorch() => InPlace(x => x.Frac_(), "FracBackward0",
        [0.3, -3.7, 10.5],
        [0.3, -0.7000000000000002, 0.5],
        [1.0, 1.0, 1.0],
        [0.30000001192092896f, -0.7000000476837158f, 0.5f]);

    [Fact]
    public void ErfcInPlaceMatchesPyTorch() => InPlace(x => x.Erfc_(), "ErfcBackward0",
        [0.3, -3.0, 10.5],
        [0.6713732405408726, 1.9999779095030015, 7.035928090177523e-50],
        [-1.031260909618963, -0.00013925305194674786, -1.4841863376984254e-48],
        [0.6713732481002808f, 1.999977946281433f, 0.0f]);

    [Fact]
    public void ErfinvInPlaceMatchesPyTorch() => InPlace(x => x.Erfinv_(), "ErfinvBackward0",
        [0.3, -0.9, 1.0],
        [0.2724627147267544, -1.1630871536766743, double.PositiveInfinity],
        [0.9545203588405493, 3.4280428114518418, double.PositiveInfinity],
        [0.27246272563934326f, -1.163087010383606f, float.PositiveInfinity]);

    [Fact]
    public void LogitInPlaceMatchesPyTorch() => InPlace(x => x.Logit_(), "LogitBackward0",
        [0.3, 0.9, 1.2],
        [-0.8472978603872036, 2.1972245773362196, double.NaN],
        [4.761904761904762, 11.111111111111112, double.NaN],
        [-0.8472977876663208f, 2.1972243785858154f, float.NaN]);

    [Fact]
    public void LogitEpsInPlaceMatchesPyTorch() => InPlace(x => x.Logit_(0.2), "LogitBackward0",
        [0.3, 0.9, 0.1, double.NaN],
        [-0.8472978603872036, 1.3862943611198908, -1.3862943611198906, double.NaN],
        [4.761904761904762, 0.0, 0.0, double.NaN],
        [-0.8472977876663208f, 1.3862944841384888f, -1.3862943649291992f, float.NaN]);

    [Fact]
    public void SincInPlaceMatchesPyTorch() => InPlace(x => x.Sinc_(), "SincBackward0",
        [0.3, -3.5, 0.0],
        [0.8583936913341398, -0.09094568176679733, 1.0],
        [-0.9020281301388888, -0.02598448050479912, 0.0],
        [0.858393669128418f, -0.09094567596912384f, 1.0f]);

    [Fact]
    public void Deg2RadInPlaceMatchesPyTorch() => InPlace(x => x.Deg2Rad_(), "Deg2RadBackward0",
        [0.3, -180.0],
        [0.005235987755982988, -3.141592653589793],
        [0.017453292519943295, 0.017453292519943295],
        [0.005235987715423107f, -3.1415927410125732f]);

    [Fact]
    public void Rad2DegInPlaceMatchesPyTorch() => InPlace(x => x.Rad2Deg_(), "Rad2DegBackward0",
        [0.3, -3.0],
        [17.188733853924695, -171.88733853924697],
        [57.29577951308232, 57.29577951308232],
        [17.18873405456543f, -171.88734436035156f]);

    [Fact]
    public void SgnInPlaceMatchesPyTorch() => InPlace(x => x.Sgn_(), "SgnBackward0",
        [0.3, -3.0, -0.0, double.NaN],
        [1.0, -1.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
        [1.0f, -1.0f, 0.0f, 0.0f]);

    [Fact]
    public void LgammaInPlaceMatchesPyTorch() => InPlace(x => x.Lgamma_(), "LgammaBackward0",
        [0.3, -2.5, 10.0],
        [1.0957979948180756, -0.05624371649767405, 12.801827480081469],
        [-3.502524222200133, 1.1031566406452433, 2.251752589066721],
        [1.0957978963851929f, -0.056243717670440674f, 12.801827430725098f]);

    [Fact]
    public void DigammaInPlaceMatchesPyTorch() => InPlace(x => x.Digamma_(), "DigammaBackward0",
        [0.3, -2.5, 10.0],
        [-3.502524222200133, 1.1031566406452433, 2.251752589066721],
        [12.245364544940365, 9.53924664493752, 0.10516633568216657],
        [-3.502523899078369f, 1.1031566858291626f, 2.2517526149749756f]);

    [Fact]
    public void PolygammaInPlaceMatchesPyTorch() => InPlace(x => x.Polygamma_(2), "PolygammaBackward1",
        [0.3, -2.5, 10.0],
        [-75.27253658872601, -0.1082040516417282, -0.011049834970802069],
        [743.1417646550497, 194.74787621918756, 0.0023199013042898686],
        [-75.27252960205078f, -0.10820404440164566f, -0.01104983501136303f]);

    [Fact]
    public void NanToNumInPlaceMatchesPyTorch() => InPlace(x => x.NanToNum_(1.0, 2.0, 3.0), "NanToNumBackward0",
        [0.3, double.NaN, double.PositiveInfinity, double.NegativeInfinity],
        [0.3, 1.0, 2.0, 3.0],
        [1.0, 0.0, 0.0, 0.0],
        [0.30000001192092896f, 1.0f, 2.0f, 3.0f]);

    [Fact]
    public void InverseHyperbolicInPlaceBackwardIsNotImplemented()
    {
        (Func<Tensor, Tensor> F, string Node, string Op)[] cases = [(x => x.Asinh_(), "AsinhBackward1", "asinh"), (x => x.Acosh_(), "AcoshBackward1", "acosh"), (x => x.Atanh_(), "AtanhBackward1", "atanh")];
        foreach (var (f, node, op) in cases)
        {
            var leaf = Check.F64([0.3, 0.6], 2).RequiresGrad_();
            var r = f(leaf * 1.0);
            Assert.Equal(node, r.GradFn!.Name);
            var e = Assert.Throws<InvalidOperationException>(() => r.Sum().Backward());
            Assert.Equal($"the derivative for 'inplace version of {op}' is not implemented.", e.Message);
        }
        UnaryMathCheck.Same([0.29567304756342244, 0.5688248987322475], Check.F64([0.3, 0.6], 2).Asinh_().ToArray<double>(), 4e-16, "asinh_");
    }

    [Fact]
    public void IntegerAndBoolInPlaceMatchPyTorch()
    {
        Func<Tensor, Tensor>[] keep = [x => x.Floor_(), x => x.Ceil_(), x => x.Round_(), x => x.Trunc_(), x => x.Fix_(), x => x.NanToNum_()];
        foreach (var f in keep) Assert.Equal(new long[] { 1, 0, -3 }, f(Check.I64(1, 0, -3)).ToArray<long>());
        Assert.Equal(new long[] { 1, 0, -1 }, Check.I64(4, 0, -3).Sgn_().ToArray<long>());
        Assert.Equal(new[] { true, false }, Tensor.FromArray(new[] { true, false }).Sgn_().ToArray<bool>());
        Assert.Equal(new[] { true, false }, Tensor.FromArray(new[] { true, false }).NanToNum_().ToArray<bool>());
        var e = Assert.Throws<ArgumentException>(() => Check.I64(1).Tan_());
        Assert.Equal("result type Float can't be cast to the desired output type Long", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { true }).Lgamma_());
        Assert.Equal("result type Float can't be cast to the desired output type Bool", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { true }).Floor_());
        Assert.Equal("\"floor_vml_cpu\" not implemented for 'Bool'", e.Message);
        e = Assert.Throws<ArgumentException>(() => Check.I64(1).Frac_());
        Assert.Equal("\"frac_cpu\" not implemented for 'Long'", e.Message);
    }

    [Fact]
    public void InPlaceOnAViewAndOnALeafMatchPyTorch()
    {
        var leaf = Check.F64([0.3, 0.6, -1.2], 3).RequiresGrad_();
        var t = leaf * 1.0;
        t.Narrow(0, 1, 2).Tan_();
        Assert.Equal("CopySlices", t.GradFn!.Name); // Sharpgrad's name for torch::autograd::CopySlices
        t.Sum().Backward();
        UnaryMathCheck.Same([1.0, 1.4680431725279575, 7.615963967207053], leaf.Grad!.ToArray<double>(), 4e-15, "grad");
        var e = Assert.Throws<InvalidOperationException>(() => Check.F64([0.3], 1).RequiresGrad_().Lgamma_());
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", e.Message);
    }
}
