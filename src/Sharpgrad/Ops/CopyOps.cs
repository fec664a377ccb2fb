using Sharpgrad.Kernels;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>Ops that produce fresh copies: contiguous, clone, dtype conversion, cat, stack, where.</summary>
internal static class CopyOps
{
    public static Tensor Clone(Tensor x)
    {
        x.ThrowIfDisposed();
        var y = Tensor.Empty(x.DType, x.Sizes);
        Dispatch.Copy(x.Strided, y.Strided);
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new CloneBackward0(), x));
        return y;
    }

    /// <summary>x itself when already contiguous (as PyTorch), else a recorded clone.</summary>
    public static Tensor Contiguous(Tensor x)
    {
        x.ThrowIfDisposed();
        return x.IsContiguous ? x : Clone(x);
    }

    /// <summary>x itself when already of that dtype (as PyTorch), else a converted copy (ToCopyBackward0).</summary>
    public static Tensor To(Tensor x, DType dtype)
    {
        x.ThrowIfDisposed();
        if (x.DType == dtype) return x;
        var y = Tensor.Empty(dtype, x.Sizes);
        Dispatch.Copy(x.Strided, y.Strided);
        if (dtype.IsFloatingPoint() && Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new ToCopyBackward0(x.DType), x));
        return y;
    }

    public static Tensor Cat(Tensor[] tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors");
        foreach (var t in tensors) t.ThrowIfDisposed();
        // PyTorch skips legacy empty 1-D tensors of size 0
        var parts = tensors.Where(t => !(t.Dim == 1 && t.Sizes[0] == 0)).ToArray();
        if (parts.Length == 0) return Clone(tensors[0]);
        var first = parts[0];
        if (first.Dim == 0) throw new ArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        dim = Layout.WrapDim(dim, first.Dim);
        var dtype = parts[0].DType;
        int total = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            var t = parts[i];
            if (t.Dim != first.Dim) throw new ArgumentException($"Tensors must have same number of dimensions: got {first.Dim} and {t.Dim}");
            for (int d = 0; d < first.Dim; d++)
                if (d != dim && t.Sizes[d] != first.Sizes[d]) throw Errors.CatShapes(first.Sizes[d], t.Sizes[d], dim, Array.IndexOf(tensors, t)); // PyTorch names the cat dim
            total += t.Sizes[dim];
            if (t.DType != dtype) dtype = TypePromotion.Result(Tensor.Empty(dtype, [1]), t);
        }
        var shape = (int[])first.Sizes.Clone();
        shape[dim] = total;
        CatBackward0? node = null;
        if (Record.ShouldRecord(tensors))
        {
            node = Record.Connect(new CatBackward0(dim, tensors.Select(t => t.Sizes).ToArray(), tensors.Select(t => t.DType).ToArray()), tensors);
        }
        var y = Tensor.Empty(dtype, shape);
        int offset = 0;
        foreach (var t in parts)
        {
            var sizes = (int[])shape.Clone();
            sizes[dim] = t.Sizes[dim];
            var dst = new StridedArray(y.Buffer, dtype, sizes, y.Strides, offset * y.Strides[dim]);
            Dispatch.Copy(t.Strided, dst);
            offset += t.Sizes[dim];
        }
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    public static Tensor Stack(Tensor[] tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0) throw new ArgumentException("stack expects a non-empty TensorList");
        var first = tensors[0];
        for (int i = 1; i < tensors.Length; i++)
            if (!tensors[i].Sizes.AsSpan().SequenceEqual(first.Sizes)) throw Errors.StackShapes(i, first.Sizes, tensors[i].Sizes);
        dim = Layout.WrapDim(dim, first.Dim + 1);
        Tensor y;
        bool record = Record.ShouldRecord(tensors);
        using (Autograd.NoGrad())
        {
            var parts = tensors.Select(t => t.Unsqueeze(dim)).ToArray();
            y = Cat(parts, dim);
            foreach (var p in parts) p.Dispose();
        }
        if (record) Record.SetHistory(y, Record.Connect(new StackBackward0(dim, tensors.Length), tensors));
        return y;
    }

    /// <summary>cond ? a : b with broadcasting. WhereBackward0.</summary>
    /// <summary>where(cond, a, Python number): the number acts as a 0-dim tensor of the dtype arithmetic with it would give.</summary>
    public static Tensor Where(Tensor cond, Tensor a, double b)
    {
        a.ThrowIfDisposed();
        using var scalar = Tensor.Scalar(b, TypePromotion.WithScalar(a.DType, b));
        return Where(cond, a, scalar);
    }

    public static Tensor Where(Tensor cond, Tensor a, Tensor b)
    {
        OpHelpers.CheckSameDevice(a, b);
        cond.ThrowIfDisposed();
        if (cond.DType != DType.Bool) throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {Errors.Pretty(cond.DType)}");
        var shape = Layout.Broadcast(Layout.Broadcast(cond.Sizes, a.Sizes), b.Sizes);
        var dtype = TypePromotion.Result(a, b);
        WhereBackward0? node = null;
        if (Record.ShouldRecord(a, b))
        {
            node = Record.Connect(new WhereBackward0(a.Sizes, b.Sizes, a.DType, b.DType), a, b);
            node.Condition = SavedTensor.Input(cond);
        }
        var y = Tensor.Empty(dtype, shape);
        Dispatch.Where(cond.Strided, OpHelpers.CastRaw(a, dtype).Strided, OpHelpers.CastRaw(b, dtype).Strided, y.Strided);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }
}

/// <summary>clone: grad.</summary>
internal sealed class CloneBackward0 : Node
{
    public override string Name => nameof(CloneBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad];
}

/// <summary>to(dtype): grad converted back to the input's dtype.</summary>
internal sealed class ToCopyBackward0(DType inputType) : Node
{
    public override string Name => nameof(ToCopyBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad.To(inputType)];
}

/// <summary>cat(tensors, dim): each input gets its slice of grad.</summary>
internal sealed class CatBackward0(int dim, int[][] sizes, DType[] dtypes) : Node
{
    public override string Name => nameof(CatBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var result = new Tensor?[sizes.Length];
        int offset = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i].Length == 1 && sizes[i][0] == 0) continue;
            int len = sizes[i][dim];
            if (NeedsInputGrad(i))
            {
                var g = grad.Narrow(dim, offset, len);
                result[i] = g.DType == dtypes[i] ? g : g.To(dtypes[i]);
            }
            offset += len;
        }
        return result;
    }
}

/// <summary>stack(tensors, dim): each input gets grad.select(dim, i).</summary>
internal sealed class StackBackward0(int dim, int count) : Node
{
    public override string Name => nameof(StackBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var result = new Tensor?[count];
        for (int i = 0; i < count; i++)
            if (NeedsInputGrad(i)) result[i] = grad.Select(dim, i);
        return result;
    }
}

/// <summary>where(cond, self, other): self: grad where cond; other: grad where not cond.</summary>
internal sealed class WhereBackward0(int[] aSizes, int[] bSizes, DType aType, DType bType) : Node
{
    internal SavedTensor? Condition;
    public override string Name => nameof(WhereBackward0);
    internal override IEnumerable<SavedTensor> Saved => Condition is null ? [] : [Condition];
    internal override Tensor?[] Apply(Tensor grad)
    {
        var cond = Condition!.Unpack();
        var zero = Tensor.ZerosLike(grad);
        return
        [
            NeedsInputGrad(0) ? OpHelpers.GradFor(Tensor.Where(cond, grad, zero), aSizes, aType) : null,
            NeedsInputGrad(1) ? OpHelpers.GradFor(Tensor.Where(cond, zero, grad), bSizes, bType) : null,
        ];
    }
}
