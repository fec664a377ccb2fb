namespace Sharpgrad.Kernels.Cpu;

/// <summary>LU with partial pivoting (LAPACK getrf / getrs semantics), Cholesky (potrf) and triangular substitution on row-major double matrices.</summary>
internal static class LuKernels
{
    /// <summary>
    /// In-place LU of the n×n matrix at <paramref name="off"/>; see the m×n overload.
    /// </summary>
    public static int Factor(double[] a, int off, int n, int[] pivots) => Factor(a, off, n, n, pivots);

    /// <summary>
    /// In-place LU of the m×n matrix at <paramref name="off"/> (LAPACK getrf): for each of the min(m, n) columns the
    /// largest |pivot| (the first on ties) is swapped up, L's multipliers are stored below the diagonal (unit diagonal
    /// implied) and U on and above it; <paramref name="pivots"/> gets the 0-based row swapped with each step.
    /// Returns getrf's info: 0, or the 1-based index of the first exactly zero pivot (that column is left unreduced).
    /// </summary>
    public static int Factor(double[] a, int off, int m, int n, int[] pivots)
    {
        int info = 0;
        for (int k = 0, steps = Math.Min(m, n); k < steps; k++)
        {
            int p = k;
            double best = Math.Abs(a[off + k * n + k]);
            for (int i = k + 1; i < m; i++)
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
            for (int i = k + 1; i < m; i++)
            {
                double l = a[off + i * n + k] / pivot;
                a[off + i * n + k] = l;
                if (l == 0) continue;
                for (int j = k + 1; j < n; j++) a[off + i * n + j] -= l * a[off + k * n + j];
            }
        }
        return info;
    }

    /// <summary>
    /// Solves A·X = B in place for the n×k right-hand side at <paramref name="bOff"/> from <see cref="Factor(double[], int, int, int[])"/>'s
    /// output, in reference getrs / trsm order: the row swaps, then L and U column by column, where a zero entry is
    /// neither divided nor propagated (so a zero B stays zero even for a singular U, and inf/NaN appear where LAPACK's do).
    /// </summary>
    public static void Solve(double[] lu, int luOff, int[] pivots, int n, double[] b, int bOff, int k)
    {
        for (int i = 0; i < n; i++) SwapRows(b, bOff, k, i, pivots[i]);
        for (int j = 0; j < k; j++)
        {
            for (int t = 0; t < n; t++)
            {
                double x = b[bOff + t * k + j];
                if (x == 0) continue;
                for (int i = t + 1; i < n; i++) b[bOff + i * k + j] -= x * lu[luOff + i * n + t];
            }
            for (int t = n - 1; t >= 0; t--)
            {
                if (b[bOff + t * k + j] == 0) continue;
                double x = b[bOff + t * k + j] /= lu[luOff + t * n + t];
                for (int i = 0; i < t; i++) b[bOff + i * k + j] -= x * lu[luOff + i * n + t];
            }
        }
    }

    /// <summary>
    /// Solves Aᵀ·X = B in place (getrs with trans = 'T') from <see cref="Factor(double[], int, int, int[])"/>'s output:
    /// Uᵀ then Lᵀ by dot products, as reference trsm does (every entry is divided), then the row swaps in reverse.
    /// </summary>
    public static void SolveTransposed(double[] lu, int luOff, int[] pivots, int n, double[] b, int bOff, int k)
    {
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = b[bOff + i * k + j];
                for (int t = 0; t < i; t++) s -= lu[luOff + t * n + i] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s / lu[luOff + i * n + i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = b[bOff + i * k + j];
                for (int t = i + 1; t < n; t++) s -= lu[luOff + t * n + i] * b[bOff + t * k + j];
                b[bOff + i * k + j] = s;
            }
        }
        for (int i = n - 1; i >= 0; i--) SwapRows(b, bOff, k, i, pivots[i]);
    }

    private static void SwapRows(double[] b, int off, int k, int i, int p)
    {
        if (p == i) return;
        for (int j = 0; j < k; j++)
            (b[off + i * k + j], b[off + p * k + j]) = (b[off + p * k + j], b[off + i * k + j]);
    }

    /// <summary>The determinant's sign (−1, 0 or 1, with the permutation's sign on a zero) and log|det| from <see cref="Factor(double[], int, int, int[])"/>'s output.</summary>
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
    /// In-place lower Cholesky factor of the symmetric n×n matrix at <paramref name="off"/>, read from its lower triangle
    /// (the upper triangle is zeroed). Returns potrf's info: 0, or the order of the first leading minor that is not
    /// positive-definite; the matrix is then left as reference LAPACK's recursive potrf2 leaves it.
    /// </summary>
    public static int Cholesky(double[] a, int off, int n)
    {
        int info = n == 0 ? 0 : Potrf2(a, off, n, n);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) a[off + i * n + j] = 0;
        return info;
    }

    /// <summary>
    /// potrf2 on the n×n block at <paramref name="off"/> of a row-major matrix with row length <paramref name="ld"/>:
    /// factor the leading half, solve the block below it, update and factor the trailing half. Every entry sees its
    /// updates in column order and a division by its pivot, as the unblocked left-looking algorithm does.
    /// </summary>
    private static int Potrf2(double[] a, int off, int ld, int n)
    {
        if (n == 1)
        {
            double d = a[off];
            if (!(d > 0)) return 1;
            a[off] = Math.Sqrt(d);
            return 0;
        }
        int n1 = n / 2, n2 = n - n1;
        int info = Potrf2(a, off, ld, n1);
        if (info != 0) return info;
        int below = off + n1 * ld, trailing = below + n1;
        // A21 := A21·L11⁻ᵀ, column by column (trsm)
        for (int c = 0; c < n1; c++)
        {
            double d = a[off + c * ld + c];
            for (int i = 0; i < n2; i++) a[below + i * ld + c] /= d;
            for (int j = c + 1; j < n1; j++)
            {
                double l = a[off + j * ld + c];
                if (l == 0) continue;
                for (int i = 0; i < n2; i++) a[below + i * ld + j] -= l * a[below + i * ld + c];
            }
        }
        // A22 -= A21·A21ᵀ on its lower triangle (syrk)
        for (int j = 0; j < n2; j++)
            for (int c = 0; c < n1; c++)
            {
                double l = a[below + j * ld + c];
                if (l == 0) continue;
                for (int i = j; i < n2; i++) a[trailing + i * ld + j] -= l * a[below + i * ld + c];
            }
        info = Potrf2(a, trailing, ld, n2);
        return info == 0 ? 0 : info + n1;
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
