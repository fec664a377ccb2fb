using System.Buffers.Binary;
using System.Text;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

public class RoundTripTests
{
    private static readonly long[] Shape23 = [2, 3];

    private static byte[] Encode(SafeDType dtype, int count)
    {
        // Values chosen to be exactly representable in every float format and in range for every integer format.
        var ints = Enumerable.Range(0, count).Select(i => (long)(i % 2 == 0 ? i : -i)).ToArray();
        return dtype switch
        {
            SafeDType.F32 or SafeDType.F16 or SafeDType.BF16 =>
                SafeTensorsConvert.FromSingle(ints.Select(i => i * 0.5f).ToArray(), dtype),
            SafeDType.F64 => SafeTensorsConvert.FromDouble(ints.Select(i => i * 0.25).ToArray()),
            SafeDType.BOOL => SafeTensorsConvert.FromBoolean(ints.Select(i => i % 3 == 0).ToArray()),
            SafeDType.U8 => SafeTensorsConvert.FromInt64(ints.Select(Math.Abs).ToArray(), dtype),
            _ => SafeTensorsConvert.FromInt64(ints, dtype),
        };
    }

    [Theory]
    [InlineData("F32")]
    [InlineData("F64")]
    [InlineData("I64")]
    [InlineData("BOOL")]
    [InlineData("F16")]
    [InlineData("BF16")]
    [InlineData("I32")]
    [InlineData("I16")]
    [InlineData("I8")]
    [InlineData("U8")]
    public void EveryDTypeRoundTrips(string dtypeName)
    {
        Assert.True(SafeDTypeInfo.TryParse(dtypeName, out var dtype));
        byte[] data = Encode(dtype, 6);
        byte[] file = TestFiles.Write([("t", dtype, Shape23, data)]);

        var (entries, metadata, dataStart) = TestFiles.Load(file);
        var entry = Assert.Single(entries);
        Assert.Equal("t", entry.Name);
        Assert.Equal(dtype, entry.DType);
        Assert.Equal(Shape23, entry.Shape);
        Assert.Equal(0, entry.Begin);
        Assert.Equal(6L * dtype.ElementSize(), entry.End);
        Assert.Empty(metadata);
        Assert.Equal(0, dataStart % 8);
        Assert.Equal(data, TestFiles.LoadAll(file)["t"]);
    }

    [Fact]
    public void DecodedValuesMatchForEveryFamily()
    {
        float[] floats = [0f, -1.5f, 2.25f, float.PositiveInfinity];
        foreach (var dtype in new[] { SafeDType.F32, SafeDType.F16, SafeDType.BF16 })
            Assert.Equal(floats, SafeTensorsConvert.ToSingle(SafeTensorsConvert.FromSingle(floats, dtype), dtype));
        Assert.Equal(floats.Select(f => (double)f), SafeTensorsConvert.ToDouble(SafeTensorsConvert.FromSingle(floats, SafeDType.F16), SafeDType.F16));

        double[] doubles = [Math.PI, -1e300, 0];
        Assert.Equal(doubles, SafeTensorsConvert.ToDouble(SafeTensorsConvert.FromDouble(doubles), SafeDType.F64));

        long[] longs = [-128, 0, 127];
        foreach (var dtype in new[] { SafeDType.I64, SafeDType.I32, SafeDType.I16, SafeDType.I8 })
            Assert.Equal(longs, SafeTensorsConvert.ToInt64(SafeTensorsConvert.FromInt64(longs, dtype), dtype));
        Assert.Equal([0L, 255L], SafeTensorsConvert.ToInt64(new byte[] { 0, 255 }, SafeDType.U8));
        Assert.Equal([long.MinValue], SafeTensorsConvert.ToInt64(SafeTensorsConvert.FromInt64([long.MinValue], SafeDType.I64), SafeDType.I64));

        bool[] bools = [true, false, true];
        Assert.Equal(bools, SafeTensorsConvert.ToBoolean(SafeTensorsConvert.FromBoolean(bools), SafeDType.BOOL));
    }

    [Fact]
    public void ConversionsReadLittleEndianBytes()
    {
        Assert.Equal([1f], SafeTensorsConvert.ToSingle(new byte[] { 0x00, 0x00, 0x80, 0x3F }, SafeDType.F32));
        Assert.Equal([1f], SafeTensorsConvert.ToSingle(new byte[] { 0x00, 0x3C }, SafeDType.F16));
        Assert.Equal([1f], SafeTensorsConvert.ToSingle(new byte[] { 0x80, 0x3F }, SafeDType.BF16));
        Assert.Equal([-2L], SafeTensorsConvert.ToInt64(new byte[] { 0xFE, 0xFF }, SafeDType.I16));
        Assert.Equal([-1L], SafeTensorsConvert.ToInt64(new byte[] { 0xFF }, SafeDType.I8));
    }

    [Fact]
    public void BFloat16EncodingRoundsToNearestEven()
    {
        // 1 + 2^-8 is exactly halfway between two BF16 values; ties go to the even mantissa (1.0).
        Assert.Equal(0x3F80, SafeTensorsConvert.SingleToBFloat16Bits(1f + MathF.Pow(2, -8)));
        Assert.Equal(0x3F82, SafeTensorsConvert.SingleToBFloat16Bits(1f + 3 * MathF.Pow(2, -8)));
        Assert.Equal(0x3F81, SafeTensorsConvert.SingleToBFloat16Bits(1f + MathF.Pow(2, -8) + MathF.Pow(2, -20)));
        Assert.Equal(0x7F80, SafeTensorsConvert.SingleToBFloat16Bits(float.MaxValue));
        Assert.True(float.IsNaN(SafeTensorsConvert.BFloat16BitsToSingle(SafeTensorsConvert.SingleToBFloat16Bits(float.NaN))));
    }

    [Fact]
    public void ConversionErrors()
    {
        var bad = Assert.Throws<InvalidDataException>(() => SafeTensorsConvert.ToBoolean(new byte[] { 0, 1, 2 }, SafeDType.BOOL));
        Assert.Contains("element 2 has byte value 2", bad.Message);
        Assert.Throws<InvalidDataException>(() => SafeTensorsConvert.ToSingle(new byte[3], SafeDType.F32));
        Assert.Throws<ArgumentException>(() => SafeTensorsConvert.ToSingle(new byte[4], SafeDType.I32));
        Assert.Throws<ArgumentException>(() => SafeTensorsConvert.ToInt64(new byte[4], SafeDType.F32));
        Assert.Throws<OverflowException>(() => SafeTensorsConvert.FromInt64([256], SafeDType.U8));
        Assert.Throws<OverflowException>(() => SafeTensorsConvert.FromInt64([-1], SafeDType.U8));
    }

    [Fact]
    public void ZeroDimAndEmptyTensors()
    {
        byte[] scalar = SafeTensorsConvert.FromSingle([42f], SafeDType.F32);
        byte[] file = TestFiles.Write(
        [
            ("empty_first", SafeDType.F32, [0], ReadOnlyMemory<byte>.Empty),
            ("scalar", SafeDType.F32, [], scalar),
            ("empty_2d", SafeDType.I64, [3, 0], ReadOnlyMemory<byte>.Empty),
            ("empty_last", SafeDType.BOOL, [0, 5], ReadOnlyMemory<byte>.Empty),
        ]);

        var (entries, _, _) = TestFiles.Load(file);
        Assert.Equal(["empty_first", "scalar", "empty_2d", "empty_last"], entries.Select(e => e.Name));
        Assert.Empty(entries[1].Shape);
        Assert.Equal([3L, 0L], entries[2].Shape);
        var all = TestFiles.LoadAll(file);
        Assert.Equal([42f], SafeTensorsConvert.ToSingle(all["scalar"], SafeDType.F32));
        Assert.Empty(all["empty_2d"]);
    }

    [Fact]
    public void NoTensorsAtAll()
    {
        byte[] file = TestFiles.Write([], new Dictionary<string, string> { ["only"] = "metadata" });
        var (entries, metadata, dataStart) = TestFiles.Load(file);
        Assert.Empty(entries);
        Assert.Equal("metadata", metadata["only"]);
        Assert.Equal(file.Length, dataStart);
    }

    [Fact]
    public void MetadataAndUnicodeNamesRoundTrip()
    {
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["quote\"and\\slash"] = "line\nbreak \u00e9 \U0001F600 <&>+'",
            [""] = "",
        };
        string[] names = ["layer.0.weight", "\u00e9\u4e2d\U0001F600", "with \"quotes\""];
        var tensors = names.Select((n, i) => (n, SafeDType.F32, new long[] { i + 1 }, (ReadOnlyMemory<byte>)new byte[4 * (i + 1)])).ToList();
        byte[] file = TestFiles.Write(tensors, metadata);

        var (entries, readMetadata, _) = TestFiles.Load(file);
        Assert.Equal(names, entries.Select(e => e.Name));
        Assert.Equal(metadata.OrderBy(p => p.Key, StringComparer.Ordinal), readMetadata.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal([0L, 4L, 12L], entries.Select(e => e.Begin));
    }

    [Fact]
    public void MultipleTensorsAreContiguousInGivenOrderAndReadBack()
    {
        byte[] a = [1, 2, 3, 4, 5, 6, 7, 8];
        byte[] b = [9, 10];
        byte[] file = TestFiles.Write([("z", SafeDType.I64, [1], a), ("a", SafeDType.I16, [1], b)]);

        var (entries, _, dataStart) = TestFiles.Load(file);
        Assert.Equal(["z", "a"], entries.Select(e => e.Name));
        Assert.Equal(a.Concat(b), file.Skip((int)dataStart));

        using var stream = new MemoryStream(file);
        Span<byte> destination = stackalloc byte[2];
        SafeTensorsFormat.ReadData(stream, entries[1], dataStart, destination);
        Assert.Equal(b, destination.ToArray());
        Assert.Throws<ArgumentException>(() => SafeTensorsFormat.ReadData(stream, entries[0], dataStart, new byte[3]));
    }

    [Fact]
    public void HeaderIsSpacePaddedToEightByteAlignment()
    {
        for (int nameLength = 1; nameLength <= 16; nameLength++)
        {
            byte[] file = TestFiles.Write([(new string('x', nameLength), SafeDType.U8, [1], new byte[] { 7 })]);
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(file);
            Assert.Equal(0UL, (8 + n) % 8);
            string header = Encoding.UTF8.GetString(file, 8, (int)n);
            Assert.EndsWith("}", header.TrimEnd(' '));
            Assert.True(header.Length - header.TrimEnd(' ').Length < 8);
            Assert.Equal(7, file[^1]);
        }
    }

    [Fact]
    public void ReadHeaderOverloadUsesStreamLength()
    {
        byte[] file = TestFiles.Write([("t", SafeDType.U8, [2], new byte[] { 1, 2 })]);
        using var stream = new MemoryStream(file);
        stream.Position = 5;
        var (entries, _, _) = SafeTensorsFormat.ReadHeader(stream);
        Assert.Single(entries);
    }

    [Fact]
    public void WriteValidatesInputsAndWritesNothingOnFailure()
    {
        void Fails(string fragment, IReadOnlyList<(string, SafeDType, long[], ReadOnlyMemory<byte>)> tensors)
        {
            using var stream = new MemoryStream();
            var ex = Assert.ThrowsAny<ArgumentException>(() => SafeTensorsFormat.Write(stream, tensors, null));
            Assert.Contains(fragment, ex.Message);
            Assert.Equal(0, stream.Length);
        }

        Fails("non-empty", [("", SafeDType.U8, [1], new byte[1])]);
        Fails("reserved", [("__metadata__", SafeDType.U8, [1], new byte[1])]);
        Fails("Duplicate tensor name 'a'", [("a", SafeDType.U8, [1], new byte[1]), ("a", SafeDType.U8, [1], new byte[1])]);
        Fails("require 24", [("a", SafeDType.F32, [2, 3], new byte[23])]);
        Fails("negative dimension", [("a", SafeDType.U8, [-1], new byte[0])]);
        Fails("overflows", [("a", SafeDType.U8, [long.MaxValue, 2, 0], new byte[0])]);
        Fails("undefined dtype", [("a", (SafeDType)99, [1], new byte[1])]);
    }
}
