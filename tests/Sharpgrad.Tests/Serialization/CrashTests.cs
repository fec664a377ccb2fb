using System.Diagnostics;
using System.Globalization;
using Sharpgrad.Serialization;

namespace Sharpgrad.Tests.Serialization;

/// <summary>
/// Kills a real child process (tests/Sharpgrad.CrashWriter, copied next to the tests) while it saves checkpoints
/// in a loop: the checkpoint under the final name must always be one complete save.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Elements = 2_000_000; // 8 MB per checkpoint: each save takes long enough to be caught midway

    private readonly string _directory = Directory.CreateTempSubdirectory("sharpgrad-crash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Target => Path.Combine(_directory, "model.safetensors");

    private string[] Temporaries() => Directory.GetFiles(_directory, ".model.safetensors.*.tmp");

    [Fact]
    public void KillingTheWriterMidSaveNeverDamagesTheCheckpoint()
    {
        bool caughtMidWrite = false;
        // Under load the kill can land just after a save renamed its temporary; more rounds, same proof.
        for (int round = 0; round < 20 && !caughtMidWrite; round++)
        {
            caughtMidWrite = KillDuringSave();
            AssertCompleteCheckpoint();
        }
        Assert.True(caughtMidWrite, "the child was never killed while a temporary file was being written");

        // The next save of the same target cleans up what the killed writers left behind.
        SafeTensors.Save(new Dictionary<string, Tensor> { ["w"] = Tensor.Zeros([1]) }, Target);
        Assert.Equal([Target], Directory.GetFiles(_directory));
    }

    /// <summary>Runs the writer until a save is in progress (a temporary file is growing), then kills it.</summary>
    private bool KillDuringSave()
    {
        string writer = Path.Combine(AppContext.BaseDirectory, "Sharpgrad.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { writer, Target, Elements.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        long deadline = Environment.TickCount64 + 60_000; // a guard against a hung child, not a timing
        bool midWrite = false;
        try
        {
            while (Environment.TickCount64 < deadline && !child.HasExited)
            {
                if (File.Exists(Target) && Temporaries().Any(t => LengthOrZero(t) > 0))
                {
                    midWrite = true;
                    break;
                }
                Thread.Sleep(1);
            }
            Assert.False(child.HasExited, $"writer exited early with code {(child.HasExited ? child.ExitCode : 0)}");
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        // A leftover temporary proves the kill landed inside a save.
        return midWrite && Temporaries().Length > 0;
    }

    /// <summary>A temporary can be renamed into place between listing it and reading its length.</summary>
    private static long LengthOrZero(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private void AssertCompleteCheckpoint()
    {
        var tensors = SafeTensors.Load(Target);
        int k = int.Parse(SafeTensors.ReadMetadata(Target)["k"], CultureInfo.InvariantCulture);
        var w = Assert.Single(tensors).Value;
        Assert.Equal([Elements], w.Shape);
        var values = w.ToArray<float>();
        Assert.True(Array.TrueForAll(values, v => v == k), "the checkpoint mixes values from two saves");
    }
}
