using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// A person as the caller may see them: the team's own person in full, or a person another team
/// shared under an agreement in force — then read-only and only the contacts and outcomes (no phone, no names).
/// </summary>
public static class PersonRecord
{
    public sealed record ContactLine(
        Guid Id, DateOnly Date, string Place, Guid? SessionId, IReadOnlyList<InformationTopic> InformationGiven, string? InformationOther,
        IReadOnlyList<OrientationService> Orientation, string? Partner, string? Language, bool MediatorInterpreted, bool FollowUp);

    public sealed record OutcomeLine(Guid Id, OutcomeKind Kind, DateOnly Date, string? Notes);

    public sealed record AgreementLine(Guid Id, string With, string? WithProgramme, DateOnly Date, string ExplainedHow, string? Language, DateOnly? WithdrawnOn, bool Shared);

    /// <param name="Version">Moves on every save of the person's details: what an edit saw (<see cref="EditPerson"/>).</param>
    public sealed record View(
        Guid Id, int Version, string Programme, string Nickname, string? FirstName, string? LastName, string? Phone, Gender Gender, AgeBand AgeBand,
        string Nationality, IReadOnlyList<string> Languages, Guid? CaseId, bool ReadOnly, string? SharedBy,
        IReadOnlyList<ContactLine> Contacts, IReadOnlyList<OutcomeLine> Outcomes, IReadOnlyList<AgreementLine> Agreements);

    public static async Task<View?> LoadAsync(TrajetDbContext db, UserContext user, Guid id, DateOnly today, CancellationToken ct)
    {
        if (!OutreachAccess.CanSeePeople(user))
        {
            return null;
        }
        var person = await db.OutreachPeople.Visible(user).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var shared = person is null;
        if (shared)
        {
            var shares = OutreachAccess.SharesWith(db, user, today).Where(s => s.PersonId == id);
            person = await db.OutreachPeople.AsNoTracking().Where(p => shares.Any()).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return null;
            }
        }
        var p = person!;
        var contacts = await db.OutreachContacts.AsNoTracking().Where(c => c.PersonId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.CreatedAt)
            .Select(c => new
            {
                c.Id,
                c.Date,
                c.Place,
                c.SessionId,
                c.InformationGiven,
                c.InformationOther,
                c.Orientation,
                Partner = db.Partners.Where(x => x.Id == c.PartnerId).Select(x => x.Name).FirstOrDefault(),
                c.Language,
                c.MediatorInterpreted,
                c.FollowUp,
            })
            .ToListAsync(ct);
        var outcomes = await db.OutreachOutcomes.AsNoTracking().Where(o => o.PersonId == id).OrderBy(o => o.Date)
            .Select(o => new OutcomeLine(o.Id, o.Kind, o.Date, shared ? null : o.Notes)).ToListAsync(ct);
        var agreements = shared ? [] : await db.Consents.AsNoTracking()
            .Where(c => c.OutreachPersonId == id && c.OrganisationId == p.OrganisationId && c.Purpose == ConsentPurpose.CrossBorderExchange)
            .OrderByDescending(c => c.GivenOn)
            .Select(c => new AgreementLine(c.Id,
                db.Organisations.Where(o => o.Id == c.RecipientOrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
                db.Programmes.Where(x => x.OrganisationId == c.RecipientOrganisationId && x.Kind == ProgrammeKind.Outreach && x.IsActive).OrderBy(x => x.Slug).Select(x => x.Slug).FirstOrDefault(),
                c.GivenOn, c.ExplainedHow, c.Language, c.WithdrawnOn,
                db.CrossBorderShares.Any(s => s.ConsentId == c.Id && s.StoppedOn == null) && (c.WithdrawnOn == null || c.WithdrawnOn > today)))
            .ToListAsync(ct);
        var programme = await db.Programmes.Where(x => x.Id == p.ProgrammeId).Select(x => new { x.Slug, Organisation = x.Organisation!.Name }).SingleAsync(ct);
        return new View(
            p.Id, p.Version, programme.Slug, p.Nickname, shared ? null : p.FirstName, shared ? null : p.LastName, shared ? null : p.Phone, p.Gender, p.AgeBand,
            p.Nationality, p.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries), shared ? null : p.CaseId, shared, shared ? programme.Organisation : null,
            contacts.Select(c => new ContactLine(c.Id, c.Date, c.Place, shared ? null : c.SessionId, ContactRules.Split<InformationTopic>(c.InformationGiven), c.InformationOther,
                ContactRules.Split<OrientationService>(c.Orientation), shared ? null : c.Partner, c.Language, c.MediatorInterpreted, c.FollowUp)).ToList(),
            outcomes, agreements);
    }
}
