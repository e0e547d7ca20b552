using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
