using Trajet.Web.Features.Outreach;

namespace Trajet.Web.Features.Offline;

/// <summary>
/// What a phone needs to work offline (docs/architecture.md, "Offline"): the key pair that seals its store, whether a
/// key it holds is still good, and the few days' work it keeps.
/// </summary>
public static class OfflineApi
{
    public sealed record KeyDto(Guid UserId, string Email, string KeyId, string PublicKey, string PrivateKey);

    public sealed record StatusDto(bool Valid);

    public static void MapOfflineApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/offline").WithTags("Offline");
        group.MapGet("/key", Key);
        group.MapGet("/status", Status).AllowAnonymous();
        group.MapGet("/pack", Pack);
    }

    private static async Task<IResult> Key(UserContext user, TrajetDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!OfflineWork.IsFor(user))
        {
            return TypedResults.Forbid();
        }
        var key = await DeviceKey.ForAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        NoStore(http);
        return TypedResults.Ok(new KeyDto(user.Id, user.Email, key.KeyId, key.PublicKey, key.PrivateKey));
    }

    /// <summary>
    /// Asked by a phone whose sign-in has ended: may it keep what it holds? Not after "sign out everywhere" or a disabled
    /// account. Anonymous, because the session is gone; the key id is unguessable and names nothing.
    /// </summary>
    private static async Task<Ok<StatusDto>> Status(Guid? user, string? key, TrajetDbContext db, CancellationToken ct)
    {
        var valid = user is { } id && key is { Length: > 0 }
            && await db.Set<DeviceKey>().AnyAsync(k => k.UserId == id && k.KeyId == key && db.Users.Any(u => u.Id == id && u.IsActive), ct);
        return TypedResults.Ok(new StatusDto(valid));
    }

    private static async Task<IResult> Pack(UserContext user, TrajetDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!OfflineWork.IsFor(user))
        {
            return TypedResults.Forbid();
        }
        NoStore(http);
        return TypedResults.Ok(await OfflineWork.LoadAsync(db, user, clock.Today(), ct));
    }

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
