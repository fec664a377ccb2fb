using NNCheck = Sharpgrad.Tests.NN.Check;

namespace Sharpgrad.Tests.Core;

/// <summary>torch.linalg.cholesky and torch.cholesky_solve: PyTorch 2.6 values, gradients, node names and messages; gradcheck in Float64.</summary>
public class CholeskyTests
{
    /// <summary>M·Mᵀ + I with M = cos(0.7·i) over [3, 3], as the oracle builds it.</summary>
    private static Tensor P(bool requiresGrad = true)
    {
        using var m = NNCheck.Det([3, 3], 0.7);
        using var eye = Tensor.Eye(3, DType.Float64);
        var p = m.MatMul(m.T) + eye;
        return requiresGrad ? p.RequiresGrad_() : p;
    }

    private static void Close(double[] expected, Tensor actual) => NNCheck.Close(expected, actual, 1e-12);
    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void CholeskyMatchesPyTorch()
    {
        var p = P();
        var l = Linalg.Cholesky(p);
        Assert.Equal("LinalgCholeskyExBackward0", l.GradFn!.Name);
        Close([1.6167474759886875, 0.0, 0.0, -0.8564506137775555, 1.5119841275345702, 0.0, -0.133470179764878, -0.5084870351046417, 1.2650184247838758], l);
        (l * NNCheck.Det([3, 3], 0.3)).Sum().Backward();
        Close([0.3887582199184344, 0.186639820147901, -0.2346885105961433, 0.18663982014790104, 0.030719277886358365, -0.26496608047659026, -0.23468851059614332, -0.2649660804765903, -0.2914557215509437], p.Grad!);

        p = P();
        var u = Linalg.Cholesky(p, upper: true);
        Assert.Equal("LinalgCholeskyExBackward0", u.GradFn!.Name);
        Close([1.6167474759886875, -0.8564506137775555, -0.133470179764878, 0.0, 1.5119841275345702, -0.5084870351046415, 0.0, 0.0, 1.2650184247838758], u);
        (u * u * u).Sum().Backward();
        Close([3.5990500939531573, 2.115214331098114, 0.6471104009451173, 2.1152143310981137, 2.568853262648812, 0.8946567460113634, 0.6471104009451174, 0.8946567460113635, 1.8975276371758139], p.Grad!);

        using var mb = NNCheck.Det([2, 3, 3], 1.1);
        using var eye = Tensor.Eye(3, DType.Float64);
        var pb = (mb.MatMul(mb.Transpose(1, 2)) + eye * 0.5).RequiresGrad_();
        var lb = Linalg.Cholesky(pb);
        Close([1.4325093390212564, 0.0, 0.0, -1.0777854493486534, 0.9540236701019443, 0.0, 1.0451111801498982, -0.4547725432301424, 0.8861500735687671, 1.4451635375788807, 0.0, 0.0, -1.085334415981765, 0.9517870092584595, 0.0, 1.0443096260052578, -0.44771297496183815, 0.8830773083648866], lb);
        (lb * lb).Sum().Backward();
        Close([0.9999999999999999, 2.030923788044245e-16, 0.0, 1.550039492773851e-16, 1.0000000000000002, 0.0, 0.0, 0.0, 1.0, 0.9999999999999998, -1.6142970646290924e-16, 0.0, -1.5364669751980339e-16, 0.9999999999999999, 0.0, 0.0, 0.0, 1.0], pb.Grad!);

        // only the lower triangle is read
        var n = (NNCheck.Det([3, 3], 0.5) + eye * 4.0).RequiresGrad_();
        var ln = Linalg.Cholesky(n);
        Close([2.23606797749979, 0.0, 0.0, 0.03163463829341904, 1.8928424163445043, 0.0, -0.44273810392266505, -0.4873363041472541, 1.706705210963934], ln);
        ln.Sum().Backward();
        Close([0.27437018396182095, 0.2858691048891978, 0.2768086753418324, 0.2858691048891978, 0.35158213265385174, 0.33957981810045135, 0.2768086753418324, 0.3395798181004513, 0.29296213358228623], n.Grad!);

        // upper reads the upper triangle
        var nu = (NNCheck.Det([3, 3], 0.5) + eye * 4.0).RequiresGrad_();
        var un = Linalg.Cholesky(nu, upper: true);
        Close([2.23606797749979, 0.3924668528510579, 0.2416305368642088, 0.0, 1.851978113495417, -0.4837938339409854, 0.0, 0.0, 1.747545303856751], un);
        un.Sum().Backward();
        Close([0.18770561223954416, 0.12316385455946993, 0.1321842897205975, 0.12316385455946995, 0.36003409211195553, 0.3447238203616257, 0.13218428972059754, 0.34472382036162574, 0.2861156153700412], nu.Grad!);

        var f = Linalg.Cholesky(P(requiresGrad: false).To(DType.Float32));
        Assert.Equal(DType.Float32, f.DType);
        NNCheck.Close([1.616747498512268, 0.0, 0.0, -0.8564506769180298, 1.51198410987854, 0.0, -0.13347017765045166, -0.5084870457649231, 1.2650184631347656], f, 1e-6);
        Assert.Equal([0, 0], Linalg.Cholesky(Tensor.Zeros([0, 0])).Shape);
    }

    [Fact]
    public void CholeskySolveMatchesPyTorch()
    {
        var b = NNCheck.Det([3, 2], 0.9).RequiresGrad_();
        var l = Linalg.Cholesky(P(requiresGrad: false)).RequiresGrad_();
        var x = Tensor.CholeskySolve(b, l);
        Assert.Equal("CholeskySolveBackward0", x.GradFn!.Name);
        Close([0.3366077157928126, 0.04714949624059588, -0.017389914000309526, -0.32556387466445985, -0.4452118563676598, -0.22045061790425838], x);
        (x * x).Sum().Backward();
        Close([0.2137585706100511, -0.20672705302423064, -0.011915401429161032, -0.3964797156207751, -0.45405288513676556, -0.39699132602623405], b.Grad!);
        Close([-0.19564628186571428, -0.17426350197738, 0.27975931674340143, 0.18603934947868417, -0.2740825373281448, -0.2907658147469027, 0.631724143115735, -0.05294760704312662, -0.7328674529381346], l.Grad!);

        b = NNCheck.Det([3, 2], 0.9).RequiresGrad_();
        var u = Linalg.Cholesky(P(requiresGrad: false), upper: true).RequiresGrad_();
        x = b.CholeskySolve(u, upper: true);
        Close([0.3366077157928126, 0.047149496240595876, -0.01738991400030951, -0.32556387466445985, -0.4452118563676598, -0.22045061790425838], x);
        (x * x).Sum().Backward();
        Close([0.21375857061005113, -0.20672705302423064, -0.011915401429160977, -0.3964797156207751, -0.45405288513676556, -0.39699132602623405], b.Grad!);
        Close([-0.1956462818657143, 0.1860393494786841, 0.6317241431157351, -0.17426350197738005, -0.27408253732814486, -0.05294760704312662, 0.27975931674340143, -0.2907658147469027, -0.7328674529381346], u.Grad!);

        var bb = NNCheck.Det([2, 3, 2], 0.9).RequiresGrad_();
        x = bb.CholeskySolve(l.Detach());
        Assert.Equal([2, 3, 2], x.Shape);
        Close([0.3366077157928126, 0.04714949624059588, -0.017389914000309526, -0.32556387466445985, -0.4452118563676598, -0.22045061790425838, 0.37354611481966443, 0.33308093049398657, 0.299472714660694, -0.024143568079377127, -0.3381111848828758, -0.44394050876706787], x);
        x.Sum().Backward();
        Close([0.9972230846100206, 0.9972230846100206, 1.0047675696872729, 1.0047675696872729, 0.9979631374199227, 0.9979631374199227, 0.9972230846100206, 0.9972230846100206, 1.0047675696872729, 1.0047675696872729, 0.9979631374199227, 0.9979631374199227], bb.Grad!);
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        const string NotPd = "The factorization could not be completed because the input is not positive-definite (the leading minor of order";
        var indefinite = Tensor.FromArray(new[] { 1f, 2, 2, 1 }, [2, 2]);
        Assert.Equal($"linalg.cholesky: {NotPd} 2 is not positive-definite).", Message<InvalidOperationException>(() => Linalg.Cholesky(indefinite)));
        Assert.Equal($"linalg.cholesky: (Batch element 1): {NotPd} 2 is not positive-definite).",
            Message<InvalidOperationException>(() => Linalg.Cholesky(Tensor.Stack([Tensor.Eye(2), indefinite]))));
        Assert.Equal($"linalg.cholesky: {NotPd} 1 is not positive-definite).", Message<InvalidOperationException>(() => Linalg.Cholesky(Tensor.FromArray(new[] { -1f, 0, 0, 1 }, [2, 2]))));
        Assert.Equal($"linalg.cholesky: {NotPd} 1 is not positive-definite).", Message<InvalidOperationException>(() => Linalg.Cholesky(Tensor.FromArray(new[] { float.NaN, 0, 0, 1 }, [2, 2]))));
        Assert.Equal("linalg.cholesky: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.Cholesky(Tensor.Ones([2, 3]))));
        Assert.Equal("linalg.cholesky: The input tensor A must have at least 2 dimensions.", Message<ArgumentException>(() => Linalg.Cholesky(Tensor.Ones([3]))));
        Assert.Equal("linalg.cholesky: Expected a floating point or complex tensor as input. Got Long", Message<ArgumentException>(() => Linalg.Cholesky(Tensor.Ones([2, 2], DType.Int64))));

        Assert.Equal("b should have at least 2 dimensions, but has 1 dimensions instead", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([3]), Tensor.Eye(3))));
        Assert.Equal("u should have at least 2 dimensions, but has 1 dimensions instead", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([3, 2]), Tensor.Ones([3]))));
        Assert.Equal("Incompatible matrix sizes for cholesky_solve: each A matrix is 3 by 3 but each b matrix is 2 by 2", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([2, 2]), Tensor.Eye(3))));
        Assert.Equal("Expected b and A to have the same dtype, but found b of type Float and A of type Double instead.", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([3, 2]), Tensor.Eye(3, DType.Float64))));
        Assert.Equal("\"cholesky_solve_cpu\" not implemented for 'Long'", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([3, 2], DType.Int64), Tensor.Eye(3, DType.Int64))));
        Assert.Equal("A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([3, 2]), Tensor.Ones([2, 3]))));
        Assert.Equal("The size of tensor a (4) must match the size of tensor b (2) at non-singleton dimension 0", Message<ArgumentException>(() => Tensor.CholeskySolve(Tensor.Ones([4, 3, 2]), Tensor.Ones([2, 3, 3]))));
    }

    [Fact]
    public void GradCheckInFloat64()
    {
        var p = P();
        var b = NNCheck.Det([2, 3, 2], 0.9).RequiresGrad_();
        var l = Linalg.Cholesky(P(requiresGrad: false)).RequiresGrad_();
        // symmetrised so that the perturbed input stays symmetric, as PyTorch's own gradcheck of cholesky does
        Assert.True(Autograd.GradCheck(t => Linalg.Cholesky(t[0].MatMul(t[0].T)), [p]));
        Assert.True(Autograd.GradCheck(t => Linalg.Cholesky(t[0].MatMul(t[0].T), upper: true), [p]));
        // the solve reads one triangle of the factor only; PyTorch's formula is for a triangular factor, so it is made one
        Assert.True(Autograd.GradCheck(t => Tensor.CholeskySolve(t[0], t[1].Tril()), [b, l]));
        Assert.True(Autograd.GradCheck(t => Tensor.CholeskySolve(t[0], t[1].Triu(), upper: true), [b, l.Detach().T.Contiguous().RequiresGrad_()]));
        // second order: the backward formulas are built from differentiable ops
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Linalg.Cholesky(x.MatMul(x.T)), t[0]), [p]));
        Assert.True(Autograd.GradCheck(t => SecondOrder(x => Tensor.CholeskySolve(b.Detach(), x.Tril()) * b, t[0]), [l]));
    }

    private static Tensor SecondOrder(Func<Tensor, Tensor> f, Tensor x)
    {
        using (Autograd.EnableGrad()) return Autograd.Grad([f(x).Sum()], [x], createGraph: true)[0]!;
    }
}
