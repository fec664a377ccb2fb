namespace Sharpgrad;

/// <summary>Kind of device a tensor lives on. Only the CPU exists today; the seam costs one switch.</summary>
public enum DeviceKind
{
    /// <summary>Host memory, managed arrays.</summary>
    Cpu,
}

/// <summary>Where a tensor's storage lives. PyTorch: torch.device.</summary>
public readonly record struct Device(DeviceKind Kind)
{
    /// <summary>The CPU device.</summary>
    public static Device Cpu => new(DeviceKind.Cpu);

    /// <inheritdoc/>
    public override string ToString() => "cpu";
}
