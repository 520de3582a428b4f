using System.Globalization;
using System.Runtime.InteropServices;

namespace Madoguchi.Bench.Infrastructure;

/// <summary>The machine and the code a run measured.</summary>
public static class MachineInfo
{
    public static int Cores => Environment.ProcessorCount;

    /// <summary>Physical memory (MemTotal in /proc/meminfo), else what the GC sees, in GiB.</summary>
    public static double MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return Math.Round(kib / 1024.0 / 1024.0, 1);
            }
        }
        catch (IOException)
        {
            // Not Linux: fall through.
        }

        return Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0, 1);
    }

    /// <summary>"Debian GNU/Linux 12 (bookworm), Linux 6.1.0, x64, .NET 10.0.1".</summary>
    public static string Os()
    {
        string? pretty = null;
        try
        {
            pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (IOException)
        {
            // Not Linux.
        }

        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        var name = string.Join(", ", new[] { pretty ?? RuntimeInformation.OSDescription, kernel }.Where(p => p is not null));
        return $"{name}, {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}, .NET {Environment.Version}";
    }

    /// <summary>The commit checked out, with "+dirty" when tracked files differ from it; "unknown" outside git.</summary>
    public static async Task<string> CommitAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        try
        {
            var head = await Commands.RunAsync("git", ["rev-parse", "HEAD"], cancellationToken, repositoryRoot);
            if (head.ExitCode != 0)
            {
                return "unknown";
            }

            var status = await Commands.RunAsync("git", ["status", "--porcelain", "--untracked-files=no"], cancellationToken, repositoryRoot);
            return head.Output.Trim() + (status.ExitCode == 0 && status.Output.Trim().Length > 0 ? "+dirty" : "");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown"; // no git
        }
    }
}
