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

    public async Task<IActionResult> OnPostAsync(Guid id, UserContext user, CancellationToken ct)
    {
        var owner = await LoadAsync(id, ct);
        if (owner is null)
        {
            return NotFound();
        }
        var form = Request.Form;
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
        Values = form.Keys.ToDictionary(k => k, k => (string?)form[k].FirstOrDefault());
        RecordSummarySheet.GroupInput Group(int g) => new(Field($"group{g}.impact"), Field($"group{g}.obstacles"),
            SummaryQuestions.Prompts.Where(p => p.Group == g).ToDictionary(p => p.Key, p => Field($"group{g}.prompts.{p.Key}")));
        var profile = JsonSerializer.Deserialize<SummaryProfile>(JsonSerializer.Serialize(
            typeof(SummaryProfile).GetProperties().ToDictionary(p => p.Name, p => Field($"profile.{p.Name}")), RecordSummarySheet.Json), RecordSummarySheet.Json)!;
        Profile = profile;
        var input = new RecordSummarySheet.Input(
            DateOnly.TryParse(Field("date"), System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null,
            SummaryQuestions.Impacts.Take(3).ToDictionary(q => q.Key, q => Field($"impact.{q.Key}")),
            Group(1), Group(2), Group(3), Field("observations"), profile);
        var recorded = await RecordSummarySheet.ExecuteAsync(db, user, owner, Case, input, Today, ct);
        if (recorded.Failed is { Errors: var errors })
        {
            // The form's fields carry the API's names, so each error goes to its field as it is.
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, l[error.Message]);
            }
            return Page();
        }
        return SavedNotice.OnCase(id, Saved.SummarySheet);
    }

    private async Task<Case?> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (await db.WritableCaseAsync(user, id, ct) is not { } owner)
        {
            return null;
        }
        Case = (await CaseDetails.LoadAsync(db, user, id, Today, ct))!;
        return owner;
    }
}
