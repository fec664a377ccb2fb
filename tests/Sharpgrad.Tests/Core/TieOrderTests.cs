using CsCheck;
using Sharpgrad.NN;
using NN = Sharpgrad.Tests.NN;

namespace Sharpgrad.Tests.Core;

/// <summary>
/// Which of several equal values sort, argsort, topk and pack_padded_sequence report, and where: PyTorch's CPU kernels run
/// libstdc++'s std::sort / partial_sort / nth_element on (value, position) pairs compared by value alone, so these indices
/// are fixed by those algorithms' exact steps. Every expected list is PyTorch 2.6's output for the same input.
/// </summary>
public class TieOrderTests
{
    /// <summary>A tie-heavy input: ((i * 7919 + seed * 104729) mod 9973) mod r, with NaN where (i * 31 + seed) mod 17 == 0 if asked.</summary>
    private static double[] Values(int n, int r, int seed, bool nan = false)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = ((i * 7919L + seed * 104729L) % 9973) % r;
            if (nan && (i * 31 + seed) % 17 == 0) v[i] = double.NaN;
        }
        return v;
    }

    private static Tensor F32(double[] v) => Tensor.FromArray(v.Select(x => (float)x).ToArray());

    [Fact]
    public void UnstableSortPermutesTiesAsPyTorch()
    {
        var x = F32(Values(40, 3, 1));
        Assert.Equal([39, 19, 17, 24, 14, 12, 29, 9, 7, 34, 4, 2, 32, 30, 35, 27, 25, 37, 22, 20, 0, 15, 5, 10, 1, 38, 3, 36, 6, 33, 8, 31, 11, 28, 13, 26, 16, 23, 18, 21],
            x.Sort().Indices.ToArray<long>());
        Assert.Equal([11, 23, 21, 26, 18, 16, 28, 13, 31, 33, 8, 6, 36, 3, 38, 1, 32, 20, 35, 30, 27, 37, 25, 0, 15, 5, 22, 10, 12, 39, 2, 4, 7, 34, 9, 14, 29, 17, 19, 24],
            x.Sort(descending: true).Indices.ToArray<long>());

        var withNaN = F32(Values(100, 5, 2, nan: true));
        Assert.Equal([70, 52, 86, 27, 88, 20, 18, 0, 54, 34, 79, 36, 11, 95, 9, 61, 77, 45, 2, 43, 53, 37, 39, 30, 73, 71, 28, 64, 21, 19, 89, 3, 62, 55, 87, 5, 96, 98, 56, 47,
                65, 72, 49, 99, 74, 40, 38, 81, 4, 31, 83, 6, 22, 90, 15, 13, 50, 93, 66, 68, 91, 84, 82, 75, 14, 32, 25, 41, 23, 16, 48, 57, 59, 7, 92, 1, 94, 17, 10, 8,
                24, 85, 26, 33, 35, 78, 76, 42, 44, 60, 51, 69, 58, 67, 63, 29, 97, 12, 46, 80],
            withNaN.Sort().Indices.ToArray<long>());
        Assert.Equal([29, 97, 63, 46, 12, 80, 78, 58, 26, 51, 24, 60, 67, 69, 17, 33, 76, 44, 10, 35, 8, 85, 42, 92, 94, 1, 41, 48, 50, 57, 59, 66, 68, 75, 82, 84, 91, 93, 14, 23,
                25, 32, 7, 16, 6, 15, 22, 13, 81, 83, 56, 65, 90, 74, 49, 31, 47, 4, 72, 99, 40, 38, 71, 73, 39, 87, 89, 5, 3, 96, 98, 55, 37, 30, 53, 28, 62, 64, 21, 19,
                18, 77, 36, 2, 43, 95, 34, 45, 0, 52, 20, 88, 54, 86, 70, 9, 11, 27, 61, 79],
            withNaN.Argsort(descending: true).ToArray<long>());

        var ints = Tensor.FromArray(Values(50, 4, 3).Select(v => (long)v).ToArray());
        Assert.Equal([45, 3, 43, 5, 23, 7, 25, 16, 36, 34, 32, 14, 21, 1, 28, 30, 37, 39, 41, 48, 19, 8, 10, 12, 35, 46, 44, 4, 42, 6, 33, 13, 15, 22, 24, 26, 17, 49, 31, 0,
                47, 2, 18, 40, 27, 38, 9, 20, 11, 29],
            ints.Sort(descending: true).Indices.ToArray<long>());
    }

    [Fact]
    public void SortAndTopKArePermutationsInOrder()
    {
        // Random tie-heavy slices (some NaN) of every length up to 300, so each branch of the introsort, heap select and
        // introselect runs: values come out ordered (NaN largest), indices are a permutation pointing at those values,
        // and topk's k values are the sort's first k, whichever path picks them.
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300), r = rng.Next(1, 6);
            var v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rng.Next(10) == 0 ? double.NaN : rng.Next(r);
            var x = Tensor.FromArray(v);
            bool descending = rng.Next(2) == 0;
            var (values, indices) = x.Sort(descending: descending);
            var sv = values.ToArray<double>();
            var si = indices.ToArray<long>();
            Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), si.Order());
            for (int j = 0; j < n; j++) Assert.Equal(v[si[j]], sv[j]);
            var expected = v.Where(d => !double.IsNaN(d)).Order().ToList();
            var nanLast = expected.Concat(Enumerable.Repeat(double.NaN, n - expected.Count)).ToArray();
            Assert.Equal(descending ? nanLast.Reverse().ToArray() : nanLast, sv);

            int k = rng.Next(0, n + 1);
            bool largest = rng.Next(2) == 0;
            var (tv, ti) = x.TopK(k, largest: largest);
            var top = ti.ToArray<long>();
            Assert.Equal(k, top.Distinct().Count());
            Assert.Equal((largest ? nanLast.Reverse() : nanLast).Take(k).ToArray(), tv.ToArray<double>());
            for (int j = 0; j < k; j++) Assert.Equal(v[top[j]], tv.ToArray<double>()[j]);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void StableSortKeepsInputOrderAmongTies()
    {
        var x = F32(Values(40, 3, 1));
        var (values, indices) = x.Sort(stable: true);
        var v = values.ToArray<float>();
        var i = indices.ToArray<long>();
        for (int j = 1; j < v.Length; j++)
        {
            Assert.True(v[j - 1] <= v[j]);
            if (v[j - 1] == v[j]) Assert.True(i[j - 1] < i[j]);
        }
        Assert.Equal(i, x.Argsort(stable: true).ToArray<long>());
    }

    [Fact]
    public void BroadcastDimensionSortsToInputOrder()
    {
        var e = Tensor.Scalar(5f).Expand(40);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i).ToArray(), e.Sort().Indices.ToArray<long>());
        // topk has no such shortcut in PyTorch: nth_element decides among the 40 equal values.
        Assert.Equal([28, 26, 27], e.TopK(3).Indices.ToArray<long>());
    }

    [Fact]
    public void TopKPicksTiesAsPyTorchOnEachPath()
    {
        // k * 64 > n: nth_element, then std::sort of the first k - 1 when sorted.
        var x = F32(Values(100, 3, 4));
        Assert.Equal([69, 72, 32, 74, 67], x.TopK(5).Indices.ToArray<long>());
        Assert.Equal([69, 72, 32, 74, 67], x.TopK(5, sorted: false).Indices.ToArray<long>());
        // k * 64 <= n: partial_sort.
        Assert.Equal([0], x.TopK(1).Indices.ToArray<long>());
        var big = F32(Values(700, 4, 5));
        Assert.Equal([8, 28, 30, 1, 12, 10, 37, 39, 21, 19], big.TopK(10).Indices.ToArray<long>());
        Assert.Equal([3, 16, 25, 7, 5, 32, 34, 36, 23, 14], big.TopK(10, largest: false).Indices.ToArray<long>());

        var withNaN = F32(Values(100, 5, 6, nan: true));
        Assert.Equal([43, 52, 86, 88, 27, 20, 0, 18, 54, 68, 34, 95, 9, 11, 79, 77, 61, 45, 89, 71, 55, 98, 3, 62, 12, 96, 64, 5, 21, 39, 28, 46, 37, 30, 73, 80, 72, 63, 74, 56],
            withNaN.TopK(40, largest: false).Indices.ToArray<long>());
        // Unsorted: the order nth_element leaves, NaN (largest) first.
        Assert.Equal([50, 1, 2, 94, 93, 92, 91, 87, 8, 85, 10, 84, 82, 78, 76, 75, 70, 17, 69, 19, 67, 66, 60, 59, 24, 58, 26, 57, 53, 51, 48, 44, 42, 33, 41, 35, 36, 16, 32, 7],
            withNaN.TopK(40, sorted: false).Indices.ToArray<long>());
    }

    [Fact]
    public void TopKAlongEitherDimOfAMatrix()
    {
        var x = F32(Values(180, 3, 7)).Reshape(6, 30);
        long[][] rows = [[11, 21, 13, 23], [21, 11, 13, 23], [23, 18, 28, 8], [25, 13, 15, 8], [10, 20, 13, 23], [10, 5, 0, 20]];
        Assert.Equal(rows.SelectMany(r => r).ToArray(), x.TopK(4, 1).Indices.ToArray<long>());
        var cols = x.TopK(2, 0).Indices;
        Assert.Equal([2, 30], cols.Shape);
        Assert.Equal([3, 1, 3, 1, 5, 3, 1, 3, 1, 5, 3, 1, 3, 1, 5, 3, 1, 3, 1, 5, 3, 1, 3, 1, 5, 3, 0, 3, 1, 5,
                5, 0, 5, 4, 4, 5, 0, 5, 4, 4, 5, 0, 5, 4, 4, 5, 0, 5, 4, 4, 5, 0, 5, 4, 4, 5, 4, 5, 4, 4],
            cols.ToArray<long>());
    }

    [Fact]
    public void MedianAndKthvaluePickTiesAsPyTorch()
    {
        (int N, int R, int Seed, long Median, int K, long Kth)[] cases =
            [(7, 3, 8, 0, 3, 4), (20, 3, 9, 4, 7, 3), (101, 4, 10, 96, 34, 76), (64, 2, 11, 60, 22, 0)];
        foreach (var (n, r, seed, median, k, kth) in cases)
        {
            var x = F32(Values(n, r, seed));
            Assert.Equal(median, x.Median(0).Indices.ToArray<long>()[0]);
            Assert.Equal(median, x.Nanmedian(0).Indices.ToArray<long>()[0]);
            Assert.Equal(kth, x.Kthvalue(k).Indices.ToArray<long>()[0]);
        }
    }

    [Fact]
    public void NanmedianSkipsNaNAsPyTorch()
    {
        const double NaN = double.NaN;
        var x = Tensor.FromArray(new double[] { 1, NaN, 3, 2, NaN, NaN, NaN, NaN, 2, 2, NaN, 1 }).Reshape(3, 4).RequiresGrad_();
        var (v, i) = x.Nanmedian(1);
        Assert.Equal("NanmedianBackward1", v.GradFn!.Name);
        Assert.Equal([2.0, NaN, 2.0], v.ToArray<double>());
        // A row of NaN only: the position nth_element leaves in front, not the first.
        Assert.Equal([3L, 2, 0], i.ToArray<long>());
        v.Sum().Backward();
        Assert.Equal([0.0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0], x.Grad!.ToArray<double>());

        x.Grad = null;
        var all = x.Nanmedian();
        Assert.Equal("NanmedianBackward0", all.GradFn!.Name);
        Assert.Equal(2.0, all.Item<double>());
        all.Backward();
        NN.Check.Close([0, 0, 0, 1.0 / 3, 0, 0, 0, 0, 1.0 / 3, 1.0 / 3, 0, 0], x.Grad!, 1e-15);

        var nans = Tensor.FromArray(new double[] { NaN, NaN }).RequiresGrad_();
        var m = nans.Nanmedian();
        Assert.True(double.IsNaN(m.Item<double>()));
        m.Backward();
        Assert.Equal([0.5, 0.5], nans.Grad!.ToArray<double>());

        Assert.True(double.IsNaN(Tensor.Zeros([0]).Nanmedian().Item<float>()));
        Assert.Equal(2L, Tensor.FromArray(new long[] { 3, 1, 2, 2 }).Nanmedian().Item<long>());
        Assert.Equal(2L, Tensor.FromArray(new long[] { 3, 1, 2, 2 }).Nanmedian(0).Indices.Item<long>());
        var keep = Tensor.FromArray(new double[] { 1, NaN, 2, 5 }).Reshape(2, 2).Nanmedian(0, keepDim: true);
        Assert.Equal([1, 2], keep.Values.Shape);
        Assert.Equal([1.0, 5.0], keep.Values.ToArray<double>());
        Assert.Equal([0L, 1], keep.Indices.ToArray<long>());
        Assert.Equal(0L, Tensor.Scalar(double.NaN).Nanmedian(0).Indices.Item<long>());

        Assert.Equal("median(): Expected reduction dim 1 to have non-zero size.",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros([1, 0]).Nanmedian(1)).Message.Split(" (Parameter")[0]);
        Assert.Equal("\"median_cpu\" not implemented for 'Bool'",
            Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { true }).Nanmedian()).Message);
        Assert.Equal("\"median_out\" not implemented for 'Bool'",
            Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { true }).Nanmedian(0)).Message);
        Assert.True(Autograd.GradCheck(a => a[0].Nanmedian(1).Values, [NN.Check.Det([3, 5], 0.4, 2.0).RequiresGrad_()]));
    }

    [Fact]
    public void QuantileGradientGoesToThePositionsPyTorchSorts()
    {
        // quantile sorts with the unstable sort, so among equal values its gradient lands where std::sort put them.
        var x = Tensor.FromArray(Values(40, 3, 1)).RequiresGrad_();
        x.Quantile(0.3).Backward();
        var expected = new double[40];
        expected[2] = 0.3000000000000007;
        expected[32] = 0.6999999999999993;
        NN.Check.Close(expected, x.Grad!, 1e-15);
        x.Grad = null;
        x.Nanquantile(0.65).Backward();
        expected = new double[40];
        expected[3] = 0.3500000000000014;
        expected[38] = 0.6499999999999986;
        NN.Check.Close(expected, x.Grad!, 1e-15);
    }

    [Fact]
    public void PackPaddedSequenceOrdersEqualLengthsAsPyTorch()
    {
        long[] lengths = [3, 5, 3, 4, 5, 4, 5, 3, 4, 5, 4, 5, 3, 4, 5, 4, 5, 3, 4, 5];
        var packed = RnnUtils.PackPaddedSequence(Tensor.Zeros([6, 20, 1]), lengths, enforceSorted: false);
        Assert.Equal([1, 19, 16, 14, 11, 9, 6, 4, 8, 5, 10, 13, 3, 15, 18, 7, 12, 2, 17, 0], packed.SortedIndices!.ToArray<long>());
    }
}
