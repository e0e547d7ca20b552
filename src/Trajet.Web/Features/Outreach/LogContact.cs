using System.Text.Json.Serialization;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// Records a contact mid-round: in a session (or at a place on a day), anonymous, with a returning
/// person, or with a new person under a nickname. Refused when nothing happened.
/// </summary>
public static class LogContact
{
    /// <summary>What the phone form and the API send; the API's enums in kebab-case, its booleans may be null (no).</summary>
    public sealed record Input
    {
        public Guid? SessionId { get; init; }
        /// <summary>API only: a contact at a place without a session.</summary>
        public Guid? PlaceId { get; init; }
        public DateOnly? Date { get; init; }
        public Guid? PersonId { get; init; }
        public string? Nickname { get; init; }
        public string? Phone { get; init; }
        public Gender? Gender { get; init; }
        public AgeBand? AgeBand { get; init; }
        public string? Nationality { get; init; }
        public string? Language { get; init; }
        public bool? MediatorInterpreted { get; init; }
        [JsonConverter(typeof(KebabListJson<InformationTopic>))]
        public IReadOnlyList<InformationTopic>? InformationGiven { get; init; }
        public string? InformationOther { get; init; }
        [JsonConverter(typeof(KebabListJson<OrientationService>))]
        public IReadOnlyList<OrientationService>? Orientation { get; init; }
        public Guid? PartnerId { get; init; }
        public bool? FollowUp { get; init; }
    }

    public static async Task<Result<OutreachContact>> ExecuteAsync(TrajetDbContext db, UserContext user, Input input, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var information = input.InformationGiven ?? [];
        var orientation = input.Orientation ?? [];
        OutreachSession? session = null;
        OutreachPlace? place = null;
        if (input.SessionId is { } sessionId)
        {
            session = await db.OutreachSessions.Visible(user).Include(s => s.Place).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            place = session?.Place;
            if (session is null)
            {
                errors.Add(new("sessionId", "Unknown session."));
            }
        }
        else if (input.PlaceId is { } placeId)
        {
            place = await db.OutreachPlaces.Visible(user).SingleOrDefaultAsync(p => p.Id == placeId, ct);
            if (place is null)
            {
                errors.Add(new("placeId", "Unknown place."));
            }
        }
        else
        {
            errors.Add(new("sessionId", "Choose the session, or the place where the contact happened."));
        }
        var date = input.Date ?? session?.Date;
        var nationality = Blank(input.Nationality) is { } n ? (n.Length == 2 ? n.ToUpperInvariant() : n.ToLowerInvariant()) : null;
        var language = Blank(input.Language)?.ToLowerInvariant();
        errors.AddRange(ContactRules.Validate(new ContactRules.Facts(date, input.Nickname, input.Phone, nationality, language,
            information, input.InformationOther, orientation, input.PartnerId is not null), today));

        var programmeId = session?.ProgrammeId ?? place?.ProgrammeId;
        OutreachPerson? person = null;
        if (input.PersonId is { } personId)
        {
            person = await db.OutreachPeople.Visible(user).SingleOrDefaultAsync(p => p.Id == personId, ct);
            if (person is null || (programmeId is not null && person.ProgrammeId != programmeId))
            {
                errors.Add(new("personId", "Unknown person."));
            }
        }
        if (input.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId && p.OrganisationId == user.OrganisationId && p.IsActive, ct))
        {
            errors.Add(new("partnerId", "Unknown partner: choose one from your organisation's directory."));
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var nickname = Blank(input.Nickname) ?? person?.Nickname;
        if (person is null && nickname is not null)
        {
            person = new OutreachPerson
            {
                OrganisationId = place!.OrganisationId,
                ProgrammeId = place.ProgrammeId,
                Nickname = nickname,
                Phone = Blank(input.Phone),
                Gender = input.Gender ?? Gender.Unknown,
                AgeBand = input.AgeBand ?? AgeBand.Unknown,
                Nationality = nationality ?? Codes.Unknown,
                Languages = language ?? "",
            };
            person.Index();
            db.OutreachPeople.Add(person);
        }
        var contact = new OutreachContact
        {
            OrganisationId = place!.OrganisationId,
            ProgrammeId = place.ProgrammeId,
            SessionId = session?.Id,
            PlaceId = place.Id,
            PersonId = person?.Id,
            Date = date!.Value,
            Place = place.Name,
            Nickname = nickname,
            Gender = input.Gender ?? person?.Gender ?? Gender.Unknown,
            AgeBand = input.AgeBand ?? person?.AgeBand ?? AgeBand.Unknown,
            Nationality = nationality ?? person?.Nationality ?? Codes.Unknown,
            Language = language,
            MediatorInterpreted = input.MediatorInterpreted ?? false,
            InformationGiven = ContactRules.Join(information),
            InformationOther = information.Contains(InformationTopic.Other) ? Blank(input.InformationOther) : null,
            Orientation = ContactRules.Join(orientation),
            PartnerId = input.PartnerId,
            FollowUp = input.FollowUp ?? false,
            RecordedByUserId = user.Id,
        };
        db.OutreachContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
