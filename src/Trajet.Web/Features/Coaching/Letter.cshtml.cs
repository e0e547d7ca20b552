using Trajet.Web.Features.Reminders;

namespace Trajet.Web.Features.Coaching;

/// <summary>The invitation letter, ready to print, in the language chosen for the reader; and e-mailed to the person on request.</summary>
public sealed class LetterModel(TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public Letters.Loaded Loaded { get; private set; } = null!;

    /// <summary>The letter's e-mail, once asked for: queued, sent, or failing.</summary>
    public OutgoingMail? Mail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, UserContext user, CancellationToken ct) =>
        await LoadAsync(id, user, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEmailAsync(Guid id, UserContext user, CancellationToken ct)
    {
        if (!await LoadAsync(id, user, ct))
        {
            return NotFound();
        }
        var answer = (await EmailInvitation.ExecuteAsync(db, user, id, l, clock.Today(), ct)).ToPage(this, l, _ => RedirectToPage(new { id }), prefix: "");
        Mail ??= await EmailInvitation.OfAsync(db, id, ct);
        return answer;
    }

    private async Task<bool> LoadAsync(Guid id, UserContext user, CancellationToken ct)
    {
        if (!CaseAccess.CanWrite(user) || await Letters.LoadAsync(db, user, id, l, ct) is not { } loaded)
        {
            return false;
        }
        Loaded = loaded;
        Mail = await EmailInvitation.OfAsync(db, id, ct);
        return true;
    }
}
