using System.Diagnostics;
using System.Globalization;

namespace Sharpgrad.Bench;

/// <summary>
/// Timing and output, the same method as the libtorch peer's Harness (so figures compare):
/// calibrate an iteration count, warm up (here also until the JIT has settled, which libtorch
/// needs no time for), then time several repeats, each after a full GC,
/// discarding repeats during which other processes were busy. One line per figure:
/// <c>name=MEDIAN unit min=MIN max=MAX reps=N [cpu=.. foreign_max=.. steal=.. discarded=.. minflt/iter=..]</c>;
/// notes start with '#'.
/// </summary>
internal static class Harness
{
    public const int DefaultReps = 7;
    public const double DefaultRepSeconds = 0.25;
    public const double DefaultWarmSeconds = 0.5;
    private const double SettleSeconds = 0.5;
    private const double MaxWarmSeconds = 5;

    /// <summary>Cores' worth of foreign CPU tolerated during a repeat before it is re-run.</summary>
    public const double ForeignLimit = 0.15;

    private const double UserHz = 100.0;
    private const double CalibrationSeconds = 0.02;

    /// <summary>Stats of the most recent <see cref="Repeat"/> / <see cref="SecondsPerIter"/>.</summary>
    private static double s_cpuUtil = double.NaN, s_foreignMax = double.NaN, s_steal = double.NaN, s_faultsPerIter = double.NaN;
    private static int s_discarded, s_noisyKept;

    /// <summary>Suffix for every metric name (env PEER_TAG), as the peer does for variant runs.</summary>
    public static readonly string Tag =
        Environment.GetEnvironmentVariable("PEER_TAG") is { Length: > 0 } tag ? "." + tag : "";

    private static string Format(double v) =>
        v.ToString(v >= 100 ? "F1" : v >= 10 ? "F2" : "F3", CultureInfo.InvariantCulture);

    private static string Fixed2(double v) => v.ToString("F2", CultureInfo.InvariantCulture);

    public static void Info(string text) => Console.WriteLine("# " + text);

    public static void EmitOne(string name, double value, string unit) =>
        Console.WriteLine($"{name}{Tag}={Format(value)} {unit}");

    public static void Emit(string name, double[] samples, string unit)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        int half = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
        var line = new System.Text.StringBuilder();
        line.Append(name).Append(Tag).Append('=').Append(Format(median)).Append(' ').Append(unit)
            .Append(" min=").Append(Format(sorted[0])).Append(" max=").Append(Format(sorted[^1]))
            .Append(" reps=").Append(sorted.Length);
        if (!double.IsNaN(s_cpuUtil)) line.Append(" cpu=").Append(Fixed2(s_cpuUtil));
        if (!double.IsNaN(s_foreignMax))
        {
            line.Append(" foreign_max=").Append(Fixed2(s_foreignMax)).Append(" steal=").Append(Fixed2(s_steal))
                .Append(" discarded=").Append(s_discarded);
            if (s_noisyKept > 0) line.Append(" NOISY_KEPT=").Append(s_noisyKept);
        }
        if (!double.IsNaN(s_faultsPerIter))
            line.Append(" minflt/iter=").Append(s_faultsPerIter.ToString(s_faultsPerIter >= 10 ? "F0" : "F2", CultureInfo.InvariantCulture));
        Console.WriteLine(line.ToString());
    }

    public static double[] Map(double[] xs, Func<double, double> f)
    {
        var r = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++) r[i] = f(xs[i]);
        return r;
    }

    /// <summary>
    /// Seconds per iteration of <paramref name="body"/> (body(n) runs n iterations), one value per
    /// repeat: n doubles until one call takes 20 ms, calls continue until warmSeconds have passed,
    /// then n is scaled so one repeat lasts about repSeconds.
    /// </summary>
    public static double[] SecondsPerIter(Action<long> body, double repSeconds = DefaultRepSeconds,
        int reps = DefaultReps, double warmSeconds = DefaultWarmSeconds)
    {
        long iters = Calibrate(body, repSeconds, warmSeconds);
        long faultsBefore = MinorFaults();
        long done = 0;
        var perRep = Repeat(() => { body(iters); done += iters; }, reps);
        s_faultsPerIter = (MinorFaults() - faultsBefore) / (double)done;
        return Map(perRep, s => s / iters);
    }

    /// <summary>
    /// <see cref="SecondsPerIter"/> for several bodies measured round-robin (one repeat of each per round), so
    /// a drift of the machine during the run can't decide how they compare. Used for the three recording modes.
    /// </summary>
    public static double[][] SecondsPerIterInterleaved(Action<long>[] bodies, double repSeconds = DefaultRepSeconds,
        int reps = DefaultReps, double warmSeconds = DefaultWarmSeconds)
    {
        var iters = bodies.Select(b => Calibrate(b, repSeconds, warmSeconds)).ToArray();
        var rounds = RepeatRounds(bodies.Select((b, i) => (Action)(() => b(iters[i]))).ToArray(), reps);
        s_faultsPerIter = double.NaN;
        return rounds.Select((r, i) => Map(r, s => s / iters[i])).ToArray();
    }

    /// <summary>
    /// Iterations per repeat: n doubles until one call takes 20 ms, calls go on for warmSeconds and until their time
    /// settles, then n is scaled to repSeconds.
    /// </summary>
    private static long Calibrate(Action<long> body, double repSeconds, double warmSeconds)
    {
        var clock = new Stopwatch();
        long n = 1;
        double last;
        for (; ; n *= 2)
        {
            clock.Restart();
            body(n);
            last = clock.Elapsed.TotalSeconds;
            if (last >= CalibrationSeconds || n >= 1L << 40) break;
        }
        // Warm for warmSeconds and then until the JIT has settled: .NET compiles hot methods again,
        // optimized, on a background thread that competes with the benchmark for the two cores, so a
        // loop touching hundreds of methods (a training step) needs 1-2 s to reach its steady speed.
        // Stop once the best call time has not improved by 2% for SettleSeconds, or after MaxWarmSeconds.
        double spent = last, best = last, sinceBest = 0;
        while (spent < warmSeconds || (sinceBest < SettleSeconds && spent < MaxWarmSeconds))
        {
            clock.Restart();
            body(n);
            last = clock.Elapsed.TotalSeconds;
            spent += last;
            if (last < best * 0.98) { best = last; sinceBest = 0; }
            else sinceBest += last;
        }
        return Math.Max(1, (long)Math.Round(n * repSeconds / Math.Max(Math.Min(last, best), 1e-9)));
    }

    /// <summary>
    /// Like <see cref="Repeat"/> for several bodies: each round runs every body once; a round during which other
    /// processes were busy is discarded and re-run, as a single repeat is.
    /// </summary>
    public static double[][] RepeatRounds(Action[] oneReps, int reps)
    {
        var kept = new List<double[]>();
        var noisy = new List<(double[] Seconds, double Foreign)>();
        double foreignMax = 0;
        for (int attempt = 0; kept.Count < reps && attempt < 4 * reps; attempt++)
        {
            var round = new double[oneReps.Length];
            double worst = 0;
            for (int i = 0; i < oneReps.Length; i++)
            {
                round[i] = Repeat(oneReps[i], 1)[0];
                worst = Math.Max(worst, s_foreignMax);
            }
            if (worst > ForeignLimit) noisy.Add((round, worst));
            else
            {
                kept.Add(round);
                foreignMax = Math.Max(foreignMax, worst);
            }
        }
        int noisyKept = 0;
        foreach (var r in noisy.OrderBy(r => r.Foreign))
        {
            if (kept.Count >= reps) break;
            kept.Add(r.Seconds);
            foreignMax = Math.Max(foreignMax, r.Foreign);
            noisyKept++;
        }
        s_noisyKept = noisyKept;
        s_discarded = noisy.Count - noisyKept;
        s_foreignMax = foreignMax;
        return Enumerable.Range(0, oneReps.Length).Select(i => kept.Select(r => r[i]).ToArray()).ToArray();
    }

    /// <summary>
    /// Wall seconds of <paramref name="oneRep"/> for <paramref name="reps"/> kept repeats, each after
    /// a full GC. A repeat during which other processes used more than <see cref="ForeignLimit"/>
    /// cores is discarded and re-run (at most 4*reps attempts); if the machine never goes quiet,
    /// the least-disturbed discarded repeats fill the gap and NOISY_KEPT says how many.
    /// </summary>
    public static double[] Repeat(Action oneRep, int reps)
    {
        s_faultsPerIter = double.NaN;
        using var self = Process.GetCurrentProcess();
        var clock = new Stopwatch();
        var kept = new List<(double Seconds, double Foreign)>();
        var noisy = new List<(double Seconds, double Foreign)>();
        double ownTotal = 0, wallTotal = 0, stealTotal = 0;
        for (int attempt = 0; kept.Count < reps && attempt < 4 * reps; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var (busy0, steal0) = SystemJiffies();
            clock.Restart();
            oneRep();
            double wall = clock.Elapsed.TotalSeconds;
            self.Refresh();
            double own = (self.TotalProcessorTime - cpu0).TotalSeconds;
            var (busy1, steal1) = SystemJiffies();
            double foreign = Math.Max(0, (busy1 - busy0) / UserHz - own) / wall;
            if (foreign > ForeignLimit)
            {
                noisy.Add((wall, foreign));
                continue;
            }
            kept.Add((wall, foreign));
            ownTotal += own;
            wallTotal += wall;
            stealTotal += (steal1 - steal0) / UserHz;
        }
        // Utilisation and steal describe the quiet repeats only, as in the peer.
        s_cpuUtil = ownTotal / wallTotal;
        s_steal = stealTotal / wallTotal;
        s_noisyKept = 0;
        noisy.Sort((x, y) => x.Foreign.CompareTo(y.Foreign));
        foreach (var r in noisy)
        {
            if (kept.Count >= reps) break;
            kept.Add(r);
            s_noisyKept++;
        }
        s_discarded = noisy.Count - s_noisyKept;
        s_foreignMax = kept.Max(r => r.Foreign);
        return kept.Select(r => r.Seconds).ToArray();
    }

    /// <summary>(busy jiffies including steal, steal jiffies) over all CPUs, from /proc/stat.</summary>
    private static (double Busy, double Steal) SystemJiffies()
    {
        using var reader = new StreamReader("/proc/stat");
        var f = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        double J(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return (J(1) + J(2) + J(3) + J(6) + J(7) + J(8), J(8));
    }

    /// <summary>Minor page faults of this process so far (/proc/self/stat field 10).</summary>
    public static long MinorFaults()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    /// <summary>A "Key:   123 kB" value of /proc/self/status, in KiB (-1 if absent).</summary>
    public static long ProcStatusKb(string key)
    {
        string prefix = key + ":";
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var value = line[prefix.Length..].Trim().Split(' ')[0];
            return long.Parse(value, CultureInfo.InvariantCulture);
        }
        return -1;
    }
}
