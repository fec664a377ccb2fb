using System.Buffers.Binary;
using System.Text;
using Sharpgrad.NN;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

/// <summary>The public SafeTensors API against the bytes Python's safetensors writes (FACTS sec 7).</summary>
[Collection("Seed")]
public sealed class SafeTensorsApiTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sharpgrad-st-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static byte[] PythonFile(string header, byte[] data)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var file = new byte[8 + h.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)h.Length);
        h.CopyTo(file, 8);
        data.CopyTo(file, 8 + h.Length);
        return file;
    }

    [Fact]
    public void MixedDTypesWithMetadataMatchPythonBytes()
    {
        // save_file({'a': arange(6.).view(2,3), 'b': tensor([1,2]), 'c': tensor([True,False])}, f, metadata={'k':'v'})
        var tensors = new Dictionary<string, Tensor>
        {
            ["a"] = Tensor.Arange(0, 6, dtype: DType.Float32).View(2, 3),
            ["b"] = Tensor.FromArray(new long[] { 1, 2 }),
            ["c"] = Tensor.FromArray(new[] { true, false }),
        };
        const string header = "{\"__metadata__\":{\"k\":\"v\"},\"b\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[16,40]},\"c\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[40,42]}}       ";
        byte[] expected = PythonFile(header, Convert.FromHexString("01000000000000000200000000000000000000000000803f0000004000004040000080400000a0400100"));
        Assert.Equal(250, expected.Length);
        Assert.Equal(200, expected[0]);

        var metadata = new Dictionary<string, string> { ["k"] = "v" };
        Assert.Equal(expected, SafeTensors.Serialize(tensors, metadata));
        SafeTensors.Save(tensors, PathOf("st.safetensors"), metadata);
        Assert.Equal(expected, File.ReadAllBytes(PathOf("st.safetensors")));

        var loaded = SafeTensors.Load(PathOf("st.safetensors"));
        Assert.Equal(["b", "a", "c"], loaded.Keys);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, loaded["a"].ToArray<float>());
        Assert.Equal([2, 3], loaded["a"].Shape);
        Assert.Equal(new long[] { 1, 2 }, loaded["b"].ToArray<long>());
        Assert.Equal(new[] { true, false }, loaded["c"].ToArray<bool>());
        Assert.Equal("v", SafeTensors.ReadMetadata(PathOf("st.safetensors"))["k"]);
    }

    [Fact]
    public void TensorsAreOrderedByDTypeThenName()
    {
        // save_file({'z': zeros(1), 'a': ones(2, dtype=float64)}): F64 before F32 despite the names.
        var tensors = new Dictionary<string, Tensor> { ["z"] = Tensor.Zeros([1]), ["a"] = Tensor.Ones([2], DType.Float64) };
        const string header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},\"z\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}  ";
        var expected = PythonFile(header, [.. BitConverter.GetBytes(1.0), .. BitConverter.GetBytes(1.0), 0, 0, 0, 0]);
        Assert.Equal(140, expected.Length);
        Assert.Equal(expected, SafeTensors.Serialize(tensors));
    }

    [Fact]
    public void LinearStateDictHeaderMatchesPython()
    {
        var bytes = SafeTensors.Serialize(new Linear(2, 3).StateDict());
        Assert.Equal(164, bytes.Length);
        Assert.Equal(120UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal("{\"bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},\"weight\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[12,36]}}",
            Encoding.UTF8.GetString(bytes, 8, 120));
    }

    [Fact]
    public void NarrowPythonDTypesLoad()
    {
        // The header Python writes for {'w': f16 [2,2], 'x': i32 [3], 'y': bf16 [1], 'u': u8 [1], 'i8': i8 [1], 's': f32 [], 'e': f32 [0]}.
        const string header = "{\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},\"x\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[4,16]},\"y\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[16,18]},\"w\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[18,26]},\"i8\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[26,27]},\"u\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[27,28]}}  ";
        byte[] data =
        [
            0x00, 0x00, 0xC0, 0x3F,                                     // s = 1.5f
            0x01, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0x03, 0, 0, 0,       // x = [1, -2, 3]
            0xC0, 0x3F,                                                 // y = bf16 1.5
            0x00, 0x38, 0x00, 0xBC, 0x00, 0x00, 0x00, 0x7C,             // w = f16 [0.5, -1, 0, inf]
            0xFF,                                                       // i8 = -1
            0xFF,                                                       // u = 255
        ];
        var file = PythonFile(header, data);
        Assert.Equal(420, file.Length);
        // the contract's default widens the narrow integer dtypes to Int64; keepIntegerDTypes keeps PyTorch's
        var wide = SafeTensors.Deserialize(file);
        foreach (var key in new[] { "x", "i8", "u" }) Assert.Equal(DType.Int64, wide[key].DType);
        Assert.Equal(new long[] { 1, -2, 3 }, wide["x"].ToArray<long>());
        Assert.Equal(new long[] { -1 }, wide["i8"].ToArray<long>());
        Assert.Equal(new long[] { 255 }, wide["u"].ToArray<long>());
        Assert.Equal(DType.Float32, wide["w"].DType);
        var t = SafeTensors.Deserialize(file, keepIntegerDTypes: true);
        Assert.Equal(DType.Float32, t["e"].DType);
        Assert.Equal([0], t["e"].Shape);
        Assert.Equal(0, t["s"].Dim);
        Assert.Equal(1.5f, t["s"].Item<float>());
        Assert.Equal(DType.Int32, t["x"].DType);
        Assert.Equal(new[] { 1, -2, 3 }, t["x"].ToArray<int>());
        Assert.Equal(new float[] { 1.5f }, t["y"].ToArray<float>());
        Assert.Equal(DType.Float32, t["w"].DType);
        Assert.Equal(new float[] { 0.5f, -1f, 0f, float.PositiveInfinity }, t["w"].ToArray<float>());
        Assert.Equal(DType.Int8, t["i8"].DType);
        Assert.Equal(new sbyte[] { -1 }, t["i8"].ToArray<sbyte>());
        Assert.Equal(DType.UInt8, t["u"].DType);
        Assert.Equal(new byte[] { 255 }, t["u"].ToArray<byte>());
    }

    [Fact]
    public void RoundTripKeepsValuesShapesAndEdgeCases()
    {
        Tensor.ManualSeed(3);
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = Tensor.Randn([3, 4]),
            ["f64"] = Tensor.FromArray(new[] { double.NaN, double.NegativeInfinity, -0.0, 1e-300 }),
            ["i64"] = Tensor.FromArray(new[] { long.MinValue, 0, long.MaxValue }),
            ["bool"] = Tensor.FromArray(new[] { true, false, true }, [3, 1]),
            ["scalar"] = Tensor.Scalar(2.5, DType.Float64),
            ["empty"] = Tensor.Zeros([2, 0, 3]),
            ["ünïcode name/with.dots"] = Tensor.Ones([1]),
        };
        var meta = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ß \"quoted\"" };
        SafeTensors.Save(tensors, PathOf("rt.safetensors"), meta);
        var loaded = SafeTensors.Load(PathOf("rt.safetensors"));
        Assert.Equal(tensors.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, t) in tensors)
        {
            Assert.Equal(t.DType, loaded[name].DType);
            Assert.Equal(t.Shape, loaded[name].Shape);
        }
        Assert.Equal(tensors["f32"].ToArray<float>(), loaded["f32"].ToArray<float>());
        Assert.Equal(tensors["f64"].ToArray<double>(), loaded["f64"].ToArray<double>());
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(loaded["f64"].ToArray<double>()[2]));
        Assert.Equal(tensors["i64"].ToArray<long>(), loaded["i64"].ToArray<long>());
        Assert.Equal(tensors["bool"].ToArray<bool>(), loaded["bool"].ToArray<bool>());
        Assert.Equal(2.5, loaded["scalar"].Item<double>());
        Assert.Equal(meta, SafeTensors.ReadMetadata(PathOf("rt.safetensors")));
        Assert.Empty(SafeTensors.ReadMetadata(PathOfSaved(new() { ["x"] = Tensor.Ones([1]) })));
    }

    private string PathOfSaved(Dictionary<string, Tensor> tensors)
    {
        string p = PathOf(Guid.NewGuid().ToString("N") + ".safetensors");
        SafeTensors.Save(tensors, p);
        return p;
    }

    [Fact]
    public void NonContiguousTensorsAreWrittenRowMajor()
    {
        var a = Tensor.Arange(0, 6, dtype: DType.Float32).View(2, 3);
        var loaded = SafeTensors.Deserialize(SafeTensors.Serialize(new Dictionary<string, Tensor> { ["t"] = a.T, ["s"] = a.Slice(1, 0, 3, 2) }));
        Assert.Equal([3, 2], loaded["t"].Shape);
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, loaded["t"].ToArray<float>());
        Assert.Equal(new float[] { 0, 2, 3, 5 }, loaded["s"].ToArray<float>());
    }

    [Fact]
    public void FailedSaveLeavesTheOldFileAndNoTemporary()
    {
        string path = PathOf("keep.safetensors");
        SafeTensors.Save(new Dictionary<string, Tensor> { ["x"] = Tensor.Ones([2]) }, path);
        byte[] before = File.ReadAllBytes(path);
        var disposed = Tensor.Ones([2]);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => SafeTensors.Save(new Dictionary<string, Tensor> { ["y"] = Tensor.Zeros([1]), ["x"] = disposed }, path));
        var ex = Assert.Throws<ArgumentException>(() => SafeTensors.Save(new Dictionary<string, Tensor> { ["__metadata__"] = Tensor.Zeros([1]) }, path));
        Assert.Contains("reserved", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void MissingFileIsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => SafeTensors.Load(PathOf("absent.safetensors")));

    [Fact]
    public void HugeDimensionWithZeroElementsIsRejectedAsInvalidData()
    {
        var file = PythonFile("{\"t\":{\"dtype\":\"F32\",\"shape\":[0,4294967296],\"data_offsets\":[0,0]}}", []);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Deserialize(file));
        Assert.Contains("4294967296", ex.Message);
    }
}
