using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>y = x Wᵀ + b. PyTorch: torch.nn.Linear.</summary>
public sealed class Linear : Module
{
    /// <summary>A layer with PyTorch's default init: W and b uniform in ±1/√inFeatures (kaiming-uniform with a = √5).</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Empty([outFeatures, inFeatures], dtype));
        if (bias) Bias = RegisterParameter("bias", Tensor.Empty([outFeatures], dtype));
        ResetParameters();
    }

    /// <summary>
    /// PyTorch's MultiheadAttention holds its output projection as NonDynamicallyQuantizableLinear, a Linear
    /// under another name (it only steers quantization); the name shows in its printed form.
    /// </summary>
    internal string PrintedName { get; init; } = nameof(Linear);

    internal override string ReprName => PrintedName;

    /// <summary>Size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>Size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The [outFeatures, inFeatures] weight.</summary>
    public Tensor Weight { get; }

    /// <summary>The [outFeatures] bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Re-draws weight and bias from PyTorch's default distribution.</summary>
    public void ResetParameters() => ResetParameters(Weight, Bias, InFeatures);

    /// <summary>Linear's default init (weight, then bias, uniform in ±1/√inFeatures), shared with <see cref="LazyLinear"/>.</summary>
    internal static void ResetParameters(Tensor weight, Tensor? bias, int inFeatures)
    {
        double bound = inFeatures > 0 ? 1.0 / Math.Sqrt(inFeatures) : 0;
        using (Autograd.NoGrad())
        {
            weight.Uniform_(-bound, bound);
            bias?.Uniform_(-bound, bound);
        }
    }

    /// <summary>x Wᵀ + b; on 2-D input one fused addmm (AddmmBackward0).</summary>
    public override Tensor Forward(Tensor input) => LinalgOps.Linear(input, Weight, Bias);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyBool(Bias is not null)}";
}
