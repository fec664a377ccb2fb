using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Sharpgrad.Kernels.Operators;

// Arithmetic over any numeric element type; the span paths are TensorPrimitives' SIMD loops.

/// <summary>a + b.</summary>
internal readonly struct AddOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public static bool RoundsEachElement => true;
    public T Invoke(T a, T b) => a + b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Add(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Add(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Add(b, a, y); return true; }
}

/// <summary>
/// a + alpha * b rounded once (PyTorch's add with alpha, whose CPU kernel is fmadd(b, alpha, a); sub is alpha = -alpha).
/// Integers are exact either way.
/// </summary>
internal readonly struct AddScaledOperator<T>(T alpha) : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b)
    {
        if (typeof(T) == typeof(float)) return T.CreateTruncating(MathF.FusedMultiplyAdd(float.CreateTruncating(b), float.CreateTruncating(alpha), float.CreateTruncating(a)));
        if (typeof(T) == typeof(double)) return T.CreateTruncating(Math.FusedMultiplyAdd(double.CreateTruncating(b), double.CreateTruncating(alpha), double.CreateTruncating(a)));
        return a + alpha * b;
    }

    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y)
    {
        if (typeof(T) == typeof(float))
        {
            TensorPrimitives.FusedMultiplyAdd(MemoryMarshal.Cast<T, float>(b), float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(y));
            return true;
        }
        if (typeof(T) == typeof(double))
        {
            TensorPrimitives.FusedMultiplyAdd(MemoryMarshal.Cast<T, double>(b), double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(y));
            return true;
        }
        return false;
    }

    // a broadcast b: alpha * b must not be rounded on its own, so the element-wise Invoke runs
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}

/// <summary>a - b.</summary>
internal readonly struct SubOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public static bool RoundsEachElement => true;
    public T Invoke(T a, T b) => a - b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Subtract(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Subtract(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Subtract(a, b, y); return true; }
}

/// <summary>a * b.</summary>
internal readonly struct MulOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public static bool RoundsEachElement => true;
    public T Invoke(T a, T b) => a * b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Multiply(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Multiply(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Multiply(b, a, y); return true; }
}

/// <summary>a / b (true division: callers promote integers to floating point first).</summary>
internal readonly struct DivOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public static bool RoundsEachElement => true;
    public T Invoke(T a, T b) => a / b;
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Divide(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Divide(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Divide(a, b, y); return true; }
}

/// <summary>a ** b.</summary>
internal readonly struct PowOperator<T> : IBinaryOperator<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public T Invoke(T a, T b) => T.Pow(a, b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Pow(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y)
    {
        if (b == T.CreateTruncating(2)) { TensorPrimitives.Multiply(a, a, y); return true; }
        TensorPrimitives.Pow(a, b, y);
        return true;
    }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Pow(a, b, y); return true; }
}

/// <summary>max(a, b) propagating NaN (torch.maximum).</summary>
internal readonly struct MaximumOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b) => T.Max(a, b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Max(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Max(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Max(b, a, y); return true; }
}

/// <summary>min(a, b) propagating NaN (torch.minimum).</summary>
internal readonly struct MinimumOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T a, T b) => T.Min(a, b);
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Min(a, b, y); return true; }
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) { TensorPrimitives.Min(a, b, y); return true; }
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) { TensorPrimitives.Min(b, a, y); return true; }
}

/// <summary>Element comparisons producing Bool.</summary>
internal enum Comparison : byte { Eq, Ne, Lt, Le, Gt, Ge }

/// <summary>a (cmp) b -> bool. NaN compares false except for Ne, as IEEE and PyTorch say.</summary>
internal readonly struct CompareOperator<T>(Comparison kind) : IBinaryOperator<T, bool> where T : unmanaged, INumber<T>
{
    public bool Invoke(T a, T b) => kind switch
    {
        Comparison.Eq => a == b,
        Comparison.Ne => a != b,
        Comparison.Lt => a < b,
        Comparison.Le => a <= b,
        Comparison.Gt => a > b,
        _ => a >= b,
    };
    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<bool> y) => false;
    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<bool> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<bool> y) => false;
}

/// <summary>Comparisons of Bool tensors (false &lt; true).</summary>
internal readonly struct BoolCompareOperator(Comparison kind) : IBinaryOperator<bool, bool>
{
    public bool Invoke(bool a, bool b)
    {
        int x = a ? 1 : 0, z = b ? 1 : 0;
        return kind switch
        {
            Comparison.Eq => x == z,
            Comparison.Ne => x != z,
            Comparison.Lt => x < z,
            Comparison.Le => x <= z,
            Comparison.Gt => x > z,
            _ => x >= z,
        };
    }
    public bool TryInvoke(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> y) => false;
    public bool TryInvoke(ReadOnlySpan<bool> a, bool b, Span<bool> y) => false;
    public bool TryInvoke(bool a, ReadOnlySpan<bool> b, Span<bool> y) => false;
}

/// <summary>Logical and/or/xor of Bool tensors.</summary>
internal enum Logical : byte { And, Or, Xor }

/// <summary>a (and|or|xor) b on Bool.</summary>
internal readonly struct LogicalOperator(Logical kind) : IBinaryOperator<bool, bool>
{
    public bool Invoke(bool a, bool b) => kind switch { Logical.And => a & b, Logical.Or => a | b, _ => a ^ b };
    public bool TryInvoke(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> y) => false;
    public bool TryInvoke(ReadOnlySpan<bool> a, bool b, Span<bool> y) => false;
    public bool TryInvoke(bool a, ReadOnlySpan<bool> b, Span<bool> y) => false;
}

/// <summary>grad where x &gt; threshold else 0 (PyTorch's threshold_backward, ReLU's derivative).</summary>
internal readonly struct ThresholdBackwardOperator<T> : IBinaryOperator<T, T> where T : unmanaged, INumber<T>
{
    public T Invoke(T grad, T x) => x > T.Zero ? grad : T.Zero;

    public bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var ga = MemoryMarshal.Cast<T, Vector<T>>(a);
            var xb = MemoryMarshal.Cast<T, Vector<T>>(b);
            var dst = MemoryMarshal.Cast<T, Vector<T>>(y);
            for (int v = 0; v < dst.Length; v++)
                dst[v] = Vector.ConditionalSelect(Vector.GreaterThan(xb[v], Vector<T>.Zero), ga[v], Vector<T>.Zero);
            i = dst.Length * Vector<T>.Count;
        }
        for (; i < y.Length; i++) y[i] = b[i] > T.Zero ? a[i] : T.Zero;
        return true;
    }

    public bool TryInvoke(ReadOnlySpan<T> a, T b, Span<T> y) => false;
    public bool TryInvoke(T a, ReadOnlySpan<T> b, Span<T> y) => false;
}
