using System.Diagnostics;
using Npgsql;

namespace Trajet.Web.Features.Operations;

/// <summary>
/// Runs pg_dump and pg_restore (Debian's postgresql-client) against the configured database. The
/// connection goes through PG* environment variables: the password never appears on a command line.
/// </summary>
public static class PostgresTools
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    /// <summary><c>Backups:PostgresBin</c>, else the newest /usr/lib/postgresql/&lt;version&gt;/bin, else the PATH.</summary>
    public static string? Find(string tool, string? configuredBin)
    {
        if (!string.IsNullOrWhiteSpace(configuredBin))
        {
            var configured = Path.Combine(configuredBin, tool);
            return File.Exists(configured) ? configured : null;
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: decimal.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Dir, "bin", tool)))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
    }

    public static async Task<Run> RunAsync(string executable, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in ConnectionVariables(connectionString))
        {
            if (value is not null)
            {
                info.Environment[name] = value;
            }
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>libpq's variables for the Npgsql connection string (host, port, database, user, password, TLS).</summary>
    public static Dictionary<string, string?> ConnectionVariables(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string?>
        {
            ["PGHOST"] = npgsql.Host,
            ["PGPORT"] = npgsql.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = npgsql.Database,
            ["PGUSER"] = npgsql.Username,
            ["PGPASSWORD"] = npgsql.Password,
            ["PGSSLMODE"] = npgsql.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
            ["PGCONNECT_TIMEOUT"] = "30",
            ["PGAPPNAME"] = "trajet-backup",
        };
    }
}
