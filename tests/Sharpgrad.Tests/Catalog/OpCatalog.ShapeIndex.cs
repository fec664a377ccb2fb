namespace Sharpgrad.Tests.Catalog;

public static partial class OpCatalog
{
    /// <summary>movedim, swapaxes, flips, tile, tensordot, the in-place views, scatter/scatter_reduce and index_fill/copy/put.</summary>
    private static IEnumerable<OpRow> ShapeIndex()
    {
        yield return View("movedim", "PermuteBackward0", x => x.Movedim([0, 2], [1, 0]), In(2, 3, 4));
        yield return View("swapaxes", "TransposeBackward0", x => x.Swapaxes(0, -1), In(2, 3), reference: xs => [xs[0][0], xs[0][3], xs[0][1], xs[0][4], xs[0][2], xs[0][5]]);
        yield return new OpRow { Name = "fliplr", Node = "FlipBackward0", F = xs => xs[0].Fliplr(), Inputs = [In(2, 3)], Reference = xs => [xs[0][2], xs[0][1], xs[0][0], xs[0][5], xs[0][4], xs[0][3]] };
        yield return new OpRow { Name = "tile", Node = "RepeatBackward0", F = xs => xs[0].Tile(2), Inputs = [In(2, 2)], Reference = xs => [xs[0][0], xs[0][1], xs[0][0], xs[0][1], xs[0][2], xs[0][3], xs[0][2], xs[0][3]] };
        yield return Binary("tensordot", "ViewBackward0", (a, b) => Tensor.Tensordot(a, b, [1, 2], [0, 1]), In(2, 3, 4), In(3, 4, 2), MatRef(1, 2, 12, 2, false));
        yield return new OpRow { Name = "t_", Node = "TBackward1", F = xs => (xs[0] * 1.0).T_(), Inputs = [In(2, 3)], Reference = xs => [xs[0][0], xs[0][3], xs[0][1], xs[0][4], xs[0][2], xs[0][5]] };
        yield return new OpRow { Name = "unsqueeze_", Node = "UnsqueezeBackward1", F = xs => (xs[0] * 1.0).Unsqueeze_(1), Inputs = [In(2, 3)], Reference = xs => xs[0] };
        yield return new OpRow
        {
            Name = "scatter",
            Node = "ScatterBackward0",
            F = xs => xs[0].Scatter(1, xs[1], xs[2]),
            Inputs = [In(2, 3), Longs([2, 0, 1, 2], 2, 2), In(2, 2)],
            Reference = xs => [xs[2][1], xs[0][1], xs[2][0], xs[0][3], xs[2][2], xs[2][3]],
        };
        yield return new OpRow
        {
            Name = "scatter_value",
            Node = "ScatterBackward1",
            F = xs => xs[0].Scatter(0, xs[1], 0.5),
            Inputs = [In(2, 3), Longs([1, 0], 1, 2)],
            Reference = xs => [xs[0][0], 0.5, xs[0][2], 0.5, xs[0][4], xs[0][5]],
        };
        foreach (var reduce in new[] { "sum", "prod", "mean", "amax", "amin" })
            yield return new OpRow
            {
                Name = "scatter_reduce_" + reduce,
                Node = "ScatterReduceBackward0",
                F = xs => xs[0].ScatterReduce(1, xs[1], xs[2], reduce, includeSelf: reduce != "mean"),
                Inputs = [In(2, 3), Longs([2, 2, 0, 1, 1, 1], 2, 3), In(2, 3)],
            };
        yield return new OpRow
        {
            Name = "index_fill",
            Node = "IndexFillBackward0",
            F = xs => xs[0].IndexFill(1, xs[1], -1.5),
            Inputs = [In(2, 3), Longs([2, 0], 2)],
            Reference = xs => [-1.5, xs[0][1], -1.5, -1.5, xs[0][4], -1.5],
        };
        yield return new OpRow
        {
            Name = "index_copy",
            Node = "IndexCopyBackward0",
            F = xs => xs[0].IndexCopy(0, xs[1], xs[2]),
            Inputs = [In(3, 2), Longs([2, 0], 2), In(2, 2)],
            Reference = xs => [xs[2][2], xs[2][3], xs[0][2], xs[0][3], xs[2][0], xs[2][1]],
        };
        yield return new OpRow
        {
            Name = "index_put",
            Node = "IndexPutBackward0",
            F = xs => xs[0].IndexPut([xs[1], xs[2]], xs[3]),
            Inputs = [In(2, 3), Longs([1, 0], 2), Longs([2, 1], 2), In(2)],
            Reference = xs => [xs[0][0], xs[3][1], xs[0][2], xs[0][3], xs[0][4], xs[3][0]],
        };
        yield return new OpRow
        {
            Name = "index_put_accumulate",
            Node = "IndexPutBackward0",
            F = xs => xs[0].IndexPut([xs[1]], xs[2], accumulate: true),
            Inputs = [In(3, 2), Longs([2, 0, 2], 3), In(2)],
            Reference = xs => [xs[0][0] + xs[2][0], xs[0][1] + xs[2][1], xs[0][2], xs[0][3], xs[0][4] + 2 * xs[2][0], xs[0][5] + 2 * xs[2][1]],
        };
    }
}
