namespace Sharpgrad.Tests.Core;

/// <summary>Random shapes, values and memory layouts (contiguous, permuted, sliced with a step, expanded) for the property tests.</summary>
internal static class Inputs
{
    public const double Garbage = 123456.0; // fills the gaps a sliced layout skips: a kernel that reads them shows it

    public static int[] Shape(Random rng, int maxRank = 4, int maxSize = 5, int minSize = 0)
    {
        var s = new int[rng.Next(maxRank + 1)];
        for (int i = 0; i < s.Length; i++) s[i] = rng.Next(minSize, maxSize + 1);
        return s;
    }

    /// <summary>A shape that broadcasts to <paramref name="target"/>: some leading dims dropped, some dims set to 1.</summary>
    public static int[] BroadcastableTo(Random rng, int[] target)
    {
        int drop = rng.Next(target.Length + 1);
        if (rng.Next(2) == 0) drop = 0;
        var s = target.Skip(drop).ToArray();
        for (int i = 0; i < s.Length; i++) if (rng.Next(3) == 0) s[i] = 1;
        return s;
    }

    public static double Value(Random rng, DType dtype, double lo = -5, double hi = 5) => dtype switch
    {
        DType.Float32 => (float)(lo + (hi - lo) * rng.NextDouble()),
        DType.Float64 => lo + (hi - lo) * rng.NextDouble(),
        DType.Int64 => rng.Next((int)lo, (int)hi + 1),
        _ => rng.Next(2),
    };

    public static RefArray Values(Random rng, int[] shape, DType dtype, double lo = -5, double hi = 5) =>
        RefArray.Build(shape, _ => Value(rng, dtype, lo, hi));

    public static Tensor FromRef(RefArray r, DType dtype) => Tensor.FromArray(r.Data, r.Shape).To(dtype);

    /// <summary>A tensor holding <paramref name="shape"/>-shaped random values in a random layout, with its reference.</summary>
    public static (Tensor T, RefArray R) Input(Random rng, int[] shape, DType dtype, double lo = -5, double hi = 5, int? layout = null)
    {
        int rank = shape.Length;
        switch (layout ?? rng.Next(4))
        {
            case 1 when rank >= 2:
            {
                var r = Values(rng, shape, dtype, lo, hi);
                var perm = Enumerable.Range(0, rank).OrderBy(_ => rng.Next()).ToArray();
                var inv = new int[rank];
                for (int d = 0; d < rank; d++) inv[perm[d]] = d;
                return (FromRef(r.Permute(perm), dtype).Permute(inv), r);
            }
            case 2 when rank >= 1:
            {
                var r = Values(rng, shape, dtype, lo, hi);
                int d = rng.Next(rank);
                var big = shape.ToArray();
                big[d] = 2 * shape[d] + 1;
                var bigRef = RefArray.Build(big, idx =>
                {
                    if (idx[d] % 2 == 0) return dtype == DType.Bool ? 1 : Garbage;
                    var j = (int[])idx.Clone();
                    j[d] = idx[d] / 2;
                    return r.At(j);
                });
                return (FromRef(bigRef, dtype).Slice(d, 1, big[d], 2), r);
            }
            case 3 when rank >= 1:
            {
                var src = BroadcastableTo(rng, shape);
                var rs = Values(rng, src, dtype, lo, hi);
                return (FromRef(rs, dtype).Expand(shape), rs.BroadcastTo(shape));
            }
            default:
            {
                var r = Values(rng, shape, dtype, lo, hi);
                return (FromRef(r, dtype), r);
            }
        }
    }
}
