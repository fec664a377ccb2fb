namespace Sharpgrad.Tests.Core;

public class EmptyViewTests
{
    [Fact]
    public void EmptyViewsPastTheEndOfTheirBufferStillCompute()
    {
        // a view of zero elements may start past its (empty) buffer: no kernel may touch it
        var x = Tensor.Zeros([0, 5]).Slice(1, 2, 5);
        Assert.Equal(2, x.StorageOffset);
        Assert.Equal([0, 3], (x + x).Shape);
        Assert.Equal([0, 3], (x * x).Shape);
        Assert.Equal([0, 3], x.Exp().Shape);
        Assert.Equal(0f, x.Sum().Item<float>());
    }
}
