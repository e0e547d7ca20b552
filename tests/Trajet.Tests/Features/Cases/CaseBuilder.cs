using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trajet.Tests.Infrastructure;

namespace Trajet.Tests.Features.Cases;

/// <summary>Opens cases through the API, as a client would.</summary>
public static class CaseBuilder
{
    public static async Task<(Guid Id, string Number)> OpenAsync(HttpClient client, string programme, string kind = "family", string date = "2026-01-31")
    {
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            programme,
            kind,
            referral = new { source = "community", referredBy = "School", date },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    public static Task<HttpResponseMessage> AddMemberAsync(HttpClient client, Guid caseId, object member) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/members", member);

    /// <summary>Screens the case as meeting every criterion, then admits it (by whoever the client signs in as).</summary>
    public static async Task AdmitAsync(HttpClient client, Guid id, IEnumerable<Guid> criteria, string screened = "2026-01-12", string admitted = "2026-01-15")
    {
        await client.PutAsJsonAsync($"/api/cases/{id}/screening", new { date = screened, answers = criteria.Select(c => new { criterionId = c, answer = "met" }) }).Succeeded();
        await client.PostAsJsonAsync($"/api/cases/{id}/status", new { to = "admitted", date = admitted }).Succeeded();
    }

    public static object Parent(string firstName = "Lusine", string lastName = "Petrosyan") => new
    {
        role = "parent",
        firstName,
        lastName,
        gender = "female",
        birthDate = "1986-04-02",
        nationality = "AM",
        languages = new[] { "hy", "ru" },
    };
}

/// <summary>A programme with one admission criterion, and a case manager and a coordinator working in it (API clients).</summary>
public sealed record ProgrammeTeam(Trajet.Web.Features.Organisations.Organisation Organisation, Trajet.Web.Features.Organisations.Programme Programme, IReadOnlyList<Guid> Criteria, HttpClient Manager, HttpClient Coordinator) : IDisposable
{
    public static async Task<ProgrammeTeam> CreateAsync(Trajet.Tests.Infrastructure.TrajetApp app)
    {
        var (organisation, programme) = await app.CreateOrganisationAsync();
        var criteria = await app.AddCriteriaAsync(programme, "Child under 18");
        var manager = await app.ApiClientAsync(await app.CreateUserAsync(Trajet.Web.Features.Accounts.Roles.CaseManager, organisation, programme));
        var coordinator = await app.ApiClientAsync(await app.CreateUserAsync(Trajet.Web.Features.Accounts.Roles.Coordinator, organisation, programme));
        return new ProgrammeTeam(organisation, programme, criteria, manager, coordinator);
    }

    /// <summary>The case manager screens the case as meeting every criterion, then admits it.</summary>
    public Task AdmitAsync(Guid id, string screened = "2026-01-12", string admitted = "2026-01-15") =>
        CaseBuilder.AdmitAsync(Manager, id, Criteria, screened, admitted);

    public void Dispose()
    {
        Manager.Dispose();
        Coordinator.Dispose();
    }
}
