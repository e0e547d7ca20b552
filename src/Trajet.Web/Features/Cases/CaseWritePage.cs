namespace Trajet.Web.Features.Cases;

/// <summary>
/// The skeleton of a page that writes into one case: the case the user may write in (else 404), the form checked,
/// the use case run, then the next page or the form again with the use case's errors.
/// </summary>
public abstract class CaseWritePage(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";

    protected TrajetDbContext Db => db;
    protected IStringLocalizer<SharedResource> Localizer => l;
    protected Task<UserContext> UserAsync(CancellationToken ct) => current.RequireAsync(ct);

    /// <summary>Reads what the page shows beside the form, once the case is known (a GET, or a form shown again).</summary>
    protected virtual Task LoadedAsync(Case @case, CancellationToken ct) => Task.CompletedTask;

    protected async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.WritableCaseAsync(await current.RequireAsync(ct), id, ct);
        CaseId = id;
        CaseNumber = @case?.Number ?? "";
        if (@case is not null)
        {
            await LoadedAsync(@case, ct);
        }
        return @case;
    }

    /// <param name="save">Runs the use case.</param>
    /// <param name="next">Where the user goes once it is saved.</param>
    protected async Task<IActionResult> SaveAsync<T>(Guid id, Func<UserContext, Case, Task<Result<T>>> save, Func<T, IActionResult> next, CancellationToken ct)
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
        return (await save(await current.RequireAsync(ct), @case)).ToPage(this, l, next);
    }
}
