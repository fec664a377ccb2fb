using Sharpgrad.NN;

namespace Sharpgrad.Bench;

/// <summary>The peer's models, built from Sharpgrad.NN exactly as the peer builds them from torch.nn.</summary>
internal static class Models
{
    /// <summary>The training/forward MLP: 784-512-512-10 with ReLU.</summary>
    public static Sequential Mlp() => new(
        new Linear(784, 512), new ReLU(),
        new Linear(512, 512), new ReLU(),
        new Linear(512, 10));

    /// <summary>The memory model: 16 x (Linear(2048, 2048) + ReLU).</summary>
    public static Sequential DeepMlp()
    {
        var layers = new List<Module>();
        for (int i = 0; i < 16; i++)
        {
            layers.Add(new Linear(2048, 2048));
            layers.Add(new ReLU());
        }
        return new Sequential(layers.ToArray());
    }
}
