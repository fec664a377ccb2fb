using System;

namespace Sharpgrad.Serialization;

/// <summary>Element types of the safetensors format that Sharpgrad can load and save.</summary>
/// <remarks>
/// Member names are spelled exactly as the format's dtype strings so that <see cref="SafeDTypeInfo.ToFormatString"/>
/// stays a trivial mapping; the numeric values are not part of the file format.
/// </remarks>
internal enum SafeDType
{
    F32,
    F64,
    I64,
    BOOL,
    F16,
    BF16,
    I32,
    I16,
    I8,
    U8,
}

internal static class SafeDTypeInfo
{
    public static int ElementSize(this SafeDType dtype) => dtype switch
    {
        SafeDType.F64 or SafeDType.I64 => 8,
        SafeDType.F32 or SafeDType.I32 => 4,
        SafeDType.F16 or SafeDType.BF16 or SafeDType.I16 => 2,
        SafeDType.BOOL or SafeDType.I8 or SafeDType.U8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype."),
    };

    public static string ToFormatString(this SafeDType dtype) => dtype switch
    {
        SafeDType.F32 => "F32",
        SafeDType.F64 => "F64",
        SafeDType.I64 => "I64",
        SafeDType.BOOL => "BOOL",
        SafeDType.F16 => "F16",
        SafeDType.BF16 => "BF16",
        SafeDType.I32 => "I32",
        SafeDType.I16 => "I16",
        SafeDType.I8 => "I8",
        SafeDType.U8 => "U8",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown safetensors dtype."),
    };

    /// <summary>Maps a header dtype string to a <see cref="SafeDType"/>.</summary>
    /// <remarks>
    /// A hand-written switch rather than Enum.TryParse, because TryParse also accepts numbers ("0") and other casings,
    /// which the format does not allow.
    /// </remarks>
    public static bool TryParse(string text, out SafeDType dtype)
    {
        switch (text)
        {
            case "F32": dtype = SafeDType.F32; return true;
            case "F64": dtype = SafeDType.F64; return true;
            case "I64": dtype = SafeDType.I64; return true;
            case "BOOL": dtype = SafeDType.BOOL; return true;
            case "F16": dtype = SafeDType.F16; return true;
            case "BF16": dtype = SafeDType.BF16; return true;
            case "I32": dtype = SafeDType.I32; return true;
            case "I16": dtype = SafeDType.I16; return true;
            case "I8": dtype = SafeDType.I8; return true;
            case "U8": dtype = SafeDType.U8; return true;
            default: dtype = default; return false;
        }
    }

    public static bool IsDefined(SafeDType dtype) => dtype >= SafeDType.F32 && dtype <= SafeDType.U8;
}
