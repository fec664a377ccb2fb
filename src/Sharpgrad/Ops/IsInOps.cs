using Sharpgrad.Shapes;

namespace Sharpgrad.Ops;

/// <summary>torch.isin: membership of each element in a set of test elements, compared in their promoted dtype.</summary>
internal static class IsInOps
{
    public static Tensor IsIn(Tensor elements, Tensor testElements, bool invert)
    {
        elements.ThrowIfDisposed();
        testElements.ThrowIfDisposed();
        var common = TypePromotion.Promote(elements.DType, testElements.DType);
        if (common == DType.Bool) throw new ArgumentException("Unsupported input type encountered for isin(): Bool");
        bool[] found;
        using (Autograd.NoGrad())
        {
            // Int64 compares as itself (a double key would merge neighbours beyond 2^53); NaN is never a member.
            if (common == DType.Int64)
            {
                var set = new HashSet<long>(testElements.To(common).Contiguous().ToArray<long>());
                found = Array.ConvertAll(elements.To(common).Contiguous().ToArray<long>(), v => set.Contains(v) != invert);
            }
            else
            {
                var set = new HashSet<double>(testElements.To(common).Contiguous().ToArray<double>().Where(v => !double.IsNaN(v)));
                found = Array.ConvertAll(elements.To(common).Contiguous().ToArray<double>(), v => set.Contains(v) != invert);
            }
        }
        return Tensor.FromArray(found, elements.Sizes.ToArray());
    }
}
