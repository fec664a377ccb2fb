using Sharpgrad.Kernels;

namespace Sharpgrad;

/// <summary>The geometry of a tensor within its storage.</summary>
internal readonly record struct Geometry(int[] Sizes, int[] Strides, int Offset)
{
    public static Geometry Of(Tensor t) => new(t.Sizes, t.Strides, t.Offset);
}

/// <summary>
/// An in-place op on a view of a tensor that is part of a graph: the base's new history. Backward
/// takes the base's gradient, runs the op's node on the view's slice of it, and writes the result
/// back into that slice (PyTorch: CopySlices).
/// </summary>
internal sealed class CopySlices : Node
{
    private readonly Geometry _base;
    private readonly Geometry _view;
    private readonly int _storageLength;
    private readonly Node _fn;

    public CopySlices(Tensor viewBase, Tensor view, Node fn)
    {
        _base = Geometry.Of(viewBase);
        _view = Geometry.Of(view);
        _storageLength = viewBase.Storage.Length;
        _fn = fn;
        var edges = new Edge[fn.Edges.Length];
        edges[0] = viewBase.GradientEdge();
        for (int i = 1; i < edges.Length; i++) edges[i] = fn.Edges[i];
        Edges = edges;
    }

    public override string Name => nameof(CopySlices);

    internal override IEnumerable<SavedTensor> Saved => _fn.Saved;

    protected override void ReleaseSaved() => _fn.Release();

    internal override Tensor?[] Apply(Tensor grad)
    {
        // result has the base's exact geometry, so the view's geometry selects the right slice of it
        var storage = Storage.Allocate(grad.DType, _storageLength, clear: true);
        var result = new Tensor(storage, _base.Sizes, _base.Strides, _base.Offset, GradMode.Current.Inference);
        Dispatch.Copy(grad.Strided, result.Strided);
        var slice = result.AliasWith(_view.Sizes, _view.Strides, _view.Offset);
        var sliceGrad = slice.Clone();
        var res = _fn.ApplyAll([sliceGrad]);
        if (res.Length > 0 && res[0] is { } g0) Dispatch.Copy(g0.Strided, slice.Strided);
        else Dispatch.Fill(slice.Strided, 0);
        slice.Dispose();
        var outputs = new Tensor?[Edges.Length];
        outputs[0] = result;
        for (int i = 1; i < outputs.Length && i < res.Length; i++) outputs[i] = res[i];
        return outputs;
    }
}

/// <summary>
/// as_strided, and a view regenerated after its base's history changed: each element's gradient added at its storage position
/// (summed where the view overlaps itself, as PyTorch's as_strided_backward does), read back through the input's geometry.
/// </summary>
internal sealed class AsStridedBackward0(Tensor input, Geometry view) : Node
{
    private readonly Geometry _input = Geometry.Of(input);
    private readonly int _storageLength = input.Storage.Length;

    public AsStridedBackward0(Tensor input, Tensor view) : this(input, Geometry.Of(view)) { }

    public override string Name => nameof(AsStridedBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        int n = grad.Numel;
        var positions = new long[n];
        var sizes = view.Sizes;
        var index = new int[sizes.Length];
        for (int k = 0; k < n; k++)
        {
            long p = view.Offset;
            for (int d = 0; d < sizes.Length; d++) p += (long)index[d] * view.Strides[d];
            positions[k] = p;
            for (int d = sizes.Length - 1; d >= 0 && ++index[d] == sizes[d]; d--) index[d] = 0;
        }
        var storage = Tensor.Zeros([_storageLength], grad.DType).IndexAdd(0, Tensor.FromArray(positions), grad.Reshape(-1));
        return [storage.AsStrided(_input.Sizes, _input.Strides, _input.Offset)];
    }
}
