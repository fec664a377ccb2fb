using System.Text;
using Sharpgrad.Serialization;
using static Sharpgrad.Tests.Serialization.TestFiles;

namespace Sharpgrad.Tests.Serialization;

public class HostileHeaderTests
{
    /// <summary>A header around a single 4-byte F32 tensor whose entry body is supplied by the test.</summary>
    private static byte[] One(string entry, int dataLength = 4) => Raw("{\"t\":" + entry + "}", dataLength);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void FileShorterThanEightBytes(int length) => AssertInvalid(new byte[length], "file is too short");

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 63)]
    [InlineData(100_000_001UL)]
    public void HeaderLengthAboveLimit(ulong length) => AssertInvalid(Raw("{}", 0, length), "exceeds the 100000000-byte limit");

    [Theory]
    [InlineData(3UL)]
    [InlineData(1000UL)]
    [InlineData(100_000_000UL)]
    public void HeaderLengthBeyondFile(ulong length) => AssertInvalid(Raw("{}", 0, length), "exceeds the file size");

    [Fact]
    public void HeaderLengthShorterThanJson() => AssertInvalid(Raw("{\"__metadata__\":{}}", 0, 5), "not valid JSON");

    [Fact]
    public void DeclaredFileLengthLargerThanStream()
    {
        byte[] file = Raw("{}");
        using var stream = new MemoryStream(file);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensorsFormat.ReadHeader(stream, file.Length + 100));
        Assert.Contains("declared file length", ex.Message);
    }

    [Fact]
    public void NonSeekableStreamEndingEarly()
    {
        byte[] file = Raw("{\"__metadata__\":{}}");
        using var stream = new NonSeekableStream(file.AsSpan(0, 12).ToArray());
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensorsFormat.ReadHeader(stream, file.Length));
        Assert.Contains("truncated while reading the header", ex.Message);
    }

    [Fact]
    public void InvalidUtf8() => AssertInvalid(Raw([.. "{\""u8, 0xFF, 0xFE, .. "\":1}"u8], []), "not valid UTF-8");

    [Theory]
    [InlineData("")]
    [InlineData(" {}")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    [InlineData("\uFEFF{}")]
    public void HeaderMustStartWithBrace(string header) => AssertInvalid(Raw(header), "header must start with '{'");

    [Theory]
    [InlineData("{")]
    [InlineData("{}x")]
    [InlineData("{}{}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{/*c*/}")]
    [InlineData("{'a':1}")]
    [InlineData("{}\0\0\0\0")]
    [InlineData("{\"x\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}")]
    public void NotValidJson(string header) => AssertInvalid(Raw(header), "header is not valid JSON");

    [Fact]
    public void LoneSurrogateEscape() => AssertInvalid(Raw("{\"\\ud800\":{}}"), "invalid string");

    [Theory]
    [InlineData("5", "entry must be a JSON object")]
    [InlineData("[]", "entry must be a JSON object")]
    [InlineData("null", "entry must be a JSON object")]
    [InlineData("{\"shape\":[1],\"data_offsets\":[0,4]}", "missing 'dtype'")]
    [InlineData("{\"dtype\":\"F32\",\"data_offsets\":[0,4]}", "missing 'shape'")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1]}", "missing 'data_offsets'")]
    [InlineData("{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}", "'dtype' must be a string")]
    [InlineData("{\"dtype\":null,\"shape\":[1],\"data_offsets\":[0,4]}", "'dtype' must be a string")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":1,\"data_offsets\":[0,4]}", "'shape' must be an array")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":{},\"data_offsets\":[0,4]}", "'shape' must be an array")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[\"1\"],\"data_offsets\":[0,4]}", "'shape' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}", "'shape' entries must be non-negative integers, found 1.0")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1e400],\"data_offsets\":[0,4]}", "'shape' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}", "'shape' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[null],\"data_offsets\":[0,4]}", "'shape' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}", "negative dimension -1")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[-1,-1],\"data_offsets\":[0,4]}", "negative dimension -1")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}", "overflows")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[4611686018427387904],\"data_offsets\":[0,4]}", "overflows")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":4}", "'data_offsets' must be an array of two integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}", "'data_offsets' must be an array of two integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,4]}", "'data_offsets' must be an array of two integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}", "'data_offsets' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,\"4\"]}", "'data_offsets' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4.5]}", "'data_offsets' entries must be non-negative integers")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}", "begin 4 is greater than end 0")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}", "span 4 bytes but F32 shape [2] needs 8")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}", "end 8 is beyond the data section (4 bytes)")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,9223372036854775807]}", "beyond the data section")]
    [InlineData("{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", "tensor 't': duplicate key 'dtype'")]
    [InlineData("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"shape\":[1]}", "tensor 't': duplicate key 'shape'")]
    public void MalformedEntry(string entry, string fragment)
    {
        var ex = AssertInvalid(One(entry), fragment);
        Assert.Contains("tensor 't'", ex.Message);
    }

    [Theory]
    [InlineData("F8_E4M3")]
    [InlineData("F8_E5M2")]
    [InlineData("U16")]
    [InlineData("U32")]
    [InlineData("U64")]
    [InlineData("C64")]
    [InlineData("f32")]
    [InlineData("0")]
    [InlineData("")]
    public void UnsupportedDType(string dtype) =>
        AssertInvalid(One($"{{\"dtype\":\"{dtype}\",\"shape\":[1],\"data_offsets\":[0,4]}}"), $"tensor 't': unsupported dtype '{dtype}'");

    [Fact]
    public void UnknownEntryFieldsAreIgnoredLikePython()
    {
        var (entries, _, _) = Load(One("{\"extra\":{\"nested\":[1]},\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}"));
        Assert.Single(entries);
    }

    private const string A = "\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}";

    [Fact]
    public void OverlappingTensors() =>
        AssertInvalid(Raw("{" + A + ",\"b\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[2,6]}}", 6),
            "tensor 'b' (begins at 2) overlaps tensor 'a' (ends at 4)");

    [Fact]
    public void IdenticalOffsetsOverlap() =>
        AssertInvalid(Raw("{" + A + ",\"b\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}", 4), "overlaps");

    [Fact]
    public void GapBetweenTensors() =>
        AssertInvalid(Raw("{" + A + ",\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[6,8]}}", 8),
            "gap of 2 bytes between tensor 'a' and tensor 'b'");

    [Fact]
    public void GapAtStart() =>
        AssertInvalid(Raw("{\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]}}", 4), "tensor 'b' begins at 2, leaving a gap at the start");

    [Fact]
    public void TrailingBytesAfterLastTensor() => AssertInvalid(Raw("{" + A + "}", 5), "1 trailing bytes");

    [Fact]
    public void DataWithoutTensors() => AssertInvalid(Raw("{}", 3), "3 trailing bytes");

    [Fact]
    public void OutOfOrderButTilingOffsetsAreAccepted()
    {
        var (entries, _, _) = Load(Raw("{\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[4,6]}," + A + "}", 6));
        Assert.Equal(["b", "a"], entries.Select(e => e.Name));
    }

    [Fact]
    public void DuplicateTensorKey() => AssertInvalid(Raw("{" + A + "," + A + "}", 4), "duplicate key 'a'");

    [Fact]
    public void DuplicateKeyHiddenByEscape() =>
        AssertInvalid(Raw("{" + A + "," + A.Replace("\"a\"", "\"\\u0061\"") + "}", 4), "duplicate key 'a'");

    [Fact]
    public void DuplicateMetadataSection() =>
        AssertInvalid(Raw("{\"__metadata__\":{},\"__metadata__\":{}}"), "duplicate key '__metadata__'");

    [Fact]
    public void EmptyTensorName() =>
        AssertInvalid(Raw("{\"\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[0,0]}}"), "tensor name must not be empty");

    [Theory]
    [InlineData("{\"k\":1}", "value for key 'k' must be a string")]
    [InlineData("{\"k\":null}", "value for key 'k' must be a string")]
    [InlineData("{\"k\":{}}", "value for key 'k' must be a string")]
    [InlineData("{\"k\":\"v\",\"k\":\"w\"}", "duplicate '__metadata__' key 'k'")]
    [InlineData("[]", "'__metadata__' must be a JSON object of strings")]
    [InlineData("\"x\"", "'__metadata__' must be a JSON object of strings")]
    public void BadMetadata(string metadata, string fragment) =>
        AssertInvalid(Raw("{\"__metadata__\":" + metadata + "}"), fragment);

    [Fact]
    public void NullMetadataMeansNoneLikePython() => Assert.Empty(Load(Raw("{\"__metadata__\":null}")).Metadata);

    [Fact]
    public void HugeNamesAreTruncatedInMessages()
    {
        string name = new('n', 100_000);
        var ex = AssertInvalid(Raw("{\"" + name + "\":{\"dtype\":\"XX\",\"shape\":[0],\"data_offsets\":[0,0]}}"), "unsupported dtype 'XX'");
        Assert.True(ex.Message.Length < 300);
    }

    [Fact]
    public void DataTruncatedAfterHeaderWasRead()
    {
        byte[] file = Raw("{" + A + "}", 4);
        using var full = new MemoryStream(file);
        var (entries, _, dataStart) = SafeTensorsFormat.ReadHeader(full, file.Length);
        using var shorter = new MemoryStream(file[..^2]);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensorsFormat.ReadData(shorter, entries[0], dataStart));
        Assert.Contains("truncated while reading the data of tensor 'a'", ex.Message);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
