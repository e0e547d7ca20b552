using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Bench.Generate;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Interactions;

namespace Trajet.Tests.Bench;

/// <summary>The benchmark's data generator writes a database the app opens, lists and searches as its own.</summary>
public abstract class GeneratorTests(DatabaseProvider provider)
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    [Fact]
    public async Task Generate_SmallCaseload_AppListsOpensAndSearchesIt()
    {
        var folder = Directory.CreateTempSubdirectory("trajet-generate-").FullName;
        var connectionString = provider == DatabaseProvider.Postgres ? Postgres.NewDatabase() : $"Data Source={Path.Combine(folder, "bench.db")}";
        var manifest = await new Generator(new GeneratorOptions(provider, connectionString, 200, 42, Today, Path.Combine(folder, "manifest.json")) { Planted = 20 }, TextWriter.Null).RunAsync();
        Assert.Equal(200, manifest.Rows["cases"]);
        Assert.NotEmpty(manifest.Planted);

        await using var app = new TrajetApp(provider, connectionString: connectionString);
        await app.InitializeAsync();
        using var client = await app.ApiClientAsync(manifest.CaseManagers[0], Generator.Password);

        // Every case is in the one programme the case managers work in.
        var list = await client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=10");
        Assert.Equal(200, list.GetProperty("total").GetInt32());

        // The planted person is in their case as stored, and found under that spelling (search text and keys as the app writes them).
        var planted = manifest.Planted[0];
        var @case = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{planted.CaseId}");
        Assert.Contains(@case.GetProperty("members").EnumerateArray(),
            m => $"{m.GetProperty("firstName").GetString()} {m.GetProperty("lastName").GetString()}" == planted.Stored);
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(planted.Stored)}&pageSize=200");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == planted.CaseId);

        // The evaluator reads the report over the whole caseload: the sheets are the latest of each case.
        using var evaluator = await app.ApiClientAsync(manifest.Evaluators[0], Generator.Password);
        var report = await evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={manifest.Programme}");
        Assert.InRange(report.GetProperty("sheets").GetInt32(), 1, (int)manifest.Rows["summarySheets"]);

        // The cases' interaction totals, set as the cases were built, are what the interactions count; the triggers are back.
        var totals = await app.WithDbAsync(async (db, _) =>
        {
            var read = () => db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.InteractionCount, c.HomeVisitCount, c.FirstInteractionOn, c.LastInteractionOn }).ToListAsync();
            var generated = await read();
            await db.Database.ExecuteSqlRawAsync(InteractionTotals.RecountSql);
            return (Generated: generated, Recounted: await read());
        });
        Assert.Equal(totals.Recounted, totals.Generated);
        Assert.Equal(manifest.Rows["interactions"], totals.Generated.Sum(t => t.InteractionCount));
        var someCase = manifest.Planted[0].CaseId;
        using var manager = await app.ApiClientAsync(manifest.CaseManagers[0], Generator.Password);
        var before = await evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={manifest.Programme}");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/cases/{someCase}/interactions", new { type = "home-visit", date = "2026-10-30" })).StatusCode);
        var after = await evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={manifest.Programme}");
        Assert.Equal(before.GetProperty("cohort").GetProperty("homeVisits").GetInt32() + 1, after.GetProperty("cohort").GetProperty("homeVisits").GetInt32());
    }

    [Fact]
    public async Task Generate_SameSeedTwice_SameCaseload()
    {
        var folder = Directory.CreateTempSubdirectory("trajet-generate-").FullName;
        async Task<Manifest> GenerateAsync(string name) => await new Generator(
            new GeneratorOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, name)}.db", 50, 7, Today, Path.Combine(folder, $"{name}.json")) { Planted = 10 },
            TextWriter.Null).RunAsync();

        var first = await GenerateAsync("first");
        var second = await GenerateAsync("second");

        Assert.Equal(first.Rows, second.Rows);
        Assert.Equal(first.Planted, second.Planted);
    }
}

public sealed class GeneratorTestsOnSqlite() : GeneratorTests(DatabaseProvider.Sqlite);

public sealed class GeneratorTestsOnPostgres() : GeneratorTests(DatabaseProvider.Postgres);
