namespace Sharpgrad;

// Decorator forms: wrap a delegate so that every call runs under a mode (PyTorch: @torch.no_grad()).
public static partial class Autograd
{
    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Func<TResult> WrapNoGrad<TResult>(Func<TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = NoGrad(); return f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Action WrapNoGrad(Action f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = NoGrad(); f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Func<T1, TResult> WrapNoGrad<T1, TResult>(Func<T1, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = NoGrad(); return f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Action<T1> WrapNoGrad<T1>(Action<T1> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = NoGrad(); f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Func<T1, T2, TResult> WrapNoGrad<T1, T2, TResult>(Func<T1, T2, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = NoGrad(); return f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Action<T1, T2> WrapNoGrad<T1, T2>(Action<T1, T2> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = NoGrad(); f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Func<T1, T2, T3, TResult> WrapNoGrad<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = NoGrad(); return f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Action<T1, T2, T3> WrapNoGrad<T1, T2, T3>(Action<T1, T2, T3> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = NoGrad(); f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Func<T1, T2, T3, T4, TResult> WrapNoGrad<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = NoGrad(); return f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under NoGrad.</summary>
    public static Action<T1, T2, T3, T4> WrapNoGrad<T1, T2, T3, T4>(Action<T1, T2, T3, T4> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = NoGrad(); f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Func<TResult> WrapEnableGrad<TResult>(Func<TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = EnableGrad(); return f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Action WrapEnableGrad(Action f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = EnableGrad(); f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Func<T1, TResult> WrapEnableGrad<T1, TResult>(Func<T1, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = EnableGrad(); return f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Action<T1> WrapEnableGrad<T1>(Action<T1> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = EnableGrad(); f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Func<T1, T2, TResult> WrapEnableGrad<T1, T2, TResult>(Func<T1, T2, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = EnableGrad(); return f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Action<T1, T2> WrapEnableGrad<T1, T2>(Action<T1, T2> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = EnableGrad(); f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Func<T1, T2, T3, TResult> WrapEnableGrad<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = EnableGrad(); return f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Action<T1, T2, T3> WrapEnableGrad<T1, T2, T3>(Action<T1, T2, T3> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = EnableGrad(); f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Func<T1, T2, T3, T4, TResult> WrapEnableGrad<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = EnableGrad(); return f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under EnableGrad.</summary>
    public static Action<T1, T2, T3, T4> WrapEnableGrad<T1, T2, T3, T4>(Action<T1, T2, T3, T4> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = EnableGrad(); f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Func<TResult> WrapInferenceMode<TResult>(Func<TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = InferenceMode(); return f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Action WrapInferenceMode(Action f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = InferenceMode(); f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Func<T1, TResult> WrapInferenceMode<T1, TResult>(Func<T1, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = InferenceMode(); return f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Action<T1> WrapInferenceMode<T1>(Action<T1> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = InferenceMode(); f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Func<T1, T2, TResult> WrapInferenceMode<T1, T2, TResult>(Func<T1, T2, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = InferenceMode(); return f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Action<T1, T2> WrapInferenceMode<T1, T2>(Action<T1, T2> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = InferenceMode(); f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Func<T1, T2, T3, TResult> WrapInferenceMode<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = InferenceMode(); return f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Action<T1, T2, T3> WrapInferenceMode<T1, T2, T3>(Action<T1, T2, T3> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = InferenceMode(); f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Func<T1, T2, T3, T4, TResult> WrapInferenceMode<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = InferenceMode(); return f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs under InferenceMode.</summary>
    public static Action<T1, T2, T3, T4> WrapInferenceMode<T1, T2, T3, T4>(Action<T1, T2, T3, T4> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = InferenceMode(); f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Func<TResult> WrapSetGradEnabled<TResult>(bool enabled, Func<TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); return f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Action WrapSetGradEnabled(bool enabled, Action f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return () => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); f(); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Func<T1, TResult> WrapSetGradEnabled<T1, TResult>(bool enabled, Func<T1, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); return f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Action<T1> WrapSetGradEnabled<T1>(bool enabled, Action<T1> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return a1 => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); f(a1); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Func<T1, T2, TResult> WrapSetGradEnabled<T1, T2, TResult>(bool enabled, Func<T1, T2, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); return f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Action<T1, T2> WrapSetGradEnabled<T1, T2>(bool enabled, Action<T1, T2> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); f(a1, a2); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Func<T1, T2, T3, TResult> WrapSetGradEnabled<T1, T2, T3, TResult>(bool enabled, Func<T1, T2, T3, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); return f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Action<T1, T2, T3> WrapSetGradEnabled<T1, T2, T3>(bool enabled, Action<T1, T2, T3> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); f(a1, a2, a3); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Func<T1, T2, T3, T4, TResult> WrapSetGradEnabled<T1, T2, T3, T4, TResult>(bool enabled, Func<T1, T2, T3, T4, TResult> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); return f(a1, a2, a3, a4); };
    }

    /// <summary>Wraps <paramref name="f"/> so that each call runs with grad mode set to <paramref name="enabled"/>.</summary>
    public static Action<T1, T2, T3, T4> WrapSetGradEnabled<T1, T2, T3, T4>(bool enabled, Action<T1, T2, T3, T4> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (a1, a2, a3, a4) => { using var _ = GradMode.Push(enabled, GradMode.Current.Inference); f(a1, a2, a3, a4); };
    }
}
