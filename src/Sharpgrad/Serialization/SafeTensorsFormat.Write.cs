using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sharpgrad.Serialization;

/// <summary>Encoder and hardened decoder for the safetensors file format.</summary>
/// <remarks>
/// Layout: an 8-byte little-endian u64 header length N, N bytes of UTF-8 JSON, then the raw little-endian tensor data.
/// Offsets in the header are relative to the start of the data section, which begins at file offset 8 + N.
/// </remarks>
internal static partial class SafeTensorsFormat
{
    /// <summary>Python's safetensors refuses headers larger than this, so files we write must stay under it too.</summary>
    public const long MaxHeaderLength = 100_000_000;

    public const string MetadataKey = "__metadata__";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // The default encoder escapes '+', '<', non-ASCII, etc.; serde_json (used by Python's safetensors) does not,
        // and matching it keeps headers byte-identical for ordinary names.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a complete safetensors file to <paramref name="stream"/>.</summary>
    /// <remarks>
    /// Tensors are laid out contiguously in the order given. Python sorts them by dtype alignment and name instead;
    /// both produce valid files, and keeping the caller's order makes the output deterministic without a sort policy.
    /// </remarks>
    /// <exception cref="ArgumentException">Invalid names, shapes or data lengths; the stream is not written to.</exception>
    public static void Write(
        Stream stream,
        IReadOnlyList<(string Name, SafeDType DType, long[] Shape, ReadOnlyMemory<byte> Data)> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);

        byte[] header = BuildHeader(tensors, metadata);

        Span<byte> lengthPrefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthPrefix, (ulong)header.Length);
        stream.Write(lengthPrefix);
        stream.Write(header);
        foreach (var tensor in tensors)
            stream.Write(tensor.Data.Span);
    }

    /// <summary>Builds the space-padded JSON header; validates everything first so a failed Write emits nothing.</summary>
    private static byte[] BuildHeader(
        IReadOnlyList<(string Name, SafeDType DType, long[] Shape, ReadOnlyMemory<byte> Data)> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (metadata is not null)
            {
                writer.WritePropertyName(MetadataKey);
                writer.WriteStartObject();
                foreach (var (key, value) in metadata)
                {
                    if (key is null || value is null)
                        throw new ArgumentException("Metadata keys and values must not be null.", nameof(metadata));
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, dtype, shape, data) in tensors)
            {
                ValidateForWrite(name, dtype, shape, data.Length, names);
                long end = checked(offset + data.Length);

                writer.WritePropertyName(name);
                writer.WriteStartObject();
                writer.WriteString("dtype", dtype.ToFormatString());
                writer.WritePropertyName("shape");
                writer.WriteStartArray();
                foreach (long dim in shape)
                    writer.WriteNumberValue(dim);
                writer.WriteEndArray();
                writer.WritePropertyName("data_offsets");
                writer.WriteStartArray();
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(end);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset = end;
            }
            writer.WriteEndObject();
        }

        // Readers that memory-map the file expect the data section to start 8-byte aligned, and Python pads with
        // spaces (valid trailing JSON whitespace) to achieve it; since the prefix is 8 bytes, pad N itself to 8.
        int jsonLength = buffer.WrittenCount;
        int padded = checked((jsonLength + 7) & ~7);
        if (padded > MaxHeaderLength)
            throw new ArgumentException(
                $"The safetensors header would be {padded} bytes, above the {MaxHeaderLength}-byte limit readers enforce.",
                nameof(tensors));

        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(jsonLength).Fill((byte)' ');
        return header;
    }

    private static void ValidateForWrite(string name, SafeDType dtype, long[] shape, int dataLength, HashSet<string> names)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("Tensor names must be non-empty.", nameof(name));
        if (name == MetadataKey)
            throw new ArgumentException($"'{MetadataKey}' is reserved and cannot be a tensor name.", nameof(name));
        if (!names.Add(name))
            throw new ArgumentException($"Duplicate tensor name '{name}'.", nameof(name));
        if (!SafeDTypeInfo.IsDefined(dtype))
            throw new ArgumentException($"Tensor '{name}': undefined dtype value {(int)dtype}.", nameof(dtype));
        if (shape is null)
            throw new ArgumentException($"Tensor '{name}': shape must not be null.", nameof(shape));

        long numel = 1;
        try
        {
            foreach (long dim in shape)
            {
                if (dim < 0)
                    throw new ArgumentException($"Tensor '{name}': negative dimension {dim}.", nameof(shape));
                numel = checked(numel * dim);
            }
            long expected = checked(numel * dtype.ElementSize());
            if (expected != dataLength)
                throw new ArgumentException(
                    $"Tensor '{name}': data is {dataLength} bytes but shape and dtype {dtype} require {expected}.",
                    nameof(dataLength));
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"Tensor '{name}': element count overflows.", nameof(shape));
        }
    }
}
