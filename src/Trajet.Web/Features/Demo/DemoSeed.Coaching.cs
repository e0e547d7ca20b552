using Trajet.Web.Features.Coaching;

namespace Trajet.Web.Features.Demo;

public static partial class DemoSeed
{
    /// <summary>
    /// The ICAM desks (SPEC §1.2: Brussels, Antwerp, Liège, Wednesdays 9:00–12:00), last Wednesday's walk-ins,
    /// appointments around today, interviews and pathway decisions of the coaching cases.
    /// </summary>
    private static void AddCoaching(TrajetDbContext db, Programme icam, List<Case> cases, Guid coach, DateOnly today)
    {
        Desk NewDesk(string name, string fr, string nl, string address, Region region)
        {
            var desk = new Desk
            {
                OrganisationId = icam.OrganisationId,
                ProgrammeId = icam.Id,
                Name = name,
                Names = new() { Fr = fr, Nl = nl, En = name },
                Address = address,
                Region = region,
                Contact = "+32 2 000 00 00 · coaching@atd.demo",
            };
            desk.Openings.Add(new DeskOpening { DeskId = desk.Id, Day = DayOfWeek.Wednesday, Opens = new(9, 0), Closes = new(12, 0) });
            db.Desks.Add(desk);
            return desk;
        }
        var brussels = NewDesk("Brussels desk", "Permanence de Bruxelles", "Loket Brussel", "Boulevard Pachéco 44, 1000 Brussels", Region.Brussels);
        var antwerp = NewDesk("Antwerp desk", "Permanence d'Anvers", "Loket Antwerpen", "Italiëlei 4 bus 1, 2000 Antwerpen", Region.Flanders);
        var liege = NewDesk("Liège desk", "Permanence de Liège", "Loket Luik", "Rue de Fragnée 2, 4000 Liège", Region.Wallonia);
        var (kamara, ivanova, bensaid, nguyen, mensah) = (cases[0], cases[1], cases[2], cases[3], cases[4]);
        foreach (var (c, desk) in new[] { (kamara, brussels), (bensaid, brussels), (mensah, brussels), (nguyen, antwerp), (ivanova, liege) })
        {
            db.CoachingFiles.Add(new CoachingFile { CaseId = c.Id, DeskId = desk.Id });
        }

        var lastWednesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Wednesday + 7) % 7));
        var nextWednesday = today.AddDays(((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7);
        WalkIn Visit(Desk desk, int hour, int minute, string? name, string language, bool interpreter, Case? known, string question, WalkInOutcome outcome) => new()
        {
            OrganisationId = icam.OrganisationId,
            ProgrammeId = icam.Id,
            DeskId = desk.Id,
            Date = lastWednesday,
            ArrivedAt = new(hour, minute),
            Name = name,
            Language = language,
            InterpreterNeeded = interpreter,
            FirstVisit = known is null,
            CaseId = known?.Id,
            Question = question,
            Status = WalkInStatus.Done,
            SeenByUserId = coach,
            CalledAt = new TimeOnly(hour, minute).AddMinutes(10),
            Outcome = outcome,
            RegisteredByUserId = coach,
        };
        db.WalkIns.AddRange(
            Visit(brussels, 9, 5, "Samuel Okafor", "en", false, null, "Can I still appeal against the refusal of my application?", WalkInOutcome.InformationGiven),
            Visit(brussels, 9, 20, null, "en", false, kamara, "Brings the papers asked for at the last interview", WalkInOutcome.AppointmentBooked),
            Visit(brussels, 10, 5, "Leyla Aliyeva", "ru", true, null, "Wants to know about voluntary return for her family", WalkInOutcome.ReferredToPartner),
            Visit(antwerp, 9, 40, null, "vi", true, nguyen, "Question about the letter of the Immigration Office", WalkInOutcome.InformationGiven));

        Appointment Meeting(Case c, Desk desk, DateOnly date, int hour, int minute, AppointmentKind kind, AppointmentStatus status, BookedBy by, string purpose) => new()
        {
            OrganisationId = icam.OrganisationId,
            ProgrammeId = icam.Id,
            CaseId = c.Id,
            CoachUserId = coach,
            Date = date,
            Start = new(hour, minute),
            End = new TimeOnly(hour, minute).AddMinutes(30),
            DeskId = desk.Id,
            Kind = kind,
            BookedBy = by,
            Purpose = purpose,
            Status = status,
            BookedByUserId = coach,
        };
        var kamaraNext = Meeting(kamara, brussels, nextWednesday, 9, 30, AppointmentKind.FollowUp, AppointmentStatus.Booked, BookedBy.Coach, "Conclusions on the file and the options left");
        var mensahFirst = Meeting(mensah, brussels, nextWednesday, 10, 0, AppointmentKind.FirstInterview, AppointmentStatus.Booked, BookedBy.Coach, "First interview");
        db.Appointments.AddRange(kamaraNext, mensahFirst,
            Meeting(nguyen, antwerp, lastWednesday, 10, 0, AppointmentKind.FollowUp, AppointmentStatus.Attended, BookedBy.Person, "Documents for the procedure"),
            Meeting(ivanova, liege, nextWednesday, 11, 0, AppointmentKind.FollowUp, AppointmentStatus.Booked, BookedBy.Person, "Return partner's answer"));
        db.Invitations.AddRange(
            new Invitation { OrganisationId = icam.OrganisationId, ProgrammeId = icam.Id, CaseId = mensah.Id, AppointmentId = mensahFirst.Id, Language = "en", Addressee = "Kwame Mensah", Contact = brussels.Contact, IssuedOn = today, CreatedByUserId = coach },
            new Invitation { OrganisationId = icam.OrganisationId, ProgrammeId = icam.Id, CaseId = kamara.Id, AppointmentId = kamaraNext.Id, Language = "fr", Addressee = "Ibrahim Kamara", Contact = brussels.Contact, IssuedOn = today, CreatedByUserId = coach });

        Trajet.Web.Features.Interactions.Interaction Interview(Case c, DateOnly date, bool first, string checkedText, string? missing, string? conclusions) => new()
        {
            CaseId = c.Id,
            OrganisationId = c.OrganisationId,
            ProgrammeId = c.ProgrammeId,
            Date = date,
            Type = first ? Trajet.Web.Features.Interactions.InteractionType.FirstInterview : Trajet.Web.Features.Interactions.InteractionType.FollowUpInterview,
            DurationMinutes = 45,
            FileChecked = checkedText,
            MissingItems = missing,
            Conclusions = conclusions,
            RecordedByUserId = coach,
        };
        db.Interactions.AddRange(
            Interview(kamara, kamara.Referral.Date.AddDays(14), true, "Asylum procedure and its final refusal; order to leave the territory", "Passport; proof of the years in Belgium", null),
            Interview(kamara, lastWednesday, false, "Papers brought at the desk", null, "No legal stay possible; voluntary return refused for now"),
            Interview(ivanova, ivanova.Referral.Date.AddDays(14), true, "Regularisation request refused twice", "Medical certificate", null),
            Interview(nguyen, nguyen.Referral.Date.AddDays(7), true, "Family links in Belgium; work permit history", "Birth certificate of the child", null),
            Interview(nguyen, lastWednesday, false, "Birth certificate received", null, "Legal stay possible through family reunification"),
            Interview(bensaid, bensaid.Referral.Date.AddDays(10), true, "Residence history", "Employer's statement", null));

        PathwayDecision Decide(Case c, Pathway pathway, DateOnly date, string reasons) => new()
        {
            CaseId = c.Id,
            OrganisationId = c.OrganisationId,
            ProgrammeId = c.ProgrammeId,
            Pathway = pathway,
            Date = date,
            Reasons = reasons,
            DecidedByUserId = coach,
        };
        var legalStay = Decide(bensaid, Pathway.LegalStay, bensaid.Referral.Date.AddDays(60), "Long residence and a job offer: a regularisation request can succeed");
        legalStay.Procedure = "Regularisation request on humanitarian grounds";
        legalStay.InformationGiven = "Documents to join, where to file, how long it usually takes";
        legalStay.PersonFilesThemself = true;
        var nguyenStay = Decide(nguyen, Pathway.LegalStay, lastWednesday, "Her child's father has legal stay: family reunification is open");
        nguyenStay.Procedure = "Family reunification";
        nguyenStay.InformationGiven = "Conditions, documents and the municipality where to file";
        nguyenStay.PersonFilesThemself = true;
        var ivanovaReturn = Decide(ivanova, Pathway.VoluntaryReturn, ivanova.Referral.Date.AddDays(45), "Two refusals, no new element: no legal stay possible");
        ivanovaReturn.OptionsExplained = "Voluntary return with reintegration support; what a forced return would mean";
        var kamaraRefused = Decide(kamara, Pathway.ReturnRefused, lastWednesday, "No legal stay possible and voluntary return refused at the follow-up interview");
        db.PathwayDecisions.AddRange(legalStay, nguyenStay, ivanovaReturn, kamaraRefused);
        foreach (var (c, d) in new[] { (bensaid, legalStay), (nguyen, nguyenStay), (ivanova, ivanovaReturn), (kamara, kamaraRefused) })
        {
            var file = db.CoachingFiles.Local.Single(f => f.CaseId == c.Id);
            file.Pathway = d.Pathway;
            file.PathwayOn = d.Date;
        }
    }
}
