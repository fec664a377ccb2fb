using System.Text;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

public class GoldenBytesTests
{
    /// <summary>
    /// The bytes Python's <c>safetensors.torch.save_file({"a": torch.arange(6.).reshape(2, 3)}, f, {"k": "v"})</c>
    /// produces, assembled by hand from the format spec rather than by our writer.
    /// </summary>
    private static byte[] Expected()
    {
        const string json = """{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}""";
        Assert.Equal(82, json.Length);
        // 82 bytes of JSON padded with 6 spaces to 88 = 0x58, so 8 + 88 is a multiple of 8.
        byte[] prefix = [0x58, 0, 0, 0, 0, 0, 0, 0];
        byte[] header = Encoding.ASCII.GetBytes(json + "      ");
        byte[] data =
        [
            0x00, 0x00, 0x00, 0x00, // 0.0f
            0x00, 0x00, 0x80, 0x3F, // 1.0f
            0x00, 0x00, 0x00, 0x40, // 2.0f
            0x00, 0x00, 0x40, 0x40, // 3.0f
            0x00, 0x00, 0x80, 0x40, // 4.0f
            0x00, 0x00, 0xA0, 0x40, // 5.0f
        ];
        return [.. prefix, .. header, .. data];
    }

    [Fact]
    public void WriterProducesPythonBytes()
    {
        byte[] data = SafeTensorsConvert.FromSingle([0f, 1f, 2f, 3f, 4f, 5f], SafeDType.F32);
        byte[] actual = TestFiles.Write([("a", SafeDType.F32, [2, 3], data)], new Dictionary<string, string> { ["k"] = "v" });
        Assert.Equal(Expected(), actual);
    }

    [Fact]
    public void ReaderParsesPythonBytes()
    {
        byte[] file = Expected();
        var (entries, metadata, dataStart) = TestFiles.Load(file);
        Assert.Equal(96, dataStart);
        Assert.Equal("v", Assert.Single(metadata).Value);
        var entry = Assert.Single(entries);
        Assert.Equal(new SafeTensorEntry("a", SafeDType.F32, entry.Shape, 0, 24), entry);
        Assert.Equal([2L, 3L], entry.Shape);

        using var stream = new MemoryStream(file);
        float[] values = SafeTensorsConvert.ToSingle(SafeTensorsFormat.ReadData(stream, entry, dataStart), entry.DType);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], values);
    }
}
