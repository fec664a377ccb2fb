namespace Sharpgrad.Tests.Core;

/// <summary>
/// atleast_Nd, h/v/d/column_stack, tensor_split and h/v/dsplit, inner, vdot, addmv, addr, matrix_power, logdet, block_diag,
/// cov, corrcoef, aminmax, gcd, lcm, heaviside, ldexp: PyTorch 2.6's shapes, values, nodes and messages, and GradCheck.
/// </summary>
public class CompositeOpsTests
{
    private static Tensor A() => Tensor.Arange(0.0, 6.0).RequiresGrad_();
    private static Tensor M() => Tensor.Arange(0.0, 12.0).Reshape(3, 4).RequiresGrad_();
    private static Tensor R(params int[] shape) => Tensor.Randn(shape, DType.Float64).RequiresGrad_();

    private static void Case(Tensor y, int[] shape, string? node, double[] first)
    {
        Assert.Equal(shape, y.Shape);
        Assert.Equal(node, y.GradFn?.Name);
        var flat = y.Detach().To(DType.Float64).Contiguous().ToArray<double>();
        Assert.Equal(first.Length, Math.Min(first.Length, flat.Length));
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], flat[i], 5);
    }

    private static string Message<TException>(Func<object> f) where TException : Exception => Assert.Throws<TException>(() => f()).Message;

    [Fact]
    public void AtLeastAndStacking()
    {
        var s = Tensor.Scalar(5.0, requiresGrad: true);
        var a = A();
        var m = M();
        Case(s.AtLeast1d(), [1], "ViewBackward0", [5]);
        Case(a.AtLeast2d(), [1, 6], "UnsqueezeBackward0", [0, 1, 2, 3, 4, 5]);
        Case(m.AtLeast3d(), [3, 4, 1], "UnsqueezeBackward0", [0, 1, 2, 3]);
        Case(a.AtLeast3d(), [1, 6, 1], "UnsqueezeBackward0", [0, 1, 2]);
        Case(s.AtLeast3d(), [1, 1, 1], "ViewBackward0", [5]);
        Assert.Same(a, a.AtLeast1d());
        Case(Tensor.Hstack(a, a), [12], "CatBackward0", [0, 1, 2, 3, 4, 5, 0, 1]);
        Case(Tensor.Hstack(m, m), [3, 8], "CatBackward0", [0, 1, 2, 3, 0, 1, 2, 3]);
        Case(Tensor.Vstack(a, a), [2, 6], "CatBackward0", [0, 1, 2, 3, 4, 5, 0, 1]);
        Case(Tensor.Dstack(m, m), [3, 4, 2], "CatBackward0", [0, 0, 1, 1, 2, 2, 3, 3]);
        Case(Tensor.ColumnStack(a, a, Tensor.Ones([6, 2])), [6, 4], "CatBackward0", [0, 0, 1, 1, 1, 1, 1, 1]);
        foreach (var op in new[] { "hstack", "vstack", "dstack", "column_stack" })
        {
            Func<Tensor[], Tensor> f = op switch { "hstack" => Tensor.Hstack, "vstack" => Tensor.Vstack, "dstack" => Tensor.Dstack, _ => Tensor.ColumnStack };
            Assert.Equal($"{op} expects a non-empty TensorList", Message<InvalidOperationException>(() => f([])));
        }
        Assert.True(Autograd.GradCheck(t => Tensor.ColumnStack(t[0], t[1]), [R(4), R(4, 2)]));
    }

    [Fact]
    public void TensorSplitAndItsShorthands()
    {
        var a = A();
        var m = M();
        Assert.Equal([[2], [2], [1], [1]], a.TensorSplit(4).Select(t => t.Shape.ToArray()));
        Assert.All(a.TensorSplit(4), t => Assert.Equal("SliceBackward0", t.GradFn!.Name));
        Assert.Equal([[3, 1], [3, 2], [3, 1]], m.TensorSplit([1L, 3], dim: 1).Select(t => t.Shape.ToArray()));
        Assert.Equal([[4], [0], [4], [0]], a.TensorSplit([4L, 2, 9]).Select(t => t.Shape.ToArray()));
        Assert.Equal([[3, 2], [3, 2]], m.Hsplit(2).Select(t => t.Shape.ToArray()));
        Assert.Equal([[2], [4]], a.Hsplit([2L]).Select(t => t.Shape.ToArray()));
        Assert.Equal([2.0f, 3, 6, 7, 10, 11], m.Hsplit(2)[1].Detach().Contiguous().ToArray<float>());
        Assert.Equal("number of sections must be larger than 0, got 0", Message<InvalidOperationException>(() => a.TensorSplit(0)));
        Assert.Equal("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims",
            Message<InvalidOperationException>(() => Tensor.Scalar(5.0).TensorSplit(2)));
        Assert.Equal("torch.hsplit attempted to split along dimension 1, but the size of the dimension 4 is not divisible by the split_size 3!",
            Message<InvalidOperationException>(() => m.Hsplit(3)));
        Assert.Equal("torch.hsplit requires a tensor with at least 1 dimension, but got a tensor with 0 dimensions!",
            Message<InvalidOperationException>(() => Tensor.Scalar(5.0).Hsplit(1)));
        Assert.Equal("torch.vsplit requires a tensor with at least 2 dimension, but got a tensor with 1 dimensions!", Message<InvalidOperationException>(() => a.Vsplit(2)));
        Assert.Equal("torch.vsplit attempted to split along dimension 0, but the size of the dimension 3 is not divisible by the split_size 2!",
            Message<InvalidOperationException>(() => m.Vsplit(2)));
        Assert.Equal("torch.dsplit requires a tensor with at least 3 dimension, but got a tensor with 2 dimensions!", Message<InvalidOperationException>(() => m.Dsplit(2)));
        Assert.True(Autograd.GradCheck(t => t[0].TensorSplit(3, 1)[1] * 2.0, [R(2, 7)]));
    }

    [Fact]
    public void ProductsMatchPyTorch()
    {
        var m = M();
        var s = Tensor.Scalar(5.0, requiresGrad: true);
        Case(m.Inner(m), [3, 3], "ViewBackward0", [14, 38, 62, 38, 126, 214, 62, 214]);
        Case(s.Inner(m), [3, 4], "MulBackward0", [0, 5, 10, 15, 20, 25, 30, 35]);
        Assert.Equal("inner() the last dimension must match on both input tensors but got shapes [3, 4] and [6]", Message<ArgumentException>(() => m.Inner(A())));
        Case(A().Vdot(A()), [], "VdotBackward0", [55]);
        Assert.Equal("1D tensors expected, but got 2D and 1D tensors", Message<ArgumentException>(() => m.Vdot(A())));
        Assert.Equal("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively",
            Message<ArgumentException>(() => Tensor.Ones([3]).Vdot(Tensor.Ones([4]))));
        Case(Tensor.Ones([3]).Addmv(m, Tensor.Ones([4], requiresGrad: true), beta: 2, alpha: 3), [3], "AddmvBackward0", [20, 68, 116]);
        Assert.Equal("size mismatch, got input (3), mat (3x4), vec (3)", Message<ArgumentException>(() => Tensor.Ones([3]).Addmv(m, Tensor.Ones([3]))));
        Assert.Equal("vector + matrix @ vector expected, got 1, 3, 1", Message<ArgumentException>(() => Tensor.Ones([3]).Addmv(Tensor.Ones([3, 4, 1]), Tensor.Ones([4]))));
        Case(Tensor.Ones([3, 4]).Addr(Tensor.Ones([3]), Tensor.Arange(0.0, 4.0), beta: 0.5, alpha: 2), [3, 4], null, [0.5, 2.5, 4.5, 6.5, 0.5, 2.5, 4.5, 6.5]);
        Assert.Equal("addr: Expected 1-D argument vec1, but got 2-D", Message<ArgumentException>(() => Tensor.Ones([3, 4]).Addr(Tensor.Ones([3, 1]), Tensor.Ones([4]))));
        Assert.True(Autograd.GradCheck(t => t[0].Addmv(t[1], t[2], beta: 0.5, alpha: -2), [R(3), R(3, 4), R(4)]));
        Assert.True(Autograd.GradCheck(t => t[0].Addr(t[1], t[2], beta: 2, alpha: 0.5), [R(1, 4), R(3), R(4)]));
        Assert.True(Autograd.GradCheck(t => t[0].Vdot(t[1]), [R(5), R(5)]));
        Assert.True(Autograd.GradCheck(t => t[0].Inner(t[1]), [R(2, 3), R(4, 3)]));
    }

    [Fact]
    public void MatrixPowerLogdetAndBlockDiag()
    {
        Tensor Sym() => Tensor.FromArray(new[] { 2f, 1, 1, 3 }, [2, 2]).RequiresGrad_();
        Case(Sym().MatrixPower(3), [2, 2], "MmBackward0", [15, 20, 20, 35]);
        Case(Sym().MatrixPower(-1), [2, 2], "LinalgInvExBackward0", [0.6, -0.2, -0.2, 0.4]);
        Case(Sym().MatrixPower(0), [2, 2], "CopyBackwards", [1, 0, 0, 1]);
        Case(Tensor.Ones([2, 2], requiresGrad: true).MatrixPower(1), [2, 2], "CloneBackward0", [1, 1, 1, 1]);
        Case(Tensor.FromArray(new[] { 1f, 1, 0, 1 }, [2, 2]).RequiresGrad_().MatrixPower(5), [2, 2], "MmBackward0", [1, 5, 0, 1]);
        Assert.Equal("linalg.matrix_power: A must be batches of square matrices, but they are 2 by 3 matrices", Message<ArgumentException>(() => Tensor.Ones([2, 3]).MatrixPower(2)));
        Assert.True(Autograd.GradCheck(t => t[0].MatrixPower(6), [R(3, 3)]));

        Case(Sym().Logdet(), [], "WhereBackward0", [Math.Log(5)]);
        Assert.True(double.IsNaN(Tensor.FromArray(new[] { 0.0, 1, 1, 0 }, [2, 2]).Logdet().Item<double>()));
        Assert.Equal(double.NegativeInfinity, Tensor.Zeros([2, 2], DType.Float64).Logdet().Item<double>());
        var spd = Tensor.FromArray(new[] { 4.0, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2 }, [3, 3]).RequiresGrad_();
        Assert.True(Autograd.GradCheck(t => t[0].Logdet(), [spd]));

        Case(Tensor.BlockDiag(M(), A(), Tensor.Scalar(5.0, requiresGrad: true)), [5, 11], "BlockDiagBackward0", [0, 1, 2, 3, 0, 0, 0, 0]);
        var mixed = Tensor.BlockDiag(Tensor.Ones([2], DType.Int64), Tensor.Ones([1, 1], DType.Float64));
        Assert.Equal(DType.Float64, mixed.DType);
        Assert.Equal([1.0, 1, 0, 0, 0, 1], mixed.ToArray<double>());
        Assert.Equal([1, 0], Tensor.BlockDiag().Shape);
        Assert.Equal("torch.block_diag: Input tensors must have 2 or fewer dimensions. Input 1 has 3 dimensions",
            Message<ArgumentException>(() => Tensor.BlockDiag(M(), Tensor.Ones([1, 1, 1]))));
        Assert.True(Autograd.GradCheck(t => Tensor.BlockDiag(t[0], t[1], t[2]), [R(2, 3), R(4), R()]));
    }

    [Fact]
    public void CovarianceAndCorrelation()
    {
        var x = Tensor.FromArray(new[] { 0f, 1, 3, 4, 2, 1, 0, 5 }, [2, 4]);
        Check.Close(new RefArray([1.9555556774139404, 1.866666555404663, 1.866666555404663, 4.7733330726623535], [2, 2]),
            x.Cov(correction: 0, fweights: Tensor.FromArray(new long[] { 1, 2, 1, 3 }), aweights: Tensor.FromArray(new[] { 0.5f, 1, 2, 1 })), 1e-6, 1e-6);
        Check.Close(new RefArray([2.340425729751587, 2.2340424060821533, 2.2340424060821533, 5.712766170501709], [2, 2]),
            x.Cov(fweights: Tensor.FromArray(new long[] { 1, 2, 1, 3 }), aweights: Tensor.FromArray(new[] { 0.5f, 1, 2, 1 })), 1e-6, 1e-6);
        Assert.Equal(2.3333334922790527, Tensor.FromArray(new[] { 1f, 2, 4 }).Cov().Item<float>(), 6);
        var ints = Tensor.FromArray(new long[] { 1, 2, 4, 0, 1, 1 }, [2, 3]).Cov();
        Assert.Equal(DType.Float32, ints.DType);
        Check.Close(new RefArray([2.3333334922790527, 0.6666666269302368, 0.6666666269302368, 0.3333333432674408], [2, 2]), ints, 1e-6, 1e-6);
        Assert.Equal(1f, Tensor.FromArray(new[] { 1f, 2, 4 }).Corrcoef().Item<float>());
        Check.Close(new RefArray([0.9999999403953552, 0.4225771129131317, 0.7302967309951782, 0.4225771129131317, 1.0, 0.9258201122283936, 0.7302967309951782, 0.9258201122283936, 1.0], [3, 3]),
            Tensor.FromArray(new[] { 0f, 1, 3, 4, 2, 1, 0, 5, 1, 1, 1, 2 }, [3, 4]).Corrcoef(), 1e-6, 1e-6);

        var m = Tensor.Arange(0.0, 12.0).Reshape(3, 4);
        Assert.Equal("cov(): expected fweights to have one or fewer dimensions but got fweights with 2 dimensions", Message<ArgumentException>(() => m.Cov(fweights: Tensor.Ones([1, 4], DType.Int64))));
        Assert.Equal("cov(): expected fweights to have integral dtype but got fweights with Float dtype", Message<ArgumentException>(() => m.Cov(fweights: Tensor.Ones([4]))));
        Assert.Equal("cov(): expected fweights to have the same numel as there are observations in the input but got 3 != 4", Message<ArgumentException>(() => m.Cov(fweights: Tensor.Ones([3], DType.Int64))));
        Assert.Equal("cov(): fweights cannot be negative", Message<InvalidOperationException>(() => m.Cov(fweights: Tensor.FromArray(new long[] { 1, -1, 1, 1 }))));
        Assert.Equal("cov(): expected aweights to have floating point dtype but got aweights with Long dtype", Message<ArgumentException>(() => m.Cov(aweights: Tensor.Ones([4], DType.Int64))));
        Assert.Equal("cov(): aweights cannot be negative", Message<InvalidOperationException>(() => m.Cov(aweights: Tensor.FromArray(new[] { 1f, -1, 1, 1 }))));
        Assert.Equal("cov(): expected input to have two or fewer dimensions but got an input with 3 dimensions", Message<ArgumentException>(() => Tensor.Ones([2, 2, 2]).Cov()));
        Assert.Equal("cov(): bool dtype is not supported for input", Message<ArgumentException>(() => Tensor.Ones([2, 2], DType.Bool).Cov()));
        Assert.True(Autograd.GradCheck(t => t[0].Cov(aweights: t[1]), [R(3, 5), Tensor.FromArray(new[] { 0.5, 1, 2, 1, 0.3 }).RequiresGrad_()]));
        Assert.True(Autograd.GradCheck(t => t[0].Corrcoef(), [R(3, 6)]));
    }

    [Fact]
    public void AminmaxAndIntegerMath()
    {
        var (min, max) = M().Aminmax();
        Assert.Equal(0f, min.Item<float>());
        Assert.Equal(11f, max.Item<float>());
        Assert.Equal("torch::autograd::NotImplemented", min.GradFn!.Name);
        var (rowMin, rowMax) = M().Aminmax(1, keepDim: true);
        Assert.Equal([3, 1], rowMin.Shape);
        Assert.Equal([3f, 7, 11], rowMax.ToArray<float>());
        Assert.Equal("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.",
            Message<InvalidOperationException>(() => Tensor.Ones([0]).Aminmax()));

        Assert.Equal([4L, 6, 0], Tensor.FromArray(new long[] { 12, -18, 0 }).Gcd(Tensor.FromArray(new long[] { 8, 12, 0 })).ToArray<long>());
        Assert.Equal([12L, 12, 0], Tensor.FromArray(new long[] { 4, -6, 0 }).Lcm(Tensor.FromArray(new long[] { 6, 4, 5 })).ToArray<long>());
        Assert.Equal("\"gcd_cpu\" not implemented for 'Float'", Message<ArgumentException>(() => Tensor.Ones([1]).Gcd(Tensor.Ones([1]))));
        Assert.Equal([0f, 0.5f, 1, 0], Tensor.FromArray(new[] { -1f, 0, 2, float.NaN }).Heaviside(Tensor.FromArray(new[] { 0.5f })).ToArray<float>());
        Assert.Equal("heaviside is not yet implemented for tensors with different dtypes.",
            Message<InvalidOperationException>(() => Tensor.Ones([1]).Heaviside(Tensor.Ones([1], DType.Int64))));
        Case(A().Ldexp(Tensor.FromArray(new long[] { 1, 2, 3, 0, -1, 2 })), [6], "MulBackward0", [0, 4, 16, 3, 2, 20]);
        var li = Tensor.FromArray(new long[] { 1, 2 }).Ldexp(Tensor.FromArray(new long[] { 1, 2 }));
        Assert.Equal(DType.Float32, li.DType);
        Assert.Equal([2f, 8], li.ToArray<float>());
        Assert.Equal([0f, 1, 1], Tensor.FromArray(new[] { -2f, 1, 3 }).Clip(0, 1).ToArray<float>());
    }

    [Fact]
    public void TakePutAndMaskedScatter()
    {
        var x = Tensor.Zeros([2, 3], requiresGrad: true);
        var src = Tensor.Arange(1.0, 7.0).Reshape(2, 3).RequiresGrad_();
        var mask = Tensor.FromArray(new[] { true, false, true, false, true, true }, [2, 3]);
        var y = x.MaskedScatter(mask, src);
        Case(y, [2, 3], "MaskedScatterBackward0", [1, 0, 2, 0, 3, 4]);
        y.Backward(Tensor.Arange(10.0, 16.0).Reshape(2, 3));
        Assert.Equal([0f, 11, 0, 13, 0, 0], x.Grad!.ToArray<float>());
        Assert.Equal([10f, 12, 14, 15, 0, 0], src.Grad!.ToArray<float>());
        Case(x.MaskedScatter(Tensor.FromArray(new[] { true, false, true }), src), [2, 3], "MaskedScatterBackward0", [1, 0, 2, 3, 0, 4]);
        Assert.Equal("Number of elements of source < number of ones in mask", Message<InvalidOperationException>(() => x.MaskedScatter(mask, Tensor.Ones([3]))));
        Assert.Equal("masked_scatter: expected self and source to have same dtypes but gotFloat and Double",
            Message<ArgumentException>(() => x.MaskedScatter(mask, Tensor.Ones([6], DType.Float64))));
        Assert.Equal("masked_scatter_ only supports boolean masks, but got mask with dtype Long",
            Message<ArgumentException>(() => x.MaskedScatter(mask.To(DType.Int64), src)));
        Case(Tensor.Zeros([2, 3]).MaskedScatter_(mask, src.Detach()), [2, 3], null, [1, 0, 2, 0, 3, 4]);

        var t = Tensor.Zeros([2, 3], requiresGrad: true);
        var v = Tensor.FromArray(new[] { 9f, 8, 7 }).RequiresGrad_();
        var idx = Tensor.FromArray(new long[] { 1, -1, 1 });
        var p = t.Put(idx, v);
        Case(p, [2, 3], "PutBackward0", [0, 7, 0, 0, 0, 8]);
        Case(t.Put(idx, v, accumulate: true), [2, 3], "PutBackward0", [0, 16, 0, 0, 0, 8]);
        p.Backward(Tensor.Arange(0.0, 6.0).Reshape(2, 3));
        Assert.Equal([0f, 0, 2, 3, 4, 0], t.Grad!.ToArray<float>());
        Assert.Equal([1f, 5, 1], v.Grad!.ToArray<float>());
        Assert.Equal("out of range: tried to access index 6 on a tensor of 6 elements.", Message<ArgumentOutOfRangeException>(() => t.Put(Tensor.FromArray(new long[] { 6 }), Tensor.FromArray(new[] { 9f }))).Split(" (Parameter")[0]);
        Assert.Equal("put_(): Expected source and index to have the same number of elements, but got source.numel() = 1, index.numel() = 2",
            Message<ArgumentOutOfRangeException>(() => t.Put(Tensor.FromArray(new long[] { 1, 2 }), Tensor.FromArray(new[] { 9f }))).Split(" (Parameter")[0]);
        Assert.Equal("put_(): Expected a long tensor for index, but got Float", Message<InvalidOperationException>(() => t.Put(Tensor.Ones([1]), Tensor.FromArray(new[] { 9f }))));

        var m = Tensor.Arange(0.0, 12.0).Reshape(3, 4).T.RequiresGrad_();
        Case(m.Take(Tensor.FromArray(new long[] { 0, 5, -1, 5 }, [2, 2])), [2, 2], "TakeBackward0", [0, 9, 11, 9]); // m is a transposed view: positions follow its row-major order, not the storage
        Assert.True(Autograd.GradCheck(a => a[0].Take(Tensor.FromArray(new long[] { 0, 5, -1, 5 })), [R(3, 4)]));
        Assert.True(Autograd.GradCheck(a => a[0].Put(Tensor.FromArray(new long[] { 2, 0, 2 }), a[1], accumulate: true), [R(2, 3), R(3)]));
        Assert.True(Autograd.GradCheck(a => a[0].MaskedScatter(mask, a[1]), [R(2, 3), R(7)]));
    }

    [Fact]
    public void TrapezoidAndCombinations()
    {
        Assert.Equal(4.5f, Tensor.FromArray(new[] { 1f, 2, 4 }).Trapezoid().Item<float>());
        Assert.Equal(7.5f, Tensor.FromArray(new[] { 1f, 2, 4 }).Trapezoid(Tensor.FromArray(new[] { 0f, 1, 3 })).Item<float>());
        Assert.Equal([2.25f, 0.75f], Tensor.FromArray(new[] { 1f, 2, 4, 0, 1, 1 }, [2, 3]).Trapezoid(dx: 0.5, dim: 1).ToArray<float>());
        Case(Tensor.FromArray(new[] { 1f, 2, 4 }).RequiresGrad_().Trapezoid(), [], "MulBackward1", [4.5]);
        Assert.Equal([1.5f, 4.5f], Tensor.FromArray(new[] { 1f, 2, 4 }).CumulativeTrapezoid().ToArray<float>());
        Assert.Equal("trapezoid: There must be one `x` value for each sample point",
            Message<ArgumentException>(() => Tensor.Ones([3]).Trapezoid(Tensor.Ones([2]))));
        Assert.True(Autograd.GradCheck(a => a[0].Trapezoid(a[1], dim: 0), [R(4, 2), R(4)]));
        Assert.True(Autograd.GradCheck(a => a[0].CumulativeTrapezoid(0.3, dim: 1), [R(2, 5)]));

        Case(Tensor.FromArray(new[] { 1f, 2, 3, 4 }).Combinations(), [6, 2], null, [1, 2, 1, 3, 1, 4, 2, 3, 2, 4, 3, 4]);
        Case(Tensor.FromArray(new[] { 1f, 2, 3 }).Combinations(2, withReplacement: true), [6, 2], null, [1, 1, 1, 2, 1, 3, 2, 2, 2, 3, 3, 3]);
        Case(Tensor.FromArray(new[] { 1f, 2, 3 }).RequiresGrad_().Combinations(), [3, 2], "StackBackward0", [1, 2, 1, 3, 2, 3]);
        Assert.Equal([1, 3], Tensor.FromArray(new[] { 1f, 2, 3 }).Combinations(3).Shape);
        Assert.Equal([0], Tensor.FromArray(new[] { 1f, 2, 3 }).Combinations(0).Shape);
        Assert.Equal("Expect a 1D vector, but got shape [2, 2]", Message<ArgumentException>(() => Tensor.Ones([2, 2]).Combinations()));
        Assert.True(Autograd.GradCheck(a => a[0].Combinations(3), [R(5)]));
    }

    [Fact]
    public void PowersClampsBitsAndShapes()
    {
        var a = Tensor.FromArray(new[] { 1f, 2, 3 }).RequiresGrad_();
        Case(a.FloatPower(2), [3], "PowBackward0", [1, 4, 9]);
        Assert.Equal(DType.Float64, a.FloatPower(2).DType);
        Case(a.FloatPower(Tensor.FromArray(new long[] { 1, 2, 3 })), [3], "PowBackward1", [1, 4, 27]);
        Case(a.TrueDivide(2), [3], "DivBackward0", [0.5, 1, 1.5]);
        Assert.Same(a, a.Positive());
        Assert.Equal("The `+` operator, on a bool tensor is not supported.", Message<InvalidOperationException>(() => Tensor.Ones([1], DType.Bool).Positive()));
        Case(a.ClampMax(2), [3], "ClampMaxBackward0", [1, 2, 2]);
        Case(a.ClampMin(2), [3], "ClampMinBackward0", [2, 2, 3]);
        Assert.True(Autograd.GradCheck(t => t[0].ClampMax(0.1), [R(6)]));
        Case(a.Ravel(), [3], "ViewBackward0", [1, 2, 3]);
        Case(Tensor.Ones([2, 3], requiresGrad: true).T.Ravel(), [6], "ViewBackward0", [1, 1, 1, 1, 1, 1]);
        Case(Tensor.FromArray(new[] { 1f, 2, 3, 4 }, [2, 2]).RequiresGrad_().Diagflat(), [4, 4], "DiagEmbedBackward0", [1, 0, 0, 0, 0, 2, 0, 0]);
        Case(a.Diagflat(1), [4, 4], "DiagEmbedBackward0", [0, 1, 0, 0, 0, 0, 2, 0]);
        Case(Tensor.Logspace(0, 2, 3), [3], null, [1, 10, 100]);
        Case(Tensor.Logspace(0, 3, 4, logBase: 2), [4], null, [1, 2, 4, 8]);
        Assert.Equal([2, 3], Tensor.EmptyLike(Tensor.Ones([2, 3])).Shape);

        var i = Tensor.FromArray(new long[] { 12, 5, 3 });
        var j = Tensor.FromArray(new long[] { 10, 3, 6 });
        Assert.Equal([8L, 1, 2], i.BitwiseAnd(j).ToArray<long>());
        Assert.Equal([14L, 7, 7], i.BitwiseOr(j).ToArray<long>());
        Assert.Equal([6L, 6, 5], i.BitwiseXor(j).ToArray<long>());
        Assert.Equal([-13L, -6, -4], i.BitwiseNot().ToArray<long>());
        Assert.Equal([48L, 20, 12], i.BitwiseLeftShift(Tensor.Scalar(2, DType.Int64)).ToArray<long>());
        Assert.Equal([-6L, 2], Tensor.FromArray(new long[] { -12, 5 }).BitwiseRightShift(Tensor.Scalar(1, DType.Int64)).ToArray<long>());
        Assert.Equal([true, false], Tensor.FromArray(new[] { true, false }).BitwiseAnd(Tensor.FromArray(new[] { true, true })).ToArray<bool>());
        Assert.Equal([false, true], Tensor.FromArray(new[] { true, false }).BitwiseNot().ToArray<bool>());
        Assert.Equal([1L, 0], Tensor.FromArray(new[] { true, false }).BitwiseAnd(Tensor.FromArray(new long[] { 3, 2 })).ToArray<long>());
        Assert.Equal("\"bitwise_and_cpu\" not implemented for 'Float'", Message<ArgumentException>(() => Tensor.Ones([1]).BitwiseAnd(Tensor.Ones([1]))));

        var coords = Tensor.UnravelIndex(Tensor.FromArray(new long[] { 4, 1, -1, 6 }), [2, 3]);
        Assert.Equal([1L, 0, 1, 0], coords[0].ToArray<long>());
        Assert.Equal([1L, 1, 2, 0], coords[1].ToArray<long>());
        Assert.Equal("expected 'indices' to be integer dtype, but got torch.float32", Message<ArgumentException>(() => Tensor.UnravelIndex(Tensor.Ones([1]), [2, 3])));
        Assert.Equal("'shape' cannot have negative values, but got (2, -3)", Message<ArgumentException>(() => Tensor.UnravelIndex(Tensor.FromArray(new long[] { 1 }), [2, -3])));
    }

    [Fact]
    public void ChainsBatchesDistancesAndHistograms()
    {
        var a = Tensor.Randn([2, 3], DType.Float64);
        var b = Tensor.Randn([3, 4], DType.Float64);
        var c = Tensor.Randn([4, 1], DType.Float64);
        var chain = Linalg.MultiDot(a.RequiresGrad_(), b, c);
        Assert.Equal("ViewBackward0", chain.GradFn!.Name);
        Check.Close(RefOf(a.Mm(b).Mm(c)), chain, 1e-12, 1e-12);
        Assert.Equal(6f, Linalg.MultiDot(Tensor.Ones([3]), Tensor.Ones([3, 2]), Tensor.Ones([2])).Item<float>());
        Assert.Equal([], Linalg.MultiDot(Tensor.Ones([3]), Tensor.Ones([3, 2]), Tensor.Ones([2])).Shape);
        Assert.Equal("multi_dot(): expected at least 2 tensors but got 1", Message<ArgumentException>(() => Linalg.MultiDot(a)));
        Assert.Equal("multi_dot(): tensors 0 and 1 with shapes [2, 3] and [4, 1] cannot be multiplied", Message<ArgumentException>(() => Linalg.MultiDot(a, c)));
        Assert.Equal("multi_dot(): the last tensor must be 1D or 2D but got 3D", Message<ArgumentException>(() => Linalg.MultiDot(a, Tensor.Ones([3, 2, 2], DType.Float64))));
        var five = new[] { R(2, 7), R(7, 3), R(3, 9), R(9, 2), R(2, 5) };
        Check.Close(RefOf(five[0].Mm(five[1]).Mm(five[2]).Mm(five[3]).Mm(five[4])), Linalg.MultiDot(five), 1e-10, 1e-10);
        Assert.True(Autograd.GradCheck(t => Linalg.MultiDot(t), [R(2, 3), R(3, 4), R(4, 2), R(2, 3)]));

        Case(Tensor.Ones([2, 4]).Addbmm(Tensor.Ones([5, 2, 3], requiresGrad: true), Tensor.Ones([5, 3, 4]), beta: 0.5, alpha: 2), [2, 4], "AddbmmBackward0", [30.5, 30.5, 30.5]);
        Assert.Equal("batch1 and batch2 must have same number of batches, got 5 and 4",
            Message<ArgumentException>(() => Tensor.Ones([2, 4]).Addbmm(Tensor.Ones([5, 2, 3]), Tensor.Ones([4, 3, 4]))));
        Assert.True(Autograd.GradCheck(t => t[0].Addbmm(t[1], t[2], beta: 0.3, alpha: 1.5), [R(2, 4), R(3, 2, 5), R(3, 5, 4)]));

        var x = Tensor.FromArray(new[] { 1f, 2, 3 }).RequiresGrad_();
        Case(x.Dist(Tensor.Zeros([3])), [], "DistBackward0", [Math.Sqrt(14)]);
        Case(x.Dist(Tensor.Zeros([3]), 1), [], "DistBackward0", [6]);
        foreach (double p in new[] { 1.0, 1.5, 2, 3, double.PositiveInfinity })
            Assert.True(Autograd.GradCheck(t => t[0].Dist(t[1], p), [R(2, 3), R(3)]));

        var (hist, edges) = Tensor.FromArray(new[] { 1f, 2, 1, 2.5f, 4, 0 }).Histogram(4);
        Assert.Equal([1f, 2, 2, 1], hist.ToArray<float>());
        Assert.Equal([0f, 1, 2, 3, 4], edges.ToArray<float>());
        (hist, edges) = Tensor.FromArray(new[] { 1f, 2, 1, 2.5f, 4, 0 }).Histogram(3, range: (0, 3));
        Assert.Equal([1f, 2, 2], hist.ToArray<float>());
        (hist, edges) = Tensor.FromArray(new[] { 1f, 2, 1 }).Histogram(4, range: (0, 3), weight: Tensor.FromArray(new[] { 1f, 2, 4 }), density: true);
        Check.Close(new RefArray([0, 0.9523809552192688, 0.380952388048172, 0], [4]), hist, 1e-6, 1e-6);
        Assert.Equal([0f, 0.75f, 1.5f, 2.25f, 3], edges.ToArray<float>());
        (hist, _) = Tensor.FromArray(new[] { 1f, 2, 1, 2.5f }).Histogram(Tensor.FromArray(new[] { 0f, 1, 2.5f, 3 }));
        Assert.Equal([0f, 3, 1], hist.ToArray<float>());
        Assert.Equal("\"histogramdd\" not implemented for 'Long'", Message<ArgumentException>(() => Tensor.FromArray(new long[] { 1, 2 }).Histogram(2)));
    }

    private static RefArray RefOf(Tensor t) => new(t.Detach().To(DType.Float64).Contiguous().ToArray<double>(), [.. t.Shape]);

    [Fact]
    public void ViewScatters()
    {
        var x = Tensor.Zeros([3, 4], requiresGrad: true);
        Case(x.SelectScatter(Tensor.Ones([4]), 0, 1), [3, 4], "SelectScatterBackward0", [0, 0, 0, 0, 1, 1, 1, 1, 0]);
        Case(x.SliceScatter(Tensor.Ones([3, 2]), 1, 0, 4, 2), [3, 4], "SliceScatterBackward0", [1, 0, 1, 0, 1, 0, 1, 0, 1]);
        Case(x.SliceScatter(Tensor.Ones([1, 4]), start: 2), [3, 4], "SliceScatterBackward0", [0, 0, 0, 0, 0, 0, 0, 0, 1]);
        Case(x.DiagonalScatter(Tensor.Ones([3])), [3, 4], "DiagonalScatterBackward0", [1, 0, 0, 0, 0, 1, 0, 0, 0]);
        Case(x.DiagonalScatter(Tensor.Ones([3]), 1), [3, 4], "DiagonalScatterBackward0", [0, 1, 0, 0, 0, 0, 1, 0, 0]);
        Case(x.SelectScatter(Tensor.Ones([4], DType.Float64), 0, 1), [3, 4], "SelectScatterBackward0", [0, 0, 0, 0, 1, 1, 1, 1, 0]);
        Assert.Equal("expected src to have a size equal to the slice of self. src size = [3], slice size = [4]",
            Message<ArgumentException>(() => x.SelectScatter(Tensor.Ones([3]), 0, 1)));
        Assert.Equal("expected src to have a size equal to the slice of self. src size = [3, 3], slice size = [3, 2]",
            Message<ArgumentException>(() => x.SliceScatter(Tensor.Ones([3, 3]), 1, 0, 4, 2)));
        Assert.Equal("expected src to have a size equal to the slice of self. src size = [2], slice size = [3]",
            Message<ArgumentException>(() => x.DiagonalScatter(Tensor.Ones([2]))));
        Assert.True(Autograd.GradCheck(t => t[0].SelectScatter(t[1], 1, -1), [R(3, 4), R(3)]));
        Assert.True(Autograd.GradCheck(t => t[0].SliceScatter(t[1], 0, 1, 3), [R(3, 4), R(2, 4)]));
        Assert.True(Autograd.GradCheck(t => t[0].DiagonalScatter(t[1], -1), [R(3, 4), R(2)]));
    }

    [Fact]
    public void RepeatInterleaveBroadcastingAndAliases()
    {
        Tensor X() => Tensor.FromArray(new[] { 1f, 2, 3, 4 }, [2, 2]).RequiresGrad_();
        Case(X().RepeatInterleave(2), [8], "ViewBackward0", [1, 1, 2, 2, 3, 3, 4, 4]);
        Case(X().RepeatInterleave(2, dim: 0), [4, 2], "ViewBackward0", [1, 2, 1, 2, 3, 4, 3, 4]);
        Case(X().RepeatInterleave(Tensor.FromArray(new long[] { 1, 2 }), dim: 1), [2, 3], "IndexSelectBackward0", [1, 2, 2, 3, 4, 4]);
        Case(X().RepeatInterleave(Tensor.FromArray(new long[] { 3 }), dim: 0), [6, 2], "IndexSelectBackward0", [1, 2, 1, 2, 1, 2, 3, 4, 3, 4]);
        Case(X().RepeatInterleave(0, dim: 1), [2, 0], "ViewBackward0", []);
        Assert.Equal([0L, 0, 2], Tensor.RepeatInterleave(Tensor.FromArray(new long[] { 2, 0, 1 })).ToArray<long>());
        Assert.Equal("repeats must have the same size as input along dim, but got repeats.size(0) = 3 and input.size(0) = 2",
            Message<ArgumentException>(() => X().RepeatInterleave(Tensor.FromArray(new long[] { 1, 2, 3 }), dim: 0)));
        Assert.Equal("Repeats must be non-negative", Message<InvalidOperationException>(() => X().RepeatInterleave(-1)));
        Assert.Equal("repeats can not be negative", Message<InvalidOperationException>(() => X().RepeatInterleave(Tensor.FromArray(new long[] { 1, -2 }), dim: 0)));
        Assert.Equal("repeats must be 0-dim or 1-dim tensor", Message<ArgumentException>(() => X().RepeatInterleave(Tensor.Ones([2, 2], DType.Int64), dim: 0)));
        Assert.Equal("\"repeat_interleave_cpu\" not implemented for 'Float'", Message<ArgumentException>(() => X().RepeatInterleave(Tensor.FromArray(new[] { 1f, 2 }), dim: 0)));
        Assert.True(Autograd.GradCheck(t => t[0].RepeatInterleave(Tensor.FromArray(new long[] { 2, 0, 1 }), dim: 1), [R(2, 3)]));

        var both = Tensor.BroadcastTensors(X(), Tensor.Ones([3, 1, 2]));
        Assert.Equal([3, 2, 2], both[0].Shape);
        Assert.Equal("ExpandBackward0", both[0].GradFn!.Name);
        Assert.Equal([3, 2, 2], both[1].Shape);
        Assert.Equal([3, 2, 4], Tensor.BroadcastShapes([2, 1], [3, 1, 4]));
        Assert.Equal("Shape mismatch: objects cannot be broadcast to a single shape", Message<ArgumentException>(() => Tensor.BroadcastShapes([2, 3], [4])));
        Assert.Equal("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1",
            Message<ArgumentException>(() => Tensor.BroadcastTensors(X(), Tensor.Ones([3]))));

        var next = Tensor.FromArray(new[] { 1f, 0 }).Nextafter(Tensor.FromArray(new[] { 2f, -1 })).ToArray<float>();
        Assert.Equal(1.0000001192092896f, next[0]);
        Assert.Equal(-1.401298464324817e-45f, next[1]);
        Assert.Equal(0.9999999999999999, Tensor.FromArray(new[] { 1.0 }).Nextafter(Tensor.FromArray(new[] { 0.0 })).Item<double>());
        Case(Tensor.Ones([2], requiresGrad: true).Ger(Tensor.Ones([3])), [2, 3], "MulBackward0", [1, 1, 1, 1, 1, 1]);
        Assert.Equal([2, 2], Tensor.RowStack(Tensor.Ones([2]), Tensor.Ones([2])).Shape);
        Assert.Equal([4], Tensor.Concat([Tensor.Ones([2]), Tensor.Ones([2])]).Shape);
        Assert.Equal([2, 2], Tensor.Concatenate([Tensor.Ones([1, 2]), Tensor.Ones([1, 2])]).Shape);
    }

    [Fact]
    public void PdistMatchesPyTorch()
    {
        Tensor X() => Tensor.FromArray(new[] { 0f, 1, 3, 5, -1, 2 }, [3, 2]).RequiresGrad_();
        Case(Sharpgrad.NN.Functional.Pdist(X()), [3], "PdistBackward0", [5, Math.Sqrt(2), 5]);
        Case(Sharpgrad.NN.Functional.Pdist(X(), 1), [3], "PdistBackward0", [7, 2, 7]);
        Case(Sharpgrad.NN.Functional.Pdist(X(), double.PositiveInfinity), [3], "PdistBackward0", [4, 1, 4]);
        Case(Sharpgrad.NN.Functional.Pdist(X(), 0), [3], "PdistBackward0", [2, 2, 2]);
        Case(Sharpgrad.NN.Functional.Pdist(X(), 3), [3], "PdistBackward0", [4.4979415, 1.2599211, 4.4979415]);
        Assert.Equal([0], Sharpgrad.NN.Functional.Pdist(Tensor.Ones([1, 3])).Shape);
        Assert.Equal("pdist only supports 2D tensors, got: 3D", Message<ArgumentException>(() => Sharpgrad.NN.Functional.Pdist(Tensor.Ones([2, 2, 2]))));
        Assert.Equal("pdist only supports non-negative p values", Message<ArgumentException>(() => Sharpgrad.NN.Functional.Pdist(X(), -1)));
        Assert.Equal("pdist only supports floating-point dtypes", Message<ArgumentException>(() => Sharpgrad.NN.Functional.Pdist(Tensor.Ones([2, 2], DType.Int64))));
        var x = X();
        Sharpgrad.NN.Functional.Pdist(x).Backward(Tensor.FromArray(new[] { 1f, 2, 3 }));
        NN.Check.Close([0.8142135143280029, -2.2142136096954346, 3.0, 2.5999999046325684, -3.814213752746582, -0.38578641414642334], x.Grad!, 1e-6);
        foreach (double p in new[] { 1.0, 1.5, 2, 3, double.PositiveInfinity })
            Assert.True(Autograd.GradCheck(t => Sharpgrad.NN.Functional.Pdist(t[0], p), [R(4, 3)]));
    }

    [Fact]
    public void IndexReduceMatchesPyTorch()
    {
        Tensor X() => Tensor.FromArray(new[] { 1f, 2, 3, 4, 5, 6, 7, 8, 9 }, [3, 3]).RequiresGrad_();
        Tensor Src() => Tensor.FromArray(new[] { 2f, 2, 2, 3, 3, 3, 10, 0, -1, 1, 1, 1 }, [4, 3]).RequiresGrad_();
        var idx = Tensor.FromArray(new long[] { 0, 2, 0, 1 });
        (string, bool, double[])[] cases =
        [
            ("prod", true, [20, 0, -6, 4, 5, 6, 21, 24, 27]), ("prod", false, [20, 0, -2, 1, 1, 1, 3, 3, 3]),
            ("mean", true, [4.3333335, 1.3333334, 1.3333334, 2.5, 3, 3.5, 5, 5.5, 6]), ("mean", false, [6, 1, 0.5, 1, 1, 1, 3, 3, 3]),
            ("amax", true, [10, 2, 3, 4, 5, 6, 7, 8, 9]), ("amax", false, [10, 2, 2, 1, 1, 1, 3, 3, 3]),
            ("amin", true, [1, 0, -1, 1, 1, 1, 3, 3, 3]), ("amin", false, [2, 0, -1, 1, 1, 1, 3, 3, 3]),
        ];
        foreach (var (reduce, include, values) in cases)
            Case(X().IndexReduce(0, idx, Src(), reduce, include), [3, 3], "IndexReduceBackward0", values);
        var x = X();
        var src = Src();
        x.IndexReduce(0, idx, src, "amax").Backward(Tensor.Ones([3, 3]));
        Assert.Equal([0f, 0.5f, 1, 1, 1, 1, 1, 1, 1], x.Grad!.ToArray<float>());
        Assert.Equal([0f, 0.5f, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], src.Grad!.ToArray<float>());
        Assert.Equal("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got sum.", Message<ArgumentException>(() => X().IndexReduce(0, idx, Src(), "sum")));
        Assert.Equal("index_reduce_(): Number of indices (2) should be equal to source.size(dim): (4), for dim: 0",
            Message<ArgumentException>(() => X().IndexReduce(0, Tensor.FromArray(new long[] { 0, 1 }), Src(), "prod")));
        Assert.Equal("index_reduce_(): Expected dtype int32/int64 for index but got: Float", Message<ArgumentException>(() => X().IndexReduce(0, Tensor.Ones([4]), Src(), "prod")));
        Assert.StartsWith("index out of range in self", Message<ArgumentOutOfRangeException>(() => X().IndexReduce(0, Tensor.FromArray(new long[] { 0, 1, 3, 1 }), Src(), "prod")));
        foreach (var reduce in new[] { "prod", "mean" })
            Assert.True(Autograd.GradCheck(t => t[0].IndexReduce(1, Tensor.FromArray(new long[] { 2, 0, 2 }), t[1], reduce), [R(2, 3), R(2, 3)]));
    }
}
