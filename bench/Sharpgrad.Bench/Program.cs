// Sharpgrad's side of the libtorch peer benchmark (../shared/peer/torchsharp): same workloads, shapes,
// loops, counting, metric names and units.
// Usage:  dotnet run -c Release --project bench/Sharpgrad.Bench -- quick [all] [WORKLOAD...]
//         dotnet run -c Release --project bench/Sharpgrad.Bench -- WORKLOAD [threads] [mode]
//         dotnet run -c Release --project bench/Sharpgrad.Bench -- bdn [filter | BenchmarkDotNet args]
//   WORKLOAD: info | overhead | mlp-train | mlp-fwd | sgemm | bandwidth | memory | ledger | profile | cpu-peak | cpu-bw
//   threads:  Sharpgrad.Threading.SetNumThreads value (default 2)
//   mode:     memory only: default | no_grad | inference (one mode per process, as the peer)
// Output: one line per figure, "name=MEDIAN unit min=MIN max=MAX reps=N"; lines starting with '#' are notes.
using System.Globalization;
using Sharpgrad;
using Sharpgrad.Bench;
using static Sharpgrad.Bench.Harness;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string workload = args.Length > 0 ? args[0] : "info";

switch (workload)
{
    case "quick": return Quick.Run(args.Skip(1).ToArray());
    case "bdn": return Bdn.Run(args.Skip(1).ToArray());
}

int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
string mode = args.Length > 2 ? args[2] : "default";

switch (workload)
{
    case "cpu-peak": MachineAnchors.Peak(); return 0;
    case "cpu-bw": MachineAnchors.Bandwidth(threads); return 0;
}

Threading.SetNumThreads(threads);
Tensor.ManualSeed(0);
Info($"sharpgrad {typeof(Tensor).Assembly.GetName().Version} .NET {Environment.Version} threads={Threading.GetNumThreads()} workload={workload}");

switch (workload)
{
    case "info": break;
    case "overhead": Overhead.Run(threads); break;
    case "mlp-train": MlpBench.Train(threads); break;
    case "mlp-fwd": MlpBench.Forward(threads); break;
    case "sgemm": Kernels.Sgemm(threads); break;
    case "bandwidth": Kernels.Bandwidth(threads); break;
    case "memory": Memory.Run(mode); break;
    case "ledger": Memory.Ledger(); break;
    case "churn": Memory.Churn(); break;
    case "profile": Profile.Run(threads); break;
    default:
        Console.Error.WriteLine($"unknown workload {workload}");
        return 2;
}
return 0;
