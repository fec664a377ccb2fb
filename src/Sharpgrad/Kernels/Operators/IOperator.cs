namespace Sharpgrad.Kernels.Operators;

/// <summary>
/// An element-wise primitive: the scalar formula plus an optional span path. Operators are
/// structs so the JIT specializes and inlines each kernel loop per operator.
/// </summary>
internal interface IUnaryOperator<T, TOut>
{
    TOut Invoke(T x);

    /// <summary>Vectorized contiguous path; false when the operator has none.</summary>
    bool TryInvoke(ReadOnlySpan<T> x, Span<TOut> y);
}

/// <summary>A binary element-wise primitive, with span paths for tensor-tensor and tensor-scalar runs.</summary>
internal interface IBinaryOperator<T, TOut>
{
    TOut Invoke(T a, T b);

    bool TryInvoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<TOut> y);

    bool TryInvoke(ReadOnlySpan<T> a, T b, Span<TOut> y);

    bool TryInvoke(T a, ReadOnlySpan<T> b, Span<TOut> y);

    /// <summary>
    /// Whether every element is the correctly rounded result of its own operands (+ − × ÷), so that any grouping of
    /// elements into span calls and vectors gives the same bits.
    /// </summary>
    static virtual bool RoundsEachElement => false;
}
