namespace Sharpgrad.NN;

/// <summary>
/// Moving parameters to and from one flat vector (for second-order methods, evolution strategies, weight averaging).
/// PyTorch: torch.nn.utils.parameters_to_vector / vector_to_parameters.
/// </summary>
public static class ConvertParameters
{
    /// <summary>
    /// The parameters flattened (each by a view) and concatenated into one 1-D tensor, in order; it is recorded by
    /// autograd (CatBackward0 over ViewBackward0) when a parameter requires a gradient. A non-contiguous parameter
    /// cannot be viewed flat and throws as view does; an empty list throws as cat does.
    /// PyTorch: torch.nn.utils.parameters_to_vector.
    /// </summary>
    public static Tensor ParametersToVector(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var flat = new List<Tensor>();
        foreach (var p in parameters) flat.Add(p.View(-1));
        return Tensor.Cat([.. flat]);
    }

    /// <summary>
    /// Copies consecutive slices of <paramref name="vector"/> (taken along its first dimension, Python-slice style)
    /// into the parameters in order, each viewed as the parameter's shape, without recording autograd; the parameters
    /// stay the same leaves. Extra trailing elements are ignored; a slice that is too short throws view's
    /// "shape '[..]' is invalid for input of size n" after the earlier parameters were written, as in PyTorch.
    /// PyTorch rebinds param.data to that view (so the parameter then shares the vector's memory and dtype); here the
    /// values are copied into the parameter's own storage and cast to its dtype.
    /// PyTorch: torch.nn.utils.vector_to_parameters.
    /// </summary>
    public static void VectorToParameters(Tensor vector, IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(parameters);
        using var noGrad = Autograd.NoGrad();
        long pointer = 0;
        foreach (var p in parameters)
        {
            long n = p.NumElements;
            using var slice = vector.Slice(0, pointer, pointer + n);
            using var view = slice.ViewAs(p);
            p.Copy_(view);
            pointer += n;
        }
    }
}
