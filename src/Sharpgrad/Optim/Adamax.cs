using System.Runtime.CompilerServices;

namespace Sharpgrad.Optim;

/// <summary>
/// Adamax: Adam with an infinity norm, m = lerp(m, g, 1-β1), u = max(β2·u, |g| + eps), p -= lr/(1-β1ᵗ) · m / u,
/// with L2 weight decay added to the gradient. PyTorch's operation order. PyTorch: torch.optim.Adamax.
/// </summary>
public sealed class Adamax : BetaMomentOptimizer
{
    /// <summary>An Adamax optimizer over <paramref name="parameters"/> with PyTorch's defaults (lr 2e-3).</summary>
    [OverloadResolutionPriority(1)] // `[]` is an empty parameter list
    public Adamax(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(AdamOptions(lr, beta1, beta2, eps, weightDecay), OneGroup(parameters))
    {
    }

    /// <summary>An Adamax optimizer over <paramref name="paramGroups"/>; the other arguments are the options a group does not set.</summary>
    public Adamax(IEnumerable<ParamGroup> paramGroups, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        : this(AdamOptions(lr, beta1, beta2, eps, weightDecay), paramGroups)
    {
    }

    private Adamax((string, double)[] options, IEnumerable<ParamGroup> paramGroups) : base(options, paramGroups, "exp_avg", "exp_inf")
    {
    }

    private protected override void Update(int index, Tensor parameter, Tensor grad, ParamGroup group, double step, Tensor[] state)
    {
        var (m, u) = (state[0], state[1]);
        double weightDecay = group["weight_decay"], beta1 = group["beta1"];
        var g = weightDecay != 0 ? grad.Add(parameter, weightDecay) : grad;
        Lerp_(m, g, 1 - beta1);
        u.Copy_(u.Mul_(group["beta2"]).Maximum(g.Abs().Add_(group["eps"])));
        double clr = group.LearningRate / (1 - Math.Pow(beta1, step));
        parameter.Addcdiv_(m, u, -clr);
    }
}
