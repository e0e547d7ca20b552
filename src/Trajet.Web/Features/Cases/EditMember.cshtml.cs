namespace Trajet.Web.Features.Cases;

/// <summary>Changes a person; a save over someone else's newer change is refused with a message.</summary>
public sealed class EditMemberModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var member = await LoadAsync(id, memberId, ct);
        if (member is null)
        {
            return NotFound();
        }
        Input = MemberForm.From(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var member = await LoadAsync(id, memberId, ct);
        if (member is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            return (await SaveMember.UpdateAsync(db, member, Input.ToInput(), Input.Version, clock.Today(), ct))
                .ToPage(this, l, _ => SavedNotice.OnCase(id, Saved.Person));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep what the user typed; the next save, after review, goes over the newer version.
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            ModelState.Remove("Input.Version");
            Input.Version = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Version).SingleAsync(ct);
            return Page();
        }
    }

    private async Task<Member?> LoadAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user))
        {
            return null;
        }
        var @case = await db.Cases.Visible(user).AsNoTracking().Select(c => new { c.Id, c.Number }).SingleOrDefaultAsync(c => c.Id == id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        return @case is null ? null : await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == id, ct);
    }
}
