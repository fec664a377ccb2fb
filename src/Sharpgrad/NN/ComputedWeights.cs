using System.Runtime.CompilerServices;

namespace Sharpgrad.NN;

/// <summary>
/// The machinery weight_norm and spectral_norm share. PyTorch deletes the parameter and sets module.weight to a
/// tensor it recomputes before each forward; here a layer keeps reading the tensor object it registered, so that
/// object is turned into the recomputed tensor instead: it takes the new values and the new tensor's grad_fn (it is
/// then a non-leaf, as module.weight is in PyTorch).
/// <para>
/// Writing the new values bumps the weight's version counter. While grad is recorded and nothing the weight is computed
/// from changed (and the last graph is not yet freed), a forward reuses the weight and its node instead, so a layer can be
/// called several times within one graph, as in PyTorch. Otherwise (another forward under no-grad, after an optimizer
/// step, or spectral norm's power iteration in training mode) a graph from an earlier forward that saved the weight
/// throws PyTorch's "modified by an inplace operation" error on backward, where PyTorch, which makes a new tensor each
/// time, would not: run backward before such a forward.
/// </para>
/// </summary>
internal static class ComputedWeights
{
    /// <summary>
    /// One applied reparametrization: its kind ("weight_norm"), the parameter name, the tensor the layer reads, what
    /// computes the weight without a power iteration, its binder and its hook.
    /// </summary>
    internal sealed class Entry(string kind, string name, Binder binder, Func<Tensor> compute, IDisposable hook)
    {
        public string Kind => kind;
        public string Name => name;
        public Binder Binder => binder;
        public Func<Tensor> Compute => compute;
        public IDisposable Hook => hook;
    }

    /// <summary>Turns the layer's weight tensor into each newly computed weight, reusing the last one where nothing changed.</summary>
    internal sealed class Binder(Tensor target, Tensor[] inputs)
    {
        private readonly long[] _versions = new long[inputs.Length];
        private Node? _node;
        private long _targetVersion;

        /// <summary>The tensor the layer reads.</summary>
        public Tensor Target => target;

        /// <summary>
        /// Gives <see cref="Target"/> the values and history of <paramref name="compute"/>'s result, unless
        /// <paramref name="mayReuse"/> and the weight already bound is still the one it would compute, with a live graph.
        /// </summary>
        public void Bind(Func<Tensor> compute, bool mayReuse)
        {
            if (mayReuse && Current()) return;
            var computed = compute();
            using (Autograd.NoGrad())
                target.Copy_(computed);
            Unbind();
            target.Fn = computed.Fn;
            target.OutputNr = computed.OutputNr;
            computed.Dispose();
            _node = target.Fn;
            _targetVersion = target.Storage.Version;
            for (int i = 0; i < inputs.Length; i++) _versions[i] = inputs[i].Storage.Version;
        }

        /// <summary>Makes <see cref="Target"/> a leaf that does not require grad, without a gradient: a plain tensor.</summary>
        public void Unbind()
        {
            target.ReleaseGrad();
            target.Accumulator = null;
            target.LeafRequiresGrad = false;
            target.Fn = null;
            target.OutputNr = 0;
        }

        // Only while recording: a no-grad forward always recomputes (GradCheck writes its inputs without bumping versions).
        private bool Current()
        {
            if (_node is null || _node.IsReleased || !ReferenceEquals(target.Fn, _node) || target.Storage.Version != _targetVersion) return false;
            if (!GradMode.Current.Records) return false;
            for (int i = 0; i < inputs.Length; i++)
                if (inputs[i].Storage.Version != _versions[i]) return false;
            return true;
        }
    }

    private static readonly ConditionalWeakTable<Module, List<Entry>> s_entries = new();

    /// <summary>True when a reparametrization of <paramref name="kind"/> is applied to <paramref name="name"/>.</summary>
    public static bool Has(Module module, string kind, string name) =>
        s_entries.TryGetValue(module, out var list) && list.Exists(e => e.Kind == kind && e.Name == name);

    /// <summary>
    /// Registers the forward pre-hook <paramref name="beforeForward"/> and records the reparametrization, with what
    /// computes its weight for <see cref="Remove"/>.
    /// </summary>
    public static void Register(Module module, string kind, string name, Binder binder, Func<Tensor> compute, Action<Module> beforeForward)
    {
        var hook = module.RegisterForwardPreHook((m, _) =>
        {
            beforeForward(m);
            return null;
        });
        var list = s_entries.GetOrCreateValue(module);
        lock (list) list.Add(new Entry(kind, name, binder, compute, hook));
    }

    /// <summary>
    /// Removes the reparametrization of <paramref name="kind"/> on <paramref name="name"/>: its hook is disposed, and the
    /// tensor the layer reads takes the weight computed now (under no-grad), becomes a leaf again and is registered as the
    /// parameter (appended, as setattr of a new nn.Parameter does). None throws ArgumentException with PyTorch's
    /// <c>weight_norm of 'weight' not found in Linear(...)</c>.
    /// </summary>
    public static void Remove(Module module, string kind, string name)
    {
        var entry = Take(module, kind, name);
        var target = entry.Binder.Target;
        using (Autograd.NoGrad())
        {
            using var value = entry.Compute();
            target.Copy_(value);
        }
        entry.Binder.Unbind();
        module.SetParameter(name, target);
    }

    private static Entry Take(Module module, string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (s_entries.TryGetValue(module, out var list))
            lock (list)
            {
                int i = list.FindIndex(e => e.Kind == kind && e.Name == name);
                if (i >= 0)
                {
                    var entry = list[i];
                    list.RemoveAt(i);
                    entry.Hook.Dispose();
                    return entry;
                }
            }
        throw new ArgumentException($"{kind} of '{name}' not found in {module}");
    }
}
