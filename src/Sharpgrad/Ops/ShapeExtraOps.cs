using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// movedim, flipud/fliplr, the in-place view ops (squeeze_, unsqueeze_, transpose_, t_), tile and tensordot:
/// compositions of the existing views and copies, recorded with PyTorch's nodes.
/// </summary>
internal static class ShapeExtraOps
{
    /// <summary>alias: a view with the same geometry (AliasBackward0).</summary>
    public static Tensor Alias(Tensor self) => ViewOps.MakeView(self, self.Sizes, self.Strides, self.Offset, static () => new AliasBackward0());

    /// <summary>movedim: a permute view (PermuteBackward0); a 0-dim tensor gets an alias (AliasBackward0).</summary>
    public static Tensor Movedim(Tensor self, int[] source, int[] destination)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Length != destination.Length)
            throw new ArgumentException($"movedim: Invalid source or destination dims: source ({Errors.Shape(source)} dims) should contain the same number of dims as destination ({Errors.Shape(destination)} dims)");
        int nd = self.Dim;
        var src = WrapAll(source, nd);
        var dst = WrapAll(destination, nd);
        if (!AllUnique(src)) throw new ArgumentException($"movedim: repeated dim in `source` ({Errors.Shape(source)})");
        if (!AllUnique(dst)) throw new ArgumentException($"movedim: repeated dim in `destination` ({Errors.Shape(destination)})");
        if (nd == 0) return Alias(self);
        var order = new int[nd];
        var restSource = new bool[nd];
        var restDestination = new bool[nd];
        Array.Fill(order, -1);
        for (int i = 0; i < src.Length; i++)
        {
            order[dst[i]] = src[i];
            restSource[src[i]] = true;
            restDestination[dst[i]] = true;
        }
        // the dims the caller did not name keep their relative order in the free slots
        int s = 0;
        for (int d = 0; d < nd; d++)
        {
            if (restDestination[d]) continue;
            while (restSource[s]) s++;
            order[d] = s++;
        }
        return ViewOps.Permute(self, order);
    }

    private static int[] WrapAll(int[] dims, int nd)
    {
        var r = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++) r[i] = Layout.WrapDim(dims[i], nd);
        return r;
    }

    private static bool AllUnique(int[] dims)
    {
        for (int i = 0; i < dims.Length; i++)
            if (Array.IndexOf(dims, dims[i], i + 1) >= 0) return false;
        return true;
    }

    /// <summary>flipud (dim 0, input of at least 1 dim) and fliplr (dim 1, at least 2 dims): FlipBackward0.</summary>
    public static Tensor FlipDim(Tensor self, int dim)
    {
        self.ThrowIfDisposed();
        if (self.Dim <= dim) throw new InvalidOperationException($"Input must be >= {dim + 1}-d.");
        return ScanSortOps.Flip(self, [dim]);
    }

    /// <summary>
    /// An in-place view op: <paramref name="self"/> takes the geometry of <paramref name="view"/>(self) and, when
    /// recording, <paramref name="makeNode"/> as its grad_fn (set, not rebased: a view stays a view of its base, as
    /// PyTorch's set_history for in-place view ops). Checked like any in-place op; bumps the version counter once.
    /// </summary>
    public static Tensor InPlaceView(Tensor self, Func<Tensor, Tensor> view, Func<Node> makeNode)
    {
        bool record = InPlaceOps.Check(self);
        int[] sizes, strides;
        using (Autograd.NoGrad())
        {
            var v = view(self);
            sizes = v.Sizes;
            strides = v.Strides;
            v.Dispose();
        }
        Node? node = record ? Record.Connect(makeNode(), self) : null;
        self.SetGeometry(sizes, strides);
        if (!self.Inference) self.Storage.BumpVersion();
        if (node is not null)
        {
            Record.SetHistory(self, node);
            self.ViewFnVersion = self.Storage.Version;
        }
        return self;
    }

    // The argument checks run inside the view function, after the in-place checks, as in PyTorch's kernels.

    public static Tensor T_(Tensor self) =>
        InPlaceView(self, static t => t.Dim > 2 ? throw new ArgumentException($"t_() expects a tensor with <= 2 dimensions, but self is {t.Dim}D") : t.T,
            static () => new TBackward0("TBackward1"));

    public static Tensor Transpose_(Tensor self, int dim0, int dim1) =>
        InPlaceView(self, t => t.Transpose(dim0, dim1),
            () => new TransposeBackward0(Layout.WrapDim(dim0, self.Dim), Layout.WrapDim(dim1, self.Dim), "TransposeBackward1"));

    public static Tensor Squeeze_(Tensor self)
    {
        var inputSizes = self.Sizes;
        return InPlaceView(self, static t => t.Squeeze(), () => new SqueezeBackward0(inputSizes, "SqueezeBackward3"));
    }

    public static Tensor Squeeze_(Tensor self, int dim)
    {
        var inputSizes = self.Sizes;
        return InPlaceView(self, t => t.Squeeze(dim), () => new SqueezeBackward4(inputSizes));
    }

    public static Tensor Unsqueeze_(Tensor self, int dim) =>
        InPlaceView(self, t => t.Unsqueeze(dim), () => new UnsqueezeBackward0(Layout.WrapDim(dim, self.Dim + 1), "UnsqueezeBackward1"));

    /// <summary>tile: repeat with the repeats padded by leading 1s to the tensor's dims (RepeatBackward0).</summary>
    public static Tensor Tile(Tensor self, int[] reps)
    {
        self.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(reps);
        if (reps.Length >= self.Dim) return ShapeCopyOps.Repeat(self, reps);
        var padded = new int[self.Dim];
        Array.Fill(padded, 1);
        Array.Copy(reps, 0, padded, self.Dim - reps.Length, reps.Length);
        return ShapeCopyOps.Repeat(self, padded);
    }

    /// <summary>tensordot(a, b, dims): the last <paramref name="dims"/> dims of a against the first of b (torch.functional's checks).</summary>
    public static Tensor Tensordot(Tensor a, Tensor b, int dims)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (dims < 0) throw new ArgumentException($"tensordot expects dims >= 0, but got dims={dims}");
        if (dims > Math.Min(a.Dim, b.Dim)) throw new ArgumentException($"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}");
        var dimsA = new int[dims];
        var dimsB = new int[dims];
        for (int i = 0; i < dims; i++)
        {
            dimsA[i] = i - dims;
            dimsB[i] = i;
        }
        return Tensordot(a, b, dimsA, dimsB);
    }

    /// <summary>
    /// tensordot over the paired dims: ATen's composite, a permute and reshape of each side, one mm, a reshape
    /// (ViewBackward0). A contracted pair with a size-1 side is summed away first, as ATen.
    /// </summary>
    public static Tensor Tensordot(Tensor a, Tensor b, int[] dimsA, int[] dimsB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.ThrowIfDisposed();
        b.ThrowIfDisposed();
        if (dimsA.Length != dimsB.Length) throw new ArgumentException("both dimension lists should have same length");
        if (a.DType != b.DType) throw new ArgumentException("both inputs should have same dtype");
        Tensor t1 = a, t2 = b;
        int csize = 1;
        for (int i = 0; i < dimsA.Length; i++)
        {
            int s1 = a.Sizes[Layout.WrapDim(dimsA[i], a.Dim)], s2 = b.Sizes[Layout.WrapDim(dimsB[i], b.Dim)];
            if (s2 == 1) t1 = t1.Sum(dimsA[i], keepDim: true);
            else if (s1 == 1) t2 = t2.Sum(dimsB[i], keepDim: true);
            else if (s1 != s2)
                throw new ArgumentException($"contracted dimensions need to match, but first has size {s1} in dim {dimsA[i]} and second has size {s2} in dim {dimsB[i]}");
            else csize *= s1;
        }
        var cA = ContractedMask(dimsA, a.Dim);
        var cB = ContractedMask(dimsB, b.Dim);
        var p1 = new List<int>(a.Dim);
        var p2 = new List<int>(b.Dim);
        var resultSizes = new List<int>();
        int size1 = 1, size2 = 1;
        for (int d = 0; d < a.Dim; d++)
        {
            if (cA[d]) continue;
            p1.Add(d);
            size1 *= t1.Sizes[d];
            resultSizes.Add(t1.Sizes[d]);
        }
        foreach (int d in dimsA) p1.Add(d);
        foreach (int d in dimsB) p2.Add(d);
        for (int d = 0; d < b.Dim; d++)
        {
            if (cB[d]) continue;
            p2.Add(d);
            size2 *= t2.Sizes[d];
            resultSizes.Add(t2.Sizes[d]);
        }
        var m1 = t1.Permute(p1.ToArray()).Reshape(size1, csize);
        var m2 = t2.Permute(p2.ToArray()).Reshape(csize, size2);
        return m1.Mm(m2).Reshape(resultSizes.ToArray());
    }

    /// <summary>ATen's dim_list_to_bitset: wraps each dim and rejects repeats.</summary>
    private static bool[] ContractedMask(int[] dims, int nd)
    {
        var mask = new bool[nd];
        foreach (int dim in dims)
        {
            int d = Layout.WrapDim(dim, nd);
            if (mask[d]) throw new ArgumentException($"dim {d} appears multiple times in the list of dims");
            mask[d] = true;
        }
        return mask;
    }
}


/// <summary>alias (movedim of a 0-dim tensor): the gradient unchanged.</summary>
internal sealed class AliasBackward0 : Node
{
    public override string Name => nameof(AliasBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad];
}
