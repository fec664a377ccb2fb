namespace Sharpgrad.Optim;

/// <summary>
/// Adamax: Adam with an infinity norm, m = lerp(m, g, 1-β1), u = max(β2·u, |g| + eps), p -= lr/(1-β1ᵗ) · m / u,
/// with L2 weight decay added to the gradient. PyTorch's operation order. PyTorch: torch.optim.Adamax.
/// </summary>
public sealed class Adamax : BetaMomentOptimizer
{
    /// <summary>An Adamax optimizer over <paramref name="parameters"/> with PyTorch's defaults (lr 2e-3).</summary>
    public Adamax(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : base(parameters, lr, beta1, beta2, eps, weightDecay, "exp_avg", "exp_inf")
    {
    }

    private protected override void Update(int index, Tensor parameter, Tensor grad, double step, Tensor[] state)
    {
        var (m, u) = (state[0], state[1]);
        var g = WeightDecay != 0 ? grad.Add(parameter, WeightDecay) : grad;
        Lerp_(m, g, 1 - Beta1);
        u.Copy_(u.Mul_(Beta2).Maximum(g.Abs().Add_(Eps)));
        double clr = LearningRate / (1 - Math.Pow(Beta1, step));
        parameter.Addcdiv_(m, u, -clr);
    }
}
