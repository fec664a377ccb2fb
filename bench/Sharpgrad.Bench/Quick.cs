using System.Diagnostics;
using System.Reflection;

namespace Sharpgrad.Bench;

/// <summary>
/// The quick runner: every workload in its own fresh process (as the peer's run-all.sh does), so
/// no workload inherits another's heap, pool or JIT state; memory runs one process per mode.
/// </summary>
internal static class Quick
{
    /// <summary>2 threads for everything (the targets' setting), plus single-threaded SGEMM.</summary>
    private static readonly string[][] Default =
    [
        ["overhead", "2"], ["mlp-train", "2"], ["mlp-fwd", "2"], ["sgemm", "2"], ["sgemm", "1"],
        ["bandwidth", "2"], ["memory", "2", "default"], ["memory", "2", "no_grad"], ["memory", "2", "inference"],
        ["ledger", "2"], ["churn", "2"],
    ];

    /// <summary>`quick all`: the peer's whole matrix (both thread counts) and its machine anchors.</summary>
    private static readonly string[][] All =
    [
        ["cpu-peak"],
        .. new[] { "2", "1" }.SelectMany(t => new[]
        {
            new[] { "overhead", t }, ["mlp-train", t], ["mlp-fwd", t], ["sgemm", t], ["bandwidth", t],
        }),
        ["memory", "2", "default"], ["memory", "2", "no_grad"], ["memory", "2", "inference"], ["ledger", "2"], ["churn", "2"],
    ];

    public static int Run(string[] args)
    {
        var plan = args.Contains("all") ? All : Default;
        // Other words pick workloads: `quick memory ledger`.
        var only = args.Where(a => a != "all").ToHashSet();
        if (only.Count > 0) plan = plan.Where(step => only.Contains(step[0])).ToArray();
        int failures = 0;
        foreach (var step in plan)
        {
            Console.WriteLine($"# == {string.Join(' ', step)}");
            Console.Out.Flush();
            int rc = RunChild(step);
            if (rc != 0)
            {
                Console.WriteLine($"# !! {string.Join(' ', step)} exited with {rc}");
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Runs this program again with <paramref name="childArgs"/>; its output goes straight to ours.</summary>
    public static int RunChild(string[] childArgs)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var psi = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet Sharpgrad.Bench.dll` the host is dotnet itself and needs the assembly path.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var a in childArgs) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {host}");
        child.WaitForExit();
        return child.ExitCode;
    }
}
