using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Unicode;

namespace Sharpgrad.Serialization;

internal static partial class SafeTensorsFormat
{
    // Python-written headers are three levels deep (root, entry, shape); a little slack allows unknown extra fields,
    // while a small limit keeps hostile nesting from costing stack or time.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 8,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    // Hostile files can carry megabyte-long names; error messages quote at most this many characters of them.
    private const int MaxQuotedNameLength = 80;

    /// <summary>Reads the header of a file whose first byte is at the stream's start (position 0 after seeking).</summary>
    public static (IReadOnlyList<SafeTensorEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart)
        ReadHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
            throw new ArgumentException("The stream must be seekable to learn its length.", nameof(stream));
        stream.Position = 0;
        return ReadHeader(stream, stream.Length);
    }

    /// <summary>Reads and fully validates the header of a safetensors file.</summary>
    /// <param name="stream">Positioned at the first byte of the file.</param>
    /// <param name="fileLength">Total file length; the data section must end exactly there.</param>
    /// <returns>
    /// Entries in header order, the <c>__metadata__</c> map (empty when absent) and the file offset of the data
    /// section. Every entry is guaranteed to lie inside the data section, with the entries tiling it exactly.
    /// </returns>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the problem.</exception>
    public static (IReadOnlyList<SafeTensorEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart)
        ReadHeader(Stream stream, long fileLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (fileLength < 8)
            throw Bad($"file is too short ({fileLength} bytes) to hold the 8-byte header length");
        // A caller-supplied length larger than the stream would let a hostile header length drive a large allocation.
        if (stream.CanSeek && fileLength > stream.Length - stream.Position)
            throw Bad($"declared file length {fileLength} exceeds the {stream.Length - stream.Position} bytes available");

        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(stream, prefix, "header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);

        // Both limits are checked before allocating, so the buffer is never larger than the file itself.
        if (headerLength > MaxHeaderLength)
            throw Bad($"header length {headerLength} exceeds the {MaxHeaderLength}-byte limit");
        if (headerLength > (ulong)(fileLength - 8))
            throw Bad($"header length {headerLength} exceeds the file size ({fileLength} bytes including the 8-byte prefix)");

        var header = new byte[(int)headerLength];
        ReadExactly(stream, header, "header");

        long dataStart = 8 + (long)headerLength;
        var (entries, metadata) = ParseHeader(header, fileLength - dataStart);
        return (entries, metadata, dataStart);
    }

    /// <summary>Reads one tensor's raw bytes into <paramref name="destination"/>, which must be exactly its size.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="entry">The tensor to read.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="dataStart">The <c>DataStart</c> returned by <see cref="ReadHeader(Stream, long)"/>.</param>
    public static void ReadData(Stream stream, SafeTensorEntry entry, long dataStart, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entry);
        if (!stream.CanSeek)
            throw new ArgumentException("The stream must be seekable.", nameof(stream));
        if (entry.Begin < 0 || entry.End < entry.Begin || dataStart < 8)
            throw new ArgumentException("The entry or data start did not come from ReadHeader.", nameof(entry));
        if (destination.Length != entry.ByteLength)
            throw new ArgumentException(
                $"Destination is {destination.Length} bytes but tensor '{entry.Name}' has {entry.ByteLength}.",
                nameof(destination));

        stream.Position = checked(dataStart + entry.Begin);
        ReadExactly(stream, destination, $"data of tensor {Quote(entry.Name)}");
    }

    /// <summary>Reads one tensor's raw bytes into a new array.</summary>
    public static byte[] ReadData(Stream stream, SafeTensorEntry entry, long dataStart)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ByteLength > Array.MaxLength)
            throw Bad($"tensor {Quote(entry.Name)} is {entry.ByteLength} bytes, too large for a single array");
        var data = new byte[entry.ByteLength];
        ReadData(stream, entry, dataStart, data);
        return data;
    }

    /// <summary>Parses and validates header bytes (everything after the 8-byte length prefix).</summary>
    internal static (IReadOnlyList<SafeTensorEntry> Entries, IReadOnlyDictionary<string, string> Metadata)
        ParseHeader(ReadOnlyMemory<byte> header, long dataLength)
    {
        if (!Utf8.IsValid(header.Span))
            throw Bad("header is not valid UTF-8");
        // Python rejects leading whitespace too; checking here also keeps non-object roots out early.
        if (header.Length == 0 || header.Span[0] != (byte)'{')
            throw Bad("header must start with '{'");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Bad($"header is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            try
            {
                return Interpret(document.RootElement, dataLength);
            }
            catch (InvalidOperationException ex)
            {
                // JsonElement throws this for escapes that decode to invalid text, such as a lone "\ud800".
                throw Bad($"header contains an invalid string: {ex.Message}", ex);
            }
        }
    }

    private static (IReadOnlyList<SafeTensorEntry>, IReadOnlyDictionary<string, string>) Interpret(
        JsonElement root, long dataLength)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Bad("header must be a JSON object");

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<SafeTensorEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            string name = property.Name;
            // JsonDocument keeps duplicate keys; Python would silently take one of them, which hides tampering.
            if (!keys.Add(name))
                throw Bad($"duplicate key {Quote(name)}");
            if (name == MetadataKey)
                ReadMetadata(property.Value, metadata);
            else
                entries.Add(ReadEntry(name, property.Value, dataLength));
        }

        ValidateLayout(entries, dataLength);
        return (entries, metadata);
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata)
    {
        // serde maps an explicit null to "no metadata", so accept it the same way.
        if (value.ValueKind == JsonValueKind.Null)
            return;
        if (value.ValueKind != JsonValueKind.Object)
            throw Bad($"'{MetadataKey}' must be a JSON object of strings");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw Bad($"'{MetadataKey}' value for key {Quote(item.Name)} must be a string, not {item.Value.ValueKind}");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw Bad($"duplicate '{MetadataKey}' key {Quote(item.Name)}");
        }
    }

    private static SafeTensorEntry ReadEntry(string name, JsonElement value, long dataLength)
    {
        if (name.Length == 0)
            throw Bad("tensor name must not be empty");
        string t = $"tensor {Quote(name)}";
        if (value.ValueKind != JsonValueKind.Object)
            throw Bad($"{t}: entry must be a JSON object, not {value.ValueKind}");

        JsonElement? dtypeElement = null, shapeElement = null, offsetsElement = null;
        foreach (var field in value.EnumerateObject())
        {
            // Unknown fields are ignored, as serde does, so files from newer writers still load.
            switch (field.Name)
            {
                case "dtype": SetOnce(ref dtypeElement, field.Value, t, "dtype"); break;
                case "shape": SetOnce(ref shapeElement, field.Value, t, "shape"); break;
                case "data_offsets": SetOnce(ref offsetsElement, field.Value, t, "data_offsets"); break;
            }
        }

        if (dtypeElement is not { } dtypeValue)
            throw Bad($"{t}: missing 'dtype'");
        if (shapeElement is not { } shapeValue)
            throw Bad($"{t}: missing 'shape'");
        if (offsetsElement is not { } offsetsValue)
            throw Bad($"{t}: missing 'data_offsets'");

        if (dtypeValue.ValueKind != JsonValueKind.String)
            throw Bad($"{t}: 'dtype' must be a string, not {dtypeValue.ValueKind}");
        string dtypeText = dtypeValue.GetString()!;
        if (!SafeDTypeInfo.TryParse(dtypeText, out SafeDType dtype))
            throw Bad($"{t}: unsupported dtype '{Truncate(dtypeText)}'");

        long[] shape = ReadShape(shapeValue, t);
        long expectedBytes;
        try
        {
            long numel = 1;
            foreach (long dim in shape)
                numel = checked(numel * dim);
            expectedBytes = checked(numel * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            throw Bad($"{t}: element count of shape [{string.Join(",", shape)}] overflows");
        }

        if (offsetsValue.ValueKind != JsonValueKind.Array || offsetsValue.GetArrayLength() != 2)
            throw Bad($"{t}: 'data_offsets' must be an array of two integers");
        long begin = ReadNonNegative(offsetsValue[0], t, "data_offsets");
        long end = ReadNonNegative(offsetsValue[1], t, "data_offsets");
        if (begin > end)
            throw Bad($"{t}: data_offsets begin {begin} is greater than end {end}");
        if (end > dataLength)
            throw Bad($"{t}: data_offsets end {end} is beyond the data section ({dataLength} bytes)");
        if (end - begin != expectedBytes)
            throw Bad($"{t}: data_offsets span {end - begin} bytes but {dtype} shape [{string.Join(",", shape)}] needs {expectedBytes}");

        return new SafeTensorEntry(name, dtype, shape, begin, end);
    }

    private static void SetOnce(ref JsonElement? slot, JsonElement value, string t, string field)
    {
        if (slot is not null)
            throw Bad($"{t}: duplicate key '{field}'");
        slot = value;
    }

    private static long[] ReadShape(JsonElement value, string t)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw Bad($"{t}: 'shape' must be an array, not {value.ValueKind}");
        // The array already exists in the parsed header, so this allocation is bounded by the header size.
        var shape = new long[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out long dim) && dim < 0)
                throw Bad($"{t}: negative dimension {dim} in 'shape'");
            shape[i++] = ReadNonNegative(item, t, "shape");
        }
        return shape;
    }

    private static long ReadNonNegative(JsonElement item, string t, string field)
    {
        if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number) || number < 0)
            throw Bad($"{t}: '{field}' entries must be non-negative integers, found {Describe(item)}");
        return number;
    }

    /// <summary>Requires the tensors to tile the data section exactly, as Python's safetensors does.</summary>
    /// <remarks>Holes could hide smuggled payloads and overlaps would alias tensors that are meant to be distinct.</remarks>
    private static void ValidateLayout(List<SafeTensorEntry> entries, long dataLength)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            int c = a.Begin.CompareTo(b.Begin);
            if (c == 0) c = a.End.CompareTo(b.End);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });

        long position = 0;
        string? previous = null;
        foreach (var entry in sorted)
        {
            if (entry.Begin > position)
                throw Bad(previous is null
                    ? $"tensor {Quote(entry.Name)} begins at {entry.Begin}, leaving a gap at the start of the data section"
                    : $"gap of {entry.Begin - position} bytes between tensor {Quote(previous)} and tensor {Quote(entry.Name)}");
            if (entry.Begin < position)
                throw Bad($"tensor {Quote(entry.Name)} (begins at {entry.Begin}) overlaps tensor {Quote(previous!)} (ends at {position})");
            position = entry.End;
            previous = entry.Name;
        }

        if (position != dataLength)
            throw Bad($"data section is {dataLength} bytes but the tensors cover only {position}; {dataLength - position} trailing bytes");
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw Bad($"file is truncated while reading the {what}", ex);
        }
    }

    private static string Describe(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null =>
            Truncate(item.GetRawText()),
        _ => item.ValueKind.ToString(),
    };

    private static string Truncate(string text) =>
        text.Length <= MaxQuotedNameLength ? text : string.Concat(text.AsSpan(0, MaxQuotedNameLength), "...");

    private static string Quote(string name) => $"'{Truncate(name)}'";

    private static InvalidDataException Bad(string message, Exception? inner = null) =>
        new($"safetensors: {message}.", inner);
}
