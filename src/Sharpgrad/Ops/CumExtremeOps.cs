using System.Numerics;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>cummax and cummin: running maxima / minima along a dim with the Int64 position of each.</summary>
internal static class CumExtremeOps
{
    /// <summary>
    /// cummax (max = true, CummaxBackward0) or cummin (CumminBackward0) along <paramref name="dim"/>: as PyTorch's CPU
    /// kernel, a NaN always takes over and stays, and an equal value moves the index to the later position. As in
    /// PyTorch, <paramref name="dim"/> is not checked for a 0-d or empty input.
    /// </summary>
    public static (Tensor Values, Tensor Indices) CumExtreme(Tensor x, int dim, bool max)
    {
        x.ThrowIfDisposed();
        bool trivial = x.Dim == 0 || x.Numel == 0;
        int d = trivial ? 0 : Layout.WrapDim(dim, x.Dim);
        Tensor indices;
        if (trivial) indices = Tensor.Zeros(x.Sizes, DType.Int64);
        else
            using (Autograd.NoGrad())
            {
                if (x.DType.IsFloatingPoint())
                {
                    var positions = ScanSortOps.AlongDim<double>(x, d, DType.Float64, DType.Float64, (v, s, n) => RunningExtreme(v, s, n, max));
                    indices = positions.To(DType.Int64);
                    positions.Dispose();
                }
                else indices = ScanSortOps.AlongDim<long>(x, d, DType.Int64, DType.Int64, (v, s, n) => RunningExtreme(v, s, n, max));
            }
        IndexNode node = max ? new CummaxBackward0(d, x.Sizes) : new CumminBackward0(d, x.Sizes);
        var values = x.Numel == 0 ? Gathered0(x, node) : ScanSortOps.Gathered(x, d, indices, node);
        return (values, indices);
    }

    /// <summary>An empty input: an empty copy, recorded like any other (its gradient is empty too).</summary>
    private static Tensor Gathered0(Tensor x, IndexNode node)
    {
        Tensor values;
        using (Autograd.NoGrad()) values = x.Clone();
        if (Record.ShouldRecord(x)) Record.SetHistory(values, Record.Connect(node, x));
        return values;
    }

    /// <summary>Replaces v[s..s+n) by the position of the running extreme (PyTorch's cummax_cummin_helper).</summary>
    private static void RunningExtreme<T>(T[] v, int s, int n, bool max) where T : INumber<T>
    {
        T best = v[s];
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            T e = v[s + i];
            if (T.IsNaN(e) || (!T.IsNaN(best) && (max ? e >= best : e <= best)))
            {
                best = e;
                at = i;
            }
            v[s + i] = T.CreateChecked(at);
        }
    }
}

/// <summary>cummax / cummin (cummaxmin_backward): zeros with grad added at the recorded positions.</summary>
internal abstract class CumExtremeBackward(int dim, int[] inputSizes) : IndexNode
{
    internal override Tensor?[] Apply(Tensor grad)
    {
        if (inputSizes.Length == 0) return [grad];
        if (grad.Numel == 0) return [Tensor.Zeros(inputSizes, grad.DType)];
        return [Tensor.Zeros(inputSizes, grad.DType).ScatterAdd(dim, Index!.Unpack(), grad)];
    }
}

/// <summary>cummax(dim): grad added at each running maximum's position.</summary>
internal sealed class CummaxBackward0(int dim, int[] inputSizes) : CumExtremeBackward(dim, inputSizes)
{
    public override string Name => nameof(CummaxBackward0);
}

/// <summary>cummin(dim): grad added at each running minimum's position.</summary>
internal sealed class CumminBackward0(int dim, int[] inputSizes) : CumExtremeBackward(dim, inputSizes)
{
    public override string Name => nameof(CumminBackward0);
}
