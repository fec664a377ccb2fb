using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

// The two-argument special functions (igamma, igammac, zeta) as element-wise operators; floating dtypes only.

/// <summary>The regularized lower incomplete gamma P(a, x). PyTorch: torch.igamma / torch.special.gammainc.</summary>
internal readonly struct IgammaOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T x) => IncompleteGammaMath.Igamma(a, x);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>The regularized upper incomplete gamma Q(a, x). PyTorch: torch.igammac / torch.special.gammaincc.</summary>
internal readonly struct IgammacOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T x) => IncompleteGammaMath.Igammac(a, x);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>The Hurwitz zeta function ζ(x, q), in double whatever T (ATen's accumulate type). PyTorch: torch.special.zeta.</summary>
internal readonly struct ZetaOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T x, T q) => SpecialMath.Zeta(x, q);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}
