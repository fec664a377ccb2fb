namespace Sharpgrad;

/// <summary>
/// The reverse-mode engine: counts dependencies over the reachable graph, runs each node once
/// when all its gradients have arrived (latest-recorded first, as PyTorch), accumulates leaves,
/// and frees saved tensors as it goes unless asked to keep the graph.
/// </summary>
internal static class Engine
{
    /// <summary>True while this thread runs a backward for autograd.grad (gradients captured, leaves left alone).</summary>
    [ThreadStatic] private static bool t_capturing;

    /// <summary>Whether the backward running on this thread was started by autograd.grad rather than backward().</summary>
    public static bool IsCapturing => t_capturing;

    /// <summary>
    /// Runs backward from <paramref name="roots"/>. With <paramref name="captures"/>, returns the
    /// gradients arriving at those edges instead of accumulating into leaves (autograd.grad).
    /// </summary>
    public static Tensor?[]? Run(Edge[] roots, Tensor[] rootGrads, bool keepGraph, bool createGraph, Edge[]? captures)
    {
        bool wasCapturing = t_capturing;
        t_capturing = captures is not null;
        try
        {
            return RunGraph(roots, rootGrads, keepGraph, createGraph, captures);
        }
        finally
        {
            t_capturing = wasCapturing;
        }
    }

    private static Tensor?[]? RunGraph(Edge[] roots, Tensor[] rootGrads, bool keepGraph, bool createGraph, Edge[]? captures)
    {
        using var mode = GradMode.Push(createGraph, GradMode.Current.Inference);
        var dependencies = CountDependencies(roots);
        HashSet<Node>? needed = captures is null ? null : NeededNodes(roots, captures);
        var captured = captures is null ? null : new Tensor?[captures.Length];

        var buffers = new Dictionary<Node, Tensor?[]>(NodeIdentity.Instance);
        var ready = new PriorityQueue<Node, long>();
        // Note [Gradient ownership]: gradients the engine made are released (or stolen by a leaf) as
        // soon as they are consumed; pinned ones (the caller's, a hook's, shared ones) never are.
        var pinned = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < roots.Length; i++)
        {
            var node = roots[i].Node!;
            pinned.Add(rootGrads[i]);
            AddToBuffer(buffers, node, roots[i].InputNr, rootGrads[i], pinned);
        }
        foreach (var root in roots)
        {
            var node = root.Node!;
            if (dependencies.GetValueOrDefault(node) == 0 && !ready.UnorderedItems.Any(e => ReferenceEquals(e.Element, node)))
                ready.Enqueue(node, -node.Sequence);
        }

        while (ready.TryDequeue(out var node, out _))
        {
            buffers.Remove(node, out var grads);
            grads ??= new Tensor?[node.NumOutputs];
            if (node.PreHooks is not null)
            {
                foreach (var g in grads) if (g is not null) pinned.Add(g);
                RunPreHooks(node, grads);
                foreach (var g in grads) if (g is not null) pinned.Add(g);
            }
            if (node.NodePreHooks.Length != 0) RunNodePreHooks(node, grads, pinned);
            if (captures is not null) Capture(node, grads, captures, captured!, pinned);
            if (needed is not null && !HasNeededChild(node, needed)) continue;

            Tensor?[] outputs;
            if (node is AccumulateGrad acc)
            {
                if (captures is null && grads[0] is { } g)
                {
                    bool owned = !pinned.Contains(g);
                    if (!acc.Accumulate(g, owned) && owned) g.Dispose();
                }
                outputs = [];
            }
            else if (AllNull(grads))
            {
                outputs = new Tensor?[node.Edges.Length];
            }
            else
            {
                if (node.RunsUserCode) foreach (var g in grads) if (g is not null) pinned.Add(g);
                outputs = AnomalyMode.Enabled ? ApplyChecked(node, grads) : node.ApplyAll(grads);
                if (node.RunsUserCode) foreach (var g in outputs) if (g is not null) pinned.Add(g);
                // PyTorch's validate_outputs (the dtype part) runs before the node's post hooks
                if (node.InputDTypes is { } dtypes) CastToInputDTypes(outputs, dtypes, grads, pinned);
                if (node.PostHooks.Length != 0) outputs = RunPostHooks(node, outputs, grads, pinned);
                if (!keepGraph) node.Release();
                PinDuplicates(outputs, pinned);
                foreach (var g in grads)
                    if (g is not null && !pinned.Contains(g) && Array.IndexOf(outputs, g) < 0) g.Dispose();
            }

            var edges = node.Edges;
            for (int i = 0; i < edges.Length; i++)
            {
                var next = edges[i].Node;
                if (next is null) continue;
                if (i < outputs.Length && outputs[i] is { } grad) AddToBuffer(buffers, next, edges[i].InputNr, grad, pinned);
                int left = dependencies[next] - 1;
                dependencies[next] = left;
                if (left == 0 && (needed is null || needed.Contains(next))) ready.Enqueue(next, -next.Sequence);
            }
        }
        return captured;
    }

    private static void RunNodePreHooks(Node node, Tensor?[] grads, HashSet<Tensor> pinned)
    {
        foreach (var g in grads) if (g is not null) pinned.Add(g);
        foreach (var hook in node.NodePreHooks)
        {
            if (hook((Tensor?[])grads.Clone()) is not { } replaced) continue;
            CheckHookResult(replaced, grads);
            for (int i = 0; i < grads.Length; i++) grads[i] = replaced[i];
        }
        foreach (var g in grads) if (g is not null) pinned.Add(g);
    }

    private static Tensor?[] RunPostHooks(Node node, Tensor?[] outputs, Tensor?[] grads, HashSet<Tensor> pinned)
    {
        foreach (var g in outputs) if (g is not null) pinned.Add(g);
        foreach (var g in grads) if (g is not null) pinned.Add(g);
        foreach (var hook in node.PostHooks)
        {
            if (hook((Tensor?[])outputs.Clone(), (Tensor?[])grads.Clone()) is not { } replaced) continue;
            CheckHookResult(replaced, outputs);
            outputs = (Tensor?[])replaced.Clone();
        }
        foreach (var g in outputs) if (g is not null) pinned.Add(g);
        return outputs;
    }

    /// <summary>PyTorch's checks on what a node hook returns: as many values, and no gradient where there was none.</summary>
    private static void CheckHookResult(Tensor?[] replaced, Tensor?[] original)
    {
        if (replaced.Length != original.Length)
            throw new InvalidOperationException($"hook '<hook>' has returned an incorrect number of values (got {replaced.Length}, but expected {original.Length})");
        for (int i = 0; i < original.Length; i++)
            if (original[i] is null && replaced[i] is not null)
                throw new InvalidOperationException("can't replace a None gradient with a non-None value");
    }

    /// <summary>A node's backward under anomaly detection: errors name the forward call; NaN gradients are refused.</summary>
    private static Tensor?[] ApplyChecked(Node node, Tensor?[] grads)
    {
        Tensor?[] outputs;
        try
        {
            outputs = node.ApplyAll(grads);
        }
        catch (InvalidOperationException e) when (node.ForwardTrace is not null)
        {
            throw new InvalidOperationException(e.Message + AnomalyMode.Trace(node), e);
        }
        if (!AnomalyMode.CheckNan) return outputs;
        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i] is { } g && g.DType.IsFloatingPoint() && g.IsNan().Any().Item<bool>())
                throw new InvalidOperationException($"Function '{node.Name}' returned nan values in its {i}th output." + AnomalyMode.Trace(node));
        }
        return outputs;
    }

    private static void CastToInputDTypes(Tensor?[] outputs, DType?[] dtypes, Tensor?[] grads, HashSet<Tensor> pinned)
    {
        for (int i = 0; i < outputs.Length && i < dtypes.Length; i++)
        {
            if (outputs[i] is not { } g || dtypes[i] is not { } dtype || g.DType == dtype) continue;
            outputs[i] = g.To(dtype);
            // an incoming gradient is released by the caller's loop once no output refers to it
            if (!pinned.Contains(g) && Array.IndexOf(grads, g) < 0 && Array.IndexOf(outputs, g) < 0) g.Dispose();
        }
    }

    private static bool HasNeededChild(Node node, HashSet<Node> needed)
    {
        foreach (var e in node.Edges)
            if (e.Node is not null && needed.Contains(e.Node)) return true;
        return false;
    }

    private static bool AllNull(Tensor?[] grads)
    {
        foreach (var g in grads) if (g is not null) return false;
        return true;
    }

    private static void AddToBuffer(Dictionary<Node, Tensor?[]> buffers, Node node, int slot, Tensor grad, HashSet<Tensor> pinned)
    {
        if (!buffers.TryGetValue(node, out var slots))
        {
            slots = new Tensor?[Math.Max(node.NumOutputs, slot + 1)];
            buffers[node] = slots;
        }
        if (slots[slot] is not { } existing)
        {
            slots[slot] = grad;
            return;
        }
        slots[slot] = existing + grad;
        if (!pinned.Contains(existing)) existing.Dispose();
        if (!ReferenceEquals(existing, grad) && !pinned.Contains(grad)) grad.Dispose();
    }

    /// <summary>A gradient handed to two edges is shared: neither consumer may release or steal it.</summary>
    private static void PinDuplicates(Tensor?[] outputs, HashSet<Tensor> pinned)
    {
        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i] is not { } a) continue;
            for (int j = i + 1; j < outputs.Length; j++)
                if (ReferenceEquals(a, outputs[j])) pinned.Add(a);
        }
    }

    private static Dictionary<Node, int> CountDependencies(Edge[] roots)
    {
        var deps = new Dictionary<Node, int>(NodeIdentity.Instance);
        var seen = new HashSet<Node>(NodeIdentity.Instance);
        var stack = new Stack<Node>();
        foreach (var r in roots)
            if (seen.Add(r.Node!)) stack.Push(r.Node!);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var e in node.Edges)
            {
                if (e.Node is null) continue;
                deps[e.Node] = deps.GetValueOrDefault(e.Node) + 1;
                if (seen.Add(e.Node)) stack.Push(e.Node);
            }
        }
        return deps;
    }

    /// <summary>Nodes on some path from a root to a captured edge: only these run for autograd.grad.</summary>
    private static HashSet<Node> NeededNodes(Edge[] roots, Edge[] captures)
    {
        var targets = new HashSet<Node>(NodeIdentity.Instance);
        foreach (var c in captures) if (c.Node is not null) targets.Add(c.Node);
        var needed = new HashSet<Node>(NodeIdentity.Instance);
        var visited = new HashSet<Node>(NodeIdentity.Instance);
        // Iterative post-order: a node is needed if it is a target or any child is needed.
        var stack = new Stack<(Node Node, int Child)>();
        foreach (var r in roots)
        {
            if (!visited.Add(r.Node!)) continue;
            stack.Push((r.Node!, 0));
            while (stack.Count > 0)
            {
                var (node, child) = stack.Pop();
                if (child < node.Edges.Length)
                {
                    stack.Push((node, child + 1));
                    var next = node.Edges[child].Node;
                    if (next is not null && visited.Add(next)) stack.Push((next, 0));
                    continue;
                }
                if (targets.Contains(node)) { needed.Add(node); continue; }
                foreach (var e in node.Edges)
                    if (e.Node is not null && needed.Contains(e.Node)) { needed.Add(node); break; }
            }
        }
        return needed;
    }

    private static void RunPreHooks(Node node, Tensor?[] grads)
    {
        var hooks = node.PreHooks;
        if (hooks is null) return;
        foreach (var (outputNr, hook, _) in hooks.ToArray())
        {
            if (outputNr >= grads.Length || grads[outputNr] is not { } g) continue;
            var replaced = hook(g);
            if (replaced is not null) grads[outputNr] = replaced;
        }
    }

    private static void Capture(Node node, Tensor?[] grads, Edge[] captures, Tensor?[] captured, HashSet<Tensor> pinned)
    {
        for (int i = 0; i < captures.Length; i++)
        {
            if (!ReferenceEquals(captures[i].Node, node)) continue;
            int slot = captures[i].InputNr;
            if (slot < grads.Length && grads[slot] is { } g)
            {
                captured[i] = g;
                pinned.Add(g);
            }
        }
    }
}
