using System.Text;
using Sharpgrad.Serialization;

namespace Sharpgrad.NN;

/// <summary>
/// A neural-network building block: parameters, buffers and submodules registered explicitly, in
/// order (no run-time reflection, so it trims and compiles ahead of time). PyTorch: torch.nn.Module.
/// </summary>
public abstract partial class Module
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];
    private readonly List<(string Name, Module Module)> _modules = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>. PyTorch: module.training.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Computes the module's output. PyTorch: module.forward (module(x)).</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Registers <paramref name="parameter"/> under <paramref name="name"/>, makes it require grad, and returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckName(name);
        if (!parameter.IsLeaf)
            throw new ArgumentException($"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be created explicitly.");
        parameter.RequiresGrad = true;
        _parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a buffer: state saved in <see cref="StateDict"/> but not trained (BatchNorm's running statistics).</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CheckName(name);
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers a submodule; its parameters appear under "<paramref name="name"/>.".</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _modules.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.')) throw new ArgumentException($"module name can't contain \".\", got: {name}");
        if (_parameters.Exists(p => p.Name == name) || _buffers.Exists(b => b.Name == name) || _modules.Exists(m => m.Name == name))
            throw new ArgumentException($"attribute '{name}' already exists");
    }

    /// <summary>Direct submodules with their names, in registration order. PyTorch: named_children.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _modules;

    /// <summary>Direct submodules. PyTorch: children.</summary>
    public IEnumerable<Module> Children() => _modules.Select(m => m.Module);

    /// <summary>This module and every descendant, pre-order, with dotted names ("" for this one). PyTorch: named_modules.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules()
    {
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        return Walk("", this, seen);

        static IEnumerable<(string, Module)> Walk(string prefix, Module m, HashSet<Module> seen)
        {
            if (!seen.Add(m)) yield break;
            yield return (prefix, m);
            foreach (var (name, child) in m._modules)
                foreach (var item in Walk(prefix.Length == 0 ? name : prefix + "." + name, child, seen))
                    yield return item;
        }
    }

    /// <summary>This module and every descendant. PyTorch: modules.</summary>
    public IEnumerable<Module> Modules() => NamedModules().Select(m => m.Module);

    /// <summary>Every parameter with PyTorch's dotted name (<c>0.weight</c>, <c>encoder.layers.1.bias</c>), each once.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() => NamedMembers(m => m._parameters);

    /// <summary>Every parameter, each once, in registration order. PyTorch: parameters.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Every buffer with its dotted name. PyTorch: named_buffers.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() => NamedMembers(m => m._buffers);

    /// <summary>Every buffer. PyTorch: buffers.</summary>
    public IEnumerable<Tensor> Buffers() => NamedBuffers().Select(b => b.Buffer);

    private IEnumerable<(string, Tensor)> NamedMembers(Func<Module, List<(string Name, Tensor Tensor)>> members)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (prefix, module) in NamedModules())
            foreach (var (name, t) in members(module))
                if (seen.Add(t)) yield return (prefix.Length == 0 ? name : prefix + "." + name, t);
    }

    /// <summary>Sets training mode on this module and every descendant; returns this. PyTorch: train.</summary>
    public Module Train(bool on = true)
    {
        foreach (var m in Modules()) m.Training = on;
        return this;
    }

    /// <summary>Evaluation mode (Dropout off, BatchNorm uses running statistics); returns this. PyTorch: eval.</summary>
    public Module Eval() => Train(false);

    /// <summary>
    /// Sets every parameter's <c>Grad</c> to null, as PyTorch 2.x does, or with <paramref name="setToNone"/> false fills it
    /// with zeros in place. PyTorch: zero_grad(set_to_none).
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters()) p.ZeroGrad(setToNone);
    }

    /// <summary>Sets <c>RequiresGrad</c> on every parameter (freezing or unfreezing); returns this. PyTorch: requires_grad_.</summary>
    public Module RequiresGrad_(bool requiresGrad = true)
    {
        foreach (var p in Parameters()) p.RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>
    /// Converts every floating-point parameter and buffer (and each parameter's gradient) to the floating
    /// <paramref name="dtype"/> in place: the parameter objects stay the same, their data is replaced, as PyTorch's
    /// <c>param.data = param.data.to(dtype)</c>. Integer buffers (BatchNorm's num_batches_tracked) keep their dtype; returns
    /// this. Create optimizers afterwards, since their state keeps the old dtype. PyTorch: module.to(dtype).
    /// </summary>
    public Module To(DType dtype)
    {
        if (!dtype.IsFloatingPoint())
            throw new ArgumentException($"nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={dtype.TorchName()}");
        foreach (var m in Modules())
        {
            foreach (var (_, p) in m._parameters)
            {
                if (!p.DType.IsFloatingPoint() || p.DType == dtype) continue;
                p.ReplaceData(dtype);
                p.Grad?.ReplaceData(dtype);
            }
            foreach (var (_, b) in m._buffers)
                if (b.DType.IsFloatingPoint() && b.DType != dtype) b.ReplaceData(dtype);
        }
        return this;
    }

    /// <summary>Every floating parameter and buffer to Float64. PyTorch: module.double().</summary>
    public Module Double() => To(DType.Float64);

    /// <summary>Every floating parameter and buffer to Float32. PyTorch: module.float().</summary>
    public Module Float() => To(DType.Float32);

    /// <summary>Calls <paramref name="fn"/> on every submodule (children first) and then on this one; returns this. PyTorch: apply.</summary>
    public Module Apply(Action<Module> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        foreach (var (_, child) in _modules) child.Apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Saves <see cref="StateDict"/> to a safetensors file (atomically).</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null) => SafeTensors.Save(StateDict(), path, metadata);

    /// <summary>Loads a safetensors file written by <see cref="Save"/> (or by Python) into this module.</summary>
    public IncompatibleKeys Load(string path, bool strict = true)
    {
        var state = SafeTensors.Load(path);
        try
        {
            return LoadStateDict(state, strict);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }

    /// <summary>Extra text inside the parentheses of <see cref="ToString"/>, e.g. <c>in_features=2, out_features=3, bias=True</c>.</summary>
    protected virtual string ExtraRepr => "";

    /// <summary>The class name PyTorch prints for this module.</summary>
    internal virtual string ReprName => GetType().Name;

    /// <summary>PyTorch's printed form of the module tree.</summary>
    public override string ToString()
    {
        string name = ReprName, extra = ExtraRepr;
        if (_modules.Count == 0 && !extra.Contains('\n')) return $"{name}({extra})";
        var sb = new StringBuilder(name).Append("(\n");
        if (extra.Length > 0) sb.Append("  ").Append(extra.Replace("\n", "\n  ")).Append('\n');
        foreach (var (childName, child) in _modules)
            sb.Append("  (").Append(childName).Append("): ").Append(child.ToString().Replace("\n", "\n  ")).Append('\n');
        return sb.Append(')').ToString();
    }

    /// <summary>A float as Python prints it (<c>0.1</c>, <c>1e-05</c>, <c>1.0</c>), for <see cref="ExtraRepr"/>.</summary>
    internal static string PyFloat(double v)
    {
        string s = v.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e");
        if (double.IsFinite(v) && !s.Contains('.') && !s.Contains('e')) s += ".0";
        if (s.Contains("e-0") || s.Contains("e+0")) return s;
        int e = s.IndexOf('e');
        if (e >= 0 && s[e + 1] is '-' or '+' && s.Length - e - 2 == 1) s = s[..(e + 2)] + "0" + s[(e + 2)..];
        return s;
    }

    internal static string PyBool(bool b) => b ? "True" : "False";
}
