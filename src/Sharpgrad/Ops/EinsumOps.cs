namespace Sharpgrad.Ops;

/// <summary>
/// einsum over recorded ops: a repeated subscript takes a diagonal (x · eye, summed), a subscript used by one operand
/// only and not kept is summed out, operands are contracted left to right with bmm (or multiplied when nothing is
/// contracted; for integer operands, multiplied and summed), and the result is permuted into the output order.
/// </summary>
internal static class EinsumOps
{
    /// <summary>Subscript labels: A–Z are 0–25, a–z 26–51 (PyTorch's order for the implicit output), '...' dims 52 and up.</summary>
    private const int Ellipsis0 = 52;

    private static int Label(char c) => c is >= 'A' and <= 'Z' ? c - 'A' : c - 'a' + 26;

    private static char Letter(int l) => l < 26 ? (char)('A' + l) : (char)('a' + l - 26);

    private static ArgumentException Error(string message) => new($"einsum(): {message}");

    /// <summary>torch.einsum(equation, *operands).</summary>
    public static Tensor Einsum(string equation, Tensor[] operands)
    {
        foreach (var t in operands) t.ThrowIfDisposed();
        int arrow = equation.IndexOf("->", StringComparison.Ordinal);
        string lhs = arrow < 0 ? equation : equation[..arrow];
        // the terms of the left side, as (subscripts, has ellipsis), with each subscript's index in the equation
        var terms = new List<(List<int> Labels, int EllipsisAt)>();
        var cur = new List<int>();
        int ell = -1;
        for (int i = 0; i < lhs.Length; i++)
        {
            char c = lhs[i];
            if (c == ' ') continue;
            if (c == ',')
            {
                terms.Add((cur, ell));
                (cur, ell) = ([], -1);
            }
            else if (c == '.' && i + 2 < lhs.Length && lhs[i + 1] == '.' && lhs[i + 2] == '.' && ell < 0)
            {
                ell = cur.Count;
                i += 2;
            }
            else if (char.IsAsciiLetter(c)) cur.Add(Label(c));
            else throw Error($"invalid subscript given at index {i} in the equation string, subscripts must be in [a-zA-Z]");
        }
        terms.Add((cur, ell));
        if (terms.Count > operands.Length) throw Error("fewer operands were provided than specified in the equation");
        if (terms.Count < operands.Length) throw Error("more operands were provided than specified in the equation");

        // expand each term's ellipsis into labels Ellipsis0 + k, right-aligned over the widest ellipsis
        int ellDims = 0;
        for (int k = 0; k < terms.Count; k++)
        {
            var (labels, at) = terms[k];
            int nd = operands[k].Dim;
            if (at < 0 && labels.Count != nd)
                throw Error($"the number of subscripts in the equation ({labels.Count}) does not match the number of dimensions ({nd}) for operand {k} and no ellipsis was given");
            if (at >= 0 && labels.Count > nd)
                throw Error($"the number of subscripts in the equation ({labels.Count}) is more than the number of dimensions ({nd}) for operand {k}");
            if (at >= 0) ellDims = Math.Max(ellDims, nd - labels.Count);
        }
        var ops = new List<(Tensor T, List<int> L)>();
        for (int k = 0; k < terms.Count; k++)
        {
            var (labels, at) = terms[k];
            var full = new List<int>(labels);
            if (at >= 0)
            {
                int e = operands[k].Dim - labels.Count;
                full.InsertRange(at, Enumerable.Range(Ellipsis0 + ellDims - e, e));
            }
            ops.Add(Diagonals(operands[k], full, k));
        }

        // every label's size, with size-1 broadcasting between operands
        var size = new Dictionary<int, int>();
        for (int k = 0; k < ops.Count; k++)
            for (int d = 0; d < ops[k].L.Count; d++)
            {
                int l = ops[k].L[d], s = ops[k].T.Sizes[d];
                if (!size.TryGetValue(l, out int seen) || seen == 1) size[l] = s;
                else if (s != 1 && s != seen)
                    throw Error($"subscript {Letter(l)} has size {s} for operand {k} which does not broadcast with previously seen size {seen}");
            }

        var output = OutputLabels(equation, arrow, ellDims, terms.SelectMany(t => t.Labels).ToList(), size);
        if (ops.Count == 1)
        {
            var (t, l) = SumOut(ops[0].T, ops[0].L, x => !output.Contains(x), out bool summed);
            return summed && l.SequenceEqual(output) ? t : Align(t, l, output, force: !summed);
        }
        var acc = ops[0];
        for (int k = 1; k < ops.Count; k++)
        {
            var keep = new HashSet<int>(output.Concat(ops.Skip(k + 1).SelectMany(o => o.L)));
            acc = Pair(acc, ops[k], keep, size);
        }
        return Align(acc.T, acc.L, output, force: false);
    }

    /// <summary>The output labels: the right side (its '...' standing for the ellipsis dims), or every '...' dim then the labels used once, in order.</summary>
    private static List<int> OutputLabels(string equation, int arrow, int ellDims, List<int> used, Dictionary<int, int> size)
    {
        var ellipsis = Enumerable.Range(Ellipsis0, ellDims);
        if (arrow < 0)
            return [.. ellipsis, .. used.GroupBy(l => l).Where(g => g.Count() == 1).Select(g => g.Key).Order()];
        var output = new List<int>();
        for (int i = arrow + 2; i < equation.Length; i++)
        {
            char c = equation[i];
            if (c == ' ') continue;
            if (c == '.' && i + 2 < equation.Length && equation[i + 1] == '.' && equation[i + 2] == '.')
            {
                output.AddRange(ellipsis);
                i += 2;
                continue;
            }
            if (!char.IsAsciiLetter(c)) throw Error($"invalid subscript given at index {i} in the equation string, subscripts must be in [a-zA-Z]");
            int l = Label(c);
            if (output.Contains(l)) throw Error($"output subscript {c} appears more than once in the output");
            if (!size.ContainsKey(l)) throw Error($"output subscript {c} does not appear in the equation for any input operand");
            output.Add(l);
        }
        return output;
    }

    /// <summary>A subscript repeated within one operand takes the diagonal: x · eye over the two dims, summed over the second.</summary>
    private static (Tensor T, List<int> L) Diagonals(Tensor t, List<int> labels, int operand)
    {
        labels = [.. labels];
        for (int d2 = 1; d2 < labels.Count; d2++)
        {
            int d1 = labels.IndexOf(labels[d2]);
            if (d1 == d2) continue;
            int n = t.Sizes[d1];
            if (t.Sizes[d2] != n)
                throw Error($"subscript {Letter(labels[d2])} is repeated for operand {operand} but the sizes don't match, {t.Sizes[d2]} != {n}");
            var shape = Enumerable.Repeat(1, t.Dim).ToArray();
            shape[d1] = shape[d2] = n;
            t = (t * Tensor.Eye(n, t.DType).Reshape(shape)).Sum(d2);
            labels.RemoveAt(d2);
            d2--;
        }
        return (t, labels);
    }

    /// <summary>Sums out the dims whose labels satisfy <paramref name="drop"/> (SumBackward1).</summary>
    private static (Tensor T, List<int> L) SumOut(Tensor t, List<int> labels, Func<int, bool> drop, out bool summed)
    {
        var dims = Enumerable.Range(0, labels.Count).Where(d => drop(labels[d])).ToArray();
        summed = dims.Length > 0;
        return summed ? (t.Sum(dims), labels.Where(l => !drop(l)).ToList()) : (t, labels);
    }

    /// <summary>t (labelled <paramref name="labels"/>) permuted into the order of <paramref name="target"/>, with size-1 dims for its missing labels.</summary>
    private static Tensor Align(Tensor t, List<int> labels, List<int> target, bool force)
    {
        var perm = target.Where(labels.Contains).Select(l => labels.IndexOf(l)).ToArray();
        if (force || !perm.SequenceEqual(Enumerable.Range(0, perm.Length))) t = t.Permute(perm);
        for (int p = 0; p < target.Count; p++)
            if (!labels.Contains(target[p])) t = t.Unsqueeze(p);
        return t;
    }

    /// <summary>Contracts two operands: labels kept by neither the output nor later operands are summed (bmm when both have them).</summary>
    private static (Tensor T, List<int> L) Pair((Tensor T, List<int> L) a, (Tensor T, List<int> L) b, HashSet<int> keep, Dictionary<int, int> size)
    {
        var (ta, la) = SumOut(a.T, a.L, l => !keep.Contains(l) && !b.L.Contains(l), out _);
        var (tb, lb) = SumOut(b.T, b.L, l => !keep.Contains(l) && !la.Contains(l), out _);
        var batch = la.Where(l => lb.Contains(l) && keep.Contains(l)).ToList();
        var contr = la.Where(l => lb.Contains(l) && !keep.Contains(l)).ToList();
        var lo = la.Where(l => !lb.Contains(l)).ToList();
        var ro = lb.Where(l => !la.Contains(l)).ToList();
        if (contr.Count == 0)
        {
            List<int> all = [.. batch, .. lo, .. ro];
            return (Align(ta, la, all, false) * Align(tb, lb, all, false), all);
        }
        bool viaBmm = (ta.DType.IsFloatingPoint() && tb.DType.IsFloatingPoint()) || (ta.DType == tb.DType && ta.DType.IsIntegral());
        if (!viaBmm)
        {
            // bmm takes neither bool nor mixed integer dtypes: multiply broadcast and sum the contracted dims
            List<int> all = [.. batch, .. lo, .. ro, .. contr];
            var prod = Align(ta, la, all, false) * Align(tb, lb, all, false);
            return (prod.Sum(Enumerable.Range(all.Count - contr.Count, contr.Count).ToArray()), [.. batch, .. lo, .. ro]);
        }
        int Prod(List<int> ls) => ls.Aggregate(1, (p, l) => p * size[l]);
        int[] Sizes(IEnumerable<int> ls) => ls.Select(l => size[l]).ToArray();
        var ea = Align(ta, la, [.. batch, .. lo, .. contr], false).Expand(Sizes([.. batch, .. lo, .. contr]));
        var eb = Align(tb, lb, [.. batch, .. contr, .. ro], false).Expand(Sizes([.. batch, .. contr, .. ro]));
        var y = ea.Reshape(Prod(batch), Prod(lo), Prod(contr)).Bmm(eb.Reshape(Prod(batch), Prod(contr), Prod(ro)));
        return (y.Reshape(Sizes([.. batch, .. lo, .. ro])), [.. batch, .. lo, .. ro]);
    }
}
