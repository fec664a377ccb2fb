namespace Sharpgrad.Optim;

/// <summary>Per-parameter state an optimizer keeps, indexed like <see cref="Optimizer.Parameters"/>; grows when a group is added.</summary>
internal interface IParameterSlots
{
    /// <summary>Makes room for <paramref name="count"/> parameters (new slots hold the default value).</summary>
    void Grow(int count);
}

/// <summary>One value of type <typeparamref name="T"/> per parameter, by reference so it can be updated in place.</summary>
internal sealed class ParameterSlots<T>(int count) : IParameterSlots
{
    private T[] _items = new T[count];

    /// <summary>The slot of parameter <paramref name="index"/>.</summary>
    public ref T this[int index] => ref _items[index];

    /// <inheritdoc/>
    public void Grow(int count) => Array.Resize(ref _items, count);
}
