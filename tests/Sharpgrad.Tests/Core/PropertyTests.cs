using CsCheck;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// CsCheck properties: ops on random shapes (rank 0-4, sizes 0-5) in random layouts against the naive
/// <see cref="RefArray"/>. Each case is built from one sampled seed, so a failure prints a reproducible seed.
/// </summary>
public class PropertyTests
{
    private static void Sample(Action<Random> property, int iter) =>
        Gen.Int[0, int.MaxValue].Sample(seed => property(new Random(seed)), iter: iter, threads: 1);

    private static readonly (string Name, Func<Tensor, Tensor, Tensor> Op, Func<double, double, double> Ref)[] Binaries =
    [
        ("add", (a, b) => a + b, (x, y) => x + y),
        ("sub", (a, b) => a - b, (x, y) => x - y),
        ("mul", (a, b) => a * b, (x, y) => x * y),
        ("div", (a, b) => a / b, (x, y) => x / y),
        ("add alpha", (a, b) => a.Add(b, 2), (x, y) => x + 2 * y),
        ("maximum", (a, b) => a.Maximum(b), Math.Max),
        ("minimum", (a, b) => a.Minimum(b), Math.Min),
    ];

    [Fact]
    public void BinaryOpsBroadcastOverLayouts()
    {
        Sample(rng =>
        {
            var dtype = rng.Next(2) == 0 ? DType.Float32 : DType.Float64;
            var outShape = Inputs.Shape(rng);
            var (a, ra) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), dtype);
            var (b, rb) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), dtype);
            if (rng.Next(2) == 0) (a, ra, b, rb) = (b, rb, a, ra);
            var (name, op, f) = Binaries[rng.Next(Binaries.Length)];
            Func<double, double, double> g = dtype == DType.Float32 ? (x, y) => (float)f(x, y) : f;
            var y = op(a, b);
            Assert.Equal(dtype, y.DType);
            Check.Close(RefArray.Binary(ra, rb, g), y, 0, 0, name); // + - * / max min are exact (correct rounding)
        }, 400);
    }

    [Fact]
    public void ComparisonsAndScalarOps()
    {
        Sample(rng =>
        {
            var outShape = Inputs.Shape(rng);
            var (a, ra) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Float32, -3, 3);
            var (b, rb) = Inputs.Input(rng, Inputs.BroadcastableTo(rng, outShape), DType.Int64, -3, 3);
            Check.Close(RefArray.Binary(ra, rb, (x, y) => x > y ? 1 : 0), a.Gt(b));
            Check.Close(RefArray.Binary(ra.Map(Math.Round), rb, (x, y) => x == y ? 1 : 0), a.Round().Eq(b));
            Check.Close(RefArray.Binary(rb, ra, (x, y) => x <= y ? 1 : 0), b.Le(a));
            Check.Close(ra.Map(x => (float)(x * 2.5)), a * 2.5);
            Check.Close(ra.Map(x => (float)(1.5 - x)), 1.5 - a);
            Check.Close(ra.Map(x => x < 0.5 ? 1 : 0), a.Lt(0.5));
            Check.Close(rb.Map(x => x * 3), b * 3);
            Assert.Equal(DType.Int64, (b * 3).DType);
        }, 200);
    }

    private static readonly (string Name, Func<Tensor, Tensor> Op, Func<double, double> Ref)[] Unaries =
    [
        ("neg", t => -t, x => -x),
        ("exp", t => t.Exp(), Math.Exp),
        ("abs", t => t.Abs(), Math.Abs),
        ("relu", t => t.Relu(), x => Math.Max(x, 0)),
        ("sigmoid", t => t.Sigmoid(), x => 1 / (1 + Math.Exp(-x))),
        ("tanh", t => t.Tanh(), Math.Tanh),
        ("sqrt|x|", t => t.Abs().Sqrt(), x => Math.Sqrt(Math.Abs(x))),
        ("sin", t => t.Sin(), Math.Sin),
        ("clamp", t => t.Clamp(-1, 2), x => Math.Clamp(x, -1, 2)),
        ("pow2", t => t.Pow(2), x => x * x),
    ];

    [Fact]
    public void UnaryOpsOverLayouts()
    {
        Sample(rng =>
        {
            var (t, r) = Inputs.Input(rng, Inputs.Shape(rng), DType.Float64);
            var (name, op, f) = Unaries[rng.Next(Unaries.Length)];
            Check.Close(r.Map(f), op(t), 1e-14, 1e-15, name);
        }, 200);
    }

    [Fact]
    public void ReductionsOverAllAndEachDim()
    {
        Sample(rng =>
        {
            var shape = Inputs.Shape(rng);
            var (t, r) = Inputs.Input(rng, shape, DType.Float64, -2, 2);
            const double tol = 1e-10;
            int n = r.Data.Length;
            double mean = r.Data.Sum() / n;
            Check.Close(new RefArray([r.Data.Sum()], []), t.Sum(), tol, tol, "sum");
            Check.Close(new RefArray([mean], []), t.Mean(), tol, tol, "mean");
            Check.Close(new RefArray([r.Data.Aggregate(1.0, (p, x) => p * x)], []), t.Prod(), tol, tol, "prod");
            double var = Var(r.Data);
            Check.Close(new RefArray([var], []), t.Var(), 1e-9, 1e-9, "var");
            Check.Close(new RefArray([Math.Sqrt(var)], []), t.Std(), 1e-9, 1e-9, "std");
            if (n > 0)
            {
                Check.Close(new RefArray([r.Data.Max()], []), t.Max(), 0, 0, "max");
                Check.Close(new RefArray([r.Data.Min()], []), t.Min(), 0, 0, "min");
                Assert.Equal(Array.IndexOf(r.Data, r.Data.Max()), t.ArgMax().Item<long>());
            }
            for (int d = -Math.Max(1, t.Dim); d < Math.Max(1, t.Dim); d++)
            {
                int dim = t.Dim == 0 ? 0 : (d + t.Dim) % t.Dim;
                var rr = t.Dim == 0 ? new RefArray(r.Data, [1]) : r;
                foreach (bool keep in new[] { false, true })
                {
                    RefArray Red(Func<double[], double> fold)
                    {
                        var x = rr.Reduce(dim, keep, fold);
                        return t.Dim == 0 ? new RefArray(x.Data, []) : x;
                    }
                    string at = $"dim {d} keep {keep}";
                    Check.Close(Red(l => l.Sum()), t.Sum(d, keep), tol, tol, "sum " + at);
                    Check.Close(Red(l => l.Sum() / l.Length), t.Mean(d, keep), tol, tol, "mean " + at);
                    Check.Close(Red(Var), t.Var(d, keepDim: keep), 1e-9, 1e-9, "var " + at);
                    Check.Close(Red(l => Math.Sqrt(Var(l))), t.Std(d, keepDim: keep), 1e-9, 1e-9, "std " + at);
                    if (rr.Shape[dim] == 0) continue;
                    var (mx, imx) = t.Max(d, keep);
                    Check.Close(Red(l => l.Max()), mx, 0, 0, "max " + at);
                    Check.Close(Red(l => Array.IndexOf(l, l.Max())), imx, 0, 0, "max indices " + at);
                    var (mn, imn) = t.Min(d, keep);
                    Check.Close(Red(l => l.Min()), mn, 0, 0, "min " + at);
                    Check.Close(Red(l => Array.IndexOf(l, l.Min())), imn, 0, 0, "min indices " + at);
                    Check.Close(Red(l => Array.IndexOf(l, l.Max())), t.ArgMax(d, keep), 0, 0, "argmax " + at);
                    Assert.Equal(DType.Int64, imx.DType);
                }
            }
        }, 150);
    }

    private static double Var(double[] l)
    {
        if (l.Length == 0) return double.NaN;
        double m = l.Sum() / l.Length;
        return l.Sum(x => (x - m) * (x - m)) / (l.Length - 1);
    }

    [Fact]
    public void IntegerReductions()
    {
        Sample(rng =>
        {
            var (t, r) = Inputs.Input(rng, Inputs.Shape(rng, 3), DType.Int64, -3, 3);
            var s = t.Sum();
            Assert.Equal(DType.Int64, s.DType);
            Assert.Equal((long)r.Data.Sum(), s.Item<long>());
            Assert.Equal(r.Data.Aggregate(1L, (p, x) => unchecked(p * (long)x)), t.Prod().Item<long>()); // wraps like int64
            var b = t.Gt(0);
            Assert.Equal(r.Data.Count(x => x > 0), b.Sum().Item<long>());
            Assert.Equal(DType.Int64, b.Sum().DType);
            Assert.Equal(r.Data.Any(x => x > 0), b.Any().Item<bool>());
            Assert.Equal(r.Data.All(x => x > 0), b.All().Item<bool>());
        }, 100);
    }

    /// <summary>PyTorch's matmul on the reference: 1-D operands get a dim prepended/appended and removed again.</summary>
    private static RefArray RefMatMul(RefArray a, RefArray b)
    {
        var a2 = a.Rank == 1 ? a.Unsqueeze(0) : a;
        var b2 = b.Rank == 1 ? b.Unsqueeze(1) : b;
        int m = a2.Shape[^2], k = a2.Shape[^1], n = b2.Shape[^1];
        var batch = RefArray.BroadcastShapes(a2.Shape[..^2], b2.Shape[..^2]);
        var full = RefArray.Build([.. batch, m, n], idx =>
        {
            double s = 0;
            for (int p = 0; p < k; p++)
            {
                var ia = AlignBatch(idx, a2.Shape, idx[^2], p);
                var ib = AlignBatch(idx, b2.Shape, p, idx[^1]);
                s += a2.At(ia) * b2.At(ib);
            }
            return s;
        });
        var shape = batch.ToList();
        if (a.Rank > 1) shape.Add(m);
        if (b.Rank > 1) shape.Add(n);
        return new RefArray(full.Data, shape.ToArray());
    }

    private static int[] AlignBatch(int[] outIdx, int[] shape, int row, int col)
    {
        var idx = new int[shape.Length];
        int off = outIdx.Length - shape.Length;
        for (int d = 0; d < shape.Length - 2; d++) idx[d] = shape[d] == 1 ? 0 : outIdx[off + d];
        idx[^2] = row;
        idx[^1] = col;
        return idx;
    }

    [Fact]
    public void MatMulAllRankCombinations()
    {
        Sample(rng =>
        {
            int ra = rng.Next(1, 5), rb = rng.Next(1, 5);
            int m = rng.Next(0, 5), k = rng.Next(0, 5), n = rng.Next(0, 5);
            var batch = Inputs.Shape(rng, Math.Max(ra, rb) - 2, 3);
            if (rng.Next(4) > 0) k = Math.Max(k, 1);
            int[] BatchFor(int rank)
            {
                if (rank <= 2) return [];
                var own = Inputs.BroadcastableTo(rng, batch).TakeLast(rank - 2).ToArray();
                return [.. Enumerable.Repeat(1, rank - 2 - own.Length), .. own];
            }
            int[] sa = ra == 1 ? [k] : [.. BatchFor(ra), m, k];
            int[] sb = rb == 1 ? [k] : [.. BatchFor(rb), k, n];
            var dtype = rng.Next(3) == 0 ? DType.Float32 : DType.Float64;
            var (a, refA) = Inputs.Input(rng, sa, dtype, -2, 2);
            var (b, refB) = Inputs.Input(rng, sb, dtype, -2, 2);
            var expected = RefMatMul(refA, refB);
            var y = a.MatMul(b);
            double tol = dtype == DType.Float32 ? 1e-5 : 1e-12;
            Check.Close(expected, y, tol, tol, $"{Errors.Shape(sa)} @ {Errors.Shape(sb)}");
            if (ra == 2 && rb == 2) Check.Close(expected, a.Mm(b), tol, tol, "mm");
            if (ra == 3 && rb == 3 && sa[0] == sb[0]) Check.Close(expected, a.Bmm(b), tol, tol, "bmm");
        }, 300);
    }

    [Fact]
    public void GatherAndIndexSelect()
    {
        Sample(rng =>
        {
            var shape = Inputs.Shape(rng, 3, 4, 1);
            if (shape.Length == 0) shape = [rng.Next(1, 5)];
            var (x, rx) = Inputs.Input(rng, shape, DType.Float32);
            int dim = rng.Next(shape.Length);
            // index_select: a 1-D index of any length
            var sel = Enumerable.Range(0, rng.Next(0, 6)).Select(_ => (long)rng.Next(shape[dim])).ToArray();
            var expectedSel = RefArray.Build(shape.Select((s, d) => d == dim ? sel.Length : s).ToArray(), idx =>
            {
                var j = (int[])idx.Clone();
                j[dim] = (int)sel[idx[dim]];
                return rx.At(j);
            });
            Check.Close(expectedSel, x.IndexSelect(dim, Tensor.FromArray(sel)), 0, 0, "index_select");
            Check.Close(expectedSel, x.IndexSelect(dim - shape.Length, Tensor.FromArray(sel)), 0, 0, "index_select negative dim");
            // gather: index of the same rank, no larger than x off dim
            var ishape = shape.Select((s, d) => d == dim ? rng.Next(0, 5) : rng.Next(0, s + 1)).ToArray();
            var (index, rIndex) = Inputs.Input(rng, ishape, DType.Int64, 0, shape[dim] - 1);
            var expected = RefArray.Build(ishape, idx =>
            {
                var j = (int[])idx.Clone();
                j[dim] = (int)rIndex.At(idx);
                return rx.At(j);
            });
            Check.Close(expected, x.Gather(dim, index), 0, 0, "gather");
        }, 200);
    }

    [Fact]
    public void ViewChainsMatchTheReference()
    {
        Sample(rng =>
        {
            var shape = Inputs.Shape(rng, 3, 4, 1);
            var r = Inputs.Values(rng, shape, DType.Float32);
            var t0 = Inputs.FromRef(r, DType.Float32);
            var t = t0;
            var log = new List<string>();
            for (int step = rng.Next(1, 7); step > 0; step--)
            {
                int rank = r.Rank;
                switch (rng.Next(7))
                {
                    case 0 when rank >= 2:
                    {
                        int d0 = rng.Next(rank), d1 = rng.Next(rank);
                        t = t.Transpose(d0, d1); r = r.Transpose(d0, d1); log.Add($"transpose({d0},{d1})");
                        break;
                    }
                    case 1 when rank >= 1:
                    {
                        int d = rng.Next(rank), size = r.Shape[d];
                        int start = rng.Next(size + 1), end = rng.Next(start, size + 1), st = rng.Next(1, 4);
                        t = t.Slice(d, start, end, st); r = r.Slice(d, start, end, st); log.Add($"slice({d},{start},{end},{st})");
                        break;
                    }
                    case 2 when rank < 5:
                    {
                        int d = rng.Next(rank + 1);
                        t = t.Unsqueeze(d); r = r.Unsqueeze(d); log.Add($"unsqueeze({d})");
                        break;
                    }
                    case 3:
                    {
                        var target = r.Shape.Select(s => s == 1 ? rng.Next(0, 4) : s).ToArray();
                        if (rng.Next(2) == 0) target = [rng.Next(1, 3), .. target];
                        t = t.Expand(target); r = r.BroadcastTo(target); log.Add($"expand({string.Join(",", target)})");
                        break;
                    }
                    case 4 when rank >= 1:
                    {
                        int d = rng.Next(rank);
                        if (r.Shape[d] == 0) break;
                        int i = rng.Next(r.Shape[d]);
                        t = t.Select(d, i);
                        var sliced = r.Slice(d, i, i + 1, 1);
                        r = new RefArray(sliced.Data, r.Shape.Where((_, k) => k != d).ToArray());
                        log.Add($"select({d},{i})");
                        break;
                    }
                    case 5 when rank >= 1:
                    {
                        var perm = Enumerable.Range(0, rank).OrderBy(_ => rng.Next()).ToArray();
                        t = t.Permute(perm); r = r.Permute(perm); log.Add($"permute({string.Join(",", perm)})");
                        break;
                    }
                    default:
                    {
                        int d = rank == 0 ? -1 : rng.Next(rank);
                        if (d >= 0 && r.Shape[d] == 1)
                        {
                            t = t.Squeeze(d); r = new RefArray(r.Data, r.Shape.Where((_, k) => k != d).ToArray()); log.Add($"squeeze({d})");
                        }
                        break;
                    }
                }
                Assert.True(Check.SameStorage(t0, t), string.Join(".", log));
            }
            string what = string.Join(".", log);
            Check.Close(r, t.Contiguous(), 0, 0, what);
            Check.Close(r, t.Clone(), 0, 0, what);
            Check.Close(new RefArray(r.Data, [r.Data.Length]), t.Reshape(-1), 0, 0, what + ".reshape(-1)");
            Assert.Equal(r.Data.Select(v => (float)v).ToArray(), t.ToArray<float>());
            Check.Close(r.Map(v => (float)(v + 1)), t + 1, 0, 0, what + " + 1");
            // writing through the chain lands where the reference says
            if (t.Numel > 0 && !t.Stride.Contains(0))
            {
                t.Fill_(-7);
                Assert.Equal(r.Data.Length, t.ToArray<float>().Count(v => v == -7));
            }
        }, 300);
    }
}
