using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sharpgrad.Bench;

/// <summary>
/// `-- bdn [filter]`: the BenchmarkDotNet suites. Quick by default (in process, 1 launch, few
/// iterations, no separate build); `-- bdn --full [args]` uses BenchmarkDotNet's defaults and
/// any other BenchmarkDotNet argument passes through (e.g. `-- bdn --filter *Sgemm* --list flat`).
/// </summary>
internal static class Bdn
{
    public static int Run(string[] args)
    {
        bool full = args.Contains("--full");
        var rest = args.Where(a => a != "--full").ToList();
        // A bare first word is a filter (`-- bdn *Op*`); none means everything (no interactive prompt).
        if (rest.Count == 0 || !rest[0].StartsWith('-'))
        {
            string filter = rest.Count == 0 ? "*" : rest[0];
            if (rest.Count > 0) rest.RemoveAt(0);
            rest.InsertRange(0, ["--filter", filter]);
        }
        IConfig config = DefaultConfig.Instance;
        if (!full)
        {
            config = DefaultConfig.Instance.AddJob(Job.Default
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("quick"));
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Bdn).Assembly).Run(rest.ToArray(), config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
