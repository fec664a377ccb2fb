namespace Sharpgrad.Optim;

/// <summary>
/// Settings the Adam relatives (Adamax, NAdam, RAdam) share: betas for the two running averages, eps and weight
/// decay, validated in PyTorch's order (eps, betas, weight decay) and exposed as hyper-parameters.
/// </summary>
public abstract class BetaMomentOptimizer : MomentOptimizer
{
    private protected BetaMomentOptimizer(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weightDecay,
        params string[] stateNames)
        : base(parameters, lr, stateNames)
    {
        CheckNonNegative(eps, "epsilon", nameof(eps));
        CheckBetas(beta1, beta2);
        CheckNonNegative(weightDecay, "weight_decay", nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    /// <summary>Decay of the first-moment average.</summary>
    public double Beta1 { get; private set; }

    /// <summary>Decay of the second average (the second moment; Adamax: the infinity norm).</summary>
    public double Beta2 { get; private set; }

    /// <summary>Added for numerical stability (to the denominator; Adamax: to |g|).</summary>
    public double Eps { get; private set; }

    /// <summary>Weight decay (L2 on the gradient, or decoupled where the optimizer offers it).</summary>
    public double WeightDecay { get; private set; }

    /// <inheritdoc/>
    protected override IEnumerable<(string Name, double Value)> Hyperparameters() =>
        [("beta1", Beta1), ("beta2", Beta2), ("eps", Eps), ("weight_decay", WeightDecay)];

    /// <inheritdoc/>
    protected override void SetHyperparameter(string name, double value)
    {
        switch (name)
        {
            case "beta1": Beta1 = value; break;
            case "beta2": Beta2 = value; break;
            case "eps": Eps = value; break;
            case "weight_decay": WeightDecay = value; break;
        }
    }
}
