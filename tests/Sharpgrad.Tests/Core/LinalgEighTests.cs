using static Sharpgrad.Tests.Core.DecompositionInputs;

namespace Sharpgrad.Tests.Core;

/// <summary>linalg.eigh / eigvalsh: PyTorch 2.6 eigenvalues, |eigenvectors|, gradients of sign-invariant losses, node names, messages; gradcheck.</summary>
public class LinalgEighTests
{
    /// <summary>sum(L·w) + sum(V²·W): invariant under the sign of each eigenvector.</summary>
    private static Tensor Loss(Tensor l, Tensor v) => (l * Gen(0.3, 2, 3)).Sum() + (v * v * Gen(1.1, 2, 3, 3)).Sum();

    [Fact]
    public void LowerTriangleValuesVectorsAndGradientsMatchPyTorch()
    {
        var b = Gen(0.7, 2, 3, 3).RequiresGrad_(); // not symmetric: only the lower triangle is read
        var (l, v) = Linalg.Eigh(b);
        Assert.Equal("LinalgEighBackward0", l.GradFn!.Name);
        Assert.Same(l.GradFn, v.GradFn);
        Close([-0.40227702082464595, 0.7260021700585397, 1.872685207496532, -1.9181921065152876, 0.040693568367139846, 1.216275711576113], l);
        Close([0.3669730478105121, 0.7027622442711262, 0.6094719109259042, 0.7150360777376504, 0.6321915687810464, 0.29842457656117394, 0.5950245286660206, 0.3262806282775137, 0.7344976255214244, 0.2702199344922144, 0.5070205882552682, 0.8184810994081075, 0.7375919090799873, 0.6554054848164175, 0.1624863875292198, 0.6188209455591834, 0.5597979756642911, 0.5510779108069919], v.Abs());
        OrthonormalColumns(v);
        var lower = b.Detach().Tril();
        var symmetric = lower + MT(lower) - lower * Tensor.Eye(3, DType.Float64);
        Close(symmetric.Contiguous().ToArray<double>(), v.MatMul(l.Unsqueeze(2) * MT(v)));
        Loss(l, v).Backward();
        Close([0.05117303514279986, -0.09709342272222946, 0.9590844238869511, -0.09709342272222957, 0.7308161394351198, 0.1637057602438981, 0.9590844238869511, 0.163705760243898, 0.8161443456386712, 0.040960348645768585, 0.7038339583971212, 0.8904048698095244, 0.7038339583971212, -0.8491528638735928, 0.4818366405079089, 0.8904048698095244, 0.4818366405079091, -0.039525876340632315], b.Grad!);
    }

    [Fact]
    public void UpperTriangleMatchesPyTorch()
    {
        var b = Gen(0.7, 2, 3, 3).RequiresGrad_();
        var (l, v) = Linalg.Eigh(b, "U");
        Close([-0.23310206994028956, 0.5065019791215951, 1.92301044754912, -1.6029068774565602, -0.8048642854583661, 1.746548336342891], l);
        Close([0.5982206355191245, 0.32693640627213677, 0.7316041672195116, 0.6713091522748909, 0.7030172602889377, 0.23475679714931103, 0.43757981364667825, 0.6315689336800031, 0.64003483397331, 0.038998918028387064, 0.6434208364371957, 0.7645186143130026, 0.8345154980016269, 0.3998492596497071, 0.37908370204042907, 0.5496025545680361, 0.6527864863767019, 0.5213509712432197], v.Abs());
        Loss(l, v).Backward();
        Close([0.3661549856650529, -0.011736321537123479, 0.8914033111826961, -0.011736321537123492, 0.3475810958234868, -0.11382758702948054, 0.8914033111826961, -0.11382758702948043, 0.8843974387280515, -0.011281246481066265, 0.19514803051458868, -1.2163265460865507, 0.19514803051458876, -1.6804290765396668, -0.09096381530312245, -1.2163265460865507, -0.09096381530312259, 0.8439919314522765], b.Grad!);
    }

    [Fact]
    public void EigvalshMatchesPyTorch()
    {
        var b = Gen(0.7, 2, 3, 3).RequiresGrad_();
        var l = Linalg.Eigvalsh(b);
        Assert.Equal("LinalgEighBackward0", l.GradFn!.Name);
        Close([-0.40227702082464595, 0.7260021700585397, 1.872685207496532, -1.9181921065152876, 0.040693568367139846, 1.216275711576113], l);
        (l * Gen(0.3, 2, 3)).Sum().Backward();
        Close([0.4578860728285213, 0.14560527443514967, 0.5093138347154883, 0.14560527443514962, 0.8209013358709761, -0.3050214048663087, 0.5093138347154883, -0.3050214048663087, 0.3193461115170935, -0.4290258450996526, 0.6189763149952602, 0.5335327762628441, 0.6189763149952602, -0.09948234431481445, 0.680010338619082, 0.5335327762628442, 0.6800103386190819, -0.31921020215398943], b.Grad!);
    }

    [Fact]
    public void Float32AndEmptyMatrices()
    {
        var (l, v) = Linalg.Eigh(Gen(0.7, 2, 3, 3).To(DType.Float32));
        Assert.Equal(DType.Float32, l.DType);
        Assert.Equal(DType.Float32, v.DType);
        Close([-0.40227702082464595, 0.7260021700585397, 1.872685207496532, -1.9181921065152876, 0.040693568367139846, 1.216275711576113], l, 1e-5);
        Close([0.3669730478105121, 0.7027622442711262, 0.6094719109259042, 0.7150360777376504, 0.6321915687810464, 0.29842457656117394, 0.5950245286660206, 0.3262806282775137, 0.7344976255214244, 0.2702199344922144, 0.5070205882552682, 0.8184810994081075, 0.7375919090799873, 0.6554054848164175, 0.1624863875292198, 0.6188209455591834, 0.5597979756642911, 0.5510779108069919], v.Abs(), 1e-5);
        Assert.Equal([0], Linalg.Eigh(Tensor.Zeros([0, 0])).Eigenvalues.Shape);
        Assert.Equal([2, 0, 0], Linalg.Eigh(Tensor.Zeros([2, 0, 0])).Eigenvectors.Shape);
    }

    [Fact]
    public void GradCheckOnSymmetrizedInput()
    {
        var w = Gen(0.3, 2, 3);
        var big = Gen(1.1, 2, 3, 3);
        Assert.True(Autograd.GradCheck(t =>
        {
            var (l, v) = Linalg.Eigh(t[0] + MT(t[0]));
            return (l * w).Sum() + (v * v * big).Sum();
        }, [Gen(0.7, 2, 3, 3).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => Linalg.Eigvalsh(t[0] + MT(t[0]), "U"), [Gen(0.4, 4, 4).RequiresGrad_()]));
    }

    [Fact]
    public void MessagesMatchPyTorch()
    {
        Assert.Equal("linalg.eigh: The input tensor A must have at least 2 dimensions.", Message<ArgumentException>(() => Linalg.Eigh(Tensor.Ones([3]))));
        Assert.Equal("linalg.eigh: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.Eigh(Tensor.Ones([2, 3]))));
        Assert.Equal("linalg.eigh: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.Eigvalsh(Tensor.Ones([2, 3]))));
        Assert.Equal("\"linalg_eigh_cpu\" not implemented for 'Long'", Message<ArgumentException>(() => Linalg.Eigh(Tensor.Ones([3, 3], DType.Int64))));
        Assert.Equal("\"linalg_eigh_cpu\" not implemented for 'Bool'", Message<ArgumentException>(() => Linalg.Eigvalsh(Tensor.Ones([3, 3], DType.Bool))));
        Assert.Equal("Expected UPLO argument to be 'L' or 'U', but got X", Message<ArgumentException>(() => Linalg.Eigh(Tensor.Ones([3, 3]), "X")));
    }

    [Fact]
    public void LargerMatricesReconstruct()
    {
        var b = Gen(0.37, 12, 12);
        var a = b + MT(b);
        var (l, v) = Linalg.Eigh(a);
        OrthonormalColumns(v, 1e-12);
        Close(a.ToArray<double>(), v.MatMul(l.Unsqueeze(1) * MT(v)), 1e-12);
        Assert.True(l.Narrow(0, 1, 11).Ge(l.Narrow(0, 0, 11)).All().Item<bool>());
    }
}
