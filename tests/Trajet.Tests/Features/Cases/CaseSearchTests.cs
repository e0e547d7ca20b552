using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Cases;

/// <summary>The case list's name search when a name is shared by more people than a search reads (CaseSearch.MaxPeopleRead).</summary>
public abstract class CaseSearchTests(TrajetApp app)
{
    // More namesakes than a search reads: written straight to the database, as an API client would take minutes.
    private Task AddNamesakesAsync(Organisation organisation, Programme programme, int count, string firstName, string lastName, DateOnly? born,
        CaseStatus status = CaseStatus.Referred) =>
        app.WithDbAsync(async (db, _) =>
        {
            for (var i = 0; i < count; i++)
            {
                var c = new Case
                {
                    OrganisationId = organisation.Id,
                    ProgrammeId = programme.Id,
                    Number = $"NS-{Guid.NewGuid():N}"[..24],
                    Status = status,
                    Referral = new Referral { Date = new DateOnly(2025, 1, 1) },
                };
                var member = new Member { CaseId = c.Id, OrganisationId = organisation.Id, FirstName = firstName, LastName = lastName, BirthDate = born };
                SaveMember.IndexNames(member);
                c.Members.Add(member);
                db.Cases.Add(c);
            }
            return await db.SaveChangesAsync();
        });

    private async Task<(HttpClient Client, Organisation Organisation, Programme Programme, string Email)> ManagerAsync()
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var email = await app.CreateUserAsync(Roles.CaseManager, organisation, programme);
        return (await app.ApiClientAsync(email), organisation, programme, email);
    }

    private static async Task<Guid> PersonAsync(HttpClient client, string programme, string first, string last, string? born, string date = "2024-01-01")
    {
        var (id, _) = await CaseBuilder.OpenAsync(client, programme, date: date);
        (await CaseBuilder.AddMemberAsync(client, id, new { role = "parent", firstName = first, lastName = last, birthDate = born, nationality = "GN" })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<(List<Guid> Ids, int Total, bool Capped)> SearchAsync(HttpClient client, string q, int page = 1, int pageSize = 50, string? status = null)
    {
        var found = await client.GetFromJsonAsync<JsonElement>(
            $"/api/cases?q={Uri.EscapeDataString(q)}&page={page}&pageSize={pageSize}{(status is null ? "" : $"&status={status}")}");
        return (found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList(),
            found.GetProperty("total").GetInt32(), found.GetProperty("totalIsCapped").GetBoolean());
    }

    [Fact]
    public async Task List_NameSharedByMoreThanTheSearchReads_IsCappedFlaggedAndRanked()
    {
        var (client, organisation, programme, _) = await ManagerAsync();
        // Newer referrals than the exact spellings: only the ranking can put those first.
        await AddNamesakesAsync(organisation, programme, CaseSearch.MaxPeopleRead + 50, "Fatoumata", "Jallo", null);
        var exact = await PersonAsync(client, programme.Slug, "Mamadou", "Diallo", "1987-03-12", date: "2020-01-01");
        var exactOtherYear = await PersonAsync(client, programme.Slug, "Aminata", "Diallo", "1990-05-01", date: "2020-01-01");
        var otherSpellingThatYear = await PersonAsync(client, programme.Slug, "Ousmane", "Jallo", "1987-07-07", date: "2020-01-01");

        var (first, total, capped) = await SearchAsync(client, "Diallo");
        Assert.True(capped);
        Assert.True(total <= CaseSearch.MaxCasesRanked, $"total {total}");
        Assert.Equal(new[] { exact, exactOtherYear }.Order(), first.Take(2).Order());

        // Paging stays within the ranked cases: every case once, as many as the total says.
        var all = new List<Guid>();
        for (var page = 1; page <= (total + 199) / 200; page++)
        {
            all.AddRange((await SearchAsync(client, "Diallo", page, 200)).Ids);
        }
        Assert.Equal(total, all.Count);
        Assert.Equal(total, all.Distinct().Count());
        Assert.Empty((await SearchAsync(client, "Diallo", total / 50 + 2)).Ids);

        // The year of birth: born that year first, the same spelling first; then the namesakes of unknown age.
        var (withYear, _, _) = await SearchAsync(client, "Diallo 1987");
        Assert.Equal([exact, otherSpellingThatYear], withYear.Take(2));
        Assert.DoesNotContain(exactOtherYear, withYear);
    }

    [Fact]
    public async Task List_NameSharedByMany_KeepsTheFiltersAndTheOrganisationWall()
    {
        var (client, organisation, programme, _) = await ManagerAsync();
        await AddNamesakesAsync(organisation, programme, CaseSearch.MaxPeopleRead + 50, "Mariama", "Diallo", null);
        var closed = await PersonAsync(client, programme.Slug, "Mariama", "Diallo", null);
        await app.WithDbAsync(async (db, _) => await db.Cases.Where(c => c.Id == closed).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed)));
        // Another organisation's namesakes are not counted, nor shown.
        var (otherOrganisation, otherProgramme) = await app.CreateOrganisationAsync();
        await AddNamesakesAsync(otherOrganisation, otherProgramme, 5, "Mariama", "Diallo", null, CaseStatus.Closed);

        var (ids, total, capped) = await SearchAsync(client, "Mariama Diallo", status: "closed");

        Assert.Equal([closed], ids);
        Assert.Equal(1, total);
        Assert.False(capped);
    }

    [Fact]
    public async Task List_FewNamesakes_AreCountedExactly()
    {
        var (client, _, programme, _) = await ManagerAsync();
        var ids = new List<Guid>();
        foreach (var last in new[] { "Diallo", "Jallo", "Djallo" })
        {
            ids.Add(await PersonAsync(client, programme.Slug, "Mamadou", last, null));
        }

        var (found, total, capped) = await SearchAsync(client, "Mamadou Diallo");

        Assert.Equal(3, total);
        Assert.False(capped);
        Assert.Equal(ids[0], found[0]);
    }

    [Theory]
    [InlineData("Naima Bouzid", "Naïma", "Bouzid")]
    [InlineData("Naïma Bouzid", "Naima", "Bouzid")]
    [InlineData("Emre Çelik", "Emre", "Celik")]
    [InlineData("Emre Celik", "Emre", "Çelik")]
    public async Task List_SpellingDifferingOnlyByAccents_RanksAsTheSameSpelling(string q, string first, string last)
    {
        var (client, _, programme, _) = await ManagerAsync();
        // Older than the other spellings: only the ranking can put it first.
        var accents = await PersonAsync(client, programme.Slug, first, last, null, date: "2020-01-01");
        foreach (var (f, l) in new[] { ("Naima", "Bouzide"), ("Naïma", "Bouzide"), ("Emre", "Tschelik"), ("Emre", "Celiko") })
        {
            await PersonAsync(client, programme.Slug, f, l, null, date: "2025-01-01");
        }

        var (ids, _, _) = await SearchAsync(client, q);

        Assert.Equal(accents, ids[0]);
    }

    [Theory]
    [InlineData("en-GB", "More than")]
    [InlineData("fr-BE", "Plus de")]
    [InlineData("nl-BE", "Meer dan")]
    public async Task CaseList_NameSharedByMany_SaysTheTotalIsCapped(string language, string words)
    {
        var (_, organisation, programme, email) = await ManagerAsync();
        await AddNamesakesAsync(organisation, programme, CaseSearch.MaxPeopleRead + 50, "Mariama", "Diallo", null);
        using var browser = await app.SignedInBrowserAsync(email);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var capped = await Html.GetAsync(browser, "/Cases?q=Diallo");
        var few = await Html.GetAsync(browser, "/Cases?q=Petrosyan");

        Assert.StartsWith(words, capped.QuerySelector("#capped")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(few.QuerySelector("#capped"));
    }
}

public sealed class CaseSearchTestsOnSqlite(SqliteApp app) : CaseSearchTests(app), IClassFixture<SqliteApp>;

public sealed class CaseSearchTestsOnPostgres(PostgresApp app) : CaseSearchTests(app), IClassFixture<PostgresApp>;
