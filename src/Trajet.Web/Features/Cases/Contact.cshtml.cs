namespace Trajet.Web.Features.Cases;

/// <summary>The household's address, phone numbers and e-mail address, for those who visit or invite them.</summary>
public sealed class ContactModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    [BindProperty]
    public SaveContact.Input Input { get; set; } = new();

    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        var saved = await Db.HouseholdContacts.AsNoTracking().SingleOrDefaultAsync(c => c.CaseId == id, ct) is { } contact ? ContactDto.From(contact) : null;
        Input = new() { Address = saved?.Address, AddressConfirmedOn = saved?.AddressConfirmedOn, Phone = saved?.Phone, OtherPhones = [.. saved?.OtherPhones ?? []], Email = saved?.Email };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, (_, @case) => SaveContact.ExecuteAsync(Db, @case, Input, Today, ct), _ => SavedNotice.OnCase(id, Saved.Contact), ct);

    /// <summary>The other numbers on file, and room for two more.</summary>
    public IReadOnlyList<string?> OtherPhoneFields() =>
        [.. (Input.OtherPhones ?? []).Where(p => !string.IsNullOrWhiteSpace(p)), .. Enumerable.Repeat<string?>(null, 2)];
}
