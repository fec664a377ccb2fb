using Sharpgrad.Kernels;
using Sharpgrad.Kernels.Operators;
using Sharpgrad.Ops;

namespace Sharpgrad;

public sealed partial class Tensor
{
    // ---- arithmetic (PyTorch: add, sub, mul, div, pow and the Python operators) ----

    /// <summary>this + alpha * other, broadcast. PyTorch: torch.add.</summary>
    public Tensor Add(Tensor other, double alpha = 1) => BinaryOps.Add(this, other, alpha);
    /// <summary>this + value. PyTorch: torch.add with a Python number.</summary>
    public Tensor Add(double value) => BinaryOps.Add(this, value);
    /// <summary>this - alpha * other, broadcast. PyTorch: torch.sub.</summary>
    public Tensor Sub(Tensor other, double alpha = 1) => BinaryOps.Sub(this, other, alpha);
    /// <summary>this - value. PyTorch: torch.sub with a Python number.</summary>
    public Tensor Sub(double value) => BinaryOps.Sub(this, value);
    /// <summary>Element-wise product, broadcast. PyTorch: torch.mul.</summary>
    public Tensor Mul(Tensor other) => BinaryOps.Mul(this, other);
    /// <summary>this * value. PyTorch: torch.mul with a Python number.</summary>
    public Tensor Mul(double value) => BinaryOps.Mul(this, value);
    /// <summary>True division, broadcast. PyTorch: torch.div.</summary>
    public Tensor Div(Tensor other) => BinaryOps.Div(this, other);
    /// <summary>this / value. PyTorch: torch.div with a Python number.</summary>
    public Tensor Div(double value) => BinaryOps.Div(this, value);
    /// <summary>this ** exponent. PyTorch: torch.pow.</summary>
    public Tensor Pow(double exponent) => BinaryOps.Pow(this, exponent);
    /// <summary>this ** exponent, element-wise. PyTorch: torch.pow.</summary>
    public Tensor Pow(Tensor exponent) => BinaryOps.Pow(this, exponent);
    /// <summary>baseValue ** exponent. PyTorch: torch.pow(scalar, tensor).</summary>
    public static Tensor Pow(double baseValue, Tensor exponent) => BinaryOps.Pow(baseValue, exponent);
    /// <summary>this². PyTorch: torch.square.</summary>
    public Tensor Square() => BinaryOps.Pow(this, 2.0);
    /// <summary>Element-wise maximum (NaN propagates). PyTorch: torch.maximum.</summary>
    public Tensor Maximum(Tensor other) => BinaryOps.Maximum(this, other);
    /// <summary>Element-wise minimum (NaN propagates). PyTorch: torch.minimum.</summary>
    public Tensor Minimum(Tensor other) => BinaryOps.Minimum(this, other);

    /// <summary>Element-wise sum. PyTorch: a + b.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => BinaryOps.Add(a, b, 1);
    /// <summary>Tensor plus a Python float. PyTorch: a + 1.0.</summary>
    public static Tensor operator +(Tensor a, double b) => BinaryOps.Add(a, b);
    /// <summary>Python float plus tensor. PyTorch: 1.0 + a.</summary>
    public static Tensor operator +(double a, Tensor b) => BinaryOps.Add(b, a);
    /// <summary>Element-wise difference. PyTorch: a - b.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => BinaryOps.Sub(a, b, 1);
    /// <summary>Tensor minus a Python float. PyTorch: a - 1.0.</summary>
    public static Tensor operator -(Tensor a, double b) => BinaryOps.Sub(a, b);
    /// <summary>Python float minus tensor (RsubBackward1). PyTorch: 1.0 - a.</summary>
    public static Tensor operator -(double a, Tensor b) => BinaryOps.RSub(a, b);
    /// <summary>Element-wise product. PyTorch: a * b.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => BinaryOps.Mul(a, b);
    /// <summary>Tensor times a Python float. PyTorch: a * 2.0.</summary>
    public static Tensor operator *(Tensor a, double b) => BinaryOps.Mul(a, b);
    /// <summary>Python float times tensor. PyTorch: 2.0 * a.</summary>
    public static Tensor operator *(double a, Tensor b) => BinaryOps.Mul(b, a);
    /// <summary>Element-wise true division. PyTorch: a / b.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => BinaryOps.Div(a, b);
    /// <summary>Tensor divided by a Python float. PyTorch: a / 2.0.</summary>
    public static Tensor operator /(Tensor a, double b) => BinaryOps.Div(a, b);
    /// <summary>Python float divided by tensor (reciprocal times the number, as PyTorch records it). PyTorch: 2.0 / a.</summary>
    public static Tensor operator /(double a, Tensor b) => BinaryOps.RDiv(a, b);
    /// <summary>Negation. PyTorch: -a.</summary>
    public static Tensor operator -(Tensor a) => UnaryOps.Neg(a);

    // ---- element-wise functions ----

    /// <summary>-x. PyTorch: torch.neg.</summary>
    public Tensor Neg() => UnaryOps.Neg(this);
    /// <summary>e^x. PyTorch: torch.exp.</summary>
    public Tensor Exp() => UnaryOps.Exp(this);
    /// <summary>Natural logarithm. PyTorch: torch.log.</summary>
    public Tensor Log() => UnaryOps.Log(this);
    /// <summary>Square root. PyTorch: torch.sqrt.</summary>
    public Tensor Sqrt() => UnaryOps.Sqrt(this);
    /// <summary>1 / sqrt(x). PyTorch: torch.rsqrt.</summary>
    public Tensor Rsqrt() => UnaryOps.Rsqrt(this);
    /// <summary>|x|. PyTorch: torch.abs.</summary>
    public Tensor Abs() => UnaryOps.Abs(this);
    /// <summary>Sine. PyTorch: torch.sin.</summary>
    public Tensor Sin() => UnaryOps.Sin(this);
    /// <summary>Cosine. PyTorch: torch.cos.</summary>
    public Tensor Cos() => UnaryOps.Cos(this);
    /// <summary>1 / (1 + e^-x). PyTorch: torch.sigmoid.</summary>
    public Tensor Sigmoid() => UnaryOps.Sigmoid(this);
    /// <summary>Hyperbolic tangent. PyTorch: torch.tanh.</summary>
    public Tensor Tanh() => UnaryOps.Tanh(this);
    /// <summary>max(x, 0). PyTorch: torch.relu.</summary>
    public Tensor Relu() => UnaryOps.Relu(this);
    /// <summary>1 / x. PyTorch: torch.reciprocal.</summary>
    public Tensor Reciprocal() => UnaryOps.Reciprocal(this);
    /// <summary>-1, 0 or 1. PyTorch: torch.sign.</summary>
    public Tensor Sign() => UnaryOps.Sign(this);
    /// <summary>Floor. PyTorch: torch.floor.</summary>
    public Tensor Floor() => UnaryOps.Floor(this);
    /// <summary>Ceiling. PyTorch: torch.ceil.</summary>
    public Tensor Ceil() => UnaryOps.Ceil(this);
    /// <summary>Round half to even. PyTorch: torch.round.</summary>
    public Tensor Round() => UnaryOps.Round(this);
    /// <summary>Round half to even at <paramref name="decimals"/> decimal places (negative: to tens, hundreds, ...). PyTorch: torch.round(decimals=).</summary>
    public Tensor Round(int decimals) => UnaryOps.Round(this, decimals);
    /// <summary>log(1 + x). PyTorch: torch.log1p.</summary>
    public Tensor Log1p() => UnaryOps.Log1p(this);
    /// <summary>e^x - 1. PyTorch: torch.expm1.</summary>
    public Tensor Expm1() => UnaryOps.Expm1(this);
    /// <summary>The error function. PyTorch: torch.erf.</summary>
    public Tensor Erf() => UnaryOps.Erf(this);
    /// <summary>Clamps into [min, max]; either bound may be omitted. PyTorch: torch.clamp.</summary>
    public Tensor Clamp(double? min = null, double? max = null) => UnaryOps.Clamp(this, min, max);

    internal static Tensor ThresholdBackward(Tensor grad, Tensor result)
    {
        if (grad.RequiresGradFast && GradMode.Current.Records) return grad * result.Gt(0.0).To(grad.DType);
        var y = Empty(grad.DType, Shapes.Layout.Broadcast(grad.Sizes, result.Sizes));
        Dispatch.Binary(BinaryKind.ThresholdBackward, grad.Strided, OpHelpers.CastRaw(result, grad.DType).Strided, y.Strided);
        return y;
    }

    // ---- comparisons and logic (Bool results, never recorded) ----

    /// <summary>this == other. PyTorch: torch.eq.</summary>
    public Tensor Eq(Tensor other) => BinaryOps.Compare(Comparison.Eq, this, other);
    /// <summary>this == value.</summary>
    public Tensor Eq(double value) => BinaryOps.Compare(Comparison.Eq, this, value);
    /// <summary>this != other. PyTorch: torch.ne.</summary>
    public Tensor Ne(Tensor other) => BinaryOps.Compare(Comparison.Ne, this, other);
    /// <summary>this != value.</summary>
    public Tensor Ne(double value) => BinaryOps.Compare(Comparison.Ne, this, value);
    /// <summary>this &lt; other. PyTorch: torch.lt.</summary>
    public Tensor Lt(Tensor other) => BinaryOps.Compare(Comparison.Lt, this, other);
    /// <summary>this &lt; value.</summary>
    public Tensor Lt(double value) => BinaryOps.Compare(Comparison.Lt, this, value);
    /// <summary>this &lt;= other. PyTorch: torch.le.</summary>
    public Tensor Le(Tensor other) => BinaryOps.Compare(Comparison.Le, this, other);
    /// <summary>this &lt;= value.</summary>
    public Tensor Le(double value) => BinaryOps.Compare(Comparison.Le, this, value);
    /// <summary>this &gt; other. PyTorch: torch.gt.</summary>
    public Tensor Gt(Tensor other) => BinaryOps.Compare(Comparison.Gt, this, other);
    /// <summary>this &gt; value.</summary>
    public Tensor Gt(double value) => BinaryOps.Compare(Comparison.Gt, this, value);
    /// <summary>this &gt;= other. PyTorch: torch.ge.</summary>
    public Tensor Ge(Tensor other) => BinaryOps.Compare(Comparison.Ge, this, other);
    /// <summary>this &gt;= value.</summary>
    public Tensor Ge(double value) => BinaryOps.Compare(Comparison.Ge, this, value);
    /// <summary>Logical and. PyTorch: torch.logical_and.</summary>
    public Tensor LogicalAnd(Tensor other) => BinaryOps.Logical(Logical.And, this, other);
    /// <summary>Logical or. PyTorch: torch.logical_or.</summary>
    public Tensor LogicalOr(Tensor other) => BinaryOps.Logical(Logical.Or, this, other);
    /// <summary>Logical xor. PyTorch: torch.logical_xor.</summary>
    public Tensor LogicalXor(Tensor other) => BinaryOps.Logical(Logical.Xor, this, other);
    /// <summary>Logical not. PyTorch: torch.logical_not.</summary>
    public Tensor LogicalNot() => Eq(0.0);
    /// <summary>True when shapes and all values are equal. PyTorch: torch.equal.</summary>
    public bool Equal(Tensor other) => Sizes.AsSpan().SequenceEqual(other.Sizes) && Eq(other).All().Item<bool>();
    /// <summary>True when every element is close in <see cref="IsClose(Tensor, double, double, bool)"/>'s sense. PyTorch: torch.allclose.</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        Autograd.NoGrad(() => IsClose(other, rtol, atol, equalNan).All().Item<bool>());

    // ---- reductions ----

    /// <summary>Sum of all elements. PyTorch: torch.sum.</summary>
    public Tensor Sum() => ReduceOps.Sum(this);
    /// <summary>Sum over <paramref name="dim"/>. PyTorch: torch.sum(dim, keepdim).</summary>
    public Tensor Sum(int dim, bool keepDim = false) => ReduceOps.Sum(this, [dim], keepDim);
    /// <summary>Sum over several dims. PyTorch: torch.sum(dims, keepdim).</summary>
    public Tensor Sum(int[] dims, bool keepDim = false) => ReduceOps.Sum(this, dims, keepDim);

    /// <summary>The lower triangle of the last two dims (column - row &lt;= diagonal), zeros elsewhere (TrilBackward0). PyTorch: torch.tril.</summary>
    public Tensor Tril(int diagonal = 0) => ShapeCopyOps.Triangle(this, diagonal, lower: true);

    /// <summary>The upper triangle of the last two dims (column - row &gt;= diagonal), zeros elsewhere (TriuBackward0). PyTorch: torch.triu.</summary>
    public Tensor Triu(int diagonal = 0) => ShapeCopyOps.Triangle(this, diagonal, lower: false);

    /// <summary>Tiles the tensor repeats[i] times along each dim; extra leading repeats add dims (RepeatBackward0). PyTorch: tensor.repeat.</summary>
    public Tensor Repeat(params int[] repeats) => ShapeCopyOps.Repeat(this, repeats);

    /// <summary>The outer product of two 1-D tensors, [n, m] (MulBackward0). PyTorch: torch.outer.</summary>
    public Tensor Outer(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Dim != 1 || other.Dim != 1) throw new ArgumentException($"outer: expected 1-D tensors, got {Dim}-D and {other.Dim}-D");
        return Reshape(-1, 1) * other;
    }

    /// <summary>Running sums along <paramref name="dim"/>; integral inputs give Int64 (CumsumBackward0). PyTorch: tensor.cumsum(dim).</summary>
    public Tensor Cumsum(int dim) => ScanSortOps.Cumsum(this, dim);

    /// <summary>log Σ exp(x) over <paramref name="dims"/>, computed stably (LogsumexpBackward0). PyTorch: torch.logsumexp.</summary>
    public Tensor LogSumExp(int[] dims, bool keepDim = false) => ScanSortOps.LogSumExp(this, dims, keepDim);

    /// <summary>log Σ exp(x) along <paramref name="dim"/>. PyTorch: torch.logsumexp(x, dim).</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => ScanSortOps.LogSumExp(this, [dim], keepDim);

    /// <summary>A copy with the order reversed along each of <paramref name="dims"/> (FlipBackward0). PyTorch: torch.flip.</summary>
    public Tensor Flip(params int[] dims) => ScanSortOps.Flip(this, dims);

    /// <summary>
    /// Sorted values along <paramref name="dim"/> and their Int64 positions; NaN sorts as the largest (SortBackward0).
    /// Equal values keep their input order when <paramref name="stable"/>; otherwise their positions come out in the
    /// order PyTorch's CPU sort gives them. PyTorch: torch.sort.
    /// </summary>
    public (Tensor Values, Tensor Indices) Sort(int dim = -1, bool descending = false, bool stable = false) =>
        ScanSortOps.Sort(this, dim, descending, stable);

    /// <summary>
    /// The k largest (or smallest) values along <paramref name="dim"/> with their positions (TopkBackward0): in order
    /// when <paramref name="sorted"/>, and among equal values the positions PyTorch's CPU kernel picks. PyTorch: torch.topk.
    /// </summary>
    public (Tensor Values, Tensor Indices) TopK(int k, int dim = -1, bool largest = true, bool sorted = true) =>
        ScanSortOps.TopK(this, k, dim, largest, sorted);

    /// <summary>
    /// The p-norm of all elements (p = 2 by default; ∞ / -∞ for the largest / smallest |x|; 0 counts non-zeros)
    /// (LinalgVectorNormBackward0). PyTorch: tensor.norm(p) / torch.linalg.vector_norm.
    /// </summary>
    public Tensor Norm(double p = 2) => VectorNormOps.VectorNorm(this, p, null, false);

    /// <summary>The p-norm over <paramref name="dims"/>. PyTorch: tensor.norm(p, dim, keepdim) / torch.linalg.vector_norm.</summary>
    public Tensor Norm(double p, int[] dims, bool keepDim = false) => VectorNormOps.VectorNorm(this, p, dims, keepDim);
    /// <summary>Mean of all elements. PyTorch: torch.mean.</summary>
    public Tensor Mean() => ReduceOps.Mean(this);
    /// <summary>Mean over <paramref name="dim"/>. PyTorch: torch.mean(dim, keepdim).</summary>
    public Tensor Mean(int dim, bool keepDim = false) => ReduceOps.Mean(this, [dim], keepDim);
    /// <summary>Mean over several dims. PyTorch: torch.mean(dims, keepdim).</summary>
    public Tensor Mean(int[] dims, bool keepDim = false) => ReduceOps.Mean(this, dims, keepDim);
    /// <summary>Product of all elements. PyTorch: torch.prod.</summary>
    public Tensor Prod() => ReduceOps.Prod(this);
    /// <summary>Largest element. PyTorch: torch.max().</summary>
    public Tensor Max() => ReduceOps.Extreme(this, true);
    /// <summary>Largest values along <paramref name="dim"/> and their indices. PyTorch: torch.max(dim).</summary>
    public (Tensor Values, Tensor Indices) Max(int dim, bool keepDim = false) => ReduceOps.Extreme(this, dim, keepDim, true);
    /// <summary>Smallest element. PyTorch: torch.min().</summary>
    public Tensor Min() => ReduceOps.Extreme(this, false);
    /// <summary>Smallest values along <paramref name="dim"/> and their indices. PyTorch: torch.min(dim).</summary>
    public (Tensor Values, Tensor Indices) Min(int dim, bool keepDim = false) => ReduceOps.Extreme(this, dim, keepDim, false);
    /// <summary>Index of the largest element (flattened when dim is null). PyTorch: torch.argmax.</summary>
    public Tensor ArgMax(int? dim = null, bool keepDim = false) => ReduceOps.ArgExtreme(this, dim, keepDim, true);
    /// <summary>Index of the smallest element (flattened when dim is null). PyTorch: torch.argmin.</summary>
    public Tensor ArgMin(int? dim = null, bool keepDim = false) => ReduceOps.ArgExtreme(this, dim, keepDim, false);
    /// <summary>Variance of all elements, with Bessel's correction unless <paramref name="unbiased"/> is false. PyTorch: torch.var.</summary>
    public Tensor Var(bool unbiased = true) => ReduceOps.VarStd(this, null, unbiased ? 1 : 0, false, false);
    /// <summary>Variance along <paramref name="dim"/>. PyTorch: torch.var(dim).</summary>
    public Tensor Var(int dim, bool unbiased = true, bool keepDim = false) => ReduceOps.VarStd(this, [dim], unbiased ? 1 : 0, keepDim, false);
    /// <summary>Standard deviation of all elements. PyTorch: torch.std.</summary>
    public Tensor Std(bool unbiased = true) => ReduceOps.VarStd(this, null, unbiased ? 1 : 0, false, true);
    /// <summary>Standard deviation along <paramref name="dim"/>. PyTorch: torch.std(dim).</summary>
    public Tensor Std(int dim, bool unbiased = true, bool keepDim = false) => ReduceOps.VarStd(this, [dim], unbiased ? 1 : 0, keepDim, true);

    /// <summary>Variance over <paramref name="dims"/>, dividing by N − <paramref name="correction"/>. PyTorch: torch.var(dim=(...), correction=, keepdim=).</summary>
    public Tensor Var(int[] dims, double correction = 1, bool keepDim = false) => ReduceOps.VarStd(this, dims, correction, keepDim, false);

    /// <summary>Standard deviation over <paramref name="dims"/>, dividing by N − <paramref name="correction"/>. PyTorch: torch.std(dim=(...), correction=, keepdim=).</summary>
    public Tensor Std(int[] dims, double correction = 1, bool keepDim = false) => ReduceOps.VarStd(this, dims, correction, keepDim, true);
    /// <summary>True if any element is true (non-zero). PyTorch: torch.any.</summary>
    public Tensor Any() => ReduceOps.AnyAll(this, false);
    /// <summary>True if every element is true (non-zero). PyTorch: torch.all.</summary>
    public Tensor All() => ReduceOps.AnyAll(this, true);
    /// <summary>Whether any element along <paramref name="dim"/> is non-zero (False over an empty dim). PyTorch: torch.any(dim).</summary>
    public Tensor Any(int dim, bool keepDim = false) => ReduceOps.AnyAll(this, [dim], keepDim, false);
    /// <summary>Whether any element over <paramref name="dims"/> is non-zero (all dims when empty). PyTorch: torch.any(dim=tuple).</summary>
    public Tensor Any(int[] dims, bool keepDim = false) => ReduceOps.AnyAll(this, dims, keepDim, false);
    /// <summary>Whether every element along <paramref name="dim"/> is non-zero (True over an empty dim). PyTorch: torch.all(dim).</summary>
    public Tensor All(int dim, bool keepDim = false) => ReduceOps.AnyAll(this, [dim], keepDim, true);
    /// <summary>Whether every element over <paramref name="dims"/> is non-zero (all dims when empty). PyTorch: torch.all(dim=tuple).</summary>
    public Tensor All(int[] dims, bool keepDim = false) => ReduceOps.AnyAll(this, dims, keepDim, true);

    // ---- linear algebra ----

    /// <summary>Matrix product with PyTorch's 1-D/2-D/batched/broadcast rules. PyTorch: torch.matmul.</summary>
    public Tensor MatMul(Tensor other) => LinalgOps.MatMul(this, other);
    /// <summary>2-D matrix product. PyTorch: torch.mm.</summary>
    public Tensor Mm(Tensor other) => LinalgOps.Mm(this, other);
    /// <summary>Batched 3-D matrix product. PyTorch: torch.bmm.</summary>
    public Tensor Bmm(Tensor other) => LinalgOps.Bmm(this, other);
    /// <summary>Matrix-vector product. PyTorch: torch.mv.</summary>
    public Tensor Mv(Tensor vector) => LinalgOps.Mv(this, vector);
    /// <summary>Inner product of 1-D tensors. PyTorch: torch.dot.</summary>
    public Tensor Dot(Tensor other) => LinalgOps.Dot(this, other);
    /// <summary>beta * input + alpha * (mat1 @ mat2). PyTorch: torch.addmm.</summary>
    public static Tensor Addmm(Tensor input, Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => LinalgOps.Addmm(input, mat1, mat2, beta, alpha);

    // ---- copies, selection and indexing ----

    /// <summary>This tensor when contiguous, else a contiguous copy. PyTorch: contiguous().</summary>
    public Tensor Contiguous() => CopyOps.Contiguous(this);
    /// <summary>A copy with its own storage, recorded (CloneBackward0). PyTorch: clone().</summary>
    public Tensor Clone() => CopyOps.Clone(this);
    /// <summary>Converted to <paramref name="dtype"/> (this tensor when already of it). PyTorch: to(dtype).</summary>
    public Tensor To(DType dtype) => CopyOps.To(this, dtype);
    /// <summary>Converted to Int32 (floats truncate toward zero). PyTorch: int().</summary>
    public Tensor Int() => CopyOps.To(this, DType.Int32);
    /// <summary>Converted to Int16 (floats through int32, keeping the low 16 bits). PyTorch: short().</summary>
    public Tensor Short() => CopyOps.To(this, DType.Int16);
    /// <summary>Converted to Int8 (floats through int32, keeping the low 8 bits). PyTorch: char().</summary>
    public Tensor Char() => CopyOps.To(this, DType.Int8);
    /// <summary>Converted to Int64 (floats truncate toward zero). PyTorch: long().</summary>
    public Tensor Long() => CopyOps.To(this, DType.Int64);
    /// <summary>Converted to Float32. PyTorch: float().</summary>
    public Tensor Float() => CopyOps.To(this, DType.Float32);
    /// <summary>Converted to Float64. PyTorch: double().</summary>
    public Tensor Double() => CopyOps.To(this, DType.Float64);
    /// <summary>Converted to Bool (non-zero is true). PyTorch: bool().</summary>
    public Tensor Bool() => CopyOps.To(this, DType.Bool);
    /// <summary>Concatenation along <paramref name="dim"/>. PyTorch: torch.cat.</summary>
    public static Tensor Cat(Tensor[] tensors, int dim = 0) => CopyOps.Cat(tensors, dim);
    /// <summary>Stacks equal-shaped tensors along a new dim. PyTorch: torch.stack.</summary>
    public static Tensor Stack(Tensor[] tensors, int dim = 0) => CopyOps.Stack(tensors, dim);
    /// <summary>Elements of a where condition is true, else of b (broadcast). PyTorch: torch.where.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) => CopyOps.Where(condition, a, b);
    /// <summary>Elements of a where condition is true, else a Python number (its dtype as in arithmetic). PyTorch: torch.where(cond, a, scalar).</summary>
    public static Tensor Where(Tensor condition, Tensor a, double b) => CopyOps.Where(condition, a, b);
    /// <summary>This tensor's elements where condition is true, else other's. PyTorch: Tensor.where(condition, other).</summary>
    public Tensor Where(Tensor condition, Tensor other) => CopyOps.Where(condition, this, other);
    /// <summary>This tensor's elements where condition is true, else a Python number. PyTorch: Tensor.where(condition, scalar).</summary>
    public Tensor Where(Tensor condition, double other) => CopyOps.Where(condition, this, other);
    /// <summary>Softmax along <paramref name="dim"/>. PyTorch: Tensor.softmax.</summary>
    public Tensor Softmax(int dim) => SoftmaxOps.Softmax(this, dim, log: false);
    /// <summary>Log-softmax along <paramref name="dim"/>. PyTorch: Tensor.log_softmax.</summary>
    public Tensor LogSoftmax(int dim) => SoftmaxOps.Softmax(this, dim, log: true);
    /// <summary>Values at <paramref name="index"/> along <paramref name="dim"/>. PyTorch: torch.gather.</summary>
    public Tensor Gather(int dim, Tensor index) => IndexOps.Gather(this, dim, index);
    /// <summary>Slices at the given indices along <paramref name="dim"/>. PyTorch: torch.index_select.</summary>
    public Tensor IndexSelect(int dim, Tensor index) => IndexOps.IndexSelect(this, dim, index);
    /// <summary>A copy with <paramref name="src"/> added at <paramref name="index"/> along <paramref name="dim"/>. PyTorch: scatter_add.</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor src) => IndexOps.ScatterAdd(this, dim, index, src);
    /// <summary>A copy with src's slices added at index along dim. PyTorch: index_add.</summary>
    public Tensor IndexAdd(int dim, Tensor index, Tensor src) => IndexOps.IndexAdd(this, dim, index, src);
    /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true. PyTorch: masked_fill.</summary>
    public Tensor MaskedFill(Tensor mask, double value) => IndexOps.MaskedFill(this, mask, value);

    // ---- in place (PyTorch's trailing underscore): each bumps the version counter once ----

    /// <summary>In-place this += alpha * other. PyTorch: add_.</summary>
    public Tensor Add_(Tensor other, double alpha = 1) => InPlaceOps.Binary(BinaryKind.Add, this, other, alpha, static () => new AddBackward0(), false, false);
    /// <summary>In-place this += value. PyTorch: add_.</summary>
    public Tensor Add_(double value) => InPlaceOps.Scalar(BinaryKind.Add, this, value, static () => new AddBackward0 { ScalarOther = true });
    /// <summary>In-place this -= alpha * other. PyTorch: sub_.</summary>
    public Tensor Sub_(Tensor other, double alpha = 1) => InPlaceOps.Binary(BinaryKind.Sub, this, other, alpha, static () => new SubBackward0(), false, false);
    /// <summary>In-place this -= value. PyTorch: sub_.</summary>
    public Tensor Sub_(double value) => InPlaceOps.Scalar(BinaryKind.Sub, this, value, static () => new SubBackward0 { ScalarOther = true });
    /// <summary>In-place this *= other. PyTorch: mul_.</summary>
    public Tensor Mul_(Tensor other) => InPlaceOps.Binary(BinaryKind.Mul, this, other, 1, static () => new MulBackward0(), true, true);
    /// <summary>In-place this *= value. PyTorch: mul_.</summary>
    public Tensor Mul_(double value) => InPlaceOps.Scalar(BinaryKind.Mul, this, value, static () => new MulBackward0 { ScalarOther = true });
    /// <summary>In-place this /= other. PyTorch: div_.</summary>
    public Tensor Div_(Tensor other) => InPlaceOps.Binary(BinaryKind.Div, this, other, 1, static () => new DivBackward0(), true, true);
    /// <summary>In-place this /= value. PyTorch: div_.</summary>
    public Tensor Div_(double value) => InPlaceOps.Scalar(BinaryKind.Div, this, value, static () => new DivBackward0 { ScalarOther = true });
    /// <summary>In-place this **= exponent. PyTorch: pow_.</summary>
    public Tensor Pow_(double exponent) => InPlaceOps.PowScalar(this, exponent);
    /// <summary>In-place this **= exponent, broadcast into this (PowBackward1). PyTorch: pow_.</summary>
    public Tensor Pow_(Tensor exponent) => InPlaceOps.PowTensor(this, exponent);
    /// <summary>Fills with zeros. PyTorch: zero_.</summary>
    public Tensor Zero_() => InPlaceOps.Fill(this, 0, "ZeroBackward0");
    /// <summary>Fills with <paramref name="value"/>. PyTorch: fill_.</summary>
    public Tensor Fill_(double value) => InPlaceOps.Fill(this, value, "FillBackward2");
    /// <summary>Copies <paramref name="src"/> (broadcast, converted) into this tensor. PyTorch: copy_.</summary>
    public Tensor Copy_(Tensor src) => InPlaceOps.Copy(this, src);
    /// <summary>In-place clamp. PyTorch: clamp_.</summary>
    public Tensor Clamp_(double? min = null, double? max = null) => InPlaceOps.Clamp(this, min, max);
    /// <summary>Refills with uniform samples in [from, to). PyTorch: uniform_.</summary>
    public Tensor Uniform_(double from = 0, double to = 1) => InPlaceOps.Random(this, false, from, to);
    /// <summary>Refills with normal samples. PyTorch: normal_.</summary>
    public Tensor Normal_(double mean = 0, double std = 1) => InPlaceOps.Random(this, true, mean, std);
    /// <summary>In-place relu. PyTorch: relu_.</summary>
    public Tensor Relu_() => InPlaceOps.Unary(UnaryKind.Relu, this, static () => new ReluBackward0(), SaveUnary.Result);
    /// <summary>In-place sigmoid. PyTorch: sigmoid_.</summary>
    public Tensor Sigmoid_() => InPlaceOps.Unary(UnaryKind.Sigmoid, this, static () => new SigmoidBackward0(), SaveUnary.Result);
    /// <summary>In-place exp. PyTorch: exp_.</summary>
    public Tensor Exp_() => InPlaceOps.Unary(UnaryKind.Exp, this, static () => new ExpBackward0(), SaveUnary.Result);
    /// <summary>In-place tanh. PyTorch: tanh_.</summary>
    public Tensor Tanh_() => InPlaceOps.Unary(UnaryKind.Tanh, this, static () => new TanhBackward0(), SaveUnary.Result);
    /// <summary>In-place negation. PyTorch: neg_.</summary>
    public Tensor Neg_() => InPlaceOps.Unary(UnaryKind.Neg, this, static () => new NegBackward0(), SaveUnary.None);
    /// <summary>In-place square root. PyTorch: sqrt_.</summary>
    public Tensor Sqrt_() => InPlaceOps.Unary(UnaryKind.Sqrt, this, static () => new SqrtBackward0(), SaveUnary.Result);
    /// <summary>In-place absolute value. PyTorch: abs_.</summary>
    public Tensor Abs_() => InPlaceOps.Unary(UnaryKind.Abs, this, static () => new AbsBackward0(), SaveUnary.Self);
    /// <summary>In-place masked fill. PyTorch: masked_fill_.</summary>
    public Tensor MaskedFill_(Tensor mask, double value) => InPlaceOps.MaskedFill(this, mask, value);
}
