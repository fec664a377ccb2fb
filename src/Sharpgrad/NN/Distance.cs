namespace Sharpgrad.NN;

/// <summary>Cosine similarity of two inputs along a dim. PyTorch: torch.nn.CosineSimilarity.</summary>
public sealed class CosineSimilarity(int dim = 1, double eps = 1e-8) : Module
{
    /// <summary>The dim compared along.</summary>
    public int Dimension { get; } = dim;

    /// <summary>Lower bound on each norm (avoids division by zero).</summary>
    public double Eps { get; } = eps;

    /// <summary>The similarity of <paramref name="x1"/> and <paramref name="x2"/>. PyTorch: cos(x1, x2).</summary>
    public Tensor Forward(Tensor x1, Tensor x2) => Functional.CosineSimilarity(x1, x2, Dimension, Eps);

    /// <summary>Needs two inputs: use <see cref="Forward(Tensor, Tensor)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("CosineSimilarity takes (x1, x2); call Forward(x1, x2).");
}

/// <summary>p-norm distance between matching rows of two inputs. PyTorch: torch.nn.PairwiseDistance.</summary>
public sealed class PairwiseDistance(double p = 2, double eps = 1e-6, bool keepDim = false) : Module
{
    /// <summary>The norm degree.</summary>
    public double P { get; } = p;

    /// <summary>Added to the difference (avoids a zero norm's undefined gradient).</summary>
    public double Eps { get; } = eps;

    /// <summary>Keep the reduced last dim with size 1.</summary>
    public bool KeepDim { get; } = keepDim;

    /// <summary>The distance between <paramref name="x1"/> and <paramref name="x2"/> over the last dim. PyTorch: pdist(x1, x2).</summary>
    public Tensor Forward(Tensor x1, Tensor x2) => Functional.PairwiseDistance(x1, x2, P, Eps, KeepDim);

    /// <summary>Needs two inputs: use <see cref="Forward(Tensor, Tensor)"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("PairwiseDistance takes (x1, x2); call Forward(x1, x2).");
}
