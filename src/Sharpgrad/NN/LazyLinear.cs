using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// A Linear whose in_features is taken from its first input (or from a checkpoint it is loaded from); until then its weight
/// and bias are empty placeholders. Afterwards it is a Linear in all but its .NET type, and prints as one, as PyTorch's
/// LazyLinear turns into a Linear. The parameter objects stay the same, so an optimizer made before the first forward keeps
/// working. PyTorch: torch.nn.LazyLinear.
/// </summary>
public sealed class LazyLinear : Module
{
    /// <summary>A layer of <paramref name="outFeatures"/> outputs whose input size is not known yet.</summary>
    public LazyLinear(int outFeatures, bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Empty([0], dtype));
        if (bias) Bias = RegisterParameter("bias", Tensor.Empty([0], dtype));
    }

    /// <summary>Size of each input sample; 0 until the first forward.</summary>
    public int InFeatures { get; private set; }

    /// <summary>Size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The [outFeatures, inFeatures] weight (empty until the first forward).</summary>
    public Tensor Weight { get; }

    /// <summary>The [outFeatures] bias (empty until the first forward), or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Whether the parameters still wait for their shape. PyTorch: has_uninitialized_params().</summary>
    public bool HasUninitializedParams { get; private set; } = true;

    internal override string ReprName => HasUninitializedParams ? nameof(LazyLinear) : nameof(Linear);

    /// <summary>x Wᵀ + b, first sizing the parameters from x's last dim and drawing them as Linear does.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (HasUninitializedParams)
        {
            Initialize(input.Dim == 0 ? 1 : input.Shape[^1]);
            double bound = InFeatures > 0 ? 1.0 / Math.Sqrt(InFeatures) : 0;
            using (Autograd.NoGrad())
            {
                Weight.Uniform_(-bound, bound);
                Bias?.Uniform_(-bound, bound);
            }
        }
        return LinalgOps.Linear(input, Weight, Bias);
    }

    internal override void MaterializeFrom(IReadOnlyDictionary<string, Tensor> stateDict, string prefix)
    {
        if (HasUninitializedParams && stateDict.TryGetValue(prefix + "weight", out var weight) && weight.Dim == 2)
            Initialize(weight.Shape[1]);
    }

    private void Initialize(int inFeatures)
    {
        InFeatures = inFeatures;
        Weight.Materialize([OutFeatures, inFeatures]);
        Bias?.Materialize([OutFeatures]);
        HasUninitializedParams = false;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr => $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyBool(Bias is not null)}";
}
