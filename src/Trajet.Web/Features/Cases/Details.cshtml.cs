using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Organisations;

namespace Trajet.Web.Features.Cases;

/// <summary>The case page: the household at a glance and how the case got where it is.</summary>
public sealed class DetailsModel(CurrentUser current, TrajetDbContext db, TimeProvider clock) : PageModel
{
    public Case Case { get; private set; } = null!;
    public bool HideNames { get; private set; }
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var found = await db.Cases.Visible(user).AsNoTracking()
            .Include(c => c.Programme)
            .Include(c => c.Members.OrderBy(m => m.CreatedAt))
            .Include(c => c.StatusChanges)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return NotFound();
        }
        Case = found;
        HideNames = user.SeesAggregatesOnly;
        CanWrite = CaseAccess.CanWrite(user);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        return Page();
    }
}
