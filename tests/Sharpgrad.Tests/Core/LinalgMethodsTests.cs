namespace Sharpgrad.Tests.Core;

/// <summary>torch's older decomposition functions and tensor methods (cholesky, cholesky_inverse, qr, svd, pinverse, matrix_exp): PyTorch 2.6's values, nodes and gradients.</summary>
public class LinalgMethodsTests
{
    private static Tensor Spd() => Tensor.FromArray(new[] { 4.0, 2, 0.6, 2, 5, 1, 0.6, 1, 3 }, [3, 3]);
    private static Tensor Ramp() => Tensor.Arange(0, 9, 1, DType.Float64).Reshape(3, 3);

    [Fact]
    public void CholeskyMatchesPyTorch()
    {
        var a = Spd().RequiresGrad_();
        var l = a.Cholesky();
        Assert.Equal("CholeskyBackward0", l.GradFn!.Name);
        NN.Check.Close([2, 0, 0, 1, 2, 0, 0.3, 0.35, 1.6695807857064], l, 1e-12);
        (l * Ramp()).Sum().Backward();
        NN.Check.Close([-0.1547038633088206, 0.1668291827353022, 0.47526181294113, 0.16682918273530226, 0.7671217116588462, 1.3307330762351641,
            0.47526181294113007, 1.3307330762351641, 2.3958109929419193], a.Grad!, 1e-12);
        Assert.Equal("CholeskyBackward0", Spd().RequiresGrad_().Cholesky(upper: true).GradFn!.Name);
        Check.Throws<InvalidOperationException>("cholesky: The factorization could not be completed because the input is not positive-definite (the leading minor of order 2 is not positive-definite).",
            () => Tensor.FromArray(new[] { 1.0, 2, 2, 1 }, [2, 2]).Cholesky());
    }

    [Fact]
    public void CholeskyInverseMatchesPyTorch()
    {
        var l = Linalg.Cholesky(Spd()).RequiresGrad_();
        var inv = Tensor.CholeskyInverse(l);
        Assert.Equal("CholeskyInverseBackward0", inv.GradFn!.Name);
        NN.Check.Close([0.31390134529147984, -0.1210762331838565, -0.022421524663677125, -0.1210762331838565, 0.2609865470852018, -0.06278026905829596,
            -0.022421524663677125, -0.06278026905829596, 0.3587443946188341], inv, 1e-13);
        (inv * Ramp()).Sum().Backward();
        NN.Check.Close([0.3318385650224215, -0.1748878923766817, -0.44196266691546304, -0.2708520179372197, -0.2896860986547085, -0.5846369717866229,
            -1.3094170403587448, -1.2017937219730945, -2.3920507514731773], l.Grad!, 1e-12);
        var u = Linalg.Cholesky(Spd(), upper: true).RequiresGrad_();
        var invU = u.CholeskyInverse(upper: true);
        (invU * Ramp()).Sum().Backward();
        NN.Check.Close([0.3318385650224216, -0.2708520179372198, -1.3094170403587448, -0.17488789237668168, -0.2896860986547085, -1.2017937219730943,
            -0.441962666915463, -0.584636971786623, -2.3920507514731773], u.Grad!, 1e-12);
        Check.Throws<ArgumentException>("cholesky_inverse: The input tensor A must have at least 2 dimensions.", () => Tensor.Ones([3]).CholeskyInverse());
        var g = Linalg.Cholesky(Spd()).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => t[0].Tril().CholeskyInverse(), [g]));
    }

    [Fact]
    public void DeprecatedDecompositionsAsPyTorch()
    {
        var m = Tensor.FromArray(new[] { 1.0, 2, 3, 4, 5, 6 }, [3, 2], requiresGrad: true);
        var (u, s, v) = m.Svd();
        Check.Shape(u, 3, 2);
        Check.Shape(v, 2, 2);
        Assert.Equal("LinalgSvdBackward0", u.GradFn!.Name);
        Assert.Equal("TransposeBackward0", v.GradFn!.Name);
        NN.Check.Close([9.525518091565107, 0.5143005806586443], s, 1e-13);
        // singular vectors are defined up to sign: compare the reconstruction and |V|
        NN.Check.Close(m.Detach(), u.MatMul(s.Diag()).MatMul(v.T), 1e-12);
        NN.Check.Close([0.6196294838293404, 0.7848944532670524, 0.7848944532670524, 0.6196294838293404], v.Abs(), 1e-12);
        var full = m.Svd(some: false);
        Check.Shape(full.U, 3, 3);
        var noUv = m.Svd(computeUv: false);
        Check.Values(new double[9], noUv.U, 3, 3);
        Assert.Equal("LinalgSvdBackward0", noUv.S.GradFn!.Name);
        var (q, r) = m.Qr(some: false);
        Check.Shape(q, 3, 3);
        Check.Shape(r, 3, 2);
        Assert.Equal("LinalgQrBackward0", m.Qr().Q.GradFn!.Name);
        NN.Check.Close([0.014951460709087643, 0.034134349235920416, 0.05331723776275319, 0.01893925141566589, 0.04323851927700305, 0.0675377871383402],
            m.Pinverse(0.5), 1e-12);
        Assert.Equal("LinalgPinvBackward0", m.Pinverse().GradFn!.Name);
        Assert.Equal("LinalgMatrixExpBackward0", Spd().RequiresGrad_().MatrixExp().GradFn!.Name);
    }
}
