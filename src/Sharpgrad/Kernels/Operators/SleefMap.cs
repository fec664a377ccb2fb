using System.Numerics;
using System.Runtime.InteropServices;

namespace Sharpgrad.Kernels.Operators;

/// <summary>One SLEEF kernel over a whole vector of lanes (every lane computed independently).</summary>
internal interface ISleefKernel<T> where T : unmanaged
{
    static abstract Vector<T> Invoke(Vector<T> x);
}

/// <summary>
/// ATen's vec::map as its vml path runs it: whole vectors through the kernel, then the elements left over loaded into one
/// zero-padded vector and taken through the same kernel. A single element goes the same way, so strided elements, the
/// tail and the vector body all get the kernel's bits.
/// </summary>
internal static class SleefMap
{
    public static void Map<T, TKernel>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged where TKernel : ISleefKernel<T>
    {
        if (y.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(y));
        ref T xr = ref MemoryMarshal.GetReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, w = Vector<T>.Count, i = 0;
        for (; i <= n - w; i += w) TKernel.Invoke(Vector.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (i == n) return;
        Span<T> buffer = stackalloc T[w];
        buffer.Clear();
        x[i..].CopyTo(buffer);
        TKernel.Invoke(new Vector<T>(buffer)).CopyTo(buffer);
        buffer[..(n - i)].CopyTo(y[i..]);
    }

    /// <summary>One element through the kernel.</summary>
    public static T One<T, TKernel>(T x) where T : unmanaged where TKernel : ISleefKernel<T> => TKernel.Invoke(new Vector<T>(x))[0];
}
