namespace Sharpgrad.NN;

/// <summary>
/// Normalizes each element by the energy of the <see cref="Size"/> neighbouring channels around it (AlexNet's local
/// response normalization). PyTorch: torch.nn.LocalResponseNorm.
/// </summary>
public sealed class LocalResponseNorm(int size, double alpha = 1e-4, double beta = 0.75, double k = 1.0) : Module
{
    /// <summary>Number of neighbouring channels in the window.</summary>
    public int Size { get; } = size;

    /// <summary>Multiplier of the windowed mean square.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>Exponent of the divisor.</summary>
    public double Beta { get; } = beta;

    /// <summary>Added to the scaled mean square.</summary>
    public double K { get; } = k;

    /// <summary>F.local_response_norm(input, size, alpha, beta, k).</summary>
    public override Tensor Forward(Tensor input) => Functional.LocalResponseNorm(input, Size, Alpha, Beta, K);

    /// <inheritdoc/>
    protected override string ExtraRepr => $"{Size}, alpha={PyFloat(Alpha)}, beta={PyFloat(Beta)}, k={PyFloat(K)}";
}
