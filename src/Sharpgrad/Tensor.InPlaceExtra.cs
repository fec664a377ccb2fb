using Sharpgrad.Kernels.Operators;
using Sharpgrad.Ops;

namespace Sharpgrad;

// In-place forms of ops whose out-of-place form exists elsewhere, recorded with the out-of-place node as PyTorch records
// them (sin_ → SinBackward0 on the original values), and PyTorch's alias names.
public sealed partial class Tensor
{
    // ---- element-wise math ----

    /// <summary>In-place sine (SinBackward0). PyTorch: sin_.</summary>
    public Tensor Sin_() => InPlaceOps.Unary(UnaryKind.Sin, this, static () => new SinBackward0(), SaveUnary.Self);
    /// <summary>In-place cosine (CosBackward0). PyTorch: cos_.</summary>
    public Tensor Cos_() => InPlaceOps.Unary(UnaryKind.Cos, this, static () => new CosBackward0(), SaveUnary.Self);
    /// <summary>In-place natural logarithm (LogBackward0). PyTorch: log_.</summary>
    public Tensor Log_() => InPlaceOps.Unary(UnaryKind.Log, this, static () => new LogBackward0(), SaveUnary.Self);
    /// <summary>In-place log(1 + x) (Log1PBackward0). PyTorch: log1p_.</summary>
    public Tensor Log1p_() => InPlaceOps.Unary(UnaryKind.Log1p, this, static () => new Log1PBackward0(), SaveUnary.Self);
    /// <summary>In-place exp(x) - 1 (Expm1Backward0). PyTorch: expm1_.</summary>
    public Tensor Expm1_() => InPlaceOps.Unary(UnaryKind.Expm1, this, static () => new Expm1Backward0(), SaveUnary.Result);
    /// <summary>In-place error function (ErfBackward0). PyTorch: erf_.</summary>
    public Tensor Erf_() => InPlaceOps.Unary(UnaryKind.Erf, this, static () => new ErfBackward0(), SaveUnary.Self);
    /// <summary>In-place 1 / x (ReciprocalBackward0). PyTorch: reciprocal_.</summary>
    public Tensor Reciprocal_() => InPlaceOps.Unary(UnaryKind.Reciprocal, this, static () => new ReciprocalBackward0(), SaveUnary.Result);
    /// <summary>In-place 1 / sqrt(x) (RsqrtBackward0). PyTorch: rsqrt_.</summary>
    public Tensor Rsqrt_() => InPlaceOps.Unary(UnaryKind.Rsqrt, this, static () => new RsqrtBackward0(), SaveUnary.Result);
    /// <summary>In-place sign; integers keep their dtype (SignBackward0). PyTorch: sign_.</summary>
    public Tensor Sign_() => InPlaceOps.ViaOutOfPlace(this, static t => t.Sign());
    /// <summary>In-place x² (PowBackward0, as PyTorch's square_ is pow_(2)). PyTorch: square_.</summary>
    public Tensor Square_() => Pow_(2);
    /// <summary>In-place multivariate log-gamma of dimension <paramref name="p"/> (MvlgammaBackward0). PyTorch: mvlgamma_.</summary>
    public Tensor Mvlgamma_(int p) => InPlaceOps.ViaOutOfPlace(this, t => Special.Multigammaln(t, p));
    /// <summary>Multivariate log-gamma of dimension <paramref name="p"/> (MvlgammaBackward0). PyTorch: mvlgamma.</summary>
    public Tensor Mvlgamma(int p) => Special.Multigammaln(this, p);

    // ---- shape-preserving ops ----

    /// <summary>In-place lower triangle (TrilBackward0). PyTorch: tril_.</summary>
    public Tensor Tril_(int diagonal = 0) => InPlaceOps.ViaOutOfPlace(this, t => t.Tril(diagonal));
    /// <summary>In-place upper triangle (TriuBackward0). PyTorch: triu_.</summary>
    public Tensor Triu_(int diagonal = 0) => InPlaceOps.ViaOutOfPlace(this, t => t.Triu(diagonal));
    /// <summary>In-place running sums along <paramref name="dim"/>, kept in this dtype (CumsumBackward0). PyTorch: cumsum_.</summary>
    public Tensor Cumsum_(int dim) => InPlaceOps.ViaOutOfPlace(this, t => t.Cumsum(dim));
    /// <summary>In-place running products along <paramref name="dim"/> (CumprodBackward0). PyTorch: cumprod_.</summary>
    public Tensor Cumprod_(int dim) => InPlaceOps.ViaOutOfPlace(this, t => t.Cumprod(dim));
    /// <summary>In-place max(x, min) (ClampMinBackward0). PyTorch: clamp_min_.</summary>
    public Tensor ClampMin_(double min) => InPlaceOps.ViaOutOfPlace(this, t => t.ClampMin(min));
    /// <summary>In-place min(x, max) (ClampMaxBackward0). PyTorch: clamp_max_.</summary>
    public Tensor ClampMax_(double max) => InPlaceOps.ViaOutOfPlace(this, t => t.ClampMax(max));
    /// <summary>Alias of <see cref="Clamp_(double?, double?)"/>. PyTorch: clip_.</summary>
    public Tensor Clip_(double? min = null, double? max = null) => Clamp_(min, max);
    /// <summary>In-place <see cref="IndexAdd(int, Tensor, Tensor)"/> (IndexAddBackward0). PyTorch: index_add_.</summary>
    public Tensor IndexAdd_(int dim, Tensor index, Tensor src) => InPlaceOps.ViaOutOfPlace(this, t => t.IndexAdd(dim, index, src), src);
    /// <summary>In-place <see cref="ScatterAdd(int, Tensor, Tensor)"/> (ScatterAddBackward0). PyTorch: scatter_add_.</summary>
    public Tensor ScatterAdd_(int dim, Tensor index, Tensor src) => InPlaceOps.ViaOutOfPlace(this, t => t.ScatterAdd(dim, index, src), src);

    // ---- binary ops in place ----

    /// <summary>In-place gcd. PyTorch: gcd_.</summary>
    public Tensor Gcd_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.Gcd(other), other);
    /// <summary>In-place lcm. PyTorch: lcm_.</summary>
    public Tensor Lcm_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.Lcm(other), other);
    /// <summary>In-place heaviside step. PyTorch: heaviside_.</summary>
    public Tensor Heaviside_(Tensor values) => InPlaceOps.ViaOutOfPlace(this, t => t.Heaviside(values), values);
    /// <summary>In-place this · 2^other. PyTorch: ldexp_.</summary>
    public Tensor Ldexp_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.Ldexp(other), other);
    /// <summary>In-place nextafter. PyTorch: nextafter_.</summary>
    public Tensor Nextafter_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.Nextafter(other), other);
    /// <summary>In-place true division; integer tensors are refused. PyTorch: true_divide_.</summary>
    public Tensor TrueDivide_(Tensor other) => Div_(other);
    /// <summary>In-place true division by a number. PyTorch: true_divide_.</summary>
    public Tensor TrueDivide_(double other) => Div_(other);
    /// <summary>In-place arctangent of this / other (Atan2Backward0). PyTorch: atan2_.</summary>
    public Tensor Atan2_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.Atan2(other), other);
    /// <summary>In-place logical and, written as 0/1 in this dtype. PyTorch: logical_and_.</summary>
    public Tensor LogicalAnd_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.LogicalAnd(other), other);
    /// <summary>In-place logical or. PyTorch: logical_or_.</summary>
    public Tensor LogicalOr_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.LogicalOr(other), other);
    /// <summary>In-place logical xor. PyTorch: logical_xor_.</summary>
    public Tensor LogicalXor_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.LogicalXor(other), other);
    /// <summary>In-place logical not. PyTorch: logical_not_.</summary>
    public Tensor LogicalNot_() => InPlaceOps.ViaOutOfPlace(this, static t => t.LogicalNot());
    /// <summary>In-place bitwise and. PyTorch: bitwise_and_.</summary>
    public Tensor BitwiseAnd_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.BitwiseAnd(other), other);
    /// <summary>In-place bitwise or. PyTorch: bitwise_or_.</summary>
    public Tensor BitwiseOr_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.BitwiseOr(other), other);
    /// <summary>In-place bitwise xor. PyTorch: bitwise_xor_.</summary>
    public Tensor BitwiseXor_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.BitwiseXor(other), other);
    /// <summary>In-place bitwise not. PyTorch: bitwise_not_.</summary>
    public Tensor BitwiseNot_() => InPlaceOps.ViaOutOfPlace(this, static t => t.BitwiseNot());
    /// <summary>In-place left shift. PyTorch: bitwise_left_shift_.</summary>
    public Tensor BitwiseLeftShift_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.BitwiseLeftShift(other), other);
    /// <summary>In-place arithmetic right shift. PyTorch: bitwise_right_shift_.</summary>
    public Tensor BitwiseRightShift_(Tensor other) => InPlaceOps.ViaOutOfPlace(this, t => t.BitwiseRightShift(other), other);

    /// <summary>In-place this == other, written as 1/0 in this dtype. PyTorch: eq_.</summary>
    public Tensor Eq_(Tensor other) => InPlaceOps.Compare(this, t => t.Eq(other), "Eq", other);
    /// <summary>In-place this == value. PyTorch: eq_.</summary>
    public Tensor Eq_(double value) => InPlaceOps.Compare(this, t => t.Eq(value), "Eq", null);
    /// <summary>In-place this != other. PyTorch: ne_.</summary>
    public Tensor Ne_(Tensor other) => InPlaceOps.Compare(this, t => t.Ne(other), "Ne", other);
    /// <summary>In-place this != value. PyTorch: ne_.</summary>
    public Tensor Ne_(double value) => InPlaceOps.Compare(this, t => t.Ne(value), "Ne", null);
    /// <summary>In-place this &lt; other. PyTorch: lt_.</summary>
    public Tensor Lt_(Tensor other) => InPlaceOps.Compare(this, t => t.Lt(other), "Lt", other);
    /// <summary>In-place this &lt; value. PyTorch: lt_.</summary>
    public Tensor Lt_(double value) => InPlaceOps.Compare(this, t => t.Lt(value), "Lt", null);
    /// <summary>In-place this &lt;= other. PyTorch: le_.</summary>
    public Tensor Le_(Tensor other) => InPlaceOps.Compare(this, t => t.Le(other), "Le", other);
    /// <summary>In-place this &lt;= value. PyTorch: le_.</summary>
    public Tensor Le_(double value) => InPlaceOps.Compare(this, t => t.Le(value), "Le", null);
    /// <summary>In-place this &gt; other. PyTorch: gt_.</summary>
    public Tensor Gt_(Tensor other) => InPlaceOps.Compare(this, t => t.Gt(other), "Gt", other);
    /// <summary>In-place this &gt; value. PyTorch: gt_.</summary>
    public Tensor Gt_(double value) => InPlaceOps.Compare(this, t => t.Gt(value), "Gt", null);
    /// <summary>In-place this &gt;= other. PyTorch: ge_.</summary>
    public Tensor Ge_(Tensor other) => InPlaceOps.Compare(this, t => t.Ge(other), "Ge", other);
    /// <summary>In-place this &gt;= value. PyTorch: ge_.</summary>
    public Tensor Ge_(double value) => InPlaceOps.Compare(this, t => t.Ge(value), "Ge", null);

    // ---- matrix products in place ----

    /// <summary>beta · this + alpha · mat1 @ mat2 (AddmmBackward0). PyTorch: Tensor.addmm.</summary>
    public Tensor Addmm(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => Addmm(this, mat1, mat2, beta, alpha);
    /// <summary>In-place <see cref="Addmm(Tensor, Tensor, double, double)"/>. PyTorch: addmm_.</summary>
    public Tensor Addmm_(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => InPlaceOps.ViaOutOfPlace(this, t => Addmm(t, mat1, mat2, beta, alpha), mat1, mat2);
    /// <summary>In-place <see cref="Addmv(Tensor, Tensor, double, double)"/>. PyTorch: addmv_.</summary>
    public Tensor Addmv_(Tensor mat, Tensor vec, double beta = 1, double alpha = 1) => InPlaceOps.ViaOutOfPlace(this, t => t.Addmv(mat, vec, beta, alpha), mat, vec);
    /// <summary>In-place <see cref="Addr(Tensor, Tensor, double, double)"/>. PyTorch: addr_.</summary>
    public Tensor Addr_(Tensor vec1, Tensor vec2, double beta = 1, double alpha = 1) => InPlaceOps.ViaOutOfPlace(this, t => t.Addr(vec1, vec2, beta, alpha), vec1, vec2);
    /// <summary>In-place <see cref="Addbmm(Tensor, Tensor, double, double)"/>. PyTorch: addbmm_.</summary>
    public Tensor Addbmm_(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => InPlaceOps.ViaOutOfPlace(this, t => t.Addbmm(batch1, batch2, beta, alpha), batch1, batch2);
    /// <summary>In-place <see cref="Baddbmm(Tensor, Tensor, double, double)"/>. PyTorch: baddbmm_.</summary>
    public Tensor Baddbmm_(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) => InPlaceOps.ViaOutOfPlace(this, t => t.Baddbmm(batch1, batch2, beta, alpha), batch1, batch2);

    // ---- PyTorch's aliases ----

    /// <summary>Alias of <see cref="Abs"/>. PyTorch: absolute.</summary>
    public Tensor Absolute() => Abs();
    /// <summary>Alias of <see cref="Abs_"/>. PyTorch: absolute_.</summary>
    public Tensor Absolute_() => Abs_();
    /// <summary>Alias of <see cref="Acos"/>. PyTorch: arccos.</summary>
    public Tensor Arccos() => Acos();
    /// <summary>Alias of <see cref="Acos_"/>. PyTorch: arccos_.</summary>
    public Tensor Arccos_() => Acos_();
    /// <summary>Alias of <see cref="Acosh"/>. PyTorch: arccosh.</summary>
    public Tensor Arccosh() => Acosh();
    /// <summary>Alias of <see cref="Acosh_"/>. PyTorch: arccosh_.</summary>
    public Tensor Arccosh_() => Acosh_();
    /// <summary>Alias of <see cref="Asin"/>. PyTorch: arcsin.</summary>
    public Tensor Arcsin() => Asin();
    /// <summary>Alias of <see cref="Asin_"/>. PyTorch: arcsin_.</summary>
    public Tensor Arcsin_() => Asin_();
    /// <summary>Alias of <see cref="Asinh"/>. PyTorch: arcsinh.</summary>
    public Tensor Arcsinh() => Asinh();
    /// <summary>Alias of <see cref="Asinh_"/>. PyTorch: arcsinh_.</summary>
    public Tensor Arcsinh_() => Asinh_();
    /// <summary>Alias of <see cref="Atan"/>. PyTorch: arctan.</summary>
    public Tensor Arctan() => Atan();
    /// <summary>Alias of <see cref="Atan_"/>. PyTorch: arctan_.</summary>
    public Tensor Arctan_() => Atan_();
    /// <summary>Alias of <see cref="Atanh"/>. PyTorch: arctanh.</summary>
    public Tensor Arctanh() => Atanh();
    /// <summary>Alias of <see cref="Atanh_"/>. PyTorch: arctanh_.</summary>
    public Tensor Arctanh_() => Atanh_();
    /// <summary>Alias of <see cref="Atan2(Tensor)"/>. PyTorch: arctan2.</summary>
    public Tensor Arctan2(Tensor other) => Atan2(other);
    /// <summary>Alias of <see cref="Atan2_(Tensor)"/>. PyTorch: arctan2_.</summary>
    public Tensor Arctan2_(Tensor other) => Atan2_(other);
    /// <summary>Alias of <see cref="Div(Tensor)"/>. PyTorch: divide.</summary>
    public Tensor Divide(Tensor other) => Div(other);
    /// <summary>Alias of <see cref="Div(double)"/>. PyTorch: divide.</summary>
    public Tensor Divide(double other) => Div(other);
    /// <summary>Alias of <see cref="Div(Tensor, string)"/>. PyTorch: divide(rounding_mode=).</summary>
    public Tensor Divide(Tensor other, string roundingMode) => Div(other, roundingMode);
    /// <summary>Alias of <see cref="Div_(Tensor)"/>. PyTorch: divide_.</summary>
    public Tensor Divide_(Tensor other) => Div_(other);
    /// <summary>Alias of <see cref="Mul(Tensor)"/>. PyTorch: multiply.</summary>
    public Tensor Multiply(Tensor other) => Mul(other);
    /// <summary>Alias of <see cref="Mul(double)"/>. PyTorch: multiply.</summary>
    public Tensor Multiply(double other) => Mul(other);
    /// <summary>Alias of <see cref="Mul_(Tensor)"/>. PyTorch: multiply_.</summary>
    public Tensor Multiply_(Tensor other) => Mul_(other);
    /// <summary>Alias of <see cref="Sub(Tensor, double)"/>. PyTorch: subtract.</summary>
    public Tensor Subtract(Tensor other, double alpha = 1) => Sub(other, alpha);
    /// <summary>Alias of <see cref="Sub(double)"/>. PyTorch: subtract.</summary>
    public Tensor Subtract(double other) => Sub(other);
    /// <summary>Alias of <see cref="Sub_(Tensor, double)"/>. PyTorch: subtract_.</summary>
    public Tensor Subtract_(Tensor other, double alpha = 1) => Sub_(other, alpha);
    /// <summary>Alias of <see cref="Neg"/>. PyTorch: negative.</summary>
    public Tensor Negative() => Neg();
    /// <summary>Alias of <see cref="Neg_"/>. PyTorch: negative_.</summary>
    public Tensor Negative_() => Neg_();
    /// <summary>Alias of <see cref="Gt(Tensor)"/>. PyTorch: greater.</summary>
    public Tensor Greater(Tensor other) => Gt(other);
    /// <summary>Alias of <see cref="Gt(double)"/>. PyTorch: greater.</summary>
    public Tensor Greater(double value) => Gt(value);
    /// <summary>Alias of <see cref="Ge(Tensor)"/>. PyTorch: greater_equal.</summary>
    public Tensor GreaterEqual(Tensor other) => Ge(other);
    /// <summary>Alias of <see cref="Ge(double)"/>. PyTorch: greater_equal.</summary>
    public Tensor GreaterEqual(double value) => Ge(value);
    /// <summary>Alias of <see cref="Lt(Tensor)"/>. PyTorch: less.</summary>
    public Tensor Less(Tensor other) => Lt(other);
    /// <summary>Alias of <see cref="Lt(double)"/>. PyTorch: less.</summary>
    public Tensor Less(double value) => Lt(value);
    /// <summary>Alias of <see cref="Le(Tensor)"/>. PyTorch: less_equal.</summary>
    public Tensor LessEqual(Tensor other) => Le(other);
    /// <summary>Alias of <see cref="Le(double)"/>. PyTorch: less_equal.</summary>
    public Tensor LessEqual(double value) => Le(value);
    /// <summary>Alias of <see cref="Ne(Tensor)"/>. PyTorch: not_equal.</summary>
    public Tensor NotEqual(Tensor other) => Ne(other);
    /// <summary>Alias of <see cref="Ne(double)"/>. PyTorch: not_equal.</summary>
    public Tensor NotEqual(double value) => Ne(value);
}
