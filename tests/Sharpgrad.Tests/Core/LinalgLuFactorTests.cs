using NNCheck = Sharpgrad.Tests.NN.Check;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// torch.linalg lu_factor(_ex) / lu / lu_unpack / lu_solve and inv_ex / cholesky_ex / solve_ex: PyTorch 2.6 values
/// (its reference LAPACK), pivots, infos, gradients, node names and messages; gradcheck in Float64.
/// </summary>
public class LinalgLuFactorTests
{
    private static Tensor F64(double[] data, params int[] shape) => Tensor.FromArray(data, shape);

    /// <summary>A square matrix whose factorization swaps rows twice.</summary>
    private static readonly double[] Sq = [0.5, -1.2, 2.0, 3.1, 0.4, -0.7, -1.5, 2.2, 0.9];
    private static readonly double[] Sq2 = [-1.0, 0.7, 0.2, 0.4, -0.3, 2.5, 2.2, 1.3, -0.6];

    /// <summary>The singular [[1, 2, 3], [2, 4, 6], [1, 0, 1]].</summary>
    private static Tensor S() => F64([1, 2, 3, 2, 4, 6, 1, 0, 1], 3, 3);

    private static void Close(double[] expected, Tensor actual) => NNCheck.Close(expected, actual, 1e-12);

    /// <summary>Equal to 1e-12 relative, with infinities and NaN matched exactly.</summary>
    private static void Same(double[] expected, Tensor actual)
    {
        var got = actual.To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
        {
            if (double.IsFinite(expected[i])) NNCheck.Close(expected[i], got[i], 1e-12);
            else Assert.True(expected[i].Equals(got[i]), $"element {i}: expected {expected[i]}, got {got[i]}");
        }
    }

    private static void Info(int[] expected, Tensor info, params int[] shape)
    {
        Assert.Equal(DType.Int32, info.DType);
        Assert.False(info.RequiresGrad);
        Check.Values(expected, info, shape);
    }

    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(f).Message;

    [Fact]
    public void InvExMatchesPyTorch()
    {
        var a = F64(Sq, 3, 3).RequiresGrad_();
        var (inv, info) = Linalg.InvEx(a);
        Assert.Equal("LinalgInvExBackward0", inv.GradFn!.Name);
        Close([0.10627586978409218, 0.30652198232464484, 0.002237386732296673, -0.09732632285490549, 0.1929746056605884, 0.3663720774135809, 0.41503523884103366, 0.03915426781519184, 0.21926389976507438], inv);
        Info([0], info);

        // a singular matrix: getrf's info of Aᵀ (PyTorch factors a row-major A transposed) and the solve's inf/NaN
        (inv, info) = Linalg.InvEx(S());
        Same([double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([2], info);
        (inv, info) = Linalg.InvEx(S().T);
        Same([double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, 1.4999999999999998, 0.0, -0.49999999999999994], inv);
        Info([2], info);
        (inv, info) = Linalg.InvEx(F64([0, 0, 1, 0, 1, 0, 0, 0, 0], 3, 3));
        Same([double.NaN, double.NaN, double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([3], info);
        (inv, info) = Linalg.InvEx(Tensor.Zeros([2, 2], DType.Float64));
        Same([double.NaN, double.NaN, double.NaN, double.NaN], inv);
        Info([1], info);

        using var batch = Tensor.Stack([F64(Sq, 3, 3), S()]);
        Info([0, 2], Linalg.InvEx(batch).Info, 2);
        Assert.Equal("linalg.inv_ex: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.InvEx(S(), checkErrors: true)));
        Assert.Equal("linalg.inv_ex: (Batch element 1): The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.InvEx(batch, checkErrors: true)));
        Assert.Equal("linalg.inv: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Linalg.InvEx(Tensor.Ones([2, 3]))));
        Assert.Equal("linalg.inv: Expected a floating point or complex tensor as input. Got Long", Message<ArgumentException>(() => Linalg.InvEx(Tensor.Ones([3, 3], DType.Int64))));
    }

    [Fact]
    public void SolveExMatchesPyTorch()
    {
        var b = NNCheck.Det([3, 2], 0.9);
        var (x, info) = Linalg.SolveEx(S(), b);
        Same([double.NegativeInfinity, double.NegativeInfinity, double.NaN, double.NaN, double.NaN, double.NaN], x);
        Info([2], info);
        Same([double.NegativeInfinity, double.NaN, double.NaN], Linalg.SolveEx(S(), Tensor.Ones([3], DType.Float64)).Result);
        // a column-major A is factored as it is, and solved without the transpose
        (x, info) = Linalg.SolveEx(S().T, Tensor.Ones([3, 1], DType.Float64));
        Same([double.NegativeInfinity, double.PositiveInfinity, 1.0], x);
        Info([2], info);
        (x, info) = Linalg.SolveEx(Tensor.Zeros([2, 2], DType.Float64), Tensor.Zeros([2, 1], DType.Float64));
        Same([double.NaN, double.NaN], x);
        Info([1], info);

        using var batch = Tensor.Stack([F64(Sq, 3, 3), S()]);
        (x, info) = Linalg.SolveEx(batch, Tensor.Ones([3], DType.Float64));
        Assert.Equal([2, 3], x.Shape);
        Same([0.4150352388410337, 0.46202036021926396, 0.6734534064213, double.NegativeInfinity, double.NaN, double.NaN], x);
        Info([0, 2], info, 2);

        // X·A = B
        var a = F64(Sq, 3, 3).RequiresGrad_();
        var bb = NNCheck.Det([2, 3], 0.9).RequiresGrad_();
        (x, info) = Linalg.SolveEx(a, bb, left: false);
        Assert.Equal("LinalgSolveExBackward0", x.GradFn!.Name);
        Close([-0.048520018313774615, 0.41758098916258146, 0.1801607048314101, -0.09629053905287982, -0.45842314208568347, -0.37678991198333156], x);
        Info([0], info);
        (x * NNCheck.Det([2, 3], 0.4)).Sum().Backward();
        Close([0.021687230400777413, -0.002332681495666393, 0.03488440441356809, -0.14979947538220845, -0.22881255412421236, -0.22557156802711137, -0.05950458785091045, -0.1333328228055722, -0.08693752592844904], a.Grad!);
        Close([0.39016011385555976, 0.3356689437036518, 0.6038613377583011, 0.028628508660517457, -0.19336629511761053, 0.058001973002641025], bb.Grad!);
        Close([-0.048520018313774615, 0.41758098916258146, 0.1801607048314101, -0.09629053905287982, -0.45842314208568347, -0.37678991198333156], Linalg.Solve(F64(Sq, 3, 3), NNCheck.Det([2, 3], 0.9), left: false));
        Assert.True(Autograd.GradCheck(t => Linalg.Solve(t[0], t[1], left: false), [a.Detach().RequiresGrad_(), NNCheck.Det([2, 2, 3], 0.9).RequiresGrad_()]));

        Assert.Equal("torch.linalg.solve_ex: The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.SolveEx(S(), b, checkErrors: true)));
        Assert.Equal("torch.linalg.solve: The solver failed because the input matrix is singular.",
            Message<InvalidOperationException>(() => Linalg.Solve(S(), NNCheck.Det([2, 3], 0.9), left: false)));
        Assert.Equal("linalg.solve: Vector broadcasting of the left hand side is not supported for left=False. In this case linalg.solve is equivalent to B / A.squeeze(-1)",
            Message<ArgumentException>(() => Linalg.SolveEx(F64([2.0], 1, 1), F64([3.0], 1), left: false)));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation XA = B (3x3 and 3x1)",
            Message<ArgumentException>(() => Linalg.SolveEx(S(), Tensor.Ones([3], DType.Float64), left: false)));
        Assert.Equal("linalg.solve: Incompatible shapes of A and B for the equation XA = B (3x3 and 3x2)",
            Message<ArgumentException>(() => Linalg.SolveEx(S(), Tensor.Ones([3, 2], DType.Float64), left: false)));
    }

    [Fact]
    public void CholeskyExMatchesPyTorch()
    {
        var m = F64([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3], 3, 3).RequiresGrad_();
        var (l, info) = Linalg.CholeskyEx(m);
        Assert.Equal("LinalgCholeskyExBackward0", l.GradFn!.Name);
        Close([2.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.3, 0.35, 1.6695807857064], l);
        Info([0], info);

        // not positive-definite: the factor as reference LAPACK's recursive potrf2 leaves it
        var n = F64([4, 2, 0.6, 2, 1, 1, 0.6, 1, 3], 3, 3);
        (l, info) = Linalg.CholeskyEx(n);
        Close([2.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.3, 0.7, 2.91], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(n, upper: true);
        Close([2.0, 1.0, 0.3, 0.0, 0.0, 0.7, 0.0, 0.0, 2.91], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(F64([1, 2, 2, 1], 2, 2));
        Close([1.0, 0.0, 2.0, -3.0], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(-Tensor.Eye(2, DType.Float64));
        Close([-1.0, 0.0, 0.0, -1.0], l);
        Info([1], info);
        // a failure in the leading half returns before the rows below it are touched
        (l, info) = Linalg.CholeskyEx(F64([4, 2, 0.6, 1, 2, 1, 1, 0.5, 0.6, 1, 3, 0.2, 1, 0.5, 0.2, 2], 4, 4));
        Close([2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.6, 1.0, 3.0, 0.0, 1.0, 0.5, 0.2, 2.0], l);
        Info([2], info);
        (l, info) = Linalg.CholeskyEx(F64([4, 2, 0.6, 1, 0.3, 2, 5, 1, 0.5, 0.1, 0.6, 1, 3, 0.2, 0.4, 1, 0.5, 0.2, 0.3, 1, 0.3, 0.1, 0.4, 1, 2], 5, 5));
        Close([2.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.3, 0.35, 1.6695807857064, 0.0, 0.0, 0.5, 0.0, 0.029947637411774003, 0.2215922810331012, 0.0, 0.15, -0.024999999999999994, 0.2178690621706558, 4.144888675908658, -15.250694063926948], l);
        Info([5], info);

        using var batch = Tensor.Stack([m.Detach(), n]);
        Info([0, 2], Linalg.CholeskyEx(batch).Info, 2);
        Assert.Equal("linalg.cholesky_ex: The factorization could not be completed because the input is not positive-definite (the leading minor of order 2 is not positive-definite).",
            Message<InvalidOperationException>(() => Linalg.CholeskyEx(n, checkErrors: true)));
        Assert.Equal("linalg.cholesky_ex: (Batch element 1): The factorization could not be completed because the input is not positive-definite (the leading minor of order 2 is not positive-definite).",
            Message<InvalidOperationException>(() => Linalg.CholeskyEx(batch, checkErrors: true)));
    }
}
