using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Tests.Features.Outreach;

/// <summary>An outreach team of its own (organisation, outreach programme, a worker signed in to the API), and builders for its records.</summary>
public sealed record OutreachTeam(HttpClient Client, Organisation Organisation, Programme Programme)
{
    /// <summary>The worker's e-mail, to sign in elsewhere (a browser) as the same person.</summary>
    public string Email { get; init; } = "";

    public static async Task<OutreachTeam> CreateAsync(TrajetApp app, string country = "BE", string role = Roles.OutreachWorker)
    {
        var (organisation, programme) = await app.WithDbAsync(async (db, _) =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var organisation = new Organisation { Name = $"Outreach {suffix}", Kind = OrganisationKind.Agency, Country = country };
            var programme = new Programme { OrganisationId = organisation.Id, Slug = $"reach-{suffix}", Name = $"Reach {suffix}", Kind = ProgrammeKind.Outreach, CasePrefix = "RT" };
            organisation.Programmes.Add(programme);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return (organisation, programme);
        });
        var email = await app.CreateUserAsync(role, organisation, programme);
        return new OutreachTeam(await app.ApiClientAsync(email), organisation, programme) { Email = email };
    }

    public async Task<Guid> PlaceAsync(string name = "Gare du Nord", string city = "Brussels") =>
        await IdOf(await Client.PostAsJsonAsync("/api/outreach/places", new { programme = Programme.Slug, name, type = "station", city, region = "Brussels-Capital" }));

    public async Task<Guid> SessionAsync(Guid place, string date = "2026-03-10", string kind = "outdoor-round") =>
        await IdOf(await Client.PostAsJsonAsync("/api/outreach/sessions", new { kind, date, placeId = place, languages = new[] { "fr", "ar" } }));

    /// <summary>Adds a person met by the team; returns their id.</summary>
    public async Task<Guid> PersonAsync(string nickname = "Abdi", string? phone = null, string? firstName = null, string? lastName = null) =>
        await IdOf(await Client.PostAsJsonAsync("/api/outreach/people", new
        {
            programme = Programme.Slug,
            nickname,
            firstName,
            lastName,
            phone,
            gender = "male",
            ageBand = "from18-to25",
            nationality = "SD",
            languages = new[] { "ar" },
        }));

    /// <summary>Logs a contact; returns the response (201 with the contact, or a problem).</summary>
    public Task<HttpResponseMessage> ContactAsync(Guid session, string? nickname = null, Guid? personId = null, string[]? topics = null, string[]? orientation = null,
        string nationality = "SD", string language = "ar", string? date = null, string? phone = null) =>
        Client.PostAsJsonAsync("/api/outreach/contacts", new
        {
            sessionId = session,
            date,
            nickname,
            personId,
            phone,
            gender = "male",
            ageBand = "from18-to25",
            nationality,
            language,
            mediatorInterpreted = true,
            informationGiven = topics ?? ["dublin"],
            orientation = orientation ?? [],
        });

    public static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> PersonOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("personId").GetGuid();
    }
}
