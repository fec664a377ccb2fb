namespace Sharpgrad;

/// <summary>
/// Anomaly detection, process-wide as in PyTorch: nodes recorded while it is on keep the stack of the forward call that
/// made them, and backward reports it with any error (and, with the NaN check, refuses a NaN gradient).
/// </summary>
internal static class AnomalyMode
{
    private static volatile bool s_enabled;
    private static volatile bool s_checkNan = true;

    public static bool Enabled => s_enabled;
    public static bool CheckNan => s_checkNan;

    public static IDisposable Set(bool enabled, bool checkNan)
    {
        var scope = new Scope(s_enabled, s_checkNan);
        s_enabled = enabled;
        s_checkNan = checkNan;
        return scope;
    }

    /// <summary>The text PyTorch prints with an error in backward, for the node that failed.</summary>
    public static string Trace(Node node) => node.ForwardTrace is { } trace
        ? $"{Environment.NewLine}Error detected in {node.Name}. Traceback of forward call that caused the error:{Environment.NewLine}{trace}"
        : "";

    private sealed class Scope(bool enabled, bool checkNan) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            s_enabled = enabled;
            s_checkNan = checkNan;
        }
    }
}

public static partial class Autograd
{
    /// <summary>Whether anomaly detection is on. PyTorch: torch.is_anomaly_enabled.</summary>
    public static bool IsAnomalyEnabled => AnomalyMode.Enabled;

    /// <summary>Whether anomaly detection also refuses NaN gradients. PyTorch: torch.is_anomaly_check_nan_enabled.</summary>
    public static bool IsAnomalyCheckNanEnabled => AnomalyMode.CheckNan;

    /// <summary>
    /// Until disposed, backward errors name the forward call that recorded the failing node (its stack is kept, which is
    /// slow: for debugging) and, with <paramref name="checkNan"/>, a node returning NaN gradients is an error.
    /// PyTorch: torch.autograd.detect_anomaly.
    /// </summary>
    public static IDisposable DetectAnomaly(bool checkNan = true) => AnomalyMode.Set(true, checkNan);

    /// <summary>
    /// Turns anomaly detection on or off; the returned scope restores the previous setting when disposed, and may be
    /// ignored to keep the setting. PyTorch: torch.autograd.set_detect_anomaly.
    /// </summary>
    public static IDisposable SetDetectAnomaly(bool mode, bool checkNan = true) => AnomalyMode.Set(mode, checkNan);
}
