namespace Sharpgrad;

/// <summary>The sink for a leaf: adds incoming gradients into the leaf's <c>.Grad</c>. PyTorch: AccumulateGrad.</summary>
internal sealed class AccumulateGrad(Tensor variable) : Node
{
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
    /// </summary>
    internal void Accumulate(Tensor grad)
    {
        lock (this)
        {
            var current = Variable.GradValue;
            bool building = GradMode.Current.GradEnabled;
            if (current is null)
            {
                Variable.GradValue = building ? grad.RequiresGrad ? grad : grad.Clone() : Autograd.NoGrad(() => grad.Clone());
            }
            else if (building)
            {
                Variable.GradValue = current + grad;
            }
            else
            {
                using (Autograd.NoGrad())
                {
                    // PyTorch accumulates in place here, so an inference .grad (from a backward run under
                    // InferenceMode) refuses a later backward outside it with the in-place message
                    current.Add_(grad);
                }
            }
        }
    }
}
