namespace Sharpgrad.Ops;

/// <summary>_weight_norm and norm_except_dim, composed as PyTorch's CPU code so the recorded nodes match.</summary>
internal static class WeightNormOps
{
    /// <summary>
    /// w = v · (g / ‖v‖), the norm taken over every dimension but <paramref name="dim"/> (over all of them for -1).
    /// With <paramref name="dim"/> the first or last dimension it is PyTorch's fused _weight_norm_interface
    /// (WeightNormInterfaceBackward0); otherwise MulBackward0 over the composite. PyTorch: torch._weight_norm.
    /// </summary>
    public static Tensor WeightNorm(Tensor v, Tensor g, int dim)
    {
        v.ThrowIfDisposed();
        g.ThrowIfDisposed();
        if (v.Dim == 0 || (dim != 0 && dim != v.Dim - 1)) return v * (g / NormExceptDim(v, 2, dim));
        Tensor norms, w;
        using (Autograd.NoGrad())
        {
            norms = NormExceptDim(v, 2, dim);
            using var scale = g / norms;
            w = v * scale;
        }
        if (Record.ShouldRecord(v, g))
        {
            var node = Record.Connect(new WeightNormInterfaceBackward0(dim), v, g);
            (node.V, node.G, node.Norms) = (SavedTensor.Input(v), SavedTensor.Input(g), SavedTensor.Input(norms));
            Record.SetHistory(w, node);
        }
        norms.Dispose();
        return w;
    }

    /// <summary>
    /// The <paramref name="pow"/>-norm of <paramref name="v"/> over every dimension but <paramref name="dim"/>, shaped to
    /// broadcast against v (all dimensions for -1, a 0-dim result). PyTorch: torch.norm_except_dim.
    /// </summary>
    public static Tensor NormExceptDim(Tensor v, double pow, int dim)
    {
        if (dim == -1) return v.Norm(pow);
        if (dim != 0 && dim != v.Dim - 1) return NormExceptDim(v.Transpose(0, dim), pow, 0).Transpose(0, dim);
        var shape = new int[v.Dim];
        Array.Fill(shape, 1);
        shape[dim] = v.Sizes[dim];
        var flat = dim == 0 ? v.Contiguous().View(v.Sizes[0], -1) : v.Contiguous().View(-1, v.Sizes[dim]);
        return flat.Norm(pow, [dim == 0 ? 1 : 0]).View(shape);
    }
}

/// <summary>
/// _weight_norm_interface: the gradients of w = v·g/‖v‖ for v and g, composed of recorded ops as PyTorch's
/// _weight_norm_differentiable_backward (so a second derivative is recorded when the graph is created).
/// </summary>
internal sealed class WeightNormInterfaceBackward0(int dim) : Node
{
    internal SavedTensor? V, G, Norms;

    public override string Name => nameof(WeightNormInterfaceBackward0);

    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            if (V is not null) yield return V;
            if (G is not null) yield return G;
            if (Norms is not null) yield return Norms;
        }
    }

    internal override Tensor?[] Apply(Tensor grad)
    {
        Tensor v = V!.Unpack(), g = G!.Unpack(), norms = Norms!.Unpack();
        var bcast = new int[v.Dim];
        Array.Fill(bcast, 1);
        bcast[dim] = v.Sizes[dim];
        var product = grad.Contiguous() * v;
        var perDimSums = (dim == 0 ? product.View(v.Sizes[0], -1).Sum(1) : product.View(-1, v.Sizes[dim]).Sum(0)).View(bcast);
        var gradV = g / norms * (grad - v * (perDimSums / (norms * norms)));
        var gradG = perDimSums / norms;
        return [NeedsInputGrad(0) ? gradV : null, NeedsInputGrad(1) ? gradG : null];
    }
}
