using System.Globalization;
using System.Text.Json;

namespace Trajet.Web.Features.Instruments;

/// <summary>
/// The client summary sheet form: the profile pre-filled from the case file for the member it describes, then the
/// impact questions. Fields carry the API's names (impact.engagement, group1.prompts.moreInformation…) so that one
/// validation serves both.
/// </summary>
public sealed class SummarySheetModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public CaseDto Case { get; private set; } = null!;
    public SummaryProfile Profile { get; private set; } = SummaryProfile.Empty;
    /// <summary>The member the profile describes.</summary>
    public MemberDto? Person { get; private set; }
    /// <summary>Question 12 as the legal chronology answers it: null when it cannot, and the form asks.</summary>
    public PromptAnswer? ReleasedFromChronology { get; private set; }
    /// <summary>Said after the profile was filled again for another member, before anything is saved.</summary>
    public string? Notice { get; private set; }
    public IReadOnlyDictionary<string, string?> Values { get; private set; } = new Dictionary<string, string?>();

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? member, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Person = Case.Members.FirstOrDefault(m => m.Id == member) ?? SummaryProfile.DefaultMember(Case);
        await PrefillAsync(id, Today, ct);
        Values = new Dictionary<string, string?>
        {
            ["date"] = Today.ToString("yyyy-MM-dd"),
            ["member"] = Person?.Id.ToString(),
            ["profileOf"] = Person?.Id.ToString(),
            ["releasedFromDetention"] = ReleasedFromChronology?.ToKebab(),
        };
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
        var date = DateOnly.TryParse(Field("date"), CultureInfo.InvariantCulture, out var parsed) ? parsed : (DateOnly?)null;
        var chosen = Guid.TryParse(Field("member"), out var memberId) ? memberId : (Guid?)null;
        Person = Case.Members.FirstOrDefault(m => m.Id == chosen);
        if (Person is null && Field("member") is not null)
        {
            Person = Case.Members.FirstOrDefault(m => m.Id.ToString() == Field("profileOf")) ?? SummaryProfile.DefaultMember(Case);
            await PrefillAsync(id, date ?? Today, ct);
            ModelState.AddModelError("member", l["Choose a member of this household."]);
            return Page();
        }
        Person ??= SummaryProfile.DefaultMember(Case);
        if (Person?.Id.ToString() != Field("profileOf"))
        {
            // The profile on the form was written about someone else: fill it again for the member chosen, save nothing yet.
            await PrefillAsync(id, date ?? Today, ct);
            var kept = Values.Where(v => !v.Key.StartsWith("profile.", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);
            kept["profileOf"] = Person?.Id.ToString();
            Values = kept;
            Notice = string.Format(CultureInfo.CurrentCulture, l["The profile now describes {0}: check it, then save."], NameOf(Person));
            return Page();
        }

        RecordSummarySheet.GroupInput Group(int g) => new(Field($"group{g}.impact"), Field($"group{g}.obstacles"),
            SummaryQuestions.Prompts.Where(p => p.Group == g).ToDictionary(p => p.Key, p => Field($"group{g}.prompts.{p.Key}")));
        // Question 12 has its own field (a closed answer); the others are the profile's short texts.
        var profile = JsonSerializer.Deserialize<SummaryProfile>(JsonSerializer.Serialize(
            typeof(SummaryProfile).GetProperties().Where(p => p.Name != nameof(SummaryProfile.ReleasedFromDetention))
                .ToDictionary(p => p.Name, p => Field($"profile.{p.Name}")), RecordSummarySheet.Json), RecordSummarySheet.Json)!;
        Profile = profile;
        var input = new RecordSummarySheet.Input(
            date, SummaryQuestions.Impacts.Take(3).ToDictionary(q => q.Key, q => Field($"impact.{q.Key}")),
            Group(1), Group(2), Group(3), Field("observations"), profile, Person?.Id, Field("releasedFromDetention"), Field("impactFactors"));
        var recorded = await RecordSummarySheet.ExecuteAsync(db, user, owner, Case, input, Today, l, ct);
        if (recorded.Failed is { Errors: var errors })
        {
            ReleasedFromChronology = (await SummaryFacts.ReadAsync(db, id, date ?? Today, ct)).ReleasedAfterDetention;
            // The form's fields carry the API's names, so each error goes to its field as it is.
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, l[error.Message]);
            }
            return Page();
        }
        return SavedNotice.OnCase(id, Saved.SummarySheet);
    }

    /// <summary>How the member list and the notice name a member: their name, or their role when the name was erased.</summary>
    public string NameOf(MemberDto? m) => m is null ? ""
        : $"{m.FirstName} {m.LastName}".Trim() is { Length: > 0 } name ? $"{name} ({l[m.Role.ToString()]})" : l[m.Role.ToString()];

    private async Task PrefillAsync(Guid id, DateOnly on, CancellationToken ct)
    {
        var facts = await SummaryFacts.ReadAsync(db, id, on, ct);
        ReleasedFromChronology = facts.ReleasedAfterDetention;
        Profile = SummaryProfile.From(Case, Person, on, facts, l, CultureInfo.CurrentCulture);
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
