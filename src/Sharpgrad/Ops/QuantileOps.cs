using System.Globalization;
using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>
/// quantile / nanquantile, composed as ATen's quantile_impl composes them (sort, view, gather, lerp, then squeeze_),
/// so values, rank arithmetic (in the input's dtype) and recorded nodes are PyTorch's.
/// </summary>
internal static class QuantileOps
{
    private enum Mode { Linear, Lower, Higher, Midpoint, Nearest }

    private static Mode ParseMode(string interpolation) => interpolation switch
    {
        "linear" => Mode.Linear,
        "lower" => Mode.Lower,
        "higher" => Mode.Higher,
        "midpoint" => Mode.Midpoint,
        "nearest" => Mode.Nearest,
        _ => throw new ArgumentException($"quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got {interpolation}"),
    };

    /// <summary>A Python number q: checked to lie in [0, 1], then a 0-d tensor of the input's dtype.</summary>
    public static Tensor Quantile(Tensor self, double q, int? dim, bool keepDim, string interpolation, bool ignoreNan)
    {
        ArgumentNullException.ThrowIfNull(self);
        self.ThrowIfDisposed();
        if (!(q >= 0 && q <= 1))
            throw new ArgumentException($"quantile() q must be in the range [0, 1] but got {q.ToString("R", CultureInfo.InvariantCulture)}");
        return Quantile(self, Tensor.Scalar(q, self.DType), dim, keepDim, interpolation, ignoreNan);
    }

    public static Tensor Quantile(Tensor self, Tensor q, int? dim, bool keepDim, string interpolation, bool ignoreNan)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(q);
        OpHelpers.CheckSameDevice(self, q);
        var mode = ParseMode(interpolation);
        if (self.Numel == 0) throw new ArgumentException("quantile() input tensor must be non-empty");
        if (q.Dim > 1) throw new ArgumentException("quantile() q must be a scalar or 1D tensor");
        if (!self.DType.IsFloatingPoint()) throw new ArgumentException("quantile() input tensor must be either float or double dtype");
        if (q.DType != self.DType) throw new ArgumentException("quantile() q tensor must be same dtype as the input tensor");
        using (Autograd.NoGrad())
            if (!q.Ge(0.0).LogicalAnd(q.Le(1.0)).All().Item<bool>()) throw new ArgumentException("quantile() q values must be in the range [0, 1]");

        int nd = self.Dim;
        int? wrapped = dim is null ? null : Layout.WrapDim(dim.Value, nd);
        var outShape = new List<int>();
        if (wrapped is int w)
        {
            for (int i = 0; i < nd; i++)
                if (i != w) outShape.Add(self.Sizes[i]);
                else if (keepDim) outShape.Add(1);
        }
        else if (keepDim) for (int i = 0; i < nd; i++) outShape.Add(1);
        outShape.Insert(0, q.Numel);

        Tensor sorted;
        if (wrapped is null) sorted = self.Flatten().Sort().Values;
        else if (wrapped == nd - 1) sorted = self.Sort().Values;
        else sorted = self.Unsqueeze(-1).Transpose(wrapped.Value, -1).Sort().Values;
        int n = sorted.Sizes.Length == 0 ? 1 : sorted.Sizes[^1];
        var inShape = new int[outShape.Count];
        for (int i = 0; i < inShape.Length - 1; i++) inShape[i] = outShape[i + 1];
        inShape[^1] = n;
        sorted = sorted.View(inShape);

        // Recorded as ATen records it: a q that requires grad gets one through the linear weights (d/dq = (above - below)
        // times the rank scale); the rounded ranks of the other modes carry none.
        Tensor ranks, ranksBelow, weights = null!, ranksAbove = null!;
        if (ignoreNan)
        {
            Tensor scale;
            using (Autograd.NoGrad()) scale = sorted.Eq(sorted).Sum([-1], keepDim: true) - 1.0;
            ranks = q * scale;
            ranks = ranks.MaskedFill(ranks.Lt(0.0), 0);
        }
        else
        {
            long last = n - 1;
            Tensor hasNan;
            using (Autograd.NoGrad()) hasNan = sorted.Ne(sorted).Sum([-1], keepDim: true).Gt(0.0);
            ranks = Tensor.Where(hasNan, Tensor.Scalar(last, q.DType), q * (double)last);
        }
        ranks = mode switch
        {
            Mode.Lower => ranks.Floor(),
            Mode.Higher => ranks.Ceil(),
            Mode.Nearest => ranks.Round(),
            _ => ranks,
        };
        using (Autograd.NoGrad()) ranksBelow = ranks.To(DType.Int64);
        if (mode is Mode.Linear or Mode.Midpoint)
        {
            weights = mode == Mode.Midpoint ? Tensor.FullLike(ranks, 0.5) : ranks - ranksBelow;
            using (Autograd.NoGrad()) ranksAbove = ranks.Ceil().To(DType.Int64);
        }
        var values = sorted.Gather(-1, ranksBelow);
        if (mode is Mode.Linear or Mode.Midpoint) values = values.Lerp(sorted.Gather(-1, ranksAbove), weights);

        // ATen's quantile_impl finishes with in-place views: unsqueeze_(0).transpose_(0, -1) for a q tensor, then squeeze_(-1)
        if (q.Dim > 0) values.Unsqueeze_(0).Transpose_(0, -1);
        return values.Squeeze_(-1);
    }
}
