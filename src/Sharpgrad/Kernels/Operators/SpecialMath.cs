using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// Special functions PyTorch has and .NET lacks: erfc, lgamma, digamma, trigamma, polygamma (Hurwitz zeta),
/// sinc. Double forms are accurate to a few ulps; the float forms of digamma and trigamma follow PyTorch's float
/// arithmetic (recurrence to x ≥ 10 or x ≥ 6, then the asymptotic series), the others round the double result.
/// </summary>
internal static class SpecialMath
{
    /// <summary>1 - erf(x) without the cancellation for large x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (Math.Abs(x) < 0.5) return 1.0 - ErfFunction.Erf(x);
        double r = ErfFunction.Erfc(Math.Abs(x));
        return x < 0 ? 2.0 - r : r;
    }

    /// <summary>log|Γ(x)|: series about 1 and 2, upward recurrence, Stirling's series above 10, reflection below 0.</summary>
    public static double Lgamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return double.PositiveInfinity;
        if (x <= 0)
        {
            if (x == Math.Floor(x)) return double.PositiveInfinity;
            if (x > -0.5) return LgammaOnePlus(x) - Math.Log(-x);
            return Math.Log(Math.PI / Math.Abs(SinPi(x))) - Lgamma(1 - x);
        }
        if (x < 0.5) return LgammaOnePlus(x) - Math.Log(x);
        if (x < 1.5) return LgammaOnePlus(x - 1);
        if (x < 2.5) return LgammaOnePlus(x - 2) + AccurateMath.Log1p(x - 2);
        if (x < 10)
        {
            double p = 1;
            while (x >= 2.5) { x -= 1; p *= x; }
            return LgammaOnePlus(x - 2) + AccurateMath.Log1p(x - 2) + Math.Log(p);
        }
        double z = 1 / (x * x), s = 0;
        for (int k = StirlingTerms - 1; k >= 0; k--) s = s * z + Stirling[k];
        return (x - 0.5) * Math.Log(x) - x + 0.91893853320467274178 + s / x;
    }

    private const int StirlingTerms = 8;

    /// <summary>B(2k) / (2k (2k - 1)), the coefficients of Stirling's series for log Γ.</summary>
    private static readonly double[] Stirling = MakeStirling();

    private static double[] MakeStirling()
    {
        var c = new double[StirlingTerms];
        for (int k = 1; k <= StirlingTerms; k++) c[k - 1] = Bernoulli(k) / (2.0 * k * (2 * k - 1));
        return c;
    }

    /// <summary>B(2k) as numerator / denominator.</summary>
    private static double Bernoulli(int k) => k switch
    {
        1 => 1.0 / 6, 2 => -1.0 / 30, 3 => 1.0 / 42, 4 => -1.0 / 30, 5 => 5.0 / 66, 6 => -691.0 / 2730,
        7 => 7.0 / 6, 8 => -3617.0 / 510, 9 => 43867.0 / 798, 10 => -174611.0 / 330, 11 => 854513.0 / 138,
        _ => -236364091.0 / 2730,
    };

    /// <summary>
    /// (2k)! / B(2k), the Euler-Maclaurin tail's coefficients, as Cephes tabulates them (initialized before
    /// ZetaMinusOne, which uses them).
    /// </summary>
    private static readonly double[] EulerMaclaurin =
    [
        12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10, -2.950130727918164224e12,
        1.1646782814350067249e14, -4.5979787224074726105e15, 1.8152105401943546773e17, -7.1661652561756670113e18,
    ];

    /// <summary>ζ(k) - 1 = ζ(k, 2) for k = 2..; the Taylor coefficients of log Γ(1 + z).</summary>
    private static readonly double[] ZetaMinusOne = MakeZetaMinusOne();

    private static double[] MakeZetaMinusOne()
    {
        var c = new double[48];
        for (int k = 2; k < c.Length; k++) c[k] = HurwitzZeta(k, 2);
        return c;
    }

    /// <summary>log Γ(1 + z) for |z| ≤ 0.5: -γz + z - log(1 + z) + Σ (-1)^k (ζ(k) - 1) z^k / k.</summary>
    private static double LgammaOnePlus(double z)
    {
        double s = 0;
        for (int k = ZetaMinusOne.Length - 1; k >= 2; k--) s = s * z + ((k & 1) == 0 ? 1 : -1) * ZetaMinusOne[k] / k;
        return s * z * z + (1 - 0.57721566490153286061) * z - AccurateMath.Log1p(z);
    }

    /// <summary>sin(πx) with x reduced exactly to [-1/2, 1/2] first.</summary>
    private static double SinPi(double x)
    {
        double r = x - 2 * Math.Round(x / 2); // [-1, 1], exact
        double sign = 1;
        if (r < 0) { r = -r; sign = -1; }
        if (r > 0.5) r = 1 - r;
        return sign * Math.Sin(Math.PI * r);
    }

    /// <summary>ψ(x): -∞·sign at ±0, NaN at negative integers, reflection below 0, recurrence to x ≥ 10, asymptotic series.</summary>
    public static T Digamma<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x == T.Zero) return T.CopySign(T.PositiveInfinity, -x);
        if (x < T.Zero)
        {
            if (x == T.Truncate(x)) return T.NaN;
            double r = double.CreateTruncating(x - T.Truncate(x));
            return Digamma(T.One - x) - T.CreateTruncating(Math.PI / Math.Tan(Math.PI * r));
        }
        T ten = T.CreateTruncating(10), acc = T.Zero;
        while (x < ten)
        {
            acc -= T.One / x;
            x += T.One;
        }
        if (x == ten) return acc + T.CreateTruncating(2.25175258906672110764); // ψ(10)
        T y = T.Zero;
        if (x < T.CreateTruncating(1e17))
        {
            T z = T.One / (x * x);
            // Σ B(2k) / (2k) z^k, k = 1..7, Horner from the highest power
            y = T.CreateTruncating(1.0 / 12);
            y = y * z + T.CreateTruncating(-691.0 / 32760);
            y = y * z + T.CreateTruncating(1.0 / 132);
            y = y * z + T.CreateTruncating(-1.0 / 240);
            y = y * z + T.CreateTruncating(1.0 / 252);
            y = y * z + T.CreateTruncating(-1.0 / 120);
            y = y * z + T.CreateTruncating(1.0 / 12);
            y *= z;
        }
        return acc + T.Log(x) - T.CreateTruncating(0.5) / x - y;
    }

    /// <summary>ψ'(x): reflection below 1/2, six recurrence steps, then the asymptotic series.</summary>
    public static T Trigamma<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T sign = T.One, acc = T.Zero, half = T.CreateTruncating(0.5);
        if (x < half)
        {
            sign = -T.One;
            T s = T.Sin(T.Pi * x);
            acc -= T.Pi * T.Pi / (s * s);
            x = T.One - x;
        }
        for (int i = 0; i < 6; i++)
        {
            acc += T.One / (x * x);
            x += T.One;
        }
        T ixx = T.One / (x * x);
        T series = T.CreateTruncating(1.0 / 6) - ixx * (T.CreateTruncating(1.0 / 30) - ixx * T.CreateTruncating(1.0 / 42));
        acc += (T.One + T.One / (T.CreateTruncating(2) * x) + ixx * series) / x;
        return sign * acc;
    }

    /// <summary>ψ⁽ⁿ⁾(x) = (-1)^(n+1) n! ζ(n + 1, x) for n ≥ 2 (n! as exp(lgamma(n + 1)), as PyTorch).</summary>
    public static double Polygamma(int n, double x)
    {
        if (n == 0) return Digamma(x);
        if (n == 1) return Trigamma(x);
        return ((n & 1) == 1 ? 1.0 : -1.0) * Math.Exp(Lgamma(n + 1.0)) * HurwitzZeta(n + 1, x);
    }

    /// <summary>
    /// The Hurwitz zeta function ζ(x, q) = Σ (q + k)^-x as ATen computes it (Cephes' zeta): in double whatever T, except
    /// that ATen takes the first term q^-x in T (powf for float).
    /// </summary>
    public static T Zeta<T>(T x, T q) where T : IFloatingPointIeee754<T> =>
        T.CreateTruncating(HurwitzZeta(double.CreateTruncating(x), double.CreateTruncating(q), typeof(T) == typeof(float)));

    /// <summary>
    /// ζ(x, q): ∞ at x = 1, NaN below 1 and for a non-integer x at non-positive q, ∞ at non-positive integer q; direct
    /// terms until q + k &gt; 9 (at least 10 of them), then the Euler-Maclaurin tail. Derived from the Cephes Math
    /// Library (Copyright (c) 2018 Steven Moshier, 3-clause BSD), as ATen's zeta.
    /// </summary>
    public static double HurwitzZeta(double x, double q, bool floatFirstTerm = false)
    {
        if (x == 1) return double.PositiveInfinity;
        if (x < 1) return double.NaN;
        if (q <= 0)
        {
            if (q == Math.Floor(q)) return double.PositiveInfinity;
            if (x != Math.Floor(x)) return double.NaN;
        }
        const double eps = 1.11022302462515654042e-16;
        double s = floatFirstTerm ? MathF.Pow((float)q, -(float)x) : Math.Pow(q, -x), a = q, b = 0;
        for (int i = 0; i < 9 || a <= 9;)
        {
            i++;
            a += 1;
            b = Math.Pow(a, -x);
            s += b;
            // false whenever s < 0: a negative partial sum always goes on to the tail
            if (-eps * s < b && b < eps * s) return s;
        }
        double w = a;
        s += b * w / (x - 1);
        s -= 0.5 * b;
        double rising = 1, k = 0;
        for (int j = 0; j < 12; j++)
        {
            rising *= x + k;
            b /= w;
            double t = rising * b / EulerMaclaurin[j];
            s += t;
            if (Math.Abs(t / s) < eps) break;
            k += 1;
            rising *= x + k;
            b /= w;
            k += 1;
        }
        return s;
    }

    /// <summary>sin(πx) / (πx), 1 at 0, computed in T.</summary>
    public static T Sinc<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x == T.Zero) return T.One;
        T p = T.Pi * x;
        return T.Sin(p) / p;
    }

    /// <summary>x - trunc(x) (NaN at ±∞, as PyTorch).</summary>
    public static T Frac<T>(T x) where T : IFloatingPointIeee754<T> => x - T.Truncate(x);
}
