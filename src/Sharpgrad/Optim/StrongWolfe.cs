namespace Sharpgrad.Optim;

/// <summary>
/// The strong-Wolfe line search LBFGS uses: brackets a step satisfying the Wolfe conditions, then zooms in with cubic
/// interpolation. A line-by-line port of PyTorch's _strong_wolfe and _cubic_interpolate, with Python's min/max
/// semantics, so LBFGS trajectories match. PyTorch: torch.optim.lbfgs._strong_wolfe.
/// </summary>
internal static class StrongWolfe
{
    /// <summary>
    /// Searches along <paramref name="d"/> from step <paramref name="t"/>; <paramref name="evaluate"/> returns the loss
    /// and flat gradient at a step (and restores the parameters). Returns the loss, gradient and step chosen and the
    /// number of evaluations.
    /// </summary>
    internal static (double Loss, Tensor Grad, double T, int Evals) Search(Func<double, (double Loss, Tensor Grad)> evaluate,
        double t, Tensor d, double f, Tensor g, double gtd, double c1 = 1e-4, double c2 = 0.9, double toleranceChange = 1e-9, int maxLs = 25)
    {
        double dNorm = d.Abs().Max().Item();
        g = g.Clone();
        var (fNew, gNew) = evaluate(t);
        int evals = 1;
        double gtdNew = Dot(gNew, d);

        // bracket an interval containing a point satisfying the Wolfe criteria
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        var gPrev = g;
        bool done = false;
        int lsIter = 0;
        double[] bracket = [], bracketF = [], bracketGtd = [];
        Tensor[] bracketG = [];
        while (lsIter < maxLs)
        {
            if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev))
            {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew.Clone()], [gtdPrev, gtdNew]);
                break;
            }
            if (Math.Abs(gtdNew) <= -c2 * gtd)
            {
                (bracket, bracketF, bracketG) = ([t], [fNew], [gNew]);
                done = true;
                break;
            }
            if (gtdNew >= 0)
            {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew.Clone()], [gtdPrev, gtdNew]);
                break;
            }
            // interpolate
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = CubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, (minStep, maxStep));
            // next step
            (tPrev, fPrev, gPrev, gtdPrev) = (tmp, fNew, gNew.Clone(), gtdNew);
            (fNew, gNew) = evaluate(t);
            evals++;
            gtdNew = Dot(gNew, d);
            lsIter++;
        }
        if (lsIter == maxLs)
            (bracket, bracketF, bracketG) = ([0, t], [f, fNew], [g, gNew]);

        // zoom phase: refine the bracket until a point satisfies the criteria
        bool insufficientProgress = false;
        var (low, high) = bracketF[0] <= bracketF[^1] ? (0, 1) : (1, 0);
        while (!done && lsIter < maxLs)
        {
            // line-search bracket is so small
            if (Math.Abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
            t = CubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
            // close to a boundary: after insufficient progress, or at the boundary, move 0.1 of the bracket inside
            double hi = PyMax(bracket[0], bracket[1]), lo = PyMin(bracket[0], bracket[1]);
            double eps = 0.1 * (hi - lo);
            if (PyMin(hi - t, t - lo) < eps)
            {
                if (insufficientProgress || t >= hi || t <= lo)
                {
                    t = Math.Abs(t - hi) < Math.Abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                }
                else insufficientProgress = true;
            }
            else insufficientProgress = false;

            (fNew, gNew) = evaluate(t);
            evals++;
            gtdNew = Dot(gNew, d);
            lsIter++;
            if (fNew > f + c1 * t * gtd || fNew >= bracketF[low])
            {
                // Armijo condition not satisfied or not lower than the lowest point
                (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (t, fNew, gNew.Clone(), gtdNew);
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0);
            }
            else
            {
                if (Math.Abs(gtdNew) <= -c2 * gtd) done = true; // Wolfe conditions satisfied
                else if (gtdNew * (bracket[high] - bracket[low]) >= 0)
                    (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]);
                (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]) = (t, fNew, gNew.Clone(), gtdNew);
            }
        }
        return (bracketF[low], bracketG[low], bracket[low], evals);
    }

    /// <summary>
    /// The minimizer of the cubic through two points with their values and slopes, clamped to the bounds (default: the
    /// interval); the bounds' midpoint when the cubic has no real minimizer. PyTorch: _cubic_interpolate.
    /// </summary>
    internal static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, (double Min, double Max)? bounds = null)
    {
        var (minBound, maxBound) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1));
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (!(d2Square >= 0)) return (minBound + maxBound) / 2.0;
        double d2 = Math.Sqrt(d2Square);
        double minPos = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
        return PyMin(PyMax(minPos, minBound), maxBound);
    }

    /// <summary>The dot product of two flat vectors as a double.</summary>
    internal static double Dot(Tensor a, Tensor b)
    {
        using var dot = a.Dot(b);
        return dot.Item();
    }

    /// <summary>Python's max(a, b): a unless b is greater (so NaN in b loses).</summary>
    internal static double PyMax(double a, double b) => b > a ? b : a;

    /// <summary>Python's min(a, b): a unless b is smaller.</summary>
    internal static double PyMin(double a, double b) => b < a ? b : a;
}
