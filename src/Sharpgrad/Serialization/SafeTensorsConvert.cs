using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;

namespace Sharpgrad.Serialization;

/// <summary>Converts between raw little-endian safetensors data and managed arrays.</summary>
/// <remarks>
/// Decoders widen to the library's storage types (float, double, long, int, short, sbyte, bool). A byte count that is not a multiple of
/// the element size, or a BOOL byte other than 0 or 1, is a file problem and raises <see cref="InvalidDataException"/>;
/// asking for a conversion the dtype cannot support is a caller bug and raises <see cref="ArgumentException"/>.
/// </remarks>
internal static class SafeTensorsConvert
{
    public static float[] ToSingle(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        var result = new float[ElementCount(data, dtype)];
        switch (dtype)
        {
            case SafeDType.F32:
                if (BitConverter.IsLittleEndian)
                    MemoryMarshal.Cast<byte, float>(data).CopyTo(result);
                else
                    for (int i = 0; i < result.Length; i++)
                        result[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                break;
            case SafeDType.F16:
                for (int i = 0; i < result.Length; i++)
                    result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(data[(i * 2)..]);
                break;
            case SafeDType.BF16:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BFloat16BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data[(i * 2)..]));
                break;
            default:
                throw Unsupported(dtype, "float");
        }
        return result;
    }

    public static double[] ToDouble(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        if (dtype != SafeDType.F64)
        {
            // Every narrower float format widens to double exactly, so reuse the float decoders.
            float[] narrow = ToSingle(data, dtype);
            var widened = new double[narrow.Length];
            for (int i = 0; i < narrow.Length; i++)
                widened[i] = narrow[i];
            return widened;
        }

        var result = new double[ElementCount(data, dtype)];
        if (BitConverter.IsLittleEndian)
            MemoryMarshal.Cast<byte, double>(data).CopyTo(result);
        else
            for (int i = 0; i < result.Length; i++)
                result[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
        return result;
    }

    public static long[] ToInt64(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        var result = new long[ElementCount(data, dtype)];
        switch (dtype)
        {
            case SafeDType.I64:
                if (BitConverter.IsLittleEndian)
                    MemoryMarshal.Cast<byte, long>(data).CopyTo(result);
                else
                    for (int i = 0; i < result.Length; i++)
                        result[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(i * 8)..]);
                break;
            case SafeDType.I32:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]);
                break;
            case SafeDType.I16:
                for (int i = 0; i < result.Length; i++)
                    result[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * 2)..]);
                break;
            case SafeDType.I8:
                for (int i = 0; i < result.Length; i++)
                    result[i] = (sbyte)data[i];
                break;
            case SafeDType.U8:
                for (int i = 0; i < result.Length; i++)
                    result[i] = data[i];
                break;
            default:
                throw Unsupported(dtype, "long");
        }
        return result;
    }

    public static int[] ToInt32(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        if (dtype != SafeDType.I32)
            throw Unsupported(dtype, "int");
        var result = new int[ElementCount(data, dtype)];
        if (BitConverter.IsLittleEndian)
            MemoryMarshal.Cast<byte, int>(data).CopyTo(result);
        else
            for (int i = 0; i < result.Length; i++)
                result[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]);
        return result;
    }

    public static short[] ToInt16(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        if (dtype != SafeDType.I16)
            throw Unsupported(dtype, "short");
        var result = new short[ElementCount(data, dtype)];
        MemoryMarshal.Cast<byte, short>(data).CopyTo(result);
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(result, result);
        return result;
    }

    public static sbyte[] ToInt8(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        if (dtype != SafeDType.I8)
            throw Unsupported(dtype, "sbyte");
        return MemoryMarshal.Cast<byte, sbyte>(data).ToArray();
    }

    public static bool[] ToBoolean(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        if (dtype != SafeDType.BOOL)
            throw Unsupported(dtype, "bool");
        var result = new bool[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            // Any other byte would become a bool that is neither true nor false to code that compares raw bytes.
            result[i] = data[i] switch
            {
                0 => false,
                1 => true,
                byte b => throw new InvalidDataException($"safetensors: BOOL element {i} has byte value {b}; only 0 and 1 are valid."),
            };
        }
        return result;
    }

    /// <summary>Encodes floats as F32, F16 or BF16 (rounding to nearest even), or widens them to F64.</summary>
    public static byte[] FromSingle(ReadOnlySpan<float> values, SafeDType dtype)
    {
        var bytes = new byte[checked(values.Length * dtype.ElementSize())];
        switch (dtype)
        {
            case SafeDType.F32:
                for (int i = 0; i < values.Length; i++)
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
                break;
            case SafeDType.F64:
                for (int i = 0; i < values.Length; i++)
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
                break;
            case SafeDType.F16:
                for (int i = 0; i < values.Length; i++)
                    BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
                break;
            case SafeDType.BF16:
                for (int i = 0; i < values.Length; i++)
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), SingleToBFloat16Bits(values[i]));
                break;
            default:
                throw Unsupported(dtype, "float");
        }
        return bytes;
    }

    public static byte[] FromDouble(ReadOnlySpan<double> values)
    {
        var bytes = new byte[checked(values.Length * 8)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        return bytes;
    }

    /// <summary>Encodes integers as any integer dtype; values outside the target range throw rather than wrap.</summary>
    public static byte[] FromInt64(ReadOnlySpan<long> values, SafeDType dtype)
    {
        var bytes = new byte[checked(values.Length * dtype.ElementSize())];
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            switch (dtype)
            {
                case SafeDType.I64: BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), v); break;
                case SafeDType.I32: BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), checked((int)v)); break;
                case SafeDType.I16: BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), checked((short)v)); break;
                case SafeDType.I8: bytes[i] = unchecked((byte)checked((sbyte)v)); break;
                case SafeDType.U8: bytes[i] = checked((byte)v); break;
                default: throw Unsupported(dtype, "long");
            }
        }
        return bytes;
    }

    public static byte[] FromInt32(ReadOnlySpan<int> values)
    {
        var bytes = new byte[checked(values.Length * 4)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    public static byte[] FromInt16(ReadOnlySpan<short> values)
    {
        var bytes = new byte[checked(values.Length * 2)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        return bytes;
    }

    public static byte[] FromBoolean(ReadOnlySpan<bool> values)
    {
        var bytes = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
            bytes[i] = values[i] ? (byte)1 : (byte)0;
        return bytes;
    }

    /// <summary>BF16 is the top half of an IEEE single, so widening is a shift.</summary>
    public static float BFloat16BitsToSingle(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    /// <summary>Rounds to nearest even like PyTorch; plain truncation would bias every stored weight toward zero.</summary>
    public static ushort SingleToBFloat16Bits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        // Rounding could carry a NaN's payload into the exponent and produce infinity; keep it a quiet NaN instead.
        if (float.IsNaN(value))
            return (ushort)((bits >> 16) | 0x0040);
        uint roundingBias = 0x7FFFu + ((bits >> 16) & 1u);
        return (ushort)((bits + roundingBias) >> 16);
    }

    private static int ElementCount(ReadOnlySpan<byte> data, SafeDType dtype)
    {
        int size = dtype.ElementSize();
        if (data.Length % size != 0)
            throw new InvalidDataException(
                $"safetensors: {data.Length} bytes is not a whole number of {dtype} elements ({size} bytes each).");
        return data.Length / size;
    }

    private static ArgumentException Unsupported(SafeDType dtype, string target) =>
        new($"Cannot convert safetensors dtype {dtype} to {target}.", nameof(dtype));
}
