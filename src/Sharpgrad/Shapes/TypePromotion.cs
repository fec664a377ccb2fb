namespace Sharpgrad.Shapes;

/// <summary>
/// PyTorch's type promotion: bool &lt; uint8, int8 &lt; int16 &lt; int32 &lt; int64 &lt; float32 &lt; float64, with uint8 and
/// int8 meeting at int16.
/// </summary>
internal static class TypePromotion
{
    private static int Category(DType d) => d switch { DType.Bool => 0, _ when d.IsIntegral() => 1, _ => 2 };

    /// <summary>The promoted dtype of two dtypes, ignoring dimensions (torch.promote_types).</summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if (a == DType.Float64 || b == DType.Float64) return DType.Float64;
        if (a == DType.Float32 || b == DType.Float32) return DType.Float32;
        if (a == DType.Int64 || b == DType.Int64) return DType.Int64;
        if (a == DType.Int32 || b == DType.Int32) return DType.Int32;
        if (a == DType.Int16 || b == DType.Int16) return DType.Int16;
        if (a == DType.Bool) return b;
        if (b == DType.Bool) return a;
        return DType.Int16; // uint8 with int8: the smallest type holding both ranges
    }

    /// <summary>Result dtype of tensor op tensor: a 0-dim operand only wins when it is of a higher category.</summary>
    public static DType Result(Tensor a, Tensor b)
    {
        DType da = a.DType, db = b.DType;
        if (da == db) return da;
        bool za = a.Dim == 0, zb = b.Dim == 0;
        if (za == zb) return Promote(da, db);
        var (dimmed, zero) = za ? (db, da) : (da, db);
        return Category(zero) > Category(dimmed) ? Promote(dimmed, zero) : dimmed;
    }

    /// <summary>Result dtype of tensor op Python float: integral and bool tensors go to the default float dtype.</summary>
    public static DType WithDouble(DType tensor) => tensor.IsFloatingPoint() ? tensor : DTypeDefaults.Float;

    /// <summary>
    /// Whether a number passed as a double stands for a Python int: integral and within int64's range (PyTorch refuses a
    /// bigger Python int, so a bigger number can only be a Python float).
    /// </summary>
    public static bool IsPythonInt(double s) => s == Math.Floor(s) && s >= -9.2233720368547758E+18 && s < 9.2233720368547758E+18;

    /// <summary>
    /// Result dtype of tensor op Python number: an int keeps an integer tensor's dtype and turns bool into int64, a float
    /// takes integers and bool to the default float dtype; floating tensors keep theirs.
    /// </summary>
    public static DType WithScalar(DType tensor, double s) =>
        tensor.IsIntegral(includeBool: true) && IsPythonInt(s) ? (tensor == DType.Bool ? DType.Int64 : tensor) : WithDouble(tensor);
}

internal static class DTypeDefaults
{
    public const DType Float = DType.Float32;
}
