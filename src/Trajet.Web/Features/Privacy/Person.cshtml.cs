using System.Globalization;
using System.Text.Json.Nodes;
using Trajet.Web.Features.Documents;

namespace Trajet.Web.Features.Privacy;

/// <summary>
/// A person's data as a readable document (the subject access request), with the JSON download, and their erasure.
/// Coordinators of the case's organisation only; reading this page is recorded as an export.
/// </summary>
[Audit.AuditExport]
public sealed class PersonModel(CurrentUser current, TrajetDbContext db, DocumentStore documents, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Field(string Label, string Value);
    public sealed record Section(string Title, IReadOnlyList<IReadOnlyList<Field>> Rows);

    /// <summary>The export's sections as people read them (English is the translation key).</summary>
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["contact"] = "Address and phones",
        ["consents"] = "Consents",
        ["statusChanges"] = "Status changes",
        ["screening"] = "Screening",
        ["interactions"] = "Interactions",
        ["legalEvents"] = "Legal chronology",
        ["planGoals"] = "Plan goals",
        ["planActions"] = "Plan actions",
        ["planReviews"] = "Plan reviews",
        ["baselineSheets"] = "Baseline sheets",
        ["summarySheets"] = "Summary sheets",
        ["caseStudies"] = "Case studies",
        ["partnerReferrals"] = "Referrals to partners",
        ["documents"] = "Documents",
        ["appointments"] = "Appointments",
        ["invitations"] = "Invitations",
        ["walkIns"] = "Walk-ins",
        ["pathwayDecisions"] = "Pathway decisions",
        ["outreachPeople"] = "Outreach records",
        ["outreachContacts"] = "Outreach contacts",
        ["outreachOutcomes"] = "Outreach outcomes",
        ["crossBorderShares"] = "Cross-border sharing",
        ["accessLog"] = "Who read or changed the file",
    };

    // Keys and bookkeeping that mean nothing to the person.
    private static readonly HashSet<string> Hidden = ["id", "caseId", "organisationId", "programmeId", "version", "searchName", "nameKeys", "soundKeys", "phoneDigits", "fileKey"];

    public Guid CaseId { get; private set; }
    public Guid MemberId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public bool Erased { get; private set; }
    public IReadOnlyList<Field> PersonFields { get; private set; } = [];
    public IReadOnlyList<Field> CaseFields { get; private set; } = [];
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var c = (await SubjectRightsApi.CaseForCoordinatorAsync(db, await current.RequireAsync(ct), id, ct)).Value;
        var document = c is null ? null : await PersonExport.BuildAsync(db, id, memberId, clock.GetUtcNow().UtcDateTime, ct);
        if (c is null || document is null)
        {
            return NotFound();
        }
        CaseId = id;
        MemberId = memberId;
        CaseNumber = c.Number;
        var person = document["person"]!.AsObject();
        PersonName = $"{person["firstName"]} {person["lastName"]}";
        Erased = person["erasedOn"] is not null;
        PersonFields = Fields(person);
        CaseFields = Fields(document["case"]!.AsObject());
        Sections = PersonExport.Sections
            .Select(name => new Section(Titles[name], document[name]!.AsArray().Select(row => Fields(row!.AsObject())).ToList()))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, Guid memberId, UserContext user, CancellationToken ct)
    {
        var found = await SubjectRightsApi.CaseForCoordinatorAsync(db, user, id, ct);
        if (found.Failed is null && !Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Tick the box to confirm: erasure cannot be undone."]);
            return await OnGetAsync(id, memberId, ct);
        }
        var erased = await found.ThenAsync(c => ErasePerson.ExecuteAsync(db, documents, c, memberId, ErasureReason.SubjectRequest, clock.Today(), ct));
        if (erased.Failed is { Kind: FailureKind.Invalid, Errors: var errors })
        {
            errors.AddTo(ModelState, l);
            return await OnGetAsync(id, memberId, ct);
        }
        return erased.Failed is null ? SavedNotice.OnCase(id, Saved.PersonErased) : NotFound();
    }

    /// <summary>One line per non-empty value; nested objects (the referral, a sheet's scores) are flattened.</summary>
    public static IReadOnlyList<Field> Fields(JsonObject row, string prefix = "")
    {
        var fields = new List<Field>();
        foreach (var (name, value) in row)
        {
            // Internal references (…Id) mean nothing on paper; the JSON download keeps them.
            if (Hidden.Contains(name) || name.EndsWith("Id", StringComparison.Ordinal) || value is null)
            {
                continue;
            }
            var label = prefix + Humanize(name);
            switch (value)
            {
                case JsonObject nested:
                    fields.AddRange(Fields(nested, label + " · "));
                    break;
                case JsonArray list when list.Count == 0:
                    break;
                case JsonArray list when list.All(x => x is JsonValue):
                    fields.Add(new(label, string.Join(", ", list.Select(x => x!.ToString()))));
                    break;
                case JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonObject item)
                        {
                            fields.AddRange(Fields(item, $"{label} {i + 1} · "));
                        }
                    }
                    break;
                default:
                    var text = value.ToString();
                    if (text.Length > 0)
                    {
                        fields.Add(new(label, text));
                    }
                    break;
            }
        }
        return fields;
    }

    /// <summary><c>nextSteps</c> → <c>Next steps</c>.</summary>
    public static string Humanize(string name)
    {
        var words = new System.Text.StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(words.Length == 0 ? char.ToUpper(ch, CultureInfo.InvariantCulture) : char.ToLower(ch, CultureInfo.InvariantCulture));
        }
        return words.ToString();
    }
}
