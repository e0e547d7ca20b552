namespace Trajet.Web.Features.Accounts;

public static class MeApi
{
    public sealed record OrganisationDto(Guid Id, string Name);

    public sealed record MeDto(string Email, OrganisationDto? Organisation, IReadOnlyList<string> Roles, IReadOnlyList<string> Programmes);

    public static void MapMeApi(this WebApplication app) =>
        app.MapGet("/api/me", async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> (CurrentUser current, CancellationToken ct) =>
            await current.GetAsync(ct) is { } me
                ? TypedResults.Ok(new MeDto(
                    me.Email,
                    me.OrganisationId is { } id ? new OrganisationDto(id, me.OrganisationName!) : null,
                    me.Roles,
                    me.Programmes.Select(p => p.Slug).ToList()))
                : TypedResults.Unauthorized())
        .WithTags("Accounts").ForEvaluators();
}
