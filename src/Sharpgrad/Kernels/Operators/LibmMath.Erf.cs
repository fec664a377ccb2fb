namespace Sharpgrad.Kernels.Operators;

/// <summary>glibc's double erf and erfc (fdlibm's s_erf.c, no fused multiply-adds).</summary>
internal static partial class LibmMath
{
    private const double Efx = 1.28379167095512586316e-01;
    private const double Erx = 8.45062911510467529297e-01;
    private static readonly double[] Pp = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
    private static readonly double[] Qq = [0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
    private static readonly double[] Pa = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
    private static readonly double[] Qa = [0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
    private static readonly double[] Ra = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00];
    private static readonly double[] Sa = [0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02];
    private static readonly double[] Rb = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
    private static readonly double[] Sb = [0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

    /// <summary>
    /// erf(x): x + x·R/S below 0.84375, erx ± P/Q to 1.25, 1 − exp(−z² − 0.5625)·exp((z − x)(z + x) + R/S)/x to 6, ±1
    /// beyond. The C library's erff rounds correctly, so the Float32 erf of ATen's scalar code is this rounded once.
    /// </summary>
    public static double Erf(double x)
    {
        int hx = HighWord(x), ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) return (double)(1 - (int)(((uint)hx >> 31) << 1)) + 1.0 / x; // NaN, ±1 at ±∞
        if (ix < 0x3feb0000)
        {
            if (ix < 0x3e300000) return ix < 0x00800000 ? 0.0625 * (16.0 * x + (16.0 * Efx) * x) : x + Efx * x;
            return x + x * SmallRatio(x);
        }
        if (ix < 0x3ff40000) return hx >= 0 ? Erx + ErxRatio(x) : -Erx - ErxRatio(x);
        if (ix >= 0x40180000) return hx >= 0 ? 1.0 - 1e-300 : 1e-300 - 1.0;
        double ax = Math.Abs(x), r = ExpTail(ax, TailRatio(ax, ix < 0x4006DB6E));
        return hx >= 0 ? 1.0 - r / ax : r / ax - 1.0;
    }

    /// <summary>1 - erf(x): rational approximations on |x| &lt; 0.84375, [0.84375, 1.25), then exp(-x² - 0.5625 + R/S)/x to 28.</summary>
    public static double Erfc(double x)
    {
        int hx = HighWord(x), ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) return (double)(((uint)hx >> 31) << 1) + 1.0 / x; // NaN, 0 at +∞, 2 at -∞
        if (ix < 0x3feb0000)
        {
            if (ix < 0x3c700000) return 1.0 - x;
            double y = SmallRatio(x);
            if (hx < 0x3fd00000) return 1.0 - (x + x * y);
            double r = x * y;
            r += x - 0.5;
            return 0.5 - r;
        }
        if (ix < 0x3ff40000)
        {
            double pq = ErxRatio(x);
            return hx >= 0 ? (1.0 - Erx) - pq : 1.0 + (Erx + pq);
        }
        if (ix < 0x403c0000)
        {
            if (hx < 0 && ix >= 0x40180000) return 2.0 - 1e-300;
            double ax = Math.Abs(x), r = ExpTail(ax, TailRatio(ax, ix < 0x4006DB6D));
            return hx > 0 ? r / ax : 2.0 - r / ax;
        }
        return hx > 0 ? 1e-300 * 1e-300 : 2.0 - 1e-300;
    }

    /// <summary>R/S for |x| &lt; 0.84375 (erf(x) = x + x·R/S there).</summary>
    private static double SmallRatio(double x)
    {
        double z = x * x;
        double r1 = Pp[0] + z * Pp[1], z2 = z * z;
        double r2 = Pp[2] + z * Pp[3], z4 = z2 * z2;
        double s1 = 1.0 + z * Qq[1];
        double s2 = Qq[2] + z * Qq[3];
        double s3 = Qq[4] + z * Qq[5];
        double r = r1 + z2 * r2 + z4 * Pp[4];
        double s = s1 + z2 * s2 + z4 * s3;
        return r / s;
    }

    /// <summary>P/Q in |x| − 1 for 0.84375 ≤ |x| &lt; 1.25 (erf(|x|) = erx + P/Q there).</summary>
    private static double ErxRatio(double x)
    {
        double s = Math.Abs(x) - 1.0;
        double p1 = Pa[0] + s * Pa[1], s2 = s * s;
        double q1 = 1.0 + s * Qa[1], s4 = s2 * s2;
        double p2 = Pa[2] + s * Pa[3], s6 = s4 * s2;
        double q2 = Qa[2] + s * Qa[3];
        double p3 = Pa[4] + s * Pa[5];
        double q3 = Qa[4] + s * Qa[5];
        double p = p1 + s2 * p2 + s4 * p3 + s6 * Pa[6];
        double q = q1 + s2 * q2 + s4 * q3 + s6 * Qa[6];
        return p / q;
    }

    /// <summary>R/S in 1/x² beyond 1.25: the coefficients below 1/0.35 when <paramref name="near"/>, the others above.</summary>
    private static double TailRatio(double ax, bool near)
    {
        double s = 1.0 / (ax * ax);
        if (near)
        {
            double r1 = Ra[0] + s * Ra[1], s2 = s * s;
            double t1 = 1.0 + s * Sa[1], s4 = s2 * s2;
            double r2 = Ra[2] + s * Ra[3], s6 = s4 * s2;
            double t2 = Sa[2] + s * Sa[3], s8 = s4 * s4;
            double r3 = Ra[4] + s * Ra[5];
            double t3 = Sa[4] + s * Sa[5];
            double r4 = Ra[6] + s * Ra[7];
            double t4 = Sa[6] + s * Sa[7];
            return (r1 + s2 * r2 + s4 * r3 + s6 * r4) / (t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * Sa[8]);
        }
        double b1 = Rb[0] + s * Rb[1], w2 = s * s;
        double u1 = 1.0 + s * Sb[1], w4 = w2 * w2;
        double b2 = Rb[2] + s * Rb[3], w6 = w4 * w2;
        double u2 = Sb[2] + s * Sb[3];
        double b3 = Rb[4] + s * Rb[5];
        double u3 = Sb[4] + s * Sb[5];
        double u4 = Sb[6] + s * Sb[7];
        return (b1 + w2 * b2 + w4 * b3 + w6 * Rb[6]) / (u1 + w2 * u2 + w4 * u3 + w6 * u4);
    }

    /// <summary>
    /// exp(−x² − 0.5625 + R/S) as exp(−z² − 0.5625)·exp((z − x)(z + x) + R/S), z being x with its low 32 bits cleared,
    /// so z² is exact and exp(−x²) loses nothing to rounding x².
    /// </summary>
    private static double ExpTail(double ax, double ratio)
    {
        double z = WithLowWordZero(ax);
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - ax) * (z + ax) + ratio);
    }
}
