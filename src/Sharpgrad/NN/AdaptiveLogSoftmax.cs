namespace Sharpgrad.NN;

/// <summary>
/// Efficient softmax over a large vocabulary (Grave et al., 2017): the <c>cutoffs[0]</c> most frequent classes and one
/// token per tail cluster share a head Linear; each cluster's classes get a two-layer projection (in → in / div^(i+1) →
/// cluster size). Forward returns each target's log-probability and their mean negative (the loss), composed of recorded
/// ops as PyTorch composes them. PyTorch: torch.nn.AdaptiveLogSoftmaxWithLoss.
/// </summary>
public sealed class AdaptiveLogSoftmaxWithLoss : Module
{
    private readonly int[] _cutoffs;

    /// <summary>A head of <paramref name="cutoffs"/>[0] classes plus one per cluster, and a projection per cluster.</summary>
    public AdaptiveLogSoftmaxWithLoss(int inFeatures, int nClasses, int[] cutoffs, double divValue = 4.0, bool headBias = false, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        if (cutoffs.Length == 0) throw new ArgumentException("cutoffs should be a sequence of length larger than 0");
        bool sorted = cutoffs.Zip(cutoffs.Skip(1)).All(p => p.First < p.Second);
        if (!sorted || cutoffs.Min() <= 0 || cutoffs.Max() > nClasses - 1)
            throw new ArgumentException("cutoffs should be a sequence of unique, positive integers sorted in an increasing order, where each value is between 1 and n_classes-1");
        InFeatures = inFeatures;
        NClasses = nClasses;
        _cutoffs = [.. cutoffs, nClasses];
        DivValue = divValue;
        HeadBias = headBias;
        ShortlistSize = _cutoffs[0];
        NClusters = _cutoffs.Length - 1;
        Head = RegisterModule("head", new Linear(inFeatures, ShortlistSize + NClusters, headBias, dtype));
        Tail = RegisterModule("tail", new ModuleList());
        for (int i = 0; i < NClusters; i++)
        {
            int hidden = (int)Math.Floor(inFeatures / Math.Pow(divValue, i + 1));
            int size = _cutoffs[i + 1] - _cutoffs[i];
            Tail.Add(new Sequential(new Linear(inFeatures, hidden, bias: false, dtype), new Linear(hidden, size, bias: false, dtype)));
        }
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Number of classes.</summary>
    public int NClasses { get; }

    /// <summary>The cluster boundaries, ending with <see cref="NClasses"/>.</summary>
    public IReadOnlyList<int> Cutoffs => _cutoffs;

    /// <summary>Each cluster's hidden size is in_features / div^(i+1).</summary>
    public double DivValue { get; }

    /// <summary>Whether the head has a bias.</summary>
    public bool HeadBias { get; }

    /// <summary>Classes scored directly by the head.</summary>
    public int ShortlistSize { get; }

    /// <summary>Number of tail clusters.</summary>
    public int NClusters { get; }

    /// <summary>The head: shortlist classes plus one logit per cluster.</summary>
    public Linear Head { get; }

    /// <summary>One two-layer projection per cluster.</summary>
    public ModuleList Tail { get; }

    /// <summary>Needs targets: use the (input, target) overload or <see cref="LogProb"/>.</summary>
    public override Tensor Forward(Tensor input) =>
        throw new NotSupportedException("AdaptiveLogSoftmaxWithLoss takes (input, target); call Forward(input, target) or LogProb(input).");

    /// <summary>
    /// Each target's log-probability ([N], or a scalar for a 0-D target and 1-D input) and the mean negative log-likelihood.
    /// </summary>
    public (Tensor Output, Tensor Loss) Forward(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Dim == 1)
        {
            if (input.Shape[0] != target.Shape[0]) throw new ArgumentException("Input and target should have the same size in the batch dimension.");
            if (input.Dim != 2) throw new ArgumentException($"1D target tensor expects 2D input tensors, but found inputs with size {Errors.Size(input.Sizes)}");
        }
        else if (target.Dim == 0)
        {
            if (input.Dim != 1) throw new ArgumentException($"0D target tensor expects 1D input tensors, but found inputs with size {Errors.Size(input.Sizes)}");
        }
        else throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
        bool batched = target.Dim > 0;
        var x = batched ? input : input.Unsqueeze(0);
        var t = batched ? target : target.Unsqueeze(0);
        int batch = t.Shape[0], used = 0;
        var output = x.NewZeros(batch);
        var gatherIndices = Tensor.Empty([batch], t.DType);
        int[] bounds = [0, .. _cutoffs];
        for (int i = 0; i < bounds.Length - 1; i++)
        {
            int low = bounds[i], high = bounds[i + 1];
            Tensor mask, rows;
            using (Autograd.NoGrad())
            {
                mask = t.Ge(low).LogicalAnd(t.Lt(high));
                rows = mask.Nonzero().Reshape(-1);
            }
            if (rows.NumElements == 0) continue;
            if (i == 0)
                gatherIndices.IndexCopy_(0, rows, t[mask]);
            else
            {
                var relative = t[mask] - low;
                var clusterOutput = Tail[i - 1].Call(x.IndexSelect(0, rows));
                gatherIndices.IndexFill_(0, rows, ShortlistSize + i - 1);
                var local = Functional.LogSoftmax(clusterOutput, 1).Gather(1, relative.Unsqueeze(1));
                output.IndexCopy_(0, rows, local.Squeeze(1));
            }
            used += (int)rows.NumElements;
        }
        if (used != batch)
            throw new ArgumentException($"Target values should be in [0, {NClasses - 1}], but values in range [{t.Min().Item<long>()}, {t.Max().Item<long>()}] were found. ");
        var headLogProb = Functional.LogSoftmax(Head.Call(x), 1);
        output = output + headLogProb.Gather(1, gatherIndices.Unsqueeze(1)).Squeeze();
        var loss = (-output).Mean();
        return (batched ? output : output.Squeeze(0), loss);
    }

    /// <summary>Log-probabilities of all <see cref="NClasses"/> classes for each row of [N, in_features] input.</summary>
    public Tensor LogProb(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return FullLogProb(input, Head.Call(input));
    }

    /// <summary>The most probable class of each row (the head's argmax when it falls in the shortlist).</summary>
    public Tensor Predict(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var headOutput = Head.Call(input);
        var output = headOutput.ArgMax(1);
        var notInShortlist = output.Ge(ShortlistSize);
        if (!notInShortlist.Any().Item<bool>()) return output;
        if (notInShortlist.All().Item<bool>()) return FullLogProb(input, headOutput).ArgMax(1);
        var logProb = FullLogProb(input[notInShortlist], headOutput[notInShortlist]);
        output[notInShortlist] = logProb.ArgMax(1);
        return output;
    }

    private Tensor FullLogProb(Tensor input, Tensor headOutput)
    {
        var result = Tensor.Empty([headOutput.Shape[0], NClasses], headOutput.DType);
        var headLogProb = Functional.LogSoftmax(headOutput, 1);
        result[.., ..ShortlistSize] = headLogProb[.., ..ShortlistSize];
        for (int i = 0; i < NClusters; i++)
        {
            var clusterLogProb = Functional.LogSoftmax(Tail[i].Call(input), 1);
            result[.., _cutoffs[i].._cutoffs[i + 1]] = clusterLogProb + headLogProb[.., ShortlistSize + i].Unsqueeze(1);
        }
        return result;
    }
}
