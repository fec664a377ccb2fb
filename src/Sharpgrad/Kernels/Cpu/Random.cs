namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// The default generator: xoshiro256** seeded through SplitMix64, so a seed gives the same
/// stream on every machine. Normals use Box-Muller on two uniforms.
/// </summary>
internal sealed class Generator
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly object _lock = new();

    public Generator(long seed) => Seed(seed);

    public static Generator Default { get; } = new(DefaultSeed());

    private static long DefaultSeed() => 67280421310721L;

    public void Seed(long seed)
    {
        lock (_lock)
        {
            ulong x = (ulong)seed;
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }
    }

    /// <summary>The generator's whole state (four 64-bit words).</summary>
    public ulong[] GetState()
    {
        lock (_lock) return [_s0, _s1, _s2, _s3];
    }

    /// <summary>Restores a state taken by <see cref="GetState"/>.</summary>
    public void SetState(ReadOnlySpan<ulong> state)
    {
        lock (_lock) (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    private double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public void FillUniform(Span<double> dst, double from, double to)
    {
        lock (_lock)
            for (int i = 0; i < dst.Length; i++) dst[i] = from + (to - from) * NextDouble();
    }

    public void FillNormal(Span<double> dst, double mean, double std)
    {
        lock (_lock)
        {
            for (int i = 0; i < dst.Length; i += 2)
            {
                double u1 = 1.0 - NextDouble(); // (0, 1]: log stays finite
                double u2 = NextDouble();
                double r = Math.Sqrt(-2.0 * Math.Log(u1));
                dst[i] = mean + std * r * Math.Cos(2 * Math.PI * u2);
                if (i + 1 < dst.Length) dst[i + 1] = mean + std * r * Math.Sin(2 * Math.PI * u2);
            }
        }
    }

    /// <summary>Exponential samples of rate <paramref name="lambd"/>: -log(u) / λ with u uniform in (0, 1), so never 0 or inf.</summary>
    public void FillExponential(Span<double> dst, double lambd)
    {
        lock (_lock)
            for (int i = 0; i < dst.Length; i++) dst[i] = -Math.Log(((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53))) / lambd;
    }

    /// <summary>Uniform integers in [low, high).</summary>
    public void FillIntegers(Span<long> dst, long low, long high)
    {
        ulong range = (ulong)(high - low);
        lock (_lock)
            for (int i = 0; i < dst.Length; i++) dst[i] = low + (long)(NextUInt64() % range);
    }

    public double NextUniform()
    {
        lock (_lock) return NextDouble();
    }
}
