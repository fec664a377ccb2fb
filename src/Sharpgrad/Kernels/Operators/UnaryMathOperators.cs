using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

/// <summary>Floating-point classifications with Bool results (isnan, isinf, ..., signbit).</summary>
internal enum FloatClass : byte { IsNan, IsInf, IsPosInf, IsNegInf, IsFinite, Signbit }

/// <summary>isnan / isinf / isposinf / isneginf / isfinite / signbit (the sign bit, so -0 and -NaN give true).</summary>
internal readonly struct ClassifyOperator<T>(FloatClass kind) : IUnaryOperator<T, bool> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool Invoke(T x) => kind switch
    {
        FloatClass.IsNan => T.IsNaN(x),
        FloatClass.IsInf => T.IsInfinity(x),
        FloatClass.IsPosInf => T.IsPositiveInfinity(x),
        FloatClass.IsNegInf => T.IsNegativeInfinity(x),
        FloatClass.IsFinite => T.IsFinite(x),
        _ => T.IsNegative(x),
    };

    public bool TryInvoke(ReadOnlySpan<T> x, Span<bool> y) => false;
}

/// <summary>logit: log(x / (1 - x)), x first clamped into [lo, hi] when eps is given (NaN stays NaN).</summary>
internal readonly struct LogitOperator<T>(T lo, T hi, bool clamp) : IUnaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        if (clamp) x = x < lo ? lo : x > hi ? hi : x;
        return T.Log(x / (T.One - x));
    }

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y) => false;
}

/// <summary>polygamma(n, x): digamma, trigamma in T; n ≥ 2 through the Hurwitz zeta in double.</summary>
internal readonly struct PolygammaOperator<T>(int n) : IUnaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => n switch
    {
        0 => SpecialMath.Digamma(x),
        1 => SpecialMath.Trigamma(x),
        _ => T.CreateTruncating(SpecialMath.Polygamma(n, double.CreateTruncating(x))),
    };

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y) => false;
}

/// <summary>nan_to_num: NaN, +∞ and -∞ replaced by the given values.</summary>
internal readonly struct NanToNumOperator<T>(T nan, T posinf, T neginf) : IUnaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x) => T.IsNaN(x) ? nan : T.IsPositiveInfinity(x) ? posinf : T.IsNegativeInfinity(x) ? neginf : x;

    public bool TryInvoke(ReadOnlySpan<T> x, Span<T> y) => false;
}
