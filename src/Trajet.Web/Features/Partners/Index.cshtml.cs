using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;

namespace Trajet.Web.Features.Partners;

/// <summary>The organisation's directory of lawyers, NGOs, services, schools, embassies…</summary>
public sealed class IndexModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Partner> Partners { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(string? name, PartnerKind? kind, string? contact, string? phone, string? email, string? notes, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CanWrite)
        {
            return Forbid();
        }
        var errors = PartnersApi.ValidatePartner(name, kind, email);
        if (errors.Count > 0)
        {
            errors.ForEach(e => ModelState.AddModelError(e.Field, l[e.Message]));
            return Page();
        }
        var user = await current.RequireAsync(ct);
        db.Partners.Add(new Partner { OrganisationId = user.OrganisationId!.Value, Name = name!.Trim(), Kind = kind!.Value, Contact = contact, Phone = phone, Email = email, Notes = notes });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.OrganisationId is null || user.SeesAggregatesOnly)
        {
            return false;
        }
        CanWrite = CaseAccess.CanWrite(user);
        Partners = await db.Partners.AsNoTracking().Where(p => p.OrganisationId == user.OrganisationId && p.IsActive).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        return true;
    }
}
