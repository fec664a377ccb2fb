using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

/// <summary>
/// Mutates a valid file in many ways with fixed seeds and requires every load to either succeed or throw
/// InvalidDataException, without allocating far more than the file's size.
/// </summary>
public partial class FuzzTests
{
    private static readonly byte[] Valid = TestFiles.Write(
        [
            ("w", SafeDType.F32, [2, 3], SafeTensorsConvert.FromSingle([0, 1, 2, 3, 4, 5], SafeDType.F32)),
            ("b", SafeDType.BF16, [3], SafeTensorsConvert.FromSingle([1, -2, 3], SafeDType.BF16)),
            ("m", SafeDType.BOOL, [4], SafeTensorsConvert.FromBoolean([true, false, true, true])),
            ("i", SafeDType.I8, [], new byte[] { 0x80 }),
            ("e", SafeDType.I64, [0], ReadOnlyMemory<byte>.Empty),
            ("h", SafeDType.F16, [1, 1], SafeTensorsConvert.FromSingle([0.5f], SafeDType.F16)),
        ],
        new Dictionary<string, string> { ["format"] = "pt", ["note"] = "fuzz" });

    private static readonly int HeaderLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(Valid);

    private static readonly byte[] Interesting = "{}[]\",:-0123456789 eE.\\u"u8.ToArray().Concat(new byte[] { 0, 0x7F, 0x80, 0xC0, 0xFF }).ToArray();

    private static readonly string[] InterestingNumbers =
    [
        "0", "1", "-1", "2", "3", "4", "8", "24", "-0", "1.0", "1e3", "4294967296", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "99999999999999999999999", "\"4\"", "null", "[]",
    ];

    private readonly Random _random = new(20240601);
    private int _loads;
    private int _accepted;

    [Fact]
    public void BaseFileIsValid() => Assert.Equal(6, TestFiles.LoadAll(Valid).Count);

    [Fact]
    public void TruncationAtEveryLength()
    {
        for (int length = 0; length < Valid.Length; length++)
            Check(Valid[..length], $"truncated to {length}");
        // Every strict prefix loses data or header bytes, so none may load.
        Assert.Equal(0, _accepted);
    }

    [Fact]
    public void Extension()
    {
        for (int extra = 1; extra <= 64; extra++)
        {
            var tail = new byte[extra];
            _random.NextBytes(tail);
            Check([.. Valid, .. tail], $"extended by {extra}");
        }
        Assert.Equal(0, _accepted);
    }

    [Fact]
    public void RandomBitFlips()
    {
        for (int i = 0; i < 3000; i++)
        {
            byte[] file = (byte[])Valid.Clone();
            int flips = _random.Next(1, 5);
            for (int f = 0; f < flips; f++)
                file[_random.Next(file.Length)] ^= (byte)(1 << _random.Next(8));
            Check(file, $"bit flips #{i}");
        }
        AssertBothOutcomesSeen();
    }

    [Fact]
    public void HeaderByteChanges()
    {
        for (int i = 0; i < 3000; i++)
        {
            byte[] file = (byte[])Valid.Clone();
            int changes = _random.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                int at = 8 + _random.Next(HeaderLength);
                file[at] = _random.Next(2) == 0 ? Interesting[_random.Next(Interesting.Length)] : (byte)_random.Next(256);
            }
            Check(file, $"header bytes #{i}");
        }
        AssertBothOutcomesSeen();
    }

    [Fact]
    public void HeaderLengthOverwritten()
    {
        var values = new List<ulong>
        {
            0, 1, 2, 7, 8, ulong.MaxValue, long.MaxValue, (ulong)long.MaxValue + 1, uint.MaxValue, int.MaxValue,
            100_000_000, 100_000_001, (ulong)Valid.Length, (ulong)Valid.Length - 8, (ulong)Valid.Length - 7,
        };
        for (int d = -16; d <= 16; d++)
            values.Add((ulong)(HeaderLength + d));
        for (int i = 0; i < 500; i++)
            values.Add(((ulong)_random.NextInt64() << 1) >> _random.Next(64));

        foreach (ulong value in values)
        {
            byte[] file = (byte[])Valid.Clone();
            BinaryPrimitives.WriteUInt64LittleEndian(file, value);
            Check(file, $"header length {value}");
        }
    }

    [Fact]
    public void OffsetsSwappedAndRewritten()
    {
        string header = Encoding.UTF8.GetString(Valid, 8, HeaderLength).TrimEnd(' ');
        byte[] data = Valid[(8 + HeaderLength)..];
        var offsets = OffsetsPattern().Matches(header).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
        Assert.Equal(6, offsets.Length);

        for (int i = 0; i < 2000; i++)
        {
            int index = 0;
            string mutated = OffsetsPattern().Replace(header, m =>
            {
                index++;
                if (_random.Next(3) != 0)
                    return m.Value;
                var (begin, end) = _random.Next(4) switch
                {
                    0 => (m.Groups[2].Value, m.Groups[1].Value),
                    1 => offsets[_random.Next(offsets.Length)],
                    2 => (Pick(), m.Groups[2].Value),
                    _ => (m.Groups[1].Value, Pick()),
                };
                return $"\"data_offsets\":[{begin},{end}]";
            });
            Check(TestFiles.Raw(Encoding.UTF8.GetBytes(mutated), data), $"offsets #{i}: {mutated}");
        }
        AssertBothOutcomesSeen();
    }

    [Fact]
    public void NumbersAndDTypesRewritten()
    {
        string header = Encoding.UTF8.GetString(Valid, 8, HeaderLength);
        byte[] data = Valid[(8 + HeaderLength)..];
        string[] dtypes = ["F32", "F64", "I64", "BOOL", "F16", "BF16", "I32", "I16", "I8", "U8", "F8_E4M3", "U16", "C64", ""];

        for (int i = 0; i < 2000; i++)
        {
            string mutated = NumberPattern().Replace(header, m => _random.Next(8) == 0 ? Pick() : m.Value);
            mutated = DTypePattern().Replace(mutated, m => _random.Next(8) == 0 ? $"\"dtype\":\"{dtypes[_random.Next(dtypes.Length)]}\"" : m.Value);
            Check(TestFiles.Raw(Encoding.UTF8.GetBytes(mutated), data), $"numbers #{i}: {mutated}");
        }
        AssertBothOutcomesSeen();
    }

    [Fact]
    public void RandomGarbageOfEveryShortLength()
    {
        for (int length = 0; length < 300; length++)
        {
            var file = new byte[length];
            _random.NextBytes(file);
            if (length >= 8)
                BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)_random.Next(length));
            Check(file, $"garbage of {length}");
        }
    }

    private static bool Accepts(Action load, string what)
    {
        try
        {
            load();
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    /// <summary>Guards against a mutator that only ever produces trivially rejected (or untouched) files.</summary>
    private void AssertBothOutcomesSeen()
    {
        Assert.InRange(_accepted, 1, _loads - 1);
    }

    private string Pick() => InterestingNumbers[_random.Next(InterestingNumbers.Length)];

    private void Check(byte[] file, string what)
    {
        _loads++;
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool codec = Accepts(() => TestFiles.LoadAll(file), what);
        // The public API must agree with the codec: same verdict, and only InvalidDataException.
        bool api = Accepts(() => TestFiles.LoadPublic(file), what + " (SafeTensors.Deserialize)");
        Assert.True(codec == api, $"{what}: codec accepted={codec} but SafeTensors.Deserialize accepted={api}");
        if (codec) _accepted++;

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // A fixed allowance covers JsonDocument's pooled buffers and exception objects; the rest must scale with the file.
        long budget = 512 * 1024 + 128L * file.Length; // both loaders ran
        Assert.True(allocated <= budget, $"{what}: allocated {allocated} bytes for a {file.Length}-byte file");
    }

    [GeneratedRegex("\"data_offsets\":\\[(\\d+),(\\d+)\\]")]
    private static partial Regex OffsetsPattern();

    [GeneratedRegex("\\d+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("\"dtype\":\"[A-Z0-9_]+\"")]
    private static partial Regex DTypePattern();
}
