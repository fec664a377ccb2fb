namespace Sharpgrad.Optim;

/// <summary>
/// Shared settings of NAdam and RAdam: Adam's betas, eps and weight decay, which is L2 on the gradient or, with
/// decoupledWeightDecay, p *= 1 - lr·wd first (AdamW style).
/// </summary>
public abstract class AdamFamilyOptimizer : BetaMomentOptimizer
{
    private protected AdamFamilyOptimizer(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weightDecay,
        bool decoupledWeightDecay)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, "exp_avg", "exp_avg_sq")
    {
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>Whether weight decay shrinks the parameter directly instead of adding to the gradient.</summary>
    public bool DecoupledWeightDecay { get; private set; }

    /// <summary>Applies the weight decay and updates both moments; returns the (possibly decayed) gradient.</summary>
    private protected Tensor DecayAndUpdateMoments(Tensor parameter, Tensor grad, Tensor m, Tensor v)
    {
        var g = grad;
        if (WeightDecay != 0)
        {
            if (DecoupledWeightDecay) parameter.Mul_(1 - LearningRate * WeightDecay);
            else g = grad.Add(parameter, WeightDecay);
        }
        Lerp_(m, g, 1 - Beta1);
        v.Mul_(Beta2).Addcmul_(g, g, 1 - Beta2);
        return g;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        base.Hyperparameters().Append(("decoupled_weight_decay", DecoupledWeightDecay ? 1 : 0));

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        if (name == "decoupled_weight_decay") DecoupledWeightDecay = value != 0;
        else base.SetHyperparameter(name, value);
    }
}

/// <summary>
/// RAdam: Adam with the variance rectified; while the SMA length ρₜ ≤ 5 the step is plain momentum SGD with the
/// bias-corrected average, afterwards the adaptive step times the rectification term. PyTorch: torch.optim.RAdam.
/// </summary>
public sealed class RAdam : AdamFamilyOptimizer
{
    /// <summary>A RAdam optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    public RAdam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        bool decoupledWeightDecay = false)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay)
    {
    }

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var (m, v) = (state[0], state[1]);
        DecayAndUpdateMoments(parameter, grad, m, v);
        double bc1 = 1 - Math.Pow(Beta1, step), bc2 = 1 - Math.Pow(Beta2, step);
        var corrected = m / bc1;
        double rhoInf = 2 / (1 - Beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.Pow(Beta2, step) / bc2;
        if (rhoT > 5.0)
        {
            double rect = Math.Pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5);
            var adaptive = v.Sqrt().Add_(Eps).Reciprocal().Mul_(Math.Pow(bc2, 0.5)); // Python's scalar / tensor
            parameter.Add_((corrected * LearningRate).Mul_(adaptive).Mul_(rect), -1.0);
        }
        else parameter.Add_(corrected * LearningRate, -1.0);
    }
}

/// <summary>
/// NAdam: Adam with Nesterov momentum and the momentum schedule μₜ = β1·(1 - ½·0.96^(t·momentumDecay)); the product
/// of the μ is kept in float32 as PyTorch keeps it, so trajectories match. PyTorch: torch.optim.NAdam.
/// </summary>
public sealed class NAdam : AdamFamilyOptimizer
{
    private readonly float[] _muProduct;

    /// <summary>A NAdam optimizer over <paramref name="parameters"/> with PyTorch's defaults (lr 2e-3).</summary>
    public NAdam(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        double momentumDecay = 4e-3, bool decoupledWeightDecay = false)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay)
    {
        CheckNonNegative(momentumDecay, "momentum_decay", nameof(momentumDecay));
        MomentumDecay = momentumDecay;
        _muProduct = Enumerable.Repeat(1f, Parameters.Count).ToArray();
    }

    /// <summary>Speed at which the momentum schedule approaches β1.</summary>
    public double MomentumDecay { get; private set; }

    private protected override IEnumerable<string> ExtraStateNames => ["mu_product"];

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var (m, v) = (state[0], state[1]);
        if (step == 1) _muProduct[index] = 1f;
        double bc2 = 1 - Math.Pow(Beta2, step);
        double mu = Beta1 * (1.0 - 0.5 * Math.Pow(0.96, step * MomentumDecay));
        double muNext = Beta1 * (1.0 - 0.5 * Math.Pow(0.96, (step + 1) * MomentumDecay));
        _muProduct[index] *= (float)mu;
        var g = DecayAndUpdateMoments(parameter, grad, m, v);
        var denom = v.Div(bc2).Sqrt_().Add_(Eps);
        double muProduct = _muProduct[index], muProductNext = muProduct * muNext;
        parameter.Addcdiv_(g, denom, -LearningRate * (1.0 - mu) / (1.0 - muProduct));
        parameter.Addcdiv_(m, denom, -LearningRate * muNext / (1.0 - muProductNext));
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        base.Hyperparameters().Append(("momentum_decay", MomentumDecay));

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        if (name == "momentum_decay") MomentumDecay = value;
        else base.SetHyperparameter(name, value);
    }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, Tensor Value)> SaveState(int index)
    {
        var saved = base.SaveState(index).ToList();
        return saved.Count == 0 ? saved : saved.Append(("mu_product", Tensor.Scalar(_muProduct[index])));
    }

    /// <inheritdoc/>
    protected override void LoadState(int index, IReadOnlyDictionary<string, Tensor> state)
    {
        base.LoadState(index, state);
        _muProduct[index] = state.TryGetValue("mu_product", out var mp) ? (float)mp.To(DType.Float64).Item<double>() : 1f;
    }
}
