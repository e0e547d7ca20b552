namespace Trajet.Web.Features.LegalEvents;

/// <summary>A coordinator keeps the organisation's time limits: they change with the law, so they are data.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class DeadlineRulesModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<DeadlineRule> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(Guid? ruleId, LegalEventType? eventType, LegalOutcome? outcome, string? label, LocalizedText? labels, int days, int months, bool usesDaysOnEvent, bool isActive, UserContext user, CancellationToken ct)
    {
        var rule = ruleId is null
            ? new DeadlineRule { OrganisationId = user.OrganisationId!.Value, Label = "" }
            : await db.DeadlineRules.SingleOrDefaultAsync(r => r.Id == ruleId && r.OrganisationId == user.OrganisationId, ct);
        if (rule is null)
        {
            return NotFound();
        }
        if (eventType is null)
        {
            ModelState.AddModelError("eventType", l["Choose the kind of event."]);
        }
        if (string.IsNullOrWhiteSpace(label) || label.Length > 300)
        {
            ModelState.AddModelError("label", l["Describe the rule in at most 300 characters."]);
        }
        LocalizedText.Validate(labels, "labels", 300, "At most 300 characters.").AddTo(ModelState, l, prefix: "");
        if (days is < 0 or > 3650 || months is < 0 or > 120 || (days == 0 && months == 0 && !usesDaysOnEvent))
        {
            ModelState.AddModelError("days", l["Give a time limit in days (0–3650) or months (0–120)."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        rule.EventType = eventType!.Value;
        rule.Outcome = outcome;
        rule.Label = label!.Trim();
        rule.Labels.Write(labels);
        rule.Days = days;
        rule.Months = months;
        rule.UsesDaysOnEvent = usesDaysOnEvent;
        rule.IsActive = isActive || ruleId is null;
        if (ruleId is null)
        {
            db.DeadlineRules.Add(rule);
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        Rules = await db.DeadlineRules.AsNoTracking().Where(r => r.OrganisationId == user.OrganisationId).OrderBy(r => r.EventType).ToListAsync(ct);
    }
}
