using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Sharpgrad.NN;

/// <summary>
/// Holds parameters by name, in insertion order, each registered under its key (and made to require grad, as wrapping
/// in nn.Parameter does) so it shows up in <see cref="Module.Parameters"/> and the state dict as <c>key</c>. Setting an
/// existing key replaces that parameter in its place. PyTorch: torch.nn.ParameterDict.
/// </summary>
public sealed class ParameterDict : Module, IReadOnlyDictionary<string, Tensor>
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, Tensor> _items = [];

    /// <summary>A dictionary of the <paramref name="parameters"/> pairs, in order.</summary>
    public ParameterDict(params (string Key, Tensor Parameter)[] parameters) => Update(parameters);

    /// <summary>A dictionary of <paramref name="parameters"/>, in the order <see cref="Update(IEnumerable{KeyValuePair{string, Tensor}})"/> takes them.</summary>
    public ParameterDict(IEnumerable<KeyValuePair<string, Tensor>> parameters) => Update(parameters);

    /// <summary>
    /// The parameter under <paramref name="key"/> (a missing key throws <see cref="KeyNotFoundException"/> with PyTorch's
    /// <c>'ParameterDict' object has no attribute 'key'</c>); setting adds it at the end, or replaces the parameter already
    /// under that key in its place.
    /// </summary>
    public Tensor this[string key]
    {
        get => _items.TryGetValue(key, out var p) ? p : throw Missing(key);
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            if (key.Length == 0) throw new ArgumentException("parameter name can't be empty string \"\"");
            if (key.Contains('.')) throw new ArgumentException("parameter name can't contain \".\"");
            SetParameter(key, value);
            if (!_items.ContainsKey(key)) _keys.Add(key);
            _items[key] = value;
        }
    }

    /// <summary>Number of parameters. PyTorch: len.</summary>
    public int Count => _keys.Count;

    /// <summary>The keys, in order. PyTorch: keys.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>The parameters, in order. PyTorch: values.</summary>
    public IEnumerable<Tensor> Values
    {
        get
        {
            foreach (var k in _keys) yield return _items[k];
        }
    }

    /// <summary>The (key, parameter) pairs, in order. PyTorch: items.</summary>
    public IEnumerable<(string Key, Tensor Parameter)> Items
    {
        get
        {
            foreach (var k in _keys) yield return (k, _items[k]);
        }
    }

    /// <summary>True when a parameter is stored under <paramref name="key"/>. PyTorch: key in parameter_dict.</summary>
    public bool Contains(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => _items.TryGetValue(key, out value);

    /// <summary>The parameter under <paramref name="key"/>, or <paramref name="defaultValue"/>. PyTorch: get.</summary>
    public Tensor? Get(string key, Tensor? defaultValue = null) => _items.TryGetValue(key, out var p) ? p : defaultValue;

    /// <summary>The parameter under <paramref name="key"/>, first storing <paramref name="defaultValue"/> there when there is none. PyTorch: setdefault.</summary>
    public Tensor SetDefault(string key, Tensor defaultValue)
    {
        if (!_items.ContainsKey(key)) this[key] = defaultValue;
        return this[key];
    }

    /// <summary>Removes the parameter under <paramref name="key"/> and returns it (a missing key throws as the indexer). PyTorch: pop.</summary>
    public Tensor Pop(string key)
    {
        var p = this[key];
        _keys.Remove(key);
        _items.Remove(key);
        RemoveParameter(key);
        return p;
    }

    /// <summary>
    /// Removes the last-inserted pair and returns it; an empty dictionary throws <see cref="KeyNotFoundException"/>
    /// with Python's <c>'popitem(): dictionary is empty'</c>. PyTorch: popitem.
    /// </summary>
    public (string Key, Tensor Parameter) PopItem()
    {
        if (_keys.Count == 0) throw new KeyNotFoundException("'popitem(): dictionary is empty'");
        string key = _keys[^1];
        return (key, Pop(key));
    }

    /// <summary>Removes every parameter. PyTorch: clear.</summary>
    public void Clear()
    {
        foreach (var k in _keys) RemoveParameter(k);
        _keys.Clear();
        _items.Clear();
    }

    /// <summary>A new dictionary holding the same parameter tensors under the same keys. PyTorch: copy.</summary>
    public ParameterDict Copy() => new(Items.ToArray());

    /// <summary>Sets each pair in order (adding new keys at the end, replacing existing ones in place). PyTorch: update.</summary>
    public void Update(params (string Key, Tensor Parameter)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (key, p) in parameters) this[key] = p;
    }

    /// <summary>
    /// Sets each pair of <paramref name="parameters"/>. A plain mapping (an <see cref="IDictionary{TKey, TValue}"/> or
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> other than a ParameterDict, like a Python dict) is taken in sorted key
    /// order, as PyTorch sorts a dict's items; any other sequence of pairs in its order. PyTorch: update.
    /// </summary>
    public void Update(IEnumerable<KeyValuePair<string, Tensor>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters is not ParameterDict && parameters is IDictionary<string, Tensor> or IReadOnlyDictionary<string, Tensor>)
            parameters = parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        foreach (var (key, p) in parameters) this[key] = p;
    }

    /// <summary>A parameter dictionary is not callable.</summary>
    public override Tensor Forward(Tensor input) => throw new InvalidOperationException("ParameterDict should not be called.");

    /// <summary>One line per parameter: <c>  (key): Parameter containing: [torch.FloatTensor of size 3x4]</c>.</summary>
    protected override string ExtraRepr
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var k in _keys)
            {
                if (sb.Length > 0) sb.Append('\n');
                sb.Append(ParameterList.ParameterLine(k, _items[k].DType.LegacyTensorTypeName(), _items[k]));
            }
            return sb.ToString();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator()
    {
        foreach (var k in _keys) yield return new(k, _items[k]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static KeyNotFoundException Missing(string key) => new($"'ParameterDict' object has no attribute '{key}'");
}
