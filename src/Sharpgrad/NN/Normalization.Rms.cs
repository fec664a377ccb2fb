using Sharpgrad.Ops;

namespace Sharpgrad.NN;

/// <summary>
/// Root-mean-square normalization over the trailing <see cref="NormalizedShape"/> dims (no mean subtraction, no bias),
/// then an elementwise scale. PyTorch: torch.nn.RMSNorm.
/// </summary>
public sealed class RMSNorm : Module
{
    /// <summary>
    /// Normalizes over <paramref name="normalizedShape"/>; a null <paramref name="eps"/> uses the input dtype's machine
    /// epsilon; weight 1 when <paramref name="elementwiseAffine"/>.
    /// </summary>
    public RMSNorm(int[] normalizedShape, double? eps = null, bool elementwiseAffine = true, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        NormalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine) Weight = RegisterParameter("weight", Tensor.Ones(NormalizedShape, dtype));
    }

    /// <summary>An RMSNorm over one trailing dim of size <paramref name="normalizedShape"/>.</summary>
    public RMSNorm(int normalizedShape, double? eps = null, bool elementwiseAffine = true, DType dtype = DType.Float32)
        : this([normalizedShape], eps, elementwiseAffine, dtype)
    {
    }

    /// <summary>The trailing dims normalized over.</summary>
    public int[] NormalizedShape { get; }

    /// <summary>Added to the mean square, or null for the input dtype's machine epsilon.</summary>
    public double? Eps { get; }

    /// <summary>Elementwise scale, or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => RmsNormOps.RmsNorm(input, NormalizedShape, Weight, Eps);

    /// <inheritdoc/>
    protected override string ExtraRepr =>
        $"({string.Join(", ", NormalizedShape)}{(NormalizedShape.Length == 1 ? "," : "")}), eps={(Eps is { } e ? PyFloat(e) : "None")}, elementwise_affine={PyBool(Weight is not null)}";
}
