using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>
/// torch.mode's CPU kernel: each slice's (value, index) pairs sorted by value with libstdc++'s std::sort (introsort,
/// then insertion sort), then the longest run of equal values wins (the first such run, so the smallest value), reported
/// with the index of the run's last pair. NaN never equals itself, so each NaN is a run of one.
/// </summary>
internal static class ModeKernel
{
    private const int Threshold = 16;

    /// <summary>x is contiguous [outer, r, inner]; writes the mode and its index per (outer, inner).</summary>
    public static void Run<T>(T[] x, int offset, int outer, int r, int inner, T[] values, long[] indices) where T : unmanaged, INumber<T>
    {
        var vals = new T[r];
        var idx = new long[r];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                for (int k = 0; k < r; k++)
                {
                    vals[k] = x[offset + (o * r + k) * inner + i];
                    idx[k] = k;
                }
                Sort(vals, idx, r);
                T mode = T.Zero;
                long modeIndex = 0;
                int freq = 0, maxFreq = 0;
                for (int k = 0; k < r; k++)
                {
                    freq++;
                    if (k == r - 1 || vals[k] != vals[k + 1])
                    {
                        if (freq > maxFreq)
                        {
                            mode = vals[k];
                            modeIndex = idx[k];
                            maxFreq = freq;
                        }
                        freq = 0;
                    }
                }
                values[o * inner + i] = mode;
                indices[o * inner + i] = modeIndex;
            }
    }

    private static void Swap<T>(T[] v, long[] ix, int a, int b)
    {
        (v[a], v[b]) = (v[b], v[a]);
        (ix[a], ix[b]) = (ix[b], ix[a]);
    }

    /// <summary>std::sort(first, first + n) with comparator a.first &lt; b.first.</summary>
    private static void Sort<T>(T[] v, long[] ix, int n) where T : unmanaged, INumber<T>
    {
        if (n <= 1) return;
        IntroLoop(v, ix, 0, n, 2 * (BitOperations.Log2((uint)n)));
        if (n > Threshold)
        {
            InsertionSort(v, ix, 0, Threshold);
            for (int i = Threshold; i < n; i++) LinearInsert(v, ix, i, 0);
        }
        else InsertionSort(v, ix, 0, n);
    }

    private static void IntroLoop<T>(T[] v, long[] ix, int first, int last, int depth) where T : unmanaged, INumber<T>
    {
        while (last - first > Threshold)
        {
            if (depth == 0)
            {
                HeapSort(v, ix, first, last);
                return;
            }
            depth--;
            int mid = first + (last - first) / 2;
            MoveMedianToFirst(v, ix, first, first + 1, mid, last - 1);
            int cut = Partition(v, ix, first + 1, last, first);
            IntroLoop(v, ix, cut, last, depth);
            last = cut;
        }
    }

    private static void MoveMedianToFirst<T>(T[] v, long[] ix, int result, int a, int b, int c) where T : unmanaged, INumber<T>
    {
        if (v[a] < v[b])
        {
            if (v[b] < v[c]) Swap(v, ix, result, b);
            else if (v[a] < v[c]) Swap(v, ix, result, c);
            else Swap(v, ix, result, a);
        }
        else if (v[a] < v[c]) Swap(v, ix, result, a);
        else if (v[b] < v[c]) Swap(v, ix, result, c);
        else Swap(v, ix, result, b);
    }

    private static int Partition<T>(T[] v, long[] ix, int first, int last, int pivot) where T : unmanaged, INumber<T>
    {
        while (true)
        {
            while (first < last && v[first] < v[pivot]) first++;
            last--;
            while (last > pivot && v[pivot] < v[last]) last--;
            if (!(first < last)) return first;
            Swap(v, ix, first, last);
            first++;
        }
    }

    private static void InsertionSort<T>(T[] v, long[] ix, int first, int last) where T : unmanaged, INumber<T>
    {
        for (int i = first + 1; i < last; i++)
        {
            if (v[i] < v[first])
            {
                T val = v[i];
                long id = ix[i];
                Array.Copy(v, first, v, first + 1, i - first);
                Array.Copy(ix, first, ix, first + 1, i - first);
                v[first] = val;
                ix[first] = id;
            }
            else LinearInsert(v, ix, i, first);
        }
    }

    /// <summary>__unguarded_linear_insert, stopping at <paramref name="floor"/> where C++ would read out of bounds.</summary>
    private static void LinearInsert<T>(T[] v, long[] ix, int last, int floor) where T : unmanaged, INumber<T>
    {
        T val = v[last];
        long id = ix[last];
        int next = last - 1;
        while (next >= floor && val < v[next])
        {
            v[last] = v[next];
            ix[last] = ix[next];
            last = next;
            next--;
        }
        v[last] = val;
        ix[last] = id;
    }

    /// <summary>std::__partial_sort(first, last, last): make_heap then sort_heap.</summary>
    private static void HeapSort<T>(T[] v, long[] ix, int first, int last) where T : unmanaged, INumber<T>
    {
        int len = last - first;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--)
        {
            AdjustHeap(v, ix, first, parent, len, v[first + parent], ix[first + parent]);
            if (parent == 0) break;
        }
        while (last - first > 1)
        {
            last--;
            T val = v[last];
            long id = ix[last];
            v[last] = v[first];
            ix[last] = ix[first];
            AdjustHeap(v, ix, first, 0, last - first, val, id);
        }
    }

    private static void AdjustHeap<T>(T[] v, long[] ix, int first, int hole, int len, T val, long id) where T : unmanaged, INumber<T>
    {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2)
        {
            child = 2 * (child + 1);
            if (v[first + child] < v[first + child - 1]) child--;
            v[first + hole] = v[first + child];
            ix[first + hole] = ix[first + child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2)
        {
            child = 2 * (child + 1);
            v[first + hole] = v[first + child - 1];
            ix[first + hole] = ix[first + child - 1];
            hole = child - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && v[first + parent] < val)
        {
            v[first + hole] = v[first + parent];
            ix[first + hole] = ix[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        v[first + hole] = val;
        ix[first + hole] = id;
    }
}
