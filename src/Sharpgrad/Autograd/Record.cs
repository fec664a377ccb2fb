namespace Sharpgrad;

/// <summary>
/// The one place that decides whether an op is recorded, and that wires a recorded node into
/// the graph. Ops call it; kernels never do (Note [Ledger]).
/// </summary>
internal static class Record
{
    /// <summary>Grad mode is on, inference mode is off, and the input requires grad.</summary>
    public static bool ShouldRecord(Tensor a) => a.RequiresGradFast && GradMode.Current.Records;

    public static bool ShouldRecord(Tensor a, Tensor b) => (a.RequiresGradFast || b.RequiresGradFast) && GradMode.Current.Records;

    /// <summary>
    /// For a backward op that, as in PyTorch, also takes the forward's input (<paramref name="self"/>, its gradient
    /// edge): recorded when <paramref name="grad"/> requires grad or that input does, so under create_graph the result
    /// has history even for a constant incoming gradient.
    /// </summary>
    public static bool ShouldRecordBackward(Tensor grad, Edge self) => (grad.RequiresGradFast || self.IsValid) && GradMode.Current.Records;

    public static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        foreach (var t in inputs)
            if (t.RequiresGradFast) return GradMode.Current.Records;
        return false;
    }

    /// <summary>Connects <paramref name="node"/> to the inputs' gradient edges and returns it.</summary>
    public static TNode Connect<TNode>(TNode node, Tensor a) where TNode : Node
    {
        node.Edges = [a.GradientEdge()];
        return node;
    }

    public static TNode Connect<TNode>(TNode node, Tensor a, Tensor b) where TNode : Node
    {
        node.Edges = [a.GradientEdge(), b.GradientEdge()];
        return node;
    }

    public static TNode Connect<TNode>(TNode node, ReadOnlySpan<Tensor> inputs) where TNode : Node
    {
        var edges = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++) edges[i] = inputs[i].GradientEdge();
        node.Edges = edges;
        return node;
    }

    /// <summary>Makes <paramref name="output"/> the <paramref name="outputNr"/>-th result of <paramref name="node"/>.</summary>
    public static Tensor SetHistory(Tensor output, Node node, int outputNr = 0)
    {
        // only a graph hanging off a tensor born in the current scope may be released with it
        if (node.Scope is null && output.OwnerScope is { } scope && ReferenceEquals(scope, TensorScope.Current)) node.Scope = scope;
        output.Fn = node;
        output.OutputNr = outputNr;
        return output;
    }
}
