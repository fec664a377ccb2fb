namespace Sharpgrad.NN;

/// <summary>clamp(x, minVal, maxVal). PyTorch: torch.nn.Hardtanh.</summary>
public sealed class Hardtanh : Module
{
    /// <summary>A hardtanh layer; like PyTorch's (an assert with no message), it needs maxVal &gt; minVal.</summary>
    public Hardtanh(double minVal = -1, double maxVal = 1)
    {
        if (!(maxVal > minVal)) throw new ArgumentException("");
        MinVal = minVal;
        MaxVal = maxVal;
    }

    /// <summary>Lower bound of the output.</summary>
    public double MinVal { get; }

    /// <summary>Upper bound of the output.</summary>
    public double MaxVal { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Hardtanh(input, MinVal, MaxVal);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"min_val={PyFloat(MinVal)}, max_val={PyFloat(MaxVal)}";
}

/// <summary>min(max(x, 0), 6) (a hardtanh in PyTorch). PyTorch: torch.nn.ReLU6.</summary>
public sealed class ReLU6 : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu6(input);
}

/// <summary>min(max(x + 3, 0), 6) / 6. PyTorch: torch.nn.Hardsigmoid.</summary>
public sealed class Hardsigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Hardsigmoid(input);
}

/// <summary>x · hardsigmoid(x). PyTorch: torch.nn.Hardswish.</summary>
public sealed class Hardswish : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Hardswish(input);
}

/// <summary>x · tanh(softplus(x)). PyTorch: torch.nn.Mish.</summary>
public sealed class Mish : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Mish(input);
}

/// <summary>Self-normalizing scale · elu(x, α). PyTorch: torch.nn.SELU.</summary>
public sealed class SELU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Selu(input);
}

/// <summary>max(0, x) + min(0, α·(exp(x/α) - 1)). PyTorch: torch.nn.CELU.</summary>
public sealed class CELU(double alpha = 1) : Module
{
    /// <summary>Saturation value for negative inputs (-α).</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Celu(input, Alpha);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"alpha={PyFloat(Alpha)}";
}

/// <summary>x / (1 + |x|). PyTorch: torch.nn.Softsign.</summary>
public sealed class Softsign : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softsign(input);
}

/// <summary>log σ(x). PyTorch: torch.nn.LogSigmoid.</summary>
public sealed class LogSigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LogSigmoid(input);
}

/// <summary>Gated linear unit: first half of the input along <see cref="Dimension"/> times σ(second half). PyTorch: torch.nn.GLU.</summary>
public sealed class GLU(int dim = -1) : Module
{
    /// <summary>The dim split in halves.</summary>
    public int Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Glu(input, Dimension);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"dim={Dimension}";
}

/// <summary>x where x &gt; threshold, else a fixed value. PyTorch: torch.nn.Threshold.</summary>
public sealed class Threshold(double threshold, double value) : Module
{
    /// <summary>Inputs at or below it are replaced (PyTorch's <c>threshold</c>).</summary>
    public double Cutoff { get; } = threshold;

    /// <summary>The replacement.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Threshold(input, Cutoff, Value);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"threshold={PyFloat(Cutoff)}, value={PyFloat(Value)}";
}

/// <summary>softmax(-x) along <see cref="Dimension"/>. PyTorch: torch.nn.Softmin.</summary>
public sealed class Softmin(int dim) : Module
{
    /// <summary>The dim the probabilities sum to one over.</summary>
    public int Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softmin(input, Dimension);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"dim={Dimension}";
}

/// <summary>x for x &gt; 0, else a learned slope times x, shared or per channel (dim 1). PyTorch: torch.nn.PReLU.</summary>
public sealed class PReLU : Module
{
    /// <summary>A layer with <paramref name="numParameters"/> slopes (1, or the channel count), each starting at <paramref name="init"/>.</summary>
    public PReLU(int numParameters = 1, double init = 0.25, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numParameters);
        NumParameters = numParameters;
        Init = init;
        Weight = RegisterParameter("weight", Tensor.Empty([numParameters], dtype));
        ResetParameters();
    }

    /// <summary>How many slopes.</summary>
    public int NumParameters { get; }

    /// <summary>The starting slope.</summary>
    public double Init { get; }

    /// <summary>The [numParameters] slopes.</summary>
    public Tensor Weight { get; }

    /// <summary>Fills the slopes with <see cref="Init"/>, as PyTorch's reset_parameters.</summary>
    public void ResetParameters()
    {
        using (Autograd.NoGrad()) Weight.Fill_(Init);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Prelu(input, Weight);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"num_parameters={NumParameters}";
}

/// <summary>x - tanh(x). PyTorch: torch.nn.Tanhshrink.</summary>
public sealed class Tanhshrink : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Tanhshrink(input);
}

/// <summary>0 where -λ &lt;= x &lt;= λ, else x. PyTorch: torch.nn.Hardshrink.</summary>
public sealed class Hardshrink(double lambd = 0.5) : Module
{
    /// <summary>Half-width of the zeroed band.</summary>
    public double Lambd { get; } = lambd;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Hardshrink(input, Lambd);

    /// <inheritdoc/>
    protected override string ExtraRepr => PyFloat(Lambd);
}

/// <summary>x shrunk toward 0 by λ, 0 within [-λ, λ]. PyTorch: torch.nn.Softshrink.</summary>
public sealed class Softshrink(double lambd = 0.5) : Module
{
    /// <summary>Half-width of the zeroed band, and the shrink.</summary>
    public double Lambd { get; } = lambd;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softshrink(input, Lambd);

    /// <inheritdoc/>
    protected override string ExtraRepr => PyFloat(Lambd);
}
