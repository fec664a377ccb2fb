namespace Sharpgrad.NN;

/// <summary>
/// Spectral normalization, the classic forward-pre-hook form: w = w_orig / σ(w_orig), σ estimated by power iteration.
/// PyTorch: torch.nn.utils.spectral_norm / remove_spectral_norm.
/// <para>
/// As with <see cref="WeightNormalization"/>, the layer's own weight tensor takes each computed weight in place. In
/// evaluation mode a layer called again while recording, with w_orig, u and v unchanged, reuses the weight; in training
/// mode every forward runs the power iteration and recomputes, so a graph from an earlier training forward that saved the
/// weight throws PyTorch's "modified by an inplace operation" error on backward, where PyTorch would not: backpropagate
/// before the next forward. The hook runs only through <see cref="Module.Call"/>.
/// </para>
/// </summary>
public static class SpectralNormalization
{
    private const string Kind = "spectral_norm";

    /// <summary>
    /// Replaces the parameter <paramref name="name"/> of <paramref name="module"/> by <c>name_orig</c> (a copy of its
    /// values, appended to the parameters) and adds the buffers <c>name_u</c> and <c>name_v</c> (normalized random
    /// vectors for the power iteration, drawn from the default generator). Before each forward run through
    /// <see cref="Module.Call"/>, in training mode, <paramref name="nPowerIterations"/> power-iteration steps update u and v in
    /// place (under no-grad); then the layer's weight becomes w_orig / σ with σ = uᵀ W v, W being w_orig with
    /// <paramref name="dim"/> moved first and flattened to a matrix (DivBackward0; the gradient reaches w_orig through both
    /// w_orig and σ, u and v held constant, as in PyTorch). Until the first forward the layer's weight keeps w_orig's
    /// values, as a tensor that does not require grad. <paramref name="dim"/> defaults to 1 for ConvTranspose1d/2d and 0
    /// otherwise. A second spectral norm on one parameter throws <see cref="InvalidOperationException"/>, a non-positive
    /// <paramref name="nPowerIterations"/> <see cref="ArgumentException"/>, a missing parameter <see cref="KeyNotFoundException"/>
    /// (PyTorch's KeyError), all with PyTorch's messages.
    /// Returns <paramref name="module"/>. PyTorch: torch.nn.utils.spectral_norm.
    /// </summary>
    public static T SpectralNorm<T>(T module, string name = "weight", int nPowerIterations = 1, double eps = 1e-12, int? dim = null) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (ComputedWeights.Has(module, Kind, name))
            throw new InvalidOperationException($"Cannot register two spectral_norm hooks on the same parameter {name}");
        if (nPowerIterations <= 0)
            throw new ArgumentException($"Expected n_power_iterations to be positive, but got n_power_iterations={nPowerIterations}");
        var weight = module.GetParameter(name) ?? throw ModuleDict.Missing(name); // PyTorch: module._parameters[name]
        int d = dim ?? (module is ConvTranspose1d or ConvTranspose2d ? 1 : 0);
        Tensor orig, u, v;
        using (Autograd.NoGrad())
        {
            var mat = Matrix(weight, d);
            u = Functional.Normalize(Tensor.Empty([mat.Sizes[0]], weight.DType).Normal_(), dim: 0, eps: eps);
            v = Functional.Normalize(Tensor.Empty([mat.Sizes[1]], weight.DType).Normal_(), dim: 0, eps: eps);
            orig = weight.Clone();
        }
        module.RemoveParameter(name);
        module.SetParameter(name + "_orig", orig);
        module.AddBuffer(name + "_u", u);
        module.AddBuffer(name + "_v", v);
        Tensor Compute() => Weight(orig, u, v, d, 0, eps);
        var binder = new ComputedWeights.Binder(weight, [orig, u, v]);
        binder.Unbind(); // PyTorch: setattr(module, name, weight.data)
        ComputedWeights.Register(module, Kind, name, binder, Compute, m =>
        {
            if (m.Training) binder.Bind(() => Weight(orig, u, v, d, nPowerIterations, eps), mayReuse: false);
            else binder.Bind(Compute, mayReuse: true);
        });
        return module;
    }

    /// <summary>
    /// Undoes <see cref="SpectralNorm"/>: the weight computed from the current w_orig, u and v (no power iteration) becomes
    /// the parameter <paramref name="name"/> again (a leaf, appended to the parameters); name_orig, name_u and name_v are
    /// removed. Without spectral norm on that parameter it throws <see cref="ArgumentException"/> with PyTorch's
    /// <c>spectral_norm of 'weight' not found in ...</c>. Returns <paramref name="module"/>. PyTorch: torch.nn.utils.remove_spectral_norm.
    /// </summary>
    public static T RemoveSpectralNorm<T>(T module, string name = "weight") where T : Module
    {
        ComputedWeights.Remove(module, Kind, name);
        module.RemoveBuffer(name + "_u");
        module.RemoveBuffer(name + "_v");
        module.RemoveParameter(name + "_orig");
        return module;
    }

    /// <summary>
    /// w_orig / (uᵀ W v), after <paramref name="iterations"/> power-iteration steps that overwrite u and v (under no-grad,
    /// then cloned so the graph keeps this step's values). PyTorch: SpectralNorm.compute_weight.
    /// </summary>
    private static Tensor Weight(Tensor orig, Tensor u, Tensor v, int dim, int iterations, double eps)
    {
        var mat = Matrix(orig, dim);
        Tensor uc = u, vc = v;
        if (iterations > 0)
        {
            using (Autograd.NoGrad())
            {
                using var matT = mat.T;
                for (int i = 0; i < iterations; i++)
                {
                    using (var next = Functional.Normalize(matT.Mv(u), dim: 0, eps: eps)) v.Copy_(next);
                    using (var next = Functional.Normalize(mat.Mv(v), dim: 0, eps: eps)) u.Copy_(next);
                }
                uc = u.Clone();
                vc = v.Clone();
            }
        }
        var sigma = uc.Dot(mat.Mv(vc));
        return orig / sigma;
    }

    /// <summary>The weight with <paramref name="dim"/> moved first, flattened to [size(dim), rest]. PyTorch: reshape_weight_to_matrix.</summary>
    private static Tensor Matrix(Tensor weight, int dim)
    {
        var w = weight;
        if (dim != 0)
        {
            var order = new List<int>(weight.Dim) { dim };
            for (int i = 0; i < weight.Dim; i++)
                if (i != dim) order.Add(i);
            w = weight.Permute([.. order]);
        }
        return w.Reshape(w.Sizes[0], -1);
    }
}
