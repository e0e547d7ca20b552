using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;

namespace Trajet.Web.Features.Audit;

/// <summary>
/// Writes the entries that are not changes (reads, exports, sign-ins), each in a database context of its
/// own so that nothing else the request has pending is saved with it.
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes)
{
    public async Task RecordAsync(AuditDraft draft)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        db.QueueAudit(draft);
        // Not cancelled when the caller goes away: the entry is written once the thing is done.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>A read or an export of a case or of something in it; nothing when the id is not a case's.</summary>
    public async Task CaseAccessAsync(UserContext user, Guid caseId, AuditAction action, string entityType, Guid entityId, string? path)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajetDbContext>();
        var organisation = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.OrganisationId).SingleOrDefaultAsync();
        if (organisation is null)
        {
            return; // an administrator editing a user or an organisation: not a case
        }
        db.QueueAudit(new AuditDraft(action, entityType, entityId.ToString(), caseId, organisation, Details(new { path }), Actor(user)));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public Task SignInAsync(User user, string via) =>
        RecordAsync(new AuditDraft(AuditAction.SignIn, "User", user.Id.ToString(), null, user.OrganisationId,
            Details(new { via }), new AuditActor(user.Id, user.Email, user.OrganisationId)));

    /// <summary>A refused sign-in: the account if the e-mail is known, else only what was typed (never the password).</summary>
    public Task SignInFailedAsync(string? typedEmail, User? user, string reason, string via) =>
        RecordAsync(new AuditDraft(AuditAction.SignInFailed, "User", user?.Id.ToString(), null, user?.OrganisationId,
            Details(new { via, reason }), new AuditActor(user?.Id, Truncate(user?.Email ?? typedEmail), user?.OrganisationId)));

    public Task SignOutAsync(User user) =>
        RecordAsync(new AuditDraft(AuditAction.SignOut, "User", user.Id.ToString(), null, user.OrganisationId,
            null, new AuditActor(user.Id, user.Email, user.OrganisationId)));

    /// <summary>An export that belongs to no single case (a report); the acting user is the signed-in one.</summary>
    public async Task ExportAsync(UserContext user, string entityType, string entityId, Guid? organisationId, object details) =>
        await RecordAsync(new AuditDraft(AuditAction.Export, entityType, entityId, null, organisationId, Details(details), Actor(user)));

    public static AuditActor Actor(UserContext user) => new(user.Id, user.Email, user.OrganisationId);

    public static string Details(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string? Truncate(string? text) => text is { Length: > 256 } ? text[..256] : text;
}
