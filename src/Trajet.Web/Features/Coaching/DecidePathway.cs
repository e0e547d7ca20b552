using Trajet.Web.Features.Partners;

namespace Trajet.Web.Features.Coaching;

/// <summary>Records a case's pathway decision; on pathway 3 it can close the accompaniment in the same step.</summary>
public static class DecidePathway
{
    public static async Task<Result<PathwayDecision>> ExecuteAsync(TrajetDbContext db, UserContext user, Case @case, PathwayRules.Decision input, DateOnly today, IEnumerable<ICaseClosureHold> holds, IPartnerConsent consent, CancellationToken ct)
    {
        var errors = PathwayRules.Validate(input, @case.Status is CaseStatus.Closed or CaseStatus.Declined, @case.Referral.Date, today);
        if (input.Pathway == Pathway.VoluntaryReturn && input.ReturnPartnerId is { } partnerId
            && !await db.Partners.AnyAsync(p => p.Id == partnerId && p.OrganisationId == @case.OrganisationId && p.IsActive, ct))
        {
            errors.Add(new("returnPartnerId", "Choose a partner from your organisation's directory."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var pathway = input.Pathway!.Value;
        var decision = new PathwayDecision
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            ProgrammeId = @case.ProgrammeId,
            Pathway = pathway,
            Date = input.Date!.Value,
            Reasons = input.Reasons!.Trim(),
            Procedure = pathway == Pathway.LegalStay ? Blank(input.Procedure) : null,
            InformationGiven = pathway == Pathway.LegalStay ? Blank(input.InformationGiven) : null,
            PersonFilesThemself = pathway == Pathway.LegalStay && input.PersonFilesThemself,
            OptionsExplained = pathway == Pathway.VoluntaryReturn ? Blank(input.OptionsExplained) : null,
            ReturnPartnerId = pathway == Pathway.VoluntaryReturn ? input.ReturnPartnerId : null,
            ConsequencesExplained = pathway == Pathway.ReturnRefused ? Blank(input.ConsequencesExplained) : null,
            ForcedReturnExplained = pathway == Pathway.ReturnRefused && input.ForcedReturnExplained,
            EntryBanExplained = pathway == Pathway.ReturnRefused && input.EntryBanExplained,
            DecidedByUserId = user.Id,
        };

        // The decision, the referral to the return partner and the closure stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.PathwayDecisions.Add(decision);
        var file = await CoachingFiles.GetOrAddAsync(db, @case.Id, ct);
        file.Pathway = pathway;
        file.PathwayOn = decision.Date;
        await db.SaveChangesAsync(ct);

        if (decision.ReturnPartnerId is { } partner)
        {
            var referral = new ReferToPartner.Input { PartnerId = partner, Date = decision.Date, Reason = Shorten(decision.Reasons) };
            if ((await ReferToPartner.ExecuteAsync(db, user, @case, referral, today, consent, ct)).Failed is { } failed)
            {
                return failed;
            }
        }
        if (input.Close)
        {
            var close = new CaseWorkflow.Change { To = CaseStatus.Closed, Date = decision.Date, Reason = Shorten(decision.Reasons), Outcome = ClosureOutcome.Other, DurableSolution = DurableSolution.None };
            if ((await ChangeStatus.ExecuteAsync(db, user, @case, close, today, holds, ct)).Failed is { } invalid)
            {
                return Failure.Invalid(invalid.Errors.Select(e => e.Field == "to" ? e with { Field = "close" } : e));
            }
        }
        await transaction.CommitAsync(ct);
        return decision;
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..1000];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A case's pathway decisions, newest first.</summary>
public static class PathwayHistory
{
    public static IServiceCollection AddTrajetCoaching(this IServiceCollection services) =>
        services.AddSingleton<ICaseClosureHold, PathwayHold>();

    /// <summary>Pathway 3 holds a case open until the consequences of a refusal to return are recorded as explained.</summary>
    private sealed class PathwayHold : ICaseClosureHold
    {
        public Task<bool> HoldsAsync(TrajetDbContext db, Guid caseId, CancellationToken ct) => BlocksClosureAsync(db, caseId, ct);
    }

    public static Task<List<PathwayDecision>> OfAsync(TrajetDbContext db, Guid caseId, CancellationToken ct) =>
        db.PathwayDecisions.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAt).ToListAsync(ct);

    /// <summary>For the closure workflow: is the case on pathway 3 without the consequences recorded as explained?</summary>
    public static async Task<bool> BlocksClosureAsync(TrajetDbContext db, Guid caseId, CancellationToken ct)
    {
        var latest = await db.PathwayDecisions.AsNoTracking().Where(p => p.CaseId == caseId)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAt)
            .Select(p => new { p.Pathway, p.ConsequencesExplained, p.ForcedReturnExplained, p.EntryBanExplained })
            .FirstOrDefaultAsync(ct);
        return latest is not null && PathwayRules.BlocksClosure(latest.Pathway,
            PathwayRules.ConsequencesRecorded(latest.ConsequencesExplained, latest.ForcedReturnExplained, latest.EntryBanExplained));
    }
}

/// <summary>The coaching record of a case, made on first need.</summary>
public static class CoachingFiles
{
    public static async Task<CoachingFile> GetOrAddAsync(TrajetDbContext db, Guid caseId, CancellationToken ct)
    {
        var file = db.CoachingFiles.Local.FirstOrDefault(f => f.CaseId == caseId) ?? await db.CoachingFiles.FindAsync([caseId], ct);
        if (file is null)
        {
            file = new CoachingFile { CaseId = caseId };
            db.CoachingFiles.Add(file);
        }
        return file;
    }

    /// <summary>The first desk a case comes to (walk-in or appointment) follows it, unless one already does.</summary>
    public static async Task FollowAtDeskAsync(TrajetDbContext db, Guid caseId, Guid deskId, CancellationToken ct)
    {
        var file = await GetOrAddAsync(db, caseId, ct);
        file.DeskId ??= deskId;
    }
}
