namespace Sharpgrad.Tests.Core;

/// <summary>
/// FACTS sec 1 messages, API.md exception types (PyTorch IndexError -> ArgumentOutOfRangeException,
/// bad arguments -> ArgumentException, other RuntimeError -> InvalidOperationException), and every
/// failed call leaves its inputs exactly as they were (values and version counter).
/// </summary>
public class ErrorTests
{
    private static Tensor R(params int[] shape) => Tensor.Arange(0, Math.Max(1, shape.Aggregate(1, (a, b) => a * b)), 1, DType.Float32).Narrow(0, 0, shape.Aggregate(1, (a, b) => a * b)).View(shape);

    /// <summary>Asserts the exception and its message, then that no input changed.</summary>
    private static void Fails<TEx>(string message, Tensor[] inputs, Action call) where TEx : Exception
    {
        var before = inputs.Select(t => (Data: t.ToArray<double>(), t.Version, Shape: t.Shape.ToArray())).ToArray();
        Check.Throws<TEx>(message, call);
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(before[i].Data, inputs[i].ToArray<double>());
            Assert.Equal(before[i].Version, inputs[i].Version);
            Assert.Equal(before[i].Shape, inputs[i].Shape.ToArray());
        }
    }

    private static void Fails<TEx>(string message, Tensor input, Action<Tensor> call) where TEx : Exception =>
        Fails<TEx>(message, [input], () => call(input));

    [Fact]
    public void Broadcast()
    {
        Tensor a = R(2, 3), b = R(2, 4);
        Fails<ArgumentException>("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", [a, b], () => _ = a + b);
        Fails<ArgumentException>("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", [a, b], () => _ = a.Maximum(b));
        Fails<ArgumentException>("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", [a],
            () => Tensor.Where(Tensor.FromArray(new[] { true, false }), R(3), R(3)));
        Fails<ArgumentException>("output with shape [3] doesn't match the broadcast shape [2, 3]", R(3), t => t.Add_(R(2, 3)));
        Fails<ArgumentException>("output with shape [3] doesn't match the broadcast shape [2, 3]", R(3), t => t.Mul_(R(2, 3)));
    }

    [Fact]
    public void ViewAndReshape()
    {
        var x = R(2, 3);
        Fails<ArgumentException>("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.", x, t => t.T.View(-1));
        Fails<ArgumentException>("view size is not compatible with input tensor's size and stride", x, t => t.View(3, 2).T.View(6));
        var s6 = R(6);
        Fails<ArgumentException>("shape '[4]' is invalid for input of size 6", s6, t => t.View(4));
        Fails<ArgumentException>("shape '[4, -1]' is invalid for input of size 6", s6, t => t.View(4, -1));
        Fails<ArgumentException>("shape '[4]' is invalid for input of size 6", s6, t => t.Reshape(4));
        Fails<ArgumentException>("only one dimension can be inferred", s6, t => t.View(-1, -1));
        Fails<ArgumentException>("only one dimension can be inferred", s6, t => t.Reshape(-1, -1));
        Fails<ArgumentException>("invalid shape dimension -2", x, t => t.View(-2));
        Fails<ArgumentException>("shape '[0, -1]' is invalid for input of size 6", x, t => t.View(0, -1));
        Fails<ArgumentException>("cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 can be any value and is ambiguous",
            Tensor.Zeros([0, 3]), t => t.Reshape(0, -1));
        Fails<ArgumentException>("flatten() has invalid args: start_dim cannot come after end_dim", x, t => t.Flatten(1, 0));
        Fails<ArgumentException>("t() expects a tensor with <= 2 dimensions, but self is 3D", R(2, 3, 4), t => _ = t.T);
    }

    [Fact]
    public void DimOutOfRange()
    {
        var x = R(2, 3);
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 5)", x, t => t.Sum(5));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got -3)", x, t => t.Sum(-3));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.Max(2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.Squeeze(2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got 3)", x, t => t.Unsqueeze(3));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got -4)", x, t => t.Unsqueeze(-4));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.Transpose(0, 2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-1, 0], but got 1)", R(5), t => t.Narrow(1, 0, 1));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-1, 0], but got 1)", R(3), t => t.Flatten(1));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.Mean(2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.Var(2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => t.ArgMax(2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-2, 1], but got 2)", x, t => Tensor.Cat([t, t], 2));
        Fails<ArgumentOutOfRangeException>("Dimension out of range (expected to be in range of [-3, 2], but got 3)", x, t => Tensor.Stack([t, t], 3));
        Fails<ArgumentException>("dim 0 appears multiple times in the list of dims", R(3), t => t.Sum([0, 0]));
    }

    [Fact]
    public void IndexOutOfRange()
    {
        var x = R(3);
        Fails<ArgumentOutOfRangeException>("index 5 is out of bounds for dimension 0 with size 3", x, t => _ = t[5]);
        Fails<ArgumentOutOfRangeException>("index -4 is out of bounds for dimension 0 with size 3", x, t => _ = t[-4]);
        Fails<ArgumentOutOfRangeException>("index 2 is out of bounds for dimension 0 with size 2", R(2, 3), t => _ = t[2]);
        Fails<ArgumentOutOfRangeException>("select(): index 5 out of range for tensor of size [3] at dimension 0", x, t => t.Select(0, 5));
        Fails<ArgumentOutOfRangeException>("select(): index -4 out of range for tensor of size [2, 3] at dimension 1", R(2, 3), t => t.Select(1, -4));
        Fails<ArgumentOutOfRangeException>("index out of range in self", x, t => t.IndexSelect(0, Tensor.FromArray(new long[] { 0, 5 })));
        Fails<ArgumentOutOfRangeException>("index 5 is out of bounds for dimension 0 with size 3", x, t => t.Gather(0, Tensor.FromArray(new long[] { 0, 5 })));
        Fails<ArgumentOutOfRangeException>("index 3 is out of bounds for dimension 1 with size 3", R(2, 3), t => t.Gather(1, Tensor.FromArray(new long[] { 0, 3 }, [1, 2])));
        Fails<ArgumentOutOfRangeException>("start out of range (expected to be in range of [-5, 5], but got 6)", R(5), t => t.Narrow(0, 6, 1));
        Fails<ArgumentOutOfRangeException>("start out of range (expected to be in range of [-5, 5], but got -6)", R(5), t => t.Narrow(0, -6, 1));
        Fails<ArgumentOutOfRangeException>("start (3) + length (3) exceeds dimension size (5).", R(5), t => t.Narrow(0, 3, 3));
    }

    [Fact]
    public void ExpandCatStack()
    {
        Fails<ArgumentException>("The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [4].  Tensor sizes: [3]", R(3), t => t.Expand(4));
        Fails<ArgumentException>("expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)", R(2, 3), t => t.Expand(3));
        Fails<ArgumentException>("The expanded size of the tensor (4) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [4, 3].  Tensor sizes: [2, 3]", R(2, 3), t => t.Expand(4, 3));
        Fails<ArgumentException>("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0", R(2, 3), t => t.Expand(-1, -1, 3));
        Tensor a = R(2, 3), b = R(2, 4);
        Fails<ArgumentException>("Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.", [a, b], () => Tensor.Cat([a, b]));
        Fails<ArgumentException>("Tensors must have same number of dimensions: got 2 and 1", [a], () => Tensor.Cat([a, R(3)]));
        Check.Throws<ArgumentException>("torch.cat(): expected a non-empty list of Tensors", () => Tensor.Cat([]));
        Fails<ArgumentException>("stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2, 4] at entry 1", [a, b], () => Tensor.Stack([a, b]));
        Check.Throws<ArgumentException>("stack expects a non-empty TensorList", () => Tensor.Stack([]));
        Fails<ArgumentException>("permute(): duplicate dims are not allowed.", a, t => t.Permute(0, 0));
        Fails<ArgumentException>("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 1", a, t => t.Permute(0));
        Fails<ArgumentException>("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 3", a, t => t.Permute(0, 1, 2));
        Fails<ArgumentException>("split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 1), but got split_sizes=[1, 1]", a, t => t.Split([1, 1], 1));
        Fails<ArgumentException>("chunk expects `chunks` to be greater than 0, got: 0", a, t => t.Chunk(0));
        Fails<ArgumentException>("split_size can only be 0 if dimension size is 0, but got dimension size of 2", a, t => t.Split(0));
    }

    [Fact]
    public void MatrixProducts()
    {
        Tensor a = R(2, 3), b = R(4, 5);
        Fails<ArgumentException>("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", [a, b], () => a.Mm(b));
        Fails<ArgumentException>("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", [a, b], () => a.MatMul(b));
        Fails<ArgumentException>("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively", [R(3)], () => R(3).MatMul(R(4)));
        Fails<ArgumentException>("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively", [R(3)], () => R(3).Dot(R(4)));
        Fails<ArgumentException>("size mismatch, got input (2), mat (2x3), vec (4)", [a], () => a.MatMul(R(4)));
        Fails<ArgumentException>("mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)", [b], () => R(3).MatMul(b));
        Fails<ArgumentException>("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].", [R(2, 3, 4)], () => R(2, 3, 4).Bmm(R(2, 5, 6)));
        Fails<ArgumentException>("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [3, 4].", [R(2, 3, 4)], () => R(2, 3, 4).Bmm(R(3, 4, 6)));
        Fails<ArgumentException>("batch1 must be a 3D tensor", [R(3, 4)], () => R(3, 4).Bmm(R(4, 6)));
        Fails<ArgumentException>("self must be a matrix", [R(3)], () => R(3).Mm(R(3, 4)));
        Fails<ArgumentException>("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", [a], () => R(2, 2, 3).MatMul(R(3, 3, 4)));
        Fails<ArgumentException>("dot : expected both vectors to have same dtype, but found Float and Double", [R(2)], () => R(2).Dot(R(2).To(DType.Float64)));
        Fails<ArgumentException>("expected m1 and m2 to have the same dtype, but got: float != double", [R(2, 2)], () => R(2, 2).Mm(R(2, 2).To(DType.Float64)));
    }

    [Fact]
    public void ReductionsAndItem()
    {
        Fails<InvalidOperationException>("a Tensor with 3 elements cannot be converted to Scalar", R(3), t => t.Item());
        Fails<InvalidOperationException>("a Tensor with 0 elements cannot be converted to Scalar", Tensor.Zeros([0]), t => t.Item<float>());
        Fails<ArgumentException>("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long", Tensor.Arange(2), t => t.Mean());
        Fails<ArgumentException>("std and var only support floating point and complex dtypes", Tensor.Arange(2), t => t.Var());
        Fails<ArgumentException>("std and var only support floating point and complex dtypes", Tensor.Arange(2), t => t.Std(0));
        Fails<ArgumentException>("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.", Tensor.Zeros([0]), t => t.Max());
        Fails<ArgumentOutOfRangeException>("max(): Expected reduction dim 1 to have non-zero size.", Tensor.Zeros([2, 0]), t => t.Max(1));
        Fails<ArgumentOutOfRangeException>("min(): Expected reduction dim 1 to have non-zero size.", Tensor.Zeros([2, 0]), t => t.Min(1));
        Fails<ArgumentOutOfRangeException>("max(): Expected reduction dim 1 to have non-zero size.", Tensor.Zeros([0, 0]), t => t.Max(1));
        Fails<ArgumentOutOfRangeException>("argmax(): Expected reduction dim to be specified for input.numel() == 0.", Tensor.Zeros([0]), t => t.ArgMax());
        Fails<ArgumentOutOfRangeException>("argmax(): Expected reduction dim 1 to have non-zero size.", Tensor.Zeros([2, 0]), t => t.ArgMax(1));
        Check.Shape(Tensor.Zeros([0, 3]).ArgMax(1), 0);            // the reduced dim is not empty: fine
    }

    [Fact]
    public void InPlaceCastAndMasks()
    {
        const string cast = "result type Float can't be cast to the desired output type Long";
        Fails<ArgumentException>(cast, Tensor.FromArray(new long[] { 1, 2 }), t => t.Add_(1.5));
        Fails<ArgumentException>(cast, Tensor.FromArray(new long[] { 1, 2 }), t => t.Add_(2.5));
        Fails<ArgumentException>(cast, Tensor.FromArray(new long[] { 1, 2 }), t => t.Mul_(Tensor.FromArray(new float[] { 1.5f, 1 })));
        Fails<ArgumentException>(cast, Tensor.FromArray(new long[] { 1, 2 }), t => t.Div_(2));
        Fails<ArgumentException>(cast, Tensor.FromArray(new long[] { 1, 2 }), t => t.Exp_());
        var v = Tensor.FromArray(new long[] { 1, 2, 3 }).Slice(0, 0, 2);    // through a view too
        Fails<ArgumentException>(cast, v, t => t.Sub_(0.5));
        Fails<ArgumentException>("masked_fill_ only supports boolean masks, but got mask with dtype long int", R(3), t => t.MaskedFill(Tensor.FromArray(new long[] { 1, 0, 1 }), 0));
        Fails<ArgumentException>("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", R(3), t => t.MaskedFill(Tensor.FromArray(new[] { true, false }), 0));
    }

    [Fact]
    public void DisposedTensorsThrow()
    {
        var t = R(2, 3);
        var other = R(2, 3);
        t.Dispose();
        Assert.True(t.IsDisposed);
        var calls = new Action[]
        {
            () => _ = t + other, () => _ = other + t, () => _ = t * 2, () => t.Sum(), () => t.Sum(0), () => t.Max(), () => t.View(6),
            () => _ = t.T, () => _ = t[0], () => t.ToArray<float>(), () => t.Item(), () => t.Add_(1), () => other.Add_(t),
            () => t.Fill_(0), () => t.Copy_(other), () => other.Copy_(t), () => t.MatMul(other.T), () => other.Mm(t.T), () => t.Clone(),
            () => t.Contiguous(), () => t.Exp(), () => t.To(DType.Float64), () => Tensor.Cat([other, t]), () => t.CopyTo<float>(new float[6]),
            () => t.Gather(0, Tensor.Zeros([1, 3], DType.Int64)), () => t.Reshape(-1), () => t.Unbind(),
        };
        foreach (var call in calls) Assert.Throws<ObjectDisposedException>(call);
        t.Dispose();                                                  // twice is a no-op
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, other.ToArray<float>());
        Assert.Equal(0, other.Version);
    }
}
