namespace Sharpgrad.Tests.NN;

/// <summary>What the bit-for-bit tests share with their oracle scripts: the scripts' 64-bit LCG and FNV-1a over raw values.</summary>
internal static class Bits
{
    /// <summary>Advances the LCG (Knuth's MMIX constants) and returns the high 32 bits of the new state.</summary>
    public static uint Next(ref ulong state)
    {
        state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
        return (uint)(state >> 32);
    }

    /// <summary>FNV-1a over the little-endian bytes of the values, as the scripts hashed tensor.numpy().tobytes().</summary>
    public static ulong Hash(Tensor t)
    {
        ulong h = 0xcbf29ce484222325UL;
        var bytes = t.DType == DType.Float32
            ? t.ToArray<float>().SelectMany(BitConverter.GetBytes)
            : t.ToArray<double>().SelectMany(BitConverter.GetBytes);
        foreach (byte b in bytes) h = unchecked((h ^ b) * 0x100000001b3UL);
        return h;
    }
}
