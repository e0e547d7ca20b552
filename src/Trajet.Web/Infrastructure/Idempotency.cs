using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Trajet.Web.Infrastructure;

/// <summary>
/// A create sent with an <c>Idempotency-Key</c> (the device's outbox retries until it hears back): the first answer,
/// kept so that a repeat by the same user gets it again and creates nothing. The answer is encrypted at rest.
/// </summary>
public sealed class IdempotentRequest
{
    public Guid UserId { get; set; }
    public Guid Key { get; set; }
    /// <summary>SHA-256 of the method, the path and the body: the same key with another request is refused.</summary>
    public required string Fingerprint { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? Response { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> r)
    {
        r.ToTable("IdempotentRequests");
        r.HasKey(x => new { x.UserId, x.Key });
        r.Property(x => x.Fingerprint).HasMaxLength(64);
        r.Property(x => x.Location).HasMaxLength(300);
        r.Property(x => x.Response).IsConfidential();
        r.HasIndex(x => x.CreatedAt);
    }
}

public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>Days a kept answer lasts at the least, whatever <c>Idempotency:KeepDays</c> says: a week offline, and a day.</summary>
    public const int MinimumKeepDays = 8;

    private sealed class Marker;

    /// <summary>
    /// The endpoint answers a repeated key as it answered the first time. Its use case must not open a transaction of
    /// its own: the create and the kept answer commit together, so that of two requests racing with one key, one wins.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new Marker()).AddEndpointFilter<Filter>();

    /// <summary>Keeps the body of a keyed request readable again after binding, for its fingerprint.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(Header) && context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null)
            {
                context.Request.EnableBuffering();
            }
            return next(context);
        });
        return app;
    }

    private sealed class Filter(TrajetDbContext db, CurrentUser current, IConfiguration configuration, IOptions<JsonOptions> json, IStringLocalizer<SharedResource> l)
        : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (!http.Request.Headers.TryGetValue(Header, out var header) || await current.GetAsync(http.RequestAborted) is not { } user)
            {
                return await next(context);
            }
            if (!Guid.TryParse(header, out var key))
            {
                return new[] { new FieldError(Header, "Send a UUID as the Idempotency-Key.") }.ToProblem(l);
            }
            var ct = http.RequestAborted;
            var fingerprint = await FingerprintAsync(http.Request, ct);
            // Never under a week: a phone offline for a week still sends what it saved on the first day.
            var since = Clock.UtcNow.AddDays(-Math.Max(MinimumKeepDays, configuration.GetValue("Idempotency:KeepDays", 30)));
            if (await KnownAsync(user.Id, key, since, ct) is { } known)
            {
                return Replay(http, known, fingerprint);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await next(context);
            var answer = Unwrap(result);
            if (answer is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } done)
            {
                return result; // refusals are not kept: the same request, mended, may be sent again with its key
            }
            await db.Set<IdempotentRequest>().Where(r => r.UserId == user.Id && r.CreatedAt < since).ExecuteDeleteAsync(ct);
            db.Add(new IdempotentRequest
            {
                UserId = user.Id,
                Key = key,
                Fingerprint = fingerprint,
                StatusCode = done.StatusCode!.Value,
                Location = LocationOf(answer),
                Response = answer is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null,
                CreatedAt = Clock.UtcNow,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateException)
            {
                // The same key committed meanwhile (a retry racing the first send): undo this create, answer as that one did.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return await KnownAsync(user.Id, key, since, ct) is { } winner ? Replay(http, winner, fingerprint) : throw new InvalidOperationException("Idempotency record vanished");
            }
        }

        private Task<IdempotentRequest?> KnownAsync(Guid userId, Guid key, DateTime since, CancellationToken ct) =>
            db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt >= since, ct);

        private object Replay(HttpContext http, IdempotentRequest known, string fingerprint)
        {
            if (known.Fingerprint != fingerprint)
            {
                return TypedResults.Problem(l["This Idempotency-Key was already used for another request."], statusCode: StatusCodes.Status422UnprocessableEntity,
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = [l["This Idempotency-Key was already used for another request."]] } });
            }
            if (known.Location is not null)
            {
                http.Response.Headers.Location = known.Location;
            }
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Text(known.Response ?? "", "application/json", Encoding.UTF8, known.StatusCode);
        }

        private static object? Unwrap(object? result)
        {
            while (result is INestedHttpResult nested)
            {
                result = nested.Result;
            }
            return result;
        }

        private static string? LocationOf(object? answer) => answer?.GetType().GetProperty("Location")?.GetValue(answer) as string;

        private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
            if (request.Body.CanSeek)
            {
                request.Body.Position = 0;
                var buffer = new byte[8192];
                int read;
                while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                }
            }
            return Convert.ToHexString(sha.GetHashAndReset());
        }
    }
}
