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
    /// Feeds the input through every layer. Without a graph (NoGrad, InferenceMode) each intermediate is
    /// disposed as soon as the next layer has consumed it, so peak memory stays near one layer's worth;
    /// the caller's input and the final output are never disposed.
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        bool release = !Autograd.IsGradEnabled || Autograd.IsInferenceModeEnabled;
        var x = input;
        foreach (var layer in _layers)
        {
            var next = layer.Forward(x);
            if (release && !ReferenceEquals(x, input) && !ReferenceEquals(x, next)) x.Dispose();
            x = next;
        }
        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
