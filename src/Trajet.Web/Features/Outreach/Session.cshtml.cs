namespace Trajet.Web.Features.Outreach;

/// <summary>One session: where, who was there, which languages, and the contacts logged in it.</summary>
public sealed class SessionModel(TrajetDbContext db) : PageModel
{
    public OutreachApi.SessionDto Session { get; private set; } = null!;
    public IReadOnlyList<OutreachContact> Contacts { get; private set; } = [];
    public Guid? Logged { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? logged, UserContext user, CancellationToken ct)
    {
        if (!OutreachAccess.CanSeePeople(user))
        {
            return NotFound();
        }
        var session = (await OutreachApi.SessionsAsync(db, db.OutreachSessions.Visible(user).Where(s => s.Id == id), ct)).SingleOrDefault();
        if (session is null)
        {
            return NotFound();
        }
        Session = session;
        Logged = logged;
        Contacts = await db.OutreachContacts.Visible(user).AsNoTracking().Where(c => c.SessionId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return Page();
    }
}
