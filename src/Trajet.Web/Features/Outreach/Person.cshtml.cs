using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// A person the team meets again: contacts, outcomes, the cross-border agreement and sharing, and the
/// way into a case. A person shared by the other team shows read-only, without the forms.
/// </summary>
public sealed class PersonModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class DetailsInput
    {
        public string? Nickname { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class OutcomeInput
    {
        public OutcomeKind? Kind { get; set; }
        public DateOnly? Date { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class AgreementInput
    {
        public string? With { get; set; }
        public DateOnly? Date { get; set; }
        public string? ExplainedHow { get; set; }
        public string? Language { get; set; }
    }

    public sealed class CaseInput
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
    }

    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public OutcomeInput Outcome { get; set; } = new();

    [BindProperty]
    public AgreementInput Agreement { get; set; } = new();

    [BindProperty]
    public CaseInput NewCase { get; set; } = new();

    public PersonRecord.View Person { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRef> OtherTeams { get; private set; } = [];
    public string? CaseNumber { get; private set; }
    public bool CanWork { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Details = new DetailsInput { Nickname = Person.Nickname, FirstName = Person.FirstName, LastName = Person.LastName, Phone = Person.Phone };
        Outcome.Date = Today;
        Agreement.Date = Today;
        Agreement.Language = Person.Languages.FirstOrDefault();
        NewCase = new CaseInput { FirstName = Person.FirstName, LastName = Person.LastName };
        return Page();
    }

    public Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Details", async (user, person) =>
    {
        var body = new OutreachApi.PersonBody(null, Details.Nickname, Details.FirstName, Details.LastName, Details.Phone, null, null, null, null);
        var errors = OutreachApi.ApplyPerson(person, body);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return errors;
    }, ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Outcome", async (user, person) =>
        await RecordOutcome.ExecuteAsync(db, user, person, new RecordOutcome.Input(Outcome.Kind, Outcome.Date, Outcome.Notes), Today, ct) is RecordOutcome.Invalid invalid ? invalid.Errors : [], ct);

    public Task<IActionResult> OnPostAgreementAsync(Guid id, CancellationToken ct) => WriteAsync(id, "Agreement", async (user, person) =>
        await ShareAcrossBorder.RecordAgreementAsync(db, user, person, new ShareAcrossBorder.AgreementInput(Agreement.With, Agreement.Date, Agreement.ExplainedHow, Agreement.Language), Today, ct)
            is ShareAcrossBorder.Invalid invalid ? invalid.Errors : [], ct);

    public Task<IActionResult> OnPostShareAsync(Guid id, string? with, CancellationToken ct) => WriteAsync(id, "", async (user, person) =>
        await ShareAcrossBorder.ShareAsync(db, user, person, with, Today, ct) is ShareAcrossBorder.Invalid invalid ? invalid.Errors : [], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, CancellationToken ct) => WriteAsync(id, "", async (_, person) =>
        await ShareAcrossBorder.WithdrawAsync(db, person, consentId, Today, ct) is ShareAcrossBorder.Invalid invalid ? invalid.Errors : [], ct);

    public async Task<IActionResult> OnPostCaseAsync(Guid id, CancellationToken ct)
    {
        Guid? caseId = null;
        var result = await WriteAsync(id, "NewCase", async (user, person) =>
        {
            var slug = await db.Programmes.Where(p => p.Id == person.ProgrammeId).Select(p => p.Slug).SingleAsync(ct);
            var opened = await OpenCaseForPerson.ExecuteAsync(db, user, person, slug, new OpenCaseForPerson.Input(NewCase.FirstName, NewCase.LastName), Today, ct);
            caseId = (opened as OpenCaseForPerson.Opened)?.Case.Id;
            return opened is OpenCaseForPerson.Invalid invalid ? invalid.Errors : [];
        }, ct);
        return caseId is { } opened ? RedirectToPage("/CaseFile/Details", new { id = opened }) : result;
    }

    /// <summary>Runs one form's use case on the team's own person: other teams (even with a share) and strangers get a 404.</summary>
    private async Task<IActionResult> WriteAsync(Guid id, string prefix, Func<UserContext, OutreachPerson, Task<List<FieldError>>> write, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await db.WritablePersonAsync(user, id, ct);
        if (person is null)
        {
            return NotFound();
        }
        var errors = await write(user, person);
        if (errors.Count == 0)
        {
            return RedirectToPage(new { id });
        }
        errors.AddTo(ModelState, l, prefix);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (prefix != "Details")
        {
            Details = new DetailsInput { Nickname = Person.Nickname, FirstName = Person.FirstName, LastName = Person.LastName, Phone = Person.Phone };
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await PersonRecord.LoadAsync(db, user, id, Today, ct);
        if (person is null)
        {
            return false;
        }
        Person = person;
        CanWork = !person.ReadOnly && OutreachAccess.CanWork(user);
        if (CanWork)
        {
            OtherTeams = await db.Programmes.AsNoTracking().Where(p => p.Kind == ProgrammeKind.Outreach && p.IsActive && p.OrganisationId != user.OrganisationId)
                .OrderBy(p => p.Name).Select(p => new ProgrammeRef(p.Id, p.Slug, p.Organisation!.Name + " · " + p.Name)).ToListAsync(ct);
        }
        if (person.CaseId is { } caseId)
        {
            CaseNumber = await db.Cases.Visible(user).Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(ct);
        }
        return true;
    }
}
