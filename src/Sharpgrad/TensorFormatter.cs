using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sharpgrad;

/// <summary>
/// PyTorch's printed form (torch/_tensor_str.py): one width for every element, fixed 4 decimals,
/// integer form ("1.") or scientific form chosen from the value range, 80-column lines, and
/// summarization with "..." above 1000 elements.
/// </summary>
internal static class TensorFormatter
{
    private const int Precision = 4;
    private const int LineWidth = 80;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;

    public static string Format(Tensor t)
    {
        const string prefix = "tensor(";
        int indent = prefix.Length;
        var suffixes = new List<string>();
        string body;
        var host = t.Contiguous().Detach();
        int numel = host.Numel;
        if (numel == 0)
        {
            if (t.Dim != 1) suffixes.Add("size=(" + string.Join(", ", t.Sizes) + (t.Dim == 1 ? ",)" : ")"));
            if (t.DType != DType.Float32) suffixes.Add("dtype=" + t.DType.TorchName());
            body = "[]";
        }
        else
        {
            if (t.DType is DType.Float64 or DType.Int32 or DType.Int16 or DType.Int8 or DType.UInt8) suffixes.Add("dtype=" + t.DType.TorchName());
            bool summarize = numel > Threshold;
            var values = Values(host);
            var formatter = new Formatter(t.DType, Summarized(values, host.Sizes, summarize));
            body = Render(values, host.Sizes, 0, 0, indent, summarize, formatter);
        }
        if (t.GradFn is { } fn) suffixes.Add($"grad_fn=<{fn.Name}>");
        else if (t.RequiresGrad) suffixes.Add("requires_grad=True");
        return AddSuffixes(prefix + body, suffixes, indent);
    }

    private static string AddSuffixes(string tensorStr, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(tensorStr);
        int lastLineLength = tensorStr.Length - tensorStr.LastIndexOf('\n') + 1;
        if (tensorStr.LastIndexOf('\n') < 0) lastLineLength = tensorStr.Length + 1 + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLength = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Elements as doubles (floats), or exact strings (integers and bools).</summary>
    private readonly record struct Element(double Value, string? Text);

    private static Element[] Values(Tensor t)
    {
        int n = t.Numel;
        var result = new Element[n];
        switch (t.DType)
        {
            case DType.Float32: { var d = t.ToArray<float>(); for (int i = 0; i < n; i++) result[i] = new(d[i], null); break; }
            case DType.Float64: { var d = t.ToArray<double>(); for (int i = 0; i < n; i++) result[i] = new(d[i], null); break; }
            case DType.Int64: Integers<long>(t, result); break;
            case DType.Int32: Integers<int>(t, result); break;
            case DType.UInt8: Integers<byte>(t, result); break;
            case DType.Int16: Integers<short>(t, result); break;
            case DType.Int8: Integers<sbyte>(t, result); break;
            default: { var d = t.ToArray<bool>(); for (int i = 0; i < n; i++) result[i] = new(d[i] ? 1 : 0, d[i] ? "True" : "False"); break; }
        }
        return result;
    }

    private static void Integers<T>(Tensor t, Element[] result) where T : unmanaged, IBinaryInteger<T>
    {
        var d = t.ToArray<T>();
        for (int i = 0; i < d.Length; i++) result[i] = new(double.CreateTruncating(d[i]), d[i].ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>The elements the formatter sizes itself on: only the printed ones when summarizing.</summary>
    private static List<Element> Summarized(Element[] values, int[] sizes, bool summarize)
    {
        var list = new List<Element>();
        Collect(values, sizes, 0, 0, summarize, list);
        return list;
    }

    private static void Collect(Element[] values, int[] sizes, int dim, int offset, bool summarize, List<Element> list)
    {
        if (sizes.Length == 0) { list.Add(values[0]); return; }
        int stride = 1;
        for (int d = dim + 1; d < sizes.Length; d++) stride *= sizes[d];
        int size = sizes[dim];
        foreach (int i in Indices(size, summarize))
        {
            if (dim == sizes.Length - 1) list.Add(values[offset + i]);
            else Collect(values, sizes, dim + 1, offset + i * stride, summarize, list);
        }
    }

    private static IEnumerable<int> Indices(int size, bool summarize)
    {
        if (summarize && size > 2 * EdgeItems)
        {
            for (int i = 0; i < EdgeItems; i++) yield return i;
            for (int i = size - EdgeItems; i < size; i++) yield return i;
        }
        else for (int i = 0; i < size; i++) yield return i;
    }

    private static string Render(Element[] values, int[] sizes, int dim, int offset, int indent, bool summarize, Formatter f)
    {
        int nd = sizes.Length;
        if (nd == 0) return f.Format(values[0]);
        int size = sizes[dim];
        if (dim == nd - 1)
        {
            int elementLength = f.Width + 2;
            int perLine = Math.Max(1, (LineWidth - indent) / elementLength);
            var data = new List<string>();
            if (summarize && size > 2 * EdgeItems)
            {
                for (int i = 0; i < EdgeItems; i++) data.Add(f.Format(values[offset + i]));
                data.Add(" ...");
                for (int i = size - EdgeItems; i < size; i++) data.Add(f.Format(values[offset + i]));
            }
            else for (int i = 0; i < size; i++) data.Add(f.Format(values[offset + i]));
            var lines = new List<string>();
            for (int i = 0; i < data.Count; i += perLine) lines.Add(string.Join(", ", data.Skip(i).Take(perLine)));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
        int stride = 1;
        for (int d = dim + 1; d < nd; d++) stride *= sizes[d];
        var slices = new List<string>();
        if (summarize && size > 2 * EdgeItems)
        {
            for (int i = 0; i < EdgeItems; i++) slices.Add(Render(values, sizes, dim + 1, offset + i * stride, indent + 1, summarize, f));
            slices.Add("...");
            for (int i = size - EdgeItems; i < size; i++) slices.Add(Render(values, sizes, dim + 1, offset + i * stride, indent + 1, summarize, f));
        }
        else for (int i = 0; i < size; i++) slices.Add(Render(values, sizes, dim + 1, offset + i * stride, indent + 1, summarize, f));
        int remaining = nd - dim;
        return "[" + string.Join("," + new string('\n', remaining - 1) + new string(' ', indent + 1), slices) + "]";
    }

    private sealed class Formatter
    {
        private readonly bool _floating;
        private readonly bool _intMode = true;
        private readonly bool _sciMode;
        public int Width { get; } = 1;

        public Formatter(DType dtype, List<Element> values)
        {
            _floating = dtype.IsFloatingPoint();
            if (!_floating)
            {
                foreach (var v in values) Width = Math.Max(Width, v.Text!.Length);
                return;
            }
            var finite = values.Where(v => double.IsFinite(v.Value) && v.Value != 0).Select(v => v.Value).ToList();
            if (finite.Count == 0) return;
            double min = finite.Min(Math.Abs), max = finite.Max(Math.Abs);
            foreach (var v in finite)
                if (v != Math.Ceiling(v)) { _intMode = false; break; }
            if (_intMode)
            {
                if (max / min > 1000 || max > 1e8)
                {
                    _sciMode = true;
                    foreach (var v in finite) Width = Math.Max(Width, Sci(v).Length);
                }
                else foreach (var v in finite) Width = Math.Max(Width, v.ToString("F0", CultureInfo.InvariantCulture).Length + 1);
            }
            else
            {
                _sciMode = max / min > 1000 || max > 1e8 || min < 1e-4;
                foreach (var v in finite) Width = Math.Max(Width, (_sciMode ? Sci(v) : Fixed(v)).Length);
            }
        }

        private static string Sci(double v) => v.ToString("0.0000e+00", CultureInfo.InvariantCulture);

        private static string Fixed(double v) => v.ToString("F" + Precision, CultureInfo.InvariantCulture);

        private static string Special(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";

        public string Format(Element e)
        {
            string s;
            if (!_floating) s = e.Text!;
            else if (!double.IsFinite(e.Value)) s = Special(e.Value);
            else if (_sciMode) s = Sci(e.Value);
            else if (_intMode) s = e.Value.ToString("F0", CultureInfo.InvariantCulture) + ".";
            else s = Fixed(e.Value);
            return s.Length < Width ? new string(' ', Width - s.Length) + s : s;
        }
    }
}
