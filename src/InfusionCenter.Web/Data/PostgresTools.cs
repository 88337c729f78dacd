using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InfusionCenter.Web.Data;

/// <summary>Finding and running the machine's PostgreSQL tools for <see cref="LocalPostgres"/>.</summary>
internal static class PostgresTools
{
    /// <summary>The newest PostgreSQL server binaries on this machine, or null.</summary>
    public static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version > 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static bool IsRoot()
    {
        try
        {
            return File.ReadLines("/proc/self/status")
                .FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?
                .Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The postgres user must be able to reach the data directory through its parents.</summary>
    internal static void EnsureTraversable(string dataDir)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = Path.GetDirectoryName(dataDir); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            try
            {
                var mode = File.GetUnixFileMode(dir);
                if (!mode.HasFlag(UnixFileMode.OtherExecute))
                {
                    File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    internal static Task<(int Code, string Output)> RunPgAsync(bool asPostgresUser, string tool, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. args], cancellationToken)
            : RunAsync(tool, args, cancellationToken);

    internal static async Task<(int Code, string Output)> RunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        // pg_ctl start leaves the server holding inherited pipes open; read with a bounded wait.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, cancellationToken)).ConfigureAwait(false) is Task<string[]> both
            ? string.Join('\n', both.Result)
            : "";
        return (process.ExitCode, output.Trim());
    }
}
