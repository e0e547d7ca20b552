using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Privacy;

/// <summary>
/// The right of access: everything Trajet holds about a person of a case, as one JSON document (the same data the
/// readable page shows). Notes come decrypted; the case's shared records (visits, plan, chronology, sheets…) are
/// included because they are about the household. Other household members appear by role only.
/// </summary>
public static class PersonExport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(Api.EnumNaming) },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        WriteIndented = true,
    };

    /// <summary>The sections, in the order the readable document shows them.</summary>
    public static readonly string[] Sections =
    [
        "contact", "consents", "statusChanges", "screening", "interactions", "legalEvents", "planGoals", "planActions", "planReviews",
        "baselineSheets", "summarySheets", "caseStudies", "partnerReferrals", "documents", "appointments", "invitations",
        "walkIns", "pathwayDecisions", "outreachPeople", "outreachContacts", "outreachOutcomes", "crossBorderShares", "accessLog",
    ];

    public static async Task<JsonObject?> BuildAsync(TrajetDbContext db, Guid caseId, Guid memberId, DateTime now, CancellationToken ct)
    {
        var person = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.CaseId == caseId, ct);
        if (person is null)
        {
            return null;
        }
        var c = await db.Cases.AsNoTracking().Include(x => x.Programme).SingleAsync(x => x.Id == caseId, ct);
        var organisation = await db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var household = await db.Members.AsNoTracking().Where(m => m.CaseId == caseId && m.Id != memberId)
            .Select(m => new { m.Role, m.Gender }).ToListAsync(ct);
        var outreachPeople = await db.OutreachPeople.AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);
        var outreachIds = outreachPeople.Select(p => p.Id).ToList();

        var sections = new Dictionary<string, object>
        {
            ["contact"] = await db.HouseholdContacts.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["consents"] = await db.Consents.AsNoTracking().Where(x => x.CaseId == caseId && (x.MemberId == null || x.MemberId == memberId)).OrderBy(x => x.GivenOn).ToListAsync(ct),
            ["statusChanges"] = await db.CaseStatusChanges.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Date).ToListAsync(ct),
            ["screening"] = await db.ScreeningAnswers.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["interactions"] = await db.Interactions.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Date).ToListAsync(ct),
            ["legalEvents"] = await db.LegalEvents.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.Date).ToListAsync(ct),
            ["planGoals"] = await db.PlanGoals.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["planActions"] = await db.PlanActions.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["planReviews"] = await db.PlanReviews.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["baselineSheets"] = await db.BaselineSheets.AsNoTracking().Include(x => x.Scores).Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["summarySheets"] = await db.SummarySheets.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["caseStudies"] = await db.CaseStudies.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["partnerReferrals"] = await db.PartnerReferrals.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["documents"] = await db.CaseDocuments.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["appointments"] = await db.Appointments.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["invitations"] = await db.Invitations.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["walkIns"] = await db.WalkIns.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["pathwayDecisions"] = await db.PathwayDecisions.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct),
            ["outreachPeople"] = outreachPeople,
            ["outreachContacts"] = await db.OutreachContacts.AsNoTracking().Where(x => x.PersonId != null && outreachIds.Contains(x.PersonId.Value)).ToListAsync(ct),
            ["outreachOutcomes"] = await db.OutreachOutcomes.AsNoTracking().Where(x => outreachIds.Contains(x.PersonId)).ToListAsync(ct),
            ["crossBorderShares"] = await db.CrossBorderShares.AsNoTracking().Where(x => outreachIds.Contains(x.PersonId)).ToListAsync(ct),
            // Who read or changed the file, and when: the recipients of the data, as the person may ask.
            ["accessLog"] = await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence)
                .Select(e => new { e.At, e.ActorEmail, e.Action, e.EntityType }).ToListAsync(ct),
        };

        var document = new JsonObject
        {
            ["generatedAt"] = now,
            ["controller"] = organisation,
            ["programme"] = c.Programme?.Name,
            ["person"] = JsonSerializer.SerializeToNode(person, Json),
            ["case"] = JsonSerializer.SerializeToNode(new
            {
                c.Id,
                c.Number,
                c.Kind,
                c.Status,
                c.Referral,
                c.AdmittedOn,
                c.ClosedOn,
                c.Outcome,
                c.DurableSolution,
                c.ErasedOn,
                c.CreatedAt,
                Household = household,
            }, Json),
        };
        foreach (var name in Sections)
        {
            document[name] = JsonSerializer.SerializeToNode(sections[name], Json);
        }
        return document;
    }
}
