namespace Sharpgrad.Ops;

/// <summary>
/// atleast_Nd, hstack/vstack/dstack/column_stack and tensor_split/hsplit/vsplit/dsplit, composed of views, cat and slice
/// as ATen composes them, so the recorded nodes are PyTorch's (ViewBackward0, UnsqueezeBackward0, CatBackward0, SliceBackward0).
/// </summary>
internal static class StackSplitOps
{
    /// <summary>atleast_1d: a 0-dim tensor reshaped to [1]; any other is returned itself.</summary>
    public static Tensor AtLeast1d(Tensor t) => t.Dim == 0 ? t.Reshape(1) : t;

    /// <summary>atleast_2d: [1, 1] from 0-dim, [1, n] from 1-dim; else the tensor itself.</summary>
    public static Tensor AtLeast2d(Tensor t) => t.Dim switch
    {
        0 => t.Reshape(1, 1),
        1 => t.Unsqueeze(0),
        _ => t,
    };

    /// <summary>atleast_3d: [1, 1, 1], [1, n, 1], [m, n, 1]; else the tensor itself.</summary>
    public static Tensor AtLeast3d(Tensor t) => t.Dim switch
    {
        0 => t.Reshape(1, 1, 1),
        1 => t.Unsqueeze(0).Unsqueeze(-1),
        2 => t.Unsqueeze(-1),
        _ => t,
    };

    /// <summary>hstack: 1-D inputs joined end to end, others along dim 1.</summary>
    public static Tensor Hstack(Tensor[] tensors)
    {
        var rep = Each(tensors, "hstack", AtLeast1d);
        return Tensor.Cat(rep, rep[0].Dim == 1 ? 0 : 1);
    }

    /// <summary>vstack: rows stacked (inputs made at least 2-D).</summary>
    public static Tensor Vstack(Tensor[] tensors) => Tensor.Cat(Each(tensors, "vstack", AtLeast2d), 0);

    /// <summary>dstack: stacked along dim 2 (inputs made at least 3-D).</summary>
    public static Tensor Dstack(Tensor[] tensors) => Tensor.Cat(Each(tensors, "dstack", AtLeast3d), 2);

    /// <summary>column_stack: 0-D and 1-D inputs become columns, then everything joins along dim 1.</summary>
    public static Tensor ColumnStack(Tensor[] tensors) =>
        Tensor.Cat(Each(tensors, "column_stack", t => t.Dim <= 1 ? t.Reshape(t.Numel, 1) : t), 1);

    private static Tensor[] Each(Tensor[] tensors, string op, Func<Tensor, Tensor> f)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0) throw new InvalidOperationException($"{op} expects a non-empty TensorList");
        var rep = new Tensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(tensors[i]);
            tensors[i].ThrowIfDisposed();
            rep[i] = f(tensors[i]);
        }
        return rep;
    }

    /// <summary>tensor_split into <paramref name="sections"/> views; the first size % sections get one element more.</summary>
    public static Tensor[] TensorSplit(Tensor self, int sections, int dim)
    {
        self.ThrowIfDisposed();
        if (self.Dim == 0) throw new InvalidOperationException($"tensor_split expected at least a 1-dimensional tensor, but got a tensor with {self.Dim} dims");
        if (sections <= 0) throw new InvalidOperationException($"number of sections must be larger than 0, got {sections}");
        int d = Shapes.Layout.WrapDim(dim, self.Dim);
        int size = self.Sizes[d], minSplit = size / sections, extra = size % sections;
        var parts = new Tensor[sections];
        long start = 0;
        for (int i = 0; i < sections; i++)
        {
            int length = minSplit + (i < extra ? 1 : 0);
            parts[i] = self.Slice(d, start, start + length);
            start += length;
        }
        return parts;
    }

    /// <summary>tensor_split at <paramref name="indices"/>: views [0, i0), [i0, i1), ..., [last, end), each clamped as slicing clamps.</summary>
    public static Tensor[] TensorSplit(Tensor self, long[] indices, int dim)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(indices);
        if (self.Dim == 0) throw new InvalidOperationException($"tensor_split expected at least a 1-dimensional tensor, but got a tensor with {self.Dim} dims");
        int d = Shapes.Layout.WrapDim(dim, self.Dim);
        var parts = new Tensor[indices.Length + 1];
        long start = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            parts[i] = self.Slice(d, start, indices[i]);
            start = indices[i];
        }
        parts[^1] = self.Slice(d, start, self.Sizes[d]);
        return parts;
    }

    /// <summary>hsplit/vsplit/dsplit by a section count that must divide the split dim evenly.</summary>
    public static Tensor[] SplitAlong(Tensor self, string op, int minDims, int sections)
    {
        int d = CheckSplit(self, op, minDims);
        if (sections != 0 && self.Sizes[d] % sections != 0)
            throw new InvalidOperationException($"torch.{op} attempted to split along dimension {d}, but the size of the dimension {self.Sizes[d]} is not divisible by the split_size {sections}!");
        return TensorSplit(self, sections, d);
    }

    /// <summary>hsplit/vsplit/dsplit at <paramref name="indices"/>.</summary>
    public static Tensor[] SplitAlong(Tensor self, string op, int minDims, long[] indices) => TensorSplit(self, indices, CheckSplit(self, op, minDims));

    /// <summary>The dim hsplit (1, or 0 for a 1-D tensor), vsplit (0) or dsplit (2) splits along.</summary>
    private static int CheckSplit(Tensor self, string op, int minDims)
    {
        self.ThrowIfDisposed();
        if (self.Dim < minDims)
            throw new InvalidOperationException($"torch.{op} requires a tensor with at least {minDims} dimension, but got a tensor with {self.Dim} dimensions!");
        return op switch
        {
            "hsplit" => self.Dim == 1 ? 0 : 1,
            "vsplit" => 0,
            _ => 2,
        };
    }
}
