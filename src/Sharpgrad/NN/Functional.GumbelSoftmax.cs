namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// A sample from the Gumbel-softmax distribution: softmax((logits + g) / tau) along <paramref name="dim"/>, g drawn
    /// as -log(Exp(1)) (SoftmaxBackward0). With <paramref name="hard"/> the result is the one-hot of its argmax, with the
    /// soft sample's gradient (straight-through: one_hot - soft.detach() + soft, AddBackward0). PyTorch: F.gumbel_softmax.
    /// </summary>
    public static Tensor GumbelSoftmax(Tensor logits, double tau = 1, bool hard = false, int dim = -1)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Tensor gumbels;
        using (Autograd.NoGrad())
        using (Tensor.NewScope()) gumbels = Tensor.Empty(logits.DType, logits.Sizes).Exponential_().Log().Neg().MoveToOuterScope();
        var soft = Softmax((logits + gumbels) / tau, dim);
        if (!hard) return soft;
        Tensor oneHot;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var (_, index) = soft.Max(dim, keepDim: true);
            oneHot = Tensor.ZerosLike(logits).ScatterAdd(dim, index, Tensor.OnesLike(index, logits.DType)).MoveToOuterScope();
        }
        return oneHot - soft.Detach() + soft;
    }
}
