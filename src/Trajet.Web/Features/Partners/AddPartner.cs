namespace Trajet.Web.Features.Partners;

/// <summary>Adds a partner to the user's organisation's directory.</summary>
public static class AddPartner
{
    /// <summary>What the directory's form and the API send (the API's kind in kebab-case).</summary>
    public sealed record Input
    {
        public string? Name { get; init; }
        public PartnerKind? Kind { get; init; }
        public string? Contact { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string? Notes { get; init; }
    }

    public static List<FieldError> Validate(Input input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors.Add(new("name", "The name is required (at most 200 characters)."));
        }
        if (input.Kind is null)
        {
            errors.Add(FieldError.NotAccepted("kind"));
        }
        if (input.Email is { Length: > 0 } && !System.Net.Mail.MailAddress.TryCreate(input.Email, out _))
        {
            errors.Add(new("email", "Enter a valid e-mail address."));
        }
        return errors;
    }

    public static async Task<Result<Partner>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user))
        {
            return Failure.Forbidden;
        }
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var partner = new Partner
        {
            OrganisationId = user.OrganisationId!.Value,
            Name = input.Name!.Trim(),
            Kind = input.Kind!.Value,
            Contact = input.Contact,
            Phone = input.Phone,
            Email = input.Email,
            Notes = input.Notes,
        };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return partner;
    }
}
