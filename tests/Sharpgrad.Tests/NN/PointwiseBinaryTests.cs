namespace Sharpgrad.Tests.NN;

/// <summary>atan2, lerp and logaddexp: PyTorch 2.6 values, gradients (broadcast, infinities, the origin), dtypes and messages.</summary>
public class PointwiseBinaryTests
{
    /// <summary>Check.Close, with infinities compared exactly.</summary>
    private static void Close(double[] expected, Tensor actual)
    {
        var a = actual.ToArray<double>();
        for (int i = 0; i < a.Length; i++)
            if (double.IsInfinity(expected[i])) Assert.Equal(expected[i], a[i]);
            else Check.Close(expected[i], a[i], 1e-12);
    }

    [Fact]
    public void Atan2MatchesPyTorch()
    {
        var a = Check.F64([1.0, -1.0, 0.0, 2.0, -3.0, 0.0], 6).RequiresGrad_();
        var b = Check.F64([1.0, 1.0, -1.0, -2.0, 0.5, 0.0], 6).RequiresGrad_();
        var y = a.Atan2(b);
        Assert.Equal("Atan2Backward0", y.GradFn!.Name);
        Check.Close([0.7853981633974483, -0.7853981633974483, 3.141592653589793, 2.356194490192345, -1.4056476493802699, 0.0], y, 1e-12);
        y.Sum().Backward();
        Check.Close([0.5, 0.5, -1.0, -0.25, 0.05405405405405406, double.NaN], a.Grad!, 1e-12); // the origin: 0·inf
        Check.Close([-0.5, 0.5, -0.0, -0.25, 0.32432432432432434, double.NaN], b.Grad!, 1e-12);

        a = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        b = Check.Det([3], 0.9, 1.5).RequiresGrad_();
        y = a.Atan2(b);
        Check.Close([0.9272952180016122, 1.0566081983156759, 2.0103683727526804, -0.2941483067544598, -1.0070099059230757, -1.741250197961085], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close([0.24, 0.2542570845095196, -0.4894299591972215, 0.5039739082394235, 0.2133821737978295, -0.045618060283642174], a.Grad!, 1e-12);
        Check.Close([-0.16732809650312191, -0.11261242236899904, -0.7757393479821324], b.Grad!, 1e-12);

        var f = Check.F32([1f, -2f, 0.3f], 3).Atan2(Check.F32([3f, 0.5f, -0.7f], 3));
        Assert.Equal(new[] { 0.32175055146217346f, -1.3258177042007446f, 2.7367007732391357f }, f.ToArray<float>());
        var i = Check.I64(1, -2).Atan2(Check.I64(3, 0));
        Assert.Equal(DType.Float32, i.DType);
        Assert.Equal(new[] { 0.32175055146217346f, -1.5707963705062866f }, i.ToArray<float>());
        Assert.Equal(DType.Float64, Check.F32([1f], 1).Atan2(Check.F64([1.0], 1)).DType);
    }

    [Fact]
    public void LerpMatchesPyTorch()
    {
        var s = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        var e = Check.Det([3], 0.9, 1.5).RequiresGrad_();
        var y = s.Lerp(e, 0.3);
        Assert.Equal("LerpBackward0", y.GradFn!.Name);
        Check.Close([1.85, 1.4351943465953487, 0.40505991365545385, 0.1319170674296783, -0.7526267160359447, -1.4882304378525129], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close([0.7, 0.6860466044888691, 0.6447426958020195, 0.5777349304367747, 0.4876946965430157, 0.3782116141076978], s.Grad!, 1e-12);
        Check.Close([0.5476006844729034, 0.503031986156522, 0.4384089899613074], e.Grad!, 1e-12);

        s.Grad = null;
        e.Grad = null;
        y = s.Lerp(e, 0.7); // the |weight| >= 0.5 branch: end - (end - self)·(1 - weight)
        Check.Close([1.65, 1.1478918356300047, -0.021147546741737265, 0.9136787431841478, 0.21025423735945023, -0.8325576973880088], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close([0.30000000000000004, 0.2940199733523725, 0.27631829820086556, 0.2476006844729035, 0.20901201280414966, 0.16209069176044194], s.Grad!, 1e-15);
        Check.Close([1.2777349304367747, 1.173741301031885, 1.0229543099097174], e.Grad!, 1e-12);

        s.Grad = null;
        e.Grad = null;
        var w = Check.Det([2, 1], 1.3, 0.8).RequiresGrad_();
        y = s.Lerp(e, w);
        Assert.Equal("LerpBackward1", y.GradFn!.Name);
        Check.Close([1.6, 1.0760662078886685, -0.12769941184103514, -0.036163524330343665, -0.9596483768061028, -1.629201613130235], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close([0.19999999999999996, 0.19601331556824828, 0.184212198800577, 0.6487145667412842, 0.5476121264309594, 0.4246781187298271], s.Grad!, 1e-12);
        Check.Close([0.976621048168394, 0.9331478451891994, 0.8524729823406209], e.Grad!, 1e-12);
        Check.Close([-2.1853466396297065, 4.175807168681641], w.Grad!, 1e-12);

        Assert.Equal(new[] { 1.600000023841858f, -1.25f }, Check.F32([1f, -2f], 2).Lerp(Check.F32([3f, 0.5f], 2), 0.3).ToArray<float>());
        Assert.Equal([2, 3], Tensor.Zeros([3]).Lerp(Tensor.Ones([2, 3]), 0.5).Shape); // self broadcasts too
    }

    [Fact]
    public void LerpMessagesMatchPyTorch()
    {
        string Message(Action f) => Assert.Throws<ArgumentException>(f).Message;
        Assert.Equal("expected dtype float for `end` but got dtype double", Message(() => Tensor.Zeros([2]).Lerp(Tensor.Zeros([2], DType.Float64), 0.5)));
        Assert.Equal("expected dtype float for `weight` but got dtype double", Message(() => Tensor.Zeros([2]).Lerp(Tensor.Zeros([2]), Tensor.Zeros([2], DType.Float64))));
        Assert.Equal("\"lerp_kernel_scalar\" not implemented for 'Long'", Message(() => Tensor.Zeros([2], DType.Int64).Lerp(Tensor.Zeros([2], DType.Int64), 0.5)));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", Message(() => Tensor.Zeros([2]).Lerp(Tensor.Zeros([3]), 0.5)));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", Message(() => Tensor.Zeros([2]).Lerp(Tensor.Zeros([2]), Tensor.Zeros([3]))));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1", Message(() => Tensor.Zeros([2]).Lerp(Tensor.Zeros([2, 3]), 0.5)));
    }

    [Fact]
    public void LogAddExpMatchesPyTorch()
    {
        double inf = double.PositiveInfinity;
        var a = Check.F64([1.0, -1.0, 0.0, 800.0, -800.0, inf, -inf, -inf, 3.0], 9).RequiresGrad_();
        var b = Check.F64([1.0, 2.0, -30.0, 799.0, -801.0, inf, -inf, 1.0, inf], 9).RequiresGrad_();
        var y = a.LogAddExp(b);
        Assert.Equal("LogaddexpBackward0", y.GradFn!.Name);
        Close([1.6931471805599454, 2.048587351573742, 9.357622968839737e-14, 800.3132616875182, -799.6867383124818, inf, -inf, 1.0, inf], y);
        y.Sum().Backward();
        Check.Close([0.5, 0.04742587317756678, 0.9999999999999065, 0.7310585786300049, 0.7310585786300049, double.NaN, double.NaN, 0.0, 0.0], a.Grad!, 1e-12);
        Check.Close([0.5, 0.9525741268224334, 9.357622968839299e-14, 0.2689414213699951, 0.2689414213699951, double.NaN, double.NaN, 1.0, 1.0], b.Grad!, 1e-12);

        a = Check.Det([2, 3], 0.6, 2.0).RequiresGrad_();
        b = Check.Det([3], 0.9, 1.5).RequiresGrad_();
        y = a.LogAddExp(b);
        Check.Close([2.4740769841801065, 2.047836494182726, 1.0207742298779117, 1.6324735748459247, 1.018654036788564, -0.1633778760570248], y, 1e-12);
        y.Backward(Check.Det([2, 3], 0.2));
        Check.Close([0.6224593312018546, 0.6588232186707298, 0.6850333608057411, 0.10240262482470038, 0.05756547895281517, 0.0878404140515965], a.Grad!, 1e-12);
        Check.Close([1.1004736588831232, 0.960384589564862, 0.6884895250136873], b.Grad!, 1e-12);

        var fa = Check.F32([1f, -1f, 100f], 3).RequiresGrad_();
        var fb = Check.F32([0.5f, 2f, 99f], 3).RequiresGrad_();
        var fy = fa.LogAddExp(fb);
        Assert.Equal(DType.Float32, fy.DType);
        fy.Sum().Backward();
        Check.Close([1.4740769863128662, 2.0485873222351074, 100.31326293945312], fy, 1e-6);
        Check.Close([0.622459352016449, 0.04742587357759476, 0.7310585975646973], fa.Grad!, 1e-6);
        Check.Close([0.3775406777858734, 0.9525741338729858, 0.2689414322376251], fb.Grad!, 1e-6);
        Assert.Equal(DType.Float64, Check.F32([1f], 1).LogAddExp(Check.F64([1.0], 1)).DType);
        Assert.Equal("\"logaddexp_cpu\" not implemented for 'Long'", Assert.Throws<ArgumentException>(() => Check.I64(1, 2).LogAddExp(Check.I64(3, 4))).Message);
    }
}
