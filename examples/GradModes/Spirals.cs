using Sharpgrad;

namespace GradModes;

/// <summary>Two interleaved noisy spirals in the plane: a small task a linear model cannot solve.</summary>
public sealed record Spirals(Tensor Points, Tensor Labels)
{
    /// <summary>Number of points.</summary>
    public int Count => Points.Shape[0];

    /// <summary>
    /// <paramref name="perClass"/> points per arm, 1.5 turns each, Gaussian noise of <paramref name="noise"/>;
    /// drawn from its own seeded <see cref="Random"/>, so the data never depends on who else draws numbers.
    /// </summary>
    public static Spirals Make(int perClass, double noise, int seed)
    {
        var rng = new Random(seed);
        int n = 2 * perClass;
        var xy = new float[n * 2];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            int c = i % 2;
            double t = 0.1 + 0.9 * rng.NextDouble();
            double angle = 3 * Math.PI * t + c * Math.PI;
            xy[2 * i] = (float)(t * Math.Cos(angle) + noise * Gaussian(rng));
            xy[2 * i + 1] = (float)(t * Math.Sin(angle) + noise * Gaussian(rng));
            labels[i] = c;
        }
        return new Spirals(Tensor.FromArray(xy, [n, 2]), Tensor.FromArray(labels));
    }

    /// <summary>The rows at <paramref name="index"/> (an Int64 tensor).</summary>
    public Spirals Take(Tensor index) => new(Points.IndexSelect(0, index), Labels.IndexSelect(0, index));

    /// <summary>Splits off the first <paramref name="trainCount"/> rows of a seeded permutation for training.</summary>
    public (Spirals Train, Spirals Validation) Split(int trainCount, int seed)
    {
        var order = Permutation(Count, new Random(seed));
        return (Take(Tensor.FromArray(order[..trainCount])), Take(Tensor.FromArray(order[trainCount..])));
    }

    /// <summary>A seeded Fisher-Yates permutation of 0..n-1.</summary>
    public static long[] Permutation(int n, Random rng)
    {
        var p = new long[n];
        for (int i = 0; i < n; i++) p[i] = i;
        rng.Shuffle(p);
        return p;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
