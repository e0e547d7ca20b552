namespace Trajet.Web.Features.Calendar;

/// <summary>Deletes the user's calendar feed: its URL answers 404 at once (the feed is never cached). Nothing to revoke is no error.</summary>
public static class RevokeFeed
{
    public static async Task<Result<bool>> ExecuteAsync(TrajetDbContext db, UserContext user, CancellationToken ct)
    {
        if (user.SeesAggregatesOnly)
        {
            return Failure.NotFound;
        }
        // Loaded, not ExecuteDelete: the save writes the deletion to the audit trail.
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == user.Id, ct);
        if (feed is null)
        {
            return false;
        }
        db.CalendarFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
