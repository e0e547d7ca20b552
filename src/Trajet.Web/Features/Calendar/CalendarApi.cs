using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Deadlines;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Calendar;

/// <summary>The personal calendar feed (docs/calendar.md): made and revoked by its owner, read by calendar apps without signing in.</summary>
public static class CalendarApi
{
    public sealed record FeedUrl(string Url);

    public static void MapCalendarApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/me/calendar").WithTags("Calendar");
        me.MapPost("/", Create);
        me.MapDelete("/", Revoke);
        // Anonymous: the secret in the path is the credential. Never cached, so that a revoked URL answers 404 at once.
        app.MapGet("/calendar/{token}.ics", Read).AllowAnonymous().WithTags("Calendar")
            .RequireRateLimiting(RateLimits.CalendarFeeds)
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
    }

    /// <summary>Where the feed with this secret is read: under <c>App:BaseUrl</c> when set (behind a proxy), else the host the request came to.</summary>
    public static string UrlOf(HttpRequest request, string token) => $"{Site(request)}/calendar/{token}.ics";

    private static string Site(HttpRequest request) =>
        Reminders.SmtpSettings.ConfiguredBaseUrl(request.HttpContext.RequestServices.GetRequiredService<IConfiguration>())
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> Create(UserContext user, TrajetDbContext db, HttpRequest request, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return (await CreateFeed.ExecuteAsync(db, user, clock.GetUtcNow().UtcDateTime, ct))
            .ToHttp(l, created => TypedResults.Ok(new FeedUrl(UrlOf(request, created.Token))));
    }

    private static async Task<IResult> Revoke(UserContext user, TrajetDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        (await RevokeFeed.ExecuteAsync(db, user, ct)).ToHttp(l, _ => TypedResults.NoContent());

    /// <summary>
    /// The feed, recorded in the audit trail as an export by its owner before its first byte leaves. The secret is checked
    /// on the primary (a revoked feed answers 404 at once); the events come from the heavy reads' database.
    /// </summary>
    private static async Task<IResult> Read(string token, HttpContext http, TrajetDbContext db, HeavyReads reads, AuditTrail audit, IStringLocalizer<SharedResource> l,
        TimeProvider clock, IConfiguration config, DocumentValidity validity, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (DeviceToken.HashOf(token) is not { } hash || await ReadFeed.OwnerAsync(db, hash, ct) is not { } owner)
        {
            return TypedResults.NotFound();
        }
        var (user, language) = owner;
        // The owner's language, not the calendar app's: the localizer reads the current UI culture.
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(language), CultureInfo.GetCultureInfo(language));
        var feed = await ReadFeed.BuildAsync(reads.Db, user, language, Site(http.Request), clock, DueList.Settings.From(config), validity, l, ct);
        await audit.ExportAsync(user, "CalendarFeed", user.Id.ToString(), user.OrganisationId, new { what = "calendar feed", events = feed.Events });
        return TypedResults.Text(feed.Text, "text/calendar; charset=utf-8");
    }
}
