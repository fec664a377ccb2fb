using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// movedim, flipud/fliplr, the in-place view ops (squeeze_, unsqueeze_, transpose_, t_), tile and tensordot:
/// compositions of the existing views and copies, recorded with PyTorch's nodes.
/// </summary>
internal static class ShapeExtraOps
{
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
        if (nd == 0) return ViewOps.MakeView(self, self.Sizes, self.Strides, self.Offset, static () => new AliasBackward0());
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
}

/// <summary>alias (movedim of a 0-dim tensor): the gradient unchanged.</summary>
internal sealed class AliasBackward0 : Node
{
    public override string Name => nameof(AliasBackward0);
    internal override Tensor?[] Apply(Tensor grad) => [grad];
}
