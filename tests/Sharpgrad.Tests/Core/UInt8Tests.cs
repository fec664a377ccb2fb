using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Core;

/// <summary>torch.uint8 tensors: PyTorch 2.6's promotion, wrapping arithmetic, casts, masks, printing and messages.</summary>
public class UInt8Tests
{
    private static Tensor U() => Tensor.FromArray(new byte[] { 200, 100, 0, 255 });

    [Fact]
    public void ArithmeticWrapsAsPyTorch()
    {
        var u = U();
        Assert.Equal(DType.UInt8, u.DType);
        Check.Values(new byte[] { 144, 200, 0, 254 }, u + u, 4);
        Check.Values(new byte[] { 56, 156, 0, 1 }, -u, 4);
        Check.Values(new byte[] { 200, 100, 0, 255 }, u.Abs(), 4);
        Check.Values(new byte[] { 1, 1, 0, 1 }, u.Sign(), 4);
        Check.Values(new byte[] { 88, 44, 0, 253 }, u * 3, 4);
        Check.Values(new byte[] { 244, 144, 44, 43 }, u + 300, 4);
        Check.Values(new byte[] { 199, 99, 255, 254 }, u - 1, 4);
        Check.Values(new byte[] { 199, 99, 255, 254 }, u + -1, 4);
        Check.Values(new byte[] { 56, 156, 0, 1 }, u * -1, 4);
        Check.Values(new byte[] { 66, 33, 0, 85 }, u.FloorDivide(3), 4);
        Check.Values(new byte[] { 4, 2, 0, 3 }, u.Remainder(7), 4);
        Check.Values(new[] { 100f, 50f, 0f, 127.5f }, u / 2, 4);
        Check.Values(new[] { 500f, 250f, 0f, 637.5f }, u * 2.5, 4);
        Check.Values(new byte[] { 64, 16, 0, 1 }, u.Pow(2), 4);
        Check.Values(new byte[] { 55, 155, 255, 0 }, u.BitwiseNot(), 4);
        Check.Values(new byte[] { 100, 50, 0, 127 }, u.BitwiseRightShift(Tensor.Scalar(1, DType.UInt8)), 4);
        Check.Values(new byte[] { 144, 200, 0, 254 }, u.BitwiseLeftShift(Tensor.Scalar(1, DType.UInt8)), 4);
        Check.Values(new byte[] { 150, 100, 50, 150 }, u.Clamp(50, 150), 4);
        Check.Values(new[] { 150f, 100f, 50.5f, 150f }, u.Clamp(50.5, 150), 4);
        Check.Throws<InvalidOperationException>("ZeroDivisionError", () => u.FloorDivide(0));
        Check.Values(new byte[] { 206, 10, 100, 22 }, Tensor.FromArray(new byte[] { 1, 2, 3, 4 }, [2, 2]).MatMul(Tensor.FromArray(new byte[] { 200, 2, 3, 4 }, [2, 2])), 2, 2);
    }

    [Fact]
    public void PromotionReductionsAndComparisons()
    {
        var u = U();
        Assert.Equal(DType.Int32, (u + Tensor.FromArray(new[] { 1, 1, 1, 1 })).DType);
        Assert.Equal(DType.UInt8, (u + Tensor.FromArray(new[] { true, true, true, true })).DType);
        Assert.Equal(DType.Int64, (u + Tensor.FromArray(new long[] { 1, 1, 1, 1 })).DType);
        Assert.Equal(DType.Int32, Tensor.PromoteTypes(DType.UInt8, DType.Int32));
        Assert.Equal(555L, u.Sum().Item<long>());
        Check.Values(new long[] { 200, 300, 300, 555 }, u.Cumsum(0), 4);
        Assert.Equal((byte)255, u.Max().Item<byte>());
        Assert.Equal(3L, u.ArgMax().Item<long>());
        Check.Values(new byte[] { 0, 100, 200, 255 }, u.Sort().Values, 4);
        Check.Throws<ArgumentException>("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Byte", () => u.Mean());
        Check.Values(new[] { false, true, true, false }, u.Lt(150), 4);
        Check.Values(new[] { false, false, false, true }, u.Eq(255), 4);
        // an integral number is converted to uint8 first: -1 is 255
        Check.Values(new[] { true, true, true, false }, u.Lt(-1), 4);
        Check.Values(new[] { false, true, true, false }, u.Lt(150.5), 4);
        Check.Values(new byte[] { 200, 7, 7, 255 }, Tensor.Where(u.Gt(100), u, 7), 4);
        Assert.False(u.IsSigned());
        Assert.Equal("torch.ByteTensor", u.Type());
    }

    [Fact]
    public void CastsMaskIndexingAndPrinting()
    {
        var f = Tensor.FromArray(new[] { -1.0f, 300.5f, 2.7f, float.NaN, 1e10f, -300f });
        Check.Values(new byte[] { 255, 44, 2, 0, 0, 212 }, f.To(DType.UInt8), 6);
        Check.Values(new byte[] { 255, 0, 44 }, Tensor.FromArray(new long[] { -1, 256, 300 }).To(DType.UInt8), 3);
        Check.Values(new[] { 200, 100, 0, 255 }, U().To(DType.Int32), 4);
        var x = Tensor.Arange(0, 4, 1, DType.Float32);
        NN.Check.Close([0, 2, 3], x[Tensor.FromArray(new byte[] { 1, 0, 1, 1 })], 0);
        Check.Throws<ArgumentException>("index_select(): Expected dtype int32 or int64 for index", () => x.IndexSelect(0, Tensor.FromArray(new byte[] { 1 })));
        Assert.Equal("tensor([200, 100,   0, 255], dtype=torch.uint8)", U().ToString());
        Assert.Equal("tensor([], dtype=torch.uint8)", Tensor.Zeros([0], DType.UInt8).ToString());
        var path = Path.Combine(Path.GetTempPath(), $"sharpgrad-u8-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.Save(new Dictionary<string, Tensor> { ["img"] = U() }, path);
            Assert.Equal(DType.Int64, SafeTensors.Load(path)["img"].DType);
            var loaded = SafeTensors.Load(path, keepIntegerDTypes: true)["img"];
            Assert.Equal(DType.UInt8, loaded.DType);
            Check.Values(new byte[] { 200, 100, 0, 255 }, loaded, 4);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void FullAndFillCheckTheRange()
    {
        Check.Values(new byte[] { 255 }, Tensor.Full([1], -1, DType.UInt8), 1);
        Check.Values(new byte[] { 1 }, Tensor.Full([1], -255, DType.UInt8), 1);
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.Full([1], 300, DType.UInt8));
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.Full([1], -256, DType.UInt8));
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => Tensor.Full([1], 255.9, DType.UInt8));
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.Full([1], 2147483648.0, DType.Int32));
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.Full([1], 2147483647.5, DType.Int32));
        Check.Throws<ArgumentException>("value cannot be converted to type int without overflow", () => Tensor.Full([1], double.NaN, DType.Int32));
        Check.Throws<ArgumentException>("value cannot be converted to type int64_t without overflow", () => Tensor.Full([1], 1e19, DType.Int64));
        Check.Throws<ArgumentException>("value cannot be converted to type float without overflow", () => Tensor.Full([1], 1e39));
        Check.Values(new[] { float.PositiveInfinity }, Tensor.Full([1], double.PositiveInfinity), 1);
        Check.Values(new[] { true }, Tensor.Full([1], 5, DType.Bool), 1);
        var z = Tensor.Zeros([1], DType.UInt8);
        Check.Throws<ArgumentException>("value cannot be converted to type uint8_t without overflow", () => z.Fill_(300));
        Check.Values(new byte[] { 0 }, z, 1);
        Check.Throws<ArgumentException>("value cannot be converted to type float without overflow", () => Tensor.Zeros([1]).Fill_(1e39));
    }
}
