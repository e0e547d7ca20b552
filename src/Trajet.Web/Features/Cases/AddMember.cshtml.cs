using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Cases;

public sealed class AddMemberModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public MemberRole? Role { get; set; } = MemberRole.Parent;
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public Gender Gender { get; set; } = Gender.Unknown;
        public DateOnly? BirthDate { get; set; }
        public int? EstimatedAge { get; set; }
        public string? Nationality { get; set; } = Codes.Unknown;
        public string? Languages { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

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
        var languages = (Input.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new MemberRules.Input(Input.Role, Input.FirstName, Input.LastName, Input.Gender, Input.BirthDate, Input.EstimatedAge, Input.Nationality, languages);
        switch (await AddMember.ExecuteAsync(db, @case, input, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct))
        {
            case AddMember.Added:
                return RedirectToPage("Details", new { id });
            case AddMember.Invalid invalid:
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
