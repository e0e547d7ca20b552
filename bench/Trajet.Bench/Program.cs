using System.Globalization;
using Trajet.Bench.Generate;
using Trajet.Bench.Run;
using Trajet.Web.Data;

namespace Trajet.Bench;

// Trajet.Bench generate --provider sqlite|postgres --db <connection string> --cases 100000 [--seed 1] [--manifest path]
// Trajet.Bench run --provider … --db … --manifest … --app <published Trajet.Web.dll> [--out results.md] [--quick]
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        string Required(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        var provider = options.GetValueOrDefault("provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

        switch (command)
        {
            case "generate":
                {
                    var cases = int.Parse(options.GetValueOrDefault("cases", "20000"), CultureInfo.InvariantCulture);
                    var generator = new Generator(new GeneratorOptions(provider, Required("db"), cases,
                        int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture),
                        DateOnly.Parse(options.GetValueOrDefault("today", "2026-11-01"), CultureInfo.InvariantCulture),
                        Required("manifest")), Console.Out);
                    await generator.RunAsync();
                    return 0;
                }
            case "run":
                {
                    var settings = new RunSettings(provider, Required("db"), Required("manifest"), Required("app"), options.GetValueOrDefault("out"),
                        options.ContainsKey("quick"), options.GetValueOrDefault("only"));
                    return await Benchmark.RunAsync(settings, Console.Out);
                }
            default:
                Console.Error.WriteLine("usage: Trajet.Bench generate|run (see bench/README.md)");
                return 2;
        }
    }
}
