using System.Globalization;

namespace Trajet.Web.Features.Calendar;

/// <summary>
/// Makes the user's calendar feed, or replaces it: the new secret is answered once, and the URL holding the old one
/// answers 404 from the moment this is saved. Evaluators get none: they see aggregates only.
/// </summary>
public static class CreateFeed
{
    public sealed record Created(string Token);

    public static async Task<Result<Created>> ExecuteAsync(TrajetDbContext db, UserContext user, DateTime now, CancellationToken ct)
    {
        if (user.SeesAggregatesOnly)
        {
            return Failure.NotFound;
        }
        var (token, hash) = DeviceToken.New();
        var language = Localization.LanguageOf(CultureInfo.CurrentUICulture);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == user.Id, ct);
        if (feed is not null)
        {
            await ReplaceAsync(db, feed, hash, language, now, ct);
            return new Created(token);
        }
        try
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = user.Id, TokenHash = hash, Language = language, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first links made at once (a double click): the other one's row is saved now, and this one replaces it.
            db.ChangeTracker.Clear();
            await ReplaceAsync(db, await db.CalendarFeeds.SingleAsync(f => f.UserId == user.Id, ct), hash, language, now, ct);
        }
        return new Created(token);
    }

    private static async Task ReplaceAsync(TrajetDbContext db, CalendarFeed feed, string hash, string language, DateTime now, CancellationToken ct)
    {
        (feed.TokenHash, feed.Language, feed.CreatedAt) = (hash, language, now);
        await db.SaveChangesAsync(ct);
    }
}
