using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trajet.Web.Data;
using Trajet.Web.Features.Accounts;
using Trajet.Web.Features.Cases;
using Trajet.Web.Features.Organisations;
using Trajet.Web.Infrastructure;

namespace Trajet.Web.Features.Interactions;

/// <summary>The home-visit write-up: few fields, sensible defaults (today, a home visit, an hour).</summary>
public sealed class LogInteractionModel(CurrentUser current, TrajetDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : CaseWritePage(current, db, l)
{
    public sealed class InputModel
    {
        public InteractionType? Type { get; set; } = InteractionType.HomeVisit;
        public AccompanimentTo? AccompanimentTo { get; set; }
        public DateOnly? Date { get; set; }
        public int? DurationMinutes { get; set; } = 60;
        public string? Participants { get; set; }
        public string? Language { get; set; }
        public bool InterpreterPresent { get; set; }
        public bool MediatorPresent { get; set; }
        public string? Notes { get; set; }
        public string? NextSteps { get; set; }
        public string? FileChecked { get; set; }
        public string? MissingItems { get; set; }
        public string? Conclusions { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>An individual-coaching case: the form is an interview write-up.</summary>
    public bool IsCoaching { get; private set; }

    private DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Input.Date = Today;
        if (IsCoaching)
        {
            var interviewed = await Db.Interactions.AnyAsync(i => i.CaseId == id && Interviews.Kinds.Contains(i.Type), ct);
            Input.Type = interviewed ? InteractionType.FollowUpInterview : InteractionType.FirstInterview;
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async (user, @case) =>
        {
            var input = new RecordInteraction.Input(Input.Type, Input.AccompanimentTo, Input.Date, Input.DurationMinutes, Input.Participants,
                Input.Language, Input.InterpreterPresent, Input.MediatorPresent, Input.Notes, Input.NextSteps,
                Input.FileChecked, Input.MissingItems, Input.Conclusions);
            return await RecordInteraction.ExecuteAsync(Db, user, @case, input, Today, ct) is RecordInteraction.Invalid invalid ? invalid.Errors : null;
        }, () => RedirectToPage("/CaseFile/Details", new { id }), ct);

    protected override async Task LoadedAsync(Case @case, CancellationToken ct) =>
        IsCoaching = await Db.Programmes.AnyAsync(p => p.Id == @case.ProgrammeId && p.Kind == ProgrammeKind.IndividualCoaching, ct);
}
