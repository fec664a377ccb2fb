namespace Sharpgrad.Tests.Catalog;

public static partial class OpCatalog
{
    private static IEnumerable<OpRow> Copies()
    {
        yield return new OpRow
        {
            Name = "contiguous_copy",
            Node = "CloneBackward0",
            F = xs => xs[0].T.Contiguous(),
            Inputs = [In(2, 3)],
            Reference = xs => [xs[0][0], xs[0][3], xs[0][1], xs[0][4], xs[0][2], xs[0][5]],
        };
        yield return View("contiguous_self", null, x => x.Contiguous(), In(2, 3), strided: false, reference: xs => xs[0]);
        yield return new OpRow { Name = "clone", Node = "CloneBackward0", F = xs => xs[0].Clone(), Inputs = [In(2, 3)], Reference = xs => xs[0] };
        yield return new OpRow
        {
            Name = "to_same_dtype",
            Node = null,
            F = xs => xs[0].To(DType.Float64),
            Inputs = [In(2, 3)],
            Reference = xs => xs[0],
            Aliases = true,
        };
        yield return new OpRow
        {
            // Gradchecked through a Float64 round trip would lose the precision central differences need,
            // so the node name is probed on a Float32 leaf: x.double() -> ToCopyBackward0.
            Name = "to_float64_from_float32",
            Node = "ToCopyBackward0",
            F = xs => xs[0].To(DType.Float64),
            Probe = xs => xs[0].Detach().To(DType.Float32).RequiresGrad_().To(DType.Float64),
            Inputs = [In(2, 3)],
            Aliases = false,
        };
        yield return Binary("cat", "CatBackward0", (a, b) => Tensor.Cat([a, b], 0), In(2, 3), In(1, 3), xs => [.. xs[0], .. xs[1]]);
        yield return Binary("cat_dim1", "CatBackward0", (a, b) => Tensor.Cat([a, b, a], 1), In(2, 1), In(2, 2));
        yield return Binary("stack", "StackBackward0", (a, b) => Tensor.Stack([a, b], 0), In(2, 3), In(2, 3), xs => [.. xs[0], .. xs[1]]);
        yield return Binary("stack_dim1", "StackBackward0", (a, b) => Tensor.Stack([a, b], 1), In(2, 3), In(2, 3));
        yield return new OpRow
        {
            Name = "where",
            Node = "WhereBackward0",
            F = xs => Tensor.Where(xs[0], xs[1], xs[2]),
            Inputs = [Mask([true, false, true, false, false, true], 2, 3), In(2, 3), In(2, 3)],
            Reference = xs => [xs[1][0], xs[2][1], xs[1][2], xs[2][3], xs[2][4], xs[1][5]],
            Broadcasts = [[Mask([true, false, true], 3), In(2, 3), In(2, 1)], [Mask([true, false], 2, 1), In(), In(3)]],
        };
    }

    private static IEnumerable<OpRow> Indexing()
    {
        yield return new OpRow
        {
            Name = "gather",
            Node = "GatherBackward0",
            F = xs => xs[0].Gather(1, xs[1]),
            Inputs = [In(2, 3), Longs([0, 0, 2, 1], 2, 2)],
            Reference = xs => [xs[0][0], xs[0][0], xs[0][5], xs[0][4]],
        };
        yield return new OpRow
        {
            Name = "index_select",
            Node = "IndexSelectBackward0",
            F = xs => xs[0].IndexSelect(0, xs[1]),
            Inputs = [In(3, 2), Longs([2, 0, 2], 3)],
            Reference = xs => [xs[0][4], xs[0][5], xs[0][0], xs[0][1], xs[0][4], xs[0][5]],
        };
        yield return new OpRow
        {
            Name = "masked_fill",
            Node = "MaskedFillBackward0",
            F = xs => xs[0].MaskedFill(xs[1], 0.5),
            Inputs = [In(2, 3), Mask([true, false, false, true, false, true], 2, 3)],
            Reference = xs => [0.5, xs[0][1], xs[0][2], 0.5, xs[0][4], 0.5],
            Broadcasts = [[In(2, 3), Mask([false, true, false], 3)]],
        };
        yield return new OpRow
        {
            Name = "scatter_add",
            Node = "ScatterAddBackward0",
            F = xs => xs[0].ScatterAdd(1, xs[1], xs[2]),
            Inputs = [In(2, 3), Longs([0, 0, 1, 2], 2, 2), In(2, 2)],
            Reference = xs => [xs[0][0] + xs[2][0] + xs[2][1], xs[0][1], xs[0][2], xs[0][3], xs[0][4] + xs[2][2], xs[0][5] + xs[2][3]],
        };
        yield return new OpRow
        {
            Name = "index_add",
            Node = "IndexAddBackward0",
            F = xs => xs[0].IndexAdd(0, xs[1], xs[2]),
            Inputs = [In(3, 2), Longs([1, 0, 1], 3), In(3, 2)],
            Reference = xs => [xs[0][0] + xs[2][2], xs[0][1] + xs[2][3], xs[0][2] + xs[2][0] + xs[2][4], xs[0][3] + xs[2][1] + xs[2][5], xs[0][4], xs[0][5]],
        };
    }
}
