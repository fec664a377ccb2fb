using Sharpgrad.Ops;

namespace Sharpgrad.NN;

public static partial class Functional
{
    /// <summary>
    /// Randomized leaky ReLU (RreluWithNoiseBackward0): x for x &gt; 0, else a·x, with a drawn per element uniformly
    /// from [lower, upper] in training and (lower + upper) / 2 otherwise. PyTorch: F.rrelu.
    /// </summary>
    public static Tensor Rrelu(Tensor x, double lower = 1.0 / 8, double upper = 1.0 / 3, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return RreluOps.Rrelu(x, lower, upper, training);
    }
}
