namespace Trajet.Web.Features.Operations;

/// <summary>
/// <c>backup &lt;file&gt; [--without-keys]</c> and <c>restore &lt;file&gt;</c>, run by the app itself before any web
/// host starts; the rest of the command line is the usual configuration (<c>--Database:Provider=…</c>).
/// </summary>
public static class BackupCommands
{
    private const string WithoutKeys = "--without-keys";

    public static bool IsCommand(string[] args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Usage: Trajet.Web backup <file> [{WithoutKeys}] [--Section:Key=value…]\n       Trajet.Web restore <file> [--Section:Key=value…]");
            return 2;
        }
        var (command, file) = (args[0], args[1]);
        var withKeys = !args.Contains(WithoutKeys);
        // The same configuration sources as the web app: appsettings, environment, command line.
        var configuration = WebApplication.CreateBuilder(args[2..].Where(a => a != WithoutKeys).ToArray()).Configuration;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            var target = BackupTarget.From(configuration);
            var (succeeded, message) = command == "backup"
                ? await TakeBackup.ExecuteAsync(target, file, withKeys, cancel.Token)
                : await RestoreBackup.ExecuteAsync(target, file, cancel.Token);
            await (succeeded ? Console.Out : Console.Error).WriteLineAsync(message);
            return succeeded ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{command} failed: {e.Message}");
            return 1;
        }
    }
}
