namespace Sharpgrad.Tests.Catalog;

public static partial class OpCatalog
{
    /// <summary>Naive (batch of) m x k @ k x n, row-major.</summary>
    internal static Func<double[][], double[]> MatRef(int batch, int m, int k, int n, bool batchedB) => xs =>
    {
        var c = new double[batch * m * n];
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += xs[0][b * m * k + i * k + p] * xs[1][(batchedB ? b * k * n : 0) + p * n + j];
                    c[b * m * n + i * n + j] = s;
                }
        return c;
    };

    private static OpRow Binary(string name, string? node, Func<Tensor, Tensor, Tensor> f, InputSpec a, InputSpec b, Func<double[][], double[]>? reference = null) => new()
    {
        Name = name,
        Node = node,
        F = xs => f(xs[0], xs[1]),
        Inputs = [a, b],
        Reference = reference,
    };

    private static IEnumerable<OpRow> Linalg()
    {
        yield return Binary("dot", "DotBackward0", (a, b) => a.Dot(b), In(3), In(3), MatRef(1, 1, 3, 1, false));
        yield return Binary("mv", "MvBackward0", (a, b) => a.Mv(b), In(2, 3), In(3), MatRef(1, 2, 3, 1, false));
        yield return Binary("mm", "MmBackward0", (a, b) => a.Mm(b), In(2, 3), In(3, 4), MatRef(1, 2, 3, 4, false));
        yield return Binary("bmm", "BmmBackward0", (a, b) => a.Bmm(b), In(2, 2, 3), In(2, 3, 4), MatRef(2, 2, 3, 4, true));
        yield return Binary("matmul_1d_1d", "DotBackward0", (a, b) => a.MatMul(b), In(3), In(3), MatRef(1, 1, 3, 1, false));
        yield return Binary("matmul_2d_1d", "MvBackward0", (a, b) => a.MatMul(b), In(2, 3), In(3), MatRef(1, 2, 3, 1, false));
        yield return Binary("matmul_1d_2d", "SqueezeBackward4", (a, b) => a.MatMul(b), In(3), In(3, 4), MatRef(1, 1, 3, 4, false));
        yield return Binary("matmul_2d_2d", "MmBackward0", (a, b) => a.MatMul(b), In(2, 3), In(3, 4), MatRef(1, 2, 3, 4, false));
        yield return Binary("matmul_3d_2d", "UnsafeViewBackward0", (a, b) => a.MatMul(b), In(2, 2, 3), In(3, 4), MatRef(1, 4, 3, 4, false));
        yield return Binary("matmul_3d_3d", "UnsafeViewBackward0", (a, b) => a.MatMul(b), In(2, 2, 3), In(2, 3, 4), MatRef(2, 2, 3, 4, true));
        yield return Binary("matmul_3d_1d", "UnsafeViewBackward0", (a, b) => a.MatMul(b), In(2, 2, 3), In(3), MatRef(1, 4, 3, 1, false));
        yield return Binary("matmul_broadcast_batch", "UnsafeViewBackward0", (a, b) => a.MatMul(b), In(2, 1, 2, 3), In(3, 3, 2));
        yield return Binary("matmul_operator_chain", "MmBackward0", (a, b) => a.MatMul(b).MatMul(b.T), In(2, 3), In(3, 3));
        yield return new OpRow
        {
            Name = "addmm",
            Node = "AddmmBackward0",
            F = xs => Tensor.Addmm(xs[0], xs[1], xs[2]),
            Inputs = [In(4), In(2, 3), In(3, 4)],
            Reference = xs => MatRef(1, 2, 3, 4, false)([xs[1], xs[2]]).Select((v, i) => v + xs[0][i % 4]).ToArray(),
        };
        yield return new OpRow
        {
            Name = "addmm_beta_alpha",
            Node = "AddmmBackward0",
            F = xs => Tensor.Addmm(xs[0], xs[1], xs[2], beta: 0.5, alpha: 2),
            Inputs = [In(2, 4), In(2, 3), In(3, 4)],
            Reference = xs => MatRef(1, 2, 3, 4, false)([xs[1], xs[2]]).Select((v, i) => 2 * v + 0.5 * xs[0][i]).ToArray(),
        };
    }

    private static OpRow View(string name, string? node, Func<Tensor, Tensor> f, InputSpec input, bool strided = true, Func<double[][], double[]>? reference = null) => new()
    {
        Name = name,
        Node = node,
        F = xs => f(xs[0]),
        Inputs = [input],
        Aliases = true,
        Strided = strided,
        Reference = reference,
    };

    private static IEnumerable<OpRow> Views()
    {
        var same = (Func<double[][], double[]>)(xs => xs[0]);
        yield return View("view", "ViewBackward0", x => x.View(3, 2), In(2, 3), strided: false, reference: same);
        yield return View("view_infer", "ViewBackward0", x => x.View(-1), In(2, 3), strided: false, reference: same);
        yield return View("view_as", "ViewBackward0", x => x.ViewAs(Tensor.Zeros([6])), In(2, 3), strided: false, reference: same);
        yield return View("reshape_viewable", "ViewBackward0", x => x.Reshape(3, 2), In(2, 3), reference: same);
        yield return new OpRow
        {
            Name = "reshape_copy",
            Node = "UnsafeViewBackward0",
            F = xs => xs[0].T.Reshape(6),
            Inputs = [In(2, 3)],
            Reference = xs => [xs[0][0], xs[0][3], xs[0][1], xs[0][4], xs[0][2], xs[0][5]],
        };
        yield return View("transpose", "TransposeBackward0", x => x.Transpose(0, 2), In(2, 3, 2));
        yield return View("transpose_2d", "TransposeBackward0", x => x.Transpose(0, 1), In(2, 3),
            reference: xs => [xs[0][0], xs[0][3], xs[0][1], xs[0][4], xs[0][2], xs[0][5]]);
        yield return View("t", "TBackward0", x => x.T, In(2, 3));
        yield return View("t_1d", "TBackward0", x => x.T, In(3), reference: same);
        yield return View("permute", "PermuteBackward0", x => x.Permute(2, 0, 1), In(2, 3, 2));
        yield return View("select", "SelectBackward0", x => x.Select(1, 1), In(2, 3), reference: xs => [xs[0][1], xs[0][4]]);
        yield return View("select_negative", "SelectBackward0", x => x.Select(0, -1), In(2, 3), reference: xs => xs[0][3..]);
        yield return View("indexer", "SelectBackward0", x => x[1], In(2, 3), reference: xs => xs[0][3..]);
        yield return View("narrow", "SliceBackward0", x => x.Narrow(1, 1, 2), In(2, 3), reference: xs => [xs[0][1], xs[0][2], xs[0][4], xs[0][5]]);
        yield return View("slice", "SliceBackward0", x => x.Slice(1, 0, 3, 2), In(2, 3), reference: xs => [xs[0][0], xs[0][2], xs[0][3], xs[0][5]]);
        yield return View("slice_1d", "SliceBackward0", x => x.Slice(0, 1, 5), In(5), reference: xs => xs[0][1..]);
        yield return View("unsqueeze", "UnsqueezeBackward0", x => x.Unsqueeze(1), In(2, 3), reference: same);
        yield return View("squeeze_dim", "SqueezeBackward1", x => x.Squeeze(1), In(2, 1, 3), reference: same);
        yield return View("squeeze_all", "SqueezeBackward0", x => x.Squeeze(), In(2, 1, 3, 1), reference: same);
        yield return View("expand", "ExpandBackward0", x => x.Expand(2, 3), In(1, 3), reference: xs => [.. xs[0], .. xs[0]]);
        yield return View("expand_new_dim", "ExpandBackward0", x => x.Expand(2, -1), In(3), reference: xs => [.. xs[0], .. xs[0]]);
        yield return View("expand_as", "ExpandBackward0", x => x.ExpandAs(Tensor.Zeros([2, 2, 3])), In(2, 1, 3));
        yield return View("flatten", "ViewBackward0", x => x.Flatten(), In(2, 3, 2), strided: false, reference: same);
        yield return View("flatten_from", "ViewBackward0", x => x.Flatten(1), In(2, 3, 2), strided: false, reference: same);
        yield return MultiView("unbind", "UnbindBackward0", x => x.Unbind(1), In(2, 3));
        yield return MultiView("split", "SplitBackward0", x => x.Split(2), In(5));
        yield return MultiView("split_sizes", "SplitWithSizesBackward0", x => x.Split([1, 2], 1), In(2, 3));
        yield return MultiView("chunk", "SplitBackward0", x => x.Chunk(2, 1), In(2, 4));
    }

    /// <summary>Multi-output views: F uses the first and last outputs (the middle gets no gradient).</summary>
    private static OpRow MultiView(string name, string node, Func<Tensor, Tensor[]> f, InputSpec input) => new()
    {
        Name = name,
        Node = node,
        F = xs => { var parts = f(xs[0]); return Tensor.Cat([parts[0] * 2.0, parts[^1]], parts[0].Dim - 1); },
        Probe = xs => f(xs[0])[^1],
        Inputs = [input],
        Aliases = true,
    };
}
