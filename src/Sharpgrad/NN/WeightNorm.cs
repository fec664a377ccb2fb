using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Weight normalization, the classic forward-pre-hook form: w = g · v / ‖v‖. PyTorch: torch.nn.utils.weight_norm /
/// remove_weight_norm.
/// <para>
/// PyTorch rebinds module.weight to a new tensor before each forward; a Sharpgrad layer keeps reading the tensor it
/// registered, so that tensor takes the new values in place and the new grad_fn instead. Calling the layer again while
/// recording, with g and v unchanged, reuses the weight (so one graph may use the layer many times). A forward that
/// must recompute (after g or v changed, or under no-grad) while an earlier graph that saved the weight is still to be
/// backpropagated makes that backward throw PyTorch's "modified by an inplace operation" error, where PyTorch would
/// not: backpropagate first. The hook runs only through <see cref="Module.Call"/>, not a layer's other Forward overloads.
/// </para>
/// </summary>
public static class WeightNormalization
{
    private const string Kind = "weight_norm";

    /// <summary>
    /// Replaces the parameter <paramref name="name"/> of <paramref name="module"/> by a magnitude <c>name_g</c> (its norm
    /// over every dimension but <paramref name="dim"/>; over all of them, a 0-dim tensor, for null) and a direction
    /// <c>name_v</c> (a copy of its values), appended to the parameters in that order, and recomputes the weight from them
    /// now and before each forward run through <see cref="Module.Call"/> (so gradients reach g and v). The layer's own
    /// weight tensor becomes that computed non-leaf (WeightNormInterfaceBackward0 for the first or last dimension,
    /// MulBackward0 otherwise, as in PyTorch). Applying it twice to one parameter throws <see cref="InvalidOperationException"/>, a name that is not a parameter
    /// <see cref="ArgumentException"/> (PyTorch's AttributeError), with PyTorch's messages. Returns
    /// <paramref name="module"/>. PyTorch: torch.nn.utils.weight_norm.
    /// </summary>
    public static T WeightNorm<T>(T module, string name = "weight", int? dim = 0) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (ComputedWeights.Has(module, Kind, name))
            throw new InvalidOperationException($"Cannot register two weight_norm hooks on the same parameter {name}");
        var weight = module.GetParameter(name) ?? throw new ArgumentException($"'{module.ReprName}' object has no attribute '{name}'");
        int d = dim ?? -1;
        Tensor g, v;
        using (Autograd.NoGrad())
        {
            g = WeightNormOps.NormExceptDim(weight, 2, d);
            v = weight.Clone();
        }
        module.RemoveParameter(name);
        module.SetParameter(name + "_g", g);
        module.SetParameter(name + "_v", v);
        Tensor Compute() => WeightNormOps.WeightNorm(v, g, d);
        var binder = new ComputedWeights.Binder(weight, [g, v]);
        binder.Bind(Compute, mayReuse: false);
        ComputedWeights.Register(module, Kind, name, binder, Compute, _ => binder.Bind(Compute, mayReuse: true));
        return module;
    }

    /// <summary>
    /// Undoes <see cref="WeightNorm"/>: the weight computed from the current g and v becomes the parameter
    /// <paramref name="name"/> again (a leaf, appended to the parameters), and name_g and name_v are removed. Without
    /// weight norm on that parameter it throws <see cref="ArgumentException"/> with PyTorch's
    /// <c>weight_norm of 'weight' not found in ...</c>. Returns <paramref name="module"/>. PyTorch: torch.nn.utils.remove_weight_norm.
    /// </summary>
    public static T RemoveWeightNorm<T>(T module, string name = "weight") where T : Module
    {
        ComputedWeights.Remove(module, Kind, name);
        module.RemoveParameter(name + "_g");
        module.RemoveParameter(name + "_v");
        return module;
    }
}
