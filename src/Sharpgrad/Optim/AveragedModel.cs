using Sharpgrad.NN;

namespace Sharpgrad.Optim;

/// <summary>
/// Keeps a running average of a model's parameters (and optionally buffers) for stochastic weight averaging or an
/// exponential moving average. The average lives in <see cref="Module"/> (state dict keys "module.…") beside the
/// Int64 buffer "n_averaged". PyTorch: torch.optim.swa_utils.AveragedModel.
/// </summary>
public sealed class AveragedModel : Module
{
    private readonly Func<Tensor, Tensor, long, Tensor>? _avgFn;
    private readonly Action<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, long>? _multiAvgFn;
    private readonly Tensor _nAveraged;

    /// <summary>
    /// Averages <paramref name="model"/> into <paramref name="copy"/>, a separate module of the same architecture
    /// (PyTorch deep-copies the model; here the copy is given and <paramref name="model"/>'s state dict is loaded into it).
    /// <paramref name="avgFn"/> maps (averaged, current, number averaged so far) to the new average;
    /// <paramref name="multiAvgFn"/> updates lists of averaged tensors in place (one call per dtype); at most one of
    /// them, the running mean (<see cref="SwaUtils.GetSwaAvgFn"/>) by default. With <paramref name="useBuffers"/>
    /// buffers are averaged too; otherwise they are copied from the model at each update.
    /// </summary>
    public AveragedModel(Module model, Module copy, Func<Tensor, Tensor, long, Tensor>? avgFn = null,
        Action<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, long>? multiAvgFn = null, bool useBuffers = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(copy);
        if (avgFn is not null && multiAvgFn is not null)
            throw new ArgumentException("Only one of avg_fn and multi_avg_fn should be provided");
        if (ReferenceEquals(model, copy)) throw new ArgumentException("copy must be a separate module from model", nameof(copy));
        copy.LoadStateDict(model.StateDict());
        _nAveraged = RegisterBuffer("n_averaged", Tensor.Scalar(0L, DType.Int64));
        Module = RegisterModule("module", copy);
        _avgFn = avgFn;
        _multiAvgFn = multiAvgFn;
        UseBuffers = useBuffers;
    }

    /// <summary>The averaged copy of the model. PyTorch: module.</summary>
    public Module Module { get; }

    /// <summary>Whether buffers are averaged too. PyTorch: use_buffers.</summary>
    public bool UseBuffers { get; }

    /// <summary>Number of updates averaged so far. PyTorch: n_averaged.</summary>
    public long NAveraged => _nAveraged.Item<long>();

    /// <summary>Runs the averaged copy. PyTorch: forward.</summary>
    public override Tensor Forward(Tensor input) => Module.Call(input);

    /// <summary>
    /// Folds <paramref name="model"/>'s current parameters (and buffers with <see cref="UseBuffers"/>) into the
    /// average; the first update copies them. PyTorch: update_parameters.
    /// </summary>
    public void UpdateParameters(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long n = NAveraged;
        var mine = UseBuffers ? Module.Parameters().Concat(Module.Buffers()) : Module.Parameters();
        var theirs = UseBuffers ? model.Parameters().Concat(model.Buffers()) : model.Parameters();
        var averaged = new List<Tensor>();
        var current = new List<Tensor>();
        using (Autograd.NoGrad())
        {
            foreach (var (a, m) in mine.Zip(theirs))
            {
                averaged.Add(a.Detach());
                current.Add(m.Detach());
                if (n == 0) a.Detach().Copy_(m.Detach());
            }
            if (n > 0)
            {
                if (_avgFn is not null)
                    for (int i = 0; i < averaged.Count; i++) averaged[i].Copy_(_avgFn(averaged[i], current[i], n));
                else
                    foreach (var (a, m) in GroupByDType(averaged, current)) (_multiAvgFn ?? SwaUtils.GetSwaMultiAvgFn())(a, m, n);
            }
            if (!UseBuffers)
                foreach (var (a, m) in Module.Buffers().Zip(model.Buffers())) a.Detach().Copy_(m.Detach());
            _nAveraged.Add_(1);
        }
    }

    private static List<(List<Tensor>, List<Tensor>)> GroupByDType(List<Tensor> averaged, List<Tensor> current)
    {
        var groups = new List<(DType DType, List<Tensor> A, List<Tensor> M)>();
        for (int i = 0; i < averaged.Count; i++)
        {
            int g = groups.FindIndex(x => x.DType == averaged[i].DType);
            if (g < 0) { groups.Add((averaged[i].DType, [], [])); g = groups.Count - 1; }
            groups[g].A.Add(averaged[i]);
            groups[g].M.Add(current[i]);
        }
        return groups.ConvertAll(x => (x.A, x.M));
    }
}
