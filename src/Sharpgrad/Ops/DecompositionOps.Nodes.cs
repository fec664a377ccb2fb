namespace Sharpgrad.Ops;

/// <summary>A node that saves several outputs of a decomposition and releases them together.</summary>
internal abstract class DecompositionNode : Node
{
    protected abstract SavedTensor?[] SavedOutputs { get; }

    internal override IEnumerable<SavedTensor> Saved
    {
        get
        {
            foreach (var s in SavedOutputs)
                if (s is not null) yield return s;
        }
    }
}

