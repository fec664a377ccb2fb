using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

// fmin/fmax, hypot, xlogy, copysign and logaddexp2 as ATen's CPU kernels compute them.

/// <summary>min(a, b) ignoring NaN (NaN only when both are); a on ties. PyTorch: torch.fmin.</summary>
internal readonly struct FminOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b) => T.IsNaN(a) ? b : T.IsNaN(b) ? a : a <= b ? a : b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>max(a, b) ignoring NaN (NaN only when both are); a on ties. PyTorch: torch.fmax.</summary>
internal readonly struct FmaxOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b) => T.IsNaN(a) ? b : T.IsNaN(b) ? a : a >= b ? a : b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>sqrt(a² + b²) without overflow; inf when either is infinite, even against NaN. PyTorch: torch.hypot.</summary>
internal readonly struct HypotOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => T.Hypot(a, b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>a·log(b): NaN when b is NaN, else 0 where a is 0. PyTorch: torch.xlogy.</summary>
internal readonly struct XlogyOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => T.IsNaN(b) ? T.NaN : a == T.Zero ? T.Zero : a * T.Log(b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>|a| with the sign bit of b. PyTorch: torch.copysign.</summary>
internal readonly struct CopySignOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => T.CopySign(a, b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>log2(2^a + 2^b): a when a == b is ±inf, else max + log1p(2^-|a - b|)/ln 2. PyTorch: torch.logaddexp2.</summary>
internal readonly struct LogAddExp2Operator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b)
    {
        if (T.IsInfinity(a) && a == b) return a;
        var m = a < b ? b : a; // std::max
        return m + T.LogP1(T.Exp2(-T.Abs(a - b))) * T.CreateTruncating(1.0 / Math.Log(2.0));
    }
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}
