namespace Trajet.Web.Features.Coaching;

/// <summary>The invitation letter, ready to print, in the language chosen for the reader.</summary>
public sealed class LetterModel(TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public Letters.Loaded Loaded { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user) || await Letters.LoadAsync(db, user, id, l, ct) is not { } loaded)
        {
            return NotFound();
        }
        Loaded = loaded;
        return Page();
    }
}
