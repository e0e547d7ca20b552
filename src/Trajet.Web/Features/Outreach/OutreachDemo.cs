using Trajet.Web.Features.Partners;
using Trajet.Web.Features.Privacy;

namespace Trajet.Web.Features.Outreach;

/// <summary>
/// The demo's outreach: places in Belgium and around Calais and Dunkirk, a year and a half of
/// sessions with contacts (people met again under their nickname, and anonymous ones), outcomes,
/// a partner's referrals in the queue, and one person shared from the Belgian team to the French one.
/// </summary>
public static class OutreachDemo
{
    private sealed record Team(Programme Programme, Organisation Organisation, User Worker, User? Mediator, (string Name, string Fr, string Nl, PlaceType Type, string City, string Region)[] Places,
        (string Nickname, string Nationality, string Language, Gender Gender, AgeBand Age)[] People, string[] Partners, int Sessions, int Seed);

    public static int Seed(TrajetDbContext db, Organisation be, Programme reach, User worker, User mediator, Organisation fr, Programme reachFr, User frWorker, DateOnly today)
    {
        var belgian = new Team(reach, be, worker, mediator,
        [
            ("Gare du Nord (Brussels)", "Gare du Nord (Bruxelles)", "Noordstation (Brussel)", PlaceType.Station, "Brussels", "Brussels-Capital"),
            ("Porte d'Ulysse shelter", "Hébergement de la Porte d'Ulysse", "Opvang Porte d'Ulysse", PlaceType.Shelter, "Brussels", "Brussels-Capital"),
            ("Squat rue Gallait (Schaerbeek)", "Squat rue Gallait (Schaerbeek)", "Kraakpand Gallaitstraat (Schaarbeek)", PlaceType.Squat, "Brussels", "Brussels-Capital"),
            ("Humanitarian hub day centre", "Centre de jour du Hub humanitaire", "Dagcentrum van de Humanitarian Hub", PlaceType.DayCentre, "Brussels", "Brussels-Capital"),
            ("Antwerpen-Centraal", "Anvers-Central", "Antwerpen-Centraal", PlaceType.Station, "Antwerp", "Flanders"),
            ("Liège-Guillemins", "Liège-Guillemins", "Luik-Guillemins", PlaceType.Station, "Liège", "Wallonia"),
        ],
        [
            ("Abdi", "SO", "so", Gender.Male, AgeBand.From18To25), ("Mehdi", "DZ", "ar", Gender.Male, AgeBand.From26To35),
            ("Hawa", "GN", "fr", Gender.Female, AgeBand.From18To25), ("Tesfay", "ER", "ti", Gender.Male, AgeBand.From18To25),
            ("Karzan", "IQ", "ku", Gender.Male, AgeBand.From26To35), ("Samira", "SD", "ar", Gender.Female, AgeBand.From26To35),
            ("Bilal", "AF", "ps", Gender.Male, AgeBand.Under18), ("Yusuf", "SD", "ar", Gender.Male, AgeBand.From36To50),
            ("", "unknown", "ar", Gender.Male, AgeBand.Unknown), ("", "AF", "fa", Gender.Male, AgeBand.From18To25),
        ],
        ["Fedasil dispatching", "Médecins du Monde", "Service social des étrangers"], 17, 11);
        var french = new Team(reachFr, fr, frWorker, null,
        [
            ("Calais, rue des Garennes", "Calais, rue des Garennes", "Calais, rue des Garennes", PlaceType.StreetSpot, "Calais", "Hauts-de-France"),
            ("Loon-Plage camp (Dunkirk)", "Campement de Loon-Plage (Dunkerque)", "Kamp van Loon-Plage (Duinkerke)", PlaceType.Squat, "Dunkirk", "Hauts-de-France"),
            ("Calais day centre", "Accueil de jour de Calais", "Dagcentrum Calais", PlaceType.DayCentre, "Calais", "Hauts-de-France"),
        ],
        [
            ("Amanuel", "ER", "ti", Gender.Male, AgeBand.From26To35), ("Fatou", "SN", "wo", Gender.Female, AgeBand.From36To50),
            ("Dawit", "ER", "ti", Gender.Male, AgeBand.From18To25), ("Rahim", "AF", "ps", Gender.Male, AgeBand.Under18),
            ("", "SD", "ar", Gender.Male, AgeBand.From18To25), ("", "unknown", "ar", Gender.Male, AgeBand.Unknown),
        ],
        ["OFII Calais", "Médecins du Monde Calais"], 8, 12);

        var count = 0;
        var people = new Dictionary<(Guid, string), OutreachPerson>();
        foreach (var team in new[] { belgian, french })
        {
            var random = new Random(team.Seed);
            var partners = team.Partners.Select(name => new Partner { OrganisationId = team.Organisation.Id, Name = name, Kind = name.Contains("Médecins") ? PartnerKind.Medical : PartnerKind.SocialServices }).ToList();
            db.Partners.AddRange(partners);
            var places = team.Places.Select(p => new OutreachPlace
            {
                OrganisationId = team.Organisation.Id,
                ProgrammeId = team.Programme.Id,
                Name = p.Name,
                Names = new() { Fr = p.Fr, Nl = p.Nl, En = p.Name },
                Type = p.Type,
                City = p.City,
                Region = p.Region,
                Country = team.Organisation.Country,
            }).ToList();
            db.OutreachPlaces.AddRange(places);
            for (var s = 0; s < team.Sessions; s++)
            {
                // The last session is today's round: the one a worker logs into on the demo.
                var date = s == team.Sessions - 1 ? today : today.AddDays(-600 + (s * 590 / team.Sessions) + random.Next(0, 20));
                var place = s == team.Sessions - 1 ? places[0] : places[random.Next(places.Count)];
                var kind = place.Type is PlaceType.Shelter or PlaceType.DayCentre ? SessionKind.Permanence : s % 5 == 4 ? SessionKind.AdHocInterview : SessionKind.OutdoorRound;
                var session = new OutreachSession
                {
                    OrganisationId = team.Organisation.Id,
                    ProgrammeId = team.Programme.Id,
                    Kind = kind,
                    Date = date,
                    PlaceId = place.Id,
                    Languages = team.Mediator is null ? "fr,en,ar" : "fr,nl,en,ar,ti",
                    CreatedByUserId = team.Worker.Id,
                };
                session.Workers.Add(new OutreachSessionWorker { SessionId = session.Id, UserId = team.Worker.Id });
                if (team.Mediator is not null && s % 2 == 0)
                {
                    session.Workers.Add(new OutreachSessionWorker { SessionId = session.Id, UserId = team.Mediator.Id, IsMediator = true });
                }
                db.OutreachSessions.Add(session);
                for (var c = 0; c < 3; c++)
                {
                    var who = team.People[random.Next(team.People.Length)];
                    OutreachPerson? person = null;
                    if (who.Nickname.Length > 0 && !people.TryGetValue((team.Programme.Id, who.Nickname), out person))
                    {
                        person = new OutreachPerson
                        {
                            OrganisationId = team.Organisation.Id,
                            ProgrammeId = team.Programme.Id,
                            Nickname = who.Nickname,
                            Gender = who.Gender,
                            AgeBand = who.Age,
                            Nationality = who.Nationality,
                            Languages = who.Language,
                        };
                        person.Index();
                        people[(team.Programme.Id, who.Nickname)] = person;
                        db.OutreachPeople.Add(person);
                    }
                    var given = Enum.GetValues<InformationTopic>().Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(InformationTopic.InternationalProtection);
                    var oriented = Enum.GetValues<OrientationService>().Where(_ => random.NextDouble() < 0.25).ToList();
                    db.OutreachContacts.Add(new OutreachContact
                    {
                        OrganisationId = team.Organisation.Id,
                        ProgrammeId = team.Programme.Id,
                        SessionId = session.Id,
                        PlaceId = place.Id,
                        PersonId = person?.Id,
                        Date = date,
                        Place = place.Name,
                        Nickname = person?.Nickname,
                        Gender = who.Gender,
                        AgeBand = who.Age,
                        Nationality = who.Nationality,
                        Language = who.Language,
                        MediatorInterpreted = session.Workers.Any(w => w.IsMediator) && random.NextDouble() < 0.7,
                        InformationGiven = ContactRules.Join(given),
                        Orientation = ContactRules.Join(oriented),
                        PartnerId = oriented.Count > 0 && random.NextDouble() < 0.5 ? partners[random.Next(partners.Count)].Id : null,
                        FollowUp = random.NextDouble() < 0.3,
                        RecordedByUserId = team.Worker.Id,
                        CreatedAt = Clock.UtcNow.AddDays(date.DayNumber - today.DayNumber).AddMinutes(c),
                    });
                    count++;
                }
            }
            db.InboundReferrals.AddRange(
                new InboundReferral
                {
                    OrganisationId = team.Organisation.Id,
                    ProgrammeId = team.Programme.Id,
                    PartnerId = partners[0].Id,
                    Date = today.AddDays(-3),
                    Name = "Omar",
                    Language = "ar",
                    Reason = "Sleeps outside near the station; asks about the asylum procedure.",
                    RecordedByUserId = team.Worker.Id,
                },
                new InboundReferral
                {
                    OrganisationId = team.Organisation.Id,
                    ProgrammeId = team.Programme.Id,
                    PartnerId = partners[^1].Id,
                    Date = today.AddDays(-1),
                    Name = "Meron",
                    Phone = "+32 470 00 00 00",
                    Language = "ti",
                    Reason = "Young woman, medical follow-up needed, no reception place.",
                    RecordedByUserId = team.Worker.Id,
                });
        }

        // Outcomes after the first contact; and Tesfay, met in Brussels, agreed that the Calais team sees his record.
        var firstContact = db.ChangeTracker.Entries<OutreachContact>().Select(e => e.Entity).Where(c => c.PersonId != null)
            .GroupBy(c => c.PersonId!.Value).ToDictionary(g => g.Key, g => g.Min(c => c.Date));
        void Outcome(string nickname, Programme programme, OutcomeKind kind, int daysAfter)
        {
            if (people.TryGetValue((programme.Id, nickname), out var person) && firstContact.TryGetValue(person.Id, out var first))
            {
                var date = first.AddDays(daysAfter) > today ? today : first.AddDays(daysAfter);
                db.OutreachOutcomes.Add(new OutreachOutcome { OrganisationId = person.OrganisationId, ProgrammeId = programme.Id, PersonId = person.Id, Kind = kind, Date = date });
            }
        }
        Outcome("Hawa", reach, OutcomeKind.ProtectionApplicationBelgium, 20);
        Outcome("Hawa", reach, OutcomeKind.ReceptionBelgium, 25);
        Outcome("Karzan", reach, OutcomeKind.VoluntaryReturnApplication, 60);
        Outcome("Samira", reach, OutcomeKind.ReceptionBelgium, 10);
        Outcome("Tesfay", reach, OutcomeKind.ProtectionApplicationBelgium, 90);
        Outcome("Amanuel", reachFr, OutcomeKind.ProtectionApplicationFrance, 30);
        Outcome("Fatou", reachFr, OutcomeKind.ReceptionFrance, 15);

        if (people.TryGetValue((reach.Id, "Tesfay"), out var tesfay))
        {
            var consent = new Consent
            {
                OrganisationId = be.Id,
                OutreachPersonId = tesfay.Id,
                Purpose = ConsentPurpose.CrossBorderExchange,
                RecipientOrganisationId = fr.Id,
                GivenOn = today.AddDays(-14),
                Language = "ti",
                RecordedById = mediator.Id,
                ExplainedHow = "Explained by the mediator in Tigrinya: the Calais team will see his contacts and outcomes, nothing else; he can stop it at any time.",
            };
            db.Consents.Add(consent);
            db.CrossBorderShares.Add(new CrossBorderShare
            {
                OrganisationId = be.Id,
                ProgrammeId = reach.Id,
                PersonId = tesfay.Id,
                ConsentId = consent.Id,
                RecipientOrganisationId = fr.Id,
                RecipientProgrammeId = reachFr.Id,
                SharedOn = today.AddDays(-14),
                SharedByUserId = mediator.Id,
            });
        }
        return count;
    }
}
