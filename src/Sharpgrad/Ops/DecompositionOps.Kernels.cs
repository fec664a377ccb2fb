namespace Sharpgrad.Ops;

/// <summary>
/// Matrix decompositions of one row-major Float64 matrix at a time (no autograd): cyclic Jacobi for symmetric
/// eigenproblems, one-sided Jacobi for the SVD and LAPACK-style Householder QR.
/// </summary>
internal static partial class DecompositionKernels
{
    private const int MaxSweeps = 100;
}
