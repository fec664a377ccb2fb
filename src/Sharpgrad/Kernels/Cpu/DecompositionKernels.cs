namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// Matrix decompositions of one row-major Float64 matrix at a time (no autograd): cyclic Jacobi for symmetric
/// eigenproblems, one-sided Jacobi for the SVD and LAPACK-style Householder QR.
/// </summary>
internal static partial class DecompositionKernels
{
    private const int MaxSweeps = 100;

    /// <summary>Columns p and q of the row-major rows×cols matrix <paramref name="a"/> ← (c·a_p - s·a_q, s·a_p + c·a_q).</summary>
    private static void RotateColumns(Span<double> a, int rows, int cols, int p, int q, double c, double s)
    {
        for (int k = 0; k < rows; k++)
        {
            double x = a[k * cols + p], y = a[k * cols + q];
            a[k * cols + p] = c * x - s * y;
            a[k * cols + q] = s * x + c * y;
        }
    }
}
