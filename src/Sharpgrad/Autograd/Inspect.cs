namespace Sharpgrad;

/// <summary>The ledger behind a result: nodes, live saved slots and the bytes they keep alive.</summary>
/// <param name="Nodes">Every node reachable from the root's GradFn, AccumulateGrad included.</param>
/// <param name="SavedTensors">Saved-tensor slots not yet released.</param>
/// <param name="SavedBytes">Bytes of the distinct storages those slots keep alive.</param>
public readonly record struct GraphInfo(int Nodes, int SavedTensors, long SavedBytes);

public static partial class Autograd
{
    /// <summary>Walks the graph behind <paramref name="root"/> and counts what autograd keeps for it.</summary>
    public static GraphInfo Inspect(Tensor root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.GradFn is null) return default;
        var seen = new HashSet<Node>(NodeIdentity.Instance);
        var storages = new HashSet<Storage>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Node>();
        stack.Push(root.GradFn);
        seen.Add(root.GradFn);
        int saved = 0;
        long bytes = 0;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var s in node.Saved)
            {
                if (s.IsReleased) continue;
                saved++;
                if (s.Storage is { } st && storages.Add(st)) bytes += s.Bytes;
            }
            foreach (var e in node.Edges)
                if (e.Node is not null && seen.Add(e.Node)) stack.Push(e.Node);
        }
        return new GraphInfo(seen.Count, saved, bytes);
    }
}
