namespace Sharpgrad;

/// <summary>Element type of a tensor. PyTorch: torch.dtype.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float, the default for floating data. PyTorch: torch.float32.</summary>
    Float32,
    /// <summary>64-bit IEEE float. PyTorch: torch.float64.</summary>
    Float64,
    /// <summary>64-bit signed integer. PyTorch: torch.int64.</summary>
    Int64,
    /// <summary>Boolean. PyTorch: torch.bool.</summary>
    Bool,
    /// <summary>32-bit signed integer. PyTorch: torch.int32.</summary>
    Int32,
    /// <summary>8-bit unsigned integer (images). PyTorch: torch.uint8.</summary>
    UInt8,
    /// <summary>8-bit signed integer. PyTorch: torch.int8.</summary>
    Int8,
    /// <summary>16-bit signed integer. PyTorch: torch.int16.</summary>
    Int16,
}

/// <summary>Facts about each <see cref="DType"/>.</summary>
public static class DTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 => 4,
        DType.Float64 => 8,
        DType.Int64 => 8,
        DType.Int32 => 4,
        DType.Int16 => 2,
        _ => 1, // Bool, UInt8, Int8
    };

    /// <summary>True for Float32 and Float64, the dtypes that can require gradients.</summary>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>True for the integer dtypes, and for Bool when <paramref name="includeBool"/> (PyTorch: isIntegralType).</summary>
    public static bool IsIntegral(this DType dtype, bool includeBool = false) =>
        dtype is DType.Int64 or DType.Int32 or DType.Int16 or DType.Int8 or DType.UInt8 || (includeBool && dtype == DType.Bool);

    /// <summary>The smallest and largest value of an integer dtype (0 and 1 for Bool).</summary>
    internal static (long Min, long Max) IntegerRange(this DType dtype) => dtype switch
    {
        DType.Int64 => (long.MinValue, long.MaxValue),
        DType.Int32 => (int.MinValue, int.MaxValue),
        DType.Int16 => (short.MinValue, short.MaxValue),
        DType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DType.UInt8 => (byte.MinValue, byte.MaxValue),
        _ => (0, 1),
    };

    /// <summary>Int64 or Int32: the dtypes PyTorch's index-taking ops accept (a uint8 index is a mask instead).</summary>
    internal static bool IsIndex(this DType dtype) => dtype is DType.Int64 or DType.Int32;

    /// <summary>PyTorch's spelling, e.g. <c>torch.float32</c>.</summary>
    public static string TorchName(this DType dtype) => dtype switch
    {
        DType.Float32 => "torch.float32",
        DType.Float64 => "torch.float64",
        DType.Int64 => "torch.int64",
        DType.Int32 => "torch.int32",
        DType.UInt8 => "torch.uint8",
        DType.Int8 => "torch.int8",
        DType.Int16 => "torch.int16",
        _ => "torch.bool",
    };

    /// <summary>The legacy type name used in autograd messages, e.g. <c>torch.FloatTensor</c>.</summary>
    internal static string LegacyTensorTypeName(this DType dtype) => dtype switch
    {
        DType.Float32 => "torch.FloatTensor",
        DType.Float64 => "torch.DoubleTensor",
        DType.Int64 => "torch.LongTensor",
        DType.Int32 => "torch.IntTensor",
        DType.UInt8 => "torch.ByteTensor",
        DType.Int8 => "torch.CharTensor",
        DType.Int16 => "torch.ShortTensor",
        _ => "torch.BoolTensor",
    };

    internal static DType Of<T>()
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(byte)) return DType.UInt8;
        if (typeof(T) == typeof(sbyte)) return DType.Int8;
        if (typeof(T) == typeof(short)) return DType.Int16;
        throw new ArgumentException($"Sharpgrad has no dtype for element type {typeof(T).Name}; use float, double, long, int, short, sbyte, byte or bool.");
    }
}
