using Sharpgrad.Kernels;
using Sharpgrad.NN;

namespace Sharpgrad.Ops;

/// <summary>Losses with their own nodes in derivatives.yaml: nll_loss, mse_loss, binary_cross_entropy(_with_logits).</summary>
internal static class LossOps
{
    /// <summary>Sizes of a class-indexed input: (batch, classes, trailing spatial size).</summary>
    private static (int Outer, int C, int Inner) NllGeometry(Tensor input, Tensor target)
    {
        if (target.DType != DType.Int64)
            throw new ArgumentException($"expected scalar type Long but found {Errors.Pretty(target.DType)}");
        if (!input.DType.IsFloatingPoint())
            throw Errors.UnsupportedDType("nll_loss_forward_reduce_cuda_kernel_2d_index", input.DType);
        if (input.Dim == 0) throw new ArgumentException("input tensor should be 1D or 2D");
        if (input.Dim == 1)
        {
            if (target.Dim != 0) throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
            return (1, input.Sizes[0], 1);
        }
        if (target.Dim == 0 || target.Sizes[0] != input.Sizes[0])
            throw new ArgumentException($"Expected input batch_size ({input.Sizes[0]}) to match target batch_size ({(target.Dim == 0 ? 0 : target.Sizes[0])}).");
        var expected = input.Sizes.Where((_, i) => i != 1).ToArray();
        if (!target.Sizes.AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"Expected target size {Errors.Shape(expected)}, got {Errors.Shape(target.Sizes)}");
        int inner = 1;
        for (int d = 2; d < input.Dim; d++) inner *= input.Sizes[d];
        return (input.Sizes[0], input.Sizes[1], inner);
    }

    /// <summary>nll_loss: -input[n, target[n]] averaged over non-ignored targets (or summed, or per element). NllLossBackward0.</summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Reduction reduction, long ignoreIndex, Tensor? weight = null)
    {
        OpHelpers.CheckSameDevice(input, target);
        var (outer, c, inner) = NllGeometry(input, target);
        Tensor? w = null;
        if (weight is not null)
        {
            OpHelpers.CheckSameDevice(input, weight);
            if (weight.Dim != 1 || weight.Numel != c)
                throw new InvalidOperationException($"weight tensor should be defined either for all {c} classes or no classes but got weight tensor of shape: {Errors.Shape(weight.Sizes)}");
            if (weight.DType != input.DType)
                throw new InvalidOperationException($"expected scalar type {Errors.Pretty(input.DType)} but found {Errors.Pretty(weight.DType)}");
            CheckNotDifferentiable(weight, "weight", "nll_loss_forward");
            w = OpHelpers.ContiguousRaw(weight);
        }
        var t = OpHelpers.ContiguousRaw(target);
        var td = t.Elements<long>();
        for (int i = 0; i < t.Numel; i++)
        {
            long v = td[t.Offset + i];
            if (v != ignoreIndex && (v < 0 || v >= c))
                throw new ArgumentOutOfRangeException(nameof(target), $"Target {v} is out of bounds.");
        }
        NllLossBackward0? node = null;
        if (Record.ShouldRecord(input))
        {
            node = Record.Connect(new NllLossBackward0(reduction, ignoreIndex, input.Sizes), input);
            node.Index = SavedTensor.Input(t);
            node.Weight = w;
        }
        var x = OpHelpers.ContiguousRaw(input);
        Tensor y;
        if (reduction == Reduction.None)
        {
            y = Tensor.Empty(input.DType, t.Sizes);
            Dispatch.Nll(x.Strided, t.Strided, outer, c, inner, ignoreIndex, y.Strided, w?.Strided);
        }
        else
        {
            var (sum, total) = Dispatch.Nll(x.Strided, t.Strided, outer, c, inner, ignoreIndex, null, w?.Strided);
            if (node is not null) node.TotalWeight = total;
            y = Tensor.Full([], reduction == Reduction.Mean ? sum / total : sum, input.DType);
        }
        if (!ReferenceEquals(x, input)) x.Dispose();
        GC.KeepAlive(t); // a finalized copy would hand its buffer back to the pool while the kernel reads it
        GC.KeepAlive(w);
        if (node is not null) Record.SetHistory(y, node);
        return y;
    }

    /// <summary>PyTorch's check_no_requires_grad: class weights are constants, not differentiable inputs.</summary>
    internal static void CheckNotDifferentiable(Tensor? t, string argument, string function)
    {
        if (t is not null && t.RequiresGrad && GradMode.Current.Records)
            throw new InvalidOperationException($"The function '{function}' is not differentiable with respect to argument '{argument}'. This input cannot have requires_grad True.");
    }

    /// <summary>Applies a reduction without recording (the caller's node owns the gradient).</summary>
    public static Tensor ReduceRaw(Tensor loss, Reduction reduction)
    {
        if (reduction == Reduction.None) return loss;
        var r = reduction == Reduction.Mean ? loss.Mean() : loss.Sum();
        loss.Dispose();
        return r;
    }

    /// <summary>mse_loss: (input - target)², reduced. MseLossBackward0.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction)
    {
        OpHelpers.CheckSameDevice(input, target);
        var shape = OpHelpers.BroadcastShape(input, target);
        Tensor y;
        using (Autograd.NoGrad())
        {
            var d = input - target;
            var sq = d * d;
            d.Dispose();
            y = ReduceRaw(sq, reduction);
        }
        if (Record.ShouldRecord(input, target))
        {
            var node = Record.Connect(new MseLossBackward0(reduction, Shapes.Layout.NumElementsUnchecked(shape)), input, target);
            node.Save(input, target);
            Record.SetHistory(y, node);
        }
        return y;
    }

    private static void CheckSameSize(Tensor input, Tensor target, bool logits)
    {
        OpHelpers.CheckSameDevice(input, target);
        if (input.Sizes.AsSpan().SequenceEqual(target.Sizes)) return;
        throw new ArgumentException(logits
            ? $"Target size ({Errors.Size(target.Sizes)}) must be the same as input size ({Errors.Size(input.Sizes)})"
            : $"Using a target size ({Errors.Size(target.Sizes)}) that is different to the input size ({Errors.Size(input.Sizes)}) is deprecated. Please ensure they have the same size.");
    }

    /// <summary>binary_cross_entropy on probabilities, logs clamped at -100 as PyTorch does, optionally weighted. BinaryCrossEntropyBackward0.</summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction, Tensor? weight = null)
    {
        CheckSameSize(input, target, logits: false);
        if (!input.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("binary_cross_entropy", input.DType);
        if (weight is not null) OpHelpers.CheckSameDevice(input, weight);
        CheckNotDifferentiable(weight, "weight", "binary_cross_entropy");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            if ((input.Lt(0.0).LogicalOr(input.Gt(1.0))).Any().Item<bool>())
                throw new ArgumentException("all elements of input should be between 0 and 1");
            var logX = input.Log().Clamp(min: -100);
            var log1mX = (-input).Log1p().Clamp(min: -100);
            var loss = (target - 1.0) * log1mX - target * logX;
            if (weight is not null) loss.Mul_(weight);
            y = ReduceRaw(loss, reduction).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input, target))
        {
            var node = Record.Connect(new BinaryCrossEntropyBackward0(reduction, input.Numel), input, target);
            node.Save(input, target);
            node.Weight = weight;
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// binary_cross_entropy_with_logits: (1 - t)·x - l·log σ(x) in the stable form, where l = (pos_weight - 1)·t + 1
    /// (1 without pos_weight), optionally weighted. BinaryCrossEntropyWithLogitsBackward0.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction, Tensor? weight = null, Tensor? posWeight = null)
    {
        CheckSameSize(input, target, logits: true);
        if (!input.DType.IsFloatingPoint()) throw Errors.UnsupportedDType("binary_cross_entropy_with_logits", input.DType);
        if (weight is not null) OpHelpers.CheckSameDevice(input, weight);
        if (posWeight is not null) OpHelpers.CheckSameDevice(input, posWeight);
        CheckNotDifferentiable(weight, "weight", "binary_cross_entropy_with_logits");
        CheckNotDifferentiable(posWeight, "pos_weight", "binary_cross_entropy_with_logits");
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            // -log σ(x) = -min(x, 0) + log1p(exp(-|x|))
            var logSigmoid = input.Clamp(max: 0) - (-input.Abs()).Exp().Log1p();
            var loss = posWeight is null
                ? (1.0 - target) * input - logSigmoid
                : (1.0 - target) * input - ((posWeight - 1.0) * target + 1.0) * logSigmoid;
            if (weight is not null) loss.Mul_(weight);
            y = ReduceRaw(loss, reduction).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input, target))
        {
            var node = Record.Connect(new BinaryCrossEntropyWithLogitsBackward0(reduction, input.Numel), input, target);
            node.Save(input, target);
            node.Weight = weight;
            node.PosWeight = posWeight;
            Record.SetHistory(y, node);
        }
        return y;
    }

    /// <summary>
    /// smooth_l1_loss (huber = false: 0.5·d²/β below β, |d| - 0.5·β above; β = 0 is L1) or huber_loss (huber = true:
    /// 0.5·d² up to δ, δ·(|d| - 0.5·δ) beyond), reduced. SmoothL1LossBackward0 / HuberLossBackward0.
    /// </summary>
    public static Tensor SmoothL1(Tensor input, Tensor target, Reduction reduction, double threshold, bool huber)
    {
        OpHelpers.CheckSameDevice(input, target);
        string name = huber ? "huber_loss" : "smooth_l1_loss";
        if (threshold < 0 || (huber && threshold == 0))
            throw new ArgumentException(huber ? "huber_loss does not support non-positive values for delta." : "smooth_l1_loss does not support negative values for beta.");
        if (!input.DType.IsFloatingPoint()) throw Errors.UnsupportedDType(name, input.DType);
        var shape = OpHelpers.BroadcastShape(input, target);
        Tensor y;
        using (Autograd.NoGrad())
        using (Tensor.NewScope())
        {
            var d = input - target;
            var a = d.Abs();
            Tensor loss;
            if (huber) loss = Tensor.Where(a.Le(threshold), d * d * 0.5, (a - 0.5 * threshold) * threshold);
            else if (threshold == 0) loss = a;
            else loss = Tensor.Where(a.Lt(threshold), d * d * (0.5 / threshold), a - 0.5 * threshold);
            y = ReduceRaw(loss, reduction).MoveToOuterScope();
        }
        if (Record.ShouldRecord(input, target))
        {
            var node = Record.Connect(new SmoothL1LossBackward0(reduction, Shapes.Layout.NumElementsUnchecked(shape), threshold, huber), input, target);
            node.Save(input, target);
            Record.SetHistory(y, node);
        }
        return y;
    }
}
