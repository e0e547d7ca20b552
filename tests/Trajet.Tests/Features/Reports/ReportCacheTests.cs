using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Features.Cases;
using Trajet.Tests.Infrastructure;

namespace Trajet.Tests.Features.Reports;

/// <summary>
/// The evaluation report is kept between requests (Reports/ReportFigures.cs): the same figures as a fresh computation
/// after every kind of change that moves one, and identical requests at once computed once.
/// </summary>
public abstract class ReportCacheTests(TrajetApp app)
{
    /// <summary>Counts the reports this app computes (the <c>trajet.reports.computed</c> counter), not another app's.</summary>
    private sealed class Computations : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public Computations(TrajetApp app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "trajet.reports.computed" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string programme) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/reports/evaluation?programme={programme}");

    private static int Cohort(JsonElement report, string figure) => report.GetProperty("cohort").GetProperty(figure).GetInt32();

    private static int Status(JsonElement report, string key) =>
        report.GetProperty("cohort").GetProperty("currentStatus").EnumerateArray().Single(b => b.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();

    [Fact]
    public async Task EveryChangeThatMovesAFigure_IsInTheNextReport()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var slug = team.Programme.Slug;
        using var computations = new Computations(app);
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, slug, date: "2026-01-05");

        var first = await ReportAsync(team.Coordinator, slug);
        Assert.Equal(1, Cohort(first, "referred"));
        Assert.Equal(0, Cohort(first, "admitted"));
        Assert.Equal(first.ToString(), (await ReportAsync(team.Coordinator, slug)).ToString());
        Assert.Equal(1, computations.Count);

        await team.AdmitAsync(id);
        Assert.Equal(1, Cohort(await ReportAsync(team.Coordinator, slug), "admitted"));

        var member = (await (await CaseBuilder.AddMemberAsync(team.Manager, id, CaseBuilder.Parent())).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("member").GetProperty("id").GetGuid();
        Assert.Equal(1, Cohort(await ReportAsync(team.Coordinator, slug), "adults"));

        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/interactions", new { type = "home-visit", date = "2026-02-10" }).Succeeded();
        Assert.Equal(1, Cohort(await ReportAsync(team.Coordinator, slug), "homeVisits"));

        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/summary-sheets", BriefingNote.Sheet(0, "2026-03-01")).Succeeded();
        Assert.Equal(1, (await ReportAsync(team.Coordinator, slug)).GetProperty("sheets").GetInt32());

        var consent = (await (await team.Manager.PostAsJsonAsync($"/api/cases/{id}/consents", new
        {
            memberId = member,
            purpose = "evaluation",
            givenOn = "2026-01-15",
            explainedHow = "Read the information sheet together",
            language = "hy",
        }).Succeeded()).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await team.Manager.PostAsJsonAsync($"/api/cases/{id}/consents/{consent}/withdraw", new { note = "No longer" }).Succeeded();
        Assert.Equal(0, (await ReportAsync(team.Coordinator, slug)).GetProperty("sheets").GetInt32());

        Assert.Equal(1, Status(await ReportAsync(team.Coordinator, slug), "still-engaged"));
        await team.Coordinator.PostAsJsonAsync($"/api/cases/{id}/status",
            new { to = "closed", date = "2026-04-01", reason = "Moved away", outcome = "disengaged", durableSolution = "none" }).Succeeded();
        var closed = await ReportAsync(team.Coordinator, slug);
        Assert.Equal(0, Status(closed, "still-engaged"));
        Assert.Equal(1, Status(closed, "disengaged"));

        // The first report, then one per change; the reads in between came from the cache.
        Assert.Equal(7, computations.Count);
    }

    [Fact]
    public async Task ACaseImport_IsInTheNextReport()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var slug = team.Programme.Slug;
        await CaseBuilder.OpenAsync(team.Manager, slug, date: "2026-01-05");
        var first = await ReportAsync(team.Coordinator, slug);
        Assert.Equal(1, Cohort(first, "referred"));
        Assert.Equal(first.ToString(), (await ReportAsync(team.Coordinator, slug)).ToString());

        var csv = "case_ref;kind;referral_date;referral_source;referred_by;status;role;first_name;last_name;gender;birth_date;nationality;languages\n"
            + "F-001;family;2026-02-01;community;;active;parent;Amina;El Idrissi;female;1988-05-02;MA;ar\n"
            + "F-001;family;2026-02-01;community;;active;child;Yassine;El Idrissi;male;2016-09-12;MA;fr\n"
            + "I-002;individual;2026-03-01;detention;;referred;;Tigran;Petrosyan;male;;AM;hy\n";
        var file = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "households.csv" } };
        (await team.Coordinator.PostAsync($"/api/imports/cases?programme={slug}", file)).EnsureSuccessStatusCode();

        Assert.Equal(3, Cohort(await ReportAsync(team.Coordinator, slug), "referred"));
    }

    [Fact]
    public async Task IdenticalRequestsAtOnce_AreComputedOnce_AndAgree()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-05");
        await team.AdmitAsync(id);
        using var computations = new Computations(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            team.Coordinator.GetAsync($"/api/reports/evaluation?programme={team.Programme.Slug}&from=2026-01-01&to=2026-12-31")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, Cohort(JsonDocument.Parse(bodies[0]).RootElement, "admitted"));
        Assert.Equal(1, computations.Count);
    }

    [Fact]
    public async Task KeptReport_IsServedWithoutACopyPerRequest()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var figures = app.Services.GetRequiredService<Trajet.Web.Features.Reports.ReportFigures>();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        Task<Trajet.Web.Features.Reports.EvaluationReport.Report> Report() =>
            figures.EvaluationAsync(scopes, team.Programme, null, null, Trajet.Web.Features.Reports.EvaluationReport.Basis.Supported, new DateOnly(2026, 6, 1), default);

        Assert.Same(await Report(), await Report());
    }

    [Fact]
    public async Task AnotherPeriodOrBasis_IsComputedApart()
    {
        using var team = await ProgrammeTeam.CreateAsync(app);
        var (id, _) = await CaseBuilder.OpenAsync(team.Manager, team.Programme.Slug, date: "2026-01-05");
        await team.AdmitAsync(id);
        var query = $"/api/reports/evaluation?programme={team.Programme.Slug}";

        var supported = await team.Coordinator.GetFromJsonAsync<JsonElement>(query + "&from=2026-01-01&to=2026-12-31");
        var withSheet = await team.Coordinator.GetFromJsonAsync<JsonElement>(query + "&from=2026-01-01&to=2026-12-31&cohort=with-sheet");
        var before = await team.Coordinator.GetFromJsonAsync<JsonElement>(query + "&from=2025-01-01&to=2025-12-31");

        Assert.Equal(1, Cohort(supported, "families"));
        Assert.Equal(0, Cohort(withSheet, "families"));
        Assert.Equal(0, Cohort(before, "families"));
    }
}

public sealed class ReportCacheTestsOnSqlite(SqliteApp app) : ReportCacheTests(app), IClassFixture<SqliteApp>;

public sealed class ReportCacheTestsOnPostgres(PostgresApp app) : ReportCacheTests(app), IClassFixture<PostgresApp>;
