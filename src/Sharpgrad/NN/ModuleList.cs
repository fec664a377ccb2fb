using System.Collections;

namespace Sharpgrad.NN;

/// <summary>
/// Holds submodules in a list, registered as "0", "1", ... so their parameters and state show up under those names.
/// It has no forward of its own: iterate it. PyTorch: torch.nn.ModuleList.
/// </summary>
public sealed class ModuleList : Module, IReadOnlyList<Module>
{
    private readonly List<Module> _items = [];

    /// <summary>A list of <paramref name="modules"/>.</summary>
    public ModuleList(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) Add(m);
    }

    /// <summary>Appends <paramref name="module"/> (registered under the next index) and returns it.</summary>
    public T Add<T>(T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _items.Add(RegisterModule(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        return module;
    }

    /// <summary>The module at <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    public Module this[int index]
    {
        get
        {
            int i = index < 0 ? index + _items.Count : index;
            if ((uint)i >= (uint)_items.Count) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is out of range");
            return _items[i];
        }
    }

    /// <summary>Number of modules.</summary>
    public int Count => _items.Count;

    /// <summary>A container has no forward: call its modules.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException("Module [ModuleList] is missing the required \"forward\" function");

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
