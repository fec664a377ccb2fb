using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// L-BFGS: each <see cref="Step(Func{Tensor})"/> runs up to maxIter quasi-Newton iterations on all parameters as one
/// flat vector, the direction from the last historySize curvature pairs (two-loop recursion, initial Hessian scale
/// yᵀs/yᵀy), the step either fixed (lr, the first ever lr·min(1, 1/‖g‖₁)) or chosen by a strong-Wolfe line search.
/// It stops early on tiny gradients (toleranceGrad), tiny changes (toleranceChange) or maxEval closure calls. A port
/// of PyTorch's algorithm and operation order; scalars are kept in double, so Float64 trajectories match PyTorch and
/// Float32 ones can differ in the last bits. Its global state lives under parameter 0, as in PyTorch.
/// PyTorch: torch.optim.LBFGS.
/// </summary>
public sealed class LBFGS : Optimizer
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string>
        { "func_evals", "n_iter", "d", "t", "old_dirs", "old_stps", "ro", "H_diag", "prev_flat_grad", "prev_loss", "al" };

    private bool _started;
    private int _funcEvals, _nIter;
    private Tensor? _d, _prevFlatGrad;
    private double? _t, _hDiag, _prevLoss;
    private List<Tensor>? _oldDirs, _oldStps;
    private List<double>? _ro;
    private double?[]? _al;

    private readonly string? _lineSearchFn;

    /// <summary>An L-BFGS optimizer over <paramref name="parameters"/> with PyTorch's defaults (maxEval: maxIter·5/4, floored).</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public LBFGS(IEnumerable<Tensor> parameters, double lr = 1, int maxIter = 20, int? maxEval = null, double toleranceGrad = 1e-7,
        double toleranceChange = 1e-9, int historySize = 100, string? lineSearchFn = null)
        : base(Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearchFn), OneGroup(parameters)) =>
        _lineSearchFn = lineSearchFn;

    /// <summary>
    /// An L-BFGS optimizer over one group (<paramref name="paramGroups"/> must hold exactly one, as in PyTorch: "LBFGS doesn't
    /// support per-parameter options (parameter groups)"); the other arguments are the options the group does not set.
    /// </summary>
    public LBFGS(IEnumerable<ParamGroup> paramGroups, double lr = 1, int maxIter = 20, int? maxEval = null, double toleranceGrad = 1e-7,
        double toleranceChange = 1e-9, int historySize = 100, string? lineSearchFn = null)
        : base(Options(lr, maxIter, maxEval, toleranceGrad, toleranceChange, historySize, lineSearchFn), paramGroups) =>
        _lineSearchFn = lineSearchFn;

    private static (string, double)[] Options(double lr, int maxIter, int? maxEval, double toleranceGrad, double toleranceChange, int historySize,
        string? lineSearchFn) =>
    [
        ("lr", CheckLearningRate(lr)), ("max_iter", maxIter), ("max_eval", maxEval ?? (int)Math.Floor(maxIter * 5 / 4.0)),
        ("tolerance_grad", toleranceGrad), ("tolerance_change", toleranceChange), ("history_size", historySize),
        ("line_search_fn", lineSearchFn switch { null => 0, "strong_wolfe" => 1, _ => -1 }),
    ];

    /// <summary>L-BFGS has one group of parameters: <see cref="Optimizer.AddParamGroup(ParamGroup)"/> throws.</summary>
    private protected override bool SupportsParamGroups => false;

    /// <summary>Most iterations per step.</summary>
    public int MaxIter => (int)ParamGroups[0]["max_iter"];

    /// <summary>Most closure evaluations per step.</summary>
    public int MaxEval => (int)ParamGroups[0]["max_eval"];

    /// <summary>Stop when the largest gradient magnitude is at most this.</summary>
    public double ToleranceGrad => ParamGroups[0]["tolerance_grad"];

    /// <summary>Stop when the loss or the parameters change by less than this.</summary>
    public double ToleranceChange => ParamGroups[0]["tolerance_change"];

    /// <summary>Number of curvature pairs remembered.</summary>
    public int HistorySize => (int)ParamGroups[0]["history_size"];

    /// <summary>
    /// "strong_wolfe" or null (fixed steps); any other name fails in <see cref="Step(Func{Tensor})"/>, as in PyTorch. Saved as
    /// the option "line_search_fn": 0 none, 1 strong_wolfe, -1 another name.
    /// </summary>
    public string? LineSearchFn => ParamGroups[0]["line_search_fn"] switch { 0 => null, 1 => "strong_wolfe", _ => _lineSearchFn };

    /// <summary>L-BFGS re-evaluates the model, so it cannot step without a closure: always throws.</summary>
    public override void Step() =>
        throw new InvalidOperationException("LBFGS.Step needs a closure that reevaluates the model and returns the loss: call Step(closure)");

    /// <inheritdoc/>
    protected override void Update(int index, Tensor parameter, Tensor grad) => Step();

    /// <summary>
    /// Runs one L-BFGS optimization step; <paramref name="closure"/> must zero the gradients, compute the loss, call
    /// Backward and return the loss (it runs with gradients enabled). Returns the loss of the first evaluation.
    /// PyTorch: LBFGS.step(closure).
    /// </summary>
    public Tensor Step(Func<Tensor> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        RunStepPreHooks();
        var loss = StepWith(closure);
        RunStepPostHooks();
        return loss;
    }

    private Tensor StepWith(Func<Tensor> closure)
    {
        using var noGrad = Autograd.NoGrad();
        double lr = LearningRate, tolChange = ToleranceChange;
        _started = true;

        // evaluate initial f(x) and df/dx
        var origLoss = Autograd.EnableGrad(closure);
        double loss = origLoss.Item();
        int currentEvals = 1;
        _funcEvals++;
        var flatGrad = GatherFlatGrad();
        bool optCond = AbsMax(flatGrad) <= ToleranceGrad;
        if (optCond) return origLoss;

        var (d, t, hDiag, prevFlatGrad, prevLoss) = (_d, _t, _hDiag, _prevFlatGrad, _prevLoss);
        var (oldDirs, oldStps, ro) = (_oldDirs, _oldStps, _ro);
        int nIter = 0;
        while (nIter < MaxIter)
        {
            nIter++;
            _nIter++;
            // compute the descent direction
            if (_nIter == 1)
            {
                d = flatGrad.Neg();
                (oldDirs, oldStps, ro, hDiag) = ([], [], [], 1);
            }
            else
            {
                var y = flatGrad.Sub(prevFlatGrad!);
                var s = d!.Mul(t!.Value);
                double ys = StrongWolfe.Dot(y, s);
                if (ys > 1e-10)
                {
                    if (oldDirs!.Count == HistorySize)
                    {
                        // shift the history by one (limited memory)
                        oldDirs.RemoveAt(0);
                        oldStps!.RemoveAt(0);
                        ro!.RemoveAt(0);
                    }
                    oldDirs.Add(y.DetachFromScopes());
                    oldStps!.Add(s.DetachFromScopes());
                    ro!.Add(1.0 / ys);
                    hDiag = ys / StrongWolfe.Dot(y, y);
                }
                d = TwoLoop(flatGrad, oldDirs!, oldStps!, ro!, hDiag!.Value);
            }
            if (prevFlatGrad is null) prevFlatGrad = flatGrad.Clone().DetachFromScopes();
            else prevFlatGrad.Copy_(flatGrad);
            prevLoss = loss;

            // compute the step length
            t = _nIter == 1 ? StrongWolfe.PyMin(1.0, 1.0 / AbsSum(flatGrad)) * lr : lr;
            double gtd = StrongWolfe.Dot(flatGrad, d);
            if (gtd > -tolChange) break; // directional derivative below tolerance

            int lsEvals = 0;
            if (LineSearchFn is not null)
            {
                if (LineSearchFn != "strong_wolfe") throw new InvalidOperationException("only 'strong_wolfe' is supported");
                var xInit = Parameters.Select(p => p.Clone()).ToArray();
                var direction = d;
                double lsT;
                (loss, flatGrad, lsT, lsEvals) = StrongWolfe.Search(step => DirectionalEvaluate(closure, xInit, step, direction), t.Value, d, loss, flatGrad, gtd);
                t = lsT;
                AddGrad(lsT, d);
                optCond = AbsMax(flatGrad) <= ToleranceGrad;
            }
            else
            {
                // no line search: move by the fixed step, re-evaluating except in the last iteration
                AddGrad(t.Value, d);
                if (nIter != MaxIter)
                {
                    loss = Autograd.EnableGrad(closure).Item();
                    flatGrad = GatherFlatGrad();
                    optCond = AbsMax(flatGrad) <= ToleranceGrad;
                    lsEvals = 1;
                }
            }
            currentEvals += lsEvals;
            _funcEvals += lsEvals;

            // check the stopping conditions
            if (nIter == MaxIter) break;
            if (currentEvals >= MaxEval) break;
            if (optCond) break;
            using (var moved = d.Mul(t.Value))
                if (AbsMax(moved) <= tolChange) break; // lack of progress
            if (Math.Abs(loss - prevLoss!.Value) < tolChange) break;
        }
        if (!ReferenceEquals(d, _d)) _d?.Dispose();
        (_d, _t, _hDiag, _prevFlatGrad, _prevLoss) = (d?.DetachFromScopes(), t, hDiag, prevFlatGrad, prevLoss);
        (_oldDirs, _oldStps, _ro) = (oldDirs, oldStps, ro);
        return origLoss;
    }

    /// <summary>The two-loop recursion: -H·g from the curvature pairs, H₀ = hDiag·I.</summary>
    private Tensor TwoLoop(Tensor flatGrad, List<Tensor> oldDirs, List<Tensor> oldStps, List<double> ro, double hDiag)
    {
        int numOld = oldDirs.Count;
        var al = _al ??= new double?[HistorySize];
        var q = flatGrad.Neg();
        for (int i = numOld - 1; i >= 0; i--)
        {
            al[i] = StrongWolfe.Dot(oldStps[i], q) * ro[i];
            q.Add_(oldDirs[i], -al[i]!.Value);
        }
        var r = q.Mul(hDiag);
        for (int i = 0; i < numOld; i++)
        {
            double be = StrongWolfe.Dot(oldDirs[i], r) * ro[i];
            r.Add_(oldStps[i], al[i]!.Value - be);
        }
        return r;
    }

    /// <summary>All gradients as one flat vector (zeros for a parameter without one). PyTorch: _gather_flat_grad.</summary>
    private Tensor GatherFlatGrad()
    {
        var views = new Tensor[Parameters.Count];
        for (int i = 0; i < views.Length; i++)
        {
            var p = Parameters[i];
            views[i] = p.GradValue is { } g ? g.View(-1) : Tensor.Zeros([(int)p.NumElements], p.DType);
        }
        return Tensor.Cat(views);
    }

    /// <summary>p += step · (p's slice of <paramref name="update"/>) for every parameter. PyTorch: _add_grad.</summary>
    private void AddGrad(double step, Tensor update)
    {
        long offset = 0;
        foreach (var p in Parameters)
        {
            long n = p.NumElements;
            using var slice = update.Slice(0, offset, offset + n);
            using var view = slice.ViewAs(p);
            p.Add_(view, step);
            offset += n;
        }
    }

    /// <summary>The loss and flat gradient at x + t·d, then the parameters are restored to x. PyTorch: _directional_evaluate.</summary>
    private (double Loss, Tensor Grad) DirectionalEvaluate(Func<Tensor> closure, Tensor[] x, double t, Tensor d)
    {
        AddGrad(t, d);
        double loss = Autograd.EnableGrad(closure).Item();
        var flatGrad = GatherFlatGrad();
        for (int i = 0; i < x.Length; i++) Parameters[i].Copy_(x[i]);
        return (loss, flatGrad);
    }

    private static double AbsMax(Tensor x)
    {
        using var a = x.Abs();
        using var m = a.Max();
        return m.Item();
    }

    private static double AbsSum(Tensor x)
    {
        using var a = x.Abs();
        using var s = a.Sum();
        return s.Item();
    }

    /// <inheritdoc/>
    protected override IReadOnlySet<string> StateNames => Names;

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index)
    {
        if (index != 0 || !_started) yield break;
        yield return ("func_evals", Tensor.Scalar(_funcEvals, DType.Int64));
        yield return ("n_iter", Tensor.Scalar(_nIter, DType.Int64));
        if (_d is { } d) yield return ("d", d.Clone());
        if (_t is { } t) yield return ("t", Tensor.Scalar(t, DType.Float64));
        if (_oldDirs is { } dirs) yield return ("old_dirs", Stacked(dirs));
        if (_oldStps is { } stps) yield return ("old_stps", Stacked(stps));
        if (_ro is { } ro) yield return ("ro", Tensor.FromArray(ro.ToArray()).To(Parameters[0].DType));
        if (_hDiag is { } h) yield return ("H_diag", Tensor.Scalar(h, DType.Float64));
        if (_prevFlatGrad is { } pg) yield return ("prev_flat_grad", pg.Clone());
        if (_prevLoss is { } pl) yield return ("prev_loss", Tensor.Scalar(pl, DType.Float64));
        if (_al is { } al) yield return ("al", Tensor.FromArray(al.Select(a => a ?? double.NaN).ToArray()).To(Parameters[0].DType));
    }

    /// <summary>A history list as one [k, n] tensor.</summary>
    private Tensor Stacked(List<Tensor> rows) =>
        rows.Count == 0 ? Tensor.Zeros([0, NumElements], Parameters[0].DType) : Tensor.Stack([.. rows]);

    /// <summary>Number of elements of all parameters together (the flat vector's length).</summary>
    private int NumElements => (int)Parameters.Sum(p => p.NumElements);

    /// <inheritdoc/>
    private protected override void CheckStateShape(int index, string name, Tensor value)
    {
        int[] expected = name switch
        {
            "d" or "prev_flat_grad" => [NumElements],
            "old_dirs" or "old_stps" => [value.Dim == 2 ? value.Size(0) : -1, NumElements],
            "ro" or "al" => [value.Dim == 1 ? value.Size(0) : -1],
            _ => [],
        };
        if (!value.Shape.SequenceEqual(expected))
            throw new ArgumentException($"state {name} of parameter {index} has shape {Errors.Shape(value.Sizes)} but LBFGS expects {Errors.Shape(expected)}", "stateDict");
    }

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        if (index != 0) return;
        _d?.Dispose();
        _prevFlatGrad?.Dispose();
        _started = state.Count > 0;
        _funcEvals = state.TryGetValue("func_evals", out var fe) ? (int)fe.Item() : 0;
        _nIter = state.TryGetValue("n_iter", out var ni) ? (int)ni.Item() : 0;
        _d = state.GetValueOrDefault("d")?.DetachFromScopes();
        _prevFlatGrad = state.GetValueOrDefault("prev_flat_grad")?.DetachFromScopes();
        _t = state.TryGetValue("t", out var t) ? t.Item() : null;
        _hDiag = state.TryGetValue("H_diag", out var h) ? h.Item() : null;
        _prevLoss = state.TryGetValue("prev_loss", out var pl) ? pl.Item() : null;
        _oldDirs = state.TryGetValue("old_dirs", out var dirs) ? Rows(dirs) : null;
        _oldStps = state.TryGetValue("old_stps", out var stps) ? Rows(stps) : null;
        _ro = state.TryGetValue("ro", out var ro) ? [.. ro.To(DType.Float64).ToArray<double>()] : null;
        _al = state.TryGetValue("al", out var al) ? al.To(DType.Float64).ToArray<double>().Select(a => double.IsNaN(a) ? (double?)null : a).ToArray() : null;
    }

    /// <summary>The rows of a [k, n] history tensor as separate flat vectors.</summary>
    private static List<Tensor> Rows(Tensor stacked)
    {
        var rows = new List<Tensor>(stacked.Size(0));
        for (int i = 0; i < stacked.Size(0); i++) rows.Add(stacked.Select(0, i).Clone().DetachFromScopes());
        return rows;
    }
}
