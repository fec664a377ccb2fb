namespace Sharpgrad;

/// <summary>The sink for a leaf: adds incoming gradients into the leaf's <c>.Grad</c>. PyTorch: AccumulateGrad.</summary>
internal sealed class AccumulateGrad(Tensor variable) : Node
{
    private readonly object _lock = new();

    public override string Name => "AccumulateGrad";

    /// <summary>The leaf whose gradient this node accumulates.</summary>
    public Tensor Variable { get; } = variable;

    internal override Tensor?[] Apply(Tensor grad)
    {
        Accumulate(grad);
        return [];
    }

    /// <summary>
    /// grad stays a leaf gradient: out of place when building a graph (so higher-order grads see it),
    /// in place otherwise. Locked, as PyTorch does, so concurrent backward passes may share leaves.
    /// Returns true when <paramref name="grad"/> itself became the leaf's gradient (stolen, no copy).
    /// </summary>
    internal bool Accumulate(Tensor grad, bool owned = false)
    {
        bool stolen = AccumulateLocked(grad, owned);
        foreach (var hook in Volatile.Read(ref PostAccumulateHooks)) hook(Variable);
        return stolen;
    }

    /// <summary>Hooks run with the leaf once its <c>.Grad</c> holds the new gradient (copy-on-write, like PreHooks).</summary>
    internal Action<Tensor>[] PostAccumulateHooks = [];

    private bool AccumulateLocked(Tensor grad, bool owned)
    {
        lock (_lock)
        {
            var current = Variable.GradValue;
            var mode = GradMode.Current;
            bool building = mode.GradEnabled;
            if (current is null)
            {
                if (building)
                {
                    // a gradient that is itself in a graph may be referenced from that graph
                    Variable.GradValue = (grad.RequiresGrad ? grad : grad.Clone()).DetachFromScopes();
                    Variable.GradShared = grad.RequiresGrad;
                    return grad.RequiresGrad;
                }
                if (owned && CanSteal(grad, mode))
                {
                    Variable.GradValue = grad.TakeOwnership().DetachFromScopes();
                    return true;
                }
                using (Autograd.NoGrad()) Variable.GradValue = grad.Clone().DetachFromScopes();
                return false;
            }
            if (building)
            {
                Variable.GradValue = (current + grad).DetachFromScopes();
                Variable.GradShared = true;
                return false;
            }
            // PyTorch accumulates in place here, so an inference .grad (from a backward run under
            // InferenceMode) refuses a later backward outside it with the in-place message
            using (Autograd.NoGrad()) current.Add_(grad);
            return false;
        }
    }

    /// <summary>PyTorch steals a gradient nobody else references when its layout matches the variable's.</summary>
    private bool CanSteal(Tensor grad, ModeState mode) =>
        grad.Storage.RefCount == 1 && grad.Offset == 0 && grad.DType == Variable.DType && grad.Inference == mode.Inference
        && grad.Numel == grad.Storage.Length && grad.IsContiguous && Variable.IsContiguous
        && grad.Sizes.AsSpan().SequenceEqual(Variable.Sizes);
}
