using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Partners;

/// <summary>A case's referrals to partners: propose, record the family's agreement, follow the answer.</summary>
public sealed class ReferModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public IReadOnlyList<PartnersApi.ReferralDto> Referrals { get; private set; } = [];
    public IReadOnlyList<Partner> Partners { get; private set; } = [];
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? partnerId, DateOnly? date, string? reason, bool familyAgrees, string? notes, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        if (@case is null)
        {
            return NotFound();
        }
        var (referral, errors) = await ReferToPartner.CreateAsync(db, @case, partnerId, date, reason, familyAgrees ? Today : null, notes, (await current.RequireAsync(ct)).Id, Today, ct);
        return referral is null ? Invalid(errors) : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid referralId, ReferralStatus status, bool familyAgrees, CancellationToken ct)
    {
        var @case = await LoadAsync(id, ct);
        var referral = @case is null ? null : await db.PartnerReferrals.SingleOrDefaultAsync(r => r.Id == referralId && r.CaseId == id, ct);
        if (referral is null)
        {
            return NotFound();
        }
        var errors = await ReferToPartner.MoveAsync(db, referral, status, familyAgrees ? Today : null, (await current.RequireAsync(ct)).Id, Today, ct);
        return errors.Count > 0 ? Invalid(errors) : RedirectToPage(new { id });
    }

    private PageResult Invalid(List<FieldError> errors)
    {
        errors.ForEach(e => ModelState.AddModelError(e.Field, l[e.Message]));
        return Page();
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var @case = await db.WritableCaseAsync(user, id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        if (@case is not null)
        {
            Referrals = await PartnersApi.ReferralsOfAsync(db, id, ct);
            Partners = await db.Partners.AsNoTracking().Where(p => p.OrganisationId == @case.OrganisationId && p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
        }
        return @case;
    }
}
