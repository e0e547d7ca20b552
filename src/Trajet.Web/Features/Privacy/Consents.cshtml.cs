using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Privacy;

/// <summary>A household's consents: what each person agreed to, how it was explained, and withdrawals.</summary>
public sealed class ConsentsModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public Guid? MemberId { get; set; }
        public ConsentPurpose? Purpose { get; set; }
        public Guid? PartnerId { get; set; }
        public Guid? RecipientOrganisationId { get; set; }
        public DateOnly? GivenOn { get; set; }
        public string? ExplainedHow { get; set; }
        public string? Language { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public IReadOnlyList<ConsentsApi.Dto> Consents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Input.GivenOn = Today;
        return Page();
    }

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
        var user = await current.RequireAsync(ct);
        var input = new RecordConsent.Input(Input.MemberId, Input.Purpose, Input.PartnerId, Input.RecipientOrganisationId, Input.GivenOn, Input.ExplainedHow, Input.Language?.Trim().ToLowerInvariant());
        var (consent, errors) = await RecordConsent.ExecuteAsync(db, user, @case, input, Today, ct);
        if (consent is null)
        {
            errors.AddTo(ModelState, l, "Input");
            return Page();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId, string? note, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        var consent = @case is null ? null : await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.CaseId == id, ct);
        if (consent is null)
        {
            return NotFound();
        }
        var errors = await RecordConsent.WithdrawAsync(db, consent, Today, note, Today, ct);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, l);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        if (@case is not null)
        {
            Consents = await ConsentsApi.OfCaseAsync(db, id, false, Today, ct);
            People = (await db.Members.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt)
                .Select(m => new { m.Id, Name = m.FirstName + " " + m.LastName }).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
            Partners = (await db.Partners.AsNoTracking().Where(p => p.OrganisationId == @case.OrganisationId && p.IsActive).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
            Organisations = (await db.Organisations.AsNoTracking().Where(o => o.Id != @case.OrganisationId).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        }
        return @case;
    }
}
