using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Sharpgrad.NN;

/// <summary>
/// Holds submodules by name, in insertion order, each registered under its key so its parameters and state show up
/// as <c>key.weight</c>. Setting an existing key replaces that module in its place. It has no forward of its own:
/// look modules up and call them. PyTorch: torch.nn.ModuleDict.
/// </summary>
public sealed class ModuleDict : Module, IReadOnlyDictionary<string, Module>
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, Module> _items = [];

    /// <summary>A dictionary of the <paramref name="modules"/> pairs, in order.</summary>
    public ModuleDict(params (string Key, Module Module)[] modules) => Update(modules);

    /// <summary>A dictionary of <paramref name="modules"/>, in their enumeration order.</summary>
    public ModuleDict(IEnumerable<KeyValuePair<string, Module>> modules) => Update(modules);

    /// <summary>
    /// The module under <paramref name="key"/> (a missing key throws <see cref="KeyNotFoundException"/> with Python's
    /// <c>'key'</c>); setting adds it at the end, or replaces the module already under that key in its place.
    /// </summary>
    public Module this[string key]
    {
        get => _items.TryGetValue(key, out var m) ? m : throw Missing(key);
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            if (key.Length == 0) throw new ArgumentException("module name can't be empty string \"\"");
            SetModule(key, value);
            if (!_items.ContainsKey(key)) _keys.Add(key);
            _items[key] = value;
        }
    }

    /// <summary>Number of modules. PyTorch: len.</summary>
    public int Count => _keys.Count;

    /// <summary>The keys, in order. PyTorch: keys.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The modules, in order. PyTorch: values.</summary>
    public IEnumerable<Module> Values
    {
        get
        {
            foreach (var k in _keys) yield return _items[k];
        }
    }

    /// <summary>The (key, module) pairs, in order. PyTorch: items.</summary>
    public IEnumerable<(string Key, Module Module)> Items
    {
        get
        {
            foreach (var k in _keys) yield return (k, _items[k]);
        }
    }

    /// <summary>True when a module is stored under <paramref name="key"/>. PyTorch: key in module_dict.</summary>
    public bool Contains(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Module value) => _items.TryGetValue(key, out value);

    /// <summary>Removes the module under <paramref name="key"/> and returns it (a missing key throws as the indexer). PyTorch: pop.</summary>
    public Module Pop(string key)
    {
        var m = this[key];
        _keys.Remove(key);
        _items.Remove(key);
        RemoveModule(key);
        return m;
    }

    /// <summary>Removes every module. PyTorch: clear.</summary>
    public void Clear()
    {
        foreach (var k in _keys) RemoveModule(k);
        _keys.Clear();
        _items.Clear();
    }

    /// <summary>Sets each pair in order (adding new keys at the end, replacing existing ones in place). PyTorch: update.</summary>
    public void Update(params (string Key, Module Module)[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (key, module) in modules) this[key] = module;
    }

    /// <summary>Sets each pair in <paramref name="modules"/>' enumeration order. PyTorch: update.</summary>
    public void Update(IEnumerable<KeyValuePair<string, Module>> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var (key, module) in modules) this[key] = module;
    }

    /// <summary>A container has no forward: call its modules.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException("Module [ModuleDict] is missing the required \"forward\" function");

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Module>> GetEnumerator()
    {
        foreach (var k in _keys) yield return new(k, _items[k]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's KeyError for a missing key: the key in quotes.</summary>
    internal static KeyNotFoundException Missing(string key) => new($"'{key}'");
}
