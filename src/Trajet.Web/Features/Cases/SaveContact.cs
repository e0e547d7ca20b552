namespace Trajet.Web.Features.Cases;

/// <summary>Records the household's address, phone numbers and e-mail address; all left blank removes them.</summary>
public static class SaveContact
{
    public const int MaxPhones = 5;
    private const string NotAPhone = "A phone number has digits, spaces and + ( ) - / . only (at most 40).";
    public const string NotAnEmail = "Give one e-mail address, like name@example.org (at most 254 characters).";

    /// <summary>What the contact form and <c>PUT /api/cases/{id}/contact</c> send.</summary>
    public sealed record Input
    {
        public string? Address { get; init; }
        public DateOnly? AddressConfirmedOn { get; init; }
        public string? Phone { get; init; }
        public List<string?>? OtherPhones { get; init; }
        public string? Email { get; init; }
    }

    public static List<FieldError> Validate(Input input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.Address?.Trim().Length > 500)
        {
            errors.Add(new("address", "At most 500 characters."));
        }
        if (input.AddressConfirmedOn > today)
        {
            errors.Add(new("addressConfirmedOn", "The date cannot be in the future."));
        }
        if (input.AddressConfirmedOn is not null && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(new("address", "Give the address that was confirmed."));
        }
        if (!IsPhone(input.Phone))
        {
            errors.Add(new("phone", NotAPhone));
        }
        var others = input.OtherPhones ?? [];
        for (var i = 0; i < others.Count; i++)
        {
            if (!IsPhone(others[i]))
            {
                errors.Add(new($"otherPhones[{i}]", NotAPhone));
            }
        }
        if (Phones(input).Count > MaxPhones)
        {
            errors.Add(new("otherPhones", "At most 5 phone numbers."));
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && !IsEmail(input.Email.Trim()))
        {
            errors.Add(new("email", NotAnEmail));
        }
        return errors;
    }

    public static async Task<Result<HouseholdContact?>> ExecuteAsync(TrajetDbContext db, Case @case, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var contact = await db.HouseholdContacts.SingleOrDefaultAsync(c => c.CaseId == @case.Id, ct);
        var phones = Phones(input);
        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (address is null && phones.Count == 0 && email is null)
        {
            if (contact is not null)
            {
                db.HouseholdContacts.Remove(contact);
                await db.SaveChangesAsync(ct);
            }
            return (HouseholdContact?)null;
        }
        contact ??= db.HouseholdContacts.Add(new HouseholdContact { CaseId = @case.Id }).Entity;
        contact.Address = address;
        contact.AddressConfirmedOn = address is null ? null : input.AddressConfirmedOn;
        contact.Phones = phones.Count == 0 ? null : string.Join('\n', phones);
        contact.Email = email;
        contact.UpdatedAt = Clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private static List<string> Phones(Input input) =>
        new[] { input.Phone }.Concat(input.OtherPhones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();

    /// <summary>
    /// A bare address the mail server takes (no display name, no list): what the outbox sends to must parse the same
    /// way later, so a typo is caught while the person is still there to correct it.
    /// </summary>
    public static bool IsEmail(string text) =>
        text.Length <= 254 && !text.Any(char.IsWhiteSpace) && text.Count(c => c == '@') == 1
        && MimeKit.MailboxAddress.TryParse(text, out var parsed) && parsed.Address == text
        && text.Split('@') is [{ Length: > 0 }, var domain] && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');

    private static bool IsPhone(string? text) =>
        string.IsNullOrWhiteSpace(text) || (text.Trim().Length <= 40 && text.Trim().All(c => char.IsAsciiDigit(c) || " +()-/.".Contains(c)));
}
