using System.Collections;
using System.Globalization;
using System.Text;

namespace Sharpgrad.NN;

/// <summary>
/// Holds parameters in a list, registered as "0", "1", ... (each made to require grad, as wrapping in
/// nn.Parameter does), so they show up in <see cref="Module.Parameters"/> and the state dict under those names.
/// PyTorch: torch.nn.ParameterList.
/// </summary>
public sealed class ParameterList : Module, IReadOnlyList<Tensor>
{
    private readonly List<Tensor> _items = [];

    /// <summary>A list of <paramref name="parameters"/>.</summary>
    public ParameterList(params Tensor[] parameters) => Extend(parameters);

    /// <summary>A list of <paramref name="parameters"/>, in order.</summary>
    public ParameterList(IEnumerable<Tensor> parameters) => Extend(parameters);

    /// <summary>
    /// The parameter at <paramref name="index"/> (negative counts from the end, as in Python; out of range throws
    /// <see cref="ArgumentOutOfRangeException"/> with PyTorch's <c>index 5 is out of range</c>); setting replaces it in place.
    /// </summary>
    public Tensor this[int index]
    {
        get => _items[Absolute(index)];
        set
        {
            int i = Absolute(index);
            _items[i] = SetParameter(Key(i), value);
        }
    }

    /// <summary>Number of parameters.</summary>
    public int Count => _items.Count;

    /// <summary>Adds <paramref name="parameter"/> at the end (registered under the next index); returns this. PyTorch: append.</summary>
    public ParameterList Append(Tensor parameter)
    {
        _items.Add(SetParameter(Key(_items.Count), parameter));
        return this;
    }

    /// <summary>Appends each of <paramref name="parameters"/> in order; returns this. PyTorch: extend (and +=).</summary>
    public ParameterList Extend(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var p in parameters) Append(p);
        return this;
    }

    /// <summary>A parameter list is not callable.</summary>
    public override Tensor Forward(Tensor input) => throw new InvalidOperationException("ParameterList should not be called.");

    /// <summary>One line per parameter: <c>  (0): Parameter containing: [torch.float32 of size 3x4]</c>.</summary>
    protected override string ExtraRepr
    {
        get
        {
            var sb = new StringBuilder();
            for (int i = 0; i < _items.Count; i++)
            {
                if (i > 0) sb.Append('\n');
                sb.Append(ParameterLine(i.ToString(CultureInfo.InvariantCulture), _items[i].DType.TorchName(), _items[i]));
            }
            return sb.ToString();
        }
    }

    /// <inheritdoc/>
    public IEnumerator<Tensor> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>PyTorch's line for one parameter in a parameter container's printed form.</summary>
    internal static string ParameterLine(string key, string typeName, Tensor p) =>
        $"  ({key}): Parameter containing: [{typeName} of size {string.Join("x", p.Shape)}]";

    private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

    private int Absolute(int index)
    {
        int i = index < 0 ? index + _items.Count : index;
        if ((uint)i >= (uint)_items.Count) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is out of range");
        return i;
    }
}
