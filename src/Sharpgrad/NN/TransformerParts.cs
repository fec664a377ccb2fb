namespace Sharpgrad.NN;

/// <summary>The settings a transformer layer was built with, kept so a stack can build copies of it.</summary>
internal readonly record struct TransformerLayerSettings(int DModel, int NHead, int DimFeedforward, double Dropout, string Activation,
    double LayerNormEps, bool BatchFirst, bool NormFirst, bool Bias, DType DType)
{
    /// <summary>PyTorch's check of the activation name.</summary>
    public static void CheckActivation(string activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (activation is not ("relu" or "gelu"))
            throw new ArgumentException($"activation should be relu/gelu, not {activation}");
    }
}

/// <summary>What encoder and decoder layers and stacks share: the feed-forward sub-block, layer copies and stacking.</summary>
internal static class TransformerParts
{
    /// <summary>outer(linear2(inner(act(linear1(x))))): the feed-forward sub-block with its two dropouts.</summary>
    public static Tensor FeedForward(Tensor x, Linear linear1, Dropout inner, Linear linear2, Dropout outer, string activation)
    {
        var hidden = linear1.Call(x);
        hidden = activation == "gelu" ? Functional.Gelu(hidden) : Functional.Relu(hidden);
        return outer.Call(linear2.Call(inner.Call(hidden)));
    }

    /// <summary>Gives <paramref name="copy"/> (freshly built with the same settings) <paramref name="source"/>'s parameters and mode (PyTorch's deepcopy).</summary>
    public static T CopyStateInto<T>(T source, T copy) where T : Module
    {
        copy.LoadStateDict(source.StateDict());
        if (!source.Training) copy.Eval();
        return copy;
    }

    /// <summary>Fills <paramref name="list"/> with <paramref name="numLayers"/> copies of <paramref name="layer"/>.</summary>
    public static T[] Stack<T>(ModuleList list, T layer, int numLayers, Func<T, T> copy) where T : Module
    {
        var layers = new T[numLayers];
        for (int i = 0; i < numLayers; i++) layers[i] = list.Add(copy(layer));
        return layers;
    }
}
