namespace Sharpgrad.Optim;

/// <summary>
/// A group of parameters with options of its own, by PyTorch's names ("lr", "momentum", "weight_decay", Adam's
/// betas as "beta1"/"beta2", "eps", ...; flags as 1 or 0). An option the group does not set takes the optimizer's
/// constructor value when the group joins the optimizer (PyTorch's <c>defaults</c>); read and write options between
/// steps, e.g. <c>optimizer.ParamGroups[1]["lr"] = 1e-3</c>. Build one with an initializer:
/// <c>new ParamGroup(head.Parameters()) { ["lr"] = 1e-3 }</c>. PyTorch: an entry of optimizer.param_groups.
/// </summary>
public sealed class ParamGroup
{
    private readonly Tensor[] _parameters;
    private readonly Dictionary<string, double> _options = [];

    /// <summary>A group of <paramref name="parameters"/> with no options of its own yet.</summary>
    public ParamGroup(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        foreach (var p in _parameters) ArgumentNullException.ThrowIfNull(p, nameof(parameters));
    }

    /// <summary>The group's parameters, in order. PyTorch: group['params'].</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The group's options by name. PyTorch: the group's entries other than 'params'.</summary>
    public IReadOnlyDictionary<string, double> Options => _options;

    /// <summary>Reads or sets an option; reading one the group lacks throws <see cref="KeyNotFoundException"/>. PyTorch: group[name].</summary>
    public double this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return _options.TryGetValue(name, out double v) ? v : throw new KeyNotFoundException($"'{name}'");
        }
        set
        {
            ArgumentNullException.ThrowIfNull(name);
            if (name == "params") throw new ArgumentException("'params' is not an option: a group's parameters are fixed", nameof(name));
            _options[name] = value;
        }
    }

    /// <summary>The group's learning rate. PyTorch: group['lr'].</summary>
    public double LearningRate
    {
        get => this["lr"];
        set => this["lr"] = value;
    }

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> unless the group has it already. PyTorch: group.setdefault.</summary>
    internal double SetDefault(string name, double value) =>
        _options.TryGetValue(name, out double v) ? v : _options[name] = value;
}
