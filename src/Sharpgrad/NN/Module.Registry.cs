namespace Sharpgrad.NN;

public abstract partial class Module
{
    // PyTorch's setattr/delattr on a module's _parameters/_buffers/_modules: the containers and the
    // weight_norm/spectral_norm utilities add, replace and remove entries by name. Replacing keeps the
    // entry's position (as a Python dict does); adding appends.

    /// <summary>The parameter registered as <paramref name="name"/>, or null.</summary>
    internal Tensor? GetParameter(string name) => Find(_parameters, name) is int i and >= 0 ? _parameters[i].Tensor : null;

    /// <summary>The buffer registered as <paramref name="name"/>, or null.</summary>
    internal Tensor? GetBuffer(string name) => Find(_buffers, name) is int i and >= 0 ? _buffers[i].Tensor : null;

    /// <summary>Registers <paramref name="parameter"/> as <paramref name="name"/>, replacing (in place) a parameter of that name.</summary>
    internal Tensor SetParameter(string name, Tensor parameter)
    {
        int i = Find(_parameters, name);
        if (i < 0) return RegisterParameter(name, parameter);
        ArgumentNullException.ThrowIfNull(parameter);
        if (!parameter.IsLeaf)
            throw new ArgumentException($"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be created explicitly.");
        parameter.RequiresGrad = true;
        _parameters[i] = (name, parameter);
        return parameter;
    }

    /// <summary>Registers <paramref name="buffer"/> as <paramref name="name"/> (appended). PyTorch: register_buffer.</summary>
    internal Tensor AddBuffer(string name, Tensor buffer) => RegisterBuffer(name, buffer);

    /// <summary>Registers <paramref name="module"/> as <paramref name="name"/>, replacing (in place) a submodule of that name.</summary>
    internal T SetModule<T>(string name, T module) where T : Module
    {
        int i = Find(_modules, name);
        if (i < 0) return RegisterModule(name, module);
        ArgumentNullException.ThrowIfNull(module);
        _modules[i] = (name, module);
        return module;
    }

    /// <summary>Unregisters the parameter <paramref name="name"/>; false when there is none.</summary>
    internal bool RemoveParameter(string name) => RemoveAt(_parameters, name);

    /// <summary>Unregisters the buffer <paramref name="name"/>; false when there is none.</summary>
    internal bool RemoveBuffer(string name) => RemoveAt(_buffers, name);

    /// <summary>Unregisters the submodule <paramref name="name"/>; false when there is none.</summary>
    internal bool RemoveModule(string name)
    {
        int i = Find(_modules, name);
        if (i < 0) return false;
        _modules.RemoveAt(i);
        return true;
    }

    private static int Find<T>(List<(string Name, T Value)> entries, string name)
    {
        for (int i = 0; i < entries.Count; i++)
            if (entries[i].Name == name) return i;
        return -1;
    }

    private static bool RemoveAt(List<(string Name, Tensor Tensor)> entries, string name)
    {
        int i = Find(entries, name);
        if (i < 0) return false;
        entries.RemoveAt(i);
        return true;
    }
}
