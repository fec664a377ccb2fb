using System.Numerics;

namespace Sharpgrad.Kernels.Cpu;

/// <summary>A strict order on sort keys, as one of PyTorch's CPU comparators defines it.</summary>
internal interface IKeyOrder<T>
{
    /// <summary>True when <paramref name="a"/> goes before <paramref name="b"/>.</summary>
    static abstract bool Less(T a, T b);
}

/// <summary>Ascending, NaN after every number: sort's and topk(largest=False)'s comparator.</summary>
internal readonly struct AscendingNaNLast<T> : IKeyOrder<T> where T : INumber<T>
{
    public static bool Less(T a, T b) => (!T.IsNaN(a) && T.IsNaN(b)) || a < b;
}

/// <summary>Descending, NaN before every number: sort(descending=True)'s and topk's comparator.</summary>
internal readonly struct DescendingNaNFirst<T> : IKeyOrder<T> where T : INumber<T>
{
    public static bool Less(T a, T b) => (T.IsNaN(a) && !T.IsNaN(b)) || a > b;
}

/// <summary>Plain <c>a &lt; b</c> (not a strict weak order once NaN is involved): torch.mode's comparator.</summary>
internal readonly struct PlainLess<T> : IKeyOrder<T> where T : INumber<T>
{
    public static bool Less(T a, T b) => a < b;
}

/// <summary>
/// libstdc++'s std::sort (introsort, then insertion sort), std::partial_sort (heap select, then heap sort) and
/// std::nth_element (introselect), step for step, over (key, index) pairs held in two arrays. PyTorch's CPU sort,
/// topk and mode run these on (value, position) pairs compared by value alone, so which of several equal values lands
/// where is decided by these exact steps; reproducing them gives the same indices PyTorch returns.
/// The scans libstdc++ leaves unguarded are bounded here: for a strict weak order the bounds never bind, and for
/// <see cref="PlainLess{T}"/> with NaN they keep the scan inside the range, where C++ would be undefined.
/// </summary>
internal static class StdSort<T, TOrder> where TOrder : IKeyOrder<T>
{
    private const int Threshold = 16;

    /// <summary>std::sort(first, last).</summary>
    public static void Sort(T[] v, long[] ix, int first, int last)
    {
        if (last - first < 2) return;
        IntroLoop(v, ix, first, last, 2 * BitOperations.Log2((uint)(last - first)));
        if (last - first > Threshold)
        {
            InsertionSort(v, ix, first, first + Threshold);
            for (int i = first + Threshold; i < last; i++) LinearInsert(v, ix, i, first);
        }
        else InsertionSort(v, ix, first, last);
    }

    /// <summary>std::partial_sort(first, middle, last): the smallest middle - first pairs, sorted, in front.</summary>
    public static void PartialSort(T[] v, long[] ix, int first, int middle, int last)
    {
        HeapSelect(v, ix, first, middle, last);
        SortHeap(v, ix, first, middle);
    }

    /// <summary>std::nth_element(first, nth, last): the pair a full sort would put at nth, with none greater before it.</summary>
    public static void NthElement(T[] v, long[] ix, int first, int nth, int last)
    {
        if (first == last || nth == last) return;
        int depth = 2 * BitOperations.Log2((uint)(last - first));
        while (last - first > 3)
        {
            if (depth == 0)
            {
                HeapSelect(v, ix, first, nth + 1, last);
                Swap(v, ix, first, nth);
                return;
            }
            depth--;
            int cut = PartitionPivot(v, ix, first, last);
            if (cut <= nth) first = cut;
            else last = cut;
        }
        InsertionSort(v, ix, first, last);
    }

    private static void IntroLoop(T[] v, long[] ix, int first, int last, int depth)
    {
        while (last - first > Threshold)
        {
            if (depth == 0)
            {
                PartialSort(v, ix, first, last, last);
                return;
            }
            depth--;
            int cut = PartitionPivot(v, ix, first, last);
            IntroLoop(v, ix, cut, last, depth);
            last = cut;
        }
    }

    private static int PartitionPivot(T[] v, long[] ix, int first, int last)
    {
        int mid = first + (last - first) / 2;
        MoveMedianToFirst(v, ix, first, first + 1, mid, last - 1);
        return Partition(v, ix, first + 1, last, first);
    }

    private static void MoveMedianToFirst(T[] v, long[] ix, int result, int a, int b, int c)
    {
        if (TOrder.Less(v[a], v[b]))
        {
            if (TOrder.Less(v[b], v[c])) Swap(v, ix, result, b);
            else if (TOrder.Less(v[a], v[c])) Swap(v, ix, result, c);
            else Swap(v, ix, result, a);
        }
        else if (TOrder.Less(v[a], v[c])) Swap(v, ix, result, a);
        else if (TOrder.Less(v[b], v[c])) Swap(v, ix, result, c);
        else Swap(v, ix, result, b);
    }

    private static int Partition(T[] v, long[] ix, int first, int last, int pivot)
    {
        while (true)
        {
            while (first < last && TOrder.Less(v[first], v[pivot])) first++;
            last--;
            while (last > pivot && TOrder.Less(v[pivot], v[last])) last--;
            if (!(first < last)) return first;
            Swap(v, ix, first, last);
            first++;
        }
    }

    private static void InsertionSort(T[] v, long[] ix, int first, int last)
    {
        for (int i = first + 1; i < last; i++)
        {
            if (TOrder.Less(v[i], v[first]))
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

    /// <summary>__unguarded_linear_insert, bounded below by <paramref name="floor"/>.</summary>
    private static void LinearInsert(T[] v, long[] ix, int last, int floor)
    {
        T val = v[last];
        long id = ix[last];
        int next = last - 1;
        while (next >= floor && TOrder.Less(val, v[next]))
        {
            v[last] = v[next];
            ix[last] = ix[next];
            last = next;
            next--;
        }
        v[last] = val;
        ix[last] = id;
    }

    private static void HeapSelect(T[] v, long[] ix, int first, int middle, int last)
    {
        MakeHeap(v, ix, first, middle);
        for (int i = middle; i < last; i++)
            if (TOrder.Less(v[i], v[first])) PopHeap(v, ix, first, middle, i);
    }

    private static void MakeHeap(T[] v, long[] ix, int first, int last)
    {
        int len = last - first;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--)
        {
            AdjustHeap(v, ix, first, parent, len, v[first + parent], ix[first + parent]);
            if (parent == 0) return;
        }
    }

    private static void SortHeap(T[] v, long[] ix, int first, int last)
    {
        while (last - first > 1)
        {
            last--;
            PopHeap(v, ix, first, last, last);
        }
    }

    /// <summary>Moves the heap's top to <paramref name="result"/> and re-heaps [first, last) with what was there.</summary>
    private static void PopHeap(T[] v, long[] ix, int first, int last, int result)
    {
        T val = v[result];
        long id = ix[result];
        v[result] = v[first];
        ix[result] = ix[first];
        AdjustHeap(v, ix, first, 0, last - first, val, id);
    }

    private static void AdjustHeap(T[] v, long[] ix, int first, int hole, int len, T val, long id)
    {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2)
        {
            child = 2 * (child + 1);
            if (TOrder.Less(v[first + child], v[first + child - 1])) child--;
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
        while (hole > top && TOrder.Less(v[first + parent], val))
        {
            v[first + hole] = v[first + parent];
            ix[first + hole] = ix[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        v[first + hole] = val;
        ix[first + hole] = id;
    }

    private static void Swap(T[] v, long[] ix, int a, int b)
    {
        (v[a], v[b]) = (v[b], v[a]);
        (ix[a], ix[b]) = (ix[b], ix[a]);
    }
}
