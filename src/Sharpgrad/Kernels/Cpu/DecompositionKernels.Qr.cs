namespace Sharpgrad.Kernels.Cpu;

// Householder QR (LAPACK's geqrf + orgqr) and triangular inversion.
internal static partial class DecompositionKernels
{
    /// <summary>
    /// Householder QR of the m×n matrix <paramref name="a"/> (overwritten) as LAPACK's geqrf + orgqr compute it
    /// (R's diagonal is -sign(a_jj)·‖column‖, a zero column below the diagonal is left alone): R (rRows×n, upper)
    /// and, when <paramref name="q"/> is not empty, Q (m×qCols).
    /// </summary>
    public static void Householder(double[] a, int m, int n, Span<double> r, int rRows, Span<double> q, int qCols)
    {
        int k = Math.Min(m, n);
        var tau = new double[k];
        for (int j = 0; j < k; j++)
        {
            double alpha = a[j * n + j], xnorm = 0;
            for (int i = j + 1; i < m; i++) xnorm += a[i * n + j] * a[i * n + j];
            xnorm = Math.Sqrt(xnorm);
            if (xnorm == 0) { tau[j] = 0; continue; }
            double beta = -Math.CopySign(Hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < m; i++) a[i * n + j] *= scale;
            a[j * n + j] = beta;
            for (int c = j + 1; c < n; c++) // apply H = I - tau v vᵀ (v[j] = 1) to column c
            {
                double dot = a[j * n + c];
                for (int i = j + 1; i < m; i++) dot += a[i * n + j] * a[i * n + c];
                dot *= tau[j];
                a[j * n + c] -= dot;
                for (int i = j + 1; i < m; i++) a[i * n + c] -= dot * a[i * n + j];
            }
        }
        r[..(rRows * n)].Clear();
        for (int i = 0; i < Math.Min(rRows, m); i++)
            for (int c = i; c < n; c++) r[i * n + c] = a[i * n + c];
        if (q.IsEmpty) return;
        q[..(m * qCols)].Clear();
        for (int i = 0; i < qCols; i++) q[i * qCols + i] = 1;
        for (int j = k - 1; j >= 0; j--) // Q = H_1 ⋯ H_k applied to the first qCols columns of I
        {
            if (tau[j] == 0) continue;
            for (int c = 0; c < qCols; c++)
            {
                double dot = q[j * qCols + c];
                for (int i = j + 1; i < m; i++) dot += a[i * n + j] * q[i * qCols + c];
                dot *= tau[j];
                q[j * qCols + c] -= dot;
                for (int i = j + 1; i < m; i++) q[i * qCols + c] -= dot * a[i * n + j];
            }
        }
    }

    /// <summary>The inverse of the n×n upper triangular <paramref name="r"/> (row-major) by back substitution.</summary>
    public static void InvertUpper(ReadOnlySpan<double> r, int n, Span<double> inv)
    {
        inv[..(n * n)].Clear();
        for (int c = 0; c < n; c++)
            for (int i = c; i >= 0; i--)
            {
                double sum = i == c ? 1 : 0;
                for (int k = i + 1; k <= c; k++) sum -= r[i * n + k] * inv[k * n + c];
                inv[i * n + c] = sum / r[i * n + i];
            }
    }


    private static double Hypot(double x, double y)
    {
        double ax = Math.Abs(x), ay = Math.Abs(y), big = Math.Max(ax, ay), small = Math.Min(ax, ay);
        if (big == 0) return 0;
        double ratio = small / big;
        return big * Math.Sqrt(1 + ratio * ratio);
    }
}
