namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// The double erfc, lgamma (x &gt; 0), log1p and expm1 of glibc 2.41 (fdlibm's algorithms and coefficients, with
/// glibc's evaluation order and, for log1p and expm1, the fused multiply-adds of its x86-64 FMA build), which ATen's
/// scalar kernels call through std::. The special functions that feed these into an exponential (igamma, log_ndtr)
/// amplify a last-bit difference a hundredfold, so matching PyTorch needs glibc's bits, not just accurate ones. Float
/// callers round these: glibc's float forms are correctly rounded.
/// <para>
/// Derived from fdlibm: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunSoft, a Sun
/// Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is freely granted,
/// provided that this notice is preserved.
/// </para>
/// </summary>
internal static partial class LibmMath
{
    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
    private static uint LowWord(double x) => (uint)BitConverter.DoubleToInt64Bits(x);
    private static double WithHighWord(double x, int hi) => BitConverter.Int64BitsToDouble(((long)hi << 32) | LowWord(x));
    private static double WithLowWordZero(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & unchecked((long)0xFFFFFFFF00000000));

    // ---- log1p ----

    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    private static readonly double[] Lp = [0.0, 6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01];

    /// <summary>log(1 + x): 1 + x = 2^k (1 + f), log(1 + f) = 2s + s·R(s²) with s = f/(2 + f), and a correction for the rounding of 1 + x.</summary>
    public static double Log1p(double x)
    {
        int hx = HighWord(x), ax = hx & 0x7fffffff, k = 1, hu = 0;
        double f = 0, c = 0;
        if (hx < 0x3FDA827A)
        {
            if (ax >= 0x3ff00000) return x == -1.0 ? double.NegativeInfinity : double.NaN;
            if (ax < 0x3e200000) return ax < 0x3c900000 ? x : Math.FusedMultiplyAdd(-x * x, 0.5, x);
            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000) return x + x;
        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) u = WithHighWord(u, hu | 0x3ff00000);
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0)
        {
            if (f == 0) return k == 0 ? 0.0 : Math.FusedMultiplyAdd(k, Ln2Hi, Math.FusedMultiplyAdd(k, Ln2Lo, c));
            double rr = hfsq * Math.FusedMultiplyAdd(-0.66666666666666666, f, 1.0);
            if (k == 0) return f - rr;
            return Math.FusedMultiplyAdd(k, Ln2Hi, -((rr - Math.FusedMultiplyAdd(k, Ln2Lo, c)) - f));
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double z2 = z * z;
        double r2 = Math.FusedMultiplyAdd(z, Lp[3], Lp[2]), z4 = z2 * z2;
        double r3 = Math.FusedMultiplyAdd(z, Lp[5], Lp[4]), z6 = z4 * z2;
        double r4 = Math.FusedMultiplyAdd(z, Lp[7], Lp[6]);
        // R = z·Lp1 + z²·R2 + z⁴·R3 + z⁶·R4: GCC fuses the first product, so z²·R2 is rounded on its own
        double r = Math.FusedMultiplyAdd(z6, r4, Math.FusedMultiplyAdd(z4, r3, Math.FusedMultiplyAdd(z, Lp[1], z2 * r2)));
        // __log1p_fma (glibc 2.41, Debian) rounds s·(hfsq + R) before subtracting or adding it: GCC fuses neither use
        double sr = s * (hfsq + r);
        if (k == 0) return f - (hfsq - sr);
        return Math.FusedMultiplyAdd(k, Ln2Hi, -((hfsq - (sr + Math.FusedMultiplyAdd(k, Ln2Lo, c))) - f));
    }

    // ---- expm1 ----

    private const double InvLn2 = 1.44269504088896338700e+00, OThreshold = 7.09782712893383973096e+02;
    private static readonly double[] Q = [1.0, -3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05, 4.00821782732936239552e-06, -2.01099218183624371326e-07];

    /// <summary>exp(x) - 1: x = k ln2 + r, a rational approximation of (e^r - 1) on |r| ≤ ln2/2, then 2^k scaling.</summary>
    public static double Expm1(double x)
    {
        uint hx = (uint)HighWord(x);
        bool negative = (hx & 0x80000000) != 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4043687A)
        {
            if (hx >= 0x40862E42)
            {
                if (hx >= 0x7ff00000) return double.IsNaN(x) ? x + x : negative ? -1.0 : x;
                if (x > OThreshold) return double.PositiveInfinity;
            }
            if (negative) return 1e-300 - 1.0;
        }
        int k;
        double c = 0;
        if (hx > 0x3fd62e42)
        {
            double hi, lo;
            if (hx < 0x3FF0A2B2)
            {
                if (!negative) { hi = x - Ln2Hi; lo = Ln2Lo; k = 1; }
                else { hi = x + Ln2Hi; lo = -Ln2Lo; k = -1; }
            }
            else
            {
                k = (int)Math.FusedMultiplyAdd(InvLn2, x, negative ? -0.5 : 0.5);
                double t = k;
                hi = Math.FusedMultiplyAdd(-t, Ln2Hi, x);
                lo = t * Ln2Lo;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3c900000) return x;
        else k = 0;
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1a = Math.FusedMultiplyAdd(hxs, Q[1], 1.0), h2 = hxs * hxs;
        double r2 = Math.FusedMultiplyAdd(hxs, Q[3], Q[2]), h4 = h2 * h2;
        double r3 = Math.FusedMultiplyAdd(hxs, Q[5], Q[4]);
        double r1 = Math.FusedMultiplyAdd(h4, r3, Math.FusedMultiplyAdd(h2, r2, r1a));
        double tt = Math.FusedMultiplyAdd(-r1, hfx, 3.0);
        double e = hxs * ((r1 - tt) / Math.FusedMultiplyAdd(-x, tt, 6.0));
        if (k == 0) return x - Math.FusedMultiplyAdd(x, e, -hxs);
        e = Math.FusedMultiplyAdd(x, e - c, -c);
        e -= hxs;
        if (k == -1) return Math.FusedMultiplyAdd(0.5, x - e, -0.5);
        if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : Math.FusedMultiplyAdd(2.0, x - e, 1.0);
        double y;
        if (k <= -2 || k > 56)
        {
            y = 1.0 - (e - x);
            y = WithHighWord(y, HighWord(y) + (k << 20));
            return y - 1.0;
        }
        if (k < 20)
        {
            double t = WithHighWord(1.0, 0x3ff00000 - (0x200000 >> k));
            y = t - (e - x);
            y = WithHighWord(y, HighWord(y) + (k << 20));
        }
        else
        {
            double t = WithHighWord(1.0, (0x3ff - k) << 20);
            y = x - (e + t);
            y += 1.0;
            y = WithHighWord(y, HighWord(y) + (k << 20));
        }
        return y;
    }

    // ---- lgamma ----

    private const double Tc = 1.46163214496836224576e+00, Tf = -1.21486290535849611461e-01, Tt = -3.63867699703950536541e-18;
    private static readonly double[] A = [7.72156649015328655494e-02, 3.22467033424113591611e-01, 6.73523010531292681824e-02, 2.05808084325167332806e-02, 7.38555086081402883957e-03, 2.89051383673415629091e-03, 1.19270763183362067845e-03, 5.10069792153511336608e-04, 2.20862790713908385557e-04, 1.08011567247583939954e-04, 2.52144565451257326939e-05, 4.48640949618915160150e-05];
    private static readonly double[] T = [4.83836122723810047042e-01, -1.47587722994593911752e-01, 6.46249402391333854778e-02, -3.27885410759859649565e-02, 1.79706750811820387126e-02, -1.03142241298341437450e-02, 6.10053870246291332635e-03, -3.68452016781138256760e-03, 2.25964780900612472250e-03, -1.40346469989232843813e-03, 8.81081882437654011382e-04, -5.38595305356740546715e-04, 3.15632070903625950361e-04, -3.12754168375120860518e-04, 3.35529192635519073543e-04];
    private static readonly double[] U = [-7.72156649015328655494e-02, 6.32827064025093366517e-01, 1.45492250137234768737e+00, 9.77717527963372745603e-01, 2.28963728064692451092e-01, 1.33810918536787660377e-02];
    private static readonly double[] V = [0.0, 2.45597793713041134822e+00, 2.12848976379893395361e+00, 7.69285150456672783825e-01, 1.04222645593369134254e-01, 3.21709242282423911810e-03];
    private static readonly double[] S = [-7.72156649015328655494e-02, 2.14982415960608852501e-01, 3.25778796408930981787e-01, 1.46350472652464452805e-01, 2.66422703033638609560e-02, 1.84028451407337715652e-03, 3.19475326584100867617e-05];
    private static readonly double[] R = [0.0, 1.39200533467621045958e+00, 7.21935547567138069525e-01, 1.71933865632803078993e-01, 1.86459191715652901344e-02, 7.77942496381893596434e-04, 7.32668430744625636189e-06];
    private static readonly double[] W = [4.18938533204672725052e-01, 8.33333333333329678849e-02, -2.77777777728775536470e-03, 7.93650558643019558500e-04, -5.95187557450339963135e-04, 8.36339918996282139126e-04, -1.63092934096575273989e-03];

    /// <summary>
    /// log Γ(x) for x &gt; 0 as glibc computes it: polynomial and rational approximations about the minimum 1.4616 and
    /// the zeros 1 and 2, the recurrence below 8, Stirling's series above. Other x (and NaN) go to
    /// <see cref="SpecialMath.Lgamma"/>.
    /// </summary>
    public static double Lgamma(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x)) return SpecialMath.Lgamma(x);
        int hx = HighWord(x), ix = hx & 0x7fffffff;
        uint lx = LowWord(x);
        if (ix < 0x3b900000) return -Math.Log(x);
        double r;
        if ((((ix - 0x3ff00000) | (int)lx) == 0) || (((ix - 0x40000000) | (int)lx) == 0)) r = 0;
        else if (ix < 0x40000000)
        {
            double y;
            int i;
            if (ix <= 0x3feccccc)
            {
                r = -Math.Log(x);
                if (ix >= 0x3FE76944) { y = 1.0 - x; i = 0; }
                else if (ix >= 0x3FCDA661) { y = x - (Tc - 1.0); i = 1; }
                else { y = x; i = 2; }
            }
            else
            {
                r = 0;
                if (ix >= 0x3FFBB4C3) { y = 2.0 - x; i = 0; }
                else if (ix >= 0x3FF3B4C4) { y = x - Tc; i = 1; }
                else { y = x - 1.0; i = 2; }
            }
            switch (i)
            {
                case 0:
                {
                    double z = y * y;
                    double p1 = A[0] + z * (A[2] + z * (A[4] + z * (A[6] + z * (A[8] + z * A[10]))));
                    double p2 = z * (A[1] + z * (A[3] + z * (A[5] + z * (A[7] + z * (A[9] + z * A[11])))));
                    double p = y * p1 + p2;
                    r += p - 0.5 * y;
                    break;
                }
                case 1:
                {
                    double z = y * y, w = z * y;
                    double p1 = T[0] + w * (T[3] + w * (T[6] + w * (T[9] + w * T[12])));
                    double p2 = T[1] + w * (T[4] + w * (T[7] + w * (T[10] + w * T[13])));
                    double p3 = T[2] + w * (T[5] + w * (T[8] + w * (T[11] + w * T[14])));
                    double p = z * p1 - (Tt - w * (p2 + y * p3));
                    r += Tf + p;
                    break;
                }
                default:
                {
                    double p1 = y * (U[0] + y * (U[1] + y * (U[2] + y * (U[3] + y * (U[4] + y * U[5])))));
                    double p2 = 1.0 + y * (V[1] + y * (V[2] + y * (V[3] + y * (V[4] + y * V[5]))));
                    r += -0.5 * y + p1 / p2;
                    break;
                }
            }
        }
        else if (ix < 0x40200000)
        {
            int i = (int)x;
            double y = x - i;
            double p = y * (S[0] + y * (S[1] + y * (S[2] + y * (S[3] + y * (S[4] + y * (S[5] + y * S[6]))))));
            double q = 1.0 + y * (R[1] + y * (R[2] + y * (R[3] + y * (R[4] + y * (R[5] + y * R[6])))));
            r = 0.5 * y + p / q;
            double z = 1.0;
            // lgamma(1 + s) = log(s) + lgamma(s)
            if (i >= 7) z *= y + 6.0;
            if (i >= 6) z *= y + 5.0;
            if (i >= 5) z *= y + 4.0;
            if (i >= 4) z *= y + 3.0;
            if (i >= 3)
            {
                z *= y + 2.0;
                r += Math.Log(z);
            }
        }
        else if (ix < 0x43900000)
        {
            double t = Math.Log(x);
            double z = 1.0 / x;
            double y = z * z;
            double w = W[0] + z * (W[1] + y * (W[2] + y * (W[3] + y * (W[4] + y * (W[5] + y * W[6])))));
            r = (x - 0.5) * (t - 1.0) + w;
        }
        else r = x * (Math.Log(x) - 1.0);
        return r;
    }
}
