using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    /// <summary>
    /// The distinct elements (or, with <paramref name="dim"/>, the distinct slices along it) in ascending order; with
    /// <paramref name="returnInverse"/> the Int64 position in the output of each input element (slice), with
    /// <paramref name="returnCounts"/> the Int64 count of each output element (the others are null). Each NaN is
    /// distinct and sorts last. As on PyTorch's CPU, the output is sorted even when <paramref name="sorted"/> is false.
    /// Not differentiable (Unique2Backward0 / UniqueDimBackward0 throw). PyTorch: torch.unique.
    /// </summary>
    public (Tensor Values, Tensor? Inverse, Tensor? Counts) Unique(bool sorted = true, bool returnInverse = false, bool returnCounts = false, int? dim = null) =>
        UniqueOps.Unique(this, sorted, returnInverse, returnCounts, dim);

    /// <summary>
    /// Each run of equal consecutive elements (or slices along <paramref name="dim"/>) kept once, with the optional Int64
    /// inverse and counts as in <see cref="Unique(bool, bool, bool, int?)"/>. Not differentiable (UniqueConsecutiveBackward0 throws).
    /// PyTorch: torch.unique_consecutive.
    /// </summary>
    public (Tensor Values, Tensor? Inverse, Tensor? Counts) UniqueConsecutive(bool returnInverse = false, bool returnCounts = false, int? dim = null) =>
        UniqueOps.UniqueConsecutive(this, returnInverse, returnCounts, dim);

    /// <summary>
    /// Int64 counts of each value of this 1-D non-negative Int64 tensor, or the sum of <paramref name="weights"/> per
    /// value (Float32 weights give Float32, others Float64); max + 1 bins, at least <paramref name="minlength"/>.
    /// PyTorch: torch.bincount.
    /// </summary>
    public Tensor Bincount(Tensor? weights = null, long minlength = 0) => CountingOps.Bincount(this, weights, minlength);

    /// <summary>
    /// Counts in <paramref name="bins"/> equal-width bins over [<paramref name="min"/>, <paramref name="max"/>] (the data's
    /// extremes when they are equal), in this tensor's floating dtype; values outside the range and NaN are not counted.
    /// PyTorch: torch.histc.
    /// </summary>
    public Tensor Histc(long bins = 100, double min = 0, double max = 0) => CountingOps.Histc(this, bins, min, max);

    /// <summary>The Int64 (Int32 with <paramref name="outInt32"/>) bucket of each element in the 1-D sorted <paramref name="boundaries"/> (see <see cref="SearchSorted(Tensor, Tensor, bool, string?, Tensor?, bool)"/>). PyTorch: torch.bucketize.</summary>
    public Tensor Bucketize(Tensor boundaries, bool right = false, bool outInt32 = false) => SearchSortedOps.Bucketize(this, boundaries, right, outInt32);

    /// <summary>
    /// For each of <paramref name="values"/>, the Int64 (Int32 with <paramref name="outInt32"/>) index in the innermost dim of <paramref name="sortedSequence"/>
    /// (1-D, or matching the values' leading dims) where inserting it keeps the order: before equal elements, or after
    /// them with <paramref name="right"/> / <paramref name="side"/> = "right". <paramref name="sorter"/> gives the
    /// positions that sort an unsorted sequence. PyTorch: torch.searchsorted.
    /// </summary>
    public static Tensor SearchSorted(Tensor sortedSequence, Tensor values, bool right = false, string? side = null, Tensor? sorter = null, bool outInt32 = false) =>
        SearchSortedOps.SearchSorted(sortedSequence, values, right, side, sorter, outInt32);

    /// <summary>torch.searchsorted with a Python-number value: a 0-d Int64 result.</summary>
    public static Tensor SearchSorted(Tensor sortedSequence, double value, bool right = false, string? side = null, Tensor? sorter = null, bool outInt32 = false) =>
        SearchSortedOps.SearchSorted(sortedSequence, Scalar(value, DType.Float64), right, side, sorter, outInt32);

    /// <summary>torch.bucketize as a static function: see <see cref="Bucketize(Tensor, bool, bool)"/>.</summary>
    public static Tensor Bucketize(Tensor input, Tensor boundaries, bool right = false, bool outInt32 = false) => SearchSortedOps.Bucketize(input, boundaries, right, outInt32);

    /// <summary>torch.bucketize of a Python number: a 0-d Int64 result.</summary>
    public static Tensor Bucketize(double input, Tensor boundaries, bool right = false, bool outInt32 = false) =>
        SearchSortedOps.Bucketize(Scalar(input, DType.Float64), boundaries, right, outInt32);

    /// <summary>torch.unique as a static function: see <see cref="Unique(bool, bool, bool, int?)"/>.</summary>
    public static (Tensor Values, Tensor? Inverse, Tensor? Counts) Unique(Tensor input, bool sorted = true, bool returnInverse = false, bool returnCounts = false, int? dim = null) =>
        input.Unique(sorted, returnInverse, returnCounts, dim);
}
