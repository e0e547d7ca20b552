namespace Trajet.Web.Features.Calendar;

/// <summary>"My calendar": make (or replace) the secret link calendar apps subscribe to, and revoke it.</summary>
public sealed class IndexModel(TrajetDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The new link, carried once across the redirect: the database keeps only its hash, so it is never shown again.</summary>
    public const string NewUrlKey = "calendar-feed-url";

    public DateTime? CreatedAt { get; private set; }
    public string? NewUrl { get; private set; }
    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(UserContext user, bool revoked, CancellationToken ct)
    {
        if (user.SeesAggregatesOnly)
        {
            return NotFound(); // the feed names cases: not for those who see aggregates only
        }
        Revoked = revoked;
        NewUrl = TempData[NewUrlKey] as string;
        var created = await db.CalendarFeeds.Where(f => f.UserId == user.Id).Select(f => (DateTime?)f.CreatedAt).SingleOrDefaultAsync(ct);
        CreatedAt = created is { } at ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), clock.LocalTimeZone) : null;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(UserContext user, CancellationToken ct) =>
        (await CreateFeed.ExecuteAsync(db, user, clock.GetUtcNow().UtcDateTime, ct)).ToPage(this, l, created =>
        {
            TempData[NewUrlKey] = CalendarApi.UrlOf(Request, created.Token);
            return RedirectToPage();
        });

    public async Task<IActionResult> OnPostRevokeAsync(UserContext user, CancellationToken ct) =>
        (await RevokeFeed.ExecuteAsync(db, user, ct)).ToPage(this, l, _ => RedirectToPage(new { revoked = true }));
}
