using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- atleast_Nd, stacking and splitting ----

    /// <summary>This tensor with at least one dim: a 0-dim tensor as [1] (ViewBackward0), any other itself. PyTorch: torch.atleast_1d.</summary>
    public Tensor AtLeast1d() => StackSplitOps.AtLeast1d(this);

    /// <summary>At least two dims: [1, 1] from 0-dim, [1, n] from 1-dim, else itself. PyTorch: torch.atleast_2d.</summary>
    public Tensor AtLeast2d() => StackSplitOps.AtLeast2d(this);

    /// <summary>At least three dims: [1, 1, 1], [1, n, 1], [m, n, 1], else itself. PyTorch: torch.atleast_3d.</summary>
    public Tensor AtLeast3d() => StackSplitOps.AtLeast3d(this);

    /// <summary>Joined horizontally: 1-D inputs end to end, others along dim 1 (CatBackward0). PyTorch: torch.hstack.</summary>
    public static Tensor Hstack(params Tensor[] tensors) => StackSplitOps.Hstack(tensors);

    /// <summary>Rows stacked, inputs made at least 2-D (CatBackward0). PyTorch: torch.vstack.</summary>
    public static Tensor Vstack(params Tensor[] tensors) => StackSplitOps.Vstack(tensors);

    /// <summary>Stacked along dim 2, inputs made at least 3-D (CatBackward0). PyTorch: torch.dstack.</summary>
    public static Tensor Dstack(params Tensor[] tensors) => StackSplitOps.Dstack(tensors);

    /// <summary>0-D and 1-D inputs as columns, joined along dim 1 with the 2-D ones (CatBackward0). PyTorch: torch.column_stack.</summary>
    public static Tensor ColumnStack(params Tensor[] tensors) => StackSplitOps.ColumnStack(tensors);

    /// <summary>
    /// <paramref name="sections"/> views along <paramref name="dim"/>, as even as they can be (the first size % sections
    /// one longer). PyTorch: torch.tensor_split(sections).
    /// </summary>
    public Tensor[] TensorSplit(int sections, int dim = 0) => StackSplitOps.TensorSplit(this, sections, dim);

    /// <summary>Views split before each of <paramref name="indices"/> along <paramref name="dim"/>. PyTorch: torch.tensor_split(indices).</summary>
    public Tensor[] TensorSplit(long[] indices, int dim = 0) => StackSplitOps.TensorSplit(this, indices, dim);

    /// <summary>tensor_split along dim 1 (dim 0 for 1-D) into equal sections. PyTorch: torch.hsplit.</summary>
    public Tensor[] Hsplit(int sections) => StackSplitOps.SplitAlong(this, "hsplit", 1, sections);

    /// <summary>tensor_split along dim 1 (dim 0 for 1-D) at <paramref name="indices"/>. PyTorch: torch.hsplit.</summary>
    public Tensor[] Hsplit(long[] indices) => StackSplitOps.SplitAlong(this, "hsplit", 1, indices);

    /// <summary>tensor_split along dim 0 of a tensor of two or more dims, into equal sections. PyTorch: torch.vsplit.</summary>
    public Tensor[] Vsplit(int sections) => StackSplitOps.SplitAlong(this, "vsplit", 2, sections);

    /// <summary>tensor_split along dim 0 at <paramref name="indices"/>. PyTorch: torch.vsplit.</summary>
    public Tensor[] Vsplit(long[] indices) => StackSplitOps.SplitAlong(this, "vsplit", 2, indices);

    /// <summary>tensor_split along dim 2 of a tensor of three or more dims, into equal sections. PyTorch: torch.dsplit.</summary>
    public Tensor[] Dsplit(int sections) => StackSplitOps.SplitAlong(this, "dsplit", 3, sections);

    /// <summary>tensor_split along dim 2 at <paramref name="indices"/>. PyTorch: torch.dsplit.</summary>
    public Tensor[] Dsplit(long[] indices) => StackSplitOps.SplitAlong(this, "dsplit", 3, indices);

    // ---- products ----

    /// <summary>Sum over the last dims of both (a product with a 0-dim operand). PyTorch: torch.inner.</summary>
    public Tensor Inner(Tensor other) => ProductOps.Inner(this, other);

    /// <summary>Dot product of two 1-D tensors (VdotBackward0). PyTorch: torch.vdot.</summary>
    public Tensor Vdot(Tensor other) => ProductOps.Vdot(this, other);

    /// <summary>beta * this + alpha * (mat @ vec) (AddmvBackward0). PyTorch: torch.addmv.</summary>
    public Tensor Addmv(Tensor mat, Tensor vec, double beta = 1, double alpha = 1) => ProductOps.Addmv(this, mat, vec, beta, alpha);

    /// <summary>beta * this + alpha * outer(vec1, vec2) (AddrBackward0). PyTorch: torch.addr.</summary>
    public Tensor Addr(Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1) => ProductOps.Addr(this, vec1, vec2, beta, alpha);

    /// <summary>The n-th matrix power of a square matrix (or batch); negative n inverts first. PyTorch: torch.matrix_power.</summary>
    public Tensor MatrixPower(long n) => ProductOps.MatrixPower(this, n);

    /// <summary>log det: NaN for a negative determinant, -inf for a singular matrix. PyTorch: torch.logdet.</summary>
    public Tensor Logdet() => ProductOps.Logdet(this);

    /// <summary>The inputs (0-D as 1x1, 1-D as a row) along a block diagonal (BlockDiagBackward0). PyTorch: torch.block_diag.</summary>
    public static Tensor BlockDiag(params Tensor[] tensors) => ProductOps.BlockDiag(tensors);

    // ---- statistics ----

    /// <summary>
    /// Covariance of the variables in the rows (observations in the columns), with optional integer frequency and float
    /// observation weights. PyTorch: torch.cov.
    /// </summary>
    public Tensor Cov(int correction = 1, Tensor? fweights = null, Tensor? aweights = null) => StatisticsOps.Cov(this, correction, fweights, aweights);

    /// <summary>Pearson correlation coefficients of the variables in the rows, clipped to [-1, 1]. PyTorch: torch.corrcoef.</summary>
    public Tensor Corrcoef() => StatisticsOps.Corrcoef(this);

    /// <summary>(amin, amax) over all elements, or along <paramref name="dim"/>; no derivative, as in PyTorch. PyTorch: torch.aminmax.</summary>
    public (Tensor Min, Tensor Max) Aminmax(int? dim = null, bool keepDim = false) => StatisticsOps.Aminmax(this, dim, keepDim);

    // ---- integer math ----

    /// <summary>Element-wise greatest common divisor of Int64 tensors (non-negative). PyTorch: torch.gcd.</summary>
    public Tensor Gcd(Tensor other) => IntegerMathOps.Gcd(this, other);

    /// <summary>Element-wise least common multiple of Int64 tensors (non-negative). PyTorch: torch.lcm.</summary>
    public Tensor Lcm(Tensor other) => IntegerMathOps.Lcm(this, other);

    /// <summary>0 below zero, 1 above, <paramref name="values"/> at zero (same dtype). PyTorch: torch.heaviside.</summary>
    public Tensor Heaviside(Tensor values) => IntegerMathOps.Heaviside(this, values);

    /// <summary>The mantissa (in [0.5, 1) by magnitude, FrexpBackward0) and Int32 exponent with this = mantissa · 2^exponent. PyTorch: torch.frexp.</summary>
    public (Tensor Mantissa, Tensor Exponent) Frexp() => IntegerMathOps.Frexp(this);

    /// <summary>this * 2^<paramref name="other"/> (MulBackward0). PyTorch: torch.ldexp.</summary>
    public Tensor Ldexp(Tensor other) => IntegerMathOps.Ldexp(this, other);

    /// <summary>Alias of <see cref="Clamp(double?, double?)"/>. PyTorch: torch.clip.</summary>
    public Tensor Clip(double? min = null, double? max = null) => Clamp(min, max);

    // ---- flat positions ----

    /// <summary>The elements at <paramref name="index"/>'s positions in this tensor read as one row-major sequence (TakeBackward0). PyTorch: torch.take.</summary>
    public Tensor Take(Tensor index) => FlatIndexOps.Take(this, index);

    /// <summary>
    /// A copy with <paramref name="source"/> written (or added) at <paramref name="index"/>'s flat row-major positions; a
    /// repeated position keeps the last write (PutBackward0). PyTorch: torch.put.
    /// </summary>
    public Tensor Put(Tensor index, Tensor source, bool accumulate = false) => FlatIndexOps.Put(this, index, source, accumulate, false);

    /// <summary>In-place <see cref="Put(Tensor, Tensor, bool)"/>. PyTorch: put_.</summary>
    public Tensor Put_(Tensor index, Tensor source, bool accumulate = false) => FlatIndexOps.Put(this, index, source, accumulate, true);

    /// <summary>
    /// A copy with <paramref name="source"/>'s leading elements written, in row-major order, where <paramref name="mask"/>
    /// (broadcast) is true (MaskedScatterBackward0). PyTorch: masked_scatter.
    /// </summary>
    public Tensor MaskedScatter(Tensor mask, Tensor source) => FlatIndexOps.MaskedScatter(this, mask, source, false);

    /// <summary>In-place <see cref="MaskedScatter(Tensor, Tensor)"/>. PyTorch: masked_scatter_.</summary>
    public Tensor MaskedScatter_(Tensor mask, Tensor source) => FlatIndexOps.MaskedScatter(this, mask, source, true);

    // ---- integration and combinations ----

    /// <summary>The trapezoid rule along <paramref name="dim"/> with spacing <paramref name="dx"/>. PyTorch: torch.trapezoid(y, dx=).</summary>
    public Tensor Trapezoid(double dx = 1, int dim = -1) => TrapezoidOps.Trapezoid(this, dx, dim);

    /// <summary>The trapezoid rule along <paramref name="dim"/> at sample points <paramref name="x"/>. PyTorch: torch.trapezoid(y, x).</summary>
    public Tensor Trapezoid(Tensor x, int dim = -1) => TrapezoidOps.Trapezoid(this, x, dim);

    /// <summary>The running trapezoid integral (one element fewer along <paramref name="dim"/>). PyTorch: torch.cumulative_trapezoid(y, dx=).</summary>
    public Tensor CumulativeTrapezoid(double dx = 1, int dim = -1) => TrapezoidOps.CumulativeTrapezoid(this, dx, dim);

    /// <summary>The running trapezoid integral at sample points <paramref name="x"/>. PyTorch: torch.cumulative_trapezoid(y, x).</summary>
    public Tensor CumulativeTrapezoid(Tensor x, int dim = -1) => TrapezoidOps.CumulativeTrapezoid(this, x, dim);

    /// <summary>
    /// The <paramref name="r"/>-element combinations of this 1-D tensor's elements, one per row, as itertools.combinations
    /// (or combinations_with_replacement) orders them (StackBackward0). PyTorch: torch.combinations.
    /// </summary>
    public Tensor Combinations(int r = 2, bool withReplacement = false) => CombinationsOps.Combinations(this, r, withReplacement);

    // ---- more products, powers, clamps and reshapes ----

    /// <summary>beta * this + alpha * sum over the batch of batch1[b] @ batch2[b] (AddbmmBackward0). PyTorch: torch.addbmm.</summary>
    public Tensor Addbmm(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => ProductOps.Addbmm(this, batch1, batch2, beta, alpha);

    /// <summary>The p-norm of this - <paramref name="other"/> (broadcast) (DistBackward0). PyTorch: torch.dist.</summary>
    public Tensor Dist(Tensor other, double p = 2) => ProductOps.Dist(this, other, p);

    /// <summary>this ** <paramref name="exponent"/> computed in Float64 (PowBackward0). PyTorch: torch.float_power.</summary>
    public Tensor FloatPower(double exponent) => To(DType.Float64).Pow(exponent);

    /// <summary>this ** <paramref name="exponent"/> computed in Float64 (PowBackward1). PyTorch: torch.float_power.</summary>
    public Tensor FloatPower(Tensor exponent) => To(DType.Float64).Pow(exponent.To(DType.Float64));

    /// <summary>Alias of <see cref="Div(Tensor)"/> (true division). PyTorch: torch.true_divide.</summary>
    public Tensor TrueDivide(Tensor other) => Div(other);

    /// <summary>Alias of <see cref="Div(double)"/> (true division). PyTorch: torch.true_divide.</summary>
    public Tensor TrueDivide(double other) => Div(other);

    /// <summary>This tensor itself (unary +); Bool tensors are refused. PyTorch: torch.positive.</summary>
    public Tensor Positive()
    {
        ThrowIfDisposed();
        if (DType == DType.Bool) throw new InvalidOperationException("The `+` operator, on a bool tensor is not supported.");
        return this;
    }

    /// <summary>max(this, <paramref name="min"/>) (ClampMinBackward0). PyTorch: torch.clamp_min.</summary>
    public Tensor ClampMin(double min) => MoreLossOps.ClampMin(this, min);

    /// <summary>min(this, <paramref name="max"/>) (ClampMaxBackward0). PyTorch: torch.clamp_max.</summary>
    public Tensor ClampMax(double max) => MoreLossOps.ClampMax(this, max);

    /// <summary>The elements as a 1-D tensor: a view when contiguous, else a copy. PyTorch: torch.ravel.</summary>
    public Tensor Ravel() => Contiguous().View(-1);

    /// <summary>The flattened elements on the <paramref name="offset"/>-th diagonal of a square matrix (DiagEmbedBackward0). PyTorch: torch.diagflat.</summary>
    public Tensor Diagflat(int offset = 0) => Contiguous().View(-1).Diag(offset);

    /// <summary>Element-wise AND of Int64/Bool tensors (broadcast). PyTorch: torch.bitwise_and.</summary>
    public Tensor BitwiseAnd(Tensor other) => BitwiseOps.Binary(this, other, BitwiseOps.Kind.And);

    /// <summary>Element-wise OR of Int64/Bool tensors (broadcast). PyTorch: torch.bitwise_or.</summary>
    public Tensor BitwiseOr(Tensor other) => BitwiseOps.Binary(this, other, BitwiseOps.Kind.Or);

    /// <summary>Element-wise XOR of Int64/Bool tensors (broadcast). PyTorch: torch.bitwise_xor.</summary>
    public Tensor BitwiseXor(Tensor other) => BitwiseOps.Binary(this, other, BitwiseOps.Kind.Xor);

    /// <summary>Element-wise NOT: ~x for Int64, logical not for Bool. PyTorch: torch.bitwise_not.</summary>
    public Tensor BitwiseNot() => BitwiseOps.Not(this);

    /// <summary>Element-wise arithmetic left shift of Int64 tensors. PyTorch: torch.bitwise_left_shift.</summary>
    public Tensor BitwiseLeftShift(Tensor other) => BitwiseOps.Binary(this, other, BitwiseOps.Kind.LeftShift);

    /// <summary>Element-wise arithmetic right shift of Int64 tensors (sign-filling). PyTorch: torch.bitwise_right_shift.</summary>
    public Tensor BitwiseRightShift(Tensor other) => BitwiseOps.Binary(this, other, BitwiseOps.Kind.RightShift);

    /// <summary>
    /// Counts (or summed weights) in <paramref name="bins"/> equal bins over <paramref name="range"/> (default: the data's
    /// extremes), with the bin edges; density normalizes to unit area. PyTorch: torch.histogram(bins=int).
    /// </summary>
    public (Tensor Hist, Tensor BinEdges) Histogram(int bins = 100, (double Min, double Max)? range = null, Tensor? weight = null, bool density = false) =>
        StatisticsOps.Histogram(this, bins, range, weight, density);

    /// <summary>Counts (or summed weights) between the given increasing <paramref name="binEdges"/>. PyTorch: torch.histogram(bins=tensor).</summary>
    public (Tensor Hist, Tensor BinEdges) Histogram(Tensor binEdges, Tensor? weight = null, bool density = false) =>
        StatisticsOps.Histogram(this, binEdges, weight, density);

    /// <summary><paramref name="steps"/> values from base^start to base^end, evenly spaced in the exponent. PyTorch: torch.logspace.</summary>
    public static Tensor Logspace(double start, double end, int steps, double logBase = 10, DType dtype = DType.Float32)
    {
        using var exponents = Linspace(start, end, steps, DType.Float64);
        using var powers = Pow(logBase, exponents);
        return powers.To(dtype);
    }

    /// <summary>An uninitialized tensor shaped like <paramref name="t"/>. PyTorch: torch.empty_like.</summary>
    public static Tensor EmptyLike(Tensor t, DType? dtype = null, bool requiresGrad = false) => Empty(t.Sizes, dtype ?? t.DType, requiresGrad);

    /// <summary>
    /// The coordinates, one Int64 tensor per dim of <paramref name="shape"/>, of flat row-major positions (Python's floor
    /// division and modulo, so negatives wrap). PyTorch: torch.unravel_index.
    /// </summary>
    public static Tensor[] UnravelIndex(Tensor indices, int[] shape) => IntegerMathOps.UnravelIndex(indices, shape);

    // ---- functional view writes ----

    /// <summary>A copy with <paramref name="src"/> written at index <paramref name="index"/> of <paramref name="dim"/> (SelectScatterBackward0). PyTorch: torch.select_scatter.</summary>
    public Tensor SelectScatter(Tensor src, int dim, long index) =>
        ViewScatterOps.Scatter(this, src, t => t.Select(dim, index), "SelectScatterBackward0");

    /// <summary>A copy with <paramref name="src"/> written at the slice start:end:step of <paramref name="dim"/> (SliceScatterBackward0). PyTorch: torch.slice_scatter.</summary>
    public Tensor SliceScatter(Tensor src, int dim = 0, long? start = null, long? end = null, long step = 1) =>
        ViewScatterOps.Scatter(this, src, t => t.Slice(dim, start ?? 0, end ?? long.MaxValue, step), "SliceScatterBackward0");

    /// <summary>A copy with <paramref name="src"/> written on a diagonal (DiagonalScatterBackward0). PyTorch: torch.diagonal_scatter.</summary>
    public Tensor DiagonalScatter(Tensor src, int offset = 0, int dim1 = 0, int dim2 = 1) =>
        ViewScatterOps.Scatter(this, src, t => t.Diagonal(offset, dim1, dim2), "DiagonalScatterBackward0");

    // ---- repeating, broadcasting and aliases ----

    /// <summary>
    /// Each element (of the flattened tensor when <paramref name="dim"/> is null) repeated <paramref name="repeats"/>
    /// times in place. PyTorch: torch.repeat_interleave(input, int).
    /// </summary>
    public Tensor RepeatInterleave(long repeats, int? dim = null) => RepeatOps.RepeatInterleave(this, repeats, dim);

    /// <summary>Each slice along <paramref name="dim"/> repeated by its count in <paramref name="repeats"/> (IndexSelectBackward0). PyTorch: torch.repeat_interleave(input, tensor).</summary>
    public Tensor RepeatInterleave(Tensor repeats, int? dim = null) => RepeatOps.RepeatInterleave(this, repeats, dim);

    /// <summary>Position i repeated repeats[i] times (a 1-D Int64 tensor of counts). PyTorch: torch.repeat_interleave(repeats).</summary>
    public static Tensor RepeatInterleave(Tensor repeats)
    {
        var positions = RepeatOps.Positions(repeats);
        if (repeats.DType == DType.Int64) return positions;
        using (positions) return positions.To(repeats.DType);
    }

    /// <summary>The inputs expanded (views) to their common broadcast shape. PyTorch: torch.broadcast_tensors.</summary>
    public static Tensor[] BroadcastTensors(params Tensor[] tensors) => RepeatOps.BroadcastTensors(tensors);

    /// <summary>The shape the given shapes broadcast to. PyTorch: torch.broadcast_shapes.</summary>
    public static int[] BroadcastShapes(params int[][] shapes) => RepeatOps.BroadcastShapes(shapes);

    /// <summary>The next representable value after each element toward <paramref name="other"/>'s. PyTorch: torch.nextafter.</summary>
    public Tensor Nextafter(Tensor other) => IntegerMathOps.Nextafter(this, other);

    /// <summary>Alias of <see cref="Outer(Tensor)"/>. PyTorch: torch.ger.</summary>
    public Tensor Ger(Tensor other) => Outer(other);

    /// <summary>Alias of <see cref="Vstack(Tensor[])"/>. PyTorch: torch.row_stack.</summary>
    public static Tensor RowStack(params Tensor[] tensors) => Vstack(tensors);

    /// <summary>Alias of <see cref="Cat(Tensor[], int)"/>. PyTorch: torch.concat.</summary>
    public static Tensor Concat(Tensor[] tensors, int dim = 0) => Cat(tensors, dim);

    /// <summary>Alias of <see cref="Cat(Tensor[], int)"/>. PyTorch: torch.concatenate.</summary>
    public static Tensor Concatenate(Tensor[] tensors, int dim = 0) => Cat(tensors, dim);
}
