namespace Sharpgrad.NN;

/// <summary>Keys a non-strict <see cref="Module.LoadStateDict"/> did not match. PyTorch: _IncompatibleKeys.</summary>
public sealed record IncompatibleKeys(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);

public abstract partial class Module
{
    /// <summary>Every parameter and buffer under its dotted key: own parameters, own buffers, then each child's, recursively.</summary>
    private List<(string Key, Tensor Tensor)> StateEntries()
    {
        var entries = new List<(string, Tensor)>();
        Collect(this, "", entries);
        return entries;

        static void Collect(Module m, string prefix, List<(string, Tensor)> into)
        {
            foreach (var (name, p) in m._parameters) into.Add((prefix + name, p));
            foreach (var (name, b) in m._buffers) into.Add((prefix + name, b));
            foreach (var (name, child) in m._modules) Collect(child, prefix + name + ".", into);
        }
    }

    /// <summary>
    /// Parameters and buffers by dotted name, in registration order, as detached tensors sharing storage
    /// with the module's own. PyTorch: state_dict.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>();
        foreach (var (key, t) in StateEntries()) dict[key] = t.IsUninitialized ? t : t.Detach(); // a placeholder stays one
        return dict;
    }

    /// <summary>
    /// Copies <paramref name="stateDict"/> into this module's parameters and buffers (in place, under no-grad).
    /// Missing or unexpected keys (when <paramref name="strict"/>) and shape mismatches throw
    /// <see cref="InvalidOperationException"/> with PyTorch's message, before anything is copied.
    /// PyTorch: load_state_dict.
    /// </summary>
    public IncompatibleKeys LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        foreach (var (name, module) in NamedModules()) module.MaterializeFrom(stateDict, name.Length == 0 ? "" : name + ".");
        var entries = StateEntries();
        var own = new HashSet<string>(entries.Select(e => e.Key));
        var missing = new List<string>();
        var mismatches = new List<string>();
        var copies = new List<(Tensor Target, Tensor Source)>();
        foreach (var (key, target) in entries)
        {
            if (!stateDict.TryGetValue(key, out var source) || source is null)
            {
                missing.Add(key);
                continue;
            }
            source.ThrowIfDisposed();
            if (target.IsUninitialized) continue; // a placeholder the checkpoint did not size either: nothing to copy
            if (!source.Shape.SequenceEqual(target.Shape))
            {
                mismatches.Add($"size mismatch for {key}: copying a param with shape {Errors.Size(source.Sizes)} from checkpoint, the shape in current model is {Errors.Size(target.Sizes)}.");
                continue;
            }
            copies.Add((target, source));
        }
        var unexpected = stateDict.Keys.Where(k => !own.Contains(k)).ToList();

        var messages = new List<string>();
        if (strict && missing.Count > 0) messages.Add($"Missing key(s) in state_dict: {Quoted(missing)}. ");
        if (strict && unexpected.Count > 0) messages.Add($"Unexpected key(s) in state_dict: {Quoted(unexpected)}. ");
        messages.AddRange(mismatches);
        if (messages.Count > 0)
            throw new InvalidOperationException($"Error(s) in loading state_dict for {ReprName}:\n\t{string.Join("\n\t", messages)}");

        using (Autograd.NoGrad())
        {
            foreach (var (target, source) in copies)
                if (!ReferenceEquals(target.Storage, source.Storage) || target.Offset != source.Offset)
                    target.Copy_(source);
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static string Quoted(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));
}
