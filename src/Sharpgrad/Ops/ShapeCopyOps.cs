namespace Sharpgrad.Ops;

/// <summary>Copying shape ops: tril/triu and repeat.</summary>
internal static class ShapeCopyOps
{
    /// <summary>
    /// tril (lower: keep column - row &lt;= diagonal) or triu (upper: keep column - row &gt;= diagonal) over the last two
    /// dims. TrilBackward0 / TriuBackward0.
    /// </summary>
    /// <summary>
    /// fill_diagonal_: fills the strided diagonal view (stride = the sum of all strides, as ATen builds it) and, for a
    /// wrapped tall matrix, the continuation every width + 1 rows; autograd sees fills of as_strided views (CopySlices).
    /// </summary>
    public static Tensor FillDiagonal_(Tensor self, double value, bool wrap)
    {
        self.ThrowIfDisposed();
        if (self.Dim < 2) throw new ArgumentException("dimensions must larger than 1");
        int height = self.Sizes[0], width = self.Sizes[1];
        for (int i = 1; self.Dim > 2 && i < self.Dim; i++)
            if (self.Sizes[i] != height) throw new ArgumentException("all dimensions of input must be of equal length");
        int stride = 0;
        foreach (int s in self.Strides) stride += s;
        int size = Math.Min(height, width);
        self.AsStrided([size], [stride], self.Offset).Fill_(value);
        if (wrap && self.Dim == 2 && height > width + 1)
        {
            int step = width + 1;
            int wrapSize = (self.Numel + step - 1) / step - size;
            self.AsStrided([wrapSize], [stride], self.Offset + self.Strides[0] * (width + 1)).Fill_(value);
        }
        return self;
    }

    public static Tensor Triangle(Tensor x, int diagonal, bool lower)
    {
        x.ThrowIfDisposed();
        string name = lower ? "tril" : "triu";
        if (x.Dim < 2) throw new InvalidOperationException($"{name}: input tensor must have at least 2 dimensions");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            int rows = x.Shape[^2], cols = x.Shape[^1];
            var offset = Tensor.Arange(cols).Unsqueeze(0) - Tensor.Arange(rows).Unsqueeze(1); // column - row
            var keep = lower ? offset.Le((double)diagonal) : offset.Ge((double)diagonal);
            y = Tensor.Where(keep, x, Tensor.ZerosLike(x)).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new TriangleBackward(diagonal, lower), x));
        return y;
    }

    /// <summary>repeat: tiles the tensor repeats[i] times along each dim (leading repeats add dims). RepeatBackward0.</summary>
    public static Tensor Repeat(Tensor x, int[] repeats)
    {
        x.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(repeats);
        if (repeats.Length < x.Dim)
            throw new InvalidOperationException("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        var padded = Enumerable.Repeat(1, repeats.Length - x.Dim).Concat(x.Shape).ToArray();
        var target = padded.Select((s, i) => s * repeats[i]).ToArray();
        foreach (int t in target)
            if (t < 0) throw new InvalidOperationException($"Trying to create tensor with negative dimension {t}: {Errors.Shape(target)}");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // View as [1, s0, 1, s1, ...], broadcast to [r0, s0, r1, s1, ...], then merge each pair.
            var interleaved = padded.SelectMany(s => new[] { 1, s }).ToArray();
            var expanded = padded.Select((s, i) => new[] { repeats[i], s }).SelectMany(p => p).ToArray();
            // always a fresh tensor, not a view, as PyTorch's (all-1 repeats of a contiguous x would otherwise alias x)
            var tiled = x.Reshape(interleaved).Expand(expanded);
            tiled = tiled.IsContiguous ? tiled.Clone() : tiled.Contiguous();
            y = ViewOps.UnsafeView(tiled, target).MoveToOuterScope();
        }
        if (Record.ShouldRecord(x)) Record.SetHistory(y, Record.Connect(new RepeatBackward0(repeats, padded, x.Shape.ToArray()), x));
        return y;
    }
}

/// <summary>tril / triu: the same triangle of the gradient.</summary>
internal sealed class TriangleBackward(int diagonal, bool lower) : Node
{
    public override string Name => lower ? "TrilBackward0" : "TriuBackward0";
    internal override Tensor?[] Apply(Tensor grad) => [ShapeCopyOps.Triangle(grad, diagonal, lower)];
}

/// <summary>repeat: the gradient summed over the tiles.</summary>
internal sealed class RepeatBackward0(int[] repeats, int[] padded, int[] inputShape) : Node
{
    public override string Name => nameof(RepeatBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var pairs = padded.Select((s, i) => new[] { repeats[i], s }).SelectMany(p => p).ToArray();
        var tileDims = Enumerable.Range(0, padded.Length).Select(i => 2 * i).ToArray();
        return [grad.Reshape(pairs).Sum(tileDims).Reshape(inputShape)];
    }
}
