using Sharpgrad.NN;

namespace Sharpgrad.Optim;

/// <summary>Averaging functions for <see cref="AveragedModel"/> and <see cref="UpdateBn"/>. PyTorch: torch.optim.swa_utils.</summary>
public static class SwaUtils
{
    /// <summary>The running mean: averaged + (current - averaged) / (n + 1). PyTorch: get_swa_avg_fn.</summary>
    public static Func<Tensor, Tensor, long, Tensor> GetSwaAvgFn() =>
        (averaged, current, n) => averaged.Add(current.Sub(averaged).Div(n + 1));

    /// <summary>The running mean over lists of tensors, updated in place. PyTorch: get_swa_multi_avg_fn.</summary>
    public static Action<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, long> GetSwaMultiAvgFn()
    {
        var avg = GetSwaAvgFn();
        return (averaged, current, n) =>
        {
            using (Autograd.NoGrad())
                for (int i = 0; i < averaged.Count; i++) averaged[i].Copy_(avg(averaged[i], current[i], n));
        };
    }

    /// <summary>Exponential moving average: decay·ema + (1 - decay)·current. PyTorch: get_ema_avg_fn.</summary>
    public static Func<Tensor, Tensor, long, Tensor> GetEmaAvgFn(double decay = 0.999) =>
        (ema, current, _) =>
        {
            using (Autograd.NoGrad()) return ema.Mul(decay).Add(current.Mul(1 - decay));
        };

    /// <summary>
    /// Exponential moving average over lists of tensors, in place: a lerp towards current by 1 - decay for floating
    /// tensors, ema·decay + current·(1 - decay) otherwise. PyTorch: get_ema_multi_avg_fn.
    /// </summary>
    public static Action<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>, long> GetEmaMultiAvgFn(double decay = 0.999) =>
        (ema, current, _) =>
        {
            if (ema.Count == 0) return;
            using (Autograd.NoGrad())
            {
                bool floating = ema[0].DType.IsFloatingPoint();
                for (int i = 0; i < ema.Count; i++)
                    if (floating) ema[i].Lerp_(current[i], 1 - decay);
                    else ema[i].Copy_(ema[i].Mul(decay).Add(current[i].Mul(-decay + 1)));
            }
        };

    /// <summary>
    /// Recomputes the running statistics of every batch norm in <paramref name="model"/> (typically an
    /// <see cref="AveragedModel"/>) from scratch: resets them, runs the model in training mode over each batch of
    /// <paramref name="loader"/> without gradients with momentum null (the cumulative average over the batches), then
    /// restores each momentum and the model's training mode (set on every submodule, as PyTorch's train(was_training)).
    /// A model without batch norms is left untouched and the loader not read. Where PyTorch takes the first element of a
    /// list or tuple batch, pass the inputs alone. PyTorch: torch.optim.swa_utils.update_bn.
    /// </summary>
    public static void UpdateBn(IEnumerable<Tensor> loader, Module model)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(model);
        var momenta = new List<(BatchNorm Module, double? Momentum)>();
        foreach (var m in model.Modules())
            if (m is BatchNorm bn)
            {
                bn.ResetRunningStats();
                momenta.Add((bn, bn.Momentum));
            }
        if (momenta.Count == 0) return;
        bool wasTraining = model.Training;
        model.Train();
        foreach (var (bn, _) in momenta) bn.Momentum = null;
        using (Autograd.NoGrad())
            foreach (var input in loader) model.Call(input);
        foreach (var (bn, momentum) in momenta) bn.Momentum = momentum;
        model.Train(wasTraining);
    }
}
