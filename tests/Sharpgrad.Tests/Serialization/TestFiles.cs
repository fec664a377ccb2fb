using System.Buffers.Binary;
using System.Text;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

internal static class TestFiles
{
    public static byte[] Write(
        IReadOnlyList<(string Name, SafeDType DType, long[] Shape, ReadOnlyMemory<byte> Data)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        SafeTensorsFormat.Write(stream, tensors, metadata);
        return stream.ToArray();
    }

    /// <summary>Assembles a file from a hand-written header so tests can express malformed layouts directly.</summary>
    public static byte[] Raw(string json, int dataLength = 0, ulong? headerLength = null) =>
        Raw(Encoding.UTF8.GetBytes(json), new byte[dataLength], headerLength);

    public static byte[] Raw(byte[] header, byte[] data, ulong? headerLength = null)
    {
        var file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, headerLength ?? (ulong)header.Length);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    public static (IReadOnlyList<SafeTensorEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart)
        Load(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        return SafeTensorsFormat.ReadHeader(stream, file.Length);
    }

    /// <summary>Loads the header and every tensor's bytes, touching all the code a real load would.</summary>
    public static Dictionary<string, byte[]> LoadAll(byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        var (entries, _, dataStart) = SafeTensorsFormat.ReadHeader(stream, file.Length);
        var result = new Dictionary<string, byte[]>();
        foreach (var entry in entries)
        {
            byte[] bytes = SafeTensorsFormat.ReadData(stream, entry, dataStart);
            _ = entry.DType switch
            {
                SafeDType.F32 or SafeDType.F16 or SafeDType.BF16 => SafeTensorsConvert.ToSingle(bytes, entry.DType).Length,
                SafeDType.F64 => SafeTensorsConvert.ToDouble(bytes, entry.DType).Length,
                SafeDType.BOOL => SafeTensorsConvert.ToBoolean(bytes, entry.DType).Length,
                _ => SafeTensorsConvert.ToInt64(bytes, entry.DType).Length,
            };
            result.Add(entry.Name, bytes);
        }
        return result;
    }

    /// <summary>Loads through the public API, disposing what it returns.</summary>
    public static int LoadPublic(byte[] file)
    {
        var tensors = SafeTensors.Deserialize(file);
        foreach (var t in tensors.Values) t.Dispose();
        return tensors.Count;
    }

    public static InvalidDataException AssertInvalid(byte[] file, string fragment)
    {
        var ex = Assert.Throws<InvalidDataException>(() => LoadAll(file));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        var api = Assert.Throws<InvalidDataException>(() => LoadPublic(file));
        Assert.Equal(ex.Message, api.Message);
        return ex;
    }
}
