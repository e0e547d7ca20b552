using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Trajet.Bench.Generate;
using Trajet.Web.Data;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Instruments;

namespace Trajet.Bench.Run;

public sealed record RunSettings(DatabaseProvider Provider, string ConnectionString, string ManifestPath, string AppDll, string? OutPath, bool Quick, string? Only);

/// <summary>
/// Starts the published app on a generated database and measures each use case at 1, 16 and 64
/// clients, beside the limits of the same server (a static file) and of the database (the
/// report's counts in one hand-written query). Prints Markdown tables.
/// </summary>
public static class Benchmark
{
    private static readonly int[] Levels = [1, 16, 64];
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(RunSettings settings, TextWriter log)
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(settings.ManifestPath), Web)!;
        var work = Directory.CreateTempSubdirectory("trajet-bench-").FullName;
        var provider = settings.Provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            // The app runs in its own folder: give it the database's full path.
            var sqlite = new SqliteConnectionStringBuilder(settings.ConnectionString);
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
            settings = settings with { ConnectionString = sqlite.ConnectionString };
        }
        var output = new StringBuilder();
        void Say(string line)
        {
            log.WriteLine(line);
            output.AppendLine(line);
        }

        var caseIds = await ReadCaseIdsAsync(settings);
        var rng = new Random(7);
        var sample = Enumerable.Range(0, 4000).Select(_ => caseIds[rng.Next(caseIds.Count)]).ToArray();

        await using var app = await AppProcess.StartAsync(settings.AppDll, provider, settings.ConnectionString, Generator.KeysFolder(settings.ManifestPath), work, log);
        var startUp = app.StartUp;
        var afterStartMb = app.TakeWindowMaxMb();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromSeconds(100),
        };

        // Sessions: case managers by bearer token and by cookie (the two-factor rule for coordinators does not apply to them).
        var managers = manifest.CaseManagers.Take(16).ToList();
        var tokens = new List<string>();
        var cookies = new List<string>();
        foreach (var email in managers)
        {
            tokens.Add(await TokenAsync(http, email, manifest.Password));
            cookies.Add(await CookieAsync(http, email, manifest.Password));
        }
        var evaluator = await TokenAsync(http, manifest.Evaluators[0], manifest.Password);
        var outreachWorker = await TokenAsync(http, manifest.OutreachWorkers[0], manifest.Password);

        HttpRequestMessage Bearer(string url, string token, HttpMethod? method = null)
        {
            var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        var planted = manifest.Planted;
        // The caseload's most common family name: the name search with the most namesakes to rank.
        var (commonName, namesakes) = await CommonestFamilyNameAsync(settings);
        var today = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scenarios = new List<(Scenario Scenario, int[] Counts, TimeSpan Time)>
        {
            (new Scenario("bare (static file)", (_, _) => new HttpRequestMessage(HttpMethod.Get, "/css/site.css")), [500, 4000, 8000], TimeSpan.FromSeconds(15)),
            (new Scenario("health (one query)", (_, _) => new HttpRequestMessage(HttpMethod.Get, "/health")), [300, 2000, 4000], TimeSpan.FromSeconds(15)),
            (new Scenario("case list, status filter", (c, n) => Bearer($"/api/cases?status=active&page={1 + (n % 5)}&pageSize=50", tokens[c % tokens.Count])), [100, 600, 1200], TimeSpan.FromSeconds(25)),
            (new Scenario("case list, my cases", (c, n) => Bearer($"/api/cases?assignee=me&page=1&pageSize=50", tokens[c % tokens.Count])), [100, 600, 1200], TimeSpan.FromSeconds(25)),
            (new Scenario("case JSON", (c, n) => Bearer($"/api/cases/{sample[n % sample.Length]}", tokens[c % tokens.Count])), [200, 1500, 3000], TimeSpan.FromSeconds(25)),
            (new Scenario("case page (HTML)", (c, n) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/Cases/Details/{sample[n % sample.Length]}");
                request.Headers.Add("Cookie", cookies[c % cookies.Count]);
                return request;
            }), [200, 1000, 2000], TimeSpan.FromSeconds(25)),
            (new Scenario("name search, variants", (c, n) => Bearer($"/api/cases?q={Uri.EscapeDataString(planted[n % planted.Count].Query)}&pageSize=10", tokens[c % tokens.Count])),
                [100, 400, 800], TimeSpan.FromSeconds(30)),
            (new Scenario("name search, common name", (c, n) => Bearer($"/api/cases?q={Uri.EscapeDataString(commonName)}&pageSize=10", tokens[c % tokens.Count])),
                [100, 400, 800], TimeSpan.FromSeconds(30)),
            (new Scenario("record interaction", (c, n) =>
            {
                var request = Bearer($"/api/cases/{sample[(n * 7) % sample.Length]}/interactions", tokens[c % tokens.Count], HttpMethod.Post);
                request.Content = JsonContent.Create(new { type = "phone-call", date = today, durationMinutes = 10, language = "fr", notes = $"Benchmark call {n}" });
                return request;
            }, HttpStatusCode.Created), [100, 800, 1600], TimeSpan.FromSeconds(25)),
            (new Scenario("evaluation report", (_, _) => Bearer($"/api/reports/evaluation?programme={manifest.Programme}", evaluator)), [5, 16, 64], TimeSpan.FromSeconds(120)),
            (new Scenario("outreach dashboard", (_, _) => Bearer($"/api/outreach/dashboard?programme={manifest.OutreachProgramme}", outreachWorker)), [50, 200, 400], TimeSpan.FromSeconds(30)),
        };

        Say($"## {provider}: {manifest.Cases:N0} cases ({string.Join(", ", manifest.Rows.Select(r => $"{r.Key} {r.Value:N0}"))})");
        Say("");
        Say($"Start-up to healthy: **{startUp.TotalSeconds:F2} s**; memory after start-up {afterStartMb:F0} MB.");
        Say("");
        Say("| scenario | clients | requests | errors | p50 ms | p95 ms | p99 ms | req/s | vs bare | server CPU ms/req | max RSS MB |");
        Say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new List<Result>();
        var notes = new List<string>();
        if (settings.Only is null || "name search, common name".Contains(settings.Only, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"name search, common name: q={commonName}, the family name of {namesakes:N0} people."));
        }
        var bare = new Dictionary<int, double>();
        foreach (var (scenario, counts, time) in scenarios)
        {
            if (settings.Only is { } only && !scenario.Name.Contains(only, StringComparison.OrdinalIgnoreCase) && !scenario.Name.StartsWith("bare", StringComparison.Ordinal))
            {
                continue;
            }
            // Probe once (and warm up): a 404 means the endpoint is not built yet.
            using (var probe = scenario.Build(0, 0))
            using (var answer = await http.SendAsync(probe))
            {
                if (answer.StatusCode == HttpStatusCode.NotFound)
                {
                    Say($"| {scenario.Name} | – | – | – | not available (404) | | | | | | |");
                    notes.Add($"{scenario.Name}: not available (the endpoint answered 404).");
                    continue;
                }
            }
            // Warm-up, not counted: a few hundred requests, so that the JIT has compiled the scenario's code at its last
            // tier, as in a server that has been up for a while (twenty requests left the 1-client level measuring the JIT).
            await Load.RunAsync(http, scenario, 16, settings.Quick ? 100 : 400, TimeSpan.FromSeconds(settings.Quick ? 10 : 20), app);
            long before = 0;
            if (scenario.Expected == HttpStatusCode.Created)
            {
                // Counted after the probe and the warm-up: only the measured posts follow.
                before = await CountAsync(settings, "SELECT count(*) FROM \"Interactions\"");
            }
            var created = 0;
            foreach (var (clients, i) in Levels.Select((c, i) => (c, i)))
            {
                var count = settings.Quick ? Math.Max(clients, counts[i] / 4) : counts[i];
                var result = await Load.RunAsync(http, scenario, clients, count, settings.Quick ? time / 2 : time, app);
                results.Add(result);
                if (scenario.Name.StartsWith("bare", StringComparison.Ordinal))
                {
                    bare[clients] = result.Throughput;
                }
                if (scenario.Expected == HttpStatusCode.Created)
                {
                    created += result.Requests - result.Errors;
                }
                var ratio = bare.TryGetValue(clients, out var limit) && limit > 0 ? $"{result.Throughput / limit:P0}" : "";
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {clients} | {result.Requests} | {result.Errors} | {result.P50:F1} | {result.P95:F1} | {result.P99:F1} | {result.Throughput:F0} | {ratio} | {result.CpuMsPerRequest:F2} | {result.MaxRssMb:F0} |"));
                if (result.FirstError is { } error)
                {
                    notes.Add($"{scenario.Name} at {clients}: {result.Errors} errors, first: {error}");
                }
            }
            if (scenario.Expected == HttpStatusCode.Created)
            {
                // Warm-up and probe posts count too.
                var after = await CountAsync(settings, "SELECT count(*) FROM \"Interactions\"");
                notes.Add($"record interaction: {after - before:N0} rows added for {created:N0} posts answered 201: {(after - before == created ? "nothing lost" : $"{created - (after - before)} LOST")}.");
            }
        }
        Say("");

        // Search recall: every planted spelling once, ranked as the list ranks.
        if (settings.Only is null || "name search".Contains(settings.Only, StringComparison.OrdinalIgnoreCase))
        {
            var keyMisses = planted.Count(p => !Findable(p));
            Say(string.Create(CultureInfo.InvariantCulture,
                $"Name search recall over {planted.Count} planted spellings; {keyMisses} of them share no sound-alike key, reading or one-letter neighbour with the stored name (the matcher cannot find them)."));
            Say("");
            Say("| query | in the top 10 | found at all (first 200) | median total matches |");
            Say("|---|---|---|---|");
            var withYear = planted.Where(p => p.BirthYear is not null).ToList();
            // The planted people whose stored name, searched as it is, finds their case among at most 10: a search by name
            // alone can show them in the top 10. The others tie with the people whose names sound the same (a user adds the
            // year). Chosen by the stored name's results, so this row tells whether the other spelling finds them, not how
            // well the ranking does among namesakes; the target is the first row's.
            var distinctive = new List<PlantedName>();
            foreach (var p in planted)
            {
                var (_, found, total, _) = await RecallAsync(http, tokens[0], [(p, p.Stored)]);
                if (found == 1 && total <= 10)
                {
                    distinctive.Add(p);
                }
            }
            var misses = new List<string>();
            foreach (var (label, queries, listMisses) in new[]
            {
                ("name only", planted.Select(p => (p, p.Query)).ToList(), true),
                // Its misses are the first row's too.
                ($"name only, the {distinctive.Count} whose stored name finds their case among at most 10", distinctive.Select(p => (p, p.Query)).ToList(), false),
                ($"name and year of birth ({withYear.Count} with a birth date)", withYear.Select(p => (p, $"{p.Query} {p.BirthYear}")).ToList(), true),
            })
            {
                var (top10, found, medianTotal, examples) = await RecallAsync(http, tokens[0], queries);
                Say(string.Create(CultureInfo.InvariantCulture, $"| {label} | **{top10:P1}** | {found:P1} | {medianTotal} |"));
                if (listMisses)
                {
                    misses.AddRange(examples.Take(8));
                }
            }
            Say("");
            Say($"Spellings not in the top 10 (the first 8 of each): {string.Join("; ", misses)}.");
            Say("");
        }

        if (settings.Only is null || "import".Contains(settings.Only, StringComparison.OrdinalIgnoreCase))
        {
            await ImportBench.RunAsync(settings, manifest, http, app, () => Connect(settings), Say);
        }

        // The limit for the report: its counts in one hand-written query on the same database.
        if (settings.Only is null || "evaluation report".Contains(settings.Only, StringComparison.OrdinalIgnoreCase))
        {
            var (sqlMs, sqlCounts) = await HandWrittenReportAsync(settings, manifest.Programme);
            using var response = await http.SendAsync(Bearer($"/api/reports/evaluation?programme={manifest.Programme}", evaluator));
            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var appCounts = new[]
            {
                report.GetProperty("sheets").GetInt32(), report.GetProperty("cohort").GetProperty("families").GetInt32(),
                report.GetProperty("cohort").GetProperty("individuals").GetInt32(), report.GetProperty("cohort").GetProperty("adults").GetInt32(),
                report.GetProperty("cohort").GetProperty("children").GetInt32(), report.GetProperty("cohort").GetProperty("homeVisits").GetInt32(),
                report.GetProperty("cohort").GetProperty("referred").GetInt32(), report.GetProperty("cohort").GetProperty("admitted").GetInt32(),
                report.GetProperty("impact")[0].GetProperty("counts").GetProperty("some").GetInt32(),
            };
            var single = results.Single(r => r.Scenario == "evaluation report" && r.Clients == 1);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"Evaluation report: app p50 {single.P50:F0} ms at 1 client; the same counts in one hand-written SQL query: {sqlMs:F0} ms (median of 5) → **{single.P50 / sqlMs:F1}×**. " +
                $"Counts (sheets, families, individuals, adults, children, home visits, referred, admitted, engagement=some): app [{string.Join(", ", appCounts)}], SQL [{string.Join(", ", sqlCounts)}] — {(appCounts.SequenceEqual(sqlCounts) ? "identical" : "DIFFERENT")}."));
            Say("");
        }

        Say(string.Create(CultureInfo.InvariantCulture, $"Server memory: max RSS sampled {app.MaxRssKb / 1024.0:F0} MB, kernel high-water mark (VmHWM) {app.PeakRssMb():F0} MB."));
        Say("");
        foreach (var note in notes)
        {
            Say($"- {note}");
        }
        Say("");
        if (settings.OutPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, output.ToString());
        }
        return 0;
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> CookieAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        response.EnsureSuccessStatusCode();
        var pairs = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        return string.Join("; ", pairs);
    }

    // Whether the search can find the planted person at all (CaseSearch): every word of the query meets the stored
    // name's keys, or (up to three words) one word does and the others are one letter away.
    private static bool Findable(PlantedName p)
    {
        var stored = p.Stored.Split(' ', 2);
        var keys = NameMatcher.StoredKeys(stored[0], stored.Length > 1 ? stored[1] : "");
        var words = NameQuery.Parse(p.Query).Words;
        return words.All(w => keys.Overlaps(w.Keys))
            || words.Count <= 3 && (words.Count == 1 || words.Any(w => keys.Overlaps(w.Keys))) && words.All(w => keys.Overlaps(w.AllKeys));
    }

    private static async Task<(double Top10, double Found, int MedianTotal, List<string> Misses)> RecallAsync(HttpClient http, string token, List<(PlantedName Planted, string Query)> queries)
    {
        var inTop = 0;
        var found = 0;
        var totals = new List<int>();
        var misses = new List<string>();
        foreach (var (p, query) in queries)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases?q={Uri.EscapeDataString(query)}&pageSize=200");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var ids = doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            totals.Add(doc.RootElement.GetProperty("total").GetInt32());
            var rank = ids.IndexOf(p.CaseId);
            found += rank >= 0 ? 1 : 0;
            if (rank is >= 0 and < 10)
            {
                inTop++;
            }
            else
            {
                misses.Add($"{query} → {p.Stored} ({(rank < 0 ? "not found" : $"rank {rank + 1}")} of {totals[^1]})");
            }
        }
        totals.Sort();
        return queries.Count == 0 ? (0, 0, 0, misses)
            : ((double)inTop / queries.Count, (double)found / queries.Count, totals[totals.Count / 2], misses);
    }

    private static DbConnection Connect(RunSettings settings) => settings.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(settings.ConnectionString)
        : new SqliteConnection(settings.ConnectionString);

    private static async Task<(string Name, long People)> CommonestFamilyNameAsync(RunSettings settings)
    {
        await using var connection = Connect(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"LastName\", count(*) FROM \"Members\" WHERE \"LastName\" <> '' GROUP BY \"LastName\" ORDER BY count(*) DESC, \"LastName\" LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)) : ("Diallo", 0);
    }

    private static async Task<long> CountAsync(RunSettings settings, string sql)
    {
        await using var connection = Connect(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<Guid>> ReadCaseIdsAsync(RunSettings settings)
    {
        await using var connection = Connect(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Cases\"";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0)));
        }
        return ids;
    }

    /// <summary>
    /// The report's counts in one query: the latest summary sheet of each case (marked as such by the app, see
    /// LatestSheet) counted per question and answer, and the cohort's headline counts. What a DBA would write by hand.
    /// </summary>
    public static string ReportSql()
    {
        var cells = new List<string> { "count(*)" };
        foreach (var q in SummaryQuestions.Impacts)
        {
            cells.AddRange(Enum.GetNames<ImpactLevel>().Select(l => $"count(*) FILTER (WHERE \"{q.Property.Name}\" = '{l}')"));
        }
        foreach (var p in SummaryQuestions.Prompts)
        {
            cells.AddRange(Enum.GetNames<PromptAnswer>().Select(a => $"count(*) FILTER (WHERE \"{p.Property.Name}\" = '{a}')"));
        }
        return $"""
            WITH latest AS (
                SELECT * FROM "SummarySheets" s WHERE s."ProgrammeId" = @programme AND s."IsLatest"),
            supported AS (
                SELECT "Id", "Kind" FROM "Cases"
                WHERE "ProgrammeId" = @programme AND "AdmittedOn" IS NOT NULL AND "AdmittedOn" <= @today)
            SELECT
                (SELECT count(*) FROM supported WHERE "Kind" = 'Family'),
                (SELECT count(*) FROM supported WHERE "Kind" = 'Individual'),
                (SELECT count(*) FROM "Members" m JOIN supported c ON c."Id" = m."CaseId" WHERE m."Role" <> 'Child'),
                (SELECT count(*) FROM "Members" m JOIN supported c ON c."Id" = m."CaseId" WHERE m."Role" = 'Child'),
                (SELECT count(*) FROM "Interactions" i JOIN supported c ON c."Id" = i."CaseId" WHERE i."Type" = 'HomeVisit' AND i."Date" <= @today),
                (SELECT count(*) FROM "Interactions" i JOIN supported c ON c."Id" = i."CaseId" WHERE i."Date" <= @today),
                (SELECT count(*) FROM "Cases" WHERE "ProgrammeId" = @programme AND "ReferralDate" <= @today),
                (SELECT count(*) FROM "Cases" WHERE "ProgrammeId" = @programme AND "ReferralDate" <= @today AND "AdmittedOn" IS NOT NULL),
                sheets.*
            FROM (SELECT {string.Join(",\n        ", cells)} FROM latest) sheets
            """;
    }

    private static async Task<(double Ms, int[] Counts)> HandWrittenReportAsync(RunSettings settings, string slug)
    {
        await using var connection = Connect(settings);
        await connection.OpenAsync();
        object programme;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT \"Id\" FROM \"Programmes\" WHERE \"Slug\" = @slug";
            var parameter = find.CreateParameter();
            parameter.ParameterName = "@slug";
            parameter.Value = slug;
            find.Parameters.Add(parameter);
            programme = (await find.ExecuteScalarAsync())!;
        }
        var times = new List<double>();
        int[] counts = [];
        for (var run = 0; run < 5; run++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReportSql();
            command.CommandTimeout = 300;
            foreach (var (name, value) in new[] { ("@programme", programme), ("@today", (object)DateOnly.FromDateTime(DateTime.Today)) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var started = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
            times.Add(started.Elapsed.TotalMilliseconds);
            // sheets, families, individuals, adults, children, home visits, referred, admitted, engagement=some
            counts = [values[8], values[0], values[1], values[2], values[3], values[4], values[6], values[7], values[9 + (int)ImpactLevel.Some]];
        }
        times.Sort();
        return (times[times.Count / 2], counts);
    }
}
