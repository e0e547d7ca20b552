using System.Text.Json;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// The client summary sheet form: the profile pre-filled from the case file, then the impact
/// questions. Fields carry the API's names (impact.engagement, group1.prompts.moreInformation…)
/// so that one validation serves both.
/// </summary>
public sealed class SummarySheetModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public SummaryProfile Profile { get; private set; } = SummaryProfile.Empty;
    public IReadOnlyDictionary<string, string?> Values { get; private set; } = new Dictionary<string, string?>();

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Profile = SummaryProfile.From(Case, Today);
        Values = new Dictionary<string, string?> { ["date"] = Today.ToString("yyyy-MM-dd") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var owner = await LoadAsync(id, ct);
        if (owner is null)
        {
            return NotFound();
        }
        var form = Request.Form;
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
        Values = form.Keys.ToDictionary(k => k, k => (string?)form[k].FirstOrDefault());
        RecordSummarySheet.GroupBody Group(int g) => new(Field($"group{g}.impact"), Field($"group{g}.obstacles"),
            SummaryQuestions.Prompts.Where(p => p.Group == g).ToDictionary(p => p.Key, p => Field($"group{g}.prompts.{p.Key}")));
        var profile = JsonSerializer.Deserialize<SummaryProfile>(JsonSerializer.Serialize(
            typeof(SummaryProfile).GetProperties().ToDictionary(p => p.Name, p => Field($"profile.{p.Name}")), RecordSummarySheet.Json), RecordSummarySheet.Json)!;
        Profile = profile;
        var body = new RecordSummarySheet.Body(
            DateOnly.TryParse(Field("date"), System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null,
            SummaryQuestions.Impacts.Take(3).ToDictionary(q => q.Key, q => Field($"impact.{q.Key}")),
            Group(1), Group(2), Group(3), Field("observations"), profile);
        var user = await current.RequireAsync(ct);
        switch (await RecordSummarySheet.ExecuteAsync(db, user, Case, owner.Value.OrganisationId, owner.Value.ProgrammeId, body, Today, ct))
        {
            case RecordSummarySheet.Recorded:
                return RedirectToPage("/CaseFile/Details", new { id });
            case RecordSummarySheet.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    ModelState.AddModelError(error.Field, l[error.Message]);
                }
                return Page();
            default:
                throw new InvalidOperationException();
        }
    }

    private async Task<(Guid OrganisationId, Guid ProgrammeId)?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (!CaseAccess.CanWrite(user))
        {
            return null;
        }
        var owner = await db.Cases.Visible(user).Where(c => c.Id == id).Select(c => new { c.OrganisationId, c.ProgrammeId }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }
        Case = (await CaseDetails.LoadAsync(db, user, id, Today, ct))!;
        return (owner.OrganisationId, owner.ProgrammeId);
    }
}
