namespace Sharpgrad.Ops;

/// <summary>
/// The im2col + GEMM machinery of conv2d and conv3d (plain and transposed), over an unfold (im2col or vol2col: one
/// group's [n, c, ...grid] into [c·kernel volume, n·output volume] columns) and its adjoint fold.
/// </summary>
internal static class ConvGemm
{
    /// <summary>
    /// Runs <paramref name="compute"/> untracked and, when x, w or b requires grad, records the node
    /// <paramref name="node"/> makes over them, saving x for the weight's gradient and w for the input's.
    /// </summary>
    public static Tensor Recorded(Tensor x, Tensor w, Tensor? b, Func<BinaryNode> node, Func<Tensor> compute)
    {
        BinaryNode? recorded = null;
        if (NormOps.ShouldRecord(x, w, b))
        {
            recorded = node();
            recorded.Edges = NormOps.Edges(x, w, b);
            if (w.RequiresGradFast) recorded.A = SavedTensor.Input(x);
            if (x.RequiresGradFast) recorded.B = SavedTensor.Input(w);
        }
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
            y = compute().MoveToOuterScope();
        if (recorded is not null) Record.SetHistory(y, recorded);
        return y;
    }

    /// <summary>
    /// A convolution, per channel group: W_g [out / groups, rows] @ unfold(x_g) (+ b_g), reshaped to
    /// <paramref name="outShape"/> [n, out, ...grid]. Runs untracked; the caller records the node.
    /// </summary>
    public static Tensor Convolution(Tensor x, Tensor w, Tensor? b, int groups, int groupChannels, Func<Tensor, Tensor> unfold, int[] outShape)
    {
        int cout = w.Sizes[0], og = cout / groups;
        var outs = new Tensor[groups];
        for (int gi = 0; gi < groups; gi++)
        {
            var cols = unfold(groups == 1 ? x : x.Narrow(1, gi * groupChannels, groupChannels));
            var w2 = (groups == 1 ? w : w.Narrow(0, gi * og, og)).Reshape(og, cols.Sizes[0]);
            outs[gi] = b is null ? w2.Mm(cols) : Tensor.Addmm((groups == 1 ? b : b.Narrow(0, gi * og, og)).Reshape(og, 1), w2, cols);
        }
        var permuted = (groups == 1 ? outs[0] : Tensor.Cat(outs, 0)).View(cout, outShape[0], Product(outShape.AsSpan(2))).Permute(1, 0, 2);
        return NormOps.Shaped(permuted, outShape);
    }

    /// <summary>
    /// A transposed convolution, per channel group: fold(W_gᵀ @ x_g as [in / groups, n·input volume]), the groups
    /// concatenated over channels, plus the bias. Runs untracked; the caller records the node.
    /// </summary>
    public static Tensor Transposed(Tensor x, Tensor w, Tensor? b, int groups, Func<Tensor, Tensor> fold)
    {
        int cinG = x.Sizes[1] / groups, columns = x.Sizes[0] * Product(x.Sizes.AsSpan(2));
        var outs = new Tensor[groups];
        for (int gi = 0; gi < groups; gi++)
        {
            var xg = (groups == 1 ? x : x.Narrow(1, gi * cinG, cinG)).Permute(ChannelsFirst(x.Dim)).Reshape(cinG, columns);
            var wg = (groups == 1 ? w : w.Narrow(0, gi * cinG, cinG)).Reshape(cinG, Product(w.Sizes.AsSpan(1)));
            outs[gi] = fold(wg.T.Mm(xg));
        }
        var r = groups == 1 ? outs[0] : Tensor.Cat(outs, 1);
        if (b is null) return r;
        var biasShape = new int[x.Dim];
        Array.Fill(biasShape, 1);
        biasShape[1] = b.Sizes[0];
        return r + b.View(biasShape);
    }

    /// <summary>The permutation that swaps dims 0 and 1 of a rank-<paramref name="rank"/> tensor: [1, 0, 2, ...].</summary>
    public static int[] ChannelsFirst(int rank)
    {
        var perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = i;
        (perm[0], perm[1]) = (1, 0);
        return perm;
    }

    /// <summary>Every dim but the channel dim 1: the bias gradient's reduction [0, 2, 3, ...].</summary>
    public static int[] AllButChannels(int rank)
    {
        var dims = new int[rank - 1];
        dims[0] = 0;
        for (int i = 2; i < rank; i++) dims[i - 1] = i;
        return dims;
    }

    private static int Product(ReadOnlySpan<int> sizes)
    {
        int p = 1;
        foreach (int s in sizes) p *= s;
        return p;
    }
}

/// <summary>
/// convolution (any rank), per group: input: fold(Wᵀ @ g); weight: g @ unfold(x)ᵀ; bias: g summed over batch and grid.
/// </summary>
internal abstract class ConvolutionGemmBackward(int[] weightSizes, int groups, int groupChannels) : BinaryNode
{
    public override string Name => "ConvolutionBackward0";

    /// <summary>One group's [n, c, ...grid] into columns (tracked, so the gradient is differentiable).</summary>
    protected abstract Tensor Unfold(Tensor x);

    /// <summary>The adjoint of <see cref="Unfold"/> (tracked).</summary>
    protected abstract Tensor Fold(Tensor cols);

    internal override Tensor?[] Apply(Tensor grad)
    {
        int cout = weightSizes[0], og = cout / groups;
        var g2 = grad.Permute(ConvGemm.ChannelsFirst(grad.Dim)).Reshape(cout, grad.Numel / cout);
        var dxs = new Tensor[groups];
        var dws = new Tensor[groups];
        for (int gi = 0; gi < groups; gi++)
        {
            var gg = groups == 1 ? g2 : g2.Narrow(0, gi * og, og);
            if (NeedsInputGrad(0))
            {
                var wg = B!.Unpack();
                if (groups > 1) wg = wg.Narrow(0, gi * og, og);
                dxs[gi] = Fold(wg.Reshape(og, wg.Numel / og).T.Mm(gg));
            }
            if (NeedsInputGrad(1))
            {
                var xg = A!.Unpack();
                if (groups > 1) xg = xg.Narrow(1, gi * groupChannels, groupChannels);
                dws[gi] = gg.Mm(Unfold(xg).T);
            }
        }
        Tensor? dx = null, dw = null, db = null;
        if (NeedsInputGrad(0)) dx = groups == 1 ? dxs[0] : Tensor.Cat(dxs, 1);
        if (NeedsInputGrad(1)) dw = (groups == 1 ? dws[0] : Tensor.Cat(dws, 0)).Reshape(weightSizes);
        if (NeedsInputGrad(2)) db = grad.Sum(ConvGemm.AllButChannels(grad.Dim));
        return [dx, dw, db];
    }
}

/// <summary>
/// transposed convolution (any rank), per group: input: W·unfold(g) (a plain convolution of the gradient); weight:
/// x·unfold(g)ᵀ; bias: g summed over batch and grid. <paramref name="inputGrid"/> is the input's [n, ...grid].
/// </summary>
internal abstract class ConvTransposeGemmBackward(int[] weightSizes, int groups, int[] inputGrid) : BinaryNode
{
    public override string Name => "ConvolutionBackward0";

    /// <summary>One group of the gradient, [n, out / groups, ...output grid], into columns over the input grid (tracked).</summary>
    protected abstract Tensor Unfold(Tensor grad);

    internal override Tensor?[] Apply(Tensor grad)
    {
        int cinG = weightSizes[0] / groups, coutG = weightSizes[1];
        var perm = ConvGemm.ChannelsFirst(grad.Dim);
        var dxs = new Tensor[groups];
        var dws = new Tensor[groups];
        for (int gi = 0; gi < groups; gi++)
        {
            var cols = Unfold(groups == 1 ? grad : grad.Narrow(1, gi * coutG, coutG)); // [coutG·kernel volume, n·input volume]
            if (NeedsInputGrad(0))
            {
                var wg = B!.Unpack();
                if (groups > 1) wg = wg.Narrow(0, gi * cinG, cinG);
                dxs[gi] = wg.Reshape(cinG, cols.Sizes[0]).Mm(cols).View([cinG, .. inputGrid]).Permute(perm);
            }
            if (NeedsInputGrad(1))
            {
                var xg = A!.Unpack();
                if (groups > 1) xg = xg.Narrow(1, gi * cinG, cinG);
                dws[gi] = xg.Permute(perm).Reshape(cinG, cols.Sizes[1]).Mm(cols.T);
            }
        }
        Tensor? dx = null, dw = null, db = null;
        if (NeedsInputGrad(0)) dx = (groups == 1 ? dxs[0] : Tensor.Cat(dxs, 1)).Contiguous();
        if (NeedsInputGrad(1)) dw = (groups == 1 ? dws[0] : Tensor.Cat(dws, 0)).Reshape(weightSizes);
        if (NeedsInputGrad(2)) db = grad.Sum(ConvGemm.AllButChannels(grad.Dim));
        return [dx, dw, db];
    }
}
