namespace Sharpgrad.Tests.Core;

/// <summary>linalg.norm / vector_norm / matrix_norm / cond / matrix_rank / vecdot: PyTorch 2.6's values, nodes and messages.</summary>
public class LinalgNormTests
{
    private static Tensor A() => Tensor.FromArray(new[] { 1f, -2, 3, 4, 5, -6 }, [2, 3]).RequiresGrad_();
    private static Tensor V() => Tensor.FromArray(new[] { 3f, -4, 12 }).RequiresGrad_();
    private static Tensor R(params int[] shape) => Tensor.Randn(shape, DType.Float64).RequiresGrad_();

    private static void Case(Tensor y, string? node, params double[] values)
    {
        Assert.Equal(node, y.GradFn?.Name);
        var got = y.Detach().To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(values.Length, got.Length);
        for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], got[i], 4);
    }

    private static string Message(Func<object> f) => Assert.Throws<ArgumentException>(() => f()).Message;

    [Fact]
    public void NormsMatchPyTorch()
    {
        Case(Linalg.Norm(A()), "LinalgVectorNormBackward0", 9.539392);
        Case(Linalg.Norm(V()), "LinalgVectorNormBackward0", 13);
        Case(Linalg.Norm(A(), "fro"), "LinalgVectorNormBackward0", 9.539392);
        Case(Linalg.Norm(A(), "nuc"), "SumBackward1", 11.653785);
        Case(Linalg.Norm(A(), 1), "AmaxBackward0", 9);
        Case(Linalg.Norm(A(), double.PositiveInfinity), "AmaxBackward0", 15);
        Case(Linalg.Norm(A(), 2), "AmaxBackward0", 9.225027);
        Case(Linalg.Norm(A(), -2), "AminBackward0", 2.428758);
        Case(Linalg.Norm(A(), -1), "AminBackward0", 5);
        Case(Linalg.Norm(A(), double.NegativeInfinity), "AminBackward0", 6);
        Case(Linalg.Norm(V(), 1), "LinalgVectorNormBackward0", 19);
        Case(Linalg.Norm(V(), double.PositiveInfinity), "LinalgVectorNormBackward0", 12);
        Case(Linalg.Norm(A(), dim: [1]), "LinalgVectorNormBackward0", 3.741657, 8.774964);
        Case(Linalg.Norm(A(), 3, dim: [1]), "LinalgVectorNormBackward0", 3.301927, 7.398637);
        var kept = Linalg.Norm(A(), "fro", dim: [0, 1], keepDim: true);
        Assert.Equal([1, 1], kept.Shape);
        var nucKept = Linalg.Norm(A(), "nuc", keepDim: true);
        Assert.Equal([1, 1], nucKept.Shape);
        Case(nucKept, "PermuteBackward0", 11.653785);
        Case(Linalg.MatrixNorm(A()), "LinalgVectorNormBackward0", 9.539392);
        Case(Linalg.VectorNorm(A(), 1, [0]), "LinalgVectorNormBackward0", 5, 7, 9);

        Assert.Equal("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got 3D.", Message(() => Linalg.Norm(Tensor.Ones([2, 2, 2]), 2)));
        Assert.Equal("linalg.norm: If dim is specified, it must be of length 1 or 2. Got [0, 1, 1]", Message(() => Linalg.Norm(A(), dim: [0, 1, 1])));
        Assert.Equal("linalg.matrix_norm: Order 3 not supported.", Message(() => Linalg.MatrixNorm(A(), 3)));
        Assert.Equal("linalg.matrix_norm: Order abc not supported.", Message(() => Linalg.MatrixNorm(A(), "abc")));
        Assert.Equal("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.", Message(() => Linalg.MatrixNorm(V())));
        Assert.Equal("linalg.matrix_norm: dims must be different. Got (1, 1)", Message(() => Linalg.MatrixNorm(A(), dim: [1, 1])));
        Assert.Equal("linalg.matrix_norm: Expected a floating point or complex tensor as input. Got Long", Message(() => Linalg.MatrixNorm(Tensor.Ones([2, 2], DType.Int64))));

        foreach (double ord in new[] { 1.0, -1, double.PositiveInfinity, double.NegativeInfinity, 2, -2 })
            Assert.True(Autograd.GradCheck(t => Linalg.MatrixNorm(t[0], ord), [R(3, 4)]));
        Assert.True(Autograd.GradCheck(t => Linalg.MatrixNorm(t[0], "nuc", dim: [0, 2], keepDim: true), [R(3, 2, 4)]));
        Assert.True(Autograd.GradCheck(t => Linalg.MatrixNorm(t[0], 1, dim: [2, 0]), [R(3, 2, 4)]));
    }

    [Fact]
    public void ConditionRankAndVecdot()
    {
        Tensor B() => Tensor.FromArray(new[] { 2f, 1, 1, 3 }, [2, 2]).RequiresGrad_();
        Case(Linalg.Cond(B()), "SqueezeBackward1", 2.618034);
        Case(Linalg.Cond(B(), 1), "NanToNumBackward0", 3.2);
        Case(Linalg.Cond(B(), "fro"), "NanToNumBackward0", 3);
        Case(Linalg.Cond(B(), -2), "SqueezeBackward1", 0.381966);
        Assert.Equal(double.PositiveInfinity, Linalg.Cond(Tensor.FromArray(new[] { 1.0, 2, 2, 4 }, [2, 2]), 1).Item<double>());
        Assert.True(Autograd.GradCheck(t => Linalg.Cond(t[0], 1), [Tensor.FromArray(new[] { 4.0, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2 }, [3, 3]).RequiresGrad_()]));

        Assert.Equal(1L, Linalg.MatrixRank(Tensor.FromArray(new[] { 1f, 2, 2, 4 }, [2, 2])).Item<long>());
        Assert.Equal(3L, Linalg.MatrixRank(Tensor.Eye(3)).Item<long>());
        Assert.Equal(1L, Linalg.MatrixRank(Tensor.FromArray(new[] { 1f, 0, 0, 1e-3f }, [2, 2]), atol: 1e-2).Item<long>());
        Assert.Equal(2L, Linalg.MatrixRank(Tensor.FromArray(new[] { 1f, 0, 0, 1e-3f }, [2, 2])).Item<long>());
        Assert.Equal(1L, Linalg.MatrixRank(Tensor.FromArray(new[] { 1f, 2, 2, 4 }, [2, 2]), hermitian: true).Item<long>());
        Assert.Equal(1L, Linalg.MatrixRank(Tensor.FromArray(new[] { 1f, 0, 0, 1e-3f }, [2, 2]), rtol: 1e-2).Item<long>());
        Assert.Equal(DType.Int64, Linalg.MatrixRank(Tensor.Eye(2)).DType);

        Case(Linalg.Vecdot(A(), A()), "SumBackward1", 14, 77);
        Case(Linalg.Vecdot(A(), A(), dim: 0), "SumBackward1", 17, 29, 45);
    }

    [Fact]
    public void SolveTriangularMatchesPyTorch()
    {
        Tensor L() => Tensor.FromArray(new[] { 2f, 0, 0, 1, 3, 0, -1, 2, 4 }, [3, 3]).RequiresGrad_();
        Tensor B() => Tensor.FromArray(new[] { 1f, 2, 3, 4, 5, 6 }, [3, 2]).RequiresGrad_();
        Case(Linalg.SolveTriangular(L(), B(), upper: false), "LinalgSolveTriangularBackward0", 0.5, 1, 0.833333, 1, 0.958333, 1.25);
        Case(Linalg.SolveTriangular(L().T, B(), upper: true), "LinalgSolveTriangularBackward0", 1.041667, 1.583333, 0.166667, 0.333333, 1.25, 1.5);
        Case(Linalg.SolveTriangular(L(), B().T, upper: false, left: false), "LinalgSolveTriangularBackward0", 1.041667, 0.166667, 1.25, 1.583333, 0.333333, 1.5);
        Case(Linalg.SolveTriangular(L(), B(), upper: false, unitriangular: true), "LinalgSolveTriangularBackward0", 1, 2, 2, 2, 2, 4);
        var batched = Linalg.SolveTriangular(L().Expand(2, 3, 3), B(), upper: false);
        Assert.Equal([2, 3, 2], batched.Shape);
        Assert.Equal(DType.Float64, Linalg.SolveTriangular(L(), B().To(DType.Float64), upper: false).DType);
        var singular = Linalg.SolveTriangular(Tensor.FromArray(new[] { 1f, 0, 1, 0 }, [2, 2]), Tensor.Ones([2, 1]), upper: false).ToArray<float>();
        Assert.Equal(1f, singular[0]);
        Assert.True(float.IsNaN(singular[1]));

        var a = L();
        var b = B();
        Linalg.SolveTriangular(a, b, upper: false).Backward(Tensor.Ones([3, 2]));
        NN.Check.Close([-0.8125, 0, 0, -0.25, -0.305556, 0, -0.375, -0.458333, -0.552083], a.Grad!, 1e-5);
        NN.Check.Close([0.541667, 0.541667, 0.166667, 0.166667, 0.25, 0.25], b.Grad!, 1e-5);

        Assert.Equal("linalg.solve_triangular: Incompatible shapes of A and B for the equation AX = B (3x3 and 2x2)", Message(() => Linalg.SolveTriangular(L(), Tensor.Ones([2, 2]), upper: false)));
        Assert.Equal("linalg.solve_triangular: The input tensor B must have at least 2 dimensions.", Message(() => Linalg.SolveTriangular(L(), Tensor.Ones([3]), upper: false)));
        Assert.Equal("linalg.solve_triangular: A must be batches of square matrices, but they are 2 by 3 matrices", Message(() => Linalg.SolveTriangular(Tensor.Ones([2, 3]), Tensor.Ones([2, 2]), upper: false)));
        Assert.Equal("\"triangular_solve_cpu\" not implemented for 'Long'", Message(() => Linalg.SolveTriangular(Tensor.Ones([2, 2], DType.Int64), Tensor.Ones([2, 2], DType.Int64), upper: false)));

        var tri = Tensor.FromArray(new[] { 2.0, 0.3, -0.2, 0.1, 1.5, 0.4, 0.2, -0.3, 1.8 }, [3, 3]);
        foreach (bool upper in new[] { true, false })
            foreach (bool left in new[] { true, false })
                foreach (bool unit in new[] { true, false })
                    Assert.True(Autograd.GradCheck(t => Linalg.SolveTriangular(t[0], t[1], upper, left, unit), [tri.Clone().RequiresGrad_(), R(2, 3, 3)]));
    }

    [Fact]
    public void MatrixExpMatchesPyTorch()
    {
        var a = Tensor.FromArray(new[] { 0.1, 0.2, -0.3, 0.4, -0.5, 0.6, 0.0, 0.7, 0.2 }, [3, 3]).RequiresGrad_();
        var e = Linalg.MatrixExp(a);
        Assert.Equal("LinalgMatrixExpBackward0", e.GradFn!.Name);
        NN.Check.Close([1.1290957292079313, 0.07672609464437297, -0.31427260908433585, 0.36001282185532896, 0.7956371289915211,
            0.5105105709877672, 0.13770708837772203, 0.664449210341256, 1.4207414569391421], e, 1e-13);
        e.Backward(Tensor.Arange(0.0, 9.0, dtype: DType.Float64).Reshape(3, 3));
        NN.Check.Close([0.52278230488276, 2.71760931540327, 4.472340822305702, 4.149799339363915, 7.445975476002027,
            10.00885188376899, 7.3180582870771405, 11.73855464207807, 15.13788159023008], a.Grad!, 1e-12);
        NN.Check.Close([-4.550996119117889, 10.572826154858213, -13.21603269357276, -1.9077895804033318],
            Linalg.MatrixExp(Tensor.FromArray(new[] { 3.0, -4, 5, 2 }, [2, 2])), 1e-12);
        var big = Linalg.MatrixExp(Tensor.FromArray(new[] { 10f, 1, 0, -12 }, [2, 2])).ToArray<float>();
        Assert.Equal(22026.462890625, big[0], 0.01);
        Assert.Equal(1001.2028198242188, big[1], 0.001);
        Assert.Equal(0f, big[2]);
        Assert.Equal(6.144212875369703e-06, big[3], 1e-11);
        Assert.Equal([1f, 0, 0, 1], Linalg.MatrixExp(Tensor.Zeros([2, 2])).ToArray<float>());
        Assert.Equal([2, 3, 3], Linalg.MatrixExp(Tensor.Ones([2, 3, 3])).Shape);
        Assert.Equal("linalg.matrix_exp: A must be batches of square matrices, but they are 2 by 3 matrices", Message(() => Linalg.MatrixExp(Tensor.Ones([2, 3]))));
        Assert.Equal("linalg.matrix_exp: Expected a floating point or complex tensor as input. Got Long", Message(() => Linalg.MatrixExp(Tensor.Ones([2, 2], DType.Int64))));
        Assert.True(Autograd.GradCheck(t => Linalg.MatrixExp(t[0]), [R(2, 3, 3)]));
        Assert.True(Autograd.GradCheck(t => Linalg.MatrixExp(t[0] * 3.0), [R(3, 3)]));
    }
}
