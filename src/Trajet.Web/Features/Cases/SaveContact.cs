namespace Trajet.Web.Features.Cases;

/// <summary>Records the household's address and phone numbers; all left blank removes them.</summary>
public static class SaveContact
{
    public const int MaxPhones = 5;
    private const string NotAPhone = "A phone number has digits, spaces and + ( ) - / . only (at most 40).";

    /// <summary>What the contact form and <c>PUT /api/cases/{id}/contact</c> send.</summary>
    public sealed record Input
    {
        public string? Address { get; init; }
        public DateOnly? AddressConfirmedOn { get; init; }
        public string? Phone { get; init; }
        public List<string?>? OtherPhones { get; init; }
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
        if (address is null && phones.Count == 0)
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
        contact.UpdatedAt = Clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private static List<string> Phones(Input input) =>
        new[] { input.Phone }.Concat(input.OtherPhones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();

    private static bool IsPhone(string? text) =>
        string.IsNullOrWhiteSpace(text) || (text.Trim().Length <= 40 && text.Trim().All(c => char.IsAsciiDigit(c) || " +()-/.".Contains(c)));
}
