namespace Trajet.Web.Features.Outreach;

/// <summary>Finds a returning person by nickname, name or phone; lists the people the other team shared with us.</summary>
public sealed class PeopleModel(TrajetDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public FindReturningPerson.Found? Found { get; private set; }
    public IReadOnlyList<OutreachApi.SharedPersonDto> Shared { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(UserContext user, CancellationToken ct)
    {
        if (!OutreachAccess.CanSeePeople(user))
        {
            return NotFound();
        }
        var programme = await OutreachAccess.ProgrammeAsync(db, user, null, ct);
        if (programme is not null && !string.IsNullOrWhiteSpace(Q))
        {
            Found = await FindReturningPerson.ExecuteAsync(db, user, programme.Id, Q, clock.Today(), ct);
        }
        Shared = await OutreachApi.SharedWithAsync(db, user, clock.Today(), ct);
        return Page();
    }
}
