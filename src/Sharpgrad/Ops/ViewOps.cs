using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// Views: results share the base's storage and version counter. Each records its own node
/// (ViewBackward0, TBackward0, ...) whose backward maps the gradient back to the base's shape.
/// </summary>
internal static class ViewOps
{
    /// <summary>Creates a view of <paramref name="self"/> with the given geometry, view metadata and (when recording) its node.</summary>
    public static Tensor MakeView(Tensor self, int[] sizes, int[] strides, int offset, Func<Node>? makeNode, ViewCreation creation = ViewCreation.Default)
    {
        self.ThrowIfDisposed();
        var mode = GradMode.Current;
        var view = self.AliasWith(sizes, strides, offset);
        if (self.Inference) return view; // inference tensors keep no view metadata
        view.Inference = false;
        view.ViewBase = self.ViewBase ?? self;
        view.Creation = mode.Inference ? ViewCreation.InferenceMode
            : !mode.GradEnabled ? ViewCreation.NoGradMode
            : creation != ViewCreation.Default ? creation
            : self.Creation != ViewCreation.MultipleOutput ? self.Creation : ViewCreation.Default;
        if (makeNode is not null && self.RequiresGradFast && mode.Records)
        {
            Record.SetHistory(view, Record.Connect(makeNode(), self));
        }
        else if (self.RequiresGradFast)
        {
            view.LeafRequiresGrad = true; // a view made without recording still reports requires_grad, as a leaf
        }
        view.ViewFnVersion = view.Storage.Version;
        return view;
    }

    /// <summary>
    /// unfold(dimension, size, step): every window of <paramref name="size"/> elements along the dimension, <paramref name="step"/>
    /// apart, as a view with the windows' elements in a new last dim (UnfoldBackward0).
    /// </summary>
    public static Tensor Unfold(Tensor self, int dimension, int size, int step)
    {
        self.ThrowIfDisposed();
        int d = Layout.WrapDim(dimension, Math.Max(self.Dim, 1));
        int length = self.Dim == 0 ? 1 : self.Sizes[d];
        if (size > length) throw new ArgumentException($"maximum size for tensor at dimension {d} is {length} but size is {size}");
        if (step <= 0) throw new ArgumentException($"step is {step} but must be > 0");
        if (size < 0) throw new ArgumentException($"size is {size} but must be >= 0");
        if (self.Dim == 0) return MakeView(self, [size], [1], self.Offset, null);
        var sizes = new int[self.Dim + 1];
        var strides = new int[self.Dim + 1];
        for (int i = 0; i < self.Dim; i++) (sizes[i], strides[i]) = (self.Sizes[i], self.Strides[i]);
        sizes[d] = (length - size) / step + 1;
        strides[d] = self.Strides[d] * step;
        sizes[^1] = size;
        strides[^1] = self.Strides[d];
        var inputSizes = self.Sizes;
        return MakeView(self, sizes, strides, self.Offset, () => new UnfoldBackward0(inputSizes, d, size, step));
    }

    public static Tensor View(Tensor self, int[] shape)
    {
        var sizes = Layout.InferSize(shape, self.Numel);
        var strides = Layout.ComputeViewStrides(self.Sizes, self.Strides, sizes) ?? throw Errors.ViewNotCompatible();
        var inputSizes = self.Sizes;
        return MakeView(self, sizes, strides, self.Offset, () => new ViewBackward0(inputSizes));
    }

    public static Tensor Reshape(Tensor self, int[] shape)
    {
        var sizes = Layout.InferSize(shape, self.Numel);
        var strides = Layout.ComputeViewStrides(self.Sizes, self.Strides, sizes);
        var inputSizes = self.Sizes;
        if (strides is not null) return MakeView(self, sizes, strides, self.Offset, () => new ViewBackward0(inputSizes));
        // Not viewable: copy, then view the copy; PyTorch records this as _unsafe_view.
        Tensor copy;
        using (Autograd.NoGrad()) copy = self.Contiguous();
        var result = copy.AliasWith(sizes, Layout.ContiguousStrides(sizes), 0);
        copy.Dispose();
        if (Record.ShouldRecord(self)) Record.SetHistory(result, Record.Connect(new UnsafeViewBackward0(inputSizes), self));
        return result;
    }

    public static Tensor Transpose(Tensor self, int d0, int d1, bool isT = false)
    {
        int nd = self.Dim;
        d0 = Layout.WrapDim(d0, nd);
        d1 = Layout.WrapDim(d1, nd);
        var sizes = (int[])self.Sizes.Clone();
        var strides = (int[])self.Strides.Clone();
        if (nd > 0)
        {
            (sizes[d0], sizes[d1]) = (sizes[d1], sizes[d0]);
            (strides[d0], strides[d1]) = (strides[d1], strides[d0]);
        }
        return MakeView(self, sizes, strides, self.Offset, isT ? () => new TBackward0() : () => new TransposeBackward0(d0, d1));
    }

    public static Tensor T(Tensor self)
    {
        if (self.Dim > 2) throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but self is {self.Dim}D");
        return Transpose(self, 0, self.Dim < 2 ? 0 : 1, isT: true);
    }

    public static Tensor Permute(Tensor self, int[] dims)
    {
        int nd = self.Dim;
        if (dims.Length != nd) throw Errors.PermuteCount(dims.Length, nd);
        var seen = new bool[nd];
        var wrapped = new int[nd];
        var sizes = new int[nd];
        var strides = new int[nd];
        for (int i = 0; i < nd; i++)
        {
            int d = Layout.WrapDim(dims[i], nd);
            if (seen[d]) throw Errors.RepeatedDim();
            seen[d] = true;
            wrapped[i] = d;
            sizes[i] = self.Sizes[d];
            strides[i] = self.Strides[d];
        }
        return MakeView(self, sizes, strides, self.Offset, () => new PermuteBackward0(wrapped));
    }

    public static Tensor Select(Tensor self, int dim, long index)
    {
        if (self.Dim == 0) throw new ArgumentException("select() cannot be applied to a 0-dim tensor.");
        dim = Layout.WrapDim(dim, self.Dim);
        int size = self.Sizes[dim];
        if (index < -size || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"select(): index {index} out of range for tensor of size {Errors.Shape(self.Sizes)} at dimension {dim}");
        int i = (int)(index < 0 ? index + size : index);
        var sizes = RemoveAt(self.Sizes, dim);
        var strides = RemoveAt(self.Strides, dim);
        var inputSizes = self.Sizes;
        return MakeView(self, sizes, strides, self.Offset + i * self.Strides[dim], () => new SelectBackward0(inputSizes, dim, i));
    }

    /// <summary>t[i]: select(0, i) with Python indexing's IndexError text.</summary>
    public static Tensor Index(Tensor self, long index)
    {
        self.ThrowIfDisposed();
        if (self.Dim == 0) throw new ArgumentOutOfRangeException(nameof(index), "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        int size = self.Sizes[0];
        if (index < -size || index >= size) throw Errors.IndexOutOfBounds(index, 0, size);
        return Select(self, 0, index);
    }

    public static Tensor Slice(Tensor self, int dim, long start, long end, long step)
    {
        if (self.Dim == 0) throw new ArgumentException("slice() cannot be applied to a 0-dim tensor.");
        if (step <= 0) throw new ArgumentException("slice step must be positive");
        dim = Layout.WrapDim(dim, self.Dim);
        int size = self.Sizes[dim];
        if (start < 0) start += size;
        if (end < 0) end += size;
        start = Math.Clamp(start, 0, size);
        end = Math.Clamp(end, start, size);
        int len = (int)((end - start + step - 1) / step);
        var sizes = (int[])self.Sizes.Clone();
        var strides = (int[])self.Strides.Clone();
        sizes[dim] = len;
        strides[dim] = (int)(self.Strides[dim] * step);
        var inputSizes = self.Sizes;
        int s0 = (int)start, st = (int)step;
        return MakeView(self, sizes, strides, self.Offset + s0 * self.Strides[dim], () => new SliceBackward0(inputSizes, dim, s0, st, len));
    }

    public static Tensor Narrow(Tensor self, int dim, long start, long length)
    {
        if (self.Dim == 0) throw new ArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        dim = Layout.WrapDim(dim, self.Dim);
        int size = self.Sizes[dim];
        if (start < -size || start > size) throw new ArgumentOutOfRangeException(nameof(start), $"start out of range (expected to be in range of [{-size}, {size}], but got {start})");
        if (start < 0) start += size;
        if (length < 0) throw new ArgumentException("narrow(): length must be non-negative.");
        if (start + length > size) throw Errors.NarrowRange(start, length, size);
        return Slice(self, dim, start, start + length, 1);
    }

    public static Tensor Unsqueeze(Tensor self, int dim)
    {
        dim = Layout.WrapDim(dim, self.Dim + 1);
        var sizes = InsertAt(self.Sizes, dim, 1);
        int stride = dim >= self.Dim ? 1 : self.Sizes[dim] * self.Strides[dim];
        var strides = InsertAt(self.Strides, dim, stride);
        return MakeView(self, sizes, strides, self.Offset, () => new UnsqueezeBackward0(dim));
    }

    public static Tensor Squeeze(Tensor self, int dim)
    {
        dim = Layout.WrapDim(dim, self.Dim);
        var inputSizes = self.Sizes;
        if (self.Dim == 0 || self.Sizes[dim] != 1)
            return MakeView(self, self.Sizes, self.Strides, self.Offset, () => new SqueezeBackward1(inputSizes, dim));
        return MakeView(self, RemoveAt(self.Sizes, dim), RemoveAt(self.Strides, dim), self.Offset, () => new SqueezeBackward1(inputSizes, dim));
    }

    public static Tensor Squeeze(Tensor self)
    {
        var sizes = new List<int>();
        var strides = new List<int>();
        for (int d = 0; d < self.Dim; d++)
        {
            if (self.Sizes[d] == 1) continue;
            sizes.Add(self.Sizes[d]);
            strides.Add(self.Strides[d]);
        }
        var inputSizes = self.Sizes;
        return MakeView(self, sizes.ToArray(), strides.ToArray(), self.Offset, () => new SqueezeBackward0(inputSizes));
    }

    public static Tensor Expand(Tensor self, int[] shape)
    {
        int nd = shape.Length, sd = self.Dim;
        if (nd < sd) throw Errors.ExpandTooFewDims(self.DType, self.Sizes, shape);
        var sizes = new int[nd];
        var strides = new int[nd];
        for (int i = nd - 1; i >= 0; i--)
        {
            int j = i - (nd - sd);
            int target = shape[i];
            if (j < 0)
            {
                if (target < 0) throw new ArgumentException($"The expanded size of the tensor ({target}) isn't allowed in a leading, non-existing dimension {i}");
                sizes[i] = target;
                strides[i] = 0;
                continue;
            }
            int size = self.Sizes[j];
            if (target == -1) target = size;
            if (size == target) { sizes[i] = size; strides[i] = self.Strides[j]; }
            else if (size == 1 && target >= 0) { sizes[i] = target; strides[i] = 0; }
            else throw Errors.ExpandMismatch(target, size, i, shape, self.Sizes);
        }
        var inputSizes = self.Sizes;
        return MakeView(self, sizes, strides, self.Offset, () => new ExpandBackward0(inputSizes));
    }

    public static Tensor Flatten(Tensor self, int startDim, int endDim)
    {
        if (self.Dim == 0) return Reshape(self, [1]);
        startDim = Layout.WrapDim(startDim, self.Dim);
        endDim = Layout.WrapDim(endDim, self.Dim);
        if (startDim > endDim) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (startDim == endDim) return self;
        var shape = new List<int>();
        for (int d = 0; d < startDim; d++) shape.Add(self.Sizes[d]);
        int prod = 1;
        for (int d = startDim; d <= endDim; d++) prod *= self.Sizes[d];
        shape.Add(prod);
        for (int d = endDim + 1; d < self.Dim; d++) shape.Add(self.Sizes[d]);
        return Reshape(self, shape.ToArray());
    }

    /// <summary>The multi-output views: one node shared by every output, modifying any in place is forbidden.</summary>
    public static Tensor[] Unbind(Tensor self, int dim)
    {
        dim = Layout.WrapDim(dim, self.Dim);
        int n = self.Sizes[dim];
        var sizes = RemoveAt(self.Sizes, dim);
        var strides = RemoveAt(self.Strides, dim);
        bool record = Record.ShouldRecord(self);
        Node? node = record ? Record.Connect(new UnbindBackward0(self.Sizes, dim), self) : null;
        var outputs = new Tensor[n];
        for (int i = 0; i < n; i++)
        {
            outputs[i] = MakeView(self, sizes, strides, self.Offset + i * self.Strides[dim], null, ViewCreation.MultipleOutput);
            if (node is not null) Record.SetHistory(outputs[i], node, i);
        }
        return outputs;
    }

    public static Tensor[] SplitWithSizes(Tensor self, int[] splitSizes, int dim) => SplitWithSizes(self, splitSizes, dim, "SplitWithSizesBackward0");

    /// <summary>split(int) and chunk record SplitBackward0; split(list) records SplitWithSizesBackward0, as PyTorch.</summary>
    private static Tensor[] SplitWithSizes(Tensor self, int[] splitSizes, int dim, string nodeName)
    {
        dim = Layout.WrapDim(dim, self.Dim);
        int total = 0;
        foreach (int s in splitSizes)
        {
            if (s < 0) throw new ArgumentException($"split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes={Errors.Shape(splitSizes)}");
            total += s;
        }
        if (total != self.Sizes[dim])
            throw new ArgumentException($"split_with_sizes expects split_sizes to sum exactly to {self.Sizes[dim]} (input tensor's size at dimension {dim}), but got split_sizes={Errors.Shape(splitSizes)}");
        bool record = Record.ShouldRecord(self);
        Node? node = record ? Record.Connect(new SplitBackward0(self.Sizes, dim, (int[])splitSizes.Clone(), nodeName), self) : null;
        var outputs = new Tensor[splitSizes.Length];
        int start = 0;
        for (int i = 0; i < splitSizes.Length; i++)
        {
            var sizes = (int[])self.Sizes.Clone();
            sizes[dim] = splitSizes[i];
            outputs[i] = MakeView(self, sizes, self.Strides, self.Offset + start * self.Strides[dim], null, ViewCreation.MultipleOutput);
            if (node is not null) Record.SetHistory(outputs[i], node, i);
            start += splitSizes[i];
        }
        return outputs;
    }

    public static Tensor[] Split(Tensor self, int splitSize, int dim)
    {
        int size = self.Sizes[Layout.WrapDim(dim, self.Dim)];
        if (splitSize < 0) throw new ArgumentException($"split expects split_size be non-negative, but got split_size={splitSize}");
        if (splitSize == 0 && size != 0) throw new ArgumentException($"split_size can only be 0 if dimension size is 0, but got dimension size of {size}");
        if (splitSize == 0) return SplitWithSizes(self, [0], dim);
        int n = Math.Max(1, (size + splitSize - 1) / splitSize);
        var sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[i] = Math.Min(splitSize, size - i * splitSize);
        if (size == 0) sizes[0] = 0;
        return SplitWithSizes(self, sizes, dim, "SplitBackward0");
    }

    public static Tensor[] Chunk(Tensor self, int chunks, int dim)
    {
        if (chunks <= 0) throw new ArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int size = self.Sizes[Layout.WrapDim(dim, self.Dim)];
        int splitSize = (size + chunks - 1) / chunks;
        return Split(self, Math.Max(splitSize, 1), dim);
    }

    public static Tensor AsStrided(Tensor self, int[] sizes, int[] strides, int offset) =>
        MakeView(self, sizes, strides, offset, () => new AsStridedBackward0(self, new Geometry(sizes, strides, offset)));

    /// <summary>Drops the leading size-1 dim of matmul's 1-D @ 2-D product (PyTorch records SqueezeBackward4).</summary>
    public static Tensor SqueezeFirst(Tensor self)
    {
        var inputSizes = self.Sizes;
        return MakeView(self, RemoveAt(self.Sizes, 0), RemoveAt(self.Strides, 0), self.Offset, () => new SqueezeBackward4(inputSizes));
    }

    /// <summary>Reshapes a fresh contiguous result without view metadata (PyTorch's _unsafe_view: UnsafeViewBackward0).</summary>
    public static Tensor UnsafeView(Tensor self, int[] shape)
    {
        var sizes = Layout.InferSize(shape, self.Numel);
        var result = self.AliasWith(sizes, Layout.ContiguousStrides(sizes), self.Offset);
        if (Record.ShouldRecord(self)) Record.SetHistory(result, Record.Connect(new UnsafeViewBackward0(self.Sizes), self));
        return result;
    }

    internal static int[] RemoveAt(int[] a, int i)
    {
        var r = new int[a.Length - 1];
        Array.Copy(a, 0, r, 0, i);
        Array.Copy(a, i + 1, r, i, a.Length - i - 1);
        return r;
    }

    internal static int[] InsertAt(int[] a, int i, int v)
    {
        var r = new int[a.Length + 1];
        Array.Copy(a, 0, r, 0, i);
        r[i] = v;
        Array.Copy(a, i, r, i + 1, a.Length - i);
        return r;
    }
}

/// <summary>unfold(dimension, size, step): each window's gradient added back at its positions (i·step + j along the dimension).</summary>
internal sealed class UnfoldBackward0(int[] inputSizes, int dim, int size, int step) : Node
{
    public override string Name => nameof(UnfoldBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        int windows = grad.Sizes[dim];
        var positions = new long[windows * size];
        for (int i = 0; i < windows; i++)
            for (int j = 0; j < size; j++) positions[i * size + j] = (long)i * step + j;
        // [..., windows, ..., size] -> [..., windows * size, ...], the window elements next to their window
        var moved = grad.Movedim(grad.Dim - 1, dim + 1);
        var shape = moved.Sizes.ToList();
        shape[dim] = windows * size;
        shape.RemoveAt(dim + 1);
        var flat = moved.Reshape([.. shape]);
        return [Tensor.Zeros(inputSizes, grad.DType).IndexAdd(dim, Tensor.FromArray(positions), flat)];
    }
}
