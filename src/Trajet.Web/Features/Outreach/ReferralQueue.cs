namespace Trajet.Web.Features.Outreach;

/// <summary>People partners refer to the team: queued until someone meets them, then linked to the person (and contact).</summary>
public static class ReferralQueue
{
    /// <summary>A partner's referral, as the queue page and the API send it.</summary>
    public sealed record Input
    {
        /// <summary>API only: the programme's slug; the user's first outreach programme when empty.</summary>
        public string? Programme { get; init; }
        public Guid? PartnerId { get; init; }
        public DateOnly? Date { get; init; }
        public string? Name { get; init; }
        public string? Phone { get; init; }
        public string? Language { get; init; }
        public string? Reason { get; init; }
    }

    /// <summary>The person the team met (and, if given, the contact).</summary>
    public sealed record LinkInput
    {
        public Guid? PersonId { get; init; }
        public Guid? ContactId { get; init; }
    }

    public static async Task<Result<InboundReferral>> AddAsync(TrajetDbContext db, UserContext user, ProgrammeRef programme, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.PartnerId is not { } partnerId || !await db.Partners.AnyAsync(p => p.Id == partnerId && p.OrganisationId == user.OrganisationId, ct))
        {
            errors.Add(new("partnerId", "Unknown partner: choose one from your organisation's directory."));
        }
        if (input.Date is not { } date)
        {
            errors.Add(new("date", "The date is required."));
        }
        else if (date > today)
        {
            errors.Add(new("date", "A referral cannot be in the future."));
        }
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            errors.Add(new("name", "The name is required (at most 100 characters)."));
        }
        if (input.Phone?.Trim().Length > 50)
        {
            errors.Add(new("phone", "At most 50 characters."));
        }
        if (LogContact.Blank(input.Language) is { } language && !Codes.IsLanguage(language.ToLowerInvariant()))
        {
            errors.Add(new("language", "Unknown language code: use ISO 639-1 (e.g. hy, ru)."));
        }
        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 1000)
        {
            errors.Add(new("reason", "The reason is required (at most 1000 characters)."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var referral = new InboundReferral
        {
            OrganisationId = user.OrganisationId!.Value,
            ProgrammeId = programme.Id,
            PartnerId = input.PartnerId!.Value,
            Date = input.Date!.Value,
            Name = input.Name!.Trim(),
            Phone = LogContact.Blank(input.Phone),
            Language = LogContact.Blank(input.Language)?.ToLowerInvariant(),
            Reason = input.Reason!.Trim(),
            RecordedByUserId = user.Id,
        };
        db.InboundReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>The team met the person: the referral leaves the queue, linked to the person and, if given, the contact.</summary>
    public static async Task<Result<InboundReferral>> LinkAsync(TrajetDbContext db, UserContext user, InboundReferral referral, LinkInput input, DateOnly today, CancellationToken ct)
    {
        var (personId, contactId) = (input.PersonId, input.ContactId);
        var errors = new List<FieldError>();
        var person = personId is { } p ? await db.OutreachPeople.Visible(user).AnyAsync(x => x.Id == p && x.ProgrammeId == referral.ProgrammeId, ct) : false;
        if (!person)
        {
            errors.Add(new("personId", "Unknown person."));
        }
        if (contactId is { } c && !await db.OutreachContacts.Visible(user).AnyAsync(x => x.Id == c && x.PersonId == personId, ct))
        {
            errors.Add(new("contactId", "Unknown contact of this person."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        referral.PersonId = personId;
        referral.ContactId = contactId;
        referral.Status = InboundReferralStatus.Contacted;
        referral.HandledOn = today;
        await db.SaveChangesAsync(ct);
        return referral;
    }
}
