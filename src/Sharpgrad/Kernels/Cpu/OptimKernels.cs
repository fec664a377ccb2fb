using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>Hyper-parameters of one Adam/AdamW step, already folded with the step count.</summary>
internal readonly record struct AdamCoefficients(
    double OneMinusBeta1, double Beta2, double OneMinusBeta2, double WeightDecay, double Decay,
    double StepSize, double BiasCorrection2Sqrt, double Eps);

/// <summary>Hyper-parameters of one SGD step.</summary>
internal readonly record struct SgdCoefficients(double LearningRate, double Momentum, double Dampening, double WeightDecay, bool Nesterov);

/// <summary>Fused optimizer updates: one pass over each parameter, no temporaries.</summary>
internal static class OptimKernels
{
    /// <summary>
    /// PyTorch's single-tensor SGD, element by element. Its CPU add with alpha is a fused multiply-add
    /// (vec::fmadd), so every "a + alpha·b" here is one too, which keeps the results bit-identical:
    /// d = g + wd·p; b = d (first step) or μ·b + (1-τ)·d; d = nesterov ? d + μ·b : b; p += -lr·d.
    /// </summary>
    public static void Sgd<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> buffer, bool firstStep, in SgdCoefficients k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T negLr = T.CreateChecked(-k.LearningRate), wd = T.CreateChecked(k.WeightDecay), mu = T.CreateChecked(k.Momentum);
        T keep = T.CreateChecked(1 - k.Dampening);
        bool decay = k.WeightDecay != 0, momentum = k.Momentum != 0;
        if (!decay && !momentum)
        {
            // plain SGD, p += -lr·g with one rounding, vectorized
            System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(g, negLr, p, p);
            return;
        }
        for (int i = 0; i < p.Length; i++)
        {
            T d = g[i];
            if (decay) d = T.FusedMultiplyAdd(p[i], wd, d);
            if (momentum)
            {
                T b = firstStep ? d : T.FusedMultiplyAdd(d, keep, buffer[i] * mu);
                buffer[i] = b;
                d = k.Nesterov ? T.FusedMultiplyAdd(b, mu, d) : b;
            }
            p[i] = T.FusedMultiplyAdd(d, negLr, p[i]);
        }
    }

    /// <summary>
    /// PyTorch's single-tensor Adam, element by element and in the same operation order and roundings:
    /// p *= decay (AdamW); g = fma(p, wd, g) (Adam's grad.add(param, alpha=wd)); m.lerp_(g, 1-β1) by its fused kernel;
    /// v = fma((1-β2)·g, g, v·β2) (mul_ then the fused addcmul_); p += -stepSize · m / (√v / √bc2 + eps).
    /// </summary>
    public static void Adam<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, in AdamCoefficients k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T w = T.CreateChecked(k.OneMinusBeta1), b2 = T.CreateChecked(k.Beta2), w2 = T.CreateChecked(k.OneMinusBeta2);
        T wd = T.CreateChecked(k.WeightDecay), decay = T.CreateChecked(k.Decay), negStep = T.CreateChecked(-k.StepSize);
        T bc2 = T.CreateChecked(k.BiasCorrection2Sqrt), eps = T.CreateChecked(k.Eps);
        bool decoupled = k.Decay != 1, coupled = k.WeightDecay != 0;
        for (int i = 0; i < p.Length; i++)
        {
            T pi = p[i];
            if (decoupled) pi *= decay;
            T gi = g[i];
            if (coupled) gi = T.FusedMultiplyAdd(pi, wd, gi);
            T mi = m[i];
            mi = LerpKernels.Lerp(mi, gi, w);
            T vi = v[i] * b2;
            vi = T.FusedMultiplyAdd(w2 * gi, gi, vi);
            T denom = T.Sqrt(vi) / bc2 + eps;
            m[i] = mi;
            v[i] = vi;
            p[i] = pi + negStep * mi / denom;
        }
    }
}
