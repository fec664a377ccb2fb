namespace Sharpgrad.Optim;

/// <summary>
/// Settings the Adam relatives (Adamax, NAdam, RAdam) share: betas for the two running averages, eps and weight
/// decay, group options validated in PyTorch's order (eps, betas, weight decay) by <see cref="Optimizer"/>'s AdamOptions.
/// </summary>
public abstract class BetaMomentOptimizer : MomentOptimizer
{
    private protected BetaMomentOptimizer((string Name, double Value)[] options, IEnumerable<ParamGroup> paramGroups, params string[] stateNames)
        : base(options, paramGroups, stateNames)
    {
    }

    /// <summary>Decay of the first-moment average (the first group's).</summary>
    public double Beta1 => ParamGroups[0]["beta1"];

    /// <summary>Decay of the second average (the second moment; Adamax: the infinity norm; the first group's).</summary>
    public double Beta2 => ParamGroups[0]["beta2"];

    /// <summary>Added for numerical stability (to the denominator; Adamax: to |g|; the first group's).</summary>
    public double Eps => ParamGroups[0]["eps"];

    /// <summary>Weight decay (L2 on the gradient, or decoupled where the optimizer offers it; the first group's).</summary>
    public double WeightDecay => ParamGroups[0]["weight_decay"];
}
