namespace Sharpgrad.Tests.Core;

/// <summary>Runs alone (no other test draws from the default generator between a seed and its draws).</summary>
[CollectionDefinition("Seed", DisableParallelization = true)]
public class SeedCollection;

[Collection("Seed")]
public class SeedTests
{
    [Fact]
    public void ManualSeedIsDeterministic()
    {
        Tensor.ManualSeed(42);
        var a = Tensor.Randn([100]).ToArray<float>();
        var u1 = Tensor.Rand([10]).ToArray<float>();
        Tensor.ManualSeed(42);
        var b = Tensor.Randn([100]).ToArray<float>();
        var u2 = Tensor.Rand([10]).ToArray<float>();
        Tensor.ManualSeed(43);
        var c = Tensor.Randn([100]).ToArray<float>();
        Assert.Equal(a, b);
        Assert.Equal(u1, u2);
        Assert.NotEqual(a, c);
        // the same stream whatever the dtype: Float64 draws widen the same numbers
        Tensor.ManualSeed(42);
        var d = Tensor.Randn([100], DType.Float64).ToArray<double>();
        Assert.Equal(a, d.Select(v => (float)v).ToArray());
    }
}
