namespace Sharpgrad.Kernels.Cpu;

// Cyclic Jacobi for the symmetric eigenproblem.
internal static partial class DecompositionKernels
{
    /// <summary>
    /// Eigenvalues (ascending) of the symmetric n×n matrix <paramref name="a"/> (overwritten) into
    /// <paramref name="values"/>, eigenvectors as the columns of <paramref name="vectors"/> (row-major n×n).
    /// </summary>
    public static void SymmetricEigen(double[] a, int n, Span<double> values, Span<double> vectors)
    {
        var v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double x = a[i * n + j] * a[i * n + j];
                    total += x;
                    if (i != j) off += x;
                }
            if (off <= 1e-32 * total || off == 0) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p * n + q];
                    if (apq == 0) continue;
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    RotateColumns(a, n, n, p, q, c, s); // A ← A J
                    for (int k = 0; k < n; k++) // A ← Jᵀ A (rows p, q)
                    {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    RotateColumns(v, n, n, p, q, c, s);
                }
        }
        var order = new int[n];
        var diag = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; diag[i] = a[i * n + i]; }
        Array.Sort((double[])diag.Clone(), order);
        for (int j = 0; j < n; j++)
        {
            int src = order[j];
            values[j] = diag[src];
            for (int k = 0; k < n; k++) vectors[k * n + j] = v[k * n + src];
        }
    }
}
