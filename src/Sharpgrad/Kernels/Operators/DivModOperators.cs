using System.Numerics;

namespace Sharpgrad.Kernels.Operators;

// PyTorch's integer-style division family (ATen's BinaryOpsKernel.cpp), bit for bit: signs of zero, NaN and
// infinities included. Integer divisors are checked for zero by the caller (PyTorch's ZeroDivisionError).

/// <summary>a mod b with the sign of b (Python's %): fmod, then b added when the signs differ. PyTorch: torch.remainder.</summary>
internal readonly struct RemainderOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b)
    {
        if ((typeof(T) == typeof(long) || typeof(T) == typeof(int)) && b == -T.One) return T.Zero; // MinValue % -1 overflows in .NET
        var mod = a % b;
        if (mod != T.Zero && (b < T.Zero) != (mod < T.Zero)) mod += b;
        return mod;
    }
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>a mod b with the sign of a (C's fmod, truncated division). PyTorch: torch.fmod.</summary>
internal readonly struct FmodOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b) => (typeof(T) == typeof(long) || typeof(T) == typeof(int)) && b == -T.One ? T.Zero : a % b; // MinValue % -1 overflows in .NET
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>
/// floor(a / b) as ATen's div_floor_floating: (a - fmod(a, b)) / b, corrected down when the signs differ and
/// rounded to the nearest integer; a / b when b is 0; a zero quotient takes the sign of a / b.
/// </summary>
internal readonly struct FloorDivideOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b)
    {
        if (b == T.Zero) return a / b;
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != T.Zero && (b < T.Zero) != (mod < T.Zero)) div -= T.One;
        if (div == T.Zero) return T.CopySign(T.Zero, a / b);
        var floor = T.Floor(div);
        if (div - floor > T.CreateTruncating(0.5)) floor += T.One;
        return floor;
    }
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>floor(a / b) on integers (ATen's div_floor_integer); MinValue / -1 wraps as two's complement.</summary>
internal readonly struct FloorDivideIntOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public T Invoke(T a, T b)
    {
        if (T.IsNegative(b) && b == T.Zero - T.One) return T.Zero - a;
        T quot = a / b;
        return T.IsNegative(a) != T.IsNegative(b) && a % b != T.Zero ? quot - T.One : quot;
    }
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>trunc(a / b) on floats (ATen's div_trunc: the quotient rounded toward zero; a / b's inf and NaN kept).</summary>
internal readonly struct TruncDivideOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => T.Truncate(a / b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>a / b on integers, rounded toward zero as C++ divides; MinValue / -1 wraps as two's complement.</summary>
internal readonly struct TruncDivideIntOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public T Invoke(T a, T b) => T.IsNegative(b) && b == T.Zero - T.One ? T.Zero - a : a / b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}
