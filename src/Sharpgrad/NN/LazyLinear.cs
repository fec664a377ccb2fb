using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// A Linear whose in_features is taken from its first input; until then its weight and bias are placeholders whose shape
/// cannot be read (a checkpoint loaded into it sizes them from its own). From its first call on it is a Linear in all but
/// its .NET type, and prints as one, as PyTorch's LazyLinear turns into a Linear. The parameter objects stay the same, so
/// an optimizer made before the first forward keeps working. PyTorch: torch.nn.LazyLinear.
/// </summary>
public sealed class LazyLinear : Module
{
    /// <summary>A layer of <paramref name="outFeatures"/> outputs whose input size is not known yet.</summary>
    public LazyLinear(int outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Uninitialized(dtype));
        if (bias) Bias = RegisterParameter("bias", Uninitialized(dtype));
    }

    /// <summary>Size of each input sample; 0 until the first forward sizes the parameters.</summary>
    public int InFeatures { get; private set; }

    /// <summary>Size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The [outFeatures, inFeatures] weight (a placeholder until the first forward).</summary>
    public Tensor Weight { get; }

    /// <summary>The [outFeatures] bias (a placeholder until the first forward), or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Whether a parameter still waits for its shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams => HasUninitializedTensors();

    internal override string ReprName => LazyInferred ? nameof(Linear) : nameof(LazyLinear);

    /// <summary>x Wᵀ + b, on the first call first sizing the parameters from x's last dim and drawing them as Linear does.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!LazyInferred)
        {
            if (HasUninitializedParams)
            {
                if (input.Dim == 0) throw new ArgumentOutOfRangeException(nameof(input), "tuple index out of range");
                InFeatures = input.Shape[^1];
                Weight.Materialize([OutFeatures, InFeatures]);
                Bias?.Materialize([OutFeatures]);
                Linear.ResetParameters(Weight, Bias, InFeatures);
            }
            LazyInferred = true;
        }
        return LinalgOps.Linear(input, Weight, Bias);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyBool(Bias is not null)}";
}
