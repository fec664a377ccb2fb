namespace Sharpgrad.Kernels.Cpu;

// One-sided Jacobi SVD and orthonormal completion.
internal static partial class DecompositionKernels
{
    /// <summary>
    /// SVD of the m×n matrix <paramref name="a"/> with m ≥ n (overwritten): singular values descending into
    /// <paramref name="s"/> (n), left vectors as the columns of <paramref name="u"/> (m×uCols, uCols = n or m,
    /// completed to an orthonormal basis), right vectors as the columns of <paramref name="v"/> (n×n).
    /// </summary>
    public static void TallSvd(double[] a, int m, int n, Span<double> s, Span<double> u, int uCols, Span<double> v)
    {
        var vv = new double[n * n];
        for (int i = 0; i < n; i++) vv[i * n + i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int k = 0; k < m; k++)
                    {
                        double x = a[k * n + p], y = a[k * n + q];
                        alpha += x * x; beta += y * y; gamma += x * y;
                    }
                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta == 0 ? 1 : zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double c = 1 / Math.Sqrt(1 + t * t), sn = c * t;
                    RotateColumns(a, m, n, p, q, c, sn);
                    RotateColumns(vv, n, n, p, q, c, sn);
                }
            if (!rotated) break;
        }
        var norms = new double[n];
        var order = new int[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int k = 0; k < m; k++) sum += a[k * n + j] * a[k * n + j];
            norms[j] = Math.Sqrt(sum);
            order[j] = j;
        }
        Array.Sort(order, (x, y) => norms[y].CompareTo(norms[x]));
        double tiny = (norms.Length == 0 ? 0 : norms[order[0]]) * Math.Max(m, n) * 1e-15;
        int filled = 0;
        u[..(m * uCols)].Clear();
        for (int j = 0; j < n; j++)
        {
            int src = order[j];
            s[j] = norms[src];
            for (int k = 0; k < n; k++) v[k * n + j] = vv[k * n + src];
            if (norms[src] > tiny)
            {
                for (int k = 0; k < m; k++) u[k * uCols + j] = a[k * n + src] / norms[src];
                filled = j + 1;
            }
        }
        Complete(u, m, uCols, filled);
    }

    /// <summary>Fills columns <paramref name="from"/>.. of the m×cols matrix <paramref name="q"/> (orthonormal columns before them) to an orthonormal set, by Gram–Schmidt on the unit vectors.</summary>
    public static void Complete(Span<double> q, int m, int cols, int from)
    {
        var w = new double[m];
        int e = 0;
        for (int j = from; j < cols; j++)
        {
            while (true)
            {
                Array.Clear(w);
                w[e++ % m] = 1;
                for (int pass = 0; pass < 2; pass++)
                    for (int i = 0; i < j; i++)
                    {
                        double dot = 0;
                        for (int k = 0; k < m; k++) dot += q[k * cols + i] * w[k];
                        for (int k = 0; k < m; k++) w[k] -= dot * q[k * cols + i];
                    }
                double norm = 0;
                foreach (double x in w) norm += x * x;
                norm = Math.Sqrt(norm);
                if (norm > 1e-6 || e > 2 * m)
                {
                    for (int k = 0; k < m; k++) q[k * cols + j] = w[k] / norm;
                    break;
                }
            }
        }
    }
}
