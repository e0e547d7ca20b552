using Trajet.Web.Features.Audit;
using Trajet.Web.Features.Outreach;

namespace Trajet.Web.Features.Demo;

/// <summary>
/// The demo organisations, accounts (API.md) and a caseload that looks like the pilots of the
/// source documents: 24 families referred to Plan Together from 2020 on, 14 admitted.
/// Runs once: an organisation already present means the demo is there.
/// </summary>
public static partial class DemoSeed
{
    public const string Password = "Demo-2026!";

    private sealed record Person(string First, Gender Gender, int BirthYear, int BirthMonth = 6);

    private sealed record Family(
        string LastName, string Nationality, string Languages, Person[] Parents, Person[] Children,
        ReferralSource Source, string ReferredBy, DateOnly Referred, CaseStatus Status, RiskLevel Risk);

    private static readonly Family[] Families =
    [
        new("Petrosyan", "AM", "hy,ru", [new("Armen", Gender.Male, 1982), new("Lusine", Gender.Female, 1986)], [new("Narek", Gender.Male, 2011), new("Ani", Gender.Female, 2015)], ReferralSource.Organisation, "School social worker", new(2020, 3, 12), CaseStatus.Closed, RiskLevel.High),
        new("Rahimi", "AF", "fa,ps", [new("Farid", Gender.Male, 1979), new("Zahra", Gender.Female, 1988)], [new("Omid", Gender.Male, 2012), new("Yalda", Gender.Female, 2016), new("Sami", Gender.Male, 2020)], ReferralSource.Community, "Volunteer of the parish", new(2020, 6, 2), CaseStatus.Closed, RiskLevel.Medium),
        new("Mukendi", "CD", "fr,ln", [new("Grâce", Gender.Female, 1990)], [new("Exaucé", Gender.Male, 2013), new("Merveille", Gender.Female, 2018)], ReferralSource.Self, "", new(2020, 10, 19), CaseStatus.Declined, RiskLevel.Low),
        new("Diallo", "GN", "fr,ff", [new("Mamadou", Gender.Male, 1985), new("Aïssatou", Gender.Female, 1991)], [new("Fatoumata", Gender.Female, 2014)], ReferralSource.Detention, "Visit in closed centre", new(2021, 1, 25), CaseStatus.Closed, RiskLevel.High),
        new("Dudaev", "RU", "ru,ce", [new("Ruslan", Gender.Male, 1980), new("Madina", Gender.Female, 1984)], [new("Adam", Gender.Male, 2008), new("Amina", Gender.Female, 2010), new("Said", Gender.Male, 2017)], ReferralSource.Organisation, "Legal aid NGO", new(2021, 4, 8), CaseStatus.Closed, RiskLevel.High),
        new("Beridze", "GE", "ka,ru", [new("Nino", Gender.Female, 1987)], [new("Luka", Gender.Male, 2016)], ReferralSource.Community, "Neighbour", new(2021, 7, 14), CaseStatus.Declined, RiskLevel.DontKnow),
        new("El Amrani", "MA", "ar,fr", [new("Youssef", Gender.Male, 1983), new("Khadija", Gender.Female, 1989)], [new("Imane", Gender.Female, 2012), new("Rayan", Gender.Male, 2019)], ReferralSource.Organisation, "Public social welfare centre", new(2021, 11, 3), CaseStatus.Closed, RiskLevel.Medium),
        new("Hoxha", "AL", "sq", [new("Arben", Gender.Male, 1981), new("Elira", Gender.Female, 1985)], [new("Klea", Gender.Female, 2013), new("Dion", Gender.Male, 2015)], ReferralSource.Self, "", new(2022, 2, 21), CaseStatus.Declined, RiskLevel.Low),
        new("Al-Jaberi", "IQ", "ar,ku", [new("Haider", Gender.Male, 1978), new("Noor", Gender.Female, 1986)], [new("Zainab", Gender.Female, 2009), new("Ali", Gender.Male, 2014)], ReferralSource.Detention, "Detained spouse", new(2022, 5, 9), CaseStatus.Closed, RiskLevel.High),
        new("Haddad", "SY", "ar", [new("Rania", Gender.Female, 1984)], [new("Karim", Gender.Male, 2010), new("Lina", Gender.Female, 2012), new("Omar", Gender.Male, 2015)], ReferralSource.Organisation, "Children's Rights Commissioner", new(2022, 9, 30), CaseStatus.Declined, RiskLevel.Medium),
        new("Tesfaye", "ER", "ti,en", [new("Yonas", Gender.Male, 1988), new("Saba", Gender.Female, 1992)], [new("Lidya", Gender.Female, 2019)], ReferralSource.Community, "Church community", new(2023, 1, 16), CaseStatus.Closed, RiskLevel.Medium),
        new("Nkongho", "CM", "en,fr", [new("Blessing", Gender.Female, 1991)], [new("Joel", Gender.Male, 2017)], ReferralSource.Organisation, "Medical centre", new(2023, 3, 27), CaseStatus.Declined, RiskLevel.Low),
        new("Gurung", "NP", "ne,en", [new("Bikash", Gender.Male, 1986), new("Sita", Gender.Female, 1990)], [new("Aarav", Gender.Male, 2014)], ReferralSource.Self, "", new(2023, 6, 5), CaseStatus.Closed, RiskLevel.Medium),
        new("Oliveira", "BR", "pt", [new("Rafael", Gender.Male, 1984), new("Juliana", Gender.Female, 1987)], [new("Gabriel", Gender.Male, 2011), new("Sofia", Gender.Female, 2016)], ReferralSource.Community, "Parents' association", new(2023, 10, 12), CaseStatus.Paused, RiskLevel.Medium),
        new("Kovalenko", "UA", "uk,ru", [new("Olena", Gender.Female, 1983)], [new("Maksym", Gender.Male, 2009)], ReferralSource.Organisation, "Shelter", new(2024, 1, 22), CaseStatus.Declined, RiskLevel.Low),
        new("Mohammadi", "AF", "fa", [new("Mohammad", Gender.Male, 1987), new("Fatemeh", Gender.Female, 1993)], [new("Ahmad", Gender.Male, 2015), new("Maryam", Gender.Female, 2018)], ReferralSource.Detention, "Visit in closed centre", new(2024, 4, 15), CaseStatus.Active, RiskLevel.High),
        new("Batbayar", "MN", "mn,ru", [new("Tuya", Gender.Female, 1989), new("Ganbold", Gender.Male, 1986)], [new("Temuulen", Gender.Male, 2013)], ReferralSource.Organisation, "Lawyer", new(2024, 8, 26), CaseStatus.Active, RiskLevel.Medium),
        new("Touré", "SN", "fr,wo", [new("Aminata", Gender.Female, 1992)], [new("Moussa", Gender.Male, 2018), new("Awa", Gender.Female, 2021)], ReferralSource.Community, "Volunteer", new(2024, 12, 2), CaseStatus.Declined, RiskLevel.DontKnow),
        new("Abu Khalil", "stateless", "ar", [new("Mahmoud", Gender.Male, 1980), new("Hiba", Gender.Female, 1985)], [new("Yara", Gender.Female, 2010), new("Adam", Gender.Male, 2013)], ReferralSource.Organisation, "Statelessness desk", new(2025, 2, 17), CaseStatus.Active, RiskLevel.High),
        new("Benali", "DZ", "ar,fr", [new("Karim", Gender.Male, 1982), new("Samira", Gender.Female, 1988)], [new("Yanis", Gender.Male, 2012)], ReferralSource.Self, "", new(2025, 5, 6), CaseStatus.Active, RiskLevel.Medium),
        new("Kiladze", "GE", "ka", [new("Giorgi", Gender.Male, 1985), new("Tamar", Gender.Female, 1987)], [new("Ana", Gender.Female, 2016), new("Saba", Gender.Male, 2019)], ReferralSource.Organisation, "School", new(2025, 9, 10), CaseStatus.Declined, RiskLevel.Low),
        new("Castillo", "EC", "es", [new("María", Gender.Female, 1990)], [new("Mateo", Gender.Male, 2014), new("Valentina", Gender.Female, 2017)], ReferralSource.Community, "Neighbourhood house", new(2025, 11, 24), CaseStatus.Active, RiskLevel.Medium),
        new("Mansouri", "TN", "ar,fr", [new("Sami", Gender.Male, 1986), new("Leila", Gender.Female, 1990)], [new("Ines", Gender.Female, 2015)], ReferralSource.Detention, "Released from closed centre", new(2026, 6, 3), CaseStatus.Screening, RiskLevel.High),
        new("Sargsyan", "AM", "hy,ru", [new("Hayk", Gender.Male, 1983), new("Gayane", Gender.Female, 1986)], [new("Mane", Gender.Female, 2012), new("Davit", Gender.Male, 2018)], ReferralSource.Organisation, "Legal aid NGO", new(2026, 9, 14), CaseStatus.Referred, RiskLevel.DontKnow),
    ];

    private static readonly (string First, string Last, Gender Gender, int BirthYear, string Nationality, string Languages, DateOnly Referred, CaseStatus Status)[] Coachees =
    [
        ("Ibrahim", "Kamara", Gender.Male, 1990, "SL", "en", new(2025, 10, 8), CaseStatus.Active),
        ("Olga", "Ivanova", Gender.Female, 1978, "RU", "ru", new(2025, 12, 3), CaseStatus.Active),
        ("Ahmed", "Bensaïd", Gender.Male, 1995, "MA", "ar,fr", new(2026, 2, 11), CaseStatus.Closed),
        ("Thi Lan", "Nguyen", Gender.Female, 1988, "VN", "vi", new(2026, 5, 20), CaseStatus.Active),
        ("Kwame", "Mensah", Gender.Male, 1984, "GH", "en", new(2026, 10, 7), CaseStatus.Referred),
    ];

    // English (the default), French, Dutch.
    private static readonly (string En, string Fr, string Nl)[] PlanTogetherCriteria =
    [
        ("Family with at least one child under 18", "Famille avec au moins un enfant de moins de 18 ans", "Gezin met minstens één kind jonger dan 18 jaar"),
        ("No residence permit", "Pas de titre de séjour", "Geen verblijfsvergunning"),
        ("Risk of detention", "Risque de détention", "Risico op detentie"),
        ("Access to stable housing", "Accès à un logement stable", "Toegang tot stabiele huisvesting"),
        ("No serious public-order record", "Pas d'antécédents graves en matière d'ordre public", "Geen ernstige antecedenten inzake openbare orde"),
        ("Willing to engage and work with the case managers", "Prête à s'engager et à travailler avec les gestionnaires de dossier", "Bereid om zich te engageren en samen te werken met de casemanagers"),
        ("No major medical or psychological problems", "Pas de problèmes médicaux ou psychologiques majeurs", "Geen ernstige medische of psychologische problemen"),
    ];

    private static readonly (ClosureOutcome, DurableSolution)[] Closures =
    [
        (ClosureOutcome.ResolvedRegularisation, DurableSolution.LegalStayHere),
        (ClosureOutcome.ResolvedVoluntaryReturn, DurableSolution.VoluntaryReturn),
        (ClosureOutcome.RemainedInContact, DurableSolution.LegalStayOtherEuState),
        (ClosureOutcome.Disengaged, DurableSolution.None),
        (ClosureOutcome.ResolvedRegularisation, DurableSolution.LegalStayHere),
    ];

    public static async Task SeedAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<TrajetDbContext>();
        if (await db.Organisations.AnyAsync(o => o.Name == "Famille Plus"))
        {
            return;
        }

        var famillePlus = Organisation("Famille Plus", OrganisationKind.Ngo, "BE");
        var atd = Organisation("ATD Department", OrganisationKind.Authority, "BE");
        // As its letters name it: "Le service …", "De dienst …".
        atd.Names = new() { Fr = "Accompagnement des trajets (ATD)", Nl = "Trajectbegeleiding (ATD)" };
        var reachOut = Organisation("Reach Out BE", OrganisationKind.Agency, "BE");
        var reachOutFr = Organisation("Reach Out FR", OrganisationKind.Agency, "FR");
        var planTogether = Programme(famillePlus, "plan-together", "Plan Together", ProgrammeKind.FamilyCaseManagement, "PT");
        var icam = Programme(atd, "icam", "ICAM individual coaching", ProgrammeKind.IndividualCoaching, "IC");
        var reach = Programme(reachOut, "reach-out", "Reach Out", ProgrammeKind.Outreach, "RO");
        var reachFr = Programme(reachOutFr, "reach-out-fr", "Reach Out France", ProgrammeKind.Outreach, "RF");
        db.Organisations.AddRange(famillePlus, atd, reachOut, reachOutFr);
        await db.SaveChangesAsync();
        await Data.Startup.SeedDeadlineRulesAsync(db);
        db.Partners.AddRange(
            new Trajet.Web.Features.Partners.Partner { OrganisationId = famillePlus.Id, Name = "Maître A. Lambert", Kind = Trajet.Web.Features.Partners.PartnerKind.Lawyer, Phone = "+32 2 000 00 00" },
            new Trajet.Web.Features.Partners.Partner { OrganisationId = famillePlus.Id, Name = "CPAS / OCMW", Kind = Trajet.Web.Features.Partners.PartnerKind.SocialServices },
            new Trajet.Web.Features.Partners.Partner { OrganisationId = famillePlus.Id, Name = "Centre de santé mentale Ulysse", Kind = Trajet.Web.Features.Partners.PartnerKind.Psychologist },
            new Trajet.Web.Features.Partners.Partner { OrganisationId = famillePlus.Id, Name = "Délégué général aux droits de l'enfant", Kind = Trajet.Web.Features.Partners.PartnerKind.Authority });

        var users = services.GetRequiredService<UserManager<User>>();
        await CreateUser(users, "admin@trajet.demo", "Alex Admin", null, Roles.Administrator, null);
        var coordinator = await CreateUser(users, "coordinator@ngo.demo", "Claire Dubois", famillePlus, Roles.Coordinator, planTogether);
        var cm1 = await CreateUser(users, "cm1@ngo.demo", "Sarah Janssens", famillePlus, Roles.CaseManager, planTogether);
        var cm2 = await CreateUser(users, "cm2@ngo.demo", "Youssef Haddou", famillePlus, Roles.CaseManager, planTogether);
        await CreateUser(users, "evaluator@ngo.demo", "Eva Peeters", famillePlus, Roles.Evaluator, planTogether);
        var coach = await CreateUser(users, "coach@atd.demo", "Koen Verbeke", atd, Roles.CaseManager, icam);
        var outreachWorker = await CreateUser(users, "outreach@reachout.demo", "Nadia Ouali", reachOut, Roles.OutreachWorker, reach);
        var mediator = await CreateUser(users, "mediator@reachout.demo", "Dawit Haile", reachOut, Roles.Mediator, reach);
        var outreachWorkerFr = await CreateUser(users, "outreach@reachout-fr.demo", "Julie Martin", reachOutFr, Roles.OutreachWorker, reachFr);

        var criteria = PlanTogetherCriteria.Select((text, i) => new AdmissionCriterion
        {
            ProgrammeId = planTogether.Id,
            Position = i + 1,
            Text = text.En,
            Texts = new() { Fr = text.Fr, Nl = text.Nl, En = text.En },
        }).ToList();
        db.AdmissionCriteria.AddRange(criteria);

        var counters = new Dictionary<(Guid, int), int>();
        var index = 0;
        foreach (var family in Families)
        {
            var @case = NewCase(planTogether, CaseKind.Family, family.Source, family.ReferredBy, family.Referred, family.Risk, counters);
            AddHistory(@case, family.Referred, family.Status, family.Status == CaseStatus.Closed ? coordinator.Id : cm1.Id, index);
            if (family.Status != CaseStatus.Referred)
            {
                // Declined families fail one criterion (housing or willingness); the others meet all.
                var failed = family.Status == CaseStatus.Declined ? (index % 2 == 0 ? 3 : 5) : -1;
                @case.Screening.AddRange(criteria.Select((c, i) => new ScreeningAnswer
                {
                    CaseId = @case.Id,
                    CriterionId = c.Id,
                    Answer = i == failed ? CriterionAnswer.NotMet : CriterionAnswer.Met,
                    Note = i == failed ? "Discussed at the screening visit" : null,
                    RecordedByUserId = cm1.Id,
                }));
            }
            if (family.Status is not (CaseStatus.Referred or CaseStatus.Declined))
            {
                @case.Assignments.Add(new CaseAssignment { CaseId = @case.Id, UserId = index % 3 == 0 ? cm2.Id : cm1.Id, AssignedByUserId = coordinator.Id });
            }
            if (@case.AdmittedOn is { } admitted)
            {
                AddInstruments(db, @case, admitted, index, cm1.Id);
            }
            index++;
            foreach (var parent in family.Parents)
            {
                @case.Members.Add(NewMember(@case, MemberRole.Parent, parent, family.LastName, family.Nationality, family.Languages));
            }
            foreach (var child in family.Children)
            {
                @case.Members.Add(NewMember(@case, MemberRole.Child, child, family.LastName, family.Nationality, family.Languages));
            }
            db.Cases.Add(@case);
        }
        var coached = new List<Case>();
        foreach (var c in Coachees)
        {
            var @case = NewCase(icam, CaseKind.Individual, ReferralSource.Other, "Invitation letter", c.Referred, RiskLevel.DontKnow, counters);
            AddHistory(@case, c.Referred, c.Status, coach.Id, 0);
            @case.Assignments.Add(new CaseAssignment { CaseId = @case.Id, UserId = coach.Id });
            @case.Members.Add(NewMember(@case, MemberRole.Other, new Person(c.First, c.Gender, c.BirthYear), c.Last, c.Nationality, c.Languages));
            db.Cases.Add(@case);
            coached.Add(@case);
        }
        var today = (services.GetService<TimeProvider>() ?? TimeProvider.System).Today();
        AddCoaching(db, icam, coached, coach.Id, today);
        var contacts = OutreachDemo.Seed(db, reachOut, reach, outreachWorker, mediator, reachOutFr, reachFr, outreachWorkerFr,
            services.GetRequiredService<TimeProvider>().Today());
        await db.SaveChangesAsync();
        await SeedAccessHistoryAsync(db, famillePlus, planTogether, coordinator, cm1, cm2);
        logger.LogInformation("Demo data seeded: {Families} family cases, {Coachees} individual cases, {Contacts} outreach contacts",
            Families.Length, Coachees.Length, contacts);
    }

    /// <summary>Some reads and a printed timeline, so that a coordinator's access history is not only the seeding.</summary>
    private static async Task SeedAccessHistoryAsync(TrajetDbContext db, Organisation organisation, Programme programme, params User[] people)
    {
        var cases = await db.Cases.Where(c => c.ProgrammeId == programme.Id).OrderBy(c => c.Number).Take(4)
            .Select(c => new { c.Id, Person = c.Members.OrderBy(m => m.CreatedAt).Select(m => m.Id).First() }).ToListAsync();
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            var reader = people[1 + (i % 2)];
            var actor = new AuditActor(reader.Id, reader.Email, organisation.Id);
            db.QueueAudit(new AuditDraft(AuditAction.Read, "Case", c.Id.ToString(), c.Id, organisation.Id, $$"""{"path":"/Cases/Details/{{c.Id}}"}""", actor));
            db.QueueAudit(new AuditDraft(AuditAction.Read, "Member", c.Person.ToString(), c.Id, organisation.Id, $$"""{"path":"/Cases/EditMember/{{c.Id}}/{{c.Person}}"}""", actor));
            db.QueueAudit(new AuditDraft(AuditAction.Export, "Case", c.Id.ToString(), c.Id, organisation.Id, $$"""{"path":"/Cases/Timeline/{{c.Id}}"}""",
                new AuditActor(people[0].Id, people[0].Email, organisation.Id)));
        }
        await db.SaveChangesAsync();
    }

    private static Organisation Organisation(string name, OrganisationKind kind, string country) => new() { Name = name, Kind = kind, Country = country };

    private static Programme Programme(Organisation organisation, string slug, string name, ProgrammeKind kind, string prefix)
    {
        var programme = new Programme { OrganisationId = organisation.Id, Slug = slug, Name = name, Kind = kind, CasePrefix = prefix };
        organisation.Programmes.Add(programme);
        return programme;
    }

    private static async Task<User> CreateUser(UserManager<User> users, string email, string name, Organisation? organisation, string role, Programme? programme)
    {
        // The published demo accounts sign in with the password alone (API.md): exempt from the
        // two-factor requirement, which only this seed can set. Their password is shorter than the
        // policy's 12 characters, so it is hashed here rather than validated.
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisation?.Id, TwoFactorExempt = true };
        if (programme is not null)
        {
            user.Programmes.Add(new UserProgramme { UserId = user.Id, ProgrammeId = programme.Id });
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        return user;
    }

    private static Case NewCase(Programme programme, CaseKind kind, ReferralSource source, string referredBy, DateOnly referred, RiskLevel risk, Dictionary<(Guid, int), int> counters)
    {
        var key = (programme.Id, referred.Year);
        counters[key] = counters.GetValueOrDefault(key) + 1;
        var at = referred.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        return new Case
        {
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            Number = $"{programme.CasePrefix}-{referred.Year}-{counters[key]:0000}",
            Kind = kind,
            Referral = new Referral { Source = source, ReferredBy = referredBy.Length > 0 ? referredBy : null, Date = referred, KnownBefore = source == ReferralSource.Detention, RiskAtIntake = risk },
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>The dated path from referral to the case's status today.</summary>
    private static void AddHistory(Case @case, DateOnly referred, CaseStatus final, Guid by, int index)
    {
        var path = final switch
        {
            CaseStatus.Referred => [CaseStatus.Referred],
            CaseStatus.Screening => [CaseStatus.Referred, CaseStatus.Screening],
            CaseStatus.Declined => [CaseStatus.Referred, CaseStatus.Screening, CaseStatus.Declined],
            CaseStatus.Paused => [CaseStatus.Referred, CaseStatus.Screening, CaseStatus.Admitted, CaseStatus.Active, CaseStatus.Paused],
            CaseStatus.Closed => [CaseStatus.Referred, CaseStatus.Screening, CaseStatus.Admitted, CaseStatus.Active, CaseStatus.Closed],
            _ => new[] { CaseStatus.Referred, CaseStatus.Screening, CaseStatus.Admitted, CaseStatus.Active },
        };
        int[] offsets = [0, 7, 21, 22, 230];
        CaseStatus? from = null;
        for (var i = 0; i < path.Length; i++)
        {
            var date = referred.AddDays(offsets[i] + (i == 4 ? index * 9 : 0));
            var reason = path[i] switch
            {
                CaseStatus.Declined => "A criterion is not met",
                CaseStatus.Paused => "The family asked for time after a negative decision",
                CaseStatus.Closed => "Durable solution reached",
                _ => null,
            };
            @case.StatusChanges.Add(new CaseStatusChange { CaseId = @case.Id, From = from, To = path[i], Date = date, At = date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), ByUserId = by, Reason = reason });
            from = path[i];
            if (path[i] == CaseStatus.Admitted)
            {
                @case.AdmittedOn = date;
                @case.SupportPeriods.Add(new CaseSupportPeriod { CaseId = @case.Id, ProgrammeId = @case.ProgrammeId, From = date });
            }
            if (path[i] == CaseStatus.Closed)
            {
                (@case.Outcome, @case.DurableSolution) = Closures[index % Closures.Length];
                @case.ClosedOn = date;
                @case.SupportPeriods[^1].To = date;
                (@case.StatusChanges[^1].Outcome, @case.StatusChanges[^1].DurableSolution) = (@case.Outcome, @case.DurableSolution);
            }
        }
        @case.Status = final;
    }

    private static Member NewMember(Case @case, MemberRole role, Person person, string lastName, string nationality, string languages)
    {
        var adult = role != MemberRole.Child;
        var member = new Member
        {
            CaseId = @case.Id,
            OrganisationId = @case.OrganisationId,
            Role = role,
            FirstName = person.First,
            LastName = lastName,
            Gender = person.Gender,
            BirthDate = new DateOnly(person.BirthYear, person.BirthMonth, 15),
            Nationality = nationality,
            Languages = languages,
            Aliases = Aliases.GetValueOrDefault(lastName) is { } alias && adult ? alias : "",
            Vulnerabilities = adult ? (nationality == "stateless" ? "stateless" : "") : "child",
            ArrivalYear = adult ? Math.Max(person.BirthYear + 18, @case.Referral.Date.Year - 6) : null,
            EverHadLegalStay = adult ? person.BirthYear % 3 == 0 : null,
            AskedAsylumOnArrival = adult ? person.BirthYear % 2 == 0 : null,
            DetentionDays = adult && @case.Referral.Source == ReferralSource.Detention ? 45 : null,
            ReDetentions = adult && @case.Referral.Source == ReferralSource.Detention ? 0 : null,
            CreatedAt = @case.CreatedAt.AddMinutes(role == MemberRole.Parent ? 1 : 2),
        };
        SaveMember.IndexNames(member);
        return member;
    }

    /// <summary>Other spellings families are known under in their papers.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["Petrosyan"] = "Petrossian",
        ["Rahimi"] = "Rahimy",
        ["Dudaev"] = "Dudayev",
        ["Al-Jaberi"] = "Al Jabiri",
        ["Mohammadi"] = "Muhammadi",
        ["Abu Khalil"] = "Abou Khalil",
        ["Haddad"] = "Hadad",
    };
}
