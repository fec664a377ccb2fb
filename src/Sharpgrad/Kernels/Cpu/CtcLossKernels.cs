using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// The shape of a CTC problem: log-probabilities [Time, Batch, Classes], each sample's input and target length, and its
/// targets gathered into <see cref="Targets"/> from <see cref="TargetOffsets"/> on; <see cref="States"/> = 2·max target
/// length + 1 (the blank-extended label sequence).
/// </summary>
internal sealed record CtcGeometry(int Time, int Batch, int Classes, int Blank, int States, int[] InputLengths, int[] TargetLengths, long[] Targets, int[] TargetOffsets)
{
    /// <summary>The label of extended state <paramref name="s"/> of sample <paramref name="b"/>: the blank at even s, else target s / 2.</summary>
    public int Prime(int b, int s) => s % 2 == 0 ? Blank : (int)Targets[TargetOffsets[b] + s / 2];
}

/// <summary>
/// ctc_loss's CPU kernels as ATen's LossCTC.cpp computes them, in the input's own precision: the alpha recursion in log
/// space (forward) and the beta recursion with the collected alpha·beta (backward, eq. 16 of Graves et al. 2006).
/// </summary>
internal static class CtcLossKernels
{
    /// <summary>
    /// Per-sample negative log-likelihood into <paramref name="nll"/> [Batch] and log alpha into <paramref name="alpha"/>
    /// [Batch, Time, States] from contiguous log-probabilities [Time, Batch, Classes].
    /// </summary>
    public static void Forward<T>(T[] lp, int lpOff, CtcGeometry g, T[] alpha, T[] nll)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int time = g.Time, batch = g.Batch, classes = g.Classes, states = g.States;
        alpha.AsSpan(0, batch * time * states).Fill(T.NegativeInfinity);
        for (int b = 0; b < batch; b++)
        {
            int inLen = g.InputLengths[b], tgLen = g.TargetLengths[b];
            int a0 = b * time * states;
            if (inLen == 0)
            {
                nll[b] = -(tgLen == 0 ? T.Zero : T.NegativeInfinity);
                continue;
            }
            alpha[a0] = lp[lpOff + b * classes + g.Blank];
            if (tgLen > 0) alpha[a0 + 1] = lp[lpOff + b * classes + g.Prime(b, 1)];
            for (int t = 1; t < inLen; t++)
            {
                int prev = a0 + (t - 1) * states, row = a0 + t * states, lpRow = lpOff + (t * batch + b) * classes;
                for (int s = 0; s < 2 * tgLen + 1; s++)
                {
                    int cur = g.Prime(b, s);
                    T la1 = alpha[prev + s], lamax = la1, la2, la3;
                    if (s > 0)
                    {
                        la2 = alpha[prev + s - 1];
                        if (la2 > lamax) lamax = la2;
                    }
                    else la2 = T.NegativeInfinity;
                    if (s > 1 && g.Prime(b, s - 2) != cur)
                    {
                        la3 = alpha[prev + s - 2];
                        if (la3 > lamax) lamax = la3;
                    }
                    else la3 = T.NegativeInfinity;
                    if (lamax == T.NegativeInfinity) lamax = T.Zero; // cannot do -inf - -inf
                    alpha[row + s] = T.Log(T.Exp(la1 - lamax) + T.Exp(la2 - lamax) + T.Exp(la3 - lamax)) + lamax + lp[lpRow + cur];
                }
            }
            int last = a0 + (inLen - 1) * states;
            if (tgLen == 0)
            {
                nll[b] = -alpha[last];
                continue;
            }
            nll[b] = -LogAddExp(alpha[last + 2 * tgLen], alpha[last + 2 * tgLen - 1]);
        }
    }

    /// <summary>
    /// The gradient [Time, Batch, Classes] into <paramref name="grad"/>: (e^lp - e^(log Σ alpha·beta + nll - lp))·grad_out
    /// for t below each input length, 0 beyond it, and 0 throughout a sample whose loss is infinite under
    /// <paramref name="zeroInfinity"/>.
    /// </summary>
    public static void Backward<T>(T[] gradOut, int gOff, T[] lp, int lpOff, CtcGeometry g, T[] alpha, T[] nll, bool zeroInfinity, T[] grad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int time = g.Time, batch = g.Batch, classes = g.Classes, states = g.States;
        grad.AsSpan(0, time * batch * classes).Fill(T.NegativeInfinity); // the log of an empty sum
        var beta = new T[time * states];
        for (int b = 0; b < batch; b++)
        {
            T loss = nll[b];
            if (zeroInfinity && loss == T.PositiveInfinity)
            {
                for (int t = 0; t < time; t++) grad.AsSpan((t * batch + b) * classes, classes).Clear();
                continue;
            }
            int inLen = g.InputLengths[b], tgLen = g.TargetLengths[b];
            int a0 = b * time * states;
            if (inLen > 0)
            {
                int row = (inLen - 1) * states, lpRow = lpOff + ((inLen - 1) * batch + b) * classes, gRow = ((inLen - 1) * batch + b) * classes;
                beta.AsSpan(row, states).Fill(T.NegativeInfinity);
                beta[row + 2 * tgLen] = lp[lpRow + g.Blank];
                grad[gRow + g.Blank] = alpha[a0 + row + 2 * tgLen] + beta[row + 2 * tgLen];
                if (tgLen > 0)
                {
                    int cur = g.Prime(b, 2 * tgLen - 1);
                    beta[row + 2 * tgLen - 1] = lp[lpRow + cur];
                    // a blank and a non-blank: different labels, so no log-add is needed
                    grad[gRow + cur] = alpha[a0 + row + 2 * tgLen - 1] + beta[row + 2 * tgLen - 1];
                }
            }
            for (int t = inLen - 2; t >= 0; t--)
            {
                int next = (t + 1) * states, row = t * states, lpRow = lpOff + (t * batch + b) * classes, gRow = (t * batch + b) * classes;
                for (int s = 2 * tgLen; s >= 0; s--)
                {
                    int cur = g.Prime(b, s);
                    T lb1 = beta[next + s], lbmax = lb1, lb2, lb3;
                    if (s < 2 * tgLen)
                    {
                        lb2 = beta[next + s + 1];
                        if (lb2 > lbmax) lbmax = lb2;
                    }
                    else lb2 = T.NegativeInfinity;
                    if (s < 2 * tgLen - 1 && g.Prime(b, s + 2) != cur)
                    {
                        lb3 = beta[next + s + 2];
                        if (lb3 > lbmax) lbmax = lb3;
                    }
                    else lb3 = T.NegativeInfinity;
                    if (lbmax == T.NegativeInfinity) lbmax = T.Zero;
                    beta[row + s] = T.Log(T.Exp(lb1 - lbmax) + T.Exp(lb2 - lbmax) + T.Exp(lb3 - lbmax)) + lbmax + lp[lpRow + cur];
                    // collected[t, target'[s]] log+= alpha[t, s] + beta[t, s]
                    T logAlphaBeta = alpha[a0 + row + s] + beta[row + s];
                    ref T lcab = ref grad[gRow + cur];
                    lcab = lcab == T.NegativeInfinity ? logAlphaBeta : LogAddExp(lcab, logAlphaBeta);
                }
            }
            T gr = gradOut[gOff + b];
            for (int t = 0; t < inLen; t++)
            {
                int lpRow = lpOff + (t * batch + b) * classes, gRow = (t * batch + b) * classes;
                for (int c = 0; c < classes; c++)
                {
                    T res = grad[gRow + c], x = lp[lpRow + c];
                    grad[gRow + c] = (T.Exp(x) - T.Exp(res + loss - x)) * gr;
                }
            }
            for (int t = inLen; t < time; t++) grad.AsSpan((t * batch + b) * classes, classes).Clear();
        }
    }

    /// <summary>log(e^a + e^b) about the larger of the two (about 0 when both are -inf).</summary>
    private static T LogAddExp<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T m = a < b ? b : a;
        if (m == T.NegativeInfinity) m = T.Zero;
        return T.Log(T.Exp(a - m) + T.Exp(b - m)) + m;
    }
}
