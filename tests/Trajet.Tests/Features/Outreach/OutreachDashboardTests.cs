using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Data;
using Trajet.Web.Features.Outreach;

namespace Trajet.Tests.Features.Outreach;

/// <summary>The dashboard read from its tallies equals a recount of the contacts, whatever wrote them.</summary>
public abstract class OutreachDashboardTests(TrajetApp app)
{
    // Whole range, ranges cutting through months, one month, one year, open ends.
    private static readonly (string? From, string? To)[] Ranges =
    [
        (null, null), ("2026-01-15", "2026-03-05"), ("2026-02-01", "2026-02-28"), ("2026-01-01", "2026-12-31"),
        ("2026-02-10", null), (null, "2026-02-10"), ("2025-12-01", "2026-01-31"), ("2026-01-31", "2026-02-01"),
    ];

    private async Task AssertEqualsRecountAsync(OutreachTeam team)
    {
        foreach (var (from, to) in Ranges)
        {
            var query = $"/api/outreach/dashboard?programme={team.Programme.Slug}" + (from is null ? "" : $"&from={from}") + (to is null ? "" : $"&to={to}");
            var shown = await team.Client.GetFromJsonAsync<JsonElement>(query);
            var recount = await app.WithDbAsync((db, _) => OutreachRecount.BuildAsync(db, team.Programme.Id, team.Programme.Slug,
                from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), CancellationToken.None));
            var expected = JsonSerializer.SerializeToElement(recount, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.True(JsonElement.DeepEquals(expected, shown), $"{query}\nrecount: {expected}\nshown:   {shown}");
        }
    }

    private Task EditAsync(Func<TrajetDbContext, Task> change) =>
        app.WithDbAsync(async (db, _) =>
        {
            await change(db);
            await db.SaveChangesAsync();
            return 0;
        });

    [Fact]
    public async Task Dashboard_EqualsARecount_AfterCreatesEditsErasuresAndOutcomes()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var station = await team.PlaceAsync("Gare du Nord");
        var squat = await team.PlaceAsync("Squat Gallait");
        var january = await team.SessionAsync(station, "2026-01-31");
        var february = await team.SessionAsync(squat, "2026-02-01", "permanence");
        var midFebruary = await team.SessionAsync(station, "2026-02-15");
        var march = await team.SessionAsync(squat, "2026-03-10");
        var abdi = await OutreachTeam.PersonOf(await team.ContactAsync(january, nickname: "Abdi", nationality: "SO", language: "so", topics: ["dublin", "reception"]));
        var samira = await OutreachTeam.PersonOf(await team.ContactAsync(february, nickname: "Samira", topics: ["voluntary-return"]));
        var hawa = await OutreachTeam.PersonOf(await team.ContactAsync(march, nickname: "Hawa", nationality: "GN", language: "fr", orientation: ["medical"]));
        foreach (var (session, person) in new (Guid, Guid?)[] { (january, abdi), (january, null), (february, null), (midFebruary, abdi), (midFebruary, samira), (march, abdi), (march, null) })
        {
            Assert.Equal(HttpStatusCode.Created, (await team.ContactAsync(session, personId: person, orientation: ["legal", "shelter"])).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await team.Client.PostAsJsonAsync($"/api/outreach/people/{abdi}/outcomes", new { kind = "reception-belgium", date = "2026-02-20" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Client.PostAsJsonAsync($"/api/outreach/people/{samira}/outcomes", new { kind = "protection-application-belgium", date = "2026-03-12" })).StatusCode);
        await AssertEqualsRecountAsync(team);

        // Edits of saved contacts: place and date across a month's end, topics, the person met, a contact deleted.
        var ids = await app.WithDbAsync((db, _) => db.OutreachContacts.Where(c => c.ProgrammeId == team.Programme.Id).OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync());
        await EditAsync(async db =>
        {
            var moved = await db.OutreachContacts.SingleAsync(c => c.Id == ids[0]);
            (moved.Date, moved.Place) = (new DateOnly(2026, 2, 1), "Squat Gallait (Brussels)");
            var topics = await db.OutreachContacts.SingleAsync(c => c.Id == ids[1]);
            (topics.InformationGiven, topics.Orientation, topics.FollowUp) = ("voluntary-return,other", "", true);
            var named = await db.OutreachContacts.SingleAsync(c => c.Id == ids[4]);
            named.PersonId = hawa;
            var anonymised = await db.OutreachContacts.SingleAsync(c => c.Id == ids[6]);
            anonymised.PersonId = null;
            db.OutreachContacts.Remove(await db.OutreachContacts.SingleAsync(c => c.Id == ids[9]));
        });
        await AssertEqualsRecountAsync(team);

        // Outcomes changed and deleted; an erasure as ErasePerson writes it (names go, counted facts stay).
        await EditAsync(async db =>
        {
            var outcomes = await db.OutreachOutcomes.Where(o => o.ProgrammeId == team.Programme.Id).OrderBy(o => o.Date).ToListAsync();
            (outcomes[0].Kind, outcomes[0].Date) = (OutcomeKind.ReceptionFrance, new DateOnly(2026, 3, 1));
            db.OutreachOutcomes.Remove(outcomes[1]);
            foreach (var contact in await db.OutreachContacts.Where(c => c.PersonId == abdi).ToListAsync())
            {
                (contact.Nickname, contact.InformationOther) = (null, null);
            }
        });
        await AssertEqualsRecountAsync(team);

        // The rebuild (the migration's fill, the bench's bulk load) counts what the saves kept.
        var kept = await TalliesAsync(team.Programme.Id);
        await app.WithDbAsync(async (db, _) => await db.Database.ExecuteSqlRawAsync(OutreachTallies.RebuildSql(app.Provider == DatabaseProvider.Postgres)));
        Assert.Equal(kept, await TalliesAsync(team.Programme.Id));
        await AssertEqualsRecountAsync(team);
    }

    // A programme's tallies that count something and its person rows (none with no contact), in a comparable form.
    private Task<List<string>> TalliesAsync(Guid programme) =>
        app.WithDbAsync(async (db, _) =>
        {
            var tallies = await db.Set<OutreachTally>().Where(t => t.ProgrammeId == programme && (t.Contacts != 0 || t.Known != 0)).ToListAsync();
            var people = await db.Set<OutreachPersonTally>().Where(t => t.ProgrammeId == programme).ToListAsync();
            return tallies.Select(t => $"{t.Grain} {t.Period} {t.Dimension} {t.Key}: {t.Contacts} {t.Anonymous} {t.Known}")
                .Concat(people.Select(t => $"{t.Grain} {t.Period} {t.Dimension} {t.Key} {t.PersonId}: {t.Contacts}"))
                .Order(StringComparer.Ordinal).ToList();
        });

    [Fact]
    public async Task TwoOrganisations_TalliesNeverMix()
    {
        var first = await OutreachTeam.CreateAsync(app);
        var second = await OutreachTeam.CreateAsync(app);
        var here = await first.SessionAsync(await first.PlaceAsync("Gare du Nord"), "2026-02-03");
        var there = await second.SessionAsync(await second.PlaceAsync("Gare du Nord"), "2026-02-03");
        var person = await OutreachTeam.PersonOf(await first.ContactAsync(here, nickname: "Abdi"));
        Assert.Equal(HttpStatusCode.Created, (await first.ContactAsync(here, personId: person)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await first.ContactAsync(here)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.ContactAsync(there)).StatusCode);

        var mine = await first.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={first.Programme.Slug}");
        var theirs = await second.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={second.Programme.Slug}");

        Assert.Equal((3, 2), (mine.GetProperty("contacts").GetInt32(), mine.GetProperty("uniquePeople").GetInt32()));
        Assert.Equal((1, 1), (theirs.GetProperty("contacts").GetInt32(), theirs.GetProperty("uniquePeople").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync($"/api/outreach/dashboard?programme={first.Programme.Slug}")).StatusCode);
        await AssertEqualsRecountAsync(first);
        await AssertEqualsRecountAsync(second);
    }

    [Fact]
    public async Task TwoWritersAtOnce_LoseNoContactNorPerson()
    {
        var team = await OutreachTeam.CreateAsync(app);
        var other = team with { Client = await app.ApiClientAsync(team.Email) };
        var session = await team.SessionAsync(await team.PlaceAsync("Gare du Nord"), "2026-02-03");
        var person = await OutreachTeam.PersonOf(await team.ContactAsync(session, nickname: "Abdi"));

        // Both log the same person and anonymous people at the same place on the same day: the same tally rows.
        var writes = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? team : other).ContactAsync(session, personId: i % 3 == 0 ? null : person)).ToList();
        foreach (var response in await Task.WhenAll(writes))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var report = await team.Client.GetFromJsonAsync<JsonElement>($"/api/outreach/dashboard?programme={team.Programme.Slug}");
        Assert.Equal(13, report.GetProperty("contacts").GetInt32());
        Assert.Equal(1 + 4, report.GetProperty("uniquePeople").GetInt32());
        await AssertEqualsRecountAsync(team);
    }

    [Fact]
    public void Cut_TakesWholeYearsAndMonths_AndDaysAtTheEnds()
    {
        Assert.Equal((OutreachTallies.Year, new DateOnly(2026, 1, 1)), OutreachDashboard.Cut(new(2026, 1, 1), new(2026, 12, 31)).Single);
        Assert.Equal((OutreachTallies.Month, new DateOnly(2026, 2, 1)), OutreachDashboard.Cut(new(2026, 2, 1), new(2026, 2, 28)).Single);
        Assert.Null(OutreachDashboard.Cut(new(2026, 2, 1), new(2026, 2, 27)).Single);
        Assert.Equal(new OutreachDashboard.Pieces(new(2025, 11, 15), new(2025, 12, 1), new(2026, 1, 1), new(2027, 1, 1), new(2027, 3, 1), new(2027, 3, 4)),
            OutreachDashboard.Cut(new(2025, 11, 15), new(2027, 3, 4)));
    }
}

public sealed class OutreachDashboardTestsOnSqlite(SqliteApp app) : OutreachDashboardTests(app), IClassFixture<SqliteApp>;

public sealed class OutreachDashboardTestsOnPostgres(PostgresApp app) : OutreachDashboardTests(app), IClassFixture<PostgresApp>
{
    // Every audited save already queues on the audit chain's lock; the tallies' upserts must not need it. Two
    // transactions move the same rows at once, the second waiting on the first's row locks.
    [Fact]
    public async Task TwoTransactionsAtOnce_MoveTheSameTallies_WithoutLosingAny()
    {
        var (programme, person, day) = (Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 2, 3));
        OutreachTallies.Delta Of(Guid? who, int sign)
        {
            var delta = new OutreachTallies.Delta();
            delta.Add(OutreachTallies.OfContact(programme, day, who, "Gare du Nord", "SD", "ar", "dublin", "", false, false), sign);
            return delta;
        }
        async Task BothAsync(OutreachTallies.Delta first, OutreachTallies.Delta second)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await KeepOutreachTallies.ApplyAsync(db, first, CancellationToken.None);
            var other = Task.Run(async () =>
            {
                await using var scope2 = app.Services.CreateAsyncScope();
                var db2 = scope2.ServiceProvider.GetRequiredService<TrajetDbContext>();
                await using var transaction2 = await db2.Database.BeginTransactionAsync();
                await KeepOutreachTallies.ApplyAsync(db2, second, CancellationToken.None);
                await transaction2.CommitAsync();
            });
            await Task.WhenAny(other, Task.Delay(200));
            await transaction.CommitAsync();
            await other;
        }
        Task<OutreachTally> AllTimeAsync() => app.WithDbAsync((db, _) => db.Set<OutreachTally>()
            .SingleAsync(t => t.ProgrammeId == programme && t.Grain == OutreachTallies.All && t.Dimension == OutreachTallies.Total));

        await BothAsync(Of(person, 1), Of(person, 1));
        await BothAsync(Of(null, 1), Of(person, 1));
        var all = await AllTimeAsync();
        Assert.Equal((4, 1, 1), (all.Contacts, all.Anonymous, all.Known));
        Assert.Equal(3, await app.WithDbAsync((db, _) => db.Set<OutreachPersonTally>()
            .Where(t => t.ProgrammeId == programme && t.Grain == OutreachTallies.All && t.Dimension == OutreachTallies.Total).Select(t => t.Contacts).SingleAsync()));

        await BothAsync(Of(person, -1), Of(person, -1));
        await BothAsync(Of(person, -1), Of(null, -1));
        all = await AllTimeAsync();
        Assert.Equal((0, 0, 0), (all.Contacts, all.Anonymous, all.Known));
        Assert.False(await app.WithDbAsync((db, _) => db.Set<OutreachPersonTally>().AnyAsync(t => t.ProgrammeId == programme)));
    }
}
