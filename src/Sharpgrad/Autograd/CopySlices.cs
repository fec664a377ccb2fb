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

/// <summary>The gradient of a view regenerated after its base's history changed: grad placed into zeros of the base's geometry.</summary>
internal sealed class AsStridedBackward0(Tensor viewBase, Tensor view) : Node
{
    private readonly Geometry _base = Geometry.Of(viewBase);
    private readonly Geometry _view = Geometry.Of(view);
    private readonly int _storageLength = viewBase.Storage.Length;

    public override string Name => nameof(AsStridedBackward0);

    internal override Tensor?[] Apply(Tensor grad)
    {
        var storage = Storage.Allocate(grad.DType, _storageLength, clear: true);
        var result = new Tensor(storage, _base.Sizes, _base.Strides, _base.Offset, GradMode.Current.Inference);
        using (var slice = result.AliasWith(_view.Sizes, _view.Strides, _view.Offset))
            Dispatch.Copy(grad.Strided, slice.Strided);
        return [result];
    }
}
