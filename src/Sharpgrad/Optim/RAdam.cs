using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Shared settings of NAdam and RAdam: Adam's betas, eps and weight decay, which is L2 on the gradient or, with
/// decoupledWeightDecay, p *= 1 - lr·wd first (AdamW style).
/// </summary>
public abstract class AdamFamilyOptimizer : BetaMomentOptimizer
{
    private protected AdamFamilyOptimizer((string Name, double Value)[] options, IEnumerable<ParamGroup> paramGroups)
        : base(options, paramGroups, "exp_avg", "exp_avg_sq")
    {
    }

    /// <summary>Whether weight decay shrinks the parameter directly instead of adding to the gradient (the first group's).</summary>
    public bool DecoupledWeightDecay => ParamGroups[0]["decoupled_weight_decay"] != 0;

    /// <summary>Applies the group's weight decay and updates both moments; returns the (possibly decayed) gradient.</summary>
    private protected static Tensor DecayAndUpdateMoments(Tensor parameter, Tensor grad, ParamGroup group, Tensor m, Tensor v)
    {
        var g = grad;
        double weightDecay = group["weight_decay"], beta2 = group["beta2"];
        if (weightDecay != 0)
        {
            if (group["decoupled_weight_decay"] != 0) parameter.Mul_(1 - group.LearningRate * weightDecay);
            else g = grad.Add(parameter, weightDecay);
        }
        Lerp_(m, g, 1 - group["beta1"]);
        v.Mul_(beta2).Addcmul_(g, g, 1 - beta2);
        return g;
    }
}

/// <summary>
/// RAdam: Adam with the variance rectified; while the SMA length ρₜ ≤ 5 the step is plain momentum SGD with the
/// bias-corrected average, afterwards the adaptive step times the rectification term. PyTorch: torch.optim.RAdam.
/// </summary>
public sealed class RAdam : AdamFamilyOptimizer
{
    /// <summary>A RAdam optimizer over <paramref name="parameters"/> with PyTorch's defaults.</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public RAdam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        bool decoupledWeightDecay = false)
        : base(AdamOptions(lr, beta1, beta2, eps, weightDecay, ("decoupled_weight_decay", decoupledWeightDecay ? 1 : 0)), OneGroup(parameters))
    {
    }

    /// <summary>A RAdam optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public RAdam(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        bool decoupledWeightDecay = false)
        : base(AdamOptions(lr, beta1, beta2, eps, weightDecay, ("decoupled_weight_decay", decoupledWeightDecay ? 1 : 0)), paramGroups)
    {
    }

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var (m, v) = (state[0], state[1]);
        DecayAndUpdateMoments(parameter, grad, group, m, v);
        double lr = group.LearningRate, beta2 = group["beta2"];
        double bc1 = 1 - Math.Pow(group["beta1"], step), bc2 = 1 - Math.Pow(beta2, step);
        var corrected = m / bc1;
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.Pow(beta2, step) / bc2;
        if (rhoT > 5.0)
        {
            double rect = Math.Pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5);
            var adaptive = v.Sqrt().Add_(group["eps"]).Reciprocal().Mul_(Math.Pow(bc2, 0.5)); // Python's scalar / tensor
            parameter.Add_((corrected * lr).Mul_(adaptive).Mul_(rect), -1.0);
        }
        else parameter.Add_(corrected * lr, -1.0);
    }
}

/// <summary>
/// NAdam: Adam with Nesterov momentum and the momentum schedule μₜ = β1·(1 - ½·0.96^(t·momentumDecay)); the product
/// of the μ is kept in float32 as PyTorch keeps it, so trajectories match. PyTorch: torch.optim.NAdam.
/// </summary>
public sealed class NAdam : AdamFamilyOptimizer
{
    private readonly ParameterSlots<float> _muProduct;

    /// <summary>A NAdam optimizer over <paramref name="parameters"/> with PyTorch's defaults (lr 2e-3).</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public NAdam(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        double momentumDecay = 4e-3, bool decoupledWeightDecay = false)
        : this(Options(lr, beta1, beta2, eps, weightDecay, momentumDecay, decoupledWeightDecay), OneGroup(parameters))
    {
    }

    /// <summary>A NAdam optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public NAdam(IEnumerable<ParamGroup> paramGroups, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0,
        double momentumDecay = 4e-3, bool decoupledWeightDecay = false)
        : this(Options(lr, beta1, beta2, eps, weightDecay, momentumDecay, decoupledWeightDecay), paramGroups)
    {
    }

    private NAdam((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups) => _muProduct = Slots<float>();

    private static (string, double)[] Options(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay, bool decoupledWeightDecay)
    {
        var options = AdamOptions(lr, beta1, beta2, eps, weightDecay);
        CheckNonNegative(momentumDecay, "momentum_decay", nameof(momentumDecay));
        return [.. options, ("momentum_decay", momentumDecay), ("decoupled_weight_decay", decoupledWeightDecay ? 1 : 0)];
    }

    /// <summary>Speed at which the momentum schedule approaches β1 (the first group's).</summary>
    public double MomentumDecay => ParamGroups[0]["momentum_decay"];

    private protected override IEnumerable<string> ExtraStateNames => ["mu_product"];

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var (m, v) = (state[0], state[1]);
        if (step == 1) _muProduct[index] = 1f;
        double lr = group.LearningRate, beta1 = group["beta1"], momentumDecay = group["momentum_decay"];
        double bc2 = 1 - Math.Pow(group["beta2"], step);
        double mu = beta1 * (1.0 - 0.5 * Math.Pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.Pow(0.96, (step + 1) * momentumDecay));
        _muProduct[index] *= (float)mu;
        var g = DecayAndUpdateMoments(parameter, grad, group, m, v);
        var denom = v.Div(bc2).Sqrt_().Add_(group["eps"]);
        double muProduct = _muProduct[index], muProductNext = muProduct * muNext;
        parameter.Addcdiv_(g, denom, -lr * (1.0 - mu) / (1.0 - muProduct));
        parameter.Addcdiv_(m, denom, -lr * muNext / (1.0 - muProductNext));
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
