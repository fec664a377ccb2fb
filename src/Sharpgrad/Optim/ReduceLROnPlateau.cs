using System.Globalization;

namespace Sharpgrad.Optim;

/// <summary>
/// Lowers every group's learning rate by <see cref="Factor"/> once a metric has stopped improving for more than
/// <see cref="Patience"/> epochs (then waits <see cref="Cooldown"/> epochs). Call <see cref="Step"/> with the metric
/// after each validation. PyTorch: torch.optim.lr_scheduler.ReduceLROnPlateau.
/// </summary>
public sealed class ReduceLROnPlateau
{
    private double[] _lastLrs;

    /// <summary>A plateau schedule with PyTorch's defaults; mode "min" or "max", thresholdMode "rel" or "abs".</summary>
    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
        string thresholdMode = "rel", int cooldown = 0, double minLr = 0, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(thresholdMode);
        if (factor >= 1.0) throw new ArgumentException("Factor should be < 1.0.");
        if (mode is not ("min" or "max")) throw new ArgumentException($"mode {mode} is unknown!");
        if (thresholdMode is not ("rel" or "abs")) throw new ArgumentException($"threshold mode {thresholdMode} is unknown!");
        Optimizer = optimizer;
        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinLearningRate = minLr;
        Eps = eps;
        Best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
        _lastLrs = Rates();
    }

    /// <summary>The optimizer whose rate is scheduled.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>"min": lower metrics are better; "max": higher.</summary>
    public string Mode { get; }

    /// <summary>Multiplier applied to the rate on a plateau.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement tolerated before lowering the rate.</summary>
    public int Patience { get; }

    /// <summary>How much better a metric must be to count as an improvement.</summary>
    public double Threshold { get; }

    /// <summary>"rel": relative to the best; "abs": absolute.</summary>
    public string ThresholdMode { get; }

    /// <summary>Epochs to wait after a reduction before counting again.</summary>
    public int Cooldown { get; }

    /// <summary>The rate never goes below this.</summary>
    public double MinLearningRate { get; }

    /// <summary>Reductions smaller than this are skipped.</summary>
    public double Eps { get; }

    /// <summary>Best metric so far.</summary>
    public double Best { get; private set; }

    /// <summary>Consecutive epochs without improvement.</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>Epochs of cooldown left.</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>Number of <see cref="Step"/> calls. PyTorch: last_epoch.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The first group's rate after the last step. PyTorch: get_last_lr()[0].</summary>
    public double LastLearningRate => _lastLrs[0];

    /// <summary>Each parameter group's rate after the last step. PyTorch: get_last_lr().</summary>
    public IReadOnlyList<double> LastLearningRates => Array.AsReadOnly(_lastLrs);

    private double[] Rates() => Optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>Records one epoch's metric and lowers the rate if it has plateaued. PyTorch: scheduler.step(metric).</summary>
    public void Step(double metric)
    {
        LastEpoch++;
        if (IsBetter(metric))
        {
            Best = metric;
            NumBadEpochs = 0;
        }
        else NumBadEpochs++;
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            NumBadEpochs = 0;
        }
        if (NumBadEpochs > Patience)
        {
            foreach (var group in Optimizer.ParamGroups)
            {
                double old = group.LearningRate, next = Math.Max(old * Factor, MinLearningRate);
                if (old - next > Eps) group.LearningRate = next;
            }
            CooldownCounter = Cooldown;
            NumBadEpochs = 0;
        }
        _lastLrs = Rates();
    }

    private bool IsBetter(double a) => (Mode, ThresholdMode) switch
    {
        ("min", "rel") => a < Best * (1 - Threshold),
        ("min", _) => a < Best - Threshold,
        ("max", "rel") => a > Best * (Threshold + 1),
        _ => a > Best + Threshold,
    };

    /// <summary>Progress as tensors ("best", "num_bad_epochs", "cooldown_counter", "last_epoch", "_last_lr"). PyTorch: state_dict.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() => new Dictionary<string, Tensor>
    {
        ["best"] = Tensor.Scalar(Best, DType.Float64),
        ["num_bad_epochs"] = Tensor.Scalar(NumBadEpochs, DType.Int64),
        ["cooldown_counter"] = Tensor.Scalar(CooldownCounter, DType.Int64),
        ["last_epoch"] = Tensor.Scalar(LastEpoch, DType.Int64),
        ["_last_lr"] = Tensor.FromArray(_lastLrs.ToArray()),
    };

    /// <summary>Restores a <see cref="StateDict"/>; all keys must be present and nothing changes on error. PyTorch: load_state_dict.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        string[] keys = ["best", "num_bad_epochs", "cooldown_counter", "last_epoch", "_last_lr"];
        foreach (var key in stateDict.Keys)
            if (Array.IndexOf(keys, key) < 0) throw new ArgumentException($"unexpected key in ReduceLROnPlateau state_dict: \"{key}\"", nameof(stateDict));
        var v = new Dictionary<string, double>();
        double[]? lastLrs = null;
        foreach (var key in keys)
        {
            if (!stateDict.TryGetValue(key, out var t)) throw new ArgumentException($"missing key in ReduceLROnPlateau state_dict: \"{key}\"", nameof(stateDict));
            t.ThrowIfDisposed();
            if (key == "_last_lr")
            {
                if (t.NumElements != _lastLrs.Length)
                    throw new ArgumentException($"ReduceLROnPlateau state_dict entry \"_last_lr\" must hold one value per parameter group ({_lastLrs.Length})", nameof(stateDict));
                lastLrs = t.To(DType.Float64).Flatten().ToArray<double>();
                continue;
            }
            if (t.NumElements != 1) throw new ArgumentException($"ReduceLROnPlateau state_dict entry \"{key}\" must hold one value", nameof(stateDict));
            v[key] = t.To(DType.Float64).Flatten().Item<double>();
            if (key != "best" && (v[key] < 0 || v[key] != Math.Floor(v[key])))
                throw new ArgumentException($"ReduceLROnPlateau state_dict entry \"{key}\" must be a non-negative integer, got {v[key].ToString(CultureInfo.InvariantCulture)}", nameof(stateDict));
        }
        Best = v["best"];
        NumBadEpochs = (int)v["num_bad_epochs"];
        CooldownCounter = (int)v["cooldown_counter"];
        LastEpoch = (int)v["last_epoch"];
        _lastLrs = lastLrs!;
    }
}
