namespace Sharpgrad.Kernels.Cpu;

/// <summary>LU with partial pivoting (LAPACK getrf / getrs semantics), Cholesky (potrf) and triangular substitution on row-major double matrices.</summary>
internal static class LuKernels
{
    /// <summary>
    /// In-place LU of the n×n matrix at <paramref name="off"/>: the largest |pivot| of each column (the first on ties)
    /// is swapped up, L's multipliers are stored below the diagonal (unit diagonal implied) and U on and above it.
    /// Returns getrf's info: 0, or the 1-based index of the first exactly zero pivot (that column is left unreduced).
    /// </summary>
    public static int Factor(double[] a, int off, int n, int[] pivots)
    {
        int info = 0;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Math.Abs(a[off + k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[off + i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            pivots[k] = p;
            if (p != k)
                for (int j = 0; j < n; j++)
                    (a[off + k * n + j], a[off + p * n + j]) = (a[off + p * n + j], a[off + k * n + j]);
            double pivot = a[off + k * n + k];
            if (pivot == 0)
            {
                if (info == 0) info = k + 1;
                continue;
            }
            for (int i = k + 1; i < n; i++)
            {
                double m = a[off + i * n + k] / pivot;
                a[off + i * n + k] = m;
                if (m == 0) continue;
                for (int j = k + 1; j < n; j++) a[off + i * n + j] -= m * a[off + k * n + j];
            }
        }
        return info;
    }

    /// <summary>
    /// Solves A·X = B in place for the n×k right-hand side at <paramref name="bOff"/> from <see cref="Factor"/>'s output;
    /// like BLAS trsm, a zero right-hand-side entry is not divided (so a zero B stays zero even for a singular U).
    /// </summary>
    public static void Solve(double[] lu, int luOff, int[] pivots, int n, double[] b, int bOff, int k)
    {
        for (int i = 0; i < n; i++)
        {
            int p = pivots[i];
            if (p != i)
                for (int j = 0; j < k; j++)
                    (b[bOff + i * k + j], b[bOff + p * k + j]) = (b[bOff + p * k + j], b[bOff + i * k + j]);
        }
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = b[bOff + i * k + j];
                for (int t = 0; t < i; t++) s -= lu[luOff + i * n + t] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s;
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = b[bOff + i * k + j];
                for (int t = i + 1; t < n; t++) s -= lu[luOff + i * n + t] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s == 0 ? s : s / lu[luOff + i * n + i];
            }
        }
    }

    /// <summary>The determinant's sign (−1, 0 or 1, with the permutation's sign on a zero) and log|det| from <see cref="Factor"/>'s output.</summary>
    public static (double Sign, double LogAbs, double Det) Determinant(double[] lu, int off, int n, int[] pivots)
    {
        double sign = 1, logAbs = 0, det = 1;
        for (int i = 0; i < n; i++)
        {
            double u = lu[off + i * n + i];
            if (pivots[i] != i) { sign = -sign; det = -det; }
            sign *= Math.Sign(u);
            logAbs += Math.Log(Math.Abs(u));
            det *= u;
        }
        return (sign, logAbs, det);
    }

    /// <summary>
    /// In-place lower Cholesky factor of the symmetric n×n matrix at <paramref name="off"/> (the upper triangle is
    /// zeroed). Returns potrf's info: 0, or the order of the first leading minor that is not positive-definite.
    /// </summary>
    public static int Cholesky(double[] a, int off, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double d = a[off + j * n + j];
            for (int t = 0; t < j; t++) d -= a[off + j * n + t] * a[off + j * n + t];
            if (!(d > 0)) return j + 1;
            d = Math.Sqrt(d);
            a[off + j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double s = a[off + i * n + j];
                for (int t = 0; t < j; t++) s -= a[off + i * n + t] * a[off + j * n + t];
                a[off + i * n + j] = s / d;
            }
            for (int i = 0; i < j; i++) a[off + i * n + j] = 0;
        }
        return 0;
    }

    /// <summary>
    /// Solves L·Lᵀ·X = B in place for the n×k right-hand side at <paramref name="bOff"/>, reading only the lower triangle
    /// of the n×n factor at <paramref name="lOff"/> (LAPACK potrs).
    /// </summary>
    public static void CholeskySolve(double[] l, int lOff, int n, double[] b, int bOff, int k)
    {
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = b[bOff + i * k + j];
                for (int t = 0; t < i; t++) s -= l[lOff + i * n + t] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s / l[lOff + i * n + i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = b[bOff + i * k + j];
                for (int t = i + 1; t < n; t++) s -= l[lOff + t * n + i] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s / l[lOff + i * n + i];
            }
        }
    }

    /// <summary>Forward (lower) or back (upper) substitution of every batch's n x k right-hand side, in place.</summary>
    public static void Substitute(double[] a, double[] x, int batches, int n, int k, bool upper, bool unit)
    {
        for (int bt = 0; bt < batches; bt++)
        {
            int ao = bt * n * n, xo = bt * n * k;
            for (int c = 0; c < k; c++)
            {
                for (int step = 0; step < n; step++)
                {
                    int i = upper ? n - 1 - step : step;
                    double sum = x[xo + i * k + c];
                    if (upper)
                        for (int j = i + 1; j < n; j++) sum -= a[ao + i * n + j] * x[xo + j * k + c];
                    else
                        for (int j = 0; j < i; j++) sum -= a[ao + i * n + j] * x[xo + j * k + c];
                    x[xo + i * k + c] = unit ? sum : sum / a[ao + i * n + i];
                }
            }
        }
    }
}
