using Sharpgrad.Kernels.Cpu;

namespace Sharpgrad.Kernels;

// Neural-network kernels: floating dtypes only, im2col and max pooling integers too (callers check and report the dtype first).
internal static partial class Dispatch
{
    public static void Softmax(StridedArray x, int outer, int n, int inner, StridedArray y, bool log, bool lastDim)
    {
        if (x.DType == DType.Float32) NNKernels.Softmax(x.Data<float>(), x.Offset, outer, n, inner, y.Data<float>(), log, lastDim);
        else NNKernels.Softmax(x.Data<double>(), x.Offset, outer, n, inner, y.Data<double>(), log, lastDim);
    }

    public static void LogSoftmaxBackward(StridedArray g, StridedArray y, int outer, int n, int inner, StridedArray gi, bool lastDim)
    {
        if (g.DType == DType.Float32) NNKernels.LogSoftmaxBackward(g.Data<float>(), g.Offset, y.Data<float>(), y.Offset, outer, n, inner, gi.Data<float>(), lastDim);
        else NNKernels.LogSoftmaxBackward(g.Data<double>(), g.Offset, y.Data<double>(), y.Offset, outer, n, inner, gi.Data<double>(), lastDim);
    }

    /// <summary>
    /// layer_norm over rows of <paramref name="n"/> contiguous elements; weight and bias contiguous or null; each row's mean
    /// and reciprocal standard deviation go to <paramref name="mean"/> / <paramref name="rstd"/> when given.
    /// </summary>
    public static void LayerNorm(StridedArray x, int rows, int n, StridedArray? weight, StridedArray? bias, double eps, StridedArray y,
        StridedArray? mean = null, StridedArray? rstd = null)
    {
        if (x.DType == DType.Float32)
            LayerNormKernels.Forward(x.Data<float>(), x.Offset, rows, n, weight?.Data<float>(), weight?.Offset ?? 0, bias?.Data<float>(), bias?.Offset ?? 0, (float)eps, y.Data<float>(),
                mean?.Data<float>(), rstd?.Data<float>());
        else
            LayerNormKernels.Forward(x.Data<double>(), x.Offset, rows, n, weight?.Data<double>(), weight?.Offset ?? 0, bias?.Data<double>(), bias?.Offset ?? 0, eps, y.Data<double>(),
                mean?.Data<double>(), rstd?.Data<double>());
    }

    /// <summary>
    /// layer_norm's input, weight and bias gradients (each output null when not wanted) from the forward's per-row mean and
    /// rstd; dy, x, the weight and the outputs are contiguous, the outputs from offset 0.
    /// </summary>
    public static void LayerNormBackward(StridedArray dy, StridedArray x, StridedArray mean, StridedArray rstd, StridedArray? weight, int rows, int n,
        StridedArray? dx, StridedArray? dweight, StridedArray? dbias)
    {
        if (x.DType == DType.Float32)
            LayerNormKernels.Backward(dy.Data<float>(), dy.Offset, x.Data<float>(), x.Offset, mean.Data<float>(), rstd.Data<float>(), weight?.Data<float>(), weight?.Offset ?? 0, rows, n,
                dx?.Data<float>(), dweight?.Data<float>(), dbias?.Data<float>());
        else
            LayerNormKernels.Backward(dy.Data<double>(), dy.Offset, x.Data<double>(), x.Offset, mean.Data<double>(), rstd.Data<double>(), weight?.Data<double>(), weight?.Offset ?? 0, rows, n,
                dx?.Data<double>(), dweight?.Data<double>(), dbias?.Data<double>());
    }

    /// <summary>batch_norm's training statistics over a contiguous [N, C, L] input; running buffers contiguous or null.</summary>
    public static void BatchNormStatistics(StridedArray x, int nb, int c, int l, double eps, double momentum, StridedArray saveMean, StridedArray saveInvstd,
        StridedArray? runningMean, StridedArray? runningVar)
    {
        if (x.DType == DType.Float32)
            BatchNormKernels.Statistics(x.Data<float>(), x.Offset, nb, c, l, eps, momentum, saveMean.Data<float>(), saveInvstd.Data<float>(),
                runningMean?.Data<float>(), runningMean?.Offset ?? 0, runningVar?.Data<float>(), runningVar?.Offset ?? 0);
        else
            BatchNormKernels.Statistics(x.Data<double>(), x.Offset, nb, c, l, eps, momentum, saveMean.Data<double>(), saveInvstd.Data<double>(),
                runningMean?.Data<double>(), runningMean?.Offset ?? 0, runningVar?.Data<double>(), runningVar?.Offset ?? 0);
    }

    /// <summary>
    /// batch_norm's output from the training statistics (<paramref name="invstd"/> given) or the running ones
    /// (<paramref name="runningVar"/> given); every operand contiguous.
    /// </summary>
    public static void BatchNormForward(StridedArray x, int nb, int c, int l, StridedArray? weight, StridedArray? bias, StridedArray mean,
        StridedArray? invstd, StridedArray? runningVar, double eps, StridedArray y)
    {
        if (x.DType == DType.Float32)
            BatchNormKernels.Forward(x.Data<float>(), x.Offset, nb, c, l, weight?.Data<float>(), weight?.Offset ?? 0, bias?.Data<float>(), bias?.Offset ?? 0,
                mean.Data<float>(), mean.Offset, invstd?.Data<float>(), runningVar?.Data<float>(), runningVar?.Offset ?? 0, eps, y.Data<float>());
        else
            BatchNormKernels.Forward(x.Data<double>(), x.Offset, nb, c, l, weight?.Data<double>(), weight?.Offset ?? 0, bias?.Data<double>(), bias?.Offset ?? 0,
                mean.Data<double>(), mean.Offset, invstd?.Data<double>(), runningVar?.Data<double>(), runningVar?.Offset ?? 0, eps, y.Data<double>());
    }

    /// <summary>The eval-mode invstd batch_norm's backward uses (in double, rounded once).</summary>
    public static void BatchNormBackwardInvstd(StridedArray runningVar, int c, double eps, StridedArray invstd)
    {
        if (runningVar.DType == DType.Float32) BatchNormKernels.BackwardInvstd(runningVar.Data<float>(), runningVar.Offset, c, eps, invstd.Data<float>());
        else BatchNormKernels.BackwardInvstd(runningVar.Data<double>(), runningVar.Offset, c, eps, invstd.Data<double>());
    }

    /// <summary>batch_norm's input, weight and bias gradients (each null when not wanted); every operand contiguous, outputs from 0.</summary>
    public static void BatchNormBackward(StridedArray dy, StridedArray x, int nb, int c, int l, StridedArray mean, StridedArray invstd, StridedArray? weight,
        bool training, StridedArray? dx, StridedArray? dweight, StridedArray? dbias)
    {
        if (x.DType == DType.Float32)
            BatchNormKernels.Backward(dy.Data<float>(), dy.Offset, x.Data<float>(), x.Offset, nb, c, l, mean.Data<float>(), invstd.Data<float>(),
                weight?.Data<float>(), weight?.Offset ?? 0, training, dx?.Data<float>(), dweight?.Data<float>(), dbias?.Data<float>());
        else
            BatchNormKernels.Backward(dy.Data<double>(), dy.Offset, x.Data<double>(), x.Offset, nb, c, l, mean.Data<double>(), invstd.Data<double>(),
                weight?.Data<double>(), weight?.Offset ?? 0, training, dx?.Data<double>(), dweight?.Data<double>(), dbias?.Data<double>());
    }

    /// <summary>group_norm over a contiguous [N, C, HxW] input; weight and bias contiguous or null; per-group mean and rstd out.</summary>
    public static void GroupNorm(StridedArray x, int nb, int c, int hw, int groups, StridedArray? weight, StridedArray? bias, double eps, StridedArray y,
        StridedArray mean, StridedArray rstd)
    {
        if (x.DType == DType.Float32)
            GroupNormKernels.Forward(x.Data<float>(), x.Offset, nb, c, hw, groups, weight?.Data<float>(), weight?.Offset ?? 0, bias?.Data<float>(), bias?.Offset ?? 0,
                eps, y.Data<float>(), mean.Data<float>(), rstd.Data<float>());
        else
            GroupNormKernels.Forward(x.Data<double>(), x.Offset, nb, c, hw, groups, weight?.Data<double>(), weight?.Offset ?? 0, bias?.Data<double>(), bias?.Offset ?? 0,
                eps, y.Data<double>(), mean.Data<double>(), rstd.Data<double>());
    }

    /// <summary>group_norm's input, weight and bias gradients (each null when not wanted); every operand contiguous, outputs from 0.</summary>
    public static void GroupNormBackward(StridedArray dy, StridedArray x, int nb, int c, int hw, int groups, StridedArray mean, StridedArray rstd,
        StridedArray? weight, StridedArray? dx, StridedArray? dweight, StridedArray? dbias)
    {
        if (x.DType == DType.Float32)
            GroupNormKernels.Backward(dy.Data<float>(), dy.Offset, x.Data<float>(), x.Offset, nb, c, hw, groups, mean.Data<float>(), rstd.Data<float>(),
                weight?.Data<float>(), weight?.Offset ?? 0, dx?.Data<float>(), dweight?.Data<float>(), dbias?.Data<float>());
        else
            GroupNormKernels.Backward(dy.Data<double>(), dy.Offset, x.Data<double>(), x.Offset, nb, c, hw, groups, mean.Data<double>(), rstd.Data<double>(),
                weight?.Data<double>(), weight?.Offset ?? 0, dx?.Data<double>(), dweight?.Data<double>(), dbias?.Data<double>());
    }

    /// <summary>softmax's gradient (g − Σ g·y)·y along the middle dim of [outer, n, inner] (g and y contiguous).</summary>
    public static void SoftmaxBackward(StridedArray g, StridedArray y, int outer, int n, int inner, StridedArray gi, bool lastDim)
    {
        if (g.DType == DType.Float32) NNKernels.SoftmaxBackward(g.Data<float>(), g.Offset, y.Data<float>(), y.Offset, outer, n, inner, gi.Data<float>(), lastDim);
        else NNKernels.SoftmaxBackward(g.Data<double>(), g.Offset, y.Data<double>(), y.Offset, outer, n, inner, gi.Data<double>(), lastDim);
    }

    /// <summary>Per-element nll into <paramref name="loss"/> (when given); returns the sum and the non-ignored count.</summary>
    /// <summary>nll forward over a contiguous input; <paramref name="weight"/> (contiguous, one per class) scales each target.</summary>
    public static (double Sum, double Total) Nll(StridedArray x, StridedArray target, int outer, int c, int inner, long ignore, StridedArray? loss, StridedArray? weight)
    {
        var t = target.Data<long>();
        int wOff = weight?.Offset ?? 0;
        if (x.DType == DType.Float32)
        {
            var (s, n) = NNKernels.Nll(x.Data<float>(), x.Offset, t, target.Offset, outer, c, inner, ignore, loss?.Data<float>(), weight?.Data<float>(), wOff);
            return (s, n);
        }
        var (sd, nd) = NNKernels.Nll(x.Data<double>(), x.Offset, t, target.Offset, outer, c, inner, ignore, loss?.Data<double>(), weight?.Data<double>(), wOff);
        return (sd, nd);
    }

    public static void NllBackward(StridedArray g, bool perElement, StridedArray target, int outer, int c, int inner, long ignore, double scale, StridedArray gi, StridedArray? weight)
    {
        var t = target.Data<long>();
        int wOff = weight?.Offset ?? 0;
        if (g.DType == DType.Float32) NNKernels.NllBackward(g.Data<float>(), g.Offset, perElement, t, target.Offset, outer, c, inner, ignore, (float)scale, gi.Data<float>(), weight?.Data<float>(), wOff);
        else NNKernels.NllBackward(g.Data<double>(), g.Offset, perElement, t, target.Offset, outer, c, inner, ignore, scale, gi.Data<double>(), weight?.Data<double>(), wOff);
    }

    /// <summary>im2col of a floating or integer input (integer conv2d unfolds too).</summary>
    public static void Im2Col(StridedArray x, in ConvGeometry g, StridedArray cols)
    {
        switch (x.DType)
        {
            case DType.Float32: Im2ColTyped<float>(x, g, cols); break;
            case DType.Float64: Im2ColTyped<double>(x, g, cols); break;
            case DType.Int64: Im2ColTyped<long>(x, g, cols); break;
            case DType.Int32: Im2ColTyped<int>(x, g, cols); break;
            case DType.Int16: Im2ColTyped<short>(x, g, cols); break;
            case DType.Int8: Im2ColTyped<sbyte>(x, g, cols); break;
            case DType.UInt8: Im2ColTyped<byte>(x, g, cols); break;
            default: throw Errors.UnsupportedDType("im2col", x.DType);
        }
    }

    private static void Im2ColTyped<T>(StridedArray x, in ConvGeometry g, StridedArray cols) where T : unmanaged, System.Numerics.INumber<T> =>
        NNKernels.Im2Col(x.Data<T>(), x.Offset, g, cols.Data<T>());

    /// <summary>col2im into a floating or integer output (int64 conv_transpose2d folds too).</summary>
    public static void Col2Im(StridedArray cols, in ConvGeometry g, StridedArray x)
    {
        switch (x.DType)
        {
            case DType.Float32: Col2ImTyped<float>(cols, g, x); break;
            case DType.Float64: Col2ImTyped<double>(cols, g, x); break;
            case DType.Int64: Col2ImTyped<long>(cols, g, x); break;
            case DType.Int32: Col2ImTyped<int>(cols, g, x); break;
            case DType.Int16: Col2ImTyped<short>(cols, g, x); break;
            case DType.Int8: Col2ImTyped<sbyte>(cols, g, x); break;
            case DType.UInt8: Col2ImTyped<byte>(cols, g, x); break;
            default: throw Errors.UnsupportedDType("col2im", x.DType);
        }
    }

    private static void Col2ImTyped<T>(StridedArray cols, in ConvGeometry g, StridedArray x) where T : unmanaged, System.Numerics.INumber<T> =>
        NNKernels.Col2Im(cols.Data<T>(), cols.Offset, g, x.Data<T>());

    /// <summary>max_pool2d over <paramref name="planes"/> contiguous planes, of a floating or integer dtype.</summary>
    public static void MaxPool2d(StridedArray x, int planes, in ConvGeometry g, StridedArray y, StridedArray indices)
    {
        switch (x.DType)
        {
            case DType.Float32: MaxPool2dTyped<float>(x, planes, g, y, indices); break;
            case DType.Float64: MaxPool2dTyped<double>(x, planes, g, y, indices); break;
            case DType.Int64: MaxPool2dTyped<long>(x, planes, g, y, indices); break;
            case DType.Int32: MaxPool2dTyped<int>(x, planes, g, y, indices); break;
            case DType.Int16: MaxPool2dTyped<short>(x, planes, g, y, indices); break;
            case DType.Int8: MaxPool2dTyped<sbyte>(x, planes, g, y, indices); break;
            case DType.UInt8: MaxPool2dTyped<byte>(x, planes, g, y, indices); break;
            default: throw Errors.UnsupportedDType("max_pool2d", x.DType);
        }
    }

    private static void MaxPool2dTyped<T>(StridedArray x, int planes, in ConvGeometry g, StridedArray y, StridedArray indices) where T : unmanaged, System.Numerics.INumber<T> =>
        NNKernels.MaxPool2d(x.Data<T>(), x.Offset, planes, g, y.Data<T>(), indices.Data<long>());

    /// <summary>One SGD update over contiguous parameter, gradient and (when momentum is on) buffer of equal length.</summary>
    public static void Sgd(StridedArray p, StridedArray g, StridedArray? buffer, bool firstStep, in SgdCoefficients k)
    {
        int n = p.Numel;
        var coefficients = k;
        // Memory-bound: large parameters are split over the workers (disjoint ranges, same results).
        IntraOp.For(n, IntraOp.ElementwiseGrain / 2, (s, e) =>
        {
            int len = e - s;
            if (p.DType == DType.Float32)
                OptimKernels.Sgd(p.Data<float>().AsSpan(p.Offset + s, len), g.Data<float>().AsSpan(g.Offset + s, len), buffer is { } b ? b.Data<float>().AsSpan(b.Offset + s, len) : default, firstStep, coefficients);
            else
                OptimKernels.Sgd(p.Data<double>().AsSpan(p.Offset + s, len), g.Data<double>().AsSpan(g.Offset + s, len), buffer is { } b ? b.Data<double>().AsSpan(b.Offset + s, len) : default, firstStep, coefficients);
        });
    }

    /// <summary>One Adam/AdamW update over contiguous parameter, gradient and state buffers of equal length.</summary>
    public static void Adam(StridedArray p, StridedArray g, StridedArray m, StridedArray v, in AdamCoefficients k)
    {
        int n = p.Numel;
        var coefficients = k;
        IntraOp.For(n, IntraOp.ElementwiseGrain / 2, (s, e) =>
        {
            int len = e - s;
            if (p.DType == DType.Float32)
                OptimKernels.Adam(p.Data<float>().AsSpan(p.Offset + s, len), g.Data<float>().AsSpan(g.Offset + s, len), m.Data<float>().AsSpan(m.Offset + s, len), v.Data<float>().AsSpan(v.Offset + s, len), coefficients);
            else
                OptimKernels.Adam(p.Data<double>().AsSpan(p.Offset + s, len), g.Data<double>().AsSpan(g.Offset + s, len), m.Data<double>().AsSpan(m.Offset + s, len), v.Data<double>().AsSpan(v.Offset + s, len), coefficients);
        });
    }

}

internal static partial class Dispatch
{
    public static void AvgPool2d(StridedArray x, int planes, in ConvGeometry g, bool countIncludePad, int divisorOverride, StridedArray y)
    {
        if (x.DType == DType.Float32) PoolKernels.AvgPool2d(x.Data<float>(), x.Offset, planes, g, countIncludePad, divisorOverride, y.Data<float>());
        else PoolKernels.AvgPool2d(x.Data<double>(), x.Offset, planes, g, countIncludePad, divisorOverride, y.Data<double>());
    }

    public static void AvgPool2dBackward(StridedArray grad, int planes, in ConvGeometry g, bool countIncludePad, int divisorOverride, StridedArray gi)
    {
        if (grad.DType == DType.Float32) PoolKernels.AvgPool2dBackward(grad.Data<float>(), grad.Offset, planes, g, countIncludePad, divisorOverride, gi.Data<float>());
        else PoolKernels.AvgPool2dBackward(grad.Data<double>(), grad.Offset, planes, g, countIncludePad, divisorOverride, gi.Data<double>());
    }

    public static void AdaptiveAvgPool(StridedArray x, int planes, int d, int h, int w, int od, int oh, int ow, StridedArray y)
    {
        if (x.DType == DType.Float32) PoolKernels.AdaptiveAvgPool(x.Data<float>(), x.Offset, planes, d, h, w, od, oh, ow, y.Data<float>());
        else PoolKernels.AdaptiveAvgPool(x.Data<double>(), x.Offset, planes, d, h, w, od, oh, ow, y.Data<double>());
    }

    public static void AdaptiveAvgPoolBackward(StridedArray grad, int planes, int d, int h, int w, int od, int oh, int ow, StridedArray gi)
    {
        if (grad.DType == DType.Float32) PoolKernels.AdaptiveAvgPoolBackward(grad.Data<float>(), grad.Offset, planes, d, h, w, od, oh, ow, gi.Data<float>());
        else PoolKernels.AdaptiveAvgPoolBackward(grad.Data<double>(), grad.Offset, planes, d, h, w, od, oh, ow, gi.Data<double>());
    }
}
