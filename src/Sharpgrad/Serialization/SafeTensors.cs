using System.Runtime.InteropServices;
using System.Text;
using Sharpgrad.Ops;

namespace Sharpgrad.Serialization;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header length, JSON header, raw
/// little-endian data), interchangeable with Python's safetensors and Hugging Face checkpoints.
/// PyTorch: safetensors.torch.save_file / load_file.
/// </summary>
public static class SafeTensors
{
    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/> atomically: a temporary file in the same folder,
    /// flushed, then renamed, so a crash never leaves a half-written file under the final name. Tensors are laid
    /// out in Python's order (by dtype, then name), so the bytes match Python's for the same input; non-contiguous
    /// tensors are written in row-major order.
    /// </summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var entries = Encode(tensors);
        AtomicFile.Write(path, s => SafeTensorsFormat.Write(s, entries, metadata));
    }

    /// <summary>The bytes <see cref="Save"/> would write. PyTorch: safetensors.torch.save.</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var entries = Encode(tensors);
        using var stream = new MemoryStream();
        SafeTensorsFormat.Write(stream, entries, metadata);
        return stream.ToArray();
    }

    /// <summary>
    /// Every tensor of a safetensors file, in header order. F32, F64, I64 and BOOL load as themselves; F16 and BF16 as
    /// Float32; I32, I16, I8 and U8 widen to Int64 (the contract's rule: see the overload taking keepIntegerDTypes for
    /// PyTorch's own dtypes). A malformed or hostile file throws <see cref="InvalidDataException"/> naming the problem.
    /// PyTorch: safetensors.torch.load_file.
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> Load(string path) => Load(path, keepIntegerDTypes: false);

    /// <summary>
    /// <see cref="Load(string)"/>; with <paramref name="keepIntegerDTypes"/> I32, I16, I8 and U8 load as Int32, Int16,
    /// Int8 and UInt8, as PyTorch's loader gives them.
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> Load(string path, bool keepIntegerDTypes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(stream, keepIntegerDTypes);
    }

    /// <summary>Every tensor of a safetensors file held in a seekable stream (read from its start), as <see cref="Load(string)"/>.</summary>
    public static IReadOnlyDictionary<string, Tensor> Load(Stream stream) => Load(stream, keepIntegerDTypes: false);

    /// <summary>
    /// Every tensor of a safetensors file held in a seekable stream; with <paramref name="keepIntegerDTypes"/> the narrow
    /// integer dtypes load as themselves.
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> Load(Stream stream, bool keepIntegerDTypes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (entries, _, dataStart) = SafeTensorsFormat.ReadHeader(stream);
        var shapes = entries.Select(ToShape).ToArray(); // every shape is checked before any data is read
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            byte[] bytes = SafeTensorsFormat.ReadData(stream, entry, dataStart);
            result[entry.Name] = entry.DType switch
            {
                SafeDType.F32 or SafeDType.F16 or SafeDType.BF16 => Tensor.Wrap(SafeTensorsConvert.ToSingle(bytes, entry.DType), shapes[i]),
                SafeDType.F64 => Tensor.Wrap(SafeTensorsConvert.ToDouble(bytes, entry.DType), shapes[i]),
                SafeDType.BOOL => Tensor.Wrap(SafeTensorsConvert.ToBoolean(bytes, entry.DType), shapes[i]),
                SafeDType.I32 when keepIntegerDTypes => Tensor.Wrap(SafeTensorsConvert.ToInt32(bytes, entry.DType), shapes[i]),
                SafeDType.U8 when keepIntegerDTypes => Tensor.Wrap(bytes, shapes[i]),
                SafeDType.I16 when keepIntegerDTypes => Tensor.Wrap(SafeTensorsConvert.ToInt16(bytes, entry.DType), shapes[i]),
                SafeDType.I8 when keepIntegerDTypes => Tensor.Wrap(SafeTensorsConvert.ToInt8(bytes, entry.DType), shapes[i]),
                _ => Tensor.Wrap(SafeTensorsConvert.ToInt64(bytes, entry.DType), shapes[i]),
            };
        }
        return result;
    }

    /// <summary>Tensors from the bytes of a safetensors file, as <see cref="Load(string)"/>. PyTorch: safetensors.torch.load.</summary>
    public static IReadOnlyDictionary<string, Tensor> Deserialize(byte[] data) => Deserialize(data, keepIntegerDTypes: false);

    /// <summary>Tensors from the bytes of a safetensors file; with <paramref name="keepIntegerDTypes"/> the narrow integer dtypes load as themselves.</summary>
    public static IReadOnlyDictionary<string, Tensor> Deserialize(byte[] data, bool keepIntegerDTypes)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream(data, writable: false);
        return Load(stream, keepIntegerDTypes);
    }

    /// <summary>The <c>__metadata__</c> map of a safetensors file (empty when absent); reads only the header.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return SafeTensorsFormat.ReadHeader(stream).Metadata;
    }

    private static int[] ToShape(SafeTensorEntry entry)
    {
        var shape = new int[entry.Shape.Length];
        long numel = 1;
        for (int d = 0; d < shape.Length; d++)
        {
            long dim = entry.Shape[d];
            if (dim > int.MaxValue)
                throw new InvalidDataException($"Invalid safetensors file: tensor '{entry.Name}' has dimension {dim}, above Sharpgrad's limit of {int.MaxValue}.");
            shape[d] = (int)dim;
            numel = Math.Min(numel * dim, (long)int.MaxValue + 1);
        }
        if (numel > int.MaxValue)
            throw new InvalidDataException($"Invalid safetensors file: tensor '{entry.Name}' has more than {int.MaxValue} elements, Sharpgrad's limit.");
        return shape;
    }

    // Python's safetensors sorts by dtype (descending in its Dtype enum), then by name; matching it makes the bytes equal.
    private static int Rank(SafeDType d) => d switch
    {
        SafeDType.I64 => 0,
        SafeDType.F64 => 1,
        SafeDType.F32 => 2,
        SafeDType.I32 => 3,
        SafeDType.BF16 => 4,
        SafeDType.F16 => 5,
        SafeDType.I16 => 6,
        SafeDType.I8 => 7,
        SafeDType.U8 => 8,
        _ => 9,
    };

    /// <summary>Converts and validates every tensor before anything is written.</summary>
    private static List<(string Name, SafeDType DType, long[] Shape, ReadOnlyMemory<byte> Data)> Encode(IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var entries = new List<(string Name, SafeDType DType, long[] Shape, ReadOnlyMemory<byte> Data)>(tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            if (tensor is null) throw new ArgumentException($"Tensor '{name}' is null.", nameof(tensors));
            tensor.ThrowIfDisposed();
            var c = OpHelpers.ContiguousRaw(tensor);
            int n = c.Numel;
            (SafeDType dtype, byte[] data) = c.DType switch
            {
                DType.Float32 => (SafeDType.F32, SafeTensorsConvert.FromSingle(c.Elements<float>().AsSpan(c.Offset, n), SafeDType.F32)),
                DType.Float64 => (SafeDType.F64, SafeTensorsConvert.FromDouble(c.Elements<double>().AsSpan(c.Offset, n))),
                DType.Int64 => (SafeDType.I64, SafeTensorsConvert.FromInt64(c.Elements<long>().AsSpan(c.Offset, n), SafeDType.I64)),
                DType.Int32 => (SafeDType.I32, SafeTensorsConvert.FromInt32(c.Elements<int>().AsSpan(c.Offset, n))),
                DType.UInt8 => (SafeDType.U8, c.Elements<byte>().AsSpan(c.Offset, n).ToArray()),
                DType.Int16 => (SafeDType.I16, SafeTensorsConvert.FromInt16(c.Elements<short>().AsSpan(c.Offset, n))),
                DType.Int8 => (SafeDType.I8, MemoryMarshal.AsBytes(c.Elements<sbyte>().AsSpan(c.Offset, n)).ToArray()),
                _ => (SafeDType.BOOL, SafeTensorsConvert.FromBoolean(c.Elements<bool>().AsSpan(c.Offset, n))),
            };
            if (!ReferenceEquals(c, tensor)) c.Dispose();
            entries.Add((name, dtype, tensor.Shape.Select(s => (long)s).ToArray(), data));
        }
        entries.Sort(static (a, b) =>
        {
            int byType = Rank(a.DType).CompareTo(Rank(b.DType));
            return byType != 0 ? byType : Utf8Compare(a.Name, b.Name);
        });
        return entries;
    }

    // Rust compares names as UTF-8 bytes; UTF-16 ordinal order differs above U+FFFF.
    private static int Utf8Compare(string a, string b) =>
        Encoding.UTF8.GetBytes(a ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b ?? ""));
}
