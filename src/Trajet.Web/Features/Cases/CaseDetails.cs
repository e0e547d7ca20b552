namespace Trajet.Web.Features.Cases;

/// <summary>One case as the case page and the API show it, read in a few set-based queries.</summary>
public static class CaseDetails
{
    public static async Task<CaseDto?> LoadAsync(TrajetDbContext db, UserContext user, Guid id, DateOnly today, CancellationToken ct) =>
        (await ReadAsync(db, user, id, today, ct))?.Dto;

    /// <summary>The case as shown, and the row it was read from (with its programme), which the case page reads further from.</summary>
    public sealed record Read(Case Case, CaseDto Dto);

    public static async Task<Read?> ReadAsync(TrajetDbContext db, UserContext user, Guid id, DateOnly today, CancellationToken ct)
    {
        var c = await db.Cases.Visible(user).AsNoTracking()
            .Include(x => x.Programme)
            .Include(x => x.Members.OrderBy(m => m.CreatedAt))
            .Include(x => x.StatusChanges)
            // One round trip: a household times its status history is a few dozen rows, cheaper than two more queries.
            .AsSingleQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var hideNames = user.SeesAggregatesOnly;
        var assignees = await db.CaseAssignments.Where(a => a.CaseId == id)
            .Join(db.Users, a => a.UserId, u => u.Id, (_, u) => u)
            .OrderBy(u => u.DisplayName).Select(u => new AssigneeDto(u.Id, u.DisplayName)).ToListAsync(ct);
        var screening = await db.AdmissionCriteria.AsNoTracking().Where(k => k.ProgrammeId == c.ProgrammeId && k.IsActive).OrderBy(k => k.Position)
            .Select(k => new ScreeningDto(k.Id, k.Text,
                db.ScreeningAnswers.Where(a => a.CaseId == id && a.CriterionId == k.Id).Select(a => (CriterionAnswer?)a.Answer).FirstOrDefault(),
                hideNames ? null : db.ScreeningAnswers.Where(a => a.CaseId == id && a.CriterionId == k.Id).Select(a => a.Note).FirstOrDefault(),
                k.Texts))
            .ToListAsync(ct);
        // Where the family lives is for those who visit them: never for evaluators.
        var contact = hideNames ? null : await db.HouseholdContacts.AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == id, ct);
        // The cases of the same family either side of this one, among those the user may see.
        var linked = await db.Cases.Visible(user).Where(x => x.Id == c.PreviousCaseId || x.PreviousCaseId == id)
            .OrderBy(x => x.Referral.Date).ThenBy(x => x.Number)
            .Select(x => new { x.Id, x.Number }).ToListAsync(ct);
        var periods = await db.CaseSupportPeriods.Where(p => p.CaseId == id).OrderBy(p => p.From)
            .Select(p => new SupportPeriodDto(p.From, p.To)).ToListAsync(ct);
        var byIds = c.StatusChanges.Where(s => s.ByUserId != null).Select(s => s.ByUserId!.Value).Distinct().ToList();
        var names = hideNames || byIds.Count == 0 ? [] : await db.Users.Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new Read(c, new CaseDto(c.Id, c.Number, c.Status, c.Kind, c.Programme!.Slug,
            new ReferralDto(c.Referral.Source, hideNames ? null : c.Referral.ReferredBy, c.Referral.Date, c.Referral.KnownBefore, c.Referral.RiskAtIntake),
            c.AdmittedOn, c.ClosedOn, c.Outcome, c.DurableSolution,
            c.Members.Select(m => MemberDto.From(m, today, hideNames)).ToList(),
            hideNames ? [] : assignees,
            screening,
            c.StatusChanges.OrderBy(s => s.Date).ThenBy(s => s.At).Select(s => new StatusChangeDto(s.From, s.To, s.Date, hideNames ? null : s.Reason,
                s.Outcome, s.DurableSolution, s.ByUserId is { } by ? names.GetValueOrDefault(by) : null,
                s.From is { } from && CaseWorkflow.Reopens(from, s.To))).ToList(),
            CaseWorkflow.Next(c.Status, user.IsCoordinator),
            c.Version,
            contact is null ? null : ContactDto.From(contact))
        {
            PreviousCase = linked.Where(x => x.Id == c.PreviousCaseId).Select(x => new CaseLinkDto(x.Id, x.Number)).SingleOrDefault(),
            NextCases = linked.Where(x => x.Id != c.PreviousCaseId).Select(x => new CaseLinkDto(x.Id, x.Number)).ToList(),
            SupportPeriods = periods,
        });
    }
}
