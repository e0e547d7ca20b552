using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Cases;

/// <summary>Adds a person; people who may be the same are shown before anything is saved.</summary>
public sealed class AddMemberModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MemberForm Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmedNew { get; set; }

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public IReadOnlyList<FindSimilarPeople.Candidate> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var today = clock.Today();
        var input = Input.ToInput();
        var errors = MemberRules.Validate(input, today);
        if (errors.Count == 0 && !ConfirmedNew)
        {
            var user = await current.RequireAsync(ct);
            Similar = await FindSimilarPeople.ExecuteAsync(db, user, new NameMatcher.Person(Input.FirstName ?? "", Input.LastName ?? "", Input.Aliases ?? "", Input.BirthDate, Input.EstimatedAge), today, null, ct);
            if (Similar.Count > 0)
            {
                return Page();
            }
        }
        switch (await SaveMember.AddAsync(db, @case, input, today, ct))
        {
            case SaveMember.Saved:
                return RedirectToPage("/CaseFile/Details", new { id });
            case SaveMember.Invalid invalid:
                invalid.Errors.AddTo(ModelState, l);
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user))
        {
            return null;
        }
        var @case = await db.Cases.Visible(user).SingleOrDefaultAsync(c => c.Id == id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        return @case;
    }
}
