namespace Sharpgrad;

/// <summary>An edge of the graph: the node that receives a gradient and which of its inputs it feeds.</summary>
/// <summary>
/// A place where a gradient enters the graph: a node and which of its inputs (PyTorch's output_nr).
/// PyTorch: torch.autograd.graph.GradientEdge.
/// </summary>
public readonly record struct GradientEdge(Node Node, int OutputNr);

internal readonly record struct Edge(Node? Node, int InputNr)
{
    public bool IsValid => Node is not null;
}

/// <summary>
/// A recorded operation: PyTorch's <c>grad_fn</c>. Holds what backward needs (saved tensors)
/// and the edges to the nodes of its inputs.
/// </summary>
public abstract class Node
{
    private static long s_sequence;

    internal Edge[] Edges = [];
    internal readonly long Sequence = Interlocked.Increment(ref s_sequence);
    internal List<(int OutputNr, Func<Tensor, Tensor?> Hook, object Key)>? PreHooks;

    /// <summary>Hooks on all of this node's incoming gradients (copy-on-write). PyTorch: Node.register_prehook.</summary>
    internal Func<Tensor?[], Tensor?[]?>[] NodePreHooks = [];

    /// <summary>Hooks on this node's results and incoming gradients (copy-on-write). PyTorch: Node.register_hook.</summary>
    internal Func<Tensor?[], Tensor?[], Tensor?[]?>[] PostHooks = [];

    /// <summary>The stack of the forward call that recorded this node, kept while anomaly detection is on.</summary>
    internal readonly string? ForwardTrace = AnomalyMode.Enabled ? Environment.StackTrace : null;

    /// <summary>
    /// Per edge, the dtype its input had where a node computed in another one (PyTorch's input metadata): the engine casts
    /// that gradient back, as PyTorch's validate_outputs does. Null for the usual node whose formulas already match.
    /// </summary>
    internal DType?[]? InputDTypes;

    /// <summary>The dispose scope current when this node was recorded (Note [Scoped graphs]).</summary>
    internal TensorScope? Scope;
    private bool _released;

    /// <summary>PyTorch's class name for this node, e.g. <c>MulBackward0</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The nodes this one sends gradients to, with the input slot of each; (null, 0) for inputs that need none.</summary>
    public IReadOnlyList<(Node? Node, int InputNr)> NextFunctions
    {
        get
        {
            var list = new (Node?, int)[Edges.Length];
            for (int i = 0; i < Edges.Length; i++) list[i] = (Edges[i].Node, Edges[i].InputNr);
            return list;
        }
    }

    /// <summary>Number of outputs of the forward op (gradients this node receives).</summary>
    internal virtual int NumOutputs => 1;

    /// <summary>Gradients for each edge, given the gradient of each output (null = none flowed).</summary>
    internal virtual Tensor?[] ApplyAll(Tensor?[] gradOutputs) => Apply(gradOutputs[0]!);

    /// <summary>Gradients for each edge, given the gradient of the single output.</summary>
    internal virtual Tensor?[] Apply(Tensor grad) => throw new NotSupportedException(Name);

    /// <summary>Frees saved tensors; a later Apply that needs them throws PyTorch's "backward twice" error.</summary>
    internal void Release()
    {
        if (_released) return;
        _released = true;
        ReleaseSaved();
    }

    /// <summary>True once backward freed this node's saved values.</summary>
    internal bool IsReleased => _released;

    /// <summary>Releases this node's saved tensors: by default, every one <see cref="Saved"/> lists.</summary>
    protected virtual void ReleaseSaved()
    {
        foreach (var saved in Saved) saved.Release();
    }

    /// <summary>Saved tensors not yet released (the ledger's live entries).</summary>
    internal virtual IEnumerable<SavedTensor> Saved => [];

    /// <summary>
    /// A node whose backward is the user's code (a custom Function): it may keep the gradients it is given or hand back
    /// tensors it holds elsewhere, so the engine releases neither early.
    /// </summary>
    internal virtual bool RunsUserCode => false;

    /// <summary>True when at least one input needs a gradient from this node.</summary>
    internal bool NeedsInputGrad(int i) => i < Edges.Length && Edges[i].IsValid;

    /// <summary>
    /// Runs <paramref name="hook"/>(gradInputs, gradOutputs) after this node's backward: gradInputs are its results (one per
    /// entry of <see cref="NextFunctions"/>), gradOutputs what it received; a non-null return replaces the results.
    /// Dispose the handle to remove it. PyTorch: Node.register_hook.
    /// </summary>
    public IDisposable RegisterHook(Func<Tensor?[], Tensor?[], Tensor?[]?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref PostHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref PostHooks, hook));
    }

    /// <summary>
    /// Runs <paramref name="hook"/>(gradOutputs) before this node's backward; a non-null return replaces the gradients it
    /// receives. Dispose the handle to remove it. PyTorch: Node.register_prehook.
    /// </summary>
    public IDisposable RegisterPrehook(Func<Tensor?[], Tensor?[]?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        HookArrays.Add(ref NodePreHooks, hook);
        return new HookHandle(() => HookArrays.Remove(ref NodePreHooks, hook));
    }

    /// <inheritdoc/>
    public override string ToString() => $"<{Name} object>";
}

/// <summary>
/// Identity comparer keyed on the node's sequence number: avoids the object-header hash code, which
/// would also force a later lock on the node onto the slow sync-block path.
/// </summary>
internal sealed class NodeIdentity : IEqualityComparer<Node>
{
    public static readonly NodeIdentity Instance = new();
    public bool Equals(Node? x, Node? y) => ReferenceEquals(x, y);
    public int GetHashCode(Node node) => (int)node.Sequence ^ (int)(node.Sequence >> 32);
}
