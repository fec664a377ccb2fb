using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>max(x, 0). PyTorch: torch.nn.ReLU.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>tanh(x). PyTorch: torch.nn.Tanh.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>1 / (1 + e⁻ˣ). PyTorch: torch.nn.Sigmoid.</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>x·Φ(x), exact ("none") or with the tanh approximation ("tanh"). PyTorch: torch.nn.GELU.</summary>
public sealed class GELU(string approximate = "none") : Module
{
    /// <summary>"none" or "tanh".</summary>
    public string Approximate { get; } = Functional.CheckApproximate(approximate);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Gelu(input, Approximate);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"approximate='{Approximate}'";
}

/// <summary>softmax along <see cref="Dimension"/>. PyTorch: torch.nn.Softmax.</summary>
public sealed class Softmax(int dim) : Module
{
    /// <summary>The dim the probabilities sum to one over.</summary>
    public int Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => SoftmaxOps.Softmax(input, Dimension, log: false);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"dim={Dimension}";
}

/// <summary>log_softmax along <see cref="Dimension"/>. PyTorch: torch.nn.LogSoftmax.</summary>
public sealed class LogSoftmax(int dim) : Module
{
    /// <summary>The dim normalized over.</summary>
    public int Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => SoftmaxOps.Softmax(input, Dimension, log: true);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"dim={Dimension}";
}

/// <summary>Zeroes each element with probability p in training mode, scaling the rest by 1/(1-p); identity in eval. PyTorch: torch.nn.Dropout.</summary>
public sealed class Dropout : Module
{
    /// <summary>A dropout layer; <paramref name="p"/> must be in [0, 1].</summary>
    public Dropout(double p = 0.5)
    {
        Functional.CheckDropout(p);
        P = p;
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"p={PyFloat(P)}, inplace=False";
}

/// <summary>Zeroes whole channels with probability p in training mode, scaling the rest by 1/(1-p). PyTorch: torch.nn.Dropout2d.</summary>
public sealed class Dropout2d : Module
{
    /// <summary>A channel dropout layer; <paramref name="p"/> must be in [0, 1].</summary>
    public Dropout2d(double p = 0.5)
    {
        Functional.CheckDropout(p);
        P = p;
    }

    /// <summary>Probability of zeroing a channel.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout2d(input, P, Training);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"p={PyFloat(P)}, inplace=False";
}

/// <summary>Flattens dims startDim..endDim into one (a view when possible). PyTorch: torch.nn.Flatten.</summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>First dim flattened.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>Last dim flattened.</summary>
    public int EndDim { get; } = endDim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"start_dim={StartDim}, end_dim={EndDim}";
}

/// <summary>Returns its input. PyTorch: torch.nn.Identity.</summary>
public sealed class Identity : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input;
}

/// <summary>x·σ(x) (swish). PyTorch: torch.nn.SiLU.</summary>
public sealed class SiLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Silu(input);
}

/// <summary>x for x &gt; 0, else negativeSlope·x. PyTorch: torch.nn.LeakyReLU.</summary>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    /// <summary>Slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, NegativeSlope);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"negative_slope={PyFloat(NegativeSlope)}";
}

/// <summary>log(1 + exp(β·x)) / β, linear above the threshold. PyTorch: torch.nn.Softplus.</summary>
public sealed class Softplus(double beta = 1, double threshold = 20) : Module
{
    /// <summary>Sharpness.</summary>
    public double Beta { get; } = beta;

    /// <summary>Above β·x &gt; threshold the output is x.</summary>
    public double Threshold { get; } = threshold;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softplus(input, Beta, Threshold);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"beta={PyFloat(Beta)}, threshold={PyFloat(Threshold)}";
}

/// <summary>x for x &gt; 0, else α·(exp(x) - 1). PyTorch: torch.nn.ELU.</summary>
public sealed class ELU(double alpha = 1) : Module
{
    /// <summary>Saturation value for negative inputs (-α).</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Elu(input, Alpha);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"alpha={PyFloat(Alpha)}";
}
