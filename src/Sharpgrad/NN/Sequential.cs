using System.Collections;

namespace Sharpgrad.NN;

/// <summary>Runs modules one after another, named "0", "1", ... PyTorch: torch.nn.Sequential.</summary>
public sealed class Sequential : Module, IEnumerable<Module>
{
    private readonly List<Module> _layers = [];

    /// <summary>A chain of <paramref name="modules"/>.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) Append(m);
    }

    /// <summary>Adds <paramref name="module"/> at the end; returns this.</summary>
    public Sequential Append(Module module)
    {
        _layers.Add(RegisterModule(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <summary>The layer at <paramref name="index"/>.</summary>
    public Module this[int index] => _layers[index];

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>
    /// Feeds the input through every layer, disposing each intermediate as soon as the next layer has
    /// consumed it: under NoGrad/InferenceMode peak memory stays near one layer's worth, and in default
    /// mode buffers no backward formula saved (pre-activations) go back to the pool at once. What a
    /// graph saved stays alive through the graph's own references. The caller's input and the final
    /// output are never disposed, nor the output of a layer with forward hooks (a hook may hold it); a layer
    /// that must keep its output should return a copy. Each layer runs through <see cref="Module.Call"/> (its hooks fire).
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        bool keep = true;
        foreach (var layer in _layers)
        {
            var next = layer.Call(x);
            if (!keep && !ReferenceEquals(x, input) && !ReferenceEquals(x, next)) x.Dispose();
            keep = layer.HasForwardHooks;
            x = next;
        }
        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
