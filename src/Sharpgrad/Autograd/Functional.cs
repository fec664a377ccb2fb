namespace Sharpgrad;

public static partial class Autograd
{
    /// <summary>
    /// Higher-level derivatives of a function of tensors: Jacobians, Hessians and vector products with them, built on
    /// <see cref="Grad(Tensor[], Tensor[], Tensor[], bool, bool, bool, bool)"/> (reverse mode, and the double-backward trick for forward products). The inputs are detached
    /// copies unless <c>createGraph</c> keeps their history, so the results are graph-free unless asked for.
    /// PyTorch: torch.autograd.functional.
    /// </summary>
    public static class Functional
    {
        /// <summary>∂func/∂input, shaped output.shape + input.shape. PyTorch: torch.autograd.functional.jacobian.</summary>
        public static Tensor Jacobian(Func<Tensor, Tensor> func, Tensor input, bool createGraph = false, bool strict = false)
        {
            ArgumentNullException.ThrowIfNull(func);
            return Jacobian(a => func(a[0]), [input], createGraph, strict)[0];
        }

        /// <summary>∂func/∂input for each input, each shaped output.shape + input.shape. PyTorch: jacobian with a tuple of inputs.</summary>
        public static Tensor[] Jacobian(Func<Tensor[], Tensor> func, Tensor[] inputs, bool createGraph = false, bool strict = false)
        {
            ArgumentNullException.ThrowIfNull(func);
            ArgumentNullException.ThrowIfNull(inputs);
            using (EnableGrad())
            {
                var x = Prepare(inputs, createGraph);
                var output = func(x);
                if (strict && !output.RequiresGrad)
                    throw new InvalidOperationException("Output 0 of the user-provided function does not require gradients. The outputs must be computed in a differentiable manner from the input when running in strict mode.");
                var flat = output.Reshape(-1);
                long n = flat.NumElements;
                var rows = new Tensor[x.Length][];
                for (int j = 0; j < x.Length; j++) rows[j] = new Tensor[n];
                for (long i = 0; i < n; i++)
                {
                    Tensor?[] g = output.RequiresGrad
                        ? Grad([flat[i]], x, retainGraph: true, createGraph: createGraph, allowUnused: true)
                        : new Tensor?[x.Length];
                    for (int j = 0; j < x.Length; j++)
                    {
                        if (g[j] is null && strict)
                            throw new InvalidOperationException($"The output of the user-provided function is independent of input {j}. This is not allowed in strict mode.");
                        rows[j][i] = g[j] ?? Tensor.ZerosLike(x[j]);
                    }
                }
                var result = new Tensor[x.Length];
                for (int j = 0; j < x.Length; j++)
                {
                    var stacked = n == 0 ? Tensor.Zeros([0, .. x[j].Shape], x[j].DType) : Tensor.Stack(rows[j]);
                    var shaped = stacked.Reshape([.. output.Shape, .. x[j].Shape]);
                    result[j] = createGraph ? shaped : shaped.Detach();
                }
                return result;
            }
        }

        /// <summary>The matrix of second derivatives of a scalar function, shaped input.shape + input.shape. PyTorch: hessian.</summary>
        public static Tensor Hessian(Func<Tensor, Tensor> func, Tensor input, bool createGraph = false, bool strict = false)
        {
            ArgumentNullException.ThrowIfNull(func);
            return Jacobian(x =>
            {
                var y = func(x);
                if (y.NumElements != 1) throw new InvalidOperationException("The Tensor returned by the function given to hessian should contain a single element");
                if (!y.RequiresGrad)
                {
                    if (strict) throw new InvalidOperationException("The function given to hessian should return a single Tensor that requires gradients when running in strict mode.");
                    return Tensor.ZerosLike(x);
                }
                return Grad([y.Reshape([])], [x], createGraph: true, allowUnused: true)[0] ?? Tensor.ZerosLike(x);
            }, input, createGraph, strict);
        }

        /// <summary>func(input) and vᵀ·J (v may be omitted for a one-element output). PyTorch: vjp.</summary>
        public static (Tensor Output, Tensor Vjp) Vjp(Func<Tensor, Tensor> func, Tensor input, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            ArgumentNullException.ThrowIfNull(func);
            using (EnableGrad())
            {
                var x = Prepare([input], createGraph)[0];
                var output = func(x);
                var grad = VectorFor(output, v);
                var result = output.RequiresGrad ? Grad([output], [x], [grad], createGraph: createGraph, allowUnused: true)[0] : null;
                if (result is null && strict)
                    throw new InvalidOperationException("The output of the user-provided function is independent of input 0. This is not allowed in strict mode.");
                return (Finish(output, createGraph), Finish(result ?? Tensor.ZerosLike(x), createGraph));
            }
        }

        /// <summary>func(input) and J·v, by the double-backward trick (v may be omitted for a one-element input). PyTorch: jvp.</summary>
        public static (Tensor Output, Tensor Jvp) Jvp(Func<Tensor, Tensor> func, Tensor input, Tensor? v = null, bool createGraph = false, bool strict = false)
        {
            ArgumentNullException.ThrowIfNull(func);
            using (EnableGrad())
            {
                var x = Prepare([input], createGraph)[0];
                var direction = VectorFor(x, v, "input");
                var output = func(x);
                if (!output.RequiresGrad)
                {
                    if (strict) throw new InvalidOperationException("The output of the user-provided function is independent of input 0. This is not allowed in strict mode.");
                    return (Finish(output, createGraph), Tensor.ZerosLike(output));
                }
                // the gradient of vᵀ·(uᵀJ) with respect to u is J·v, whatever u is
                var u = Tensor.ZerosLike(output).RequiresGrad_();
                var back = Grad([output], [x], [u], createGraph: true, allowUnused: true)[0];
                var result = back is null ? Tensor.ZerosLike(output) : Grad([back], [u], [direction], createGraph: createGraph, allowUnused: true)[0] ?? Tensor.ZerosLike(output);
                return (Finish(output, createGraph), Finish(result, createGraph));
            }
        }

        /// <summary>A scalar func(input) and vᵀ·H. PyTorch: vhp.</summary>
        public static (Tensor Output, Tensor Vhp) Vhp(Func<Tensor, Tensor> func, Tensor input, Tensor v, bool createGraph = false, bool strict = false) =>
            HessianProduct(func, input, v, createGraph, strict, "vhp");

        /// <summary>A scalar func(input) and H·v (the same as vᵀ·H for a symmetric Hessian). PyTorch: hvp.</summary>
        public static (Tensor Output, Tensor Hvp) Hvp(Func<Tensor, Tensor> func, Tensor input, Tensor v, bool createGraph = false, bool strict = false) =>
            HessianProduct(func, input, v, createGraph, strict, "hvp");

        private static (Tensor, Tensor) HessianProduct(Func<Tensor, Tensor> func, Tensor input, Tensor v, bool createGraph, bool strict, string name)
        {
            ArgumentNullException.ThrowIfNull(func);
            ArgumentNullException.ThrowIfNull(v);
            using (EnableGrad())
            {
                var x = Prepare([input], createGraph)[0];
                VectorFor(x, v, "input");
                var output = func(x);
                if (output.NumElements != 1) throw new InvalidOperationException($"The Tensor returned by the function given to {name} should contain a single element");
                var gradient = output.RequiresGrad ? Grad([output.Reshape([])], [x], createGraph: true, allowUnused: true)[0] : null;
                var result = gradient is not null && gradient.RequiresGrad ? Grad([gradient], [x], [v], createGraph: createGraph, allowUnused: true)[0] : null;
                if (result is null && strict)
                    throw new InvalidOperationException($"The output of the user-provided function is independent of input 0. This is not allowed in strict mode.");
                return (Finish(output, createGraph), Finish(result ?? Tensor.ZerosLike(x), createGraph));
            }
        }

        // PyTorch's _grad_preprocess: with create_graph an input that requires grad keeps its history (a view of it), else a
        // detached copy that requires grad.
        private static Tensor[] Prepare(Tensor[] inputs, bool createGraph) =>
            Array.ConvertAll(inputs, t => createGraph && t.RequiresGrad ? t.ViewAs(t) : t.Detach().RequiresGrad_());

        private static Tensor VectorFor(Tensor t, Tensor? v, string what = "output")
        {
            if (v is null)
            {
                if (t.NumElements != 1)
                    throw new InvalidOperationException(what == "output"
                        ? "The vector v can only be None if the user-provided function returns a single Tensor with a single element."
                        : "The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.");
                return Tensor.OnesLike(t);
            }
            if (!v.Shape.SequenceEqual(t.Shape))
                throw new ArgumentException($"Mismatch in shape: {what} has shape {Errors.Size(t.Sizes)} but v has shape {Errors.Size(v.Sizes)}");
            return v;
        }

        private static Tensor Finish(Tensor t, bool createGraph) => createGraph ? t : t.Detach();
    }
}
