namespace Sharpgrad.Kernels.Cpu;

/// <summary>Padé scaling and squaring on one n x n matrix in row-major doubles (Higham's expm, degrees 3, 5, 7, 9, 13).</summary>
internal static class MatrixExpKernel
{
    private static readonly (double Theta, double[] B)[] Approximants =
    [
        (1.495585217958292e-2, [120, 60, 12, 1]),
        (2.539398330063230e-1, [30240, 15120, 3360, 420, 30, 1]),
        (9.504178996162932e-1, [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1]),
        (2.097847961257068e0, [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1]),
    ];

    private static readonly double[] Pade13 =
    [
        64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600,
        670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
    ];

    private const double Theta13 = 5.371920351148152;

    public static double[] Exp(double[] a, int n)
    {
        double norm = OneNorm(a, n);
        if (double.IsNaN(norm)) return Enumerable.Repeat(double.NaN, n * n).ToArray();
        foreach (var (theta, b) in Approximants)
            if (norm <= theta) return Pade(a, n, b);
        int s = norm > Theta13 ? (int)Math.Ceiling(Math.Log2(norm / Theta13)) : 0;
        var scaled = s == 0 ? a : a.Select(v => v / Math.Pow(2, s)).ToArray();
        var r = Pade13Of(scaled, n);
        for (int i = 0; i < s; i++) r = Mul(r, r, n);
        return r;
    }

    private static double[] Pade(double[] a, int n, double[] b)
    {
        int m = b.Length - 1;
        var a2 = Mul(a, a, n);
        var u = Scaled(Identity(n), b[1], n);
        var v = Scaled(Identity(n), b[0], n);
        var power = Identity(n);
        for (int k = 2; k <= m; k += 2)
        {
            power = Mul(power, a2, n);
            Axpy(u, power, b[k + 1]);
            Axpy(v, power, b[k]);
        }
        return Solve(Mul(a, u, n), v, n);
    }

    private static double[] Pade13Of(double[] a, int n)
    {
        var b = Pade13;
        var a2 = Mul(a, a, n);
        var a4 = Mul(a2, a2, n);
        var a6 = Mul(a4, a2, n);
        var inner = Combine(n, (a6, b[13]), (a4, b[11]), (a2, b[9]));
        var u = Mul(a, Add(Mul(a6, inner, n), Combine(n, (a6, b[7]), (a4, b[5]), (a2, b[3]), (Identity(n), b[1]))), n);
        var innerV = Combine(n, (a6, b[12]), (a4, b[10]), (a2, b[8]));
        var v = Add(Mul(a6, innerV, n), Combine(n, (a6, b[6]), (a4, b[4]), (a2, b[2]), (Identity(n), b[0])));
        return Solve(u, v, n);
    }

    /// <summary>(V - U)⁻¹ (V + U), by LU with partial pivoting.</summary>
    private static double[] Solve(double[] u, double[] v, int n)
    {
        var p = new double[n * n];
        var q = new double[n * n];
        for (int i = 0; i < n * n; i++)
        {
            p[i] = v[i] + u[i];
            q[i] = v[i] - u[i];
        }
        var pivots = new int[n];
        LuKernels.Factor(q, 0, n, pivots);
        LuKernels.Solve(q, 0, pivots, n, p, 0, n);
        return p;
    }

    private static double OneNorm(double[] a, int n)
    {
        double best = 0;
        for (int c = 0; c < n; c++)
        {
            double sum = 0;
            for (int r = 0; r < n; r++) sum += Math.Abs(a[r * n + c]);
            if (double.IsNaN(sum)) return double.NaN;
            best = Math.Max(best, sum);
        }
        return best;
    }

    private static double[] Mul(double[] x, double[] y, int n)
    {
        var r = new double[n * n];
        Gemm.Dgemm(false, false, n, n, n, 1, x, n, y, n, 0, r, n);
        return r;
    }

    private static double[] Identity(int n)
    {
        var r = new double[n * n];
        for (int i = 0; i < n; i++) r[i * n + i] = 1;
        return r;
    }

    private static double[] Scaled(double[] x, double s, int n) => x.Select(v => v * s).ToArray();

    private static double[] Add(double[] x, double[] y) => x.Zip(y, (p, q) => p + q).ToArray();

    private static void Axpy(double[] acc, double[] x, double s)
    {
        for (int i = 0; i < acc.Length; i++) acc[i] += s * x[i];
    }

    private static double[] Combine(int n, params (double[] M, double S)[] terms)
    {
        var r = new double[n * n];
        foreach (var (m, s) in terms) Axpy(r, m, s);
        return r;
    }
}
