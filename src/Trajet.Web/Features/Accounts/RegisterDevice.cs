namespace Trajet.Web.Features.Accounts;

/// <summary>
/// A coordinator (or an administrator, for the organisation they choose), signed in on the phone itself, registers it:
/// the phone gets a new token, the table its hash.
/// </summary>
public static class RegisterDevice
{
    public const int NameLength = 100;

    public sealed record Input
    {
        /// <summary>"Round phone 2".</summary>
        public string? Name { get; init; }
        /// <summary>An administrator's choice; a coordinator registers for their own organisation.</summary>
        public Guid? OrganisationId { get; init; }
    }

    /// <summary>The phone's row and the token its cookie must now hold (shown nowhere else).</summary>
    public sealed record Registered(RegisteredDevice Device, string Token);

    /// <param name="currentTokenHash">
    /// The token this phone held until now: a registration of the user's that it named is revoked, since no phone keeps it.
    /// </param>
    public static async Task<Result<Registered>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, string? currentTokenHash, DateTime now, CancellationToken ct)
    {
        if (!DeviceAccess.MayManage(user))
        {
            return Failure.Forbidden;
        }
        var errors = new List<FieldError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > NameLength)
        {
            errors.Add(new("name", "Name the phone in at most 100 characters."));
        }
        var organisationId = user.IsAdministrator ? input.OrganisationId : user.OrganisationId;
        if (organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Kind != OrganisationKind.System, ct))
        {
            errors.Add(new("organisationId", "Choose the organisation."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        if (currentTokenHash is not null
            && await db.RegisteredDevices.Visible(user).SingleOrDefaultAsync(d => d.TokenHash == currentTokenHash && d.RevokedAt == null, ct) is { } replaced)
        {
            replaced.RevokedAt = now;
        }
        var (token, hash) = DeviceToken.New();
        var device = new RegisteredDevice
        {
            OrganisationId = organisationId!.Value,
            Name = name!,
            TokenHash = hash,
            RegisteredByUserId = user.Id,
            RegisteredAt = now,
        };
        db.RegisteredDevices.Add(device);
        await db.SaveChangesAsync(ct);
        return new Registered(device, token);
    }
}
