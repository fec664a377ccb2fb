namespace Sharpgrad.NN;

/// <summary>How a loss combines its per-element values. PyTorch: the reduction argument ('mean', 'sum', 'none').</summary>
public enum Reduction
{
    /// <summary>The average over elements (over non-ignored targets for class-index losses).</summary>
    Mean,

    /// <summary>The sum over elements.</summary>
    Sum,

    /// <summary>One value per element, unreduced.</summary>
    None,
}
