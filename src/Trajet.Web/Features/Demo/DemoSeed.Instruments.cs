using Trajet.Web.Features.Instruments;

namespace Trajet.Web.Features.Demo;

public static partial class DemoSeed
{
    /// <summary>A baseline sheet at admission and at a review; a client summary sheet at the review.</summary>
    private static void AddInstruments(TrajetDbContext db, Case @case, DateOnly admitted, int index, Guid by)
    {
        var review = @case.ClosedOn ?? admitted.AddMonths(6);
        if (review > new DateOnly(2026, 11, 1))
        {
            review = admitted.AddDays(60);
        }
        foreach (var (date, shift) in new[] { (admitted, 0), (review, 1) })
        {
            var sheet = new BaselineSheet { CaseId = @case.Id, OrganisationId = @case.OrganisationId, ProgrammeId = @case.ProgrammeId, Date = date, SituationOn = date, CreatedByUserId = by };
            // Risks and vulnerability fall, the rest rises a little between intake and review.
            sheet.Scores.AddRange(BaselineItems.All.Select(item => new BaselineScore
            {
                SheetId = sheet.Id,
                Item = item.Number,
                Score = Math.Clamp(item.HigherIsWorse ? 7 - (shift * ((index + item.Number) % 3 + 1)) : 4 + (shift * ((index + item.Number) % 4)), 0, 10),
            }));
            db.BaselineSheets.Add(sheet);
        }
        ImpactLevel[] levels = [ImpactLevel.Some, ImpactLevel.Considerable, ImpactLevel.Limited, ImpactLevel.Some, ImpactLevel.None, ImpactLevel.Some, ImpactLevel.DontKnow];
        PromptAnswer?[] answers = [PromptAnswer.Yes, PromptAnswer.Yes, PromptAnswer.No, PromptAnswer.DontKnow, PromptAnswer.Yes, null];
        var summary = new SummarySheet
        {
            CaseId = @case.Id,
            FamilyId = @case.FamilyId,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Date = review,
            CreatedByUserId = by,
            Group2Obstacles = index % 2 == 0 ? "Slow decisions of the authorities" : null,
            Observations = "Demo sheet",
        };
        for (var q = 0; q < SummaryQuestions.Impacts.Count; q++)
        {
            SummaryQuestions.Impacts[q].Property.SetValue(summary, levels[(index + q) % levels.Length]);
        }
        for (var q = 0; q < SummaryQuestions.Prompts.Count; q++)
        {
            SummaryQuestions.Prompts[q].Property.SetValue(summary, answers[(index * 3 + q) % answers.Length]);
        }
        db.SummarySheets.Add(summary);

        // Home visits about monthly, calls in between, an accompaniment to the lawyer.
        var end = @case.ClosedOn ?? new DateOnly(2026, 11, 1);
        var visit = 0;
        for (var day = admitted.AddDays(7); day <= end && visit < 8; day = day.AddDays(30 + (index % 3 * 7)), visit++)
        {
            db.Interactions.Add(new Trajet.Web.Features.Interactions.Interaction
            {
                CaseId = @case.Id,
                OrganisationId = @case.OrganisationId,
                ProgrammeId = @case.ProgrammeId,
                Date = day,
                Type = visit % 3 == 2 ? Trajet.Web.Features.Interactions.InteractionType.PhoneCall : Trajet.Web.Features.Interactions.InteractionType.HomeVisit,
                DurationMinutes = visit % 3 == 2 ? 20 : 90,
                Participants = "Parents and children",
                InterpreterPresent = index % 4 == 0,
                Notes = visit == 0 ? "First home visit: the family's story and the legal file reviewed together." : "Follow-up of the action plan.",
                NextSteps = visit == 0 ? "Collect the decisions and the lawyer's contact." : null,
                RecordedByUserId = by,
            });
        }
        db.Interactions.Add(new Trajet.Web.Features.Interactions.Interaction
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Date = admitted.AddDays(20),
            Type = Trajet.Web.Features.Interactions.InteractionType.Accompaniment,
            AccompanimentTo = Trajet.Web.Features.Interactions.AccompanimentTo.Lawyer,
            DurationMinutes = 120,
            Participants = "Father, lawyer",
            RecordedByUserId = by,
        });
    }
}
