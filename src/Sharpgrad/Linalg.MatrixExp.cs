using Sharpgrad.Ops;

namespace Sharpgrad;

public static partial class Linalg
{
    /// <summary>
    /// e^A of each square matrix of [..., n, n], by scaling and squaring with a Padé approximant of degree 3 to 13
    /// chosen by the 1-norm (Higham, 2005), computed in Float64 (LinalgMatrixExpBackward0: the upper-right block of the
    /// exponential of [[Aᵀ, G], [0, Aᵀ]]). PyTorch: torch.linalg.matrix_exp.
    /// </summary>
    public static Tensor MatrixExp(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.ThrowIfDisposed();
        if (a.Dim < 2 || a.Sizes[^1] != a.Sizes[^2])
            throw new ArgumentException($"linalg.matrix_exp: A must be batches of square matrices, but they are {(a.Dim < 2 ? 1 : a.Sizes[^2])} by {a.Sizes[^1]} matrices");
        if (!a.DType.IsFloatingPoint())
            throw new ArgumentException($"linalg.matrix_exp: Expected a floating point or complex tensor as input. Got {ScatterOps.TypeName(a.DType)}");
        int n = a.Sizes[^1];
        Tensor y;
        using (Autograd.NoGrad())
        {
            var data = a.To(DType.Float64).Contiguous().ToArray<double>();
            int batches = n == 0 ? 0 : data.Length / (n * n);
            for (int b = 0; b < batches; b++)
            {
                var m = new double[n * n];
                Array.Copy(data, b * n * n, m, 0, n * n);
                Array.Copy(MatrixExpKernel.Exp(m, n), 0, data, b * n * n, n * n);
            }
            var result = Tensor.FromArray(data, a.Sizes);
            y = a.DType == DType.Float64 ? result : result.To(a.DType);
            if (!ReferenceEquals(y, result)) result.Dispose();
        }
        if (Record.ShouldRecord(a))
        {
            var node = Record.Connect(new LinalgMatrixExpBackward0(), a);
            node.Self = SavedTensor.Input(a);
            Record.SetHistory(y, node);
        }
        return y;
    }
}

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

    /// <summary>(V - U)⁻¹ (V + U) by Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[] u, double[] v, int n)
    {
        var p = new double[n * n];
        var q = new double[n * n];
        for (int i = 0; i < n * n; i++)
        {
            p[i] = v[i] + u[i];
            q[i] = v[i] - u[i];
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(q[r * n + col]) > Math.Abs(q[pivot * n + col])) pivot = r;
            if (pivot != col)
                for (int c = 0; c < n; c++)
                {
                    (q[col * n + c], q[pivot * n + c]) = (q[pivot * n + c], q[col * n + c]);
                    (p[col * n + c], p[pivot * n + c]) = (p[pivot * n + c], p[col * n + c]);
                }
            double d = q[col * n + col];
            for (int r = col + 1; r < n; r++)
            {
                double f = q[r * n + col] / d;
                if (f == 0) continue;
                for (int c = col; c < n; c++) q[r * n + c] -= f * q[col * n + c];
                for (int c = 0; c < n; c++) p[r * n + c] -= f * p[col * n + c];
            }
        }
        for (int col = n - 1; col >= 0; col--)
            for (int c = 0; c < n; c++)
            {
                double sum = p[col * n + c];
                for (int k = col + 1; k < n; k++) sum -= q[col * n + k] * p[k * n + c];
                p[col * n + c] = sum / q[col * n + col];
            }
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
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double xik = x[i * n + k];
                if (xik == 0) continue;
                for (int j = 0; j < n; j++) r[i * n + j] += xik * y[k * n + j];
            }
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

/// <summary>matrix_exp: the upper-right block of exp([[Aᵀ, G], [0, Aᵀ]]) (the Fréchet derivative's adjoint).</summary>
internal sealed class LinalgMatrixExpBackward0 : UnaryNode
{
    public override string Name => nameof(LinalgMatrixExpBackward0);
    internal override Tensor?[] Apply(Tensor grad)
    {
        var at = SelfValue.Transpose(-2, -1);
        int n = at.Sizes[^1];
        var top = Tensor.Cat([at, grad], -1);
        var bottom = Tensor.Cat([Tensor.ZerosLike(at), at], -1);
        var block = Linalg.MatrixExp(Tensor.Cat([top, bottom], -2));
        return [block.Narrow(-2, 0, n).Narrow(-1, n, n)];
    }
}
